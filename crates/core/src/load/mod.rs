//! Reading a data file (format version 1) into a [`Chart`].
//!
//! Two forms are accepted: nested (`"root"`: a unit with `"children"`) and
//! flat (`"units"`: a list where each unit names its `"parent"`), as HR tools
//! export it. Both become the same arena, in document order.

mod english;
mod error;
mod fields;
mod flat;
mod json;
mod nested;
mod unit;

pub use crate::warning::Warning;
pub use error::{Expected, LoadError, Problem, SyntaxProblem};

use crate::chart::{Chart, Metadata};
use fields::{Fields, Path};

/// Deepest hierarchy accepted: the root is level 1.
pub const MAX_DEPTH: usize = 50;
/// Most units accepted in one chart.
pub const MAX_UNITS: usize = 250_000;
/// Largest file accepted, in bytes (32 MB): a 100,000-unit chart with a
/// person per unit is about 13 MB.
pub const MAX_BYTES: usize = 32_000_000;
/// Deepest JSON nesting accepted, so that no input can overflow the stack.
pub const MAX_JSON_NESTING: usize = 127;

/// Parses and validates a data file given as bytes, as a server sends it:
/// checks the size, refuses a byte-order mark, and locates bytes that are
/// not UTF-8 by line and column.
///
/// ```
/// use organigramme_core::load::{parse_bytes, LoadError, SyntaxProblem};
/// let err = parse_bytes(b"{\n  \"title\": \"\xff\"}").unwrap_err();
/// assert_eq!(err, LoadError::Syntax { line: 2, column: 13, problem: SyntaxProblem::InvalidUtf8 });
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Chart, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len(), limit: MAX_BYTES });
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Syntax { line: 1, column: 1, problem: SyntaxProblem::ByteOrderMark });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let (line, column) = line_column(bytes, e.valid_up_to());
            Err(LoadError::Syntax { line, column, problem: SyntaxProblem::InvalidUtf8 })
        }
    }
}

/// The 1-based line of the byte at `at`, and its column in characters, as
/// people count them: every byte before it on its line that does not
/// continue a UTF-8 character starts one.
fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    let line = 1 + memchr::memchr_iter(b'\n', &before[..line_start]).count();
    let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    (line, column)
}

/// Parses and validates a data file.
///
/// ```
/// use organigramme_core::load::{parse, LoadError};
/// let err = parse(r#"{"title": "T", "root": {"name": "A", "people": [{"role": "Chef"}]}}"#).unwrap_err();
/// assert_eq!(err.to_string(), "root.people[0] : le champ obligatoire « name » manque");
/// let err = parse("{\n  \"title\": \"T\",\n}").unwrap_err();
/// assert!(matches!(err, LoadError::Syntax { line: 3, column: 1, .. }));
/// ```
pub fn parse(text: &str) -> Result<Chart, LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len(), limit: MAX_BYTES });
    }
    if text.starts_with('\u{feff}') {
        return Err(LoadError::Syntax { line: 1, column: 1, problem: SyntaxProblem::ByteOrderMark });
    }
    if text.trim().is_empty() {
        return Err(LoadError::Syntax { line: 1, column: 1, problem: SyntaxProblem::Empty });
    }
    let doc = json::parse(text)?;
    let top = Fields::of(&doc, doc.root, Path::Top)?;
    top.only(&["$schema", "title", "lang", "updated", "source", "root", "units"])?;
    let mut warnings = Vec::new();
    let meta = Metadata {
        title: top.name("title")?,
        lang: top.checked_str("lang", |l| is_lang(l).then_some(()).ok_or_else(|| Problem::BadLang(l.into())))?,
        updated: top.checked_str("updated", |d| is_date(d).then_some(()).ok_or_else(|| Problem::BadDate(d.into())))?,
        source: top.link("source", "", &mut warnings)?,
    };
    top.optional_str("$schema")?;
    let builder = match (top.get("root"), top.get("units")) {
        (Some(_), Some(_)) => return Err(top.error(Problem::BothRootAndUnits)),
        (None, None) => return Err(top.error(Problem::NeitherRootNorUnits)),
        (Some(root), None) => nested::build(&top.object(root, Path::Key(&Path::Top, "root"))?, &mut warnings)?,
        (None, Some(_)) => flat::build(&top, top.optional_array("units")?, &mut warnings)?,
    };
    Ok(builder.finish(meta, warnings))
}

/// A BCP 47-like tag: `fr`, `en-GB`.
fn is_lang(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `YYYY-MM-DD`, with a real month and a plausible day.
fn is_date(date: &str) -> bool {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r.clone()].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = date[5..7].parse().unwrap_or(0);
    let day: u32 = date[8..10].parse().unwrap_or(0);
    let year: u32 = date[0..4].parse().unwrap_or(0);
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(is_date("2024-01-17"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(!is_date("17/01/2024"));
    }

    #[test]
    fn languages_are_tags() {
        assert!(is_lang("fr"));
        assert!(is_lang("en-GB"));
        assert!(!is_lang("français"));
        assert!(!is_lang("fr_FR"));
    }
}
