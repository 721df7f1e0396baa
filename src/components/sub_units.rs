use crate::context::use_chart;
use leptos::prelude::*;
use organigramme_core::UnitId;

/// A branch's sub-units, in both views: filled when first opened (at once in
/// the eager regime) and kept. The wrapper is what hides: a hidden list or
/// group would still be announced, empty. `item` renders one sub-unit.
#[component]
pub fn SubUnits(
    id: UnitId,
    children: Vec<UnitId>,
    expanded: RwSignal<bool>,
    item: fn(UnitId) -> AnyView,
    /// The wrapper's id, for a disclosure button's `aria-controls`.
    #[prop(optional)]
    dom_id: Option<String>,
    /// `group` in the tree view.
    #[prop(optional)]
    list_role: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_chart();
    let rendered = Memo::new(move |_| expanded.get() || ctx.is_rendered(id));
    // The chart is read-only, so children never reorder: a plain list, not <For>.
    let items = move || rendered.get().then(|| children.iter().map(|&child| item(child)).collect_view());
    view! {
        <div
            class="og-children"
            id=dom_id
            data-unit=id.index()
            hidden=move || (!expanded.get()).then_some("until-found")
        >
            <ul role=list_role>{items}</ul>
        </div>
    }
}
