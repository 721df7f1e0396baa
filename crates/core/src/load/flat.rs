//! The flat form, as HR exports give it: `"units"` lists every unit with the
//! id of its `"parent"` (null for the one root). Siblings keep file order.

use super::fields::{invalid, Fields, Path};
use super::unit::{read_id, read_unit, FLAT_KEYS};
use super::{Expected, LoadError, Problem, Warning, MAX_DEPTH, MAX_UNITS};
use crate::chart::{ChartBuilder, UnitData, UnitId};
use super::json::Json;
use std::collections::HashMap;

struct Row {
    data: UnitData,
    parent: Option<String>,
}

/// `items`: the `"units"` of the document `top`.
pub(super) fn build(top: &Fields, items: &[Json], warnings: &mut Vec<Warning>) -> Result<ChartBuilder, LoadError> {
    if items.is_empty() {
        return Err(invalid("units".into(), Problem::NoUnits));
    }
    if items.len() > MAX_UNITS {
        return Err(invalid("units".into(), Problem::TooManyUnits { limit: MAX_UNITS }));
    }
    let rows = items.iter().enumerate().map(|(i, item)| read_row(top, item, i, warnings)).collect::<Result<Vec<_>, _>>()?;
    let index = index_ids(&rows)?;
    let root = find_root(&rows)?;
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (i, row) in rows.iter().enumerate() {
        if let Some(parent) = &row.parent {
            match index.get(parent.as_str()) {
                None => return Err(invalid(path(i, "parent"), Problem::UnknownParent(parent.clone()))),
                Some(&p) if p == i => return Err(invalid(path(i, "parent"), Problem::SelfParent(parent.clone()))),
                Some(&p) => children[p].push(i),
            }
        }
    }
    let order = preorder(root, &children)?;
    if order.len() < rows.len() {
        return Err(cycle_error(&rows, &index, &order));
    }
    let mut builder = ChartBuilder::with_capacity(rows.len());
    let mut placed: Vec<Option<UnitId>> = vec![None; rows.len()];
    let mut rows: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    for (i, parent) in order {
        // A preorder visits each row once, so the row is still there.
        if let Some(row) = rows[i].take() {
            placed[i] = Some(builder.push(row.data, parent.and_then(|p| placed[p])));
        }
    }
    Ok(builder)
}

fn path(i: usize, key: &str) -> String {
    format!("units[{i}].{key}")
}

fn read_row(top: &Fields, item: &Json, i: usize, warnings: &mut Vec<Warning>) -> Result<Row, LoadError> {
    let units = Path::Key(&Path::Top, "units");
    let fields = top.object(item, Path::Index(&units, i))?;
    if fields.get("children").is_some() {
        return Err(invalid(fields.at("children"), Problem::ChildrenInFlatForm));
    }
    fields.only(&FLAT_KEYS)?;
    let mut data = read_unit(&fields, warnings)?;
    data.id = read_id(&fields)?.ok_or_else(|| fields.error(Problem::Missing("id")))?;
    let parent = match fields.get("parent") {
        None => return Err(fields.error(Problem::Missing("parent"))),
        Some(Json::Null) => None,
        Some(Json::String(p)) => Some(p.to_string()),
        Some(_) => return Err(invalid(fields.at("parent"), Problem::WrongType(Expected::StringOrNull))),
    };
    Ok(Row { data, parent })
}

fn index_ids(rows: &[Row]) -> Result<HashMap<&str, usize>, LoadError> {
    let mut index = HashMap::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        if let Some(first) = index.insert(row.data.id.as_str(), i) {
            let problem = Problem::DuplicateId { id: row.data.id.clone(), first: format!("units[{first}]") };
            return Err(invalid(path(i, "id"), problem));
        }
    }
    Ok(index)
}

fn find_root(rows: &[Row]) -> Result<usize, LoadError> {
    let mut roots = rows.iter().enumerate().filter(|(_, r)| r.parent.is_none());
    let (root, first) = roots.next().ok_or_else(|| invalid("units".into(), Problem::NoRoot))?;
    if let Some((second, row)) = roots.next() {
        let problem = Problem::SeveralRoots { first: first.data.id.clone(), second: row.data.id.clone() };
        return Err(invalid(path(second, "parent"), problem));
    }
    Ok(root)
}

/// Rows in document order with their parent row, checking the depth.
fn preorder(root: usize, children: &[Vec<usize>]) -> Result<Vec<(usize, Option<usize>)>, LoadError> {
    let mut order = Vec::with_capacity(children.len());
    let mut stack = vec![(root, None, 1)];
    while let Some((i, parent, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(invalid(format!("units[{i}]"), Problem::TooDeep { limit: MAX_DEPTH }));
        }
        order.push((i, parent));
        stack.extend(children[i].iter().rev().map(|&c| (c, Some(i), depth + 1)));
    }
    Ok(order)
}

/// Rows the root does not reach have parents that loop: name the loop.
fn cycle_error(rows: &[Row], index: &HashMap<&str, usize>, order: &[(usize, Option<usize>)]) -> LoadError {
    let mut reached = vec![false; rows.len()];
    for &(i, _) in order {
        reached[i] = true;
    }
    let start = reached.iter().position(|r| !r).unwrap_or(0);
    let mut seen = vec![start];
    let mut cur = start;
    // Every unreached row has a known parent other than itself, so this walk
    // meets a row twice within `rows.len()` steps.
    while let Some(&next) = rows[cur].parent.as_deref().and_then(|p| index.get(p)) {
        if let Some(pos) = seen.iter().position(|&s| s == next) {
            let mut ids: Vec<String> = seen[pos..].iter().map(|&s| rows[s].data.id.clone()).collect();
            ids.push(rows[next].data.id.clone());
            return invalid(path(seen[pos], "parent"), Problem::Cycle(ids));
        }
        seen.push(next);
        cur = next;
    }
    invalid(path(start, "parent"), Problem::NoRoot)
}
