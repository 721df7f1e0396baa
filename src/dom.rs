//! The few DOM calls several of the chart's modules make: focusing an
//! element and showing it, and telling the host what happened.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Focuses `element` and shows it.
pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
        reveal_row(element);
    }
}

/// Scrolls what shows the focused unit into view, in both directions: a
/// wide chart scrolls sideways in its region, and the browser's own focus
/// scrolling may leave a card half out of it. A treeitem holds its whole
/// subtree, so the browser may find it "in view" while its own row is off
/// screen: the row is what is scrolled.
pub fn reveal_row(element: &web_sys::HtmlElement) {
    let row = element.query_selector(":scope > .og-item__row").ok().flatten();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    row.unwrap_or_else(|| element.clone().into()).scroll_into_view_with_scroll_into_view_options(&options);
}

/// Dispatches a bubbling `organigramme:…` event on the host element.
pub fn notify(host: &Element, name: &str, detail: &wasm_bindgen::JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
