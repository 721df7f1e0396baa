//! Units found by id, without a second copy of each id: the table holds
//! indices, and compares the ids the units (or the flat form's rows)
//! already hold. A map of copied ids took 4 MB of a 100,000-unit chart's
//! WebAssembly memory, and an allocation per unit, while the file was read.

use std::hash::{BuildHasher, RandomState};

#[derive(Clone, Debug)]
pub(crate) struct IdIndex {
    /// Open addressing with linear probing: an index plus one, or 0 for a
    /// free slot. A power of two, never more than half full.
    slots: Vec<u32>,
    len: usize,
    hasher: RandomState,
}

impl IdIndex {
    /// A table for `n` ids, allocated once.
    pub(crate) fn with_capacity(n: usize) -> Self {
        IdIndex { slots: vec![0; (n * 2).next_power_of_two().max(8)], len: 0, hasher: RandomState::new() }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The slot holding `id`, or the free one where it would go; `id_of`
    /// reads the id at an index.
    fn slot<'s>(&self, id: &str, id_of: impl Fn(usize) -> &'s str) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = self.hasher.hash_one(id) as usize & mask;
        while self.slots[slot] != 0 && id_of(self.slots[slot] as usize - 1) != id {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// The index with this id.
    pub(crate) fn get<'s>(&self, id: &str, id_of: impl Fn(usize) -> &'s str) -> Option<usize> {
        let found = self.slots[self.slot(id, id_of)];
        (found != 0).then(|| found as usize - 1)
    }

    /// Adds `index`, whose id is `id`, unless another index has that id
    /// already: that one is returned, and nothing changes.
    pub(crate) fn insert<'s>(&mut self, id: &str, index: usize, id_of: impl Fn(usize) -> &'s str) -> Option<usize> {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow(&id_of);
        }
        let slot = self.slot(id, &id_of);
        match self.slots[slot] {
            0 => {
                self.slots[slot] = index as u32 + 1;
                self.len += 1;
                None
            }
            found => Some(found as usize - 1),
        }
    }

    fn grow<'s>(&mut self, id_of: &impl Fn(usize) -> &'s str) {
        let doubled = vec![0; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for index in old.into_iter().filter(|&s| s != 0) {
            let slot = self.slot(id_of(index as usize - 1), id_of);
            self.slots[slot] = index;
        }
    }

    /// Gives every index its new number: the flat form's rows become
    /// units in document order, with the same ids, so nothing is hashed
    /// again.
    pub(crate) fn renumber(&mut self, new: impl Fn(usize) -> usize) {
        for slot in self.slots.iter_mut().filter(|s| **s != 0) {
            *slot = new(*slot as usize - 1) as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdIndex;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// As a map from id to the first index given it, through growth
        /// (the table starts small) and renumbering.
        #[test]
        fn finds_what_a_map_finds(ids in prop::collection::vec("[a-e]{0,3}", 0..200), probe in "[a-e]{0,3}") {
            let mut index = IdIndex::with_capacity(2);
            let mut map = HashMap::new();
            for (i, id) in ids.iter().enumerate() {
                let first = map.get(id.as_str()).copied();
                map.entry(id.as_str()).or_insert(i);
                prop_assert_eq!(index.insert(id, i, |j| ids[j].as_str()), first);
            }
            prop_assert_eq!(index.len(), map.len());
            for id in ids.iter().chain([&probe]) {
                prop_assert_eq!(index.get(id, |j| ids[j].as_str()), map.get(id.as_str()).copied());
            }
            // Reversed: the id at index i moves to index n - 1 - i.
            let n = ids.len();
            let reversed: Vec<&str> = ids.iter().rev().map(String::as_str).collect();
            index.renumber(|i| n - 1 - i);
            for id in ids.iter().chain([&probe]) {
                prop_assert_eq!(index.get(id, |j| reversed[j]), map.get(id.as_str()).map(|&i| n - 1 - i));
            }
        }
    }
}
