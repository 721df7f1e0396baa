//! Mounting a chart into a host element: fetch, load, render, announce.

use crate::components::{Alert, Organigramme};
use crate::events::notify;
use crate::fetch::load_chart;
use crate::options::{Mode, Options};
use crate::texts;
use leptos::prelude::*;
use organigramme_core::{Chart, InitialView};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// Loads `options.src` and renders the chart into `host`. The host's
/// current content (a static fallback) stays until the chart has rendered;
/// on failure it stays, under a `role="alert"` message. Dispatches a bubbling
/// `organigramme:ready` or `organigramme:error` event on `host`.
pub fn mount(host: HtmlElement, options: Options) {
    wasm_bindgen_futures::spawn_local(async move {
        match load_chart(&options.src).await {
            Ok(chart) => render(host, chart, &options),
            Err(err) => {
                let message = texts::fetch_error(&err);
                let first = host.first_child();
                let text = message.clone();
                mount_to(host.clone(), move || view! { <Alert message=text /> }).forget();
                // The alert goes first, above the fallback it explains.
                if let Some(alert) = host.last_child() {
                    let _ = host.insert_before(&alert, first.as_ref());
                }
                notify(&host, "organigramme:error", &JsValue::from_str(&message));
            }
        }
    });
}

/// Renders a loaded chart into `host` at once, replacing what it holds, and
/// dispatches `organigramme:ready`.
pub fn render(host: HtmlElement, chart: Chart, options: &Options) {
    let units = chart.len();
    let fallback = children_of(&host);
    let initial = InitialView { depth: options.depth, open: options.open };
    let (label, mode) = (options.label.clone(), options.mode);
    mount_to(host.clone(), move || view! { <Organigramme chart initial label mode /> }).forget();
    for node in fallback {
        let _ = host.remove_child(&node);
    }
    notify(&host, "organigramme:ready", &JsValue::from_f64(units as f64));
}

fn children_of(host: &Element) -> Vec<web_sys::Node> {
    let nodes = host.child_nodes();
    (0..nodes.length()).filter_map(|i| nodes.item(i)).collect()
}

/// The standalone page: `#organigramme`, with `?src=` and `?open=1`.
pub fn standalone() {
    let Some(window) = web_sys::window() else { return };
    let host = window.document().and_then(|d| d.get_element_by_id("organigramme"));
    let Some(host) = host.and_then(|h| h.dyn_into::<HtmlElement>().ok()) else { return };
    let params = window.location().search().ok().and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let mut options = Options::default();
    if let Some(src) = param("src").or_else(|| host.get_attribute("data-src")) {
        options.src = src;
    }
    options.open = param("open").is_some_and(|v| v == "1" || v == "true");
    options.mode = param("mode").as_deref().and_then(Mode::parse).unwrap_or_default();
    mount(host, options);
}
