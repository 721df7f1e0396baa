//! What a chart was loaded without: kept with the chart, which holds it,
//! apart from the loader, which finds it.

use crate::lang::Lang;
use crate::shown::shown;

/// Something refused without refusing the file: the chart loads without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A link outside the allow-list; the unit is shown without it. `unit`
    /// is the unit's name, empty for the chart's `source`.
    RefusedLink { path: String, unit: String, url: String },
}

const ALLOWED_FR: &str = "Seuls https:, http:, mailto: et les liens relatifs, sans espace autour, sont acceptés.";
const ALLOWED_EN: &str = "Only https:, http:, mailto: and relative links, without surrounding spaces, are accepted.";

impl Warning {
    /// The warning in `lang`, naming the unit and the place.
    ///
    /// ```
    /// use organigramme_core::{parse, Lang};
    /// let chart = parse(r#"{"title": "T", "root": {"name": "A", "url": "javascript:x"}}"#).unwrap();
    /// assert_eq!(chart.warnings[0].message(Lang::Fr),
    ///     "Le lien « javascript:x » de l’unité « A » (root.url) est refusé : l’unité est affichée sans lien. \
    ///      Seuls https:, http:, mailto: et les liens relatifs, sans espace autour, sont acceptés.");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let Warning::RefusedLink { path, unit, url } = self;
        let (path, unit, url) = (shown(path), shown(unit), shown(url));
        match (lang, unit.is_empty()) {
            (Lang::Fr, false) => {
                format!("Le lien « {url} » de l’unité « {unit} » ({path}) est refusé : l’unité est affichée sans lien. {ALLOWED_FR}")
            }
            (Lang::Fr, true) => format!("Le lien « {url} » ({path}) est refusé : il n’est pas affiché. {ALLOWED_FR}"),
            (Lang::En, false) => {
                format!("The link “{url}” of the unit “{unit}” ({path}) is refused: the unit is shown without it. {ALLOWED_EN}")
            }
            (Lang::En, true) => format!("The link “{url}” ({path}) is refused: it is not shown. {ALLOWED_EN}"),
        }
    }
}
