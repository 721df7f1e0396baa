//! Times the core's search natively, for the benchmark (figures, not a
//! test): `cargo run --release -p organigramme-core --example search -- FILE`
//! prints, as JSON, the index's build time and size against the data's
//! text, and the median and slowest time of each query over many runs.
//! The queries are taken from the chart itself: a deep unit's name, a
//! person and a role, a common word, one letter, and no match.

use organigramme_core::search::{self, Index, Query};
use organigramme_core::{parse, UnitId};
use std::time::Instant;

const RUNS: usize = 21;

/// Milliseconds, median and maximum over `RUNS` runs of `f`.
fn time(mut f: impl FnMut() -> usize) -> (f64, f64, usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut count = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        count = std::hint::black_box(f());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], times[RUNS - 1], count)
}

fn main() {
    let file = std::env::args().nth(1).expect("usage: search FILE");
    let chart = parse(&std::fs::read_to_string(&file).expect("readable file")).expect("a valid chart");
    let start = Instant::now();
    let index = Index::new(&chart);
    let build_ms = start.elapsed().as_secs_f64() * 1000.0;

    let deepest: UnitId = chart.ids().max_by_key(|&u| (chart.level(u), u)).expect("a root");
    let unit = &chart[deepest];
    // The deepest unit with people: one of them, and a role.
    let staffed =
        chart.ids().filter(|&u| !chart[u].people.is_empty()).max_by_key(|&u| (chart.level(u), u)).expect("people");
    let p = &chart[staffed].people[0];
    let person = format!("{} {}", p.name, p.role.as_deref().unwrap_or(""));
    let common = unit.kind.clone().unwrap_or_else(|| "de".into());
    let queries = [
        ("a deep unit's name", unit.name.clone()),
        ("a person and a role", person),
        ("a common word (a kind)", common),
        ("one letter", "e".to_owned()),
        ("no match", "zzzqx".to_owned()),
    ];
    let mut rows = Vec::new();
    for (what, text) in queries {
        let query = Query::new(&text);
        // What the widget does per keystroke: search, then the marks of
        // the 50 results it shows.
        let (median, max, count) = time(|| {
            let found = index.search(&chart, &query);
            let marked: usize = found.iter().take(50).map(|f| search::hits(&chart[f.unit], &query).len()).sum();
            std::hint::black_box(marked);
            found.len()
        });
        rows.push(format!(
            "{{\"what\":{what:?},\"query\":{text:?},\"matches\":{count},\"medianMs\":{median:.3},\"maxMs\":{max:.3}}}"
        ));
    }
    println!(
        "{{\"units\":{},\"textBytes\":{},\"indexBytes\":{},\"buildMs\":{build_ms:.1},\"runs\":{RUNS},\"queries\":[{}]}}",
        chart.len(),
        chart.text_len(),
        index.size(),
        rows.join(",")
    );
}
