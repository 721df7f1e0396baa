//! The nested form: `"root"` is a unit whose `"children"` are units.

use super::fields::{invalid, Fields};
use super::unit::{read_id, read_unit, UNIT_KEYS};
use super::{LoadError, Problem, Warning, MAX_DEPTH, MAX_UNITS};
use crate::chart::{ChartBuilder, UnitData, UnitId};
use crate::ids::{path_id, slug};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// A unit read, with what is needed to give it an id afterwards.
struct Pending {
    explicit: bool,
    slugs: Vec<String>,
}

pub(super) fn build(root: &Value, warnings: &mut Vec<Warning>) -> Result<ChartBuilder, LoadError> {
    let mut walk = Walk { builder: ChartBuilder::new(), pending: Vec::new(), seen: HashMap::new(), warnings };
    walk.unit(root, "root".to_owned(), None, &[])?;
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
    fn unit(&mut self, value: &Value, path: String, parent: Option<UnitId>, slugs: &[String]) -> Result<(), LoadError> {
        let fields = Fields::of(value, path)?;
        let mut keys = UNIT_KEYS.to_vec();
        keys.push("children");
        fields.only(&keys)?;
        if self.pending.len() >= MAX_UNITS {
            return Err(fields.error(Problem::TooManyUnits { limit: MAX_UNITS }));
        }
        // `slugs` holds the names below the root: a unit at level L has L - 2.
        if parent.is_some() && slugs.len() + 2 > MAX_DEPTH {
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
        // The root's slug names it alone; below it, paths start at level 2.
        let own = if parent.is_some() { [slugs, &[slug(&data.name)]].concat() } else { Vec::new() };
        self.pending.push(Pending {
            explicit: explicit.is_some(),
            slugs: if parent.is_some() { own.clone() } else { vec![slug(&data.name)] },
        });
        data.id = explicit.unwrap_or_default();
        let id = self.builder.push(data, parent);
        for (i, child) in fields.optional_array("children")?.iter().enumerate() {
            self.unit(child, format!("{}[{i}]", fields.at("children")), Some(id), &own)?;
        }
        Ok(())
    }

    /// Ids from the path of names, made unique in document order: explicit
    /// ids are never taken, and a repeated path gets `-2`, `-3`…
    fn derive_missing_ids(&mut self) {
        let mut taken: HashSet<String> = self.seen.keys().cloned().collect();
        for (index, pending) in self.pending.iter().enumerate().filter(|(_, p)| !p.explicit) {
            let base = path_id(&pending.slugs);
            let id = std::iter::once(base.clone())
                .chain((2..).map(|n| format!("{base}-{n}")))
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or(base);
            taken.insert(id.clone());
            self.builder.set_id(index, id);
        }
    }
}
