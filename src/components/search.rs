//! The search field and its results: a `role="search"` form landmark with a
//! visible label, results that update while typing, and a polite status
//! that says how many once typing pauses. The core searches the whole chart
//! and writes the results' markup (`markup::search_results`), inserted in
//! one go as the units are; handlers on the list read which was chosen.
//!
//! The results live in a shadow root of their panel. Chromium's autofill,
//! after each change of a field, looks through the whole document again
//! when elements were added to it since its last look (15 ms a keystroke
//! with 100,000 units open), and never into a shadow root. The page's
//! stylesheet does not reach there either: the results bring their own
//! (`style/results.css`), in the widget's colours, which custom properties
//! carry through.

use crate::context::use_chart;
use crate::events::notify;
use leptos::prelude::*;
use organigramme_core::markup::search_results;
use organigramme_core::{Action, UnitId};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, Event, HtmlElement, KeyboardEvent, ShadowRootInit, ShadowRootMode};

/// How many results are shown; the rest are counted.
const SHOWN: usize = 50;

/// Silence after the last keystroke before the count is announced.
const PAUSE: Duration = Duration::from_millis(600);

/// The rules of the results, inside their shadow root.
const RESULTS_CSS: &str = include_str!("../../style/results.css");

/// The result button an event happened on, and the attribute `name` of it.
/// The event's target outside the shadow root is its host: the path says
/// where it began.
fn result_attribute(ev: &Event, name: &str) -> Option<usize> {
    let origin = ev.composed_path().get(0).dyn_into::<Element>().ok()?;
    let button = origin.closest(".og-result").ok()??;
    button.get_attribute(name)?.parse().ok()
}

/// The results' list and the line that counts the others, in the panel's
/// shadow root, made on first use. Their rules come as a style sheet built
/// by script, which a host's Content Security Policy lets in, or, where the
/// browser builds none (Safari before 16.4), as a `<style>` element.
fn results_parts(panel: &HtmlElement, label: &str) -> Option<(Element, HtmlElement)> {
    let root = match panel.shadow_root() {
        Some(root) => root,
        None => {
            let root = panel.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok()?;
            let sheet = CssStyleSheet::new().and_then(|sheet| sheet.replace_sync(RESULTS_CSS).map(|()| sheet));
            let style = match sheet {
                Ok(sheet) => {
                    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
                    String::new()
                }
                Err(_) => format!("<style>{RESULTS_CSS}</style>"),
            };
            // `label` is the widget's own text, never the data's.
            root.set_inner_html(&format!("{style}<ul class=\"og-results\" aria-label=\"{label}\"></ul><p class=\"og-results__more\" hidden></p>"));
            root
        }
    };
    let more = root.last_element_child()?;
    Some((more.previous_element_sibling()?, more.dyn_into().ok()?))
}

#[component]
pub fn Search() -> impl IntoView {
    let ctx = use_chart();
    let texts = ctx.texts;
    let title = ctx.chart.with_value(|c| c.meta.title.clone());
    let (field_id, hint_id) = ctx.prefix.with_value(|p| (p.search(), p.search_hint()));
    let input = NodeRef::<leptos::html::Input>::new();
    let panel = NodeRef::<leptos::html::Div>::new();
    let status = NodeRef::<leptos::html::P>::new();
    let parts = move || panel.get_untracked().and_then(|p| results_parts(&p, texts.results()));
    // How many results are listed. Each search supersedes the announcement
    // still waiting: it checks that it is the latest (rather than clearing
    // a timer by its id).
    let shown = StoredValue::new(0usize);
    let latest = StoredValue::new(0u32);
    // The results float over the chart, so that they never move it: on a
    // chart of 100,000 open units, pushing it down at each keystroke would
    // cost more than the search. Shown while there are results and the
    // search has focus; hidden once a result is chosen, so that they cover
    // nothing the reader is on.
    let show_panel = move |show: bool| {
        if let Some(panel) = panel.get_untracked() {
            panel.set_hidden(!(show && shown.get_value() > 0));
        }
    };
    let say = move |text: &str| {
        if let Some(status) = status.get_untracked() {
            status.set_text_content(Some(text));
        }
    };

    // Results at each keystroke, written straight into the list; the count
    // once typing pauses, and only while the field has focus.
    let run = move |text: String| {
        latest.update_value(|n| *n = n.wrapping_add(1));
        let this = latest.get_value();
        say("");
        let (query, found) = ctx.search(&text);
        let first = &found[..found.len().min(SHOWN)];
        shown.set_value(first.len());
        if let Some((list, more)) = parts() {
            list.set_inner_html(&ctx.chart.with_value(|chart| search_results(chart, first, &query, texts.role_separator())));
            let rest = found.len() - first.len();
            more.set_text_content(Some(&if rest > 0 { texts.more_results(rest) } else { String::new() }));
            more.set_hidden(rest == 0);
        }
        show_panel(true);
        let Some(field) = input.get_untracked().filter(|_| !query.is_empty()) else { return };
        let count = found.len();
        notify(&field, "organigramme:search", &JsValue::from_f64(count as f64));
        set_timeout(
            move || {
                let field: &Element = field.as_ref();
                let focused = field.owner_document().and_then(|d| d.active_element()).is_some_and(|a| a == *field);
                if latest.try_get_value() == Some(this) && focused {
                    say(&texts.found(count, text.trim()));
                }
            },
            PAUSE,
        );
    };
    // The n-th result, or the field when there is none.
    let focus_result = move |n: Option<usize>| {
        let selector = n.map(|n| format!(".og-result[data-result=\"{n}\"]"));
        let button = parts().zip(selector).and_then(|((l, _), s)| l.query_selector(&s).ok().flatten());
        let target: Option<HtmlElement> = match button {
            Some(b) => b.dyn_into().ok(),
            None => input.get_untracked().map(|i| i.into()),
        };
        if let Some(target) = target {
            let _ = target.focus();
        }
    };
    // In the field, Escape clears it and Down goes to the first result. In
    // the results, Up and Down move, Home and End go to either end, and Up
    // from the first, or Escape, go back to the field.
    let on_key = move |ev: KeyboardEvent| {
        let last = shown.get_value().checked_sub(1);
        let next = match (result_attribute(&ev, "data-result"), ev.key().as_str()) {
            (None, "Escape") if !event_target_value(&ev).is_empty() => {
                if let Some(field) = input.get_untracked() {
                    field.set_value("");
                }
                run(String::new());
                ev.prevent_default();
                return;
            }
            (None, "ArrowDown") if last.is_some() => Some(0),
            (Some(at), "ArrowDown") => last.map(|l| (at + 1).min(l)),
            (Some(at), "ArrowUp") => at.checked_sub(1),
            (Some(_), "Home") => Some(0),
            (Some(_), "End") => last,
            (Some(_), "Escape") => None,
            _ => return,
        };
        ev.prevent_default();
        focus_result(next);
    };
    // A result opens every branch above its unit and focuses it.
    let on_click = move |ev: web_sys::MouseEvent| {
        let unit = result_attribute(&ev, "data-target").and_then(|i| ctx.chart.with_value(|c| UnitId::from_index(i, c)));
        if let Some(unit) = unit {
            show_panel(false);
            ctx.dispatch(Action::Reveal(unit));
        }
    };
    // Focus leaving the search altogether.
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let search = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !search.is_some_and(|s| s.contains(to.as_ref())) {
            show_panel(false);
        }
    };
    // A form, which it never submits: Chromium's autofill, at each change
    // of a field outside any form, looks through the whole document for
    // others (about 45 ms a keystroke with 100,000 units open), and only
    // through the form otherwise.
    view! {
        <form
            class="og-search"
            role="search"
            aria-label=texts.search_landmark(&title)
            on:keydown=on_key
            on:click=on_click
            on:focusout=on_focusout
            on:submit=|ev| ev.prevent_default()
        >
            <label class="og-search__label" for=field_id.clone()>{texts.search_label()}</label>
            <input
                type="search"
                class="og-search__field"
                id=field_id
                node_ref=input
                aria-describedby=hint_id.clone()
                autocomplete="off"
                spellcheck="false"
                on:focus=move |_| {
                    ctx.prepare_search();
                    show_panel(true);
                }
                on:input=move |ev| run(event_target_value(&ev))
            />
            <p class="og-search__hint" id=hint_id>{texts.search_hint()}</p>
            <p class="og-search__status" role="status" node_ref=status></p>
            // A press on a result keeps focus in the field until the click:
            // browsers that do not focus a clicked button (Safari) would
            // otherwise hide the results, with focus leaving, before it.
            <div class="og-results-panel" node_ref=panel hidden on:mousedown=|ev| ev.prevent_default()></div>
        </form>
    }
}
