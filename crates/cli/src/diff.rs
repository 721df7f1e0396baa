//! `diff`: what changed between two charts (the core's `diff`), grouped by
//! kind of change, as text, Markdown or JSON.

use crate::messages::Messages;
use clap::ValueEnum;
use organigramme_core::diff::{diff, field_value, Diff};
use organigramme_core::search::path;
use organigramme_core::{Chart, UnitId};
use serde_json::{json, Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

/// The JSON arrays, in the order of the groups.
const KEYS: [&str; 8] =
    ["added", "removed", "renamed", "moved", "people_arrived", "people_left", "people_changed", "changed"];

/// One line of a group: the unit, and what changed about it.
struct Entry {
    id: String,
    name: String,
    path: String,
    /// A person's name and role.
    person: Option<(String, Option<String>)>,
    /// The field that changed (`changed` only).
    field: Option<&'static str>,
    /// Old and new values, as JSON (strings, null, or a name and short name).
    change: Option<(Value, Value)>,
}

fn unit_path(chart: &Chart, unit: UnitId) -> String {
    path(chart, unit).join(" › ")
}

fn entry(chart: &Chart, unit: UnitId) -> Entry {
    let u = &chart[unit];
    Entry { id: u.id.clone(), name: u.name.clone(), path: unit_path(chart, unit), person: None, field: None, change: None }
}

fn label(chart: &Chart, unit: UnitId) -> Value {
    json!({"name": chart[unit].name, "short_name": chart[unit].short_name})
}

fn opt(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |v| Value::String(v.into()))
}

/// The entries of each group, in the order of [`KEYS`].
fn groups(old: &Chart, new: &Chart, d: &Diff) -> [Vec<Entry>; 8] {
    let person = |chart: &Chart, unit: UnitId, i: usize| {
        let p = &chart[unit].people[i];
        Entry { person: Some((p.name.clone(), p.role.clone())), ..entry(chart, unit) }
    };
    [
        d.added.iter().map(|&u| entry(new, u)).collect(),
        d.removed.iter().map(|&u| entry(old, u)).collect(),
        d.renamed.iter().map(|p| Entry { change: Some((label(old, p.old), label(new, p.new))), ..entry(new, p.new) }).collect(),
        d.moved
            .iter()
            .map(|p| Entry {
                change: Some((Value::String(unit_path(old, p.old)), Value::String(unit_path(new, p.new)))),
                ..entry(new, p.new)
            })
            .collect(),
        d.people_arrived.iter().map(|p| person(new, p.unit, p.person)).collect(),
        d.people_left.iter().map(|p| person(old, p.unit, p.person)).collect(),
        d.people_changed
            .iter()
            .map(|c| {
                let (before, after) = (&old[c.pair.old].people[c.old], &new[c.pair.new].people[c.new]);
                Entry {
                    person: Some((after.name.clone(), None)),
                    change: Some((opt(before.role.as_deref()), opt(after.role.as_deref()))),
                    ..entry(new, c.pair.new)
                }
            })
            .collect(),
        d.changed
            .iter()
            .map(|c| Entry {
                field: Some(c.field.key()),
                change: Some((opt(field_value(old, c.pair.old, c.field)), opt(field_value(new, c.pair.new, c.field)))),
                ..entry(new, c.pair.new)
            })
            .collect(),
    ]
}

fn to_json(groups: &[Vec<Entry>; 8]) -> Value {
    let mut out = Map::new();
    for (key, entries) in KEYS.iter().zip(groups) {
        let list = entries
            .iter()
            .map(|e| {
                let mut o = Map::new();
                o.insert("id".into(), e.id.clone().into());
                o.insert("name".into(), e.name.clone().into());
                o.insert("path".into(), e.path.clone().into());
                if let Some((name, role)) = &e.person {
                    o.insert("person".into(), name.clone().into());
                    if e.change.is_none() {
                        o.insert("role".into(), opt(role.as_deref()));
                    }
                }
                if let Some(field) = e.field {
                    o.insert("field".into(), field.into());
                }
                if let Some((before, after)) = &e.change {
                    o.insert("old".into(), before.clone());
                    o.insert("new".into(), after.clone());
                }
                Value::Object(o)
            })
            .collect();
        out.insert((*key).into(), Value::Array(list));
    }
    Value::Object(out)
}

/// Text from the data in Markdown: its punctuation cannot become markup
/// (inline; each line starts with the list's own "- ").
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A value as a line shows it: quoted, "(aucun)" when absent, a name with
/// its short name.
fn shown(value: &Value, msg: Messages, markdown: bool) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Object(o) => match o.get("short_name").and_then(Value::as_str) {
            Some(short) => format!("{} ({short})", o.get("name").and_then(Value::as_str).unwrap_or_default()),
            None => o.get("name").and_then(Value::as_str).unwrap_or_default().to_owned(),
        },
        _ => return msg.none().to_owned(),
    };
    msg.quoted(&if markdown { md(&text) } else { text })
}

fn line(group: usize, e: &Entry, msg: Messages, markdown: bool) -> String {
    let esc = |t: &str| if markdown { md(t) } else { t.to_owned() };
    let id = if markdown { format!("`{}`", e.id) } else { e.id.clone() };
    let unit = format!("{} ({id})", esc(&e.path));
    let person = e.person.as_ref().map(|(name, role)| match role {
        Some(role) => format!("{}, {}", esc(name), esc(role)),
        None => esc(name),
    });
    let change = e.change.as_ref().map(|(a, b)| format!("{} → {}", shown(a, msg, markdown), shown(b, msg, markdown)));
    let colon = msg.colon();
    let (mark, text) = match group {
        0 => ("+", unit),
        1 => ("-", unit),
        2 => ("~", format!("{unit}{colon}{}", change.unwrap_or_default())),
        3 => (">", format!("{} ({id}){colon}{}", esc(&e.name), change.unwrap_or_default())),
        4 => ("+", format!("{} — {unit}", person.unwrap_or_default())),
        5 => ("-", format!("{} — {unit}", person.unwrap_or_default())),
        6 => ("~", format!("{} — {unit}{colon}{}", person.unwrap_or_default(), change.unwrap_or_default())),
        _ => ("~", format!("{unit}, {}{colon}{}", e.field.unwrap_or_default(), change.unwrap_or_default())),
    };
    if markdown {
        // The heading says which change: a mark would start a nested list.
        format!("- {text}\n")
    } else {
        format!("  {mark} {text}\n")
    }
}

/// The report, and whether the charts differ.
pub fn report(old: &Chart, new: &Chart, names: (&str, &str), format: DiffFormat, msg: Messages) -> (String, bool) {
    let d = diff(old, new);
    let groups = groups(old, new, &d);
    let differ = !d.is_empty();
    let out = match format {
        DiffFormat::Json => serde_json::to_string_pretty(&to_json(&groups)).unwrap_or_default() + "\n",
        DiffFormat::Text | DiffFormat::Markdown => {
            let markdown = format == DiffFormat::Markdown;
            let total = groups.iter().map(Vec::len).sum();
            let mut out = if !differ {
                format!("{}\n", msg.no_difference())
            } else if markdown {
                format!("# {}\n", md(&msg.differences(total, names.0, names.1)))
            } else {
                format!("{}\n", msg.differences(total, names.0, names.1))
            };
            for (i, (heading, entries)) in msg.diff_headings().iter().zip(&groups).enumerate() {
                if entries.is_empty() {
                    continue;
                }
                out.push('\n');
                out.push_str(&if markdown {
                    format!("## {heading} ({})\n\n", entries.len())
                } else {
                    format!("{heading} ({})\n", entries.len())
                });
                for e in entries {
                    out.push_str(&line(i, e, msg, markdown));
                }
            }
            out
        }
    };
    (out, differ)
}
