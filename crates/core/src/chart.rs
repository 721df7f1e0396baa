//! The hierarchy: an arena of units indexed by [`UnitId`], loaded once and
//! read-only afterwards.
//!
//! ```text
//!        dinum (0)
//!        /      \
//!    ace (1)   isn (3)
//!      |
//!  brigade (2)
//! ```
//!
//! ```
//! use organigramme_core::load::parse;
//! let chart = parse(r#"{"title": "T", "root": {"id": "dinum", "name": "DINUM", "children": [
//!     {"id": "ace", "name": "ACE", "children": [{"id": "brigade", "name": "Brigade"}]},
//!     {"id": "isn", "name": "ISN"}]}}"#).unwrap();
//! let ace = chart.find("ace").unwrap();
//! assert_eq!(chart.children(chart.root()).count(), 2);
//! assert_eq!(chart.parent(ace), Some(chart.root()));
//! let order: Vec<_> = chart.descendants(chart.root()).map(|u| chart[u].id.as_str()).collect();
//! assert_eq!(order, ["dinum", "ace", "brigade", "isn"]);
//! ```

use crate::warning::Warning;
use std::ops::Index;

mod by_id;
pub(crate) use by_id::IdIndex;

/// The index of a unit in its chart's arena. Cheap to copy and compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitId(u32);

impl UnitId {
    /// The position of the unit in the arena, which is also document order.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The id at `index`, for a caller that got the index from this chart.
    pub(crate) fn at(index: usize) -> UnitId {
        UnitId(index as u32)
    }

    /// The id of the unit at `index`, if the chart has that many units.
    pub fn from_index(index: usize, chart: &Chart) -> Option<UnitId> {
        (index < chart.len()).then_some(UnitId(index as u32))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Unique in the chart and safe in a URL fragment.
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub people: Vec<Person>,
    parent: Option<UnitId>,
    children: Vec<UnitId>,
    /// 1 for the root.
    level: u32,
    /// 0-based index among its siblings.
    sibling_index: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: String,
    pub lang: Option<String>,
    pub updated: Option<String>,
    pub source: Option<String>,
}

/// A loaded organisation. Units are stored in document (pre-)order, so the
/// root is always the first one and a unit's descendants follow it.
#[derive(Clone, Debug)]
pub struct Chart {
    pub meta: Metadata,
    /// What was refused without refusing the file, such as unsafe links.
    pub warnings: Vec<Warning>,
    units: Vec<Unit>,
    by_id: IdIndex,
}

/// What the loader hands to [`ChartBuilder::push`]: a unit without links.
#[derive(Clone, Debug, Default)]
pub struct UnitData {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub people: Vec<Person>,
}

/// Builds a chart in document order: each unit is pushed after its parent.
pub(crate) struct ChartBuilder {
    units: Vec<Unit>,
    /// The ids given so far: the loader checks and derives ids against
    /// the index the chart keeps, rather than copying and hashing every id
    /// again into maps of its own.
    by_id: IdIndex,
}

impl ChartBuilder {
    /// A builder for `units` units, whose list is allocated once: a list
    /// that doubles holds both buffers at once, while the file is read,
    /// when a WebAssembly memory reaches the size it keeps.
    pub(crate) fn with_capacity(units: usize) -> Self {
        ChartBuilder { units: Vec::with_capacity(units), by_id: IdIndex::with_capacity(units) }
    }

    /// A builder whose units' ids are all known, each indexed at the unit
    /// it will be: they are placed without being hashed again, with
    /// [`ChartBuilder::place`] alone (the index reads ids from units, and
    /// finds none until every unit is placed).
    pub(crate) fn with_ids(by_id: IdIndex) -> Self {
        ChartBuilder { units: Vec::with_capacity(by_id.len()), by_id }
    }

    /// Adds a unit, its id unique or empty (to be set later).
    pub(crate) fn push(&mut self, data: UnitData, parent: Option<UnitId>) -> UnitId {
        let id = self.place(data, parent);
        if !self.units[id.index()].id.is_empty() {
            self.index_id(id.index());
        }
        id
    }

    /// Indexes the unit at `index` by the id it holds, which the loader has
    /// checked no other unit has.
    fn index_id(&mut self, index: usize) {
        let units = &self.units;
        let first = self.by_id.insert(&units[index].id, index, |i| &units[i].id);
        debug_assert!(first.is_none(), "an id given twice");
    }

    /// Adds a unit whose id the index already holds (see [`ChartBuilder::with_ids`]).
    pub(crate) fn place(&mut self, data: UnitData, parent: Option<UnitId>) -> UnitId {
        let id = UnitId(self.units.len() as u32);
        let (level, sibling_index) = match parent {
            Some(p) => {
                let parent = &mut self.units[p.index()];
                parent.children.push(id);
                (parent.level + 1, parent.children.len() as u32 - 1)
            }
            None => (1, 0),
        };
        self.units.push(Unit {
            id: data.id,
            name: data.name,
            short_name: data.short_name,
            kind: data.kind,
            description: data.description,
            url: data.url,
            people: data.people,
            parent,
            children: Vec::new(),
            level,
            sibling_index,
        });
        id
    }

    pub(crate) fn len(&self) -> usize {
        self.units.len()
    }

    pub(crate) fn id(&self, index: usize) -> &str {
        &self.units[index].id
    }

    pub(crate) fn name(&self, index: usize) -> &str {
        &self.units[index].name
    }

    pub(crate) fn parent(&self, index: usize) -> Option<usize> {
        self.units[index].parent.map(UnitId::index)
    }

    /// The unit's place among its parent's children.
    pub(crate) fn sibling_index(&self, index: usize) -> usize {
        self.units[index].sibling_index as usize
    }

    /// The unit already given `id`, if any.
    pub(crate) fn with_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id, |i| &self.units[i].id)
    }

    /// Gives the unit pushed with an empty id the unique `id`.
    pub(crate) fn set_id(&mut self, index: usize, id: String) {
        self.units[index].id = id;
        self.index_id(index);
    }

    pub(crate) fn finish(self, meta: Metadata, warnings: Vec<Warning>) -> Chart {
        debug_assert_eq!(self.by_id.len(), self.units.len(), "every unit has a unique id");
        Chart { meta, warnings, units: self.units, by_id: self.by_id }
    }
}

impl Index<UnitId> for Chart {
    type Output = Unit;
    fn index(&self, id: UnitId) -> &Unit {
        &self.units[id.index()]
    }
}

impl Chart {
    pub fn root(&self) -> UnitId {
        UnitId(0)
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Never true for a loaded chart, which has at least its root.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The bytes of text in its units' fields (names, kinds, people,
    /// descriptions): what a search index is measured against.
    pub fn text_len(&self) -> usize {
        let len = |t: &Option<String>| t.as_ref().map_or(0, String::len);
        let person = |p: &Person| p.name.len() + len(&p.role);
        let unit = |u: &Unit| {
            u.name.len() + len(&u.short_name) + len(&u.kind) + len(&u.description) + u.people.iter().map(person).sum::<usize>()
        };
        self.units.iter().map(unit).sum()
    }

    /// Every unit in document order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = UnitId> + ExactSizeIterator {
        (0..self.units.len() as u32).map(UnitId)
    }

    pub fn find(&self, id: &str) -> Option<UnitId> {
        self.by_id.get(id, |i| &self.units[i].id).map(UnitId::at)
    }

    pub fn parent(&self, id: UnitId) -> Option<UnitId> {
        self[id].parent
    }

    pub fn children(&self, id: UnitId) -> Children<'_> {
        Children(self[id].children.iter())
    }

    pub fn child_count(&self, id: UnitId) -> usize {
        self[id].children.len()
    }

    pub fn has_children(&self, id: UnitId) -> bool {
        !self[id].children.is_empty()
    }

    pub fn first_child(&self, id: UnitId) -> Option<UnitId> {
        self[id].children.first().copied()
    }

    /// 1 for the root, 2 for its children, and so on.
    pub fn level(&self, id: UnitId) -> u32 {
        self[id].level
    }

    /// The unit's siblings, itself included, in document order. The root
    /// is its own only sibling.
    pub fn siblings(&self, id: UnitId) -> Children<'_> {
        static ROOT_ALONE: [UnitId; 1] = [UnitId(0)];
        match self.parent(id) {
            Some(p) => self.children(p),
            None => Children(ROOT_ALONE.iter()),
        }
    }

    /// 1-based position among its siblings, and the number of siblings.
    pub fn position(&self, id: UnitId) -> (usize, usize) {
        let size = self.parent(id).map_or(1, |p| self.child_count(p));
        (self[id].sibling_index as usize + 1, size)
    }

    /// Strict ancestors, nearest first.
    pub fn ancestors(&self, id: UnitId) -> Ancestors<'_> {
        Ancestors { chart: self, next: self.parent(id) }
    }

    /// The unit and everything below it, in document order.
    pub fn descendants(&self, id: UnitId) -> Descendants {
        // Document order makes a subtree a contiguous range of the arena.
        Descendants { next: id.0, end: self.subtree_end(id) }
    }

    /// The arena indices of the unit and everything below it.
    pub fn subtree(&self, id: UnitId) -> std::ops::Range<usize> {
        id.index()..self.subtree_end(id) as usize
    }

    /// One past the last index of the subtree rooted at `id`.
    fn subtree_end(&self, id: UnitId) -> u32 {
        let mut cur = id;
        loop {
            match self[cur].children.last() {
                Some(&last) => cur = last,
                None => return cur.0 + 1,
            }
        }
    }
}

/// The children of a unit, in document order.
pub struct Children<'a>(std::slice::Iter<'a, UnitId>);

impl Iterator for Children<'_> {
    type Item = UnitId;
    fn next(&mut self) -> Option<UnitId> {
        self.0.next().copied()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Children<'_> {
    fn next_back(&mut self) -> Option<UnitId> {
        self.0.next_back().copied()
    }
}

impl ExactSizeIterator for Children<'_> {}

/// The strict ancestors of a unit, nearest first.
pub struct Ancestors<'a> {
    chart: &'a Chart,
    next: Option<UnitId>,
}

impl Iterator for Ancestors<'_> {
    type Item = UnitId;
    fn next(&mut self) -> Option<UnitId> {
        let cur = self.next?;
        self.next = self.chart.parent(cur);
        Some(cur)
    }
}

/// A subtree in document order.
pub struct Descendants {
    next: u32,
    end: u32,
}

impl Iterator for Descendants {
    type Item = UnitId;
    fn next(&mut self) -> Option<UnitId> {
        (self.next < self.end).then(|| {
            self.next += 1;
            UnitId(self.next - 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::generate::{realistic_json, Form};

    #[test]
    fn every_unit_is_found_by_its_id_and_nothing_else_is() {
        let chart = crate::parse(&realistic_json(3_000, 7, Form::Nested)).unwrap();
        for unit in chart.ids() {
            assert_eq!(chart.find(&chart[unit].id), Some(unit));
        }
        let some = &chart[chart.ids().last().unwrap()].id;
        for absent in ["", "zzz", &format!("{some}-"), &some[..some.len() - 1]] {
            assert!(chart.find(absent).is_none_or(|u| chart[u].id == absent), "{absent:?}");
        }
    }

    #[test]
    fn the_units_are_allocated_once_at_their_number_in_both_forms() {
        for form in [Form::Nested, Form::Flat] {
            let chart = crate::parse(&realistic_json(3_000, 7, form)).unwrap();
            assert_eq!(chart.len(), 3_000);
            assert_eq!(chart.units.capacity(), chart.len(), "{form:?}: the list grew, or was made too large");
        }
    }
}
