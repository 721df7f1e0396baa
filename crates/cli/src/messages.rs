//! The command's own words, in French or English. The data's text and the
//! loader's messages (from the core, the widget's own) are never rewritten.

use organigramme_core::Lang;
use std::io;

#[derive(Clone, Copy, Debug)]
pub struct Messages(pub Lang);

/// The language of messages: `--lang`, else the locale (`LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`, as POSIX orders them); French for a French
/// locale, English otherwise (the C locale included).
pub fn lang_from(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag.and_then(Lang::from_tag) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(&env).find(|v| !v.is_empty());
    locale.and_then(|l| Lang::from_tag(&l)).unwrap_or(Lang::En)
}

/// `12 345` in French (narrow no-break space), `12,345` in English.
pub fn number(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fr => "\u{202f}",
        Lang::En => ",",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

impl Messages {
    fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self.0 {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn lang(self) -> Lang {
        self.0
    }

    /// Of a text written in both languages, the one to show.
    pub fn says(self, fr: String, en: String) -> String {
        match self.0 {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// "12 unités", "1 unit": a count and its noun, singular or plural.
    pub fn count(self, n: usize, one: (&str, &str), many: (&str, &str)) -> String {
        let noun = match (self.0, n) {
            (Lang::Fr, 0 | 1) => one.0,
            (Lang::Fr, _) => many.0,
            (Lang::En, 1) => one.1,
            (Lang::En, _) => many.1,
        };
        format!("{} {noun}", number(n, self.0))
    }

    pub fn units(self, n: usize) -> String {
        self.count(n, ("unité", "unit"), ("unités", "units"))
    }

    pub fn people(self, n: usize) -> String {
        self.count(n, ("personne", "person"), ("personnes", "people"))
    }

    /// ": " in English, " : " in French.
    pub fn colon(self) -> &'static str {
        self.pick(" : ", ": ")
    }

    /// A quoted text: « x » or “x”.
    pub fn quoted(self, text: &str) -> String {
        match self.0 {
            Lang::Fr => format!("« {text} »"),
            Lang::En => format!("“{text}”"),
        }
    }

    fn io_reason(self, e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::NotFound => self.pick("fichier ou dossier introuvable", "no such file or directory").into(),
            io::ErrorKind::PermissionDenied => self.pick("accès refusé", "permission denied").into(),
            io::ErrorKind::IsADirectory => self.pick("c’est un dossier", "it is a directory").into(),
            _ => e.to_string(),
        }
    }

    pub fn cannot_read(self, file: &str, e: &io::Error) -> String {
        format!("{}{}{}", self.pick("impossible de lire ", "cannot read "), self.quoted(file), self.colon()) + &self.io_reason(e)
    }

    pub fn cannot_write(self, file: &str, e: &io::Error) -> String {
        format!("{}{}{}", self.pick("impossible d’écrire ", "cannot write "), self.quoted(file), self.colon()) + &self.io_reason(e)
    }

    /// Before a message that stops the command.
    pub fn error(self) -> &'static str {
        self.pick("erreur", "error")
    }

    pub fn warning(self) -> &'static str {
        self.pick("avertissement", "warning")
    }

    /// `validate`: a file the widget would show.
    pub fn valid(self, units: usize, people: usize) -> String {
        format!("{} ({}, {})", self.pick("valide", "valid"), self.units(units), self.people(people))
    }

    /// `validate`: the closing line when several files were read.
    pub fn validated(self, files: usize, invalid: usize) -> String {
        let files_n = self.count(files, ("fichier lu", "file read"), ("fichiers lus", "files read"));
        let invalid_n = self.count(invalid, ("invalide", "invalid"), ("invalides", "invalid"));
        format!("{files_n}, {invalid_n}")
    }

    pub fn stats_labels(self) -> [&'static str; 6] {
        match self.0 {
            Lang::Fr => ["Unités", "Personnes", "Profondeur", "Niveau le plus large", "Unités sans personne", "Postes vacants"],
            Lang::En => ["Units", "People", "Depth", "Widest level", "Units without people", "Vacant posts"],
        }
    }

    pub fn levels(self, n: usize) -> String {
        self.count(n, ("niveau", "level"), ("niveaux", "levels"))
    }

    /// "niveau 3, 34 unités"
    pub fn level_of(self, level: usize, units: usize) -> String {
        format!("{} {level}, {}", self.pick("niveau", "level"), self.units(units))
    }

    /// The headings of `diff`'s groups, in the order of its JSON arrays.
    pub fn diff_headings(self) -> [&'static str; 8] {
        match self.0 {
            Lang::Fr => [
                "Unités ajoutées",
                "Unités supprimées",
                "Unités renommées",
                "Unités déplacées",
                "Personnes arrivées",
                "Personnes parties",
                "Fonctions changées",
                "Autres champs changés",
            ],
            Lang::En => [
                "Units added",
                "Units removed",
                "Units renamed",
                "Units moved",
                "People who arrived",
                "People who left",
                "Roles changed",
                "Other fields changed",
            ],
        }
    }

    pub fn no_difference(self) -> &'static str {
        self.pick("Aucune différence.", "No difference.")
    }

    /// "3 changements entre a.json et b.json"
    pub fn differences(self, n: usize, old: &str, new: &str) -> String {
        let changes = self.count(n, ("changement", "change"), ("changements", "changes"));
        format!("{changes} {} {old} {} {new}", self.pick("entre", "between"), self.pick("et", "and"))
    }

    pub fn bad_link_prefix(self, prefix: &str) -> String {
        self.says(
            format!("--link-prefix {} : jusqu’à 64 lettres ASCII, chiffres, « - », « _ » ou « . »", self.quoted(prefix)),
            format!("--link-prefix {}: up to 64 ASCII letters, digits, “-”, “_” or “.”", self.quoted(prefix)),
        )
    }

    /// What stands for an absent value in a change: (aucun) / (none).
    pub fn none(self) -> &'static str {
        self.pick("(aucun)", "(none)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_flag_then_the_locale() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(lang_from(Some("fr"), env(&[("LANG", "en_US.UTF-8")])), Lang::Fr);
        assert_eq!(lang_from(None, env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(lang_from(None, env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "fr_FR.UTF-8")])), Lang::En);
        assert_eq!(lang_from(None, env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_BE"), ("LANG", "C")])), Lang::Fr);
        assert_eq!(lang_from(None, env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(lang_from(None, env(&[])), Lang::En);
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(number(100_000, Lang::Fr), "100\u{202f}000");
        assert_eq!(number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(number(999, Lang::En), "999");
        assert_eq!(Messages(Lang::Fr).units(0), "0 unité");
        assert_eq!(Messages(Lang::En).units(0), "0 units");
    }
}
