//! What can happen to a chart, and what the view must do about it.

use crate::chart::UnitId;

/// An intent, named after the APG patterns. Views create them from events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Toggle(UnitId),
    Expand(UnitId),
    Collapse(UnitId),
    /// Find-in-page revealed the unit's sub-units: the unit, its ancestors
    /// and the outer disclosure all open at once, as the browser expects.
    ExpandAndReveal(UnitId),
    /// Makes a unit visible (its ancestors and the outer disclosure open)
    /// and focuses it: a host's deep link.
    Reveal(UnitId),
    ExpandAll,
    CollapseAll,
    FocusNext,
    FocusPrev,
    FocusFirst,
    FocusLast,
    /// Right: opens a closed branch, or moves into an open one.
    ExpandOrFocusChild,
    /// Left: closes an open branch, or moves to the parent.
    CollapseOrFocusParent,
    /// Enter or Space on the focused item: toggles a branch, activates a leaf.
    Activate,
    /// `*`: opens every sibling of the focused item.
    ExpandSiblings,
    /// A printable character typed at `at_ms` (any monotonic clock).
    TypeAhead { c: char, at_ms: u64 },
    /// Focus arrived on a unit (its button, link, or the item itself).
    Focused(UnitId),
    /// Focus is elsewhere: on the toolbar, the outer button, or off the chart.
    FocusElsewhere,
    ToggleDisclosure,
    OpenDisclosure,
}

/// Where the view must move focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    Unit(UnitId),
    /// The outer "Version accessible de l'organigramme" button.
    Disclosure,
}

/// A message for the polite status region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    ExpandedAll { units: usize },
    CollapsedAll,
}

/// What a view applies after an action, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// A branch opened or closed.
    Expanded { unit: UnitId, expanded: bool },
    Disclosure { open: bool },
    Focus(FocusTarget),
    Announce(Announcement),
    /// A leaf was activated: say its details (its site among them), never
    /// leave the page (RGAA 7.4: a treeitem does not say it is a link).
    ActivateLeaf(UnitId),
}
