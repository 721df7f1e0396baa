//! The JavaScript API of the embed bundle: `mount(element, options)` and the
//! handle it returns.

use crate::mount::{mount as mount_instance, Instance};
use crate::options::Options;
use leptos::prelude::*;
use organigramme_core::{search, Action};
use std::rc::Rc;
use wasm_bindgen::prelude::{wasm_bindgen, JsValue};
use web_sys::HtmlElement;

/// Mounts a chart into `element`. `options` takes the names of the
/// `data-*` attributes (`src`, `mode`, `layout`, `layoutSwitch`, `search`,
/// `linkPrefix`, `lang`, `open`, `label`, `depth`), plus `data` for inline JSON (a string or an
/// object).
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Organigramme {
    Organigramme { instance: mount_instance(element, Options::from_js(&options)) }
}

/// A mounted chart. Its methods act once `organigramme:ready` has fired,
/// and return whether they did.
#[wasm_bindgen]
pub struct Organigramme {
    instance: Rc<Instance>,
}

impl From<Rc<Instance>> for Organigramme {
    fn from(instance: Rc<Instance>) -> Self {
        Organigramme { instance }
    }
}

#[wasm_bindgen]
impl Organigramme {
    /// Removes every node, listener and timer the chart created, and puts
    /// the element's original content back.
    pub fn destroy(&self) {
        self.instance.destroy();
    }

    #[wasm_bindgen(js_name = expandAll)]
    pub fn expand_all(&self) -> bool {
        self.instance.dispatch(|_| Some(Action::ExpandAll))
    }

    #[wasm_bindgen(js_name = collapseAll)]
    pub fn collapse_all(&self) -> bool {
        self.instance.dispatch(|_| Some(Action::CollapseAll))
    }

    /// The units that match `text` over the whole chart, opened or not,
    /// best first: `[{ id, name, path }]`, `path` being the names from the
    /// root down to the unit. Empty before the chart has rendered.
    pub fn search(&self, text: &str) -> js_sys::Array {
        let matches = js_sys::Array::new();
        let Some(ctx) = self.instance.ctx() else { return matches };
        let (_, found) = ctx.search(text);
        ctx.chart.with_value(|chart| {
            for f in &found {
                let path: js_sys::Array = search::path(chart, f.unit).into_iter().map(JsValue::from_str).collect();
                let entry = js_sys::Object::new();
                for (key, value) in [
                    ("id", JsValue::from_str(&chart[f.unit].id)),
                    ("name", JsValue::from_str(&chart[f.unit].name)),
                    ("path", path.into()),
                ] {
                    let _ = js_sys::Reflect::set(&entry, &key.into(), &value);
                }
                matches.push(&entry);
            }
        });
        matches
    }

    /// Opens the unit's ancestors and focuses it; false for an unknown id.
    /// With `{ updateUrl: true }`, the page's URL then links to the unit.
    pub fn reveal(&self, unit_id: &str, options: JsValue) -> bool {
        let update_url = js_sys::Reflect::get(&options, &"updateUrl".into()).is_ok_and(|v| v.is_truthy());
        self.instance.dispatch(|ctx| {
            let unit = ctx.chart.with_value(|c| c.find(unit_id))?;
            if update_url {
                ctx.show_in_url(unit);
            }
            Some(Action::Reveal(unit))
        })
    }
}
