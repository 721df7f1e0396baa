//! Reading the fields of one JSON object, with its path for error messages.

use super::{Expected, LoadError, Problem, Warning};
use crate::url::is_allowed_url;
use super::json::{Doc, Json, Member, Value};

/// An object of the data file and where it is, e.g. `root.children[2]`.
pub(super) struct Fields<'a> {
    doc: &'a Doc<'a>,
    map: &'a [Member],
    path: Path<'a>,
}

/// Where a value is in the file, written out only for a message: a chart
/// of 100,000 units would otherwise build a string per unit and person.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    /// The document itself.
    Top,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// As messages give it: `root.children[3].people[0]`.
    pub(super) fn text(&self) -> String {
        let mut text = String::new();
        self.write(&mut text);
        text
    }

    fn write(&self, text: &mut String) {
        match *self {
            Path::Top => {}
            Path::Key(parent, key) => {
                parent.write(text);
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(text);
                text.push('[');
                text.push_str(&i.to_string());
                text.push(']');
            }
        }
    }
}

/// `text` without its leading and trailing whitespace. Nearly every text of
/// a file starts and ends with a visible ASCII character, which no Unicode
/// whitespace is: those are returned as they are, without decoding a
/// character (the loader trims every name and text of 100,000 units).
fn trim(text: &str) -> &str {
    let visible = |b: &u8| (0x21..0x7F).contains(b);
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if visible(first) && visible(last) => text,
        _ => text.trim(),
    }
}

pub(super) fn invalid(path: String, problem: Problem) -> LoadError {
    LoadError::Invalid { path, problem }
}

impl<'a> Fields<'a> {
    pub(super) fn of(doc: &'a Doc<'a>, value: Json, path: Path<'a>) -> Result<Self, LoadError> {
        match doc.value(value) {
            Value::Object(map) => Ok(Fields { doc, map, path }),
            _ => Err(invalid(path.text(), Problem::WrongType(Expected::Object))),
        }
    }

    /// An object inside this one's document.
    pub(super) fn object<'b>(&'b self, value: Json, path: Path<'b>) -> Result<Fields<'b>, LoadError> {
        Fields::of(self.doc, value, path)
    }

    pub(super) fn path(&self) -> &Path<'a> {
        &self.path
    }

    pub(super) fn at(&self, key: &str) -> String {
        Path::Key(&self.path, key).text()
    }

    pub(super) fn error(&self, problem: Problem) -> LoadError {
        invalid(self.path.text(), problem)
    }

    pub(super) fn get(&self, key: &str) -> Option<Json> {
        self.doc.get(self.map, key)
    }

    /// The value of a member, read as what it is.
    pub(super) fn value_of(&self, key: &str) -> Option<Value<'a>> {
        self.get(key).map(|v| self.doc.value(v))
    }

    /// Refuses keys outside `known`; `x-` keys are extensions and pass. Of
    /// several unknown keys, the first in sorted order is named, whatever
    /// the file's order.
    pub(super) fn only(&self, known: &[&str]) -> Result<(), LoadError> {
        let unknown = self.map.iter().map(|m| self.doc.key(m)).filter(|k| !known.contains(k) && !k.starts_with("x-"));
        match unknown.min() {
            Some(k) => Err(invalid(self.at(k), Problem::UnknownField(k.to_owned()))),
            None => Ok(()),
        }
    }

    pub(super) fn optional_str(&self, key: &str) -> Result<Option<&'a str>, LoadError> {
        match self.value_of(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(invalid(self.at(key), Problem::WrongType(Expected::String))),
        }
    }

    /// An optional free text: trimmed, and absent when blank.
    pub(super) fn text(&self, key: &str) -> Result<Option<String>, LoadError> {
        Ok(self.optional_str(key)?.map(trim).filter(|s| !s.is_empty()).map(str::to_owned))
    }

    /// A required, non-blank text, trimmed.
    pub(super) fn name(&self, key: &'static str) -> Result<String, LoadError> {
        match self.optional_str(key)?.map(trim) {
            None => Err(self.error(Problem::Missing(key))),
            Some("") => Err(invalid(self.at(key), Problem::Blank)),
            Some(s) => Ok(s.to_owned()),
        }
    }

    /// An optional string that must pass `check`.
    pub(super) fn checked_str(
        &self,
        key: &str,
        check: impl Fn(&str) -> Result<(), Problem>,
    ) -> Result<Option<String>, LoadError> {
        match self.optional_str(key)? {
            None => Ok(None),
            Some(s) => check(s).map(|()| Some(s.to_owned())).map_err(|p| invalid(self.at(key), p)),
        }
    }

    /// An optional link: kept when the allow-list accepts it, else dropped
    /// with a warning naming `unit` (the file still loads).
    pub(super) fn link(&self, key: &str, unit: &str, warnings: &mut Vec<Warning>) -> Result<Option<String>, LoadError> {
        match self.optional_str(key)? {
            Some(url) if is_allowed_url(url) => Ok(Some(url.to_owned())),
            Some(url) => {
                warnings.push(Warning::RefusedLink { path: self.at(key), unit: unit.to_owned(), url: url.to_owned() });
                Ok(None)
            }
            None => Ok(None),
        }
    }

    pub(super) fn optional_array(&self, key: &str) -> Result<&'a [Json], LoadError> {
        match self.value_of(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(invalid(self.at(key), Problem::WrongType(Expected::Array))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::trim;
    use proptest::prelude::*;

    #[test]
    fn trims_as_the_standard_library_does() {
        for text in ["", " ", "a", " a ", "a b", "\u{a0}Nom\u{a0}", "\u{3000}名\u{3000}", "é", " é", "\tx\n", "x\u{2029}", "\u{b}y"] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_trims_as_the_standard_library_does(text in "\\PC{0,6}|[ \\t\\u{a0}\\u{3000}a-zé]{0,6}") {
            prop_assert_eq!(trim(&text), text.trim());
        }
    }
}
