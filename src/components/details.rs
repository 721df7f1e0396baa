use super::people::People;
use crate::context::use_chart;
use leptos::prelude::*;

/// The tree view's details region: the current unit's description, people
/// and link. It follows focus silently (it is not a live region); Enter on a
/// leaf speaks the same details once, through the status.
#[component]
pub fn Details() -> impl IntoView {
    let ctx = use_chart();
    let title_id = ctx.prefix.with_value(|p| p.details_title());
    let body = move || {
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
    view! {
        <section class="og-details" aria-labelledby=title_id.clone()>
            <p class="og-details__title" id=title_id.clone()>{ctx.texts.details_title()}</p>
            {body}
        </section>
    }
}
