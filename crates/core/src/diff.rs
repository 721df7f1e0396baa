//! What changed between two versions of a chart: units added, removed,
//! renamed and moved, people who arrived, left or changed role, and other
//! fields changed.
//!
//! Units are matched by id first. Those left over (a unit whose id is
//! derived from its path, or was changed) are matched by their path of
//! names, then by a name that only one unit on each side has.
//!
//! ```
//! use organigramme_core::{diff::diff, parse};
//! let old = parse(r#"{"title": "T", "root": {"id": "a", "name": "A", "children": [
//!     {"id": "b", "name": "B"}, {"id": "c", "name": "C", "children": [{"id": "d", "name": "D"}]}]}}"#).unwrap();
//! let new = parse(r#"{"title": "T", "root": {"id": "a", "name": "A", "children": [
//!     {"id": "b", "name": "Bee", "children": [{"id": "c", "name": "C", "children": [{"id": "d", "name": "D"}]}]}]}}"#).unwrap();
//! let d = diff(&old, &new);
//! assert_eq!(d.renamed.len(), 1);
//! // C moved under B, with D: the subtree counts once.
//! assert_eq!(d.moved.len(), 1);
//! assert!(d.added.is_empty() && d.removed.is_empty());
//! ```

use crate::chart::{Chart, Person, UnitId};
use crate::fold::search_form;
use std::collections::HashMap;

/// A unit of the old chart and the same unit in the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub old: UnitId,
    pub new: UnitId,
}

/// A person of a unit: in the new chart for an arrival, in the old one for
/// a departure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonAt {
    pub unit: UnitId,
    pub person: usize,
}

/// A person found in both versions of a unit, with another role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleChange {
    pub pair: Pair,
    pub old: usize,
    pub new: usize,
}

/// The fields compared besides names and people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Kind,
    Description,
    Url,
}

impl Field {
    /// The field's name in the data format.
    pub fn key(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Description => "description",
            Field::Url => "url",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub pair: Pair,
    pub field: Field,
}

/// Every change, each list in document order (of the new chart, or of the
/// old one for what left it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Units of the new chart only.
    pub added: Vec<UnitId>,
    /// Units of the old chart only.
    pub removed: Vec<UnitId>,
    /// A new name or short name.
    pub renamed: Vec<Pair>,
    /// A new parent; the units under a moved unit moved with it and are
    /// not listed again.
    pub moved: Vec<Pair>,
    pub people_arrived: Vec<PersonAt>,
    pub people_left: Vec<PersonAt>,
    pub people_changed: Vec<RoleChange>,
    pub changed: Vec<FieldChange>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.renamed.is_empty()
            && self.moved.is_empty()
            && self.people_arrived.is_empty()
            && self.people_left.is_empty()
            && self.people_changed.is_empty()
            && self.changed.is_empty()
    }
}

/// The folded names from the root down to the unit, one per line.
fn name_path(chart: &Chart, unit: UnitId) -> String {
    crate::search::path(chart, unit).iter().map(|n| search_form(n)).collect::<Vec<_>>().join("\n")
}

/// Pairs the units of both charts: `of_old[i]` is the new unit matching
/// the old unit of index `i`.
fn match_units(old: &Chart, new: &Chart) -> Vec<Option<UnitId>> {
    let mut of_old: Vec<Option<UnitId>> = old.ids().map(|u| new.find(&old[u].id)).collect();
    let mut taken = vec![false; new.len()];
    for n in of_old.iter().flatten() {
        taken[n.index()] = true;
    }
    // Then by a key, among the units still unmatched, where the key is
    // unique on each side.
    let mut by_key = |key: &dyn Fn(&Chart, UnitId) -> String, of_old: &mut Vec<Option<UnitId>>| {
        let mut counts: HashMap<String, (usize, Option<UnitId>)> = HashMap::new();
        for u in new.ids().filter(|u| !taken[u.index()]) {
            let entry = counts.entry(key(new, u)).or_insert((0, None));
            *entry = (entry.0 + 1, Some(u));
        }
        let left: Vec<(UnitId, String)> =
            old.ids().filter(|u| of_old[u.index()].is_none()).map(|u| (u, key(old, u))).collect();
        let mut olds: HashMap<&str, usize> = HashMap::new();
        for (_, k) in &left {
            *olds.entry(k).or_default() += 1;
        }
        for (u, k) in &left {
            if let (Some(&(1, Some(n))), Some(1)) = (counts.get(k), olds.get(k.as_str())) {
                of_old[u.index()] = Some(n);
                taken[n.index()] = true;
            }
        }
    };
    by_key(&name_path, &mut of_old);
    by_key(&|chart, u| search_form(&chart[u].name), &mut of_old);
    of_old
}

/// Pairs people by folded name, in order, as many times as each appears.
fn diff_people(old: &[Person], new: &[Person]) -> (Vec<usize>, Vec<usize>, Vec<(usize, usize)>) {
    let mut used = vec![false; new.len()];
    let new_names: Vec<String> = new.iter().map(|p| search_form(&p.name)).collect();
    let (mut left, mut changed) = (Vec::new(), Vec::new());
    for (i, person) in old.iter().enumerate() {
        let name = search_form(&person.name);
        match (0..new.len()).find(|&j| !used[j] && new_names[j] == name) {
            Some(j) => {
                used[j] = true;
                if person.role != new[j].role {
                    changed.push((i, j));
                }
            }
            None => left.push(i),
        }
    }
    let arrived = (0..new.len()).filter(|&j| !used[j]).collect();
    (arrived, left, changed)
}

/// What changed from `old` to `new`.
pub fn diff(old: &Chart, new: &Chart) -> Diff {
    let of_old = match_units(old, new);
    let mut of_new = vec![None; new.len()];
    for (i, n) in of_old.iter().enumerate() {
        if let Some(n) = n {
            of_new[n.index()] = UnitId::from_index(i, old);
        }
    }
    let mut d = Diff { removed: old.ids().filter(|u| of_old[u.index()].is_none()).collect(), ..Diff::default() };
    for n in new.ids() {
        let Some(o) = of_new[n.index()] else {
            d.added.push(n);
            continue;
        };
        let pair = Pair { old: o, new: n };
        let (a, b) = (&old[o], &new[n]);
        if a.name != b.name || a.short_name != b.short_name {
            d.renamed.push(pair);
        }
        // Moved: its new parent is not its old parent's match (the root
        // has none on either side, or a new one).
        let old_parent_now = old.parent(o).and_then(|p| of_old[p.index()]);
        if new.parent(n) != old_parent_now && !(old.parent(o).is_none() && new.parent(n).is_none()) {
            d.moved.push(pair);
        }
        let (arrived, left, changed) = diff_people(&a.people, &b.people);
        d.people_arrived.extend(arrived.into_iter().map(|person| PersonAt { unit: n, person }));
        d.people_left.extend(left.into_iter().map(|person| PersonAt { unit: o, person }));
        d.people_changed.extend(changed.into_iter().map(|(old, new)| RoleChange { pair, old, new }));
        for (field, before, after) in
            [(Field::Kind, &a.kind, &b.kind), (Field::Description, &a.description, &b.description), (Field::Url, &a.url, &b.url)]
        {
            if before != after {
                d.changed.push(FieldChange { pair, field });
            }
        }
    }
    // People of removed units left with them; those of added units arrived.
    for &o in &d.removed {
        d.people_left.extend((0..old[o].people.len()).map(|person| PersonAt { unit: o, person }));
    }
    d.people_left.sort_by_key(|p| (p.unit, p.person));
    for &n in &d.added {
        d.people_arrived.extend((0..new[n].people.len()).map(|person| PersonAt { unit: n, person }));
    }
    d.people_arrived.sort_by_key(|p| (p.unit, p.person));
    d
}

/// A field's value in a unit.
pub fn field_value(chart: &Chart, unit: UnitId, field: Field) -> Option<&str> {
    let u = &chart[unit];
    match field {
        Field::Kind => u.kind.as_deref(),
        Field::Description => u.description.as_deref(),
        Field::Url => u.url.as_deref(),
    }
}
