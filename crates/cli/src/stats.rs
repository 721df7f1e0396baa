//! `stats`: a chart's figures, from the core, as text or JSON.

use crate::messages::{number, Messages};
use crate::Format;
use organigramme_core::stats::Stats;
use organigramme_core::Chart;
use serde_json::json;

pub fn report(chart: &Chart, format: Format, msg: Messages) -> String {
    let s = Stats::of(chart);
    match format {
        Format::Json => {
            let value = json!({
                "units": s.units,
                "people": s.people,
                "depth": s.depth,
                "widest_level": {"level": s.widest_level, "units": s.widest_count},
                "units_without_people": s.without_people,
                "vacancies": s.vacancies,
            });
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
        Format::Text => {
            let lang = msg.lang();
            let values = [
                number(s.units, lang),
                number(s.people, lang),
                msg.levels(s.depth as usize),
                msg.level_of(s.widest_level as usize, s.widest_count),
                number(s.without_people, lang),
                number(s.vacancies, lang),
            ];
            let mut out = format!("{}\n", chart.meta.title);
            for (label, value) in msg.stats_labels().iter().zip(values) {
                out.push_str(&format!("{label}{}{value}\n", msg.colon()));
            }
            out
        }
    }
}
