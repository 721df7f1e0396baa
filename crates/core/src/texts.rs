//! Every string the widget itself writes, in French and English (the
//! command line's static fallback writes the same). The data's own text is
//! never translated.

use crate::markup::{link_text, Words};
use crate::{Announcement, Lang, LoadError, Unit};

/// The widget's strings in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts(pub Lang);

const MONTHS_FR: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

impl Texts {
    fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self.0 {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn disclosure_label(self) -> &'static str {
        self.pick("Version accessible de l’organigramme", "Accessible version of the organisation chart")
    }

    pub fn expand_all(self) -> &'static str {
        self.pick("Tout déplier", "Expand all")
    }

    pub fn collapse_all(self) -> &'static str {
        self.pick("Tout replier", "Collapse all")
    }

    pub fn link_prefix(self) -> &'static str {
        self.pick("Site : ", "Website: ")
    }

    pub fn source(self) -> &'static str {
        "Source"
    }

    pub fn retry(self) -> &'static str {
        self.pick("Réessayer", "Try again")
    }

    pub fn details_title(self) -> &'static str {
        self.pick("Détails", "Details")
    }

    /// The layout switch: its legend and its two buttons.
    pub fn layout(self) -> &'static str {
        self.pick("Disposition", "Layout")
    }

    pub fn layout_list(self) -> &'static str {
        self.pick("Liste", "List")
    }

    pub fn layout_chart(self) -> &'static str {
        self.pick("Organigramme", "Chart")
    }

    pub fn print(self) -> &'static str {
        self.pick("Imprimer l’organigramme", "Print the chart")
    }

    pub fn printed(self) -> &'static str {
        self.pick("L’organigramme entier a été envoyé à l’impression.", "The whole chart was sent to the printer.")
    }

    /// The text size controls.
    pub fn zoom(self) -> &'static str {
        self.pick("Taille", "Size")
    }

    pub fn zoom_out(self) -> &'static str {
        self.pick("Plus petit", "Smaller")
    }

    pub fn zoom_in(self) -> &'static str {
        self.pick("Plus grand", "Larger")
    }

    pub fn zoom_fit(self) -> &'static str {
        self.pick("Ajuster à la largeur", "Fit the width")
    }

    /// The button that copies a unit's link (the details region's, and each
    /// card's in the list view), what it says once copied, and the link's
    /// label where it cannot be copied.
    pub fn copy_link(self) -> &'static str {
        self.pick("Copier le lien", "Copy the link")
    }

    pub fn link_copied(self, name: &str) -> String {
        match self.0 {
            Lang::Fr => format!("Lien vers « {name} » copié."),
            Lang::En => format!("Link to “{name}” copied."),
        }
    }

    pub fn link_to(self) -> &'static str {
        self.pick("Lien vers l’unité", "Link to the unit")
    }

    /// The search field's visible label, and its hint.
    pub fn search_label(self) -> &'static str {
        self.pick("Rechercher une unité, une personne ou une fonction", "Search a unit, a person or a role")
    }

    pub fn search_hint(self) -> &'static str {
        self.pick("Les résultats s’affichent pendant la saisie.", "Results update as you type.")
    }

    /// The search landmark's name: the chart's title tells two charts'
    /// searches apart.
    pub fn search_landmark(self, title: &str) -> String {
        match self.0 {
            Lang::Fr => format!("Recherche dans l’organigramme : {title}"),
            Lang::En => format!("Search the chart: {title}"),
        }
    }

    pub fn results(self) -> &'static str {
        self.pick("Résultats de la recherche", "Search results")
    }

    /// What the status says once typing pauses.
    pub fn found(self, count: usize, query: &str) -> String {
        match (self.0, count) {
            (Lang::Fr, 0) => format!("Aucun résultat pour « {query} »"),
            (Lang::En, 0) => format!("No result for “{query}”"),
            (Lang::Fr, 1) => "1 résultat".into(),
            (Lang::En, 1) => "1 result".into(),
            (Lang::Fr, n) => format!("{n} résultats"),
            (Lang::En, n) => format!("{n} results"),
        }
    }

    /// Under the results shown, the number of those not shown.
    pub fn more_results(self, count: usize) -> String {
        match (self.0, count) {
            (Lang::Fr, 1) => "1 autre résultat : précisez la recherche.".into(),
            (Lang::En, 1) => "1 more result: refine the search.".into(),
            (Lang::Fr, n) => format!("{n} autres résultats : précisez la recherche."),
            (Lang::En, n) => format!("{n} more results: refine the search."),
        }
    }

    pub fn zoomed(self, percent: u16) -> String {
        match self.0 {
            Lang::Fr => format!("Taille du texte : {percent}\u{a0}%."),
            Lang::En => format!("Text size: {percent}%."),
        }
    }

    /// Said after [`Texts::zoomed`] when "fit the width", at its smallest
    /// size, leaves the chart wider than its region.
    pub fn still_wider(self) -> &'static str {
        match self.0 {
            Lang::Fr => " L’organigramme reste plus large que sa zone : faites-la défiler.",
            Lang::En => " The chart is still wider than its region: scroll it.",
        }
    }

    pub fn announcement(self, a: Announcement) -> String {
        match (self.0, a) {
            (Lang::Fr, Announcement::ExpandedAll { units }) => format!("Tout est déplié : {units} unités affichées."),
            (Lang::En, Announcement::ExpandedAll { units }) => format!("Everything is expanded: {units} units shown."),
            (Lang::Fr, Announcement::CollapsedAll) => "Tout est replié : seul le premier niveau reste affiché.".into(),
            (Lang::En, Announcement::CollapsedAll) => "Everything is collapsed: only the first level is shown.".into(),
        }
    }

    /// A data file that is not valid, from a URL or inline.
    pub fn invalid(self, source: &str, error: &LoadError) -> String {
        match self.0 {
            Lang::Fr => format!("Le fichier « {source} » n’est pas valide — {}.", error.message(Lang::Fr)),
            Lang::En => format!("The file “{source}” is not valid — {}.", error.message(Lang::En)),
        }
    }

    /// "Organigramme daté du 17 janvier 2024", from a checked `YYYY-MM-DD`.
    pub fn dated(self, date: &str) -> String {
        let month = date.get(5..7).and_then(|m| m.parse::<usize>().ok()).and_then(|m| m.checked_sub(1));
        let day = date.get(8..10).and_then(|d| d.parse::<u32>().ok());
        let parts = match (day, month, date.get(0..4)) {
            (Some(day), Some(m), Some(year)) if m < 12 => Some((day, m, year)),
            _ => None,
        };
        match (self.0, parts) {
            (Lang::Fr, Some((day, m, year))) => {
                let day = if day == 1 { "1er".to_owned() } else { day.to_string() };
                format!("Organigramme daté du {day} {} {year}", MONTHS_FR[m])
            }
            (Lang::En, Some((day, m, year))) => format!("Organisation chart dated {day} {} {year}", MONTHS_EN[m]),
            (Lang::Fr, None) => format!("Organigramme daté du {date}"),
            (Lang::En, None) => format!("Organisation chart dated {date}"),
        }
    }

    /// Between a role and a name: French typography puts a space before
    /// the colon.
    pub fn role_separator(self) -> &'static str {
        self.pick(" : ", ": ")
    }

    /// What the units' markup writes itself.
    pub fn words(self) -> Words {
        Words {
            link_prefix: self.link_prefix(),
            role_separator: self.role_separator(),
            // The same in both languages.
            people_separator: " ; ",
            sub_unit: self.pick("sous-unité", "sub-unit"),
            sub_units: self.pick("sous-unités", "sub-units"),
            copy_link: self.copy_link(),
        }
    }

    /// Everything about a unit, spoken once when a leaf is activated.
    pub fn details(self, unit: &Unit) -> String {
        let mut parts = vec![unit.name.clone()];
        parts.extend(unit.kind.clone());
        parts.extend(unit.description.clone());
        if !unit.people.is_empty() {
            parts.push(self.words().people(&unit.people));
        }
        parts.extend(unit.url.as_ref().map(|url| format!("{}{}", self.link_prefix(), link_text(url))));
        parts.join(". ")
    }
}
