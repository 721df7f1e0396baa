//! Importers: other formats to data format v1. Each builds the JSON, then
//! has the core load it, so that what an import writes the widget shows;
//! the core's verdict is located back in the source.

pub mod annuaire;
pub mod csv;
pub mod html;

use crate::messages::Messages;

/// A problem in the source, where it is: a line and a column when known
/// (a problem with no line concerns the file, and names what it is about).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl Located {
    /// `file:line:column: message`, as compilers write it.
    pub fn show(&self, file: &str) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}: {}", self.message),
            (Some(line), None) => format!("{file}:{line}: {}", self.message),
            _ => format!("{file}: {}", self.message),
        }
    }
}

/// What an import gives: the data file's text, and what it left out.
pub struct Imported {
    pub json: String,
    pub warnings: Vec<Located>,
}

/// The data file as the command writes it: JSON indented by two spaces.
pub fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// A located problem's text in both languages.
pub fn says(msg: Messages, fr: String, en: String) -> String {
    match msg.lang() {
        organigramme_core::Lang::Fr => fr,
        organigramme_core::Lang::En => en,
    }
}
