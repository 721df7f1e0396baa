//! The flat form, as HR exports give it: `"units"` lists every unit with the
//! id of its `"parent"` (null for the one root). Siblings keep file order.

use super::fields::{invalid, Fields, Path};
use super::unit::{read_id, read_unit, FLAT_KEYS};
use super::{Expected, LoadError, Problem, Warning, MAX_DEPTH, MAX_UNITS};
use crate::chart::{ChartBuilder, IdIndex, UnitData, UnitId};
use super::json::{Json, Value};

struct Row<'a> {
    data: UnitData,
    parent: Option<&'a str>,
}

/// `items`: the `"units"` of the document `top`.
pub(super) fn build<'a>(top: &'a Fields<'a>, items: &'a [Json], warnings: &mut Vec<Warning>) -> Result<ChartBuilder, LoadError> {
    if items.is_empty() {
        return Err(invalid("units".into(), Problem::NoUnits));
    }
    if items.len() > MAX_UNITS {
        return Err(invalid("units".into(), Problem::TooManyUnits { limit: MAX_UNITS }));
    }
    let mut rows = items.iter().enumerate().map(|(i, item)| read_row(top, *item, i, warnings)).collect::<Result<Vec<_>, _>>()?;
    let mut by_id = index_ids(&rows)?;
    let root = find_root(&rows)?;
    let mut parents = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        parents.push(match row.parent {
            None => None,
            Some(parent) => match by_id.get(parent, |r| &rows[r].data.id) {
                None => return Err(invalid(path(i, "parent"), Problem::UnknownParent(parent.to_owned()))),
                Some(p) if p == i => return Err(invalid(path(i, "parent"), Problem::SelfParent(parent.to_owned()))),
                Some(p) => Some(p),
            },
        });
    }
    let order = preorder(root, &Children::of(&parents))?;
    if order.len() < rows.len() {
        return Err(cycle_error(&rows, &parents, &order));
    }
    // Each row's place in document order: the index of ids, which held
    // rows, now holds units, and becomes the chart's without hashing an id
    // again.
    let mut unit_of_row = vec![UnitId::at(0); rows.len()];
    for (unit, &(row, _)) in order.iter().enumerate() {
        unit_of_row[row] = UnitId::at(unit);
    }
    by_id.renumber(|row| unit_of_row[row].index());
    let mut builder = ChartBuilder::with_ids(by_id);
    for (row, parent) in order {
        builder.place(std::mem::take(&mut rows[row].data), parent.map(|p| unit_of_row[p]));
    }
    Ok(builder)
}

/// The rows under each row, in file order, in one list.
struct Children {
    /// Where each row's children start in `rows`; the last entry ends it.
    start: Vec<usize>,
    rows: Vec<usize>,
}

impl Children {
    fn of(parents: &[Option<usize>]) -> Children {
        let mut start = vec![0; parents.len() + 1];
        for &p in parents.iter().flatten() {
            start[p + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut rows = vec![0; start[parents.len()]];
        for (i, &p) in parents.iter().enumerate() {
            if let Some(p) = p {
                rows[next[p]] = i;
                next[p] += 1;
            }
        }
        Children { start, rows }
    }

    fn of_row(&self, row: usize) -> &[usize] {
        &self.rows[self.start[row]..self.start[row + 1]]
    }
}

fn path(i: usize, key: &str) -> String {
    format!("units[{i}].{key}")
}

/// Where the rows are, for their paths.
const UNITS: Path = Path::Key(&Path::Top, "units");

fn read_row<'a>(top: &'a Fields<'a>, item: Json, i: usize, warnings: &mut Vec<Warning>) -> Result<Row<'a>, LoadError> {
    let fields = top.object(item, Path::Index(&UNITS, i))?;
    if fields.get("children").is_some() {
        return Err(invalid(fields.at("children"), Problem::ChildrenInFlatForm));
    }
    fields.only(&FLAT_KEYS)?;
    let mut data = read_unit(&fields, warnings)?;
    data.id = read_id(&fields)?.ok_or_else(|| fields.error(Problem::Missing("id")))?;
    let parent = match fields.value_of("parent") {
        None => return Err(fields.error(Problem::Missing("parent"))),
        Some(Value::Null) => None,
        Some(Value::String(p)) => Some(p),
        Some(_) => return Err(invalid(fields.at("parent"), Problem::WrongType(Expected::StringOrNull))),
    };
    Ok(Row { data, parent })
}

/// Every row by its id, as an index the chart keeps once it holds units
/// (see [`build`]).
fn index_ids(rows: &[Row]) -> Result<IdIndex, LoadError> {
    let mut index = IdIndex::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        if let Some(first) = index.insert(&row.data.id, i, |r| &rows[r].data.id) {
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
fn preorder(root: usize, children: &Children) -> Result<Vec<(usize, Option<usize>)>, LoadError> {
    let mut order = Vec::with_capacity(children.start.len() - 1);
    let mut stack = vec![(root, None, 1)];
    while let Some((i, parent, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(invalid(format!("units[{i}]"), Problem::TooDeep { limit: MAX_DEPTH }));
        }
        order.push((i, parent));
        stack.extend(children.of_row(i).iter().rev().map(|&c| (c, Some(i), depth + 1)));
    }
    Ok(order)
}

/// Rows the root does not reach have parents that loop: name the loop.
fn cycle_error(rows: &[Row], parents: &[Option<usize>], order: &[(usize, Option<usize>)]) -> LoadError {
    let mut reached = vec![false; rows.len()];
    for &(i, _) in order {
        reached[i] = true;
    }
    let start = reached.iter().position(|r| !r).unwrap_or(0);
    let mut seen = vec![start];
    let mut cur = start;
    // Every unreached row has a known parent other than itself, so this walk
    // meets a row twice within `rows.len()` steps.
    while let Some(next) = parents[cur] {
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
