use super::name::UnitName;
use super::sub_units::SubUnits;
use crate::context::use_chart;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use organigramme_core::UnitId;

/// One unit as an APG treeitem. Its name is its label (name and short
/// name), its description its people. Nothing inside it is focusable: the
/// item itself takes focus, with a roving tabindex.
#[component]
pub fn TreeItem(id: UnitId) -> AnyView {
    let ctx = use_chart();
    let (unit, children) = ctx.chart.with_value(|c| (c[id].clone(), c.children(id).collect::<Vec<_>>()));
    let item = ctx.item(id);
    let (item_id, label_id, people_id) = ctx.prefix.with_value(|p| (p.focus_target(id), p.label(id), p.people(id)));
    let expanded = (!children.is_empty()).then(|| ctx.expanded(id));
    let people = (!unit.people.is_empty()).then(|| ctx.texts.people(&unit.people));
    // The macro builds children before attributes: give each its own copy.
    let described_by = people.as_ref().map(|_| people_id.clone());
    let labelled_by = label_id.clone();
    view! {
        <li
            role="treeitem"
            class="og-item"
            id=item_id
            data-unit=id.index()
            tabindex=move || if ctx.is_current(id) { "0" } else { "-1" }
            aria-setsize=item.set_size
            aria-posinset=item.pos_in_set
            aria-expanded=move || expanded.map(|e| if e.get() { "true" } else { "false" })
            aria-labelledby=labelled_by
            aria-describedby=described_by
        >
            <span class="og-item__row">
                <span class="og-item__label" id=label_id>
                    <UnitName name=unit.name short_name=unit.short_name />
                </span>
                {unit.kind.map(|k| view! { " " <span class="og-kind">{k}</span> })}
                {people.map(|p| view! { <span class="og-item__people" id=people_id>{p}</span> })}
            </span>
            {expanded.map(|expanded| {
                let item: fn(UnitId) -> AnyView = |child| view! { <TreeItem id=child /> }.into_any();
                view! { <SubUnits id children expanded item list_role="group" /> }
            })}
        </li>
    }
    // tachys knows no `aria-level` attribute yet, so it is added by name.
    .add_any_attr(custom_attribute("aria-level", item.level))
    .into_any()
}
