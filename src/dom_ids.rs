//! The page-wide side of DOM ids: each mounted chart's prefix, so that
//! several charts on one page never share an id, and which chart gives its
//! units their link ids. The ids themselves are the core's (`markup::Ids`),
//! which writes them into the markup.

use organigramme_core::markup::{Ids, Part};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DocumentFragment, Element, Node};

/// Where a chart's elements are found by id: the document, or the shadow
/// root its host is in, whose ids the document does not see.
#[derive(Clone)]
pub struct Root(Node);

impl Root {
    pub fn of(host: &Element) -> Root {
        Root(host.get_root_node())
    }

    /// The element with `id` here: every chart's ids are unique page-wide.
    pub fn element(&self, id: &str) -> Option<Element> {
        match self.0.dyn_ref::<Document>() {
            Some(document) => document.get_element_by_id(id),
            None => self.0.dyn_ref::<DocumentFragment>()?.get_element_by_id(id),
        }
    }
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
    /// The next prefix no chart of the page uses. Charts take theirs as
    /// they render, not in the page's order, and a static fallback holds
    /// the first chart's ids (`og1`) until its chart renders: a prefix whose
    /// region is in `root` (the host's), outside `host` (whose fallback this
    /// chart replaces), is skipped.
    pub fn next(host: &Element, root: &Root) -> Prefix {
        let global = js_sys::global();
        let key = JsValue::from_str(COUNTER);
        let mut n = js_sys::Reflect::get(&global, &key).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
        let ids = loop {
            n += 1;
            let ids = Ids(format!("og{n}"));
            if root.element(&ids.frame(Part::Region)).is_none_or(|region| host.contains(Some(&region))) {
                break ids;
            }
        };
        let _ = js_sys::Reflect::set(&global, &key, &JsValue::from(n));
        Prefix(ids)
    }
}
