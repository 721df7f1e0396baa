//! Search over the whole chart, opened or not: a query's words must all
//! occur, folded (case, accents, ligatures, apostrophes, dashes, spaces),
//! in the fields of one unit (or the names above it). Matches are ranked,
//! then in document order.
//!
//! ```
//! use organigramme_core::{load::parse, search::{Index, Query, Rank}};
//! let chart = parse(r#"{"title": "T", "root": {"id": "d", "name": "DINUM", "children": [
//!     {"id": "e", "name": "Etalab", "children": [{"id": "l", "name": "Datalab",
//!      "people": [{"name": "Paul Émile", "role": "Chef de pôle"}]}]}]}}"#).unwrap();
//! let index = Index::new(&chart);
//! let found = index.search(&chart, &Query::new("chef pole"));
//! assert_eq!(found.len(), 1);
//! assert_eq!(chart[found[0].unit].name, "Datalab");
//! assert_eq!(found[0].rank, Rank::People);
//! ```
//!
//! The index is the folded text of every unit, one segment each, whose
//! fields are in the order of their rank: names and kind, then people and
//! roles, then the description. The first occurrence of a word in a
//! segment is then in its best field.

use crate::chart::{Chart, Unit, UnitId};
use crate::fold::{fold_search, search_form};
use std::ops::Range;

/// Between two fields of a segment.
const FIELD: char = '\u{1}';
/// Between two classes of fields (names, people, description).
const CLASS: char = '\u{2}';

/// How well a unit matches, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// The query is the unit's name or short name.
    ExactName,
    /// The name or the short name starts with the query.
    NamePrefix,
    /// Every word is in the name, the short name or the kind.
    Name,
    /// Some word is only in a person's name or role.
    People,
    /// Some word is only in the description.
    Description,
}

impl Rank {
    /// Every rank, best first.
    const ALL: [Rank; 5] = [Rank::ExactName, Rank::NamePrefix, Rank::Name, Rank::People, Rank::Description];
}

/// A field of a unit, for marking where a query matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    ShortName,
    Kind,
    /// The name of the person at this index in `people`.
    Person(usize),
    /// The role of the person at this index.
    Role(usize),
    Description,
}

impl Field {
    /// The field's text in `unit`, if it has one.
    pub fn text(self, unit: &Unit) -> Option<&str> {
        match self {
            Field::Name => Some(&unit.name),
            Field::ShortName => unit.short_name.as_deref(),
            Field::Kind => unit.kind.as_deref(),
            Field::Person(i) => unit.people.get(i).map(|p| p.name.as_str()),
            Field::Role(i) => unit.people.get(i).and_then(|p| p.role.as_deref()),
            Field::Description => unit.description.as_deref(),
        }
    }

    /// Every field of `unit` that has text.
    fn all(unit: &Unit) -> impl Iterator<Item = Field> + '_ {
        let people = (0..unit.people.len()).flat_map(|i| [Field::Person(i), Field::Role(i)]);
        [Field::Name, Field::ShortName, Field::Kind].into_iter().chain(people).chain([Field::Description])
    }
}

/// What a reader typed, folded and split into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The whole query, folded: compared with names.
    whole: String,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query { whole: search_form(text) }
    }

    /// Nothing to search for: only spaces, or nothing.
    pub fn is_empty(&self) -> bool {
        self.whole.is_empty()
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.whole.split(' ').filter(|w| !w.is_empty())
    }
}

/// A word of a query, with what finds it fast in a long text.
struct Word {
    text: String,
    finder: memchr::memmem::Finder<'static>,
}

impl Word {
    fn new(text: &str) -> Self {
        Word { text: text.to_owned(), finder: memchr::memmem::Finder::new(text.as_bytes()).into_owned() }
    }

    fn find(&self, text: &str) -> Option<usize> {
        self.finder.find(text.as_bytes())
    }

    fn is_in(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// How many times the word occurs in `bytes`, not overlapping.
    fn count(&self, bytes: &[u8]) -> usize {
        let (mut n, mut from) = (0, 0);
        while let Some(at) = self.finder.find(&bytes[from..]) {
            n += 1;
            from += at + self.text.len().max(1);
        }
        n
    }
}

/// For one word, whether each unit's name or one of its ancestors' names
/// holds it, as far as a search has needed to know.
#[derive(Default)]
struct Above(Vec<Known>);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    Unknown,
    Yes,
    No,
}

/// One unit that matches, and how well.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub unit: UnitId,
    pub rank: Rank,
}

/// Where a query's words are in one field: byte ranges of the field's
/// original text, sorted and disjoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub field: Field,
    pub ranges: Vec<Range<usize>>,
}

/// The folded text of a chart, built once and searched on every keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    text: String,
    /// Where each unit's segment starts in `text`, plus the end.
    starts: Vec<u32>,
}

/// An [`Index`] built a slice of units at a time, so that a page can build
/// it in the tasks after its first frame rather than all at once when the
/// search field first takes focus.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// The units so far; `starts` lacks the end until [`IndexBuilder::finish`].
    index: Index,
}

impl IndexBuilder {
    /// Adds the next `units` units, in document order; returns whether
    /// every unit of `chart` is in.
    pub fn extend(&mut self, chart: &Chart, units: usize) -> bool {
        let Index { text, starts } = &mut self.index;
        let from = starts.len();
        let to = from.saturating_add(units).min(chart.len());
        starts.reserve(to - from + 1);
        let field = |text: &mut String, value: Option<&str>, end: char| {
            fold_search(value.unwrap_or(""), text, None);
            text.push(end);
        };
        for id in (from..to).map(UnitId::at) {
            starts.push(text.len() as u32);
            let unit = &chart[id];
            field(text, Some(&unit.name), FIELD);
            field(text, unit.short_name.as_deref(), FIELD);
            field(text, unit.kind.as_deref(), CLASS);
            for person in &unit.people {
                field(text, Some(&person.name), FIELD);
                field(text, person.role.as_deref(), FIELD);
            }
            text.push(CLASS);
            field(text, unit.description.as_deref(), FIELD);
        }
        to == chart.len()
    }

    /// The index of `chart`, the units not yet in added now.
    pub fn finish(mut self, chart: &Chart) -> Index {
        self.extend(chart, chart.len());
        let end = self.index.text.len() as u32;
        self.index.starts.push(end);
        self.index
    }
}

impl Index {
    pub fn new(chart: &Chart) -> Self {
        IndexBuilder::default().finish(chart)
    }

    /// The bytes the index holds.
    pub fn size(&self) -> usize {
        self.text.len() + self.starts.len() * std::mem::size_of::<u32>()
    }

    fn segment(&self, unit: usize) -> &str {
        &self.text[self.starts[unit] as usize..self.starts[unit + 1] as usize]
    }

    /// Every unit that holds the query's words, best rank first, in
    /// document order within a rank. A word may also be in the name of an
    /// ancestor ("etalab datalab" finds Datalab, in Etalab), as long as one
    /// is in the unit itself. An empty query finds nothing.
    pub fn search(&self, chart: &Chart, query: &Query) -> Vec<Found> {
        let words: Vec<Word> = query.words().map(Word::new).collect();
        // A match is reached by every word: it holds the word, or is below
        // a unit whose name holds it (one word alone must be held). The
        // candidates are those reached by the word that reaches the fewest
        // units; the other words are looked for in these candidates only.
        // The rarest word, scanned first, makes the scans of the others
        // stop early: how often each occurs in a sample of the index says
        // which (the longest among equals).
        let sample = &self.text.as_bytes()[..self.text.len() / 32];
        let rarest = match words.len() {
            0 | 1 => words.first().map(|_| 0),
            _ => (0..words.len()).min_by_key(|&i| (words[i].count(sample), std::cmp::Reverse(words[i].text.len()))),
        };
        let order = rarest.into_iter().chain((0..words.len()).filter(|&i| Some(i) != rarest));
        let through_names = words.len() > 1;
        let mut candidates: Option<Vec<Range<usize>>> = None;
        for word in order.map(|i| &words[i]) {
            // Once the candidates hold less than an eighth of the index's
            // text, looking for the other words in them (as ranking does,
            // with their ancestors' names) costs less than scanning the
            // whole index for a smaller set.
            if candidates.as_ref().is_some_and(|c| 8 * self.bytes(c) < self.text.len()) {
                break;
            }
            let limit = candidates.as_ref().map_or(usize::MAX, |c| c.iter().map(ExactSizeIterator::len).sum());
            if let Some(reach) = self.reach(chart, word, through_names, limit) {
                candidates = Some(reach);
            }
        }
        let mut ranks: [Vec<UnitId>; Rank::ALL.len()] = Default::default();
        let mut above: Vec<Above> = words.iter().map(|_| Above::default()).collect();
        for unit in candidates.into_iter().flatten().flatten() {
            if let Some(rank) = self.rank(chart, unit, query, &words, &mut above) {
                ranks[rank as usize].push(UnitId::at(unit));
            }
        }
        let mut found = Vec::with_capacity(ranks.iter().map(Vec::len).sum());
        for (rank, units) in Rank::ALL.into_iter().zip(ranks) {
            found.extend(units.into_iter().map(|unit| Found { unit, rank }));
        }
        found
    }

    /// The units `word` reaches, as disjoint ranges in document order:
    /// those that hold it and, `through_names`, everything below a unit
    /// whose name holds it (subtrees nest: a holder inside a subtree
    /// already taken adds nothing). None once they number more than `limit`.
    fn reach(&self, chart: &Chart, word: &Word, through_names: bool, limit: usize) -> Option<Vec<Range<usize>>> {
        let (mut ranges, mut size): (Vec<Range<usize>>, usize) = (Vec::new(), 0);
        let (mut unit, mut from) = (0, 0);
        while let Some(at) = word.find(&self.text[from..]).map(|at| from + at) {
            // Starts only grow: the unit holding `at` is at or after the last.
            while self.starts[unit + 1] as usize <= at {
                unit += 1;
            }
            from = self.starts[unit + 1] as usize;
            if ranges.last().is_some_and(|r| unit < r.end) {
                continue;
            }
            let subtree = through_names && self.name_holds(unit, word);
            let range = if subtree { chart.subtree(UnitId::at(unit)) } else { unit..unit + 1 };
            size += range.len();
            if size > limit {
                return None;
            }
            ranges.push(range);
        }
        Some(ranges)
    }

    /// The length of the units' segments, all ranges together.
    fn bytes(&self, ranges: &[Range<usize>]) -> usize {
        ranges.iter().map(|r| (self.starts[r.end] - self.starts[r.start]) as usize).sum()
    }

    /// The unit's name and short name, folded.
    fn names(&self, unit: usize) -> (&str, &str) {
        let mut fields = self.segment(unit).split(FIELD);
        (fields.next().unwrap_or(""), fields.next().unwrap_or(""))
    }

    /// Whether the unit's name or short name holds `word`.
    fn name_holds(&self, unit: usize, word: &Word) -> bool {
        let (name, short) = self.names(unit);
        word.is_in(name) || word.is_in(short)
    }

    /// Whether the name of one of the unit's ancestors holds `word`. The
    /// answers are kept for each ancestor, whose candidates share many.
    fn above_holds(&self, chart: &Chart, unit: usize, word: &Word, above: &mut Above) -> bool {
        if above.0.is_empty() {
            above.0 = vec![Known::Unknown; chart.len()];
        }
        let mut path = Vec::new();
        let mut cur = chart.parent(UnitId::at(unit));
        let answer = loop {
            let Some(a) = cur else { break false };
            match above.0[a.index()] {
                Known::Yes => break true,
                Known::No => break false,
                Known::Unknown if self.name_holds(a.index(), word) => {
                    above.0[a.index()] = Known::Yes;
                    break true;
                }
                Known::Unknown => {
                    path.push(a.index());
                    cur = chart.parent(a);
                }
            }
        };
        let known = if answer { Known::Yes } else { Known::No };
        for a in path {
            above.0[a] = known;
        }
        answer
    }

    /// The unit's rank, if each word is in its fields or in an ancestor's
    /// names. The first occurrence of a word is in its best field.
    fn rank(&self, chart: &Chart, unit: usize, query: &Query, words: &[Word], above: &mut [Above]) -> Option<Rank> {
        let segment = self.segment(unit);
        let (mut class, mut in_path, mut own) = (0, false, false);
        for (word, above) in words.iter().zip(above) {
            match word.find(segment) {
                Some(at) => {
                    class = class.max(segment[..at].matches(CLASS).count());
                    own = true;
                }
                None => {
                    if !self.above_holds(chart, unit, word, above) {
                        return None;
                    }
                    in_path = true;
                }
            }
        }
        if !own {
            return None;
        }
        let (name, short) = self.names(unit);
        Some(match class {
            0 if in_path => Rank::Name,
            0 if name == query.whole || short == query.whole => Rank::ExactName,
            0 if name.starts_with(&query.whole) || short.starts_with(&query.whole) => Rank::NamePrefix,
            0 => Rank::Name,
            1 => Rank::People,
            _ => Rank::Description,
        })
    }
}

/// Where the query's words occur in each of `unit`'s fields, for marking
/// them: computed for the results shown, not for every match.
pub fn hits(unit: &Unit, query: &Query) -> Vec<Hit> {
    let words: Vec<Word> = query.words().map(Word::new).collect();
    let (mut folded, mut map) = (String::new(), Vec::new());
    let mut hits = Vec::new();
    for field in Field::all(unit) {
        let Some(text) = field.text(unit) else {
            continue;
        };
        folded.clear();
        map.clear();
        fold_search(text, &mut folded, Some(&mut map));
        // The original bytes each occurrence covers, then their runs.
        let mut marked = vec![false; text.len()];
        for word in &words {
            // Each occurrence, not overlapping the one before.
            let mut from = 0;
            while let Some(at) = word.find(&folded[from..]).map(|at| from + at) {
                let last = map[at + word.text.len() - 1] as usize;
                let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
                marked[map[at] as usize..end].fill(true);
                from = at + word.text.len();
            }
        }
        let mut merged: Vec<Range<usize>> = Vec::new();
        for (i, _) in marked.iter().enumerate().filter(|(_, &m)| m) {
            match merged.last_mut() {
                Some(last) if last.end == i => last.end += 1,
                _ => merged.push(i..i + 1),
            }
        }
        if merged.is_empty() {
            continue;
        }
        hits.push(Hit { field, ranges: merged });
    }
    hits
}

/// The names from the root down to `unit`, itself included.
pub fn path(chart: &Chart, unit: UnitId) -> Vec<&str> {
    let mut names: Vec<&str> = chart.ancestors(unit).map(|a| chart[a].name.as_str()).collect();
    names.reverse();
    names.push(&chart[unit].name);
    names
}
