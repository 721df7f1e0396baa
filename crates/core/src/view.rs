//! The view state: what is expanded, what has focus, and whether the outer
//! disclosure is open. Everything else a view shows is derived from it.

use crate::chart::{Chart, UnitId};
use crate::typeahead::TypeAhead;

/// Mutable state of one rendered chart. Indexed by [`UnitId`]; holds two
/// bytes per unit, so a 100,000-unit chart costs a few hundred kilobytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    expanded: Vec<bool>,
    /// Branches whose children have been shown at least once: a view that
    /// renders lazily creates their markup then, and keeps it.
    opened_once: Vec<bool>,
    /// The unit focus is on, or was last on.
    focus: Option<UnitId>,
    /// Whether focus is inside the chart now.
    has_focus: bool,
    disclosure_open: bool,
    pub(crate) typeahead: TypeAhead,
}

/// What every view needs to know about one unit. One function computes it,
/// so the views cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemState {
    pub id: UnitId,
    /// 1 for the root.
    pub level: u32,
    /// 1-based position among siblings, and their number.
    pub pos_in_set: usize,
    pub set_size: usize,
    /// `None` for a unit without sub-units: such a unit is never "collapsed".
    pub expanded: Option<bool>,
    pub visible: bool,
    pub focused: bool,
}

/// How a chart starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InitialView {
    /// Levels shown at first: 2 shows the root and its children.
    pub depth: u32,
    /// Whether the outer disclosure starts open.
    pub open: bool,
}

impl Default for InitialView {
    /// As on the DINUM site: closed, with the first level open inside.
    fn default() -> Self {
        InitialView { depth: 2, open: false }
    }
}

impl ViewState {
    pub fn new(chart: &Chart, initial: InitialView) -> Self {
        let expanded: Vec<bool> =
            chart.ids().map(|u| chart.has_children(u) && chart.level(u) < initial.depth).collect();
        ViewState {
            opened_once: expanded.clone(),
            expanded,
            focus: None,
            has_focus: false,
            disclosure_open: initial.open,
            typeahead: TypeAhead::default(),
        }
    }

    pub fn is_expanded(&self, id: UnitId) -> bool {
        self.expanded.get(id.index()).copied().unwrap_or(false)
    }

    pub fn has_been_opened(&self, id: UnitId) -> bool {
        self.opened_once.get(id.index()).copied().unwrap_or(false)
    }

    pub fn is_disclosure_open(&self) -> bool {
        self.disclosure_open
    }

    pub fn focus(&self) -> Option<UnitId> {
        self.focus
    }

    pub fn has_focus(&self) -> bool {
        self.has_focus
    }

    /// Shown on screen: the outer disclosure is open and every ancestor is
    /// expanded.
    pub fn is_visible(&self, chart: &Chart, id: UnitId) -> bool {
        self.disclosure_open && chart.ancestors(id).all(|a| self.is_expanded(a))
    }

    pub fn expanded_count(&self) -> usize {
        self.expanded.iter().filter(|&&e| e).count()
    }

    pub fn item(&self, chart: &Chart, id: UnitId) -> ItemState {
        let (pos_in_set, set_size) = chart.position(id);
        ItemState {
            id,
            level: chart.level(id),
            pos_in_set,
            set_size,
            expanded: chart.has_children(id).then(|| self.is_expanded(id)),
            visible: self.is_visible(chart, id),
            focused: self.has_focus && self.focus == Some(id),
        }
    }

    /// Returns whether anything changed. Leaves cannot be expanded.
    pub(crate) fn set_expanded(&mut self, chart: &Chart, id: UnitId, expanded: bool) -> bool {
        let expanded = expanded && chart.has_children(id);
        let slot = &mut self.expanded[id.index()];
        let changed = *slot != expanded;
        *slot = expanded;
        if expanded {
            self.opened_once[id.index()] = true;
        }
        changed
    }

    pub(crate) fn set_focus(&mut self, focus: Option<UnitId>, has_focus: bool) {
        if focus.is_some() {
            self.focus = focus;
        }
        self.has_focus = has_focus;
    }

    pub(crate) fn set_disclosure(&mut self, open: bool) -> bool {
        let changed = self.disclosure_open != open;
        self.disclosure_open = open;
        changed
    }
}
