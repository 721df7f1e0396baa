use super::name::UnitName;
use super::people::People;
use super::sub_units::SubUnits;
use crate::context::use_chart;
use leptos::prelude::*;
use organigramme_core::UnitId;

/// One unit as a list item: its label (a disclosure button when it has
/// sub-units), its description, people and link, then its sub-list.
#[component]
pub fn UnitItem(id: UnitId) -> AnyView {
    let ctx = use_chart();
    let (unit, children) = ctx.chart.with_value(|c| (c[id].clone(), c.children(id).collect::<Vec<_>>()));
    let label = view! { <UnitName name=unit.name short_name=unit.short_name /> };
    // Outside the button, so its name is the unit's name alone.
    let kind = unit.kind.map(|k| view! { <span class="og-kind">{k}</span> });
    let expanded = (!children.is_empty()).then(|| ctx.expanded(id));
    let group_id = ctx.prefix.with_value(|p| p.group(id));
    let head = if let Some(expanded) = expanded {
        let toggle_id = ctx.prefix.with_value(|p| p.focus_target(id));
        view! {
            <button
                type="button"
                class="og-toggle"
                id=toggle_id
                data-unit=id.index()
                aria-controls=group_id.clone()
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
            >
                {label}
            </button>
        }
        .into_any()
    } else {
        // Not a tab stop, but focusable when a host reveals this unit.
        let focus_id = ctx.prefix.with_value(|p| p.focus_target(id));
        view! { <p class="og-label" id=focus_id tabindex="-1">{label}</p> }.into_any()
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
            {expanded.map(|expanded| {
                let item: fn(UnitId) -> AnyView = |child| view! { <UnitItem id=child /> }.into_any();
                view! { <SubUnits id children expanded item dom_id=group_id /> }
            })}
        </li>
    }
    .into_any()
}
