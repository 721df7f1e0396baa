//! The nested form: `"root"` is a unit whose `"children"` are units.

use super::fields::{invalid, Fields};
use super::unit::{read_id, read_unit, NESTED_KEYS};
use super::{LoadError, Problem, Warning, MAX_DEPTH, MAX_UNITS};
use crate::chart::{ChartBuilder, UnitData, UnitId};
use crate::ids::{path_id, slug};
use super::json::Json;
use std::collections::{HashMap, HashSet};

/// A unit read, with what is needed to give it an id afterwards: the slug
/// of its name, and its parent's index, so that a path of slugs is built
/// only for the units that lack an id.
struct Pending {
    explicit: bool,
    slug: String,
    parent: Option<usize>,
}

pub(super) fn build(root: &Json, warnings: &mut Vec<Warning>) -> Result<ChartBuilder, LoadError> {
    let mut walk = Walk { builder: ChartBuilder::new(), pending: Vec::new(), seen: HashMap::new(), warnings };
    walk.unit(root, "root".to_owned(), None, 1)?;
    walk.derive_missing_ids();
    Ok(walk.builder)
}

struct Walk<'w> {
    builder: ChartBuilder,
    warnings: &'w mut Vec<Warning>,
    pending: Vec<Pending>,
    /// Explicit ids and the path where each first appeared.
    seen: HashMap<String, String>,
}

impl Walk<'_> {
    fn unit(&mut self, value: &Json, path: String, parent: Option<UnitId>, level: usize) -> Result<(), LoadError> {
        let fields = Fields::of(value, path)?;
        fields.only(&NESTED_KEYS)?;
        if self.pending.len() >= MAX_UNITS {
            return Err(fields.error(Problem::TooManyUnits { limit: MAX_UNITS }));
        }
        if level > MAX_DEPTH {
            return Err(fields.error(Problem::TooDeep { limit: MAX_DEPTH }));
        }
        let mut data: UnitData = read_unit(&fields, self.warnings)?;
        let explicit = read_id(&fields)?;
        if let Some(id) = &explicit {
            if let Some(first) = self.seen.get(id) {
                return Err(invalid(fields.at("id"), Problem::DuplicateId { id: id.clone(), first: first.clone() }));
            }
            self.seen.insert(id.clone(), fields.path().to_owned());
        }
        self.pending.push(Pending {
            explicit: explicit.is_some(),
            slug: if explicit.is_some() { String::new() } else { slug(&data.name) },
            parent: parent.map(UnitId::index),
        });
        data.id = explicit.unwrap_or_default();
        let id = self.builder.push(data, parent);
        let children = fields.optional_array("children")?;
        if !children.is_empty() {
            let at = fields.at("children");
            for (i, child) in children.iter().enumerate() {
                self.unit(child, format!("{at}[{i}]"), Some(id), level + 1)?;
            }
        }
        Ok(())
    }

    /// The slugs of the names from level 2 down to the unit; the root's
    /// own slug names it alone.
    fn path_slugs(&self, index: usize) -> Vec<String> {
        let slug_of = |i: usize| match &self.pending[i] {
            p if p.explicit => slug(self.builder.name(i)),
            p => p.slug.clone(),
        };
        let mut slugs = Vec::new();
        let mut cur = index;
        while let Some(parent) = self.pending[cur].parent {
            slugs.push(slug_of(cur));
            cur = parent;
        }
        if slugs.is_empty() {
            slugs.push(slug_of(index));
        }
        slugs.reverse();
        slugs
    }

    /// Ids from the path of names, made unique in document order: explicit
    /// ids are never taken, and a repeated path gets `-2`, `-3`…
    fn derive_missing_ids(&mut self) {
        let mut taken: HashSet<String> = self.seen.keys().cloned().collect();
        let missing: Vec<usize> = (0..self.pending.len()).filter(|&i| !self.pending[i].explicit).collect();
        for index in missing {
            let base = path_id(&self.path_slugs(index));
            let id = std::iter::once(base.clone())
                .chain((2..).map(|n| format!("{base}-{n}")))
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or(base);
            taken.insert(id.clone());
            self.builder.set_id(index, id);
        }
    }
}
