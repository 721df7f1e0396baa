use super::search::Search;
use crate::context::use_chart;
use crate::options::Layout;
use leptos::prelude::*;
use organigramme_core::Action;

/// The search, how the chart is shown (the layout switch, the text
/// size), then what it shows ("Tout déplier", "Tout replier",
/// next to the chart), printing it whole, and the polite status that says
/// what they changed.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = use_chart();
    let texts = ctx.texts;
    let layout_button = move |layout: Layout, label: &'static str| {
        view! {
            <button
                type="button"
                class="og-button"
                aria-pressed=move || if ctx.layout.get() == layout { "true" } else { "false" }
                on:click=move |_| ctx.set_layout(layout)
            >
                {label}
            </button>
        }
    };
    // A fieldset and its legend: the switch is one group, named, in HTML.
    let switch = ctx.layout_switch.then(|| {
        view! {
            <fieldset class="og-group">
                <legend>{texts.layout()}</legend>
                {layout_button(Layout::List, texts.layout_list())}
                {layout_button(Layout::Chart, texts.layout_chart())}
            </fieldset>
        }
    });
    // The size, in both layouts: the same controls, so that the switch
    // changes neither the accessibility tree nor the focus order.
    let zoom = view! {
        <fieldset class="og-group">
            <legend>{texts.zoom()}</legend>
            <button type="button" class="og-button" on:click=move |_| ctx.zoom_step(false)>
                {texts.zoom_out()}
            </button>
            <button type="button" class="og-button" on:click=move |_| ctx.zoom_step(true)>
                {texts.zoom_in()}
            </button>
            <button type="button" class="og-button" on:click=move |_| ctx.zoom_to_fit()>
                {texts.zoom_fit()}
            </button>
        </fieldset>
    };
    view! {
        <div class="og-toolbar">
            {ctx.searchable.then(|| view! { <Search /> })}
            {switch}
            {zoom}
            <button type="button" class="og-button" on:click=move |_| ctx.dispatch(Action::ExpandAll)>
                {texts.expand_all()}
            </button>
            <button type="button" class="og-button" on:click=move |_| ctx.dispatch(Action::CollapseAll)>
                {texts.collapse_all()}
            </button>
            <button type="button" class="og-button" on:click=move |_| ctx.print()>
                {texts.print()}
            </button>
        </div>
        <p class="og-status" role="status">{move || ctx.status.get()}</p>
    }
}
