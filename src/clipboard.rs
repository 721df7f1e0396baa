//! Copying a unit's link: with the Clipboard API, said in the status; where
//! the API is missing or refuses (an insecure page, a denied permission),
//! the link is shown instead, selected in a field for the reader to copy.

use crate::context::ChartCtx;
use leptos::prelude::*;
use organigramme_core::frame::link_field;
use organigramme_core::markup::Part;
use organigramme_core::UnitId;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// Copies the unit's link and says so, or hands it to `show` when it could
/// not be copied.
pub fn copy_link(ctx: ChartCtx, unit: UnitId, show: impl FnOnce(String) + 'static) {
    let link = ctx.link(unit);
    let navigator = web_sys::window().map(|w| w.navigator());
    let has_clipboard = navigator.as_ref().is_some_and(|n| {
        js_sys::Reflect::get(n, &JsValue::from_str("clipboard")).is_ok_and(|c| !c.is_undefined() && !c.is_null())
    });
    let Some(navigator) = navigator.filter(|_| has_clipboard) else {
        show(link);
        return;
    };
    let name = ctx.chart.with_value(|c| c[unit].name.clone());
    let written = JsFuture::from(navigator.clipboard().write_text(&link));
    leptos::task::spawn_local(async move {
        let result = written.await;
        // A chart destroyed meanwhile has nothing left to say it in.
        if !ctx.is_alive() {
            return;
        }
        match result {
            Ok(_) => ctx.announce(ctx.texts.link_copied(&name)),
            Err(_) => show(link),
        }
    });
}

/// Focuses the link field and selects the link in it.
fn select_field(ctx: ChartCtx) {
    let field = ctx.part(Part::LinkField).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
        field.select();
    }
}

/// A card's link that could not be copied takes its button's place, until
/// focus leaves it ([`restore_button`]).
pub fn show_in_card(ctx: ChartCtx, button: Element, link: String) {
    let _ = button.insert_adjacent_html("afterend", &field_markup(ctx, &link, "span"));
    let _ = button.set_attribute("hidden", "");
    select_field(ctx);
}

/// The tree's details region shows the link under its button, until focus
/// leaves it ([`restore_button`]) or moves to another unit.
pub fn show_in_details(ctx: ChartCtx, link: String) {
    let copy = ctx.part(Part::DetailsTitle).and_then(|t| t.parent_element()?.query_selector(":scope > .og-copy").ok()?);
    if let Some(copy) = copy {
        let _ = copy.insert_adjacent_html("afterend", &field_markup(ctx, &link, "p"));
        select_field(ctx);
    }
}

fn field_markup(ctx: ChartCtx, link: &str, tag: &str) -> String {
    ctx.prefix.with_value(|p| link_field(&p.0, ctx.texts, link, tag))
}

/// Focus left a card's link field: its button comes back in its place.
pub fn restore_button(field: &Element) {
    let Some(shown) = field.parent_element().filter(|p| p.class_list().contains("og-copy__link")) else { return };
    if let Some(button) = shown.previous_element_sibling().filter(|b| b.class_list().contains("og-copy-link")) {
        let _ = button.remove_attribute("hidden");
    }
    shown.remove();
}
