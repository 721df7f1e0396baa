use crate::context::use_chart;
use leptos::prelude::*;
use organigramme_core::Action;

/// "Tout déplier", "Tout replier", and the polite status that says what
/// they changed.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = use_chart();
    view! {
        <div class="og-toolbar">
            <button type="button" class="og-button" on:click=move |_| ctx.dispatch(Action::ExpandAll)>
                {ctx.texts.expand_all()}
            </button>
            <button type="button" class="og-button" on:click=move |_| ctx.dispatch(Action::CollapseAll)>
                {ctx.texts.collapse_all()}
            </button>
        </div>
        <p class="og-status" role="status">{move || ctx.status.get()}</p>
    }
}
