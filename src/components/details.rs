use super::people::People;
use crate::context::{use_chart, ChartCtx};
use leptos::prelude::*;
use organigramme_core::UnitId;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Shows the link where it cannot be copied: in a field, selected, with
/// focus, once rendered, for the reader to copy.
fn show_link(ctx: ChartCtx, shown: RwSignal<Option<String>>, link: String) {
    shown.set(Some(link));
    let id = ctx.prefix.with_value(|p| p.details_link());
    request_animation_frame(move || {
        let field = crate::dom_ids::element(&id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(field) = field {
            let _ = field.focus();
            field.select();
        }
    });
}

/// Copies the unit's link with the Clipboard API and says so; where the API
/// is missing or refuses, the link is shown instead.
fn copy_link(ctx: ChartCtx, unit: UnitId, shown: RwSignal<Option<String>>) {
    let link = ctx.link(unit);
    let navigator = web_sys::window().map(|w| w.navigator());
    let has_clipboard = navigator.as_ref().is_some_and(|n| {
        js_sys::Reflect::get(n, &JsValue::from_str("clipboard")).is_ok_and(|c| !c.is_undefined() && !c.is_null())
    });
    let Some(navigator) = navigator.filter(|_| has_clipboard) else {
        show_link(ctx, shown, link);
        return;
    };
    let name = ctx.chart.with_value(|c| c[unit].name.clone());
    let written = JsFuture::from(navigator.clipboard().write_text(&link));
    leptos::task::spawn_local(async move {
        match written.await {
            Ok(_) => {
                shown.set(None);
                ctx.announce(ctx.texts.link_copied(&name));
            }
            Err(_) => show_link(ctx, shown, link),
        }
    });
}

/// The tree view's details region: the current unit's description, people
/// and link. It follows focus silently (it is not a live region); Enter on a
/// leaf speaks the same details once, through the status.
#[component]
pub fn Details() -> impl IntoView {
    let ctx = use_chart();
    let title_id = ctx.prefix.with_value(|p| p.details_title());
    // The link, when it could not be copied; gone when focus moves on.
    let shown = RwSignal::new(None::<String>);

    let body = move || {
        shown.set(None);
        let unit = ctx.chart.with_value(|c| c[ctx.current.get()].clone());
        view! {
            <p class="og-details__name">
                {unit.name}
                {unit.short_name.map(|s| view! { " (" {s} ")" })}
            </p>
            {unit.kind.map(|k| view! { <p class="og-kind">{k}</p> })}
            {unit.description.map(|d| view! { <p class="og-desc">{d}</p> })}
            <People people=unit.people />
            {unit.url.map(|url| view! { <p class="og-link">{ctx.texts.link_prefix()}<a href=url.clone()>{url.clone()}</a></p> })}
        }
    };
    let copy = move |_| copy_link(ctx, ctx.current.get_untracked(), shown);
    let link = move || {
        shown.get().map(|link| {
            let label = ctx.prefix.with_value(|p| p.details_link());
            view! {
                <p class="og-copy__link">
                    <label for=label.clone()>{ctx.texts.link_to()}</label>
                    " "
                    <input type="text" readonly id=label value=link />
                </p>
            }
        })
    };
    view! {
        <section class="og-details" aria-labelledby=title_id.clone()>
            <p class="og-details__title" id=title_id.clone()>{ctx.texts.details_title()}</p>
            {body}
            <p class="og-copy">
                <button type="button" class="og-button" on:click=copy>{ctx.texts.copy_link()}</button>
            </p>
            {link}
        </section>
    }
}
