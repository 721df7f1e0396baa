//! Checks the default data file `public/data/dinum-2024.json` against the
//! page it was transcribed from, `tests/fixtures/seed-dinum-2024.txt`.
//!
//! The seed is parsed here by plain string scanning of its `<li>` lines, so
//! that the test does not share any code (or any mistake) with the crate.

use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

const SEED: &str = "tests/fixtures/seed-dinum-2024.txt";
const DATA: &str = "public/data/dinum-2024.json";

fn repo_file(relative: &str) -> String {
    let path = format!("{}/../../{}", env!("CARGO_MANIFEST_DIR"), relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

// ---------------------------------------------------------------------------
// Seed parsing
// ---------------------------------------------------------------------------

/// Decodes the entities used by the seed, collapses whitespace and trims.
fn normalise(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes every `<…>` tag.
fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Removes the bold label (`<b>…</b>`) of a line, keeping what follows it.
fn strip_bold(text: &str) -> String {
    match (text.find("<b>"), text.find("</b>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &text[..start], &text[end + "</b>".len()..])
        }
        _ => text.to_string(),
    }
}

/// The `<li>` lines of the accessible organigram, from its heading to the
/// closing "Organigramme daté du …" paragraph.
fn organigram_items(seed: &str) -> Vec<String> {
    let start = seed
        .find("Version accessible de l'organigramme")
        .expect("the seed has no accessible organigram section");
    let end = seed[start..]
        .find("Organigramme daté du")
        .map(|i| start + i)
        .expect("the seed's organigram section has no end marker");
    seed[start..end]
        .lines()
        .filter_map(|line| line.find("<li>").map(|i| line[i..].trim().to_string()))
        .collect()
}

#[derive(Debug)]
struct SeedPerson {
    name: String,
    role: String,
}

#[derive(Debug)]
struct SeedPole {
    name: String,
    person: Option<SeedPerson>,
}

#[derive(Debug)]
struct SeedDepartment {
    name: String,
    short_name: Option<String>,
    head: String,
    deputy: Option<String>,
    poles: Vec<SeedPole>,
}

/// The text following `label` up to the next "." (or the end), normalised.
fn after_label(text: &str, label: &str) -> Option<String> {
    let start = text.find(label)? + label.len();
    let rest = &text[start..];
    let rest = rest.find('.').map_or(rest, |end| &rest[..end]);
    Some(normalise(rest))
}

fn parse_department_heading(item: &str) -> SeedDepartment {
    let open = item.find('«').expect("department heading without «");
    let close = item.find('»').expect("department heading without »");
    let name = normalise(&strip_tags(&item[open + '«'.len_utf8()..close]));
    let after = item[close + '»'.len_utf8()..].trim_start();
    let short_name = after
        .strip_prefix('(')
        .and_then(|rest| rest.find(')').map(|end| normalise(&rest[..end])));
    let text = strip_tags(&strip_bold(item));
    let head = after_label(&text, "Chef du département :")
        .unwrap_or_else(|| panic!("no head in the seed's heading of {name}"));
    let deputy = after_label(&text, "Adjoint :");
    SeedDepartment { name, short_name, head, deputy, poles: Vec::new() }
}

/// `Datalab, chef de pôle : Ulrich Tan` or `Animation`.
fn parse_pole(item: &str) -> SeedPole {
    let text = normalise(&strip_tags(item));
    for marker in [", chef de pôle", ", cheffe de pôle"] {
        if let Some(at) = text.find(marker) {
            let name = normalise(&text[..at]);
            let rest = &text[at + ", ".len()..];
            let colon = rest.find(':').expect("pole head without ':'");
            let role = normalise(&rest[..colon]);
            let person = normalise(&rest[colon + 1..]);
            return SeedPole { name, person: Some(SeedPerson { name: person, role }) };
        }
    }
    SeedPole { name: text, person: None }
}

/// The six departments of the seed, with their poles, in the seed's order.
fn seed_departments(seed: &str) -> Vec<SeedDepartment> {
    let mut departments: Vec<SeedDepartment> = Vec::new();
    for item in organigram_items(seed) {
        if item.contains("le département «") {
            departments.push(parse_department_heading(&item));
        } else if !item.contains("<b>") {
            let department = departments
                .last_mut()
                .unwrap_or_else(|| panic!("pole line before any department: {item}"));
            department.poles.push(parse_pole(&item));
        }
    }
    departments
}

/// Every person's name mentioned in the seed's organigram section.
fn seed_person_names(seed: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for item in organigram_items(seed) {
        if !item.contains("<b>") {
            if let Some(person) = parse_pole(&item).person {
                names.insert(person.name);
            }
            continue;
        }
        // "<b>Label</b> Someone. Adjoint : Someone else." /
        // "<b>Cabinet</b> Someone, conseiller. Someone else, cheffe cab." /
        // "<b>Secrétariat</b> Someone et Someone else."
        let text = normalise(&strip_tags(&strip_bold(&item)));
        for sentence in text.split('.') {
            let people = if let Some(colon) = sentence.rfind(':') {
                &sentence[colon + 1..]
            } else if let Some(comma) = sentence.find(',') {
                &sentence[..comma]
            } else {
                sentence
            };
            for name in people.split(" et ") {
                let name = normalise(name);
                if !name.is_empty() {
                    names.insert(name);
                }
            }
        }
    }
    names
}

// ---------------------------------------------------------------------------
// JSON helpers
// ---------------------------------------------------------------------------

fn data() -> Value {
    serde_json::from_str(&repo_file(DATA)).unwrap_or_else(|e| panic!("{DATA} is not JSON: {e}"))
}

fn str_field<'a>(unit: &'a Value, key: &str) -> Option<&'a str> {
    unit.get(key).and_then(Value::as_str)
}

fn children(unit: &Value) -> &[Value] {
    unit.get("children").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn people(unit: &Value) -> Vec<(String, Option<String>)> {
    unit.get("people")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|p| {
            (
                str_field(p, "name").unwrap_or_default().to_string(),
                str_field(p, "role").map(str::to_string),
            )
        })
        .collect()
}

fn json_departments(data: &Value) -> Vec<&Value> {
    children(&data["root"])
        .iter()
        .filter(|unit| str_field(unit, "kind") == Some("Département"))
        .collect()
}

fn collect_names(unit: &Value, names: &mut BTreeSet<String>) {
    for (name, _) in people(unit) {
        names.insert(name);
    }
    for child in children(unit) {
        collect_names(child, names);
    }
}

/// Compares roles ignoring the case of the first letter only, as the seed
/// writes "chef de pôle" where the data writes "Chef de pôle".
fn same_role(a: &str, b: &str) -> bool {
    let mut a = a.chars();
    let mut b = b.chars();
    match (a.next(), b.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && a.as_str() == b.as_str(),
        (None, None) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn the_seed_parser_finds_six_departments_and_their_poles() {
    let departments = seed_departments(&repo_file(SEED));
    assert_eq!(departments.len(), 6, "departments parsed from the seed: {departments:#?}");
    let poles: usize = departments.iter().map(|d| d.poles.len()).sum();
    assert_eq!(poles, 28, "poles parsed from the seed: {departments:#?}");
    let first = &departments[0].poles[0];
    assert_eq!(first.name, "Brigade d’intervention numérique");
    assert_eq!(first.person.as_ref().map(|p| p.name.as_str()), Some("Stéphanie Nazarian"));
}

#[test]
fn the_root_has_exactly_the_six_departments_of_the_seed_with_their_heads() {
    let seed = seed_departments(&repo_file(SEED));
    let data = data();
    let json = json_departments(&data);

    let json_names: Vec<&str> = json.iter().filter_map(|d| str_field(d, "name")).collect();
    let seed_names: Vec<&str> = seed.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(json.len(), 6, "units of kind \"Département\" under the root: {json_names:?}");
    assert_eq!(json_names, seed_names, "departments under the root differ from the seed");

    let mut problems = Vec::new();
    for (expected, unit) in seed.iter().zip(&json) {
        let name = &expected.name;
        let short_name = str_field(unit, "short_name").map(str::to_string);
        if short_name != expected.short_name {
            problems.push(format!(
                "{name}: short_name {short_name:?}, the seed gives {:?}",
                expected.short_name
            ));
        }
        let people = people(unit);
        let heads: Vec<&str> = people
            .iter()
            .filter(|(_, role)| role.as_deref() == Some("Chef du département"))
            .map(|(n, _)| n.as_str())
            .collect();
        if heads != [expected.head.as_str()] {
            problems.push(format!(
                "{name}: head (role \"Chef du département\") should be {:?}, found {heads:?}",
                expected.head
            ));
        }
        if let Some(deputy) = &expected.deputy {
            if !people.iter().any(|(n, r)| n == deputy && r.as_deref() == Some("Adjoint")) {
                problems.push(format!("{name}: missing deputy {deputy:?} (role \"Adjoint\")"));
            }
        }
    }
    assert!(problems.is_empty(), "departments disagree with the seed:\n{}", problems.join("\n"));
}

#[test]
fn every_pole_of_the_seed_is_in_its_department() {
    let seed = seed_departments(&repo_file(SEED));
    let data = data();
    let json = json_departments(&data);

    let mut problems = Vec::new();
    for expected in &seed {
        let Some(unit) = json.iter().find(|d| str_field(d, "name") == Some(expected.name.as_str()))
        else {
            problems.push(format!("department {:?} is missing", expected.name));
            continue;
        };
        for pole in &expected.poles {
            let Some(found) =
                children(unit).iter().find(|c| str_field(c, "name") == Some(pole.name.as_str()))
            else {
                problems.push(format!("pole {:?} is missing from {:?}", pole.name, expected.name));
                continue;
            };
            if str_field(found, "kind") != Some("Pôle") {
                problems.push(format!("pole {:?} does not have kind \"Pôle\"", pole.name));
            }
            let people = people(found);
            match &pole.person {
                Some(person) => {
                    let ok = people.iter().any(|(n, r)| {
                        *n == person.name && r.as_deref().is_some_and(|r| same_role(r, &person.role))
                    });
                    if !ok {
                        problems.push(format!(
                            "pole {:?} of {:?} should have {:?} as {:?}, found {people:?}",
                            pole.name, expected.name, person.name, person.role
                        ));
                    }
                }
                None if !people.is_empty() => problems.push(format!(
                    "pole {:?} has no person in the seed but has {people:?}",
                    pole.name
                )),
                None => {}
            }
        }
    }
    assert!(problems.is_empty(), "poles disagree with the seed:\n{}", problems.join("\n"));
}

#[test]
fn every_person_named_in_the_seed_is_in_the_data() {
    let seed_names = seed_person_names(&repo_file(SEED));
    assert!(seed_names.len() >= 40, "too few names parsed from the seed: {seed_names:#?}");
    let mut json_names = BTreeSet::new();
    collect_names(&data()["root"], &mut json_names);
    let missing: Vec<&String> = seed_names.difference(&json_names).collect();
    assert!(missing.is_empty(), "names of the seed missing from {DATA}: {missing:#?}");
}
