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

    /// A branch's disclosure button.
    pub fn toggle(&self, unit: UnitId) -> String {
        format!("{}-t{}", self.0, unit.index())
    }

    /// A branch's list of sub-units.
    pub fn group(&self, unit: UnitId) -> String {
        format!("{}-g{}", self.0, unit.index())
    }
}
