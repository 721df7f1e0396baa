use super::details::Details;
use super::toolbar::Toolbar;
use crate::context::ChartCtx;
use crate::events;
use crate::options::{lang_attribute, Layout, Mode};
use leptos::prelude::*;
use organigramme_core::Action;

/// The whole widget: the outer disclosure, and the chart region it shows.
/// The title is a heading of level `heading` where the host gives one (its
/// outline is the host's to know), else a paragraph that names the region.
#[component]
pub fn Organigramme(ctx: ChartCtx, label: Option<String>, heading: Option<String>) -> impl IntoView {
    let meta = ctx.chart.with_value(|c| c.meta.clone());
    let (mode, texts) = (ctx.mode, ctx.texts);
    // `lang` where it differs: the widget's strings from the page, and the
    // data's text from the widget's strings.
    let ui_lang = texts.0.tag();
    let root_lang = lang_attribute(texts.0);
    let data_lang = meta.lang.clone().filter(|l| !l.split('-').next().unwrap_or("").eq_ignore_ascii_case(ui_lang));
    let open = ctx.disclosure_open;
    let (disclosure_id, region_id, title_id, scroller_id) =
        ctx.prefix.with_value(|p| (p.disclosure(), p.region(), p.title(), p.scroller()));
    let layout = ctx.layout;
    let root_ref = NodeRef::<leptos::html::Div>::new();
    // Printing from the browser's menu sizes a chart layout to the page too.
    let before = window_event_listener_untyped("beforeprint", move |_| ctx.before_print());
    let after = window_event_listener_untyped("afterprint", move |_| ctx.after_print());
    // A link to one of its units, followed on the page.
    let hash = window_event_listener_untyped("hashchange", move |_| ctx.reveal_fragment());
    on_cleanup(move || {
        before.remove();
        after.remove();
        hash.remove();
    });
    // Every unit, written by the core and parsed by the browser in one go,
    // in nested lists or an APG tree. A wide chart scrolls in its own
    // region, named by the title: the same element in both layouts, so that
    // the accessibility tree is the same.
    let units = ctx.root_markup();
    let role = (mode == Mode::Tree).then_some("tree");
    let scroller = view! {
        <div class="og-scroller" id=scroller_id role="region" aria-labelledby=title_id.clone()>
            <ul role=role class="og-tree" aria-labelledby=title_id.clone() lang=data_lang.clone() inner_html=units></ul>
        </div>
    };
    // Links refused by the loader: the chart shows, and says what it dropped.
    let warnings = ctx.chart.with_value(|c| c.warnings.iter().map(|w| w.message(texts.0)).collect::<Vec<_>>());
    let warnings = (!warnings.is_empty()).then(|| {
        view! {
            <div class="og-warnings" role="alert">
                {warnings.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
            </div>
        }
    });
    // The date and the source are independent: either may be missing.
    let dated = meta.updated.as_deref().map(|d| texts.dated(d));
    let separator = (dated.is_some() && meta.source.is_some()).then_some(" · ");
    let source = meta.source.clone().map(|s| view! { <a href=s>{texts.source()}</a> });
    let footer = (dated.is_some() || source.is_some())
        .then(|| view! { <p class="og-footer">{dated}{separator}{source}</p> });
    // Tachys has no aria-level of its own: a custom attribute.
    let title_role = heading.as_ref().map(|_| "heading");
    let title = view! { <p class="og-title" id=title_id.clone() role=title_role lang=data_lang.clone()>{meta.title.clone()}</p> }
        .attr("aria-level", heading);
    view! {
        <div
            class=move || if layout.get() == Layout::Chart { "organigramme og-layout-chart" } else { "organigramme" }
            lang=root_lang
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
            {warnings}
            <button
                type="button"
                class="og-disclosure"
                id=disclosure_id
                aria-controls=region_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| ctx.dispatch(Action::ToggleDisclosure)
            >
                {label.unwrap_or_else(|| texts.disclosure_label().to_owned())}
            </button>
            <div class="og-chart" id=region_id hidden=move || (!open.get()).then_some("until-found")>
                {title}
                <Toolbar />
                {match mode {
                    Mode::List => scroller.into_any(),
                    Mode::Tree => view! { <div class="og-treeview">{scroller} <Details /></div> }.into_any(),
                }}
                {footer}
            </div>
        </div>
    }
}
