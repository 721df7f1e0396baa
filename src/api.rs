//! The JavaScript API of the embed bundle: `mount(element, options)` and the
//! handle it returns.

use crate::mount::{mount as mount_instance, Instance};
use crate::options::Options;
use leptos::prelude::*;
use organigramme_core::Action;
use std::rc::Rc;
use wasm_bindgen::prelude::{wasm_bindgen, JsValue};
use web_sys::HtmlElement;

/// Mounts a chart into `element`. `options` takes the names of the
/// `data-*` attributes (`src`, `mode`, `layout`, `layoutSwitch`, `lang`,
/// `open`, `label`, `depth`), plus `data` for inline JSON (a string or an
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

    /// Opens the unit's ancestors and focuses it; false for an unknown id.
    pub fn reveal(&self, unit_id: &str) -> bool {
        self.instance.dispatch(|ctx| ctx.chart.with_value(|c| c.find(unit_id)).map(Action::Reveal))
    }
}
