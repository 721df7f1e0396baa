use super::people::People;
use crate::context::use_chart;
use leptos::prelude::*;
use organigramme_core::UnitId;

/// One unit as a list item: its label (a disclosure button when it has
/// sub-units), its description, people and link, then its sub-list.
#[component]
pub fn UnitItem(id: UnitId) -> AnyView {
    let ctx = use_chart();
    let (unit, children) = ctx.chart.with_value(|c| (c[id].clone(), c.children(id).collect::<Vec<_>>()));
    let label = view! {
        <span class="og-name">{unit.name.clone()}</span>
        {unit.short_name.map(|s| view! { " " <span class="og-short">"("{s}")"</span> })}
    };
    // Outside the button, so its name is the unit's name alone.
    let kind = unit.kind.map(|k| view! { <span class="og-kind">{k}</span> });
    let head = if children.is_empty() {
        // Not a tab stop, but focusable when a host reveals this unit.
        let focus_id = ctx.prefix.with_value(|p| p.focus_target(id));
        view! { <p class="og-label" id=focus_id tabindex="-1">{label}</p> }.into_any()
    } else {
        let expanded = ctx.expanded(id);
        let (toggle_id, group_id) = ctx.prefix.with_value(|p| (p.focus_target(id), p.group(id)));
        view! {
            <button
                type="button"
                class="og-toggle"
                id=toggle_id
                data-unit=id.index()
                aria-controls=group_id
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
            >
                {label}
            </button>
        }
        .into_any()
    };
    let link = unit.url.map(|url| {
        let text = url.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("mailto:");
        view! { <p class="og-link">{ctx.texts.link_prefix()}<a href=url.clone()>{text.to_owned()}</a></p> }
    });
    view! {
        <li class="og-unit" data-unit=id.index()>
            <div class="og-unit__head">{head}{kind}</div>
            {unit.description.map(|d| view! { <p class="og-desc">{d}</p> })}
            <People people=unit.people />
            {link}
            {(!children.is_empty()).then(|| view! { <SubUnits id children /> })}
        </li>
    }
    .into_any()
}

/// A branch's sub-list: always in the DOM so `aria-controls` resolves, and
/// filled when first opened (at once in the eager regime). The wrapper is
/// what hides: a hidden-until-found list would still be announced, empty.
#[component]
fn SubUnits(id: UnitId, children: Vec<UnitId>) -> impl IntoView {
    let ctx = use_chart();
    let expanded = ctx.expanded(id);
    let rendered = Memo::new(move |_| expanded.get() || ctx.is_rendered(id));
    let group_id = ctx.prefix.with_value(|p| p.group(id));
    // The chart is read-only, so children never reorder: a plain list, not <For>.
    let items = move || {
        rendered.get().then(|| children.iter().map(|&child| view! { <UnitItem id=child /> }).collect_view())
    };
    view! {
        <div
            class="og-children"
            id=group_id
            data-unit=id.index()
            hidden=move || (!expanded.get()).then_some("until-found")
        >
            <ul>{items}</ul>
        </div>
    }
}
