//! The nested form: `"root"` is a unit whose `"children"` are units.

use super::fields::{invalid, Fields, Path};
use super::unit::{read_id, read_unit, NESTED_KEYS};
use super::{LoadError, Problem, Warning, MAX_DEPTH, MAX_UNITS};
use crate::chart::{ChartBuilder, UnitData, UnitId};
use crate::ids::{path_id, slug};

pub(super) fn build(root: &Fields, warnings: &mut Vec<Warning>) -> Result<ChartBuilder, LoadError> {
    let units = count(root).min(MAX_UNITS);
    let mut walk = Walk { builder: ChartBuilder::with_capacity(units), warnings };
    walk.unit(root, None, 1)?;
    walk.derive_missing_ids();
    Ok(walk.builder)
}

/// How many units the tree holds, counted before reading them so that the
/// chart's list is allocated once; what is not a unit is left for the
/// reading to report.
fn count(fields: &Fields) -> usize {
    let children = fields.optional_array("children").unwrap_or_default();
    1 + children.iter().filter_map(|&child| fields.object(child, Path::Top).ok()).map(|child| count(&child)).sum::<usize>()
}

struct Walk<'w> {
    builder: ChartBuilder,
    warnings: &'w mut Vec<Warning>,
}

impl Walk<'_> {
    fn unit(&mut self, fields: &Fields, parent: Option<UnitId>, level: usize) -> Result<(), LoadError> {
        fields.only(&NESTED_KEYS)?;
        if self.builder.len() >= MAX_UNITS {
            return Err(fields.error(Problem::TooManyUnits { limit: MAX_UNITS }));
        }
        if level > MAX_DEPTH {
            return Err(fields.error(Problem::TooDeep { limit: MAX_DEPTH }));
        }
        let mut data: UnitData = read_unit(fields, self.warnings)?;
        let explicit = read_id(fields)?;
        if let Some(id) = &explicit {
            if let Some(first) = self.builder.with_id(id) {
                return Err(invalid(fields.at("id"), Problem::DuplicateId { id: id.clone(), first: self.path_of(first) }));
            }
        }
        // Empty until derived: an explicit id is never empty.
        data.id = explicit.unwrap_or_default();
        let id = self.builder.push(data, parent);
        let at = Path::Key(fields.path(), "children");
        for (i, child) in fields.optional_array("children")?.iter().enumerate() {
            self.unit(&fields.object(*child, Path::Index(&at, i))?, Some(id), level + 1)?;
        }
        Ok(())
    }

    /// Where a unit already read is in the file, for a message naming it.
    fn path_of(&self, index: usize) -> String {
        match self.builder.parent(index) {
            None => "root".to_owned(),
            Some(parent) => format!("{}.children[{}]", self.path_of(parent), self.builder.sibling_index(index)),
        }
    }

    /// The slugs of the names from level 2 down to the unit; the root's
    /// own slug names it alone. Each name's slug is made once, in `slugs`.
    fn path_slugs(&self, index: usize, slugs: &mut [Option<String>]) -> Vec<String> {
        let mut path = Vec::new();
        let mut cur = index;
        loop {
            let parent = self.builder.parent(cur);
            if parent.is_none() && !path.is_empty() {
                break;
            }
            path.push(slugs[cur].get_or_insert_with(|| slug(self.builder.name(cur))).clone());
            match parent {
                Some(p) => cur = p,
                None => break,
            }
        }
        path.reverse();
        path
    }

    /// Ids from the path of names, made unique in document order: explicit
    /// ids are never taken, and a repeated path gets `-2`, `-3`…
    fn derive_missing_ids(&mut self) {
        let mut slugs = vec![None; self.builder.len()];
        for index in 0..self.builder.len() {
            if !self.builder.id(index).is_empty() {
                continue;
            }
            let base = path_id(&self.path_slugs(index, &mut slugs));
            let id = std::iter::once(base.clone())
                .chain((2..).map(|n| format!("{base}-{n}")))
                .find(|candidate| self.builder.with_id(candidate).is_none())
                .unwrap_or(base);
            self.builder.set_id(index, id);
        }
    }
}
