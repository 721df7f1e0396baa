//! A chart's figures: what the person who keeps it checks before
//! publishing (how big, how deep, which units have nobody, which posts are
//! vacant).
//!
//! ```
//! use organigramme_core::{parse, stats::Stats};
//! let chart = parse(r#"{"title": "T", "root": {"name": "A", "people": [{"name": "X"}], "children": [
//!     {"name": "B", "people": [{"name": "Poste vacant", "role": "Chef"}]}, {"name": "C"}]}}"#).unwrap();
//! let s = Stats::of(&chart);
//! assert_eq!((s.units, s.people, s.depth, s.widest_level, s.widest_count), (3, 2, 2, 2, 2));
//! assert_eq!((s.without_people, s.vacancies), (1, 1));
//! ```

use crate::chart::{Chart, Person};
use crate::fold::search_form;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub units: usize,
    /// People listed, vacant posts included.
    pub people: usize,
    /// Levels: 1 for a root alone.
    pub depth: u32,
    /// The level with the most units (the upper one of equals), and how many.
    pub widest_level: u32,
    pub widest_count: usize,
    /// Units that list nobody.
    pub without_people: usize,
    /// Posts listed as vacant ("Poste vacant", "À pourvoir", "Vacant"…).
    pub vacancies: usize,
}

/// Names that mean nobody holds the post, folded.
const VACANT: [&str; 6] = ["vacant", "vacante", "poste vacant", "a pourvoir", "poste a pourvoir", "recrutement en cours"];

/// Whether a person entry is a vacant post: its name says so.
pub fn is_vacancy(person: &Person) -> bool {
    let name = search_form(&person.name);
    let name = name.trim_matches(|c: char| !c.is_alphanumeric());
    VACANT.contains(&name) || name == "vacancy"
}

impl Stats {
    pub fn of(chart: &Chart) -> Stats {
        let mut per_level: Vec<usize> = Vec::new();
        let mut s = Stats { units: chart.len(), ..Stats::default() };
        for unit in chart.ids() {
            let level = chart.level(unit) as usize;
            if per_level.len() < level {
                per_level.resize(level, 0);
            }
            per_level[level - 1] += 1;
            let people = &chart[unit].people;
            s.people += people.len();
            s.without_people += usize::from(people.is_empty());
            s.vacancies += people.iter().filter(|p| is_vacancy(p)).count();
        }
        s.depth = per_level.len() as u32;
        // The first of the widest levels.
        if let Some((level, &count)) = per_level.iter().enumerate().rev().max_by_key(|(_, &n)| n) {
            s.widest_level = level as u32 + 1;
            s.widest_count = count;
        }
        s
    }
}
