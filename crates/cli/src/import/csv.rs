//! `import csv`: an HR export to data format v1, in the flat form. One row
//! per unit, or per person of a unit (its columns repeated, plus the person
//! and their role): rows of one unit id are merged, in order.
//!
//! The delimiter (`,` `;` tab) and the encoding (UTF-8 with or without BOM,
//! else Windows-1252 as French Excel saves) are detected unless given;
//! column names are recognised in French or English, with synonyms.

use super::{pretty, Imported, People};
use crate::located::Located;
use crate::messages::Messages;
use organigramme_core::fold::fold;
use organigramme_core::load::{parse, LoadError};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::collections::HashMap;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Col {
    Id,
    Parent,
    Name,
    ShortName,
    Kind,
    Description,
    Url,
    Person,
    Role,
}

/// Each field: its key in the data format (and for `--column`), and the
/// header names that mean it, folded (lower case, no accents, `_` between
/// words).
const FIELDS: [(Col, &str, &[&str]); 9] = [
    (Col::Id, "id", &["id", "identifiant", "matricule", "code", "code_unite", "id_unite", "unit_id"]),
    (
        Col::Parent,
        "parent",
        &["parent", "parent_id", "id_parent", "code_parent", "rattachement", "unite_de_rattachement", "manager_id", "parent_unit"],
    ),
    (Col::Name, "name", &["name", "nom", "libelle", "intitule", "unite", "nom_unite", "unit", "unit_name", "denomination"]),
    (Col::ShortName, "short_name", &["short_name", "sigle", "acronyme", "abreviation", "acronym"]),
    (Col::Kind, "kind", &["kind", "type", "nature", "type_unite", "categorie"]),
    (Col::Description, "description", &["description", "mission", "missions", "attributions"]),
    (Col::Url, "url", &["url", "site", "site_internet", "site_web", "lien", "website"]),
    (Col::Person, "person", &["person", "personne", "agent", "titulaire", "nom_prenom", "nom_complet", "full_name"]),
    (Col::Role, "role", &["role", "fonction", "poste", "titre", "intitule_poste", "job_title"]),
];

/// The unit's own fields, in the order they are written.
const UNIT_COLS: [Col; 6] = [Col::Parent, Col::Name, Col::ShortName, Col::Kind, Col::Description, Col::Url];

fn key(col: Col) -> &'static str {
    FIELDS.iter().find(|(c, _, _)| *c == col).map_or("", |(_, k, _)| k)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    #[value(name = "utf-8")]
    Utf8,
    #[value(name = "windows-1252")]
    Windows1252,
}

pub struct CsvOptions {
    pub delimiter: Option<u8>,
    pub encoding: Option<Encoding>,
    /// `field=Header` pairs that name a column explicitly.
    pub columns: Vec<String>,
    pub title: Option<String>,
}

/// "Libellé de l'unité" → "libelle_de_l_unite".
fn folded_header(header: &str) -> String {
    let folded = fold(header.trim());
    let mut out = String::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(word);
    }
    out
}

/// The text, decoded: UTF-8 (a BOM dropped), else Windows-1252.
fn decode(bytes: &[u8], forced: Option<Encoding>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match (forced, std::str::from_utf8(bytes)) {
        (Some(Encoding::Windows1252), _) | (None, Err(_)) => {
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
        }
        (_, Ok(text)) => text.to_owned(),
        // Forced UTF-8 but invalid: each bad byte shows as U+FFFD.
        (Some(Encoding::Utf8), Err(_)) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The delimiter the header line uses most, outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Which column holds each field: `--column` first, then the synonyms.
fn map_columns(headers: &[String], explicit: &[String], msg: Messages) -> Result<HashMap<Col, usize>, Located> {
    let mut map = HashMap::new();
    for pair in explicit {
        let (field, header) = pair.split_once('=').unwrap_or((pair, ""));
        let col = FIELDS.iter().find(|(_, k, _)| *k == field.trim()).map(|(c, _, _)| *c);
        let index = headers.iter().position(|h| h.trim() == header.trim());
        match (col, index) {
            (Some(col), Some(i)) => {
                map.insert(col, i);
            }
            (None, _) => {
                let keys: Vec<&str> = FIELDS.iter().map(|(_, k, _)| *k).collect();
                return Err(Located {
                    line: Some(1),
                    column: None,
                    message: msg.says(
                        format!("--column « {pair} » : le champ doit être l’un de {}", keys.join(", ")),
                        format!("--column “{pair}”: the field must be one of {}", keys.join(", ")),
                    ),
                });
            }
            (Some(_), None) => {
                return Err(Located {
                    line: Some(1),
                    column: None,
                    message: msg.says(
                        format!("--column « {pair} » : aucune colonne « {} » (en-têtes : {})", header.trim(), headers.join(", ")),
                        format!("--column “{pair}”: no column “{}” (headers: {})", header.trim(), headers.join(", ")),
                    ),
                });
            }
        }
    }
    let folded: Vec<String> = headers.iter().map(|h| folded_header(h)).collect();
    for (col, _, names) in FIELDS {
        if map.contains_key(&col) {
            continue;
        }
        let taken: Vec<usize> = map.values().copied().collect();
        if let Some(i) = folded.iter().enumerate().position(|(i, h)| !taken.contains(&i) && names.contains(&h.as_str())) {
            map.insert(col, i);
        }
    }
    for col in [Col::Id, Col::Parent, Col::Name] {
        if !map.contains_key(&col) {
            let k = key(col);
            return Err(Located {
                line: Some(1),
                column: None,
                message: msg.says(
                    format!("aucune colonne pour « {k} » (en-têtes : {}) ; nommez-la avec --column {k}=En-tête", headers.join(", ")),
                    format!("no column for “{k}” (headers: {}); name it with --column {k}=Header", headers.join(", ")),
                ),
            });
        }
    }
    Ok(map)
}

/// A unit as its rows give it.
struct Unit {
    id: String,
    /// Its first row's line.
    line: usize,
    /// Each of [`UNIT_COLS`], with the line that gave it.
    fields: [Option<(String, usize)>; 6],
    people: Vec<(String, Option<String>)>,
}

impl Unit {
    fn field(&self, col: Col) -> Option<&(String, usize)> {
        UNIT_COLS.iter().position(|&c| c == col).and_then(|i| self.fields[i].as_ref())
    }
}

/// The data file, written as it is serialised: no tree of values in
/// between (a 100,000-unit import would hold it whole).
struct Document<'a> {
    title: &'a str,
    units: &'a [Unit],
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("title", self.title)?;
        map.serialize_entry("units", &Units(self.units))?;
        map.end()
    }
}

struct Units<'a>(&'a [Unit]);

impl Serialize for Units<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0)
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("parent", &self.field(Col::Parent).map(|(p, _)| p))?;
        for &col in &UNIT_COLS[1..] {
            if let Some((value, _)) = self.field(col) {
                map.serialize_entry(key(col), value)?;
            }
        }
        if !self.people.is_empty() {
            map.serialize_entry("people", &People(&self.people))?;
        }
        map.end()
    }
}

pub fn import(bytes: &[u8], options: &CsvOptions, msg: Messages) -> Result<Imported, Vec<Located>> {
    let text = decode(bytes, options.encoding);
    let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(&text));
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => return Err(vec![csv_error(&e, msg)]),
    };
    let columns = map_columns(&headers, &options.columns, msg).map_err(|e| vec![e])?;
    let (mut units, mut by_id, mut problems, mut warnings) = (Vec::<Unit>::new(), HashMap::new(), Vec::new(), Vec::new());
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(csv_error(&e, msg));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        // A quoted line break is the file's own: CRLF in a Windows export.
        let cell = |col: Col| {
            let value = columns.get(&col).and_then(|&i| record.get(i)).map(str::trim).filter(|v| !v.is_empty())?;
            Some(value.replace("\r\n", "\n"))
        };
        let at = |col: Col| columns.get(&col).map(|&i| i + 1);
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let Some(id) = cell(Col::Id) else {
            problems.push(Located {
                line: Some(line),
                column: at(Col::Id),
                message: msg.says("l’identifiant de l’unité est vide".into(), "the unit’s id is empty".into()),
            });
            continue;
        };
        let index = *by_id.entry(id.clone()).or_insert_with(|| {
            units.push(Unit { id: id.clone(), line, fields: Default::default(), people: Vec::new() });
            units.len() - 1
        });
        let unit = &mut units[index];
        for (i, col) in UNIT_COLS.into_iter().enumerate() {
            let Some(value) = cell(col) else { continue };
            match &unit.fields[i] {
                None => {
                    unit.fields[i] = Some((value, line));
                }
                Some((first, first_line)) if *first != value => problems.push(Located {
                    line: Some(line),
                    column: at(col),
                    message: msg.says(
                        format!(
                            "identifiant « {id} » en double : « {} » vaut « {value} » ici et « {first} » ligne {first_line}",
                            key(col)
                        ),
                        format!("duplicate id “{id}”: “{}” is “{value}” here and “{first}” on line {first_line}", key(col)),
                    ),
                }),
                Some(_) => {}
            }
        }
        match (cell(Col::Person), cell(Col::Role)) {
            (Some(person), role) => unit.people.push((person, role)),
            (None, Some(role)) => warnings.push(Located {
                line: Some(line),
                column: at(Col::Role),
                message: msg.says(
                    format!("la fonction « {role} » n’a personne (colonne « person » vide) : elle n’est pas importée"),
                    format!("the role “{role}” has nobody (empty “person” column): it is not imported"),
                ),
            }),
            (None, None) => {}
        }
    }
    for unit in units.iter().filter(|u| u.field(Col::Name).is_none()) {
        problems.push(Located {
            line: Some(unit.line),
            column: columns.get(&Col::Name).map(|i| i + 1),
            message: msg.says(
                format!("le nom de l’unité « {} » est vide", unit.id),
                format!("the name of the unit “{}” is empty", unit.id),
            ),
        });
    }
    problems.sort_by_key(|p| (p.line, p.column));
    if units.is_empty() && problems.is_empty() {
        problems.push(Located { line: Some(1), column: None, message: msg.says("aucune unité".into(), "no unit".into()) });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let title = options.title.clone().or_else(|| {
        units.iter().find(|u| u.field(Col::Parent).is_none()).and_then(|u| u.field(Col::Name)).map(|(n, _)| n.clone())
    });
    // The CSV's text and its reader are no longer needed: the import's
    // peak memory is the units, the data file and the core's chart.
    drop(reader);
    drop(text);
    let json = pretty(&Document { title: title.as_deref().unwrap_or_default(), units: &units });
    // The core's verdict, located back in the CSV.
    match parse(&json) {
        Ok(chart) => {
            warnings.extend(chart.warnings.iter().map(|w| {
                let organigramme_core::Warning::RefusedLink { path, .. } = w;
                Located { message: w.message(msg.lang()), ..locate(path, &units, &columns) }
            }));
            Ok(Imported { json, warnings })
        }
        Err(LoadError::Invalid { path, problem }) => {
            Err(vec![Located { message: problem.message(msg.lang()), ..locate(&path, &units, &columns) }])
        }
        Err(e) => Err(vec![Located::file(e.message(msg.lang()))]),
    }
}

/// `units[3].parent` → the line of the row that gave unit 3 its parent,
/// and the parent's column.
fn locate(path: &str, units: &[Unit], columns: &HashMap<Col, usize>) -> Located {
    let index = path.strip_prefix("units[").and_then(|r| r.split(']').next()).and_then(|i| i.parse::<usize>().ok());
    let field = path.split('.').nth(1).map(|f| f.split('[').next().unwrap_or(f));
    let col = FIELDS.iter().find(|(_, k, _)| Some(*k) == field).map(|(c, _, _)| *c);
    let col = if field == Some("people") { Some(Col::Person) } else { col };
    let Some(unit) = index.and_then(|i| units.get(i)) else { return Located { line: Some(1), column: None, message: String::new() } };
    let line = col.and_then(|c| unit.field(c)).map_or(unit.line, |(_, line)| *line);
    Located { line: Some(line), column: col.and_then(|c| columns.get(&c)).map(|i| i + 1), message: String::new() }
}

fn csv_error(e: &csv::Error, msg: Messages) -> Located {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => msg.says(
            format!("la ligne a {len} champs, l’en-tête {expected_len}"),
            format!("the row has {len} fields, the header {expected_len}"),
        ),
        _ => e.to_string(),
    };
    Located { line: Some(line), column: None, message }
}
