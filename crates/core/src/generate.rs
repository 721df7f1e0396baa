//! Generated charts of any size, for benchmarks and tests.

use serde_json::{json, Value};

/// A flat-form data file of `units` units, filled level by level so that
/// every unit has `fanout` sub-units until the count runs out. Each unit has
/// one person, so the markup is as heavy as a real chart's.
///
/// ```
/// let text = organigramme_core::generate::flat_json(7, 2);
/// let chart = organigramme_core::parse(&text).unwrap();
/// assert_eq!(chart.len(), 7);
/// assert_eq!(chart.level(chart.ids().last().unwrap()), 3);
/// ```
pub fn flat_json(units: usize, fanout: usize) -> String {
    let fanout = fanout.max(1);
    let rows: Vec<Value> = (0..units.max(1))
        .map(|i| {
            let parent = (i > 0).then(|| format!("u{}", (i - 1) / fanout));
            json!({
                "id": format!("u{i}"),
                "parent": parent,
                "name": format!("Unité {i}"),
                "kind": if i == 0 { "Direction" } else { "Service" },
                "people": [{ "name": format!("Personne {i}"), "role": "Responsable" }],
            })
        })
        .collect();
    json!({ "title": format!("Organigramme généré ({units} unités)"), "lang": "fr", "units": rows }).to_string()
}

/// The two forms of the data format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Nested,
    Flat,
}

/// A chart shaped like a real administration, the same for the same
/// `units` and `seed`: 5 levels up to 9,999 units, 6 up to 99,999 and 7
/// beyond; 3 to 12 sub-units where a unit has any, many leaves; 0 to 3
/// people with roles, a description on every unit, a short name on some.
/// Benchmarks compare contenders on these files.
///
/// ```
/// use organigramme_core::generate::{realistic_json, Form};
/// let nested = organigramme_core::parse(&realistic_json(1_000, 1, Form::Nested)).unwrap();
/// let flat = organigramme_core::parse(&realistic_json(1_000, 1, Form::Flat)).unwrap();
/// assert_eq!(nested.len(), 1_000);
/// assert_eq!(flat.len(), 1_000);
/// assert_eq!(nested.ids().map(|u| nested.level(u)).max(), Some(5));
/// ```
pub fn realistic_json(units: usize, seed: u64, form: Form) -> String {
    let tree = Shape::grow(units.max(1), seed);
    let mut out = String::with_capacity(units * 250);
    out.push_str(&format!(
        "{{\"title\":\"Organigramme généré ({} unités)\",\"lang\":\"fr\",\"updated\":\"2024-01-17\"",
        tree.parent.len()
    ));
    let mut texts = Texts { rng: Rng(seed ^ 0x5eed) };
    match form {
        Form::Nested => {
            out.push_str(",\"root\":");
            tree.nested(0, &mut texts, &mut out);
        }
        Form::Flat => {
            out.push_str(",\"units\":[");
            for (n, unit) in tree.preorder().into_iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push('\n');
                let parent = tree.parent[unit].map_or("null".to_owned(), |p| format!("\"u{p}\""));
                texts.unit(unit, tree.level[unit], &format!("\"parent\":{parent}"), &mut out);
                out.push('}');
            }
            out.push_str("\n]");
        }
    }
    out.push_str("}\n");
    out
}

/// The hierarchy alone, grown level by level.
struct Shape {
    parent: Vec<Option<usize>>,
    level: Vec<u32>,
    children: Vec<Vec<usize>>,
}

impl Shape {
    fn grow(units: usize, seed: u64) -> Shape {
        let mut depth: u32 = match units {
            0..=9_999 => 5,
            10_000..=99_999 => 6,
            _ => 7,
        };
        let mut rng = Rng(seed);
        let mut shape = Shape { parent: vec![None], level: vec![1], children: vec![Vec::new()] };
        // The share of units with sub-units that reaches `units` at `depth`,
        // with 7.5 sub-units on average.
        let mut branching = ((units as f64).powf(1.0 / f64::from(depth - 1)) / 7.5).min(1.0);
        let mut queue = std::collections::VecDeque::from([0]);
        while shape.parent.len() < units {
            let Some(unit) = queue.pop_front() else {
                // Every candidate was passed over: give the childless ones
                // below the last level sub-units, in order, until full.
                branching = 1.0;
                queue.extend((0..shape.parent.len()).filter(|&u| shape.level[u] < depth && shape.children[u].is_empty()));
                // None left above the last level: one level more.
                if queue.is_empty() {
                    depth += 1;
                }
                continue;
            };
            if shape.level[unit] >= depth || (unit > 0 && rng.unit() >= branching) {
                continue;
            }
            let count = rng.range(3, 12).min(units - shape.parent.len());
            for _ in 0..count {
                let child = shape.parent.len();
                shape.parent.push(Some(unit));
                shape.level.push(shape.level[unit] + 1);
                shape.children.push(Vec::new());
                shape.children[unit].push(child);
                queue.push_back(child);
            }
        }
        shape
    }

    fn preorder(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.parent.len());
        let mut stack = vec![0];
        while let Some(unit) = stack.pop() {
            order.push(unit);
            stack.extend(self.children[unit].iter().rev());
        }
        order
    }

    fn nested(&self, unit: usize, texts: &mut Texts, out: &mut String) {
        texts.unit(unit, self.level[unit], "", out);
        if !self.children[unit].is_empty() {
            out.push_str(",\"children\":[");
            for (n, &child) in self.children[unit].iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                self.nested(child, texts, out);
            }
            out.push(']');
        }
        out.push('}');
    }
}

/// Writes a unit's fields, leaving its object open.
struct Texts {
    rng: Rng,
}

const KINDS: [&[&str]; 7] = [
    &["Direction"],
    &["Département", "Sous-direction", "Service"],
    &["Bureau", "Pôle", "Mission"],
    &["Pôle", "Bureau", "Cellule"],
    &["Équipe", "Cellule", "Section"],
    &["Équipe", "Cellule"],
    &["Équipe"],
];
const TOPICS: [&str; 24] = [
    "des achats", "du numérique", "des ressources humaines", "de la donnée", "des systèmes d’information",
    "de l’innovation", "des affaires juridiques", "de la sécurité", "des usagers", "des finances",
    "de l’accessibilité", "des infrastructures", "de la communication", "des partenariats", "du design",
    "de l’identité numérique", "des territoires", "de l’architecture", "de la formation", "des logiciels libres",
    "de l’hébergement", "des services en ligne", "de la stratégie", "de la qualité",
];
const FIRST: [&str; 16] = [
    "Camille", "Stéphanie", "Pierre", "Amélie", "Yann", "Nadia", "Julien", "Hélène", "Karim", "Léa", "Thomas",
    "Inès", "François", "Chloé", "Mehdi", "Élodie",
];
const LAST: [&str; 16] = [
    "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Garnier", "Rousseau", "Faure", "Benali", "Nguyen",
    "Leroy", "Chevalier", "Perrin", "Marchand", "Caron", "Da Silva",
];
const ROLES: [&str; 4] = ["Chef", "Adjoint", "Chargée de mission", "Conseiller"];
const DOES: [&str; 6] = [
    "Pilote", "Coordonne", "Conçoit et maintient", "Accompagne les administrations dans", "Anime", "Évalue",
];
const WHAT: [&str; 6] = [
    "les projets", "la politique", "les outils partagés", "la feuille de route", "les marchés", "les services",
];

impl Texts {
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.rng.range(0, from.len() - 1)]
    }

    fn unit(&mut self, unit: usize, level: u32, extra: &str, out: &mut String) {
        let kind = self.pick(KINDS[(level as usize - 1).min(KINDS.len() - 1)]);
        let topic = self.pick(&TOPICS);
        out.push_str(&format!("{{\"id\":\"u{unit}\",\"name\":\"{kind} {topic} {unit}\",\"kind\":\"{kind}\""));
        if !extra.is_empty() {
            out.push(',');
            out.push_str(extra);
        }
        if self.rng.range(0, 2) == 0 {
            let initials: String = topic.split([' ', '’']).filter(|w| w.len() > 3).filter_map(|w| w.chars().next()).collect();
            out.push_str(&format!(",\"short_name\":\"{}{}\"", kind.chars().next().unwrap_or('U'), initials.to_uppercase()));
        }
        let (does, what) = (self.pick(&DOES), self.pick(&WHAT));
        out.push_str(&format!(",\"description\":\"{does} {what} {topic} pour les ministères.\""));
        let people = self.rng.range(0, 3);
        if people > 0 {
            out.push_str(",\"people\":[");
            for n in 0..people {
                let (first, last) = (self.pick(&FIRST), self.pick(&LAST));
                let role = if n == 0 { "Responsable" } else { self.pick(&ROLES) };
                if n > 0 {
                    out.push(',');
                }
                out.push_str(&format!("{{\"name\":\"{first} {last}\",\"role\":\"{role}\"}}"));
            }
            out.push(']');
        }
    }
}

/// SplitMix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// In [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// In [low, high].
    fn range(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn realistic_charts_have_the_announced_shape() {
        for (units, depth) in [(1_000, 5), (10_000, 6), (100_000, 7)] {
            let chart = parse(&realistic_json(units, 7, Form::Nested)).unwrap();
            assert_eq!(chart.len(), units);
            assert_eq!(chart.ids().map(|u| chart.level(u)).max(), Some(depth), "{units} units");
            let fanouts: Vec<usize> = chart.ids().map(|u| chart.child_count(u)).filter(|&n| n > 0).collect();
            // The last unit filled may get fewer than 3 to hit the count.
            assert!(fanouts.iter().filter(|&&n| !(3..=12).contains(&n)).count() <= 1, "{units} units");
            assert!(chart.ids().all(|u| chart[u].description.is_some() && chart[u].people.len() <= 3));
            assert!(chart.ids().any(|u| chart[u].people.is_empty()));
        }
    }

    /// Every seed and size gives a chart of that size: a seed whose shape
    /// filled every level but the last once looped for ever.
    #[test]
    fn every_seed_gives_a_chart_of_the_size_asked() {
        for units in [1, 2, 13, 400, 1_500, 3_000] {
            for seed in 1..=12 {
                let chart = parse(&realistic_json(units, seed, Form::Nested)).unwrap();
                assert_eq!(chart.len(), units, "{units} units, seed {seed}");
            }
        }
    }

    #[test]
    fn both_forms_give_the_same_chart_and_the_same_seed_the_same_file() {
        let nested = parse(&realistic_json(2_000, 3, Form::Nested)).unwrap();
        let flat = parse(&realistic_json(2_000, 3, Form::Flat)).unwrap();
        let units = |c: &crate::Chart| c.ids().map(|u| (c[u].clone(), c.parent(u))).collect::<Vec<_>>();
        assert_eq!(units(&nested), units(&flat));
        assert_eq!(realistic_json(500, 9, Form::Flat), realistic_json(500, 9, Form::Flat));
        assert_ne!(realistic_json(500, 9, Form::Flat), realistic_json(500, 10, Form::Flat));
    }
}
