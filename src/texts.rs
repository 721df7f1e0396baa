//! Every string the widget itself writes. The data's own text is never
//! translated. French is the site's language; English comes with embedding.

use crate::fetch::FetchError;
use organigramme_core::{Announcement, Person, Unit};

pub const DISCLOSURE_LABEL: &str = "Version accessible de l’organigramme";
pub const EXPAND_ALL: &str = "Tout déplier";
pub const COLLAPSE_ALL: &str = "Tout replier";
pub const LINK_PREFIX: &str = "Site : ";

pub fn announcement(a: Announcement) -> String {
    match a {
        Announcement::ExpandedAll { units } => format!("Tout est déplié : {units} unités affichées."),
        Announcement::CollapsedAll => "Tout est replié : seul le premier niveau reste affiché.".into(),
    }
}

pub fn fetch_error(err: &FetchError) -> String {
    match err {
        FetchError::Network { url } => {
            format!("Impossible de charger l’organigramme : le fichier « {url} » est inaccessible (erreur réseau).")
        }
        FetchError::Status { url, status, status_text } => format!(
            "Impossible de charger l’organigramme : le fichier « {url} » a répondu {status}{}{status_text}.",
            if status_text.is_empty() { "" } else { " " }
        ),
        FetchError::OtherOrigin { url } => format!(
            "Impossible de charger l’organigramme : « {url} » n’est pas sur le même site que la page."
        ),
        FetchError::Invalid { url, error } => {
            format!("Le fichier « {url} » n’est pas valide — {error}.")
        }
    }
}

const MONTHS: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
];

/// "Organigramme daté du 17 janvier 2024", from a checked `YYYY-MM-DD`.
pub fn dated(date: &str) -> String {
    let month = date.get(5..7).and_then(|m| m.parse::<usize>().ok()).and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = date.get(8..10).and_then(|d| d.parse::<u32>().ok());
    match (day, month, date.get(0..4)) {
        (Some(day), Some(month), Some(year)) => {
            let day = if day == 1 { "1er".to_owned() } else { day.to_string() };
            format!("Organigramme daté du {day} {month} {year}")
        }
        _ => format!("Organigramme daté du {date}"),
    }
}

pub const SOURCE: &str = "Source";
pub const DETAILS: &str = "Détails";

/// "Chef du département : Ishan Bohjwani" — a person as the chart shows them.
pub fn person(p: &Person) -> String {
    match &p.role {
        Some(role) => format!("{role} : {}", p.name),
        None => p.name.clone(),
    }
}

/// A unit's people in one sentence, for a treeitem's description.
pub fn people(people: &[Person]) -> String {
    people.iter().map(person).collect::<Vec<_>>().join(" ; ")
}

/// Everything about a unit, spoken once when a leaf is activated.
pub fn details(unit: &Unit) -> String {
    let mut parts = vec![unit.name.clone()];
    parts.extend(unit.kind.clone());
    parts.extend(unit.description.clone());
    if !unit.people.is_empty() {
        parts.push(people(&unit.people));
    }
    parts.join(". ")
}
