//! `import html`: an existing page's nested lists (such as the "Version
//! accessible de l'organigramme" of the DINUM's page) to data format v1.
//!
//! The page is parsed as browsers parse it (html5ever), which settles its
//! misnested markup; the lists then become a sequence of items, each with
//! its list depth, its bold label and the text after it. A unit's parent is
//! the item above it at a lesser depth, or the bold heading whose group it
//! is in (up to a `<br>`). People and roles are read from the usual French
//! forms: "Chef du département : X. Adjoint : Y.", "cheffe de pôle : X",
//! "Pierre Pezziardi, conseiller", "X et Y". Whatever is not understood is
//! a warning with its source line, never dropped silently.

use super::{pretty, Imported, People};
use crate::located::Located;
use crate::messages::Messages;
use organigramme_core::fold::fold;
use organigramme_core::load::parse;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};
use serde_json::{Map, Value};

pub struct HtmlOptions {
    /// A CSS selector for the element holding the lists.
    pub selector: Option<String>,
    /// The root unit's name.
    pub root_name: Option<String>,
    pub title: Option<String>,
}

/// An item of the lists: a `<li>`, or a bold label with the text after it.
#[derive(Debug, Default)]
struct Item {
    depth: usize,
    label: Option<String>,
    rest: String,
}

#[derive(Debug)]
enum Piece {
    Item(Item),
    /// A `<br>`: the end of a group under a bold heading.
    Break,
    /// Text outside any item.
    Loose(String),
}

/// Walks the container into pieces, in document order.
#[derive(Default)]
struct Walker {
    pieces: Vec<Piece>,
    /// A bold label outside an item, gathering the text after it.
    pending: Option<Item>,
    loose: String,
}

/// Text with its runs of spaces made one.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_list(name: &str) -> bool {
    matches!(name, "ul" | "ol")
}

fn is_bold(name: &str) -> bool {
    matches!(name, "b" | "strong")
}

/// Elements whose text is not content.
fn is_skipped(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "button" | "noscript")
}

/// The text of an element, without its nested lists.
fn own_text(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if is_list(e.name()) || is_skipped(e.name()) => {}
            Node::Element(e) if e.name() == "br" => out.push(' '),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(child) {
                    own_text(el, out);
                }
            }
            _ => {}
        }
    }
}

impl Walker {
    fn flush(&mut self) {
        if let Some(item) = self.pending.take() {
            self.pieces.push(Piece::Item(Item { rest: squeeze(&item.rest), ..item }));
        }
        let loose = squeeze(&std::mem::take(&mut self.loose));
        if !loose.is_empty() {
            self.pieces.push(Piece::Loose(loose));
        }
    }

    fn inline_text(&mut self, text: &str) {
        match &mut self.pending {
            Some(item) => item.rest.push_str(text),
            None => self.loose.push_str(text),
        }
    }

    fn walk(&mut self, element: ElementRef, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.inline_text(t),
                Node::Element(e) => {
                    let Some(el) = ElementRef::wrap(child) else { continue };
                    let name = e.name();
                    if is_skipped(name) {
                        continue;
                    } else if is_list(name) {
                        self.flush();
                        self.walk(el, depth + 1);
                        self.flush();
                    } else if name == "li" {
                        self.flush();
                        self.item(el, depth.max(1));
                    } else if name == "br" {
                        self.flush();
                        self.pieces.push(Piece::Break);
                    } else if is_bold(name) {
                        let mut label = String::new();
                        own_text(el, &mut label);
                        if self.pending.as_ref().is_some_and(|p| !p.rest.trim().is_empty()) || !self.loose.trim().is_empty() {
                            // Bold inside running text is not a label.
                            self.inline_text(&label);
                        } else {
                            self.flush();
                            self.pending = Some(Item { depth, label: Some(squeeze(&label)), rest: String::new() });
                        }
                    } else if matches!(name, "a" | "span" | "em" | "i" | "abbr" | "small" | "sup" | "sub" | "mark" | "code") {
                        let mut text = String::new();
                        own_text(el, &mut text);
                        self.inline_text(&text);
                    } else {
                        // A block: what precedes it ends, and so does its own content.
                        self.flush();
                        self.walk(el, depth);
                        self.flush();
                    }
                }
                _ => {}
            }
        }
    }

    /// A list item: its leading bold label, its text, then its own lists.
    fn item(&mut self, li: ElementRef, depth: usize) {
        let mut label = None;
        let mut rest = String::new();
        for child in li.children() {
            match child.value() {
                Node::Text(t) => rest.push_str(t),
                Node::Element(e) if is_list(e.name()) || is_skipped(e.name()) => {}
                Node::Element(e) => {
                    let Some(el) = ElementRef::wrap(child) else { continue };
                    let mut text = String::new();
                    own_text(el, &mut text);
                    if is_bold(e.name()) && label.is_none() && rest.trim().is_empty() {
                        label = Some(squeeze(&text));
                    } else {
                        rest.push_str(&text);
                    }
                }
                _ => {}
            }
        }
        self.pieces.push(Piece::Item(Item { depth, label, rest: squeeze(&rest) }));
        for child in li.child_elements().filter(|c| is_list(c.value().name())) {
            self.walk(child, depth + 1);
            self.flush();
        }
    }
}

/// Finds where a text comes from in the source, in order: the line of its
/// first words, searched after `from`.
struct Lines<'a> {
    source: &'a str,
    from: usize,
}

impl Lines<'_> {
    fn find(&mut self, text: &str) -> Option<usize> {
        let words: Vec<&str> = text.split_whitespace().collect();
        for n in (1..=words.len().min(3)).rev() {
            let needle = words[..n].join(" ");
            if needle.chars().count() < 3 && n < words.len() {
                continue;
            }
            // After the last text found, else anywhere before it.
            let found = self.source[self.from..].find(&needle).map(|at| self.from + at).or_else(|| self.source.find(&needle));
            if let Some(at) = found {
                self.from = self.from.max(at);
                return Some(1 + self.source[..at].matches('\n').count());
            }
        }
        None
    }
}

/// What the import leaves out, each with the line it comes from.
struct Notes<'a> {
    lines: Lines<'a>,
    warnings: Vec<Located>,
    msg: Messages,
}

impl Notes<'_> {
    /// A warning about `text`, located where it is in the source.
    fn warn(&mut self, text: &str, fr: String, en: String) {
        let line = self.lines.find(text);
        self.warnings.push(Located { line, column: None, message: self.msg.says(fr, en) });
    }

    /// The names that [`people`] could not read as people.
    fn not_understood(&mut self, names: Vec<String>) {
        for u in names {
            self.warn(&u, format!("personne non comprise : « {u} »"), format!("person not understood: “{u}”"));
        }
    }
}

/// "Chef du département" → "Département": the kind a role names.
fn kind_from_role(role: &str) -> Option<String> {
    let f = fold(role);
    let rest = ["chef de ", "cheffe de ", "chef du ", "cheffe du ", "chef de la ", "cheffe de la ", "responsable de ", "responsable du "]
        .iter()
        .find_map(|p| f.strip_prefix(p))?;
    // The same words in the role's own spelling (accents kept).
    let start = role.chars().count() - rest.chars().count();
    let word: String = role.chars().skip(start).collect();
    (!word.contains(' ')).then(|| capitalised(&word))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A person's name: a few words, each starting with a letter.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty() && words.len() <= 6 && !text.contains(':') && words.iter().all(|w| w.chars().next().is_some_and(char::is_alphabetic))
}

/// People from a text such as "Chef du département : X. Adjoint : Y.",
/// "Pierre Pezziardi, conseiller. Kim Malgras, cheffe cab.", "X et Y".
/// What is not understood comes back apart.
fn people(text: &str) -> (Vec<(String, Option<String>)>, Vec<String>) {
    let (mut out, mut unknown) = (Vec::new(), Vec::new());
    let text = text.trim().trim_start_matches(':').trim();
    // Sentences end with a full stop before a capital, or the text's end.
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next_upper = chars.get(k + 2).is_some_and(|&(_, n)| n.is_uppercase()) && chars.get(k + 1).is_some_and(|&(_, s)| s == ' ');
        if c == '.' && (k + 1 == chars.len() || next_upper) {
            sentences.push(&text[start..i]);
            start = i + 1;
        }
    }
    sentences.push(&text[start..]);
    for sentence in sentences.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        let (role, names) = match sentence.split_once(':') {
            Some((role, names)) => (Some(capitalised(role.trim())), names.trim()),
            None => match sentence.split_once(", ") {
                // "Pierre Pezziardi, conseiller"
                Some((name, role)) if is_name(name) => {
                    out.push((name.trim().to_owned(), Some(capitalised(role.trim()))));
                    continue;
                }
                _ => (None, sentence),
            },
        };
        for name in names.split(" et ").flat_map(|n| n.split(", ")).map(str::trim).filter(|n| !n.is_empty()) {
            if is_name(name) {
                out.push((name.to_owned(), role.clone()));
            } else {
                unknown.push(name.to_owned());
            }
        }
    }
    (out, unknown)
}

/// A unit read from an item.
#[derive(Debug, Default)]
struct Unit {
    name: String,
    short_name: Option<String>,
    kind: Option<String>,
    people: Vec<(String, Option<String>)>,
    children: Vec<usize>,
}

/// A bold heading alone on its line ("Missions transversales"): the items
/// after it at its depth are its sub-units, up to the next `<br>`; when
/// the first of them starts with the heading's first word ("Mission
/// Budget…"), only those that do.
struct Group {
    heading: usize,
    depth: usize,
    /// The heading's first word, folded and singular; `None` once the
    /// first member does not start with it.
    word: Option<String>,
    started: bool,
}

impl Group {
    fn new(heading: usize, depth: usize, label: &str) -> Group {
        let word = fold(label).split_whitespace().next().map(|w| w.trim_end_matches('s').to_owned());
        Group { heading, depth, word, started: false }
    }

    /// Whether an item (its label folded) belongs to the group.
    fn admits(&mut self, folded: &str) -> bool {
        let starts = self.word.as_ref().is_some_and(|w| folded.starts_with(w.as_str()));
        if !self.started {
            self.started = true;
            if !starts {
                self.word = None;
            }
            return true;
        }
        self.word.is_none() || starts
    }
}

const ARTICLES: [&str; 5] = ["le ", "la ", "les ", "l’", "l'"];

fn without_article(text: &str) -> &str {
    let lower = text.to_lowercase();
    ARTICLES.iter().find(|a| lower.starts_with(*a)).map_or(text, |a| text[a.len()..].trim_start())
}

/// The name, short name and kind of a label: `le département « Etalab »
/// (ETA)` gives Etalab, ETA, Département; `Le secrétariat général`,
/// Secrétariat général.
fn read_label(label: &str) -> (String, Option<String>, Option<String>) {
    let label = label.trim().trim_end_matches(':').trim();
    if let (Some(open), Some(close)) = (label.find('«'), label.rfind('»')) {
        if open < close {
            let name = label[open + '«'.len_utf8()..close].trim().to_owned();
            let before = without_article(label[..open].trim());
            let kind = (!before.is_empty()).then(|| capitalised(before));
            let after = label[close + '»'.len_utf8()..].trim();
            let short = after.strip_prefix('(').and_then(|a| a.split(')').next()).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
            return (name, short, kind);
        }
    }
    // "Direction interministérielle du numérique (DINUM)"
    let plain = without_article(label);
    if let Some((name, short)) = plain.strip_suffix(')').and_then(|p| p.rsplit_once(" (")) {
        if !short.is_empty() && short.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || "-.&".contains(c)) {
            return (capitalised(name.trim()), Some(short.to_owned()), None);
        }
    }
    (capitalised(plain), None, None)
}

/// "Organigramme daté du 17 janvier 2024" → 2024-01-17: the date a line
/// gives the chart ("daté", "mis à jour"), not any date in the text.
fn date_in(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] =
        ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];
    let folded = fold(text);
    if !["date", "a jour"].iter().any(|w| folded.contains(w)) {
        return None;
    }
    let words: Vec<&str> = folded.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let day: u32 = w[0].trim_end_matches("er").parse().ok().filter(|d| (1..=31).contains(d))?;
        let month = MONTHS.iter().position(|m| *m == w[1])? + 1;
        let year: u32 = w[2].trim_end_matches(['.', ',']).parse().ok().filter(|y| (1900..=2999).contains(y))?;
        Some(format!("{year:04}-{month:02}-{day:02}"))
    })
}

/// Bold labels that link the lists rather than name a unit.
fn is_connector(label: &str) -> bool {
    let f = fold(label);
    f.starts_with("sont rattache") || f.starts_with("rattache") || f.starts_with("est rattache")
}

/// A label that introduces the root's own people ("Direction :").
fn is_root_heading(label: &str) -> bool {
    let f = fold(label.trim_end_matches([':', ' ']));
    matches!(without_article(&f).trim(), "direction" | "direction generale" | "la direction")
}

pub fn import(source: &str, options: &HtmlOptions, msg: Messages) -> Result<Imported, Located> {
    let html = Html::parse_document(source);
    let container = match &options.selector {
        Some(css) => {
            let selector = Selector::parse(css).map_err(|e| {
                Located::file(msg.says(format!("--selector « {css} » : {e}"), format!("--selector “{css}”: {e}")))
            })?;
            html.select(&selector).next().ok_or_else(|| {
                Located::file(msg.says(format!("aucun élément ne répond à « {css} »"), format!("no element matches “{css}”")))
            })?
        }
        // The first of these the page has, in this order.
        None => ["#organigramme", ".accordion-content", "main", "body"]
            .iter()
            .filter_map(|css| Selector::parse(css).ok())
            .find_map(|selector| html.select(&selector).next())
            .unwrap_or_else(|| html.root_element()),
    };
    let mut walker = Walker::default();
    walker.walk(container, 0);
    walker.flush();

    let mut notes = Notes { lines: Lines { source, from: 0 }, warnings: Vec::new(), msg };
    let root_name = options.root_name.clone().unwrap_or_else(|| page_title(&html).unwrap_or_else(|| "Organisation".into()));
    let (name, short_name, kind) = read_label(&root_name);
    let mut units = vec![Unit { name, short_name, kind, ..Unit::default() }];
    // Units open to sub-units, by depth: (depth, unit).
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut group: Option<Group> = None;
    let mut root_people_depth: Option<usize> = None;
    let mut updated = None;

    for piece in walker.pieces {
        let item = match piece {
            Piece::Break => {
                // A line break ends a group, and a unit that took no sub-list
                // before it will take none after it.
                group = None;
                if stack.len() > 1 && stack.last().is_some_and(|&(_, u)| units[u].children.is_empty()) {
                    stack.pop();
                }
                continue;
            }
            Piece::Loose(text) => {
                match date_in(&text) {
                    Some(date) if updated.is_none() => updated = Some(date),
                    _ => notes.warn(
                        &text,
                        format!("texte hors des listes, non importé : « {text} »"),
                        format!("text outside the lists, not imported: “{text}”"),
                    ),
                }
                continue;
            }
            Piece::Item(item) => item,
        };
        let shown = [item.label.as_deref().unwrap_or(""), &item.rest].join(" ").trim().to_owned();
        // The root's own people: after "Direction :", or in its sub-list.
        if let Some(d) = root_people_depth {
            if item.depth > d && item.label.is_none() {
                let (found, unknown) = people(&item.rest);
                if found.is_empty() {
                    notes.warn(&shown, format!("ligne non comprise : « {shown} »"), format!("line not understood: “{shown}”"));
                }
                units[0].people.extend(found);
                notes.not_understood(unknown);
                continue;
            }
            root_people_depth = None;
        }
        if let Some(label) = &item.label {
            if is_connector(label) {
                group = None;
                notes.lines.find(label);
                continue;
            }
            if is_root_heading(label) && units.len() == 1 {
                let (found, unknown) = people(&item.rest);
                units[0].people.extend(found);
                notes.not_understood(unknown);
                root_people_depth = Some(item.depth);
                continue;
            }
        }
        notes.lines.find(&shown);
        // The unit's name and its people: a bold label and the text after
        // it, or "Name, role : Person" in plain text.
        let (label, people_text) = match &item.label {
            Some(label) => (label.clone(), item.rest.clone()),
            None => match item.rest.split_once(':') {
                Some((before, after)) => match before.rsplit_once(", ") {
                    Some((name, role)) => (name.to_owned(), format!("{role} : {after}")),
                    None => (item.rest.clone(), String::new()),
                },
                None => (item.rest.clone(), String::new()),
            },
        };
        let (mut name, short_name, mut kind) = read_label(&label);
        if name.is_empty() {
            notes.warn(&shown, format!("élément sans nom, non importé : « {shown} »"), format!("item without a name, not imported: “{shown}”"));
            continue;
        }
        // The parent: the unit open at a lesser depth, or the open group.
        while stack.last().is_some_and(|&(d, _)| d >= item.depth && stack.len() > 1) {
            stack.pop();
        }
        let mut parent = stack.last().map_or(0, |&(_, u)| u);
        if let Some(g) = group.as_mut().filter(|g| g.depth == item.depth) {
            if g.admits(&fold(&label)) {
                parent = g.heading;
                // "Mission Communication" under "Missions transversales": a
                // Mission named Communication.
                let words: Vec<&str> = label.split_whitespace().collect();
                if g.word.is_some() && words.len() > 1 && kind.is_none() && item.label.is_some() {
                    kind = Some(capitalised(words[0]));
                    name = capitalised(&words[1..].join(" "));
                }
            } else {
                group = None;
            }
        }
        let (found, unknown) = people(&people_text);
        notes.not_understood(unknown);
        if kind.is_none() {
            kind = found.iter().find_map(|(_, role)| role.as_deref().and_then(kind_from_role));
        }
        let bold_only = item.label.is_some() && people_text.trim().is_empty();
        units.push(Unit { name, short_name, kind, people: found, children: Vec::new() });
        let index = units.len() - 1;
        units[parent].children.push(index);
        stack.push((item.depth, index));
        if bold_only {
            group = Some(Group::new(index, item.depth, &label));
        }
    }

    let title = options.title.clone().unwrap_or_else(|| units[0].name.clone());
    let mut document = Map::new();
    document.insert("title".into(), title.into());
    document.insert("lang".into(), "fr".into());
    if let Some(updated) = updated {
        document.insert("updated".into(), updated.into());
    }
    document.insert("root".into(), unit_json(&units, 0));
    let json = pretty(&Value::Object(document));
    match parse(&json) {
        Ok(_) => Ok(Imported { json, warnings: notes.warnings }),
        Err(e) => Err(Located::file(e.message(msg.lang()))),
    }
}

/// The page's own title, for the root when none is given: its first `<h1>`
/// or its `<title>`.
fn page_title(html: &Html) -> Option<String> {
    let selector = Selector::parse("h1, title").ok()?;
    html.select(&selector).map(|e| squeeze(&e.text().collect::<String>())).find(|t| !t.is_empty())
}

fn unit_json(units: &[Unit], index: usize) -> Value {
    let u = &units[index];
    let mut o = Map::new();
    o.insert("name".into(), u.name.clone().into());
    if let Some(short) = &u.short_name {
        o.insert("short_name".into(), short.clone().into());
    }
    if let Some(kind) = &u.kind {
        o.insert("kind".into(), kind.clone().into());
    }
    if !u.people.is_empty() {
        o.insert("people".into(), serde_json::to_value(People(&u.people)).unwrap_or_default());
    }
    if !u.children.is_empty() {
        o.insert("children".into(), u.children.iter().map(|&c| unit_json(units, c)).collect());
    }
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_in_the_usual_french_forms() {
        let p = |text: &str| people(text).0;
        let some = |n: &str, r: &str| (n.to_owned(), Some(r.to_owned()));
        assert_eq!(
            p("Chef du département : Ishan Bohjwani. Adjoint : Arthur Hatchuel."),
            [some("Ishan Bohjwani", "Chef du département"), some("Arthur Hatchuel", "Adjoint")]
        );
        assert_eq!(p("Pierre Pezziardi, conseiller. Kim Malgras, cheffe cab."), [some("Pierre Pezziardi", "Conseiller"), some("Kim Malgras", "Cheffe cab")]);
        assert_eq!(p("Marie-Aline Tarchoun et Sreykeb Pasquet."), [("Marie-Aline Tarchoun".into(), None), ("Sreykeb Pasquet".into(), None)]);
        assert_eq!(p("cheffe de pôle :Fadila Leturcq"), [some("Fadila Leturcq", "Cheffe de pôle")]);
        assert_eq!(people("Chef : 12 rue de la Paix, 75001 Paris").1, ["12 rue de la Paix", "75001 Paris"]);
    }

    #[test]
    fn labels_give_a_name_a_short_name_and_a_kind() {
        assert_eq!(
            read_label("le département « Incubateur de services numériques » (ISN) :"),
            ("Incubateur de services numériques".into(), Some("ISN".into()), Some("Département".into()))
        );
        assert_eq!(read_label("Le secrétariat général :"), ("Secrétariat général".into(), None, None));
        assert_eq!(kind_from_role("Cheffe de pôle"), Some("Pôle".into()));
        assert_eq!(kind_from_role("Chef du département"), Some("Département".into()));
        assert_eq!(kind_from_role("Adjoint"), None);
        assert_eq!(date_in("Organigramme daté du 17 janvier 2024"), Some("2024-01-17".into()));
        assert_eq!(date_in("Mis à jour le 1er août 2023."), Some("2023-08-01".into()));
    }
}
