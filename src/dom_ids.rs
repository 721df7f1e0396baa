//! DOM ids, formatted in one place. Each mounted chart has its own prefix,
//! so several charts on one page never share an id.

use organigramme_core::UnitId;
use wasm_bindgen::JsValue;

/// The page-wide count of mounted charts. It lives on the global object, not
/// in this module, so that two copies of the widget on one page (a site's
/// bundle and the embed module) still number their charts apart.
const COUNTER: &str = "__organigrammeCharts";

/// The id prefix of one mounted chart: `og1`, `og2`…
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefix(String);

impl Prefix {
    pub fn next() -> Prefix {
        let global = js_sys::global();
        let key = JsValue::from_str(COUNTER);
        let n = js_sys::Reflect::get(&global, &key).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32 + 1;
        let _ = js_sys::Reflect::set(&global, &key, &JsValue::from(n));
        Prefix(format!("og{n}"))
    }

    pub fn disclosure(&self) -> String {
        format!("{}-disclosure", self.0)
    }

    pub fn region(&self) -> String {
        format!("{}-chart", self.0)
    }

    pub fn title(&self) -> String {
        format!("{}-title", self.0)
    }

    /// What takes focus for a unit: in the list view a branch's disclosure
    /// button or a leaf's label, in the tree view the treeitem.
    pub fn focus_target(&self, unit: UnitId) -> String {
        format!("{}-t{}", self.0, unit.index())
    }

    /// A treeitem's label, its accessible name.
    pub fn label(&self, unit: UnitId) -> String {
        format!("{}-n{}", self.0, unit.index())
    }

    /// A treeitem's people, its accessible description.
    pub fn people(&self, unit: UnitId) -> String {
        format!("{}-p{}", self.0, unit.index())
    }

    pub fn details_title(&self) -> String {
        format!("{}-details", self.0)
    }

    /// A branch's list of sub-units.
    pub fn group(&self, unit: UnitId) -> String {
        format!("{}-g{}", self.0, unit.index())
    }
}
