//! Organigramme: an accessible, keyboard-navigable, expandable organisation
//! chart. This crate is the web view: it mounts, with Leptos, the markup
//! that `organigramme-core` writes for the state it holds, patches it as
//! that state changes, and forwards DOM events to it as actions.

mod api;
mod clipboard;
mod context;
mod dom;
mod dom_ids;
mod events;
mod fetch;
mod mount;
mod options;
mod root;
mod search;

pub use api::{mount, Organigramme};
pub use options::{Mode, Options, Source};
pub use organigramme_core as core;

/// Starts the widget on a page: every `[data-organigramme]` element becomes
/// a chart. Runs when the WebAssembly module is initialised, which the
/// page's parsing need not wait for (`<script type="module" async>`).
pub fn start() {
    // Panic messages in debug builds only: their formatting code would
    // weigh on every page that embeds the release.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // An async module may start before the page is parsed: its charts, with
    // their fallback and inline data, are whole once it is.
    match web_sys::window().and_then(|w| w.document()) {
        Some(document) if document.ready_state() == "loading" => {
            let mount = wasm_bindgen::closure::Closure::once_into_js(mount::auto_mount);
            let _ = document.add_event_listener_with_callback("DOMContentLoaded", wasm_bindgen::JsCast::unchecked_ref(&mount));
        }
        _ => mount::auto_mount(),
    }
}

/// Renders an already loaded chart into `host` at once (for tests and hosts
/// that load the data themselves); the handle can destroy it.
pub fn render(host: web_sys::HtmlElement, chart: core::Chart, options: &Options) -> Organigramme {
    let lang = options.lang_for(&host);
    let instance = mount::Instance::new(host, &options.link_prefix);
    instance.render(chart, options, lang);
    Organigramme::from(instance)
}
