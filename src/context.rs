//! The state one mounted chart shares with its components: a `Copy` handle
//! read through [`use_chart`].

use crate::dom_ids::Prefix;
use crate::options::Mode;
use crate::texts::Texts;
use leptos::prelude::*;
use organigramme_core::{reduce, Action, Chart, Effect, FocusTarget, InitialView, ItemState, Items, UnitId, ViewState};

/// Above this many units, branches get their markup when first opened;
/// at or below it, every branch is rendered at once (hidden), so that the
/// browser's find-in-page reaches collapsed branches.
pub const EAGER_LIMIT: usize = 2_000;

#[derive(Clone, Copy)]
pub struct ChartCtx {
    pub chart: StoredValue<Chart>,
    view: StoredValue<ViewState>,
    /// One signal per branch that has been rendered, created on first use:
    /// per-unit reactive state costs nothing for branches never shown.
    expanded: StoredValue<Vec<Option<RwSignal<bool>>>>,
    /// The unit focused, or last focused; the root before any focus. In the
    /// tree view it is the one tab stop, and the details region shows it.
    pub current: RwSignal<UnitId>,
    /// `current` as a selector: a focus move notifies two items, not all.
    is_current: StoredValue<Selector<UnitId>>,
    pub disclosure_open: RwSignal<bool>,
    pub status: RwSignal<String>,
    pub prefix: StoredValue<Prefix>,
    pub mode: Mode,
    pub texts: Texts,
    pub eager: bool,
}

pub fn use_chart() -> ChartCtx {
    expect_context::<ChartCtx>()
}

impl ChartCtx {
    pub fn provide(chart: Chart, initial: InitialView, mode: Mode, texts: Texts) -> ChartCtx {
        let view = ViewState::new(&chart, initial);
        let current = RwSignal::new(chart.root());
        let ctx = ChartCtx {
            eager: chart.len() <= EAGER_LIMIT,
            expanded: StoredValue::new(vec![None; chart.len()]),
            current,
            is_current: StoredValue::new(Selector::new(move || current.get())),
            disclosure_open: RwSignal::new(view.is_disclosure_open()),
            status: RwSignal::new(String::new()),
            prefix: StoredValue::new(Prefix::next()),
            mode,
            texts,
            chart: StoredValue::new(chart),
            view: StoredValue::new(view),
        };
        provide_context(ctx);
        ctx
    }

    /// The reactive expanded state of a branch, created when first rendered.
    pub fn expanded(&self, unit: UnitId) -> RwSignal<bool> {
        if let Some(signal) = self.rendered_signal(unit) {
            return signal;
        }
        let signal = RwSignal::new(self.view.with_value(|v| v.is_expanded(unit)));
        self.expanded.update_value(|e| {
            if let Some(slot) = e.get_mut(unit.index()) {
                *slot = Some(signal);
            }
        });
        signal
    }

    /// The expanded signal of a branch, if it has been rendered.
    fn rendered_signal(&self, unit: UnitId) -> Option<RwSignal<bool>> {
        self.expanded.with_value(|e| e.get(unit.index()).copied().flatten())
    }

    /// A unit's level, position and state, as the core computes them for
    /// every view. Not reactive: read once when the unit is rendered.
    pub fn item(&self, unit: UnitId) -> ItemState {
        self.view.with_value(|view| self.chart.with_value(|chart| view.item(chart, unit)))
    }

    /// Reactive: whether `unit` is the current (focused or last focused) one.
    pub fn is_current(&self, unit: UnitId) -> bool {
        self.is_current.with_value(|s| s.selected(&unit))
    }

    /// Whether a branch's sub-units must be in the DOM: always when eager,
    /// else once it has been opened.
    pub fn is_rendered(&self, unit: UnitId) -> bool {
        self.eager || self.view.with_value(|v| v.has_been_opened(unit))
    }

    fn items(&self) -> Items {
        match self.mode {
            Mode::List => Items::Branches,
            Mode::Tree => Items::All,
        }
    }

    /// Runs an action through the core reducer and applies its effects.
    pub fn dispatch(&self, action: Action) {
        let items = self.items();
        let effects = self
            .view
            .try_update_value(|view| self.chart.with_value(|chart| reduce(view, chart, items, action)))
            .unwrap_or_default();
        if let Some(focus) = self.view.with_value(|v| v.focus()) {
            if self.current.get_untracked() != focus {
                self.current.set(focus);
            }
        }
        for effect in effects {
            self.apply(effect);
        }
    }

    fn apply(&self, effect: Effect) {
        match effect {
            Effect::Expanded { unit, expanded } => {
                // A branch never rendered reads the core's state when it is.
                if let Some(signal) = self.rendered_signal(unit) {
                    signal.set(expanded);
                }
            }
            Effect::Disclosure { open } => {
                self.disclosure_open.set(open);
                if !open {
                    self.rescue_focus_from_region();
                }
            }
            Effect::Focus(target) => {
                let id = self.prefix.with_value(|p| match target {
                    FocusTarget::Unit(unit) => p.focus_target(unit),
                    FocusTarget::Disclosure => p.disclosure(),
                });
                crate::events::focus_by_id(&id);
            }
            Effect::Announce(a) => self.announce(self.texts.announcement(a)),
            Effect::ActivateLeaf(unit) => {
                let (url, details) = self.chart.with_value(|c| (c[unit].url.clone(), self.texts.details(&c[unit])));
                match url {
                    Some(url) => crate::events::follow(&url),
                    None => self.announce(details),
                }
            }
        }
    }

    /// Closing the chart hides its toolbar and links too: focus on one of
    /// them (the core only tracks units) goes to the outer button.
    fn rescue_focus_from_region(&self) {
        let (region, disclosure) = self.prefix.with_value(|p| (p.region(), p.disclosure()));
        let document = web_sys::window().and_then(|w| w.document());
        let region = document.as_ref().and_then(|d| d.get_element_by_id(&region));
        let active = document.as_ref().and_then(|d| d.active_element());
        if let (Some(region), Some(active)) = (region, active) {
            if region.contains(Some(&active)) {
                crate::events::focus_by_id(&disclosure);
            }
        }
    }

    fn announce(&self, text: String) {
        // A live region repeats a message only if its text changes.
        self.status.update(|s| *s = if *s == text { format!("{text}\u{a0}") } else { text });
    }
}
