//! Thin DOM handlers, delegated to the chart's root: each maps an event to
//! a core action, prevents the default only when it handled the event, and
//! dispatches. One listener per event type, whatever the chart's size.

use crate::context::ChartCtx;
use crate::options::{Layout, Mode};
use crate::search;
use organigramme_core::frame::Control;
use organigramme_core::keys::{list_action, tree_action, Key, Modifiers};
use leptos::prelude::*;
use organigramme_core::{Action, UnitId};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, FocusEvent, KeyboardEvent};

/// The chart's listeners: one closure for every event type, on the chart's
/// root, and on the window for printing and links followed on the page.
/// Dropping them removes them.
pub struct Listeners {
    root: Element,
    handler: Closure<dyn Fn(Event)>,
}

const ROOT_EVENTS: [&str; 8] = ["click", "keydown", "focusin", "focusout", "beforematch", "input", "mousedown", "submit"];
const WINDOW_EVENTS: [&str; 3] = ["beforeprint", "afterprint", "hashchange"];

impl Listeners {
    pub fn attach(ctx: ChartCtx, root: Element) -> Listeners {
        let target = root.clone();
        let handler = Closure::<dyn Fn(Event)>::new(move |ev: Event| handle(ctx, &target, ev));
        let listeners = Listeners { root, handler };
        listeners.each(|target, name, f| {
            let _ = target.add_event_listener_with_callback(name, f);
        });
        listeners
    }

    fn each(&self, act: impl Fn(&web_sys::EventTarget, &str, &js_sys::Function)) {
        let f = self.handler.as_ref().unchecked_ref();
        for name in ROOT_EVENTS {
            act(&self.root, name, f);
        }
        if let Some(window) = web_sys::window() {
            for name in WINDOW_EVENTS {
                act(&window, name, f);
            }
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        self.each(|target, name, f| {
            let _ = target.remove_event_listener_with_callback(name, f);
        });
    }
}

fn handle(ctx: ChartCtx, root: &Element, ev: Event) {
    match ev.type_().as_str() {
        "click" => on_click(ctx, ev),
        "keydown" => on_keydown(ctx, ev.unchecked_into()),
        "focusin" => on_focusin(ctx, ev.unchecked_into()),
        "focusout" => on_focusout(ctx, ev.unchecked_into(), root),
        "beforematch" => on_beforematch(ctx, ev),
        "input" => on_input(ctx, ev),
        "mousedown" => on_mousedown(ev),
        // The search form is never submitted.
        "submit" => ev.prevent_default(),
        // Printing from the browser's menu sizes a chart layout to the page too.
        "beforeprint" => ctx.before_print(),
        "afterprint" => ctx.after_print(),
        // A link to one of its units, followed on the page.
        "hashchange" => ctx.reveal_fragment(),
        _ => {}
    }
}

/// The nearest element that matches `selector` from an event's target, and
/// the unit of this chart its `attribute` names.
fn unit_at(ctx: &ChartCtx, target: Option<web_sys::EventTarget>, selector: &str, attribute: &str) -> Option<(UnitId, Element)> {
    let element = target?.dyn_into::<Element>().ok()?.closest(selector).ok()??;
    let index = element.get_attribute(attribute)?.parse::<usize>().ok()?;
    ctx.chart.with_value(|chart| UnitId::from_index(index, chart)).map(|unit| (unit, element))
}

/// The unit an event concerns: the nearest element carrying `data-unit`
/// that matches `selector`, inside this chart.
fn unit_of(ctx: &ChartCtx, target: Option<web_sys::EventTarget>, selector: &str) -> Option<UnitId> {
    unit_at(ctx, target, selector, "data-unit").map(|(unit, _)| unit)
}

/// What holds focus for a unit in each view.
fn focusable(mode: Mode) -> &'static str {
    match mode {
        Mode::List => ".og-toggle[data-unit]",
        Mode::Tree => "[role=treeitem][data-unit]",
    }
}

/// What one of the frame's buttons does.
fn on_control(ctx: ChartCtx, control: Control) {
    match control {
        Control::Disclosure => ctx.dispatch(Action::ToggleDisclosure),
        Control::LayoutList => ctx.set_layout(Layout::List),
        Control::LayoutChart => ctx.set_layout(Layout::Chart),
        Control::ZoomOut => ctx.zoom_step(false),
        Control::ZoomIn => ctx.zoom_step(true),
        Control::ZoomFit => ctx.zoom_to_fit(),
        Control::ExpandAll => ctx.dispatch(Action::ExpandAll),
        Control::CollapseAll => ctx.dispatch(Action::CollapseAll),
        Control::Print => ctx.print(),
        Control::CopyLink => {
            ctx.hide_details_link();
            crate::clipboard::copy_link(ctx, ctx.current.get_value(), move |link| crate::clipboard::show_in_details(ctx, link));
        }
    }
}

/// A click on one of the frame's buttons does what it says, on a search
/// result reveals its unit; on a unit, it toggles a branch or copies a
/// card's link, and on a tree leaf performs its default action.
fn on_click(ctx: ChartCtx, ev: Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let control = target.as_ref().and_then(|t| t.closest("[data-control]").ok()?);
    if let Some(control) = control.and_then(|c| Control::parse(&c.get_attribute("data-control")?)) {
        return on_control(ctx, control);
    }
    if search::form_of(&ev).is_some() {
        return search::on_click(ctx, &ev);
    }
    match ctx.mode {
        Mode::List => {
            // A card's "Copier le lien" button.
            if let Some((unit, button)) = unit_at(&ctx, ev.target(), ".og-copy-link[data-copy]", "data-copy") {
                crate::clipboard::copy_link(ctx, unit, move |link| crate::clipboard::show_in_card(ctx, button, link));
            } else if let Some(unit) = unit_of(&ctx, ev.target(), focusable(ctx.mode)) {
                ctx.dispatch(Action::Toggle(unit));
            }
        }
        Mode::Tree => {
            if let Some(unit) = clicked_item(&ctx, ev.target()) {
                // Activating an item focuses it, even when the click did not
                // (a script's or an assistive technology's click).
                ctx.dispatch(Action::Reveal(unit));
                ctx.dispatch(Action::Activate);
            }
        }
    }
}

/// The treeitem a click activates: the item itself (as assistive
/// technologies click it) or its row, not the gaps of its open group.
fn clicked_item(ctx: &ChartCtx, target: Option<web_sys::EventTarget>) -> Option<UnitId> {
    let target = target?.dyn_into::<Element>().ok()?;
    let item = target.closest(focusable(Mode::Tree)).ok()??;
    let on_row = target.closest(".og-item__row").ok().flatten().and_then(|row| row.parent_element()) == Some(item.clone());
    (target == item || on_row).then(|| unit_of(ctx, Some(item.into()), focusable(Mode::Tree))).flatten()
}

/// Left and Right swap in right-to-left text.
fn is_rtl(ev: &KeyboardEvent) -> bool {
    let element = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let style = element.and_then(|e| web_sys::window()?.get_computed_style(&e).ok().flatten());
    style.and_then(|s| s.get_property_value("direction").ok()).is_some_and(|d| d == "rtl")
}

fn on_keydown(ctx: ChartCtx, ev: KeyboardEvent) {
    if search::form_of(&ev).is_some() {
        return search::on_key(ctx, ev);
    }
    let Some(unit) = unit_of(&ctx, ev.target(), focusable(ctx.mode)) else { return };
    let modifiers = Modifiers { ctrl: ev.ctrl_key(), alt: ev.alt_key(), meta: ev.meta_key(), shift: ev.shift_key() };
    let Some(mut key) = Key::from_dom(&ev.key()) else { return };
    // Reading the direction costs a style computation: only Left and Right need it.
    if matches!(key, Key::ArrowLeft | Key::ArrowRight) && is_rtl(&ev) {
        key = key.mirrored();
    }
    let action = match ctx.mode {
        Mode::List => list_action(key, modifiers),
        Mode::Tree => tree_action(key, modifiers, ev.time_stamp() as u64),
    };
    let Some(action) = action else { return };
    ev.prevent_default();
    ctx.dispatch(Action::Focused(unit));
    ctx.dispatch(action);
}

/// The tree draws the focus ring on the focused item's row, by a class: a
/// selector such as `.og-item:focus-visible > .og-item__row` would restyle
/// every row below the item on each move.
fn mark_focus_ring(ctx: &ChartCtx, target: Option<web_sys::EventTarget>, focused: bool) {
    if ctx.mode != Mode::Tree {
        return;
    }
    let Some(item) = target.and_then(|t| t.dyn_into::<Element>().ok()).filter(|e| e.matches(focusable(Mode::Tree)).unwrap_or(false))
    else {
        return;
    };
    let visible = focused && item.matches(":focus-visible").unwrap_or(true);
    if let Some(row) = item.first_element_child() {
        let _ = row.class_list().toggle_with_force("og-focus", visible);
    }
}

fn on_focusin(ctx: ChartCtx, ev: FocusEvent) {
    mark_focus_ring(&ctx, ev.target(), true);
    if ev.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| t.class_list().contains("og-search__field")) {
        search::on_focus(ctx);
    }
    // Chromium's focus scrolling leaves a control half out of a scrolling
    // region: in the chart layout, whatever takes focus shows whole.
    if ctx.layout.get_value() == Layout::Chart {
        if let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            crate::dom::reveal_row(&element);
        }
    }
    match unit_of(&ctx, ev.target(), "[data-unit]") {
        Some(unit) => ctx.dispatch(Action::Focused(unit)),
        None => ctx.dispatch(Action::FocusElsewhere),
    }
}

/// Focus leaving the search hides its results; leaving the chart
/// altogether, there is nothing to rescue any more.
fn on_focusout(ctx: ChartCtx, ev: FocusEvent, root: &Element) {
    mark_focus_ring(&ctx, ev.target(), false);
    if let Some(form) = search::form_of(&ev) {
        search::on_focusout(ctx, &ev, &form);
    }
    if let Some(field) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
        crate::clipboard::restore_button(&field);
    }
    let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    if !inside.is_some_and(|node| root.contains(Some(&node))) {
        ctx.dispatch(Action::FocusElsewhere);
    }
}

/// Typing in the search field.
fn on_input(ctx: ChartCtx, ev: Event) {
    if search::form_of(&ev).is_some() {
        search::run(ctx, event_target_value(&ev));
    }
}

/// A press on a search result keeps focus in the field until the click:
/// browsers that do not focus a clicked button (Safari) would otherwise
/// hide the results, with focus leaving, before it.
fn on_mousedown(ev: Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    if target.is_some_and(|t| t.class_list().contains("og-results-panel")) {
        ev.prevent_default();
    }
}

/// Find-in-page reveals a `hidden="until-found"` branch: the state follows.
/// The browser fires this on the innermost hidden element only, and stops
/// revealing its hidden ancestors once it is shown, so they open here too.
fn on_beforematch(ctx: ChartCtx, ev: Event) {
    let Some(element) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if element.class_list().contains("og-chart") {
        ctx.dispatch(Action::OpenDisclosure);
    } else if let Some(unit) = unit_of(&ctx, Some(element.into()), ".og-children[data-unit]") {
        ctx.dispatch(Action::ExpandAndReveal(unit));
    }
}
