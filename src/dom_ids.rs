//! DOM ids, formatted in one place. Each mounted chart has its own prefix,
//! so several charts on one page never share an id; the units' ids are the
//! core's (`markup::Ids`), which writes them into the markup.

use organigramme_core::markup::Ids;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The page's element with `id`: every chart's ids are unique page-wide.
pub fn element(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The page-wide count of mounted charts. It lives on the global object, not
/// in this module, so that two copies of the widget on one page (a site's
/// bundle and the embed module) still number their charts apart.
const COUNTER: &str = "__organigrammeCharts";

/// The page-wide record of which link prefixes a chart already writes as
/// its units' ids, on the global object for the same reason as `COUNTER`.
const ANCHORS: &str = "__organigrammeAnchors";

fn anchors_record() -> Option<js_sys::Object> {
    let global = js_sys::global();
    let key = JsValue::from_str(ANCHORS);
    let record = js_sys::Reflect::get(&global, &key).ok().filter(|v| v.is_object());
    match record {
        Some(record) => Some(record.into()),
        None => {
            let record = js_sys::Object::new();
            js_sys::Reflect::set(&global, &key, &record).ok()?;
            Some(record)
        }
    }
}

/// Whether the chart may give its units the ids `prefix` + unit id: the
/// first chart mounted with a prefix does (until it is destroyed); a second
/// one with the same prefix, often the same data, would repeat the ids.
pub fn claim_anchors(prefix: &str) -> bool {
    let Some(record) = anchors_record() else { return false };
    let key = JsValue::from_str(prefix);
    if js_sys::Reflect::has(&record, &key).unwrap_or(true) {
        return false;
    }
    js_sys::Reflect::set(&record, &key, &JsValue::TRUE).unwrap_or(false)
}

/// A destroyed chart gives its prefix back.
pub fn release_anchors(prefix: &str) {
    if let Some(record) = anchors_record() {
        let _ = js_sys::Reflect::delete_property(&record, &JsValue::from_str(prefix));
    }
}

/// The id prefix of one mounted chart: `og1`, `og2`…
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefix(pub Ids);

impl Prefix {
    pub fn next() -> Prefix {
        let global = js_sys::global();
        let key = JsValue::from_str(COUNTER);
        let n = js_sys::Reflect::get(&global, &key).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32 + 1;
        let _ = js_sys::Reflect::set(&global, &key, &JsValue::from(n));
        Prefix(Ids(format!("og{n}")))
    }
}
