//! Load errors in English; the French text is their `Display`.

use crate::shown::shown;
use super::{Expected, LoadError, Problem, SyntaxProblem};

pub(super) fn message(err: &LoadError) -> String {
    match err {
        LoadError::Syntax { line, column, problem } => format!("line {line}, column {column}: {}", syntax(problem)),
        LoadError::Invalid { path, problem } => format!("{}: {}", place(path), self::problem(problem)),
        LoadError::TooLarge { bytes, limit } => format!(
            "the file is {}, over the limit of {}",
            super::error::megabytes(*bytes, '.'),
            super::error::megabytes(*limit, '.')
        ),
    }
}

fn place(path: &str) -> String {
    if path.is_empty() {
        "document root".into()
    } else {
        shown(path)
    }
}

pub(super) fn syntax(problem: &SyntaxProblem) -> String {
    match problem {
        SyntaxProblem::Empty => "the file is empty".into(),
        SyntaxProblem::ByteOrderMark => "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM".into(),
        SyntaxProblem::InvalidUtf8 => "invalid bytes: the file is not encoded in UTF-8".into(),
        SyntaxProblem::Truncated => "the file ends before the JSON does (truncated)".into(),
        SyntaxProblem::TrailingComma => "trailing comma before the closing bracket".into(),
        SyntaxProblem::TooDeep => format!(
            "nesting too deep (more than {} JSON levels; the hierarchy is limited to {} levels)",
            super::MAX_JSON_NESTING,
            super::MAX_DEPTH
        ),
        SyntaxProblem::KeyNotString => "a key must be a string in straight double quotes \"…\"".into(),
        SyntaxProblem::ExpectedValue => "a value is expected here".into(),
        SyntaxProblem::ExpectedColon => "“:” is expected after the key".into(),
        SyntaxProblem::ExpectedComma => "a comma or the closing bracket is expected here".into(),
        SyntaxProblem::TrailingCharacters => "text follows the end of the JSON".into(),
        SyntaxProblem::InvalidEscape => "invalid escape sequence after “\\”".into(),
        SyntaxProblem::ControlCharacter => "control character in a string: escape it (\\n, \\t, \\u0000)".into(),
        SyntaxProblem::InvalidWord => "unknown word: a text is written in straight double quotes \"…\"; only true, false and null go without".into(),
        SyntaxProblem::InvalidNumber => "invalid number (valid examples: 12, -3.5, 1e6)".into(),
    }
}

fn expected(e: &Expected) -> &'static str {
    match e {
        Expected::Object => "an object",
        Expected::Array => "an array",
        Expected::String => "a string",
        Expected::StringOrNull => "a string or null",
    }
}

pub(super) fn problem(p: &Problem) -> String {
    match p {
        Problem::WrongType(e) => format!("the value must be {}", expected(e)),
        Problem::Missing(field) => format!("the required field “{field}” is missing"),
        Problem::Blank => "the value is empty".into(),
        Problem::UnknownField(name) => format!("the field “{}” is unknown", shown(name)),
        Problem::ChildrenInFlatForm => "“children” does not exist in the flat form: use “parent”".into(),
        Problem::BothRootAndUnits => "both “root” and “units” are present: keep one".into(),
        Problem::NeitherRootNorUnits => "“root” or “units” is required".into(),
        Problem::NoUnits => "the “units” list is empty".into(),
        Problem::BadId(id) => format!(
            "the id “{}” is not valid (1 to 128 ASCII letters, digits, “-”, “_” or “.”, starting with a letter or digit)",
            shown(id)
        ),
        Problem::DuplicateId { id, first } => format!("the id “{}” is already used at {}", shown(id), place(first)),
        Problem::BadLang(lang) => format!("the language “{}” is not a language tag (such as “fr”)", shown(lang)),
        Problem::BadDate(date) => format!("the date “{}” must be a real date written YYYY-MM-DD", shown(date)),
        Problem::UnknownParent(id) => format!("the parent “{}” does not exist", shown(id)),
        Problem::SelfParent(id) => format!("the unit “{}” is its own parent", shown(id)),
        Problem::Cycle(ids) => format!("the parents form a loop: {}", ids.iter().map(|i| shown(i)).collect::<Vec<_>>().join(" → ")),
        Problem::SeveralRoots { first, second } => {
            format!("several units have no parent: “{}” and “{}” (only one root is allowed)", shown(first), shown(second))
        }
        Problem::NoRoot => "no unit is without a parent: exactly one root is required".into(),
        Problem::TooDeep { limit } => format!("the hierarchy is deeper than {limit} levels"),
        Problem::TooManyUnits { limit } => format!("the file has more than {limit} units"),
    }
}
