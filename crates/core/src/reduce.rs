//! The reducer: applies an action to the view state and returns what the
//! view must do. It never touches a DOM.

use crate::action::{Action, Announcement, Effect, FocusTarget};
use crate::chart::{Chart, UnitId};
use crate::nav::{Items, Navigator};
use crate::typeahead;
use crate::view::ViewState;

pub fn reduce(view: &mut ViewState, chart: &Chart, items: Items, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    // Keys act on the focused unit, and only while the chart is shown.
    let current = view.focus().filter(|&f| view.is_visible(chart, f));
    match action {
        Action::Toggle(unit) => {
            let expanded = !view.is_expanded(unit);
            set_expanded(view, chart, unit, expanded, &mut effects);
        }
        Action::Expand(unit) => set_expanded(view, chart, unit, true, &mut effects),
        Action::Collapse(unit) => set_expanded(view, chart, unit, false, &mut effects),
        Action::ExpandAndReveal(unit) => {
            show(view, chart, unit, &mut effects);
            set_expanded(view, chart, unit, true, &mut effects);
        }
        Action::Reveal(unit) => {
            show(view, chart, unit, &mut effects);
            focus(view, Some(unit), &mut effects);
        }
        Action::ExpandAll => {
            for unit in chart.ids() {
                set_expanded(view, chart, unit, true, &mut effects);
            }
            effects.push(Effect::Announce(Announcement::ExpandedAll { units: chart.len() }));
        }
        Action::CollapseAll => {
            // The root stays open: collapsing it too would leave one button.
            for unit in chart.ids().skip(1) {
                set_expanded(view, chart, unit, false, &mut effects);
            }
            set_expanded(view, chart, chart.root(), true, &mut effects);
            effects.push(Effect::Announce(Announcement::CollapsedAll));
        }
        Action::FocusNext | Action::FocusPrev | Action::FocusFirst | Action::FocusLast
            if view.is_disclosure_open() =>
        {
            let nav = Navigator::new(chart, view, items);
            let target = match (action, current) {
                (Action::FocusNext, Some(f)) => nav.next(f),
                (Action::FocusPrev, Some(f)) => nav.prev(f),
                (Action::FocusLast, _) => nav.last(),
                _ => nav.first(),
            };
            focus(view, target, &mut effects);
        }
        Action::ExpandOrFocusChild => {
            if let Some(f) = current.filter(|&f| chart.has_children(f)) {
                if view.is_expanded(f) {
                    let child = chart.first_child(f).filter(|&c| Navigator::new(chart, view, items).is_item(c));
                    focus(view, child, &mut effects);
                } else {
                    set_expanded(view, chart, f, true, &mut effects);
                }
            }
        }
        Action::CollapseOrFocusParent => {
            if let Some(f) = current {
                if view.is_expanded(f) {
                    set_expanded(view, chart, f, false, &mut effects);
                } else {
                    focus(view, chart.parent(f), &mut effects);
                }
            }
        }
        Action::Activate => match current {
            Some(f) if chart.has_children(f) => {
                let expanded = !view.is_expanded(f);
                set_expanded(view, chart, f, expanded, &mut effects);
            }
            Some(f) => effects.push(Effect::ActivateLeaf(f)),
            None => {}
        },
        Action::ExpandSiblings => {
            if let Some(f) = current {
                for sibling in chart.siblings(f) {
                    set_expanded(view, chart, sibling, true, &mut effects);
                }
            }
        }
        Action::TypeAhead { c, at_ms } => {
            if view.is_disclosure_open() {
                let text = view.typeahead.push(c, at_ms).to_owned();
                let nav = Navigator::new(chart, view, items);
                let target = typeahead::search(chart, &text, current, nav.first(), |u| nav.next(u));
                focus(view, target, &mut effects);
            }
        }
        // Focus keys do nothing while the chart is hidden.
        Action::FocusNext | Action::FocusPrev | Action::FocusFirst | Action::FocusLast => {}
        Action::Focused(unit) => view.set_focus(Some(unit), true),
        Action::FocusElsewhere => view.set_focus(None, false),
        Action::ToggleDisclosure => {
            let open = !view.is_disclosure_open();
            set_disclosure(view, open, &mut effects);
        }
        Action::OpenDisclosure => set_disclosure(view, true, &mut effects),
    }
    rescue_focus(view, chart, &mut effects);
    effects
}

/// Makes `unit` visible: opens the outer disclosure and every ancestor,
/// outermost first.
fn show(view: &mut ViewState, chart: &Chart, unit: UnitId, effects: &mut Vec<Effect>) {
    set_disclosure(view, true, effects);
    for a in chart.ancestors(unit).collect::<Vec<_>>().into_iter().rev() {
        set_expanded(view, chart, a, true, effects);
    }
}

fn focus(view: &mut ViewState, target: Option<UnitId>, effects: &mut Vec<Effect>) {
    if let Some(target) = target {
        view.set_focus(Some(target), true);
        effects.push(Effect::Focus(FocusTarget::Unit(target)));
    }
}

fn set_expanded(view: &mut ViewState, chart: &Chart, unit: UnitId, expanded: bool, effects: &mut Vec<Effect>) {
    if view.set_expanded(chart, unit, expanded) {
        effects.push(Effect::Expanded { unit, expanded });
    }
}

fn set_disclosure(view: &mut ViewState, open: bool, effects: &mut Vec<Effect>) {
    if view.set_disclosure(open) {
        effects.push(Effect::Disclosure { open });
    }
}

/// Focus never falls to the page: when the focused unit is hidden, focus
/// moves to its nearest visible ancestor, or to the outer button. When focus
/// is elsewhere, the remembered unit (the tree's tab stop) moves the same
/// way, silently, so that Tab always comes back to a visible item.
fn rescue_focus(view: &mut ViewState, chart: &Chart, effects: &mut Vec<Effect>) {
    let Some(focus) = view.focus() else { return };
    if !view.is_disclosure_open() {
        if view.has_focus() {
            view.set_focus(None, false);
            effects.push(Effect::Focus(FocusTarget::Disclosure));
        }
        return;
    }
    if view.is_visible(chart, focus) {
        return;
    }
    if let Some(ancestor) = chart.ancestors(focus).find(|&a| view.is_visible(chart, a)) {
        let has_focus = view.has_focus();
        view.set_focus(Some(ancestor), has_focus);
        if has_focus {
            effects.push(Effect::Focus(FocusTarget::Unit(ancestor)));
        }
    }
}
