//! The fields both forms share: a unit's texts, link and people.

use super::fields::{Fields, Path};
use super::{LoadError, Problem, Warning};
use crate::chart::{Person, UnitData};
use crate::ids::is_valid_id;

/// Keys of a unit in each form: the same fields, and the form's structure key.
pub(super) const NESTED_KEYS: [&str; 8] = ["id", "name", "short_name", "kind", "description", "url", "people", "children"];
pub(super) const FLAT_KEYS: [&str; 8] = ["id", "name", "short_name", "kind", "description", "url", "people", "parent"];

/// Reads everything but the id and the structure.
pub(super) fn read_unit(unit: &Fields, warnings: &mut Vec<Warning>) -> Result<UnitData, LoadError> {
    let mut people = Vec::new();
    let at = Path::Key(unit.path(), "people");
    for (i, person) in unit.optional_array("people")?.iter().enumerate() {
        let person = unit.object(*person, Path::Index(&at, i))?;
        person.only(&["name", "role"])?;
        people.push(Person { name: person.name("name")?, role: person.text("role")? });
    }
    let name = unit.name("name")?;
    Ok(UnitData {
        id: String::new(),
        url: unit.link("url", &name, warnings)?,
        name,
        short_name: unit.text("short_name")?,
        kind: unit.text("kind")?,
        description: unit.text("description")?,
        people,
    })
}

/// The unit's `id` if it has one, checked against the id rule.
pub(super) fn read_id(unit: &Fields) -> Result<Option<String>, LoadError> {
    unit.checked_str("id", |id| is_valid_id(id).then_some(()).ok_or_else(|| Problem::BadId(id.into())))
}
