//! The search field and its results (the frame's `role="search"` form):
//! results that update while typing, and a polite status that says how
//! many once typing pauses. The core searches the whole chart and writes
//! the results' markup (`markup::search_results`), inserted in one go as
//! the units are; the chart's listeners hand the form's events here.
//!
//! The results live in a shadow root of their panel. Chromium's autofill,
//! after each change of a field, looks through the whole document again
//! when elements were added to it since its last look (15 ms a keystroke
//! with 100,000 units open), and never into a shadow root. The page's
//! stylesheet does not reach there either: the results bring their own
//! (`style/results.css`), in the widget's colours, which custom properties
//! carry through.
//!
//! The results float over the chart, so that they never move it: on a
//! chart of 100,000 open units, pushing it down at each keystroke would
//! cost more than the search. Shown while there are results and the search
//! has focus; hidden once a result is chosen, so that they cover nothing
//! the reader is on.

use crate::context::ChartCtx;
use crate::dom::notify;
use leptos::prelude::*;
use organigramme_core::markup::{search_results, Part};
use organigramme_core::{Action, UnitId};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, Event, FocusEvent, HtmlElement, HtmlInputElement, KeyboardEvent, ShadowRootInit, ShadowRootMode};

/// How many results are shown; the rest are counted.
const SHOWN: usize = 50;

/// Silence after the last keystroke before the count is announced.
const PAUSE: Duration = Duration::from_millis(600);

/// The rules of the results, inside their shadow root.
const RESULTS_CSS: &str = include_str!("../style/results.css");

/// The search form an event happened in, if any.
pub fn form_of(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()?.closest(".og-search").ok()?
}

fn field(ctx: ChartCtx) -> Option<HtmlInputElement> {
    ctx.part(Part::Search)?.dyn_into().ok()
}

/// One of the form's elements, after the field.
fn form_part(ctx: ChartCtx, selector: &str) -> Option<HtmlElement> {
    field(ctx)?.parent_element()?.query_selector(selector).ok()??.dyn_into().ok()
}

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
fn results_parts(ctx: ChartCtx) -> Option<(Element, HtmlElement)> {
    let panel = form_part(ctx, ".og-results-panel")?;
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
            // The label is the widget's own text, never the data's.
            root.set_inner_html(&format!(
                "{style}<ul class=\"og-results\" aria-label=\"{}\"></ul><p class=\"og-results__more\" hidden></p>",
                ctx.texts.results()
            ));
            root
        }
    };
    let more = root.last_element_child()?;
    Some((more.previous_element_sibling()?, more.dyn_into().ok()?))
}

fn show_panel(ctx: ChartCtx, show: bool) {
    if let Some(panel) = form_part(ctx, ".og-results-panel") {
        panel.set_hidden(!(show && ctx.search_state.with_value(|s| s.shown) > 0));
    }
}

fn say(ctx: ChartCtx, text: &str) {
    if let Some(status) = form_part(ctx, ".og-search__status") {
        status.set_text_content(Some(text));
    }
}

/// The field takes focus: the index is finished if it is not yet, so that
/// the first keystroke does not wait, and results already there show.
pub fn on_focus(ctx: ChartCtx) {
    ctx.prepare_search();
    show_panel(ctx, true);
}

/// Results at each keystroke, written straight into the list; the count
/// once typing pauses, and only while the field has focus.
pub fn run(ctx: ChartCtx, text: String) {
    let this = ctx.search_state.with_value(|s| s.latest.wrapping_add(1));
    ctx.search_state.update_value(|s| s.latest = this);
    say(ctx, "");
    let (query, found) = ctx.search(&text);
    let first = &found[..found.len().min(SHOWN)];
    ctx.search_state.update_value(|s| s.shown = first.len());
    if let Some((list, more)) = results_parts(ctx) {
        list.set_inner_html(&ctx.chart.with_value(|chart| search_results(chart, first, &query, ctx.texts.role_separator())));
        let rest = found.len() - first.len();
        more.set_text_content(Some(&if rest > 0 { ctx.texts.more_results(rest) } else { String::new() }));
        more.set_hidden(rest == 0);
    }
    show_panel(ctx, true);
    let Some(field) = field(ctx).filter(|_| !query.is_empty()) else { return };
    let count = found.len();
    notify(&field, "organigramme:search", &JsValue::from_f64(count as f64));
    set_timeout(
        move || {
            let field: &Element = field.as_ref();
            // Not the document's active element: in a shadow root, that is its host.
            let focused = field.matches(":focus").unwrap_or(false);
            if ctx.search_state.try_with_value(|s| s.latest) == Some(this) && focused {
                say(ctx, &ctx.texts.found(count, text.trim()));
            }
        },
        PAUSE,
    );
}

/// The n-th result, or the field when there is none.
fn focus_result(ctx: ChartCtx, n: Option<usize>) {
    let selector = n.map(|n| format!(".og-result[data-result=\"{n}\"]"));
    let button = results_parts(ctx).zip(selector).and_then(|((l, _), s)| l.query_selector(&s).ok().flatten());
    let target: Option<HtmlElement> = match button {
        Some(b) => b.dyn_into().ok(),
        None => field(ctx).map(Into::into),
    };
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// In the field, Escape clears it and Down goes to the first result. In
/// the results, Up and Down move, Home and End go to either end, and Up
/// from the first, or Escape, go back to the field.
pub fn on_key(ctx: ChartCtx, ev: KeyboardEvent) {
    let last = ctx.search_state.with_value(|s| s.shown).checked_sub(1);
    let next = match (result_attribute(&ev, "data-result"), ev.key().as_str()) {
        (None, "Escape") if !event_target_value(&ev).is_empty() => {
            if let Some(field) = field(ctx) {
                field.set_value("");
            }
            run(ctx, String::new());
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
    focus_result(ctx, next);
}

/// A result opens every branch above its unit and focuses it.
pub fn on_click(ctx: ChartCtx, ev: &Event) {
    let unit = result_attribute(ev, "data-target").and_then(|i| ctx.chart.with_value(|c| UnitId::from_index(i, c)));
    if let Some(unit) = unit {
        show_panel(ctx, false);
        ctx.dispatch(Action::Reveal(unit));
    }
}

/// Focus leaving the search altogether.
pub fn on_focusout(ctx: ChartCtx, ev: &FocusEvent, form: &Element) {
    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    if !form.contains(to.as_ref()) {
        show_panel(ctx, false);
    }
}
