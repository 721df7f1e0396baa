//! What can be wrong with a data file, and where.

use crate::shown::shown;
use std::fmt;

/// Why a file could not become a chart. Every variant says where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON. Line and column are 1-based.
    Syntax { line: usize, column: usize, problem: SyntaxProblem },
    /// The JSON does not follow the format. `path` is a JSON path such as
    /// `root.children[3].people[0].name`; empty for the document itself.
    Invalid { path: String, problem: Problem },
    /// The file is larger than the limit, in bytes.
    TooLarge { bytes: usize, limit: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    Empty,
    /// A byte-order mark (UTF-8 or UTF-16) before the JSON.
    ByteOrderMark,
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    Truncated,
    TrailingComma,
    TooDeep,
    KeyNotString,
    ExpectedValue,
    ExpectedColon,
    ExpectedComma,
    TrailingCharacters,
    InvalidEscape,
    ControlCharacter,
    /// A word other than `true`, `false` or `null` outside quotes.
    InvalidWord,
    InvalidNumber,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    StringOrNull,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    WrongType(Expected),
    Missing(&'static str),
    Blank,
    UnknownField(String),
    ChildrenInFlatForm,
    BothRootAndUnits,
    NeitherRootNorUnits,
    NoUnits,
    BadId(String),
    DuplicateId { id: String, first: String },
    BadLang(String),
    BadDate(String),
    UnknownParent(String),
    SelfParent(String),
    Cycle(Vec<String>),
    SeveralRoots { first: String, second: String },
    NoRoot,
    TooDeep { limit: usize },
    TooManyUnits { limit: usize },
}

impl SyntaxProblem {
    /// The problem alone, in `lang`, for a caller that shows the place its
    /// own way (`file:line:column: …`).
    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Fr => self.to_string(),
            crate::Lang::En => super::english::syntax(self),
        }
    }
}

impl fmt::Display for SyntaxProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxProblem::Empty => write!(f, "le fichier est vide"),
            SyntaxProblem::ByteOrderMark => {
                write!(f, "le fichier commence par une marque d’ordre des octets (BOM) : enregistrez-le en UTF-8 sans BOM")
            }
            SyntaxProblem::InvalidUtf8 => write!(f, "octets invalides : le fichier n’est pas encodé en UTF-8"),
            SyntaxProblem::Truncated => write!(f, "le fichier s’arrête avant la fin du JSON (tronqué)"),
            SyntaxProblem::TrailingComma => write!(f, "virgule en trop avant la fermeture"),
            SyntaxProblem::TooDeep => write!(
                f,
                "imbrication trop profonde (plus de {} niveaux JSON ; la hiérarchie est limitée à {} niveaux)",
                super::MAX_JSON_NESTING,
                super::MAX_DEPTH
            ),
            SyntaxProblem::KeyNotString => write!(f, "une clé doit être une chaîne entre guillemets droits \"…\""),
            SyntaxProblem::ExpectedValue => write!(f, "une valeur est attendue ici"),
            SyntaxProblem::ExpectedColon => write!(f, "« : » est attendu après la clé"),
            SyntaxProblem::ExpectedComma => write!(f, "une virgule ou la fermeture est attendue ici"),
            SyntaxProblem::TrailingCharacters => write!(f, "du texte suit la fin du JSON"),
            SyntaxProblem::InvalidEscape => write!(f, "séquence d’échappement invalide après « \\ »"),
            SyntaxProblem::ControlCharacter => {
                write!(f, "caractère de contrôle dans une chaîne : écrivez-le en échappement (\\n, \\t, \\u0000)")
            }
            SyntaxProblem::InvalidWord => {
                write!(f, "mot inconnu : un texte s’écrit entre guillemets droits \"…\", seuls true, false et null s’en passent")
            }
            SyntaxProblem::InvalidNumber => write!(f, "nombre invalide (exemples valides : 12, -3.5, 1e6)"),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Object => "un objet",
            Expected::Array => "un tableau",
            Expected::String => "une chaîne de caractères",
            Expected::StringOrNull => "une chaîne de caractères ou null",
        })
    }
}

impl Problem {
    /// The problem alone, in `lang`, for a caller that locates it its own
    /// way (an importer, by the line and column of its source).
    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Fr => self.to_string(),
            crate::Lang::En => super::english::problem(self),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::WrongType(expected) => write!(f, "la valeur doit être {expected}"),
            Problem::Missing(field) => write!(f, "le champ obligatoire « {field} » manque"),
            Problem::Blank => write!(f, "la valeur est vide"),
            Problem::UnknownField(name) => write!(f, "le champ « {} » est inconnu", shown(name)),
            Problem::ChildrenInFlatForm => {
                write!(f, "« children » n’existe pas dans la forme à plat : utilisez « parent »")
            }
            Problem::BothRootAndUnits => write!(f, "« root » et « units » sont présents : gardez-en un seul"),
            Problem::NeitherRootNorUnits => write!(f, "il faut « root » ou « units »"),
            Problem::NoUnits => write!(f, "la liste « units » est vide"),
            Problem::BadId(id) => write!(
                f,
                "l’identifiant « {} » n’est pas valide (1 à 128 caractères parmi lettres ASCII, chiffres, « - », « _ » et « . », commençant par une lettre ou un chiffre)",
                shown(id)
            ),
            Problem::DuplicateId { id, first } => {
                write!(f, "l’identifiant « {} » est déjà utilisé en {}", shown(id), place(first))
            }
            Problem::BadLang(lang) => {
                write!(f, "la langue « {} » n’est pas un code de langue (par exemple « fr »)", shown(lang))
            }
            Problem::BadDate(date) => {
                write!(f, "la date « {} » doit être une date réelle écrite AAAA-MM-JJ", shown(date))
            }
            Problem::UnknownParent(id) => write!(f, "le parent « {} » n’existe pas", shown(id)),
            Problem::SelfParent(id) => write!(f, "l’unité « {} » est son propre parent", shown(id)),
            Problem::Cycle(ids) => {
                write!(f, "les parents forment une boucle : {}", ids.iter().map(|i| shown(i)).collect::<Vec<_>>().join(" → "))
            }
            Problem::SeveralRoots { first, second } => write!(
                f,
                "plusieurs unités sans parent : « {} » et « {} » (une seule racine est permise)",
                shown(first),
                shown(second)
            ),
            Problem::NoRoot => write!(f, "aucune unité sans parent : il faut exactement une racine"),
            Problem::TooDeep { limit } => write!(f, "la hiérarchie dépasse {limit} niveaux"),
            Problem::TooManyUnits { limit } => write!(f, "le fichier dépasse {limit} unités"),
        }
    }
}

/// "60,0 Mo" in French, "60.0 MB" in English (decimal megabytes).
pub(super) fn megabytes(bytes: usize, decimal: char) -> String {
    let tenths = (bytes as u64 * 10 + 500_000) / 1_000_000;
    let unit = if decimal == ',' { "Mo" } else { "MB" };
    format!("{}{decimal}{} {unit}", tenths / 10, tenths % 10)
}

fn place(path: &str) -> String {
    if path.is_empty() {
        "racine du document".to_owned()
    } else {
        shown(path)
    }
}

/// The message the widget shows, in French, place first.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { line, column, problem } => {
                write!(f, "ligne {line}, colonne {column} : {problem}")
            }
            LoadError::Invalid { path, problem } => write!(f, "{} : {problem}", place(path)),
            LoadError::TooLarge { bytes, limit } => write!(
                f,
                "le fichier fait {}, au-delà de la limite de {}",
                megabytes(*bytes, ','),
                megabytes(*limit, ',')
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// The message in `lang`: place first, then the problem.
    ///
    /// ```
    /// use organigramme_core::{parse, Lang};
    /// let err = parse(r#"{"title": "T", "root": {"name": " "}}"#).unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "root.name : la valeur est vide");
    /// assert_eq!(err.message(Lang::En), "root.name: the value is empty");
    /// ```
    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Fr => self.to_string(),
            crate::Lang::En => super::english::message(self),
        }
    }
}
