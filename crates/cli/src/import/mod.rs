//! Importers: other formats to data format v1. Each builds the JSON, then
//! has the core load it, so that what an import writes the widget shows;
//! the core's verdict is located back in the source.

pub mod annuaire;
pub mod csv;
pub mod html;

use crate::located::Located;
use serde::ser::{Serialize, Serializer};

/// What an import gives: the data file's text, and what it left out.
pub struct Imported {
    pub json: String,
    pub warnings: Vec<Located>,
}

/// The data file as the command writes it: JSON indented by two spaces.
pub fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// A unit's people as the data format writes them: a name, and a role if
/// there is one.
pub struct People<'a>(pub &'a [(String, Option<String>)]);

impl Serialize for People<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|(name, role)| Person { name, role: role.as_deref() }))
    }
}

#[derive(serde::Serialize)]
struct Person<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}
