use super::details::Details;
use super::toolbar::Toolbar;
use super::tree::TreeItem;
use super::unit::UnitItem;
use crate::context::ChartCtx;
use crate::events;
use crate::options::Mode;
use crate::texts;
use leptos::prelude::*;
use organigramme_core::{Action, Chart, InitialView};

/// The whole widget: the outer disclosure, and the chart region it shows.
#[component]
pub fn Organigramme(chart: Chart, initial: InitialView, label: Option<String>, mode: Mode) -> impl IntoView {
    let meta = chart.meta.clone();
    let root = chart.root();
    let ctx = ChartCtx::provide(chart, initial, mode);
    let open = ctx.disclosure_open;
    let (disclosure_id, region_id, title_id) = ctx.prefix.with_value(|p| (p.disclosure(), p.region(), p.title()));
    let root_ref = NodeRef::<leptos::html::Div>::new();
    let footer = meta.updated.as_deref().map(texts::dated).map(|dated| {
        let source = meta.source.clone().map(|s| view! { " · " <a href=s>{texts::SOURCE}</a> });
        view! { <p class="og-footer">{dated}{source}</p> }
    });
    view! {
        <div
            class="organigramme"
            node_ref=root_ref
            on:click=move |ev| events::on_click(ctx, ev.into())
            on:keydown=move |ev| events::on_keydown(ctx, ev)
            on:focusin=move |ev| events::on_focusin(ctx, ev)
            on:focusout=move |ev| {
                if let Some(root) = root_ref.get_untracked() {
                    events::on_focusout(ctx, ev, &root)
                }
            }
            on:beforematch=move |ev: web_sys::Event| events::on_beforematch(ctx, ev)
        >
            <button
                type="button"
                class="og-disclosure"
                id=disclosure_id
                aria-controls=region_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| ctx.dispatch(Action::ToggleDisclosure)
            >
                {label.unwrap_or_else(|| texts::DISCLOSURE_LABEL.to_owned())}
            </button>
            <div class="og-chart" id=region_id hidden=move || (!open.get()).then_some("until-found")>
                <p class="og-title" id=title_id.clone()>{meta.title.clone()}</p>
                <Toolbar />
                {match mode {
                    Mode::List => view! {
                        <ul class="og-tree" aria-labelledby=title_id>
                            <UnitItem id=root />
                        </ul>
                    }.into_any(),
                    Mode::Tree => view! {
                        <div class="og-treeview">
                            <ul role="tree" class="og-tree" aria-labelledby=title_id>
                                <TreeItem id=root />
                            </ul>
                            <Details />
                        </div>
                    }.into_any(),
                }}
                {footer}
            </div>
        </div>
    }
}
