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
