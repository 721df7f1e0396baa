//! The differences between two versions of a chart.

use organigramme_core::diff::{diff, field_value, Field};
use organigramme_core::stats::{is_vacancy, Stats};
use organigramme_core::{parse, Chart, Person};

fn chart(text: &str) -> Chart {
    parse(text).unwrap()
}

fn ids(chart: &Chart, units: impl IntoIterator<Item = organigramme_core::UnitId>) -> Vec<String> {
    units.into_iter().map(|u| chart[u].id.clone()).collect()
}

const OLD: &str = r#"{"title": "T", "root": {"id": "dinum", "name": "DINUM", "people": [{"name": "Nadi Bou Hanna", "role": "Directeur"}],
  "children": [
    {"id": "etalab", "name": "Etalab", "kind": "Département", "description": "Données",
     "people": [{"name": "Laure Lucchesi", "role": "Directrice"}, {"name": "Paul", "role": "Adjoint"}],
     "children": [{"id": "datalab", "name": "Datalab", "children": [{"id": "lab-a", "name": "A"}]}]},
    {"id": "isn", "name": "ISN", "url": "https://beta.gouv.fr"},
    {"id": "old", "name": "Ancien pôle", "people": [{"name": "Partie"}]}]}}"#;

const NEW: &str = r#"{"title": "T", "root": {"id": "dinum", "name": "DINUM", "people": [{"name": "Stéphanie Schaer", "role": "Directrice"}],
  "children": [
    {"id": "etalab", "name": "Etalab", "short_name": "E", "kind": "Département", "description": "Données publiques",
     "people": [{"name": "Paul", "role": "Adjoint au chef"}]},
    {"id": "isn", "name": "Incubateur", "url": "https://beta.gouv.fr/",
     "children": [{"id": "datalab", "name": "Datalab", "children": [{"id": "lab-a", "name": "A"}]}]},
    {"id": "new", "name": "Nouveau pôle", "people": [{"name": "Arrivée", "role": "Cheffe"}]}]}}"#;

#[test]
fn a_chart_against_itself_has_no_difference() {
    let a = chart(OLD);
    assert!(diff(&a, &a).is_empty());
    let dinum = chart(include_str!("../../../public/data/dinum-2024.json"));
    assert!(diff(&dinum, &dinum).is_empty());
}

#[test]
fn every_kind_of_change_is_found_once() {
    let (old, new) = (chart(OLD), chart(NEW));
    let d = diff(&old, &new);
    assert_eq!(ids(&new, d.added.iter().copied()), ["new"]);
    assert_eq!(ids(&old, d.removed.iter().copied()), ["old"]);
    assert_eq!(ids(&new, d.renamed.iter().map(|p| p.new)), ["etalab", "isn"]);
    // Datalab moved with its sub-unit: listed once.
    assert_eq!(ids(&new, d.moved.iter().map(|p| p.new)), ["datalab"]);
    let arrived: Vec<&str> = d.people_arrived.iter().map(|p| new[p.unit].people[p.person].name.as_str()).collect();
    assert_eq!(arrived, ["Stéphanie Schaer", "Arrivée"]);
    let left: Vec<&str> = d.people_left.iter().map(|p| old[p.unit].people[p.person].name.as_str()).collect();
    assert_eq!(left, ["Nadi Bou Hanna", "Laure Lucchesi", "Partie"]);
    assert_eq!(d.people_changed.len(), 1);
    let change = d.people_changed[0];
    assert_eq!(old[change.pair.old].people[change.old].role.as_deref(), Some("Adjoint"));
    assert_eq!(new[change.pair.new].people[change.new].role.as_deref(), Some("Adjoint au chef"));
    let changed: Vec<(String, Field)> = d.changed.iter().map(|c| (new[c.pair.new].id.clone(), c.field)).collect();
    assert_eq!(changed, [("etalab".to_owned(), Field::Description), ("isn".to_owned(), Field::Url)]);
    let c = d.changed[1];
    assert_eq!(field_value(&old, c.pair.old, c.field), Some("https://beta.gouv.fr"));
    assert_eq!(field_value(&new, c.pair.new, c.field), Some("https://beta.gouv.fr/"));
}

/// Without ids in the file, ids come from the names' path: a unit that
/// moves gets another id, and is matched by its name, when unique.
#[test]
fn units_without_ids_match_by_path_then_by_a_unique_name() {
    let old = chart(r#"{"title": "T", "root": {"name": "A", "children": [{"name": "B", "children": [{"name": "Pôle"}]}, {"name": "C"}, {"name": "X"}, {"name": "X "}]}}"#);
    let new = chart(r#"{"title": "T", "root": {"name": "A", "children": [{"name": "B"}, {"name": "C", "children": [{"name": "pole"}]}, {"name": "X"}]}}"#);
    let d = diff(&old, &new);
    assert_eq!(ids(&new, d.moved.iter().map(|p| p.new)), ["c.pole"]);
    assert_eq!(d.renamed.len(), 1, "Pôle → pole, matched by its folded name");
    assert!(d.added.is_empty());
    // "X" and "X " fold alike: one is matched by its path, the other removed.
    assert_eq!(d.removed.len(), 1);
}

#[test]
fn the_2020_and_2024_dinum_charts_differ() {
    let old = chart(include_str!("../../../public/data/dinum-2020.json"));
    let new = chart(include_str!("../../../public/data/dinum-2024.json"));
    let d = diff(&old, &new);
    assert!(!d.is_empty());
    assert!(!d.added.is_empty() && !d.people_arrived.is_empty() && !d.people_left.is_empty());
    // Each unit is added, removed or matched, once.
    let matched = new.len() - d.added.len();
    assert_eq!(old.len() - d.removed.len(), matched);
}

#[test]
fn stats_count_levels_people_and_vacancies() {
    let s = Stats::of(&chart(OLD));
    assert_eq!((s.units, s.people, s.depth, s.widest_level, s.widest_count, s.without_people), (6, 4, 4, 2, 3, 3));
    let dinum = Stats::of(&chart(include_str!("../../../public/data/dinum-2024.json")));
    assert_eq!((dinum.units, dinum.depth), (45, 3));
    let p = |name: &str| Person { name: name.into(), role: None };
    for vacant in ["Vacant", "vacante", "Poste vacant", "À pourvoir", "Poste à pourvoir", "(vacant)", "Recrutement en cours"] {
        assert!(is_vacancy(&p(vacant)), "{vacant}");
    }
    for name in ["Vincent Vacantier", "Anne Pourvoir"] {
        assert!(!is_vacancy(&p(name)), "{name}");
    }
}
