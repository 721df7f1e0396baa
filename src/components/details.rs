use super::people::People;
use crate::clipboard::{copy_link, select_field};
use crate::context::{use_chart, ChartCtx};
use leptos::prelude::*;
use organigramme_core::markup::link_text;

/// Shows the link where it cannot be copied: in a field, selected, with
/// focus, once rendered, for the reader to copy.
fn show_link(ctx: ChartCtx, shown: RwSignal<Option<String>>, link: String) {
    shown.set(Some(link));
    let id = ctx.prefix.with_value(|p| p.link_field());
    request_animation_frame(move || select_field(&id));
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
            // Shown as the list shows it, without its scheme.
            {unit.url.map(|url| {
                let text = link_text(&url).to_owned();
                view! { <p class="og-link">{ctx.texts.link_prefix()}<a href=url>{text}</a></p> }
            })}
        }
    };
    let copy = move |_| {
        shown.set(None);
        copy_link(ctx, ctx.current.get_untracked(), move |link| show_link(ctx, shown, link));
    };
    let link = move || {
        shown.get().map(|link| {
            let label = ctx.prefix.with_value(|p| p.link_field());
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
