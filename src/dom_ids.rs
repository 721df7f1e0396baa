//! DOM ids, formatted in one place. Each mounted chart has its own prefix,
//! so several charts on one page never share an id.

use organigramme_core::UnitId;
use std::cell::Cell;

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// The id prefix of one mounted chart: `og1`, `og2`…
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefix(String);

impl Prefix {
    pub fn next() -> Prefix {
        let n = NEXT_INSTANCE.with(|c| c.replace(c.get() + 1));
        Prefix(format!("og{n}"))
    }

    pub fn disclosure(&self) -> String {
        format!("{}-disclosure", self.0)
    }

    pub fn region(&self) -> String {
        format!("{}-chart", self.0)
    }

    pub fn title(&self) -> String {
        format!("{}-title", self.0)
    }

    /// What takes focus for a unit: a branch's disclosure button in the
    /// list view, the treeitem in the tree view.
    pub fn focus_target(&self, unit: UnitId) -> String {
        format!("{}-t{}", self.0, unit.index())
    }

    /// A treeitem's label, its accessible name.
    pub fn label(&self, unit: UnitId) -> String {
        format!("{}-n{}", self.0, unit.index())
    }

    /// A treeitem's people, its accessible description.
    pub fn people(&self, unit: UnitId) -> String {
        format!("{}-p{}", self.0, unit.index())
    }

    pub fn details_title(&self) -> String {
        format!("{}-details", self.0)
    }

    /// A branch's list of sub-units.
    pub fn group(&self, unit: UnitId) -> String {
        format!("{}-g{}", self.0, unit.index())
    }
}
