//! The navigator: next, previous, first and last over the visible order.
//!
//! The visible order is the document order of the units whose ancestors are
//! all expanded. A view decides which of those are items it can focus: the
//! list view focuses only the disclosure buttons of branches, the tree view
//! every unit. Tree navigation thus becomes list navigation.
//!
//! ```text
//! root (open)          visible order: root, a, a1, b
//! ├── a (open)         branches only:  root, a
//! │   └── a1
//! └── b (closed)
//!     └── b1
//! ```

use crate::chart::{Chart, UnitId};
use crate::view::ViewState;

/// Which visible units a view can focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Items {
    /// Units with sub-units: the list view's disclosure buttons.
    Branches,
    /// Every unit: the tree view's treeitems.
    All,
}

/// Answers navigation questions for one view over the visible order.
pub struct Navigator<'a> {
    chart: &'a Chart,
    view: &'a ViewState,
    items: Items,
}

impl<'a> Navigator<'a> {
    pub fn new(chart: &'a Chart, view: &'a ViewState, items: Items) -> Self {
        Navigator { chart, view, items }
    }

    pub fn is_item(&self, id: UnitId) -> bool {
        match self.items {
            Items::Branches => self.chart.has_children(id),
            Items::All => true,
        }
    }

    /// The next visible unit in document order, item or not.
    fn next_visible(&self, id: UnitId) -> Option<UnitId> {
        if self.view.is_expanded(id) {
            return self.chart.first_child(id);
        }
        // Past this unit's subtree: the next sibling of it or of an ancestor.
        std::iter::once(id)
            .chain(self.chart.ancestors(id))
            .find_map(|u| self.next_sibling(u))
    }

    fn next_sibling(&self, id: UnitId) -> Option<UnitId> {
        let (pos, _) = self.chart.position(id);
        self.chart.siblings(id).nth(pos)
    }

    fn prev_sibling(&self, id: UnitId) -> Option<UnitId> {
        let (pos, _) = self.chart.position(id);
        pos.checked_sub(2).and_then(|p| self.chart.siblings(id).nth(p))
    }

    /// The last visible unit of the subtree at `id`.
    fn last_visible_in(&self, mut id: UnitId) -> UnitId {
        while self.view.is_expanded(id) {
            match self.chart.children(id).next_back() {
                Some(last) => id = last,
                None => break,
            }
        }
        id
    }

    fn prev_visible(&self, id: UnitId) -> Option<UnitId> {
        match self.prev_sibling(id) {
            Some(sibling) => Some(self.last_visible_in(sibling)),
            None => self.chart.parent(id),
        }
    }

    /// The next item after `id` in the visible order; no wrap.
    pub fn next(&self, id: UnitId) -> Option<UnitId> {
        std::iter::successors(self.next_visible(id), |&u| self.next_visible(u)).find(|&u| self.is_item(u))
    }

    /// The previous item before `id` in the visible order; no wrap.
    pub fn prev(&self, id: UnitId) -> Option<UnitId> {
        std::iter::successors(self.prev_visible(id), |&u| self.prev_visible(u)).find(|&u| self.is_item(u))
    }

    pub fn first(&self) -> Option<UnitId> {
        let root = self.chart.root();
        if self.is_item(root) {
            Some(root)
        } else {
            self.next(root)
        }
    }

    pub fn last(&self) -> Option<UnitId> {
        let last = self.last_visible_in(self.chart.root());
        if self.is_item(last) {
            Some(last)
        } else {
            self.prev(last)
        }
    }

    /// Every item in visible order. Costs a walk of the visible units.
    pub fn visible_items(&self) -> impl Iterator<Item = UnitId> + '_ {
        std::iter::successors(self.first(), |&u| self.next(u))
    }
}
