//! The markup of units, as text: both views insert it with one `innerHTML`
//! a branch, so the browser's parser builds thousands of elements natively
//! instead of one script call each, and a static page can embed the same
//! HTML. Every text from the data is escaped here, and nowhere else.
//!
//! The list view (the APG disclosure pattern):
//!
//! ```html
//! <li class="og-unit" id="etalab" data-unit="1">
//!   <button type="button" class="og-toggle" id="og1-t1" data-unit="1"
//!     aria-controls="og1-g1" aria-expanded="false"><span class="og-name">Etalab</span> <span class="og-short">(E)</span></button>
//!   <span class="og-kind">Département</span> <span class="og-count">3 sous-unités</span>
//!   <button type="button" class="og-copy-link" data-copy="1" aria-label="Copier le lien : Etalab">Copier le lien</button>
//!   <p class="og-desc">…</p>
//!   <ul class="og-people"><li>Chef : Marielle Chrisment</li></ul>
//!   <div class="og-children" id="og1-g1" data-unit="1" hidden="until-found"><ul>…</ul></div>
//! </li>
//! ```
//!
//! A group whose units are all leaves is `og-children og-leaves`: the chart
//! layout stacks it. Both layouts (list and chart) style this same markup.
//!
//! The tree view (the APG tree view pattern) writes one `treeitem` per unit,
//! named by its label and described by its people.

use crate::bidi;
use crate::chart::{Chart, Person, Unit, UnitId};
use crate::search::{self, Field, Found, Query};
use crate::view::ViewState;
use std::fmt::Write;
use std::ops::Range;

/// The DOM ids of one mounted chart's units: `og1-t5`… Each chart has its
/// own prefix, so several charts on one page never share an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids(pub String);

impl Ids {
    /// What takes focus for a unit: in the list view a branch's disclosure
    /// button or a leaf's label, in the tree view the treeitem.
    pub fn focus_target(&self, unit: UnitId) -> String {
        format!("{}-t{}", self.0, unit.index())
    }

    /// A branch's group of sub-units (the element that hides).
    pub fn group(&self, unit: UnitId) -> String {
        format!("{}-g{}", self.0, unit.index())
    }

    /// A treeitem's label, its accessible name.
    pub fn label(&self, unit: UnitId) -> String {
        format!("{}-n{}", self.0, unit.index())
    }

    /// A treeitem's people, its accessible description.
    pub fn people(&self, unit: UnitId) -> String {
        format!("{}-p{}", self.0, unit.index())
    }

    /// One of the frame's elements (see `frame`): `og1-disclosure`…
    pub fn frame(&self, part: Part) -> String {
        format!("{}-{}", self.0, part.name())
    }
}

/// The frame's elements that have an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Disclosure,
    /// The region the disclosure shows.
    Region,
    Title,
    /// The region that scrolls a wide chart.
    Scroller,
    Search,
    SearchHint,
    DetailsTitle,
    /// The field showing a unit's link where it cannot be copied (in the
    /// details region, or in place of a card's button).
    LinkField,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Disclosure => "disclosure",
            Part::Region => "chart",
            Part::Title => "title",
            Part::Scroller => "scroller",
            Part::Search => "search",
            Part::SearchHint => "search-hint",
            Part::DetailsTitle => "details",
            Part::LinkField => "link",
        }
    }
}

/// The few words the markup writes itself, in the widget's language.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    /// Before a unit's link: "Site : ".
    pub link_prefix: &'static str,
    /// Between a role and a name: " : ".
    pub role_separator: &'static str,
    /// Between two people in one sentence: " ; ".
    pub people_separator: &'static str,
    /// A branch's count of sub-units: "1 sous-unité", "6 sous-unités".
    pub sub_unit: &'static str,
    pub sub_units: &'static str,
    /// The button that copies a unit's link: "Copier le lien".
    pub copy_link: &'static str,
}

impl Words {
    /// One person's line, as text: "Chef : Marielle Chrisment". The role
    /// is isolated where it needs to be (see [`bidi`]); the name, last on
    /// its line, has nothing after it to reorder.
    pub fn person(&self, out: &mut String, person: &Person) {
        if let Some(role) = &person.role {
            bidi::push_isolated(out, role);
            out.push_str(self.role_separator);
        }
        out.push_str(&person.name);
    }

    /// A unit's people in one sentence, as the tree describes an item and
    /// the details speak it: "Chef : A ; Adjoint : B". A name that needs
    /// it is isolated from the next person (its role already is).
    pub fn people(&self, people: &[Person]) -> String {
        let mut out = String::new();
        for (n, person) in people.iter().enumerate() {
            if n > 0 {
                out.push_str(self.people_separator);
            }
            bidi::isolate_if(&mut out, bidi::needs_isolation(&person.name), |out| self.person(out, person));
        }
        out
    }

    /// "6 sous-unités": what a branch holds, shown open or closed.
    pub fn count(&self, out: &mut String, n: usize) {
        let _ = write!(out, "{n}\u{a0}{}", if n == 1 { self.sub_unit } else { self.sub_units });
    }
}

/// One write's budget and record: how many more units it may write below
/// the branch it fills, the units it wrote, the branches it filled, and the
/// first branch it left empty for a later write ([`Filled::pending`] finds
/// the rest). A budget bounds one task's work: a 100,000-unit chart opened
/// at once is written a slice per task, the first one shown in the next
/// frame.
#[derive(Debug, Default)]
pub struct Fill {
    pub budget: usize,
    pub units: usize,
    pub filled: Vec<UnitId>,
    pub left: Option<UnitId>,
}

impl Fill {
    /// Everything the view state asks for, in one write.
    pub fn all() -> Self {
        Self::within(usize::MAX)
    }

    /// About `budget` units: a branch filled always gets all its sub-units,
    /// so once the budget is spent a write finishes the groups it is in and
    /// leaves the branches in them empty.
    pub fn within(budget: usize) -> Self {
        Fill { budget, ..Fill::default() }
    }
}

/// Which view the markup is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    List,
    Tree,
}

/// Writes units as one view shows them, from the chart and its view state.
pub struct Markup<'a> {
    pub chart: &'a Chart,
    pub view: &'a ViewState,
    pub ids: &'a Ids,
    pub words: Words,
    pub style: Style,
    /// Every branch gets its sub-units at once (find-in-page reaches them);
    /// else only branches opened at least once.
    pub eager: bool,
    /// The tree's one tab stop.
    pub current: UnitId,
    /// The link prefix, when this chart gives its units their link's id
    /// (`prefix` + the unit's id): the list's item, the tree's row.
    pub anchors: Option<&'a str>,
}

impl Markup<'_> {
    /// ` id="…"`: where a link to the unit lands. Ids and prefixes are
    /// checked ASCII (letters, digits, `-`, `_`, `.`): nothing to escape.
    fn anchor(&self, out: &mut String, unit: UnitId) {
        if let Some(prefix) = self.anchors {
            let _ = write!(out, " id=\"{prefix}{}\"", self.chart[unit].id);
        }
    }

    /// Whether a branch's sub-units are written with it, budget allowing.
    fn fills(&self, unit: UnitId) -> bool {
        fills(self.chart, self.view, self.eager, unit)
    }

    /// The root's item and everything filled below it, within `fill`'s
    /// budget.
    pub fn root(&self, fill: &mut Fill) -> String {
        let mut out = String::new();
        self.unit(&mut out, self.chart.root(), fill);
        out
    }

    /// The inside of a branch's group: its sub-units' items, whatever the
    /// budget, and what the budget allows below them.
    pub fn group(&self, unit: UnitId, fill: &mut Fill) -> String {
        let mut out = String::new();
        self.group_inner(&mut out, unit, fill);
        out
    }

    /// A group's list opens so: the tree's is a `group`.
    fn list_open(&self) -> &'static str {
        match self.style {
            Style::List => "<ul>",
            Style::Tree => "<ul role=\"group\">",
        }
    }

    fn group_inner(&self, out: &mut String, unit: UnitId, fill: &mut Fill) {
        fill.filled.push(unit);
        out.push_str(self.list_open());
        for child in self.chart.children(unit) {
            self.unit(out, child, fill);
        }
        out.push_str("</ul>");
    }

    fn unit(&self, out: &mut String, unit: UnitId, fill: &mut Fill) {
        match self.style {
            Style::List => self.list_item(out, unit),
            Style::Tree => self.tree_item(out, unit),
        }
        fill.budget = fill.budget.saturating_sub(1);
        fill.units += 1;
        if self.chart.has_children(unit) {
            // A group of leaves only is stacked, not spread, in the chart layout.
            let leaves = if self.chart.children(unit).all(|c| !self.chart.has_children(c)) { " og-leaves" } else { "" };
            let _ = write!(
                out,
                "<div class=\"og-children{leaves}\" id=\"{}\" data-unit=\"{}\"",
                self.ids.group(unit),
                unit.index()
            );
            if !self.view.is_expanded(unit) {
                out.push_str(" hidden=\"until-found\"");
            }
            out.push('>');
            if self.fills(unit) && fill.budget > 0 {
                self.group_inner(out, unit, fill);
            } else {
                // Empty until the branch is first opened, or a later write.
                if self.fills(unit) {
                    fill.left.get_or_insert(unit);
                }
                out.push_str(self.list_open());
                out.push_str("</ul>");
            }
            out.push_str("</div>");
        }
        out.push_str("</li>");
    }

    /// "Etalab (E)": the name, first in its label, which is a box of its
    /// own and so isolates it; with a short name after it, each is isolated
    /// from the other (an override in the name cannot move the short name).
    fn name(&self, out: &mut String, unit: UnitId) {
        let u = &self.chart[unit];
        match &u.short_name {
            None => escape(out, &u.name),
            Some(short) => {
                out.push_str("<span class=\"og-name\">");
                escape(out, &u.name);
                out.push_str("</span> <span class=\"og-short\">(");
                escape(out, short);
                out.push_str(")</span>");
            }
        }
    }

    /// The kind, then a branch's count of sub-units.
    fn kind(&self, out: &mut String, unit: UnitId) {
        if let Some(kind) = &self.chart[unit].kind {
            out.push_str(" <span class=\"og-kind\">");
            escape(out, kind);
            out.push_str("</span>");
        }
        let n = self.chart.child_count(unit);
        if n > 0 {
            out.push_str(" <span class=\"og-count\">");
            self.words.count(out, n);
            out.push_str("</span>");
        }
    }

    /// Everything in a list item before its sub-units: a disclosure button
    /// (a branch) or a label that scripts can focus (a leaf), then the kind
    /// outside it, so that the button's name is the unit's name alone.
    fn list_item(&self, out: &mut String, unit: UnitId) {
        let u = &self.chart[unit];
        let (i, target) = (unit.index(), self.ids.focus_target(unit));
        out.push_str("<li class=\"og-unit\"");
        self.anchor(out, unit);
        let _ = write!(out, " data-unit=\"{i}\">");
        if self.chart.has_children(unit) {
            let expanded = self.view.is_expanded(unit);
            let _ = write!(
                out,
                "<button type=\"button\" class=\"og-toggle\" id=\"{target}\" data-unit=\"{i}\" aria-controls=\"{}\" aria-expanded=\"{expanded}\">",
                self.ids.group(unit)
            );
            self.name(out, unit);
            out.push_str("</button>");
        } else {
            // A paragraph, as the name reads in browse mode; shown inline.
            let _ = write!(out, "<p class=\"og-label\" id=\"{target}\" tabindex=\"-1\">");
            self.name(out, unit);
            out.push_str("</p>");
        }
        self.kind(out, unit);
        self.copy_button(out, unit);
        about(out, self.words, u);
    }

    /// The card's "Copier le lien", where the unit carries its link's id. Its
    /// name adds the unit's, as the page's list of buttons shows it
    /// ("Copier le lien : Etalab"); it starts with the visible text.
    fn copy_button(&self, out: &mut String, unit: UnitId) {
        if self.anchors.is_none() {
            return;
        }
        let _ = write!(out, " <button type=\"button\" class=\"og-copy-link\" data-copy=\"{}\" aria-label=\"", unit.index());
        out.push_str(self.words.copy_link);
        out.push_str(self.words.role_separator);
        escape(out, &self.chart[unit].name);
        out.push_str("\">");
        out.push_str(self.words.copy_link);
        out.push_str("</button>");
    }

    /// A treeitem: nothing inside it is focusable, the item itself takes
    /// focus with a roving tabindex. Its row holds what it shows.
    fn tree_item(&self, out: &mut String, unit: UnitId) {
        let u = &self.chart[unit];
        let item = self.view.item(self.chart, unit);
        let tabindex = if unit == self.current { 0 } else { -1 };
        let _ = write!(
            out,
            "<li role=\"treeitem\" class=\"og-item\" id=\"{}\" data-unit=\"{}\" tabindex=\"{tabindex}\" aria-level=\"{}\" aria-setsize=\"{}\" aria-posinset=\"{}\" aria-labelledby=\"{}\"",
            self.ids.focus_target(unit),
            unit.index(),
            item.level,
            item.set_size,
            item.pos_in_set,
            self.ids.label(unit),
        );
        if let Some(expanded) = item.expanded {
            let _ = write!(out, " aria-expanded=\"{expanded}\"");
        }
        if !u.people.is_empty() {
            let _ = write!(out, " aria-describedby=\"{}\"", self.ids.people(unit));
        }
        // The row carries the state its chevron shows (see the style sheet).
        let state = match item.expanded {
            Some(true) => "og-open",
            Some(false) => "og-closed",
            None => "og-leaf",
        };
        let _ = write!(out, "><span class=\"og-item__row {state}\"");
        self.anchor(out, unit);
        let _ = write!(out, "><span class=\"og-item__label\" id=\"{}\">", self.ids.label(unit));
        self.name(out, unit);
        out.push_str("</span>");
        self.kind(out, unit);
        if !u.people.is_empty() {
            let _ = write!(out, "<span class=\"og-item__people\" id=\"{}\">", self.ids.people(unit));
            escape(out, &self.words.people(&u.people));
            out.push_str("</span>");
        }
        out.push_str("</span>");
    }
}

/// What a unit says below its name, in the list's cards and the tree's
/// details region: its description, its people, its site.
pub fn about(out: &mut String, words: Words, u: &Unit) {
    if let Some(description) = &u.description {
        out.push_str("<p class=\"og-desc\">");
        escape(out, description);
        out.push_str("</p>");
    }
    if !u.people.is_empty() {
        out.push_str("<ul class=\"og-people\">");
        let mut line = String::new();
        for person in &u.people {
            line.clear();
            words.person(&mut line, person);
            out.push_str("<li>");
            escape(out, &line);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if let Some(url) = &u.url {
        out.push_str("<p class=\"og-link\">");
        out.push_str(words.link_prefix);
        out.push_str("<a href=\"");
        escape(out, url);
        out.push_str("\">");
        escape(out, link_text(url));
        out.push_str("</a></p>");
    }
}

/// A link as the page shows it and the tree's details say it: without its
/// scheme.
pub fn link_text(url: &str) -> &str {
    url.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("mailto:")
}

/// The search results shown, as a list's items: each a button with the
/// unit's name (and short name), its path from the root, and the person who
/// matched with their role, the matched text in `<mark>`. `data-result` is
/// the position, `data-target` the unit's index.
///
/// ```html
/// <li><button type="button" class="og-result" data-result="0" data-target="27">
///   <span class="og-result__name"><mark>Data</mark>lab</span>
///   <span class="og-result__path">DINUM › Etalab › Datalab</span>
///   <span class="og-result__person">Chef de pôle : Ulrich Tan</span></button></li>
/// ```
pub fn search_results(chart: &Chart, found: &[Found], query: &Query, role_separator: &str) -> String {
    let mut out = String::new();
    for (n, f) in found.iter().enumerate() {
        let unit = &chart[f.unit];
        let hits = search::hits(unit, query);
        let marked = |out: &mut String, field: Field| {
            if let Some(text) = field.text(unit) {
                let ranges = hits.iter().find(|h| h.field == field).map_or(&[][..], |h| &h.ranges[..]);
                mark(out, text, ranges);
            }
        };
        let _ = write!(
            out,
            "<li><button type=\"button\" class=\"og-result\" data-result=\"{n}\" data-target=\"{}\"><span class=\"og-result__name\">",
            f.unit.index()
        );
        marked(&mut out, Field::Name);
        if unit.short_name.is_some() {
            out.push_str(" (");
            marked(&mut out, Field::ShortName);
            out.push(')');
        }
        out.push_str("</span> <span class=\"og-result__path\">");
        for (i, name) in search::path(chart, f.unit).into_iter().enumerate() {
            if i > 0 {
                out.push_str(" › ");
            }
            escape(&mut out, name);
        }
        out.push_str("</span>");
        let person = hits.iter().find_map(|h| match h.field {
            Field::Person(i) | Field::Role(i) => Some(i),
            _ => None,
        });
        if let Some(i) = person {
            out.push_str(" <span class=\"og-result__person\">");
            if unit.people[i].role.is_some() {
                marked(&mut out, Field::Role(i));
                out.push_str(role_separator);
            }
            marked(&mut out, Field::Person(i));
            out.push_str("</span>");
        }
        out.push_str("</button></li>");
    }
    out
}

/// `text`, escaped, with the `ranges` (sorted, disjoint) in `<mark>`.
fn mark(out: &mut String, text: &str, ranges: &[Range<usize>]) {
    let mut at = 0;
    for range in ranges {
        escape(out, &text[at..range.start]);
        out.push_str("<mark>");
        escape(out, &text[range.clone()]);
        out.push_str("</mark>");
        at = range.end;
    }
    escape(out, &text[at..]);
}

/// Text safe in an element or a quoted attribute: `&`, `<`, `>`, `"` and `'`
/// become references, so no data can open a tag or leave an attribute. The
/// parser would turn a carriage return into a line feed, so it is written
/// as a reference too; HTML cannot hold U+0000 at all, which shows as the
/// replacement character U+FFFD (a reference would give the same).
pub fn escape(out: &mut String, text: &str) {
    let mut rest = text;
    // Bytes, not chars: every character replaced is ASCII, and a byte scan
    // is several times faster than a search for any of seven chars.
    while let Some(at) = rest.bytes().position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | b'\r' | 0)) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "&#13;",
            _ => "\u{fffd}",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Whether a branch's sub-units are written (eager: every branch; else the
/// branches opened at least once).
fn fills(chart: &Chart, view: &ViewState, eager: bool, unit: UnitId) -> bool {
    chart.has_children(unit) && (eager || view.has_been_opened(unit))
}

/// Units written in the task of an action: a chart opened at once, or
/// first shown with many branches open, is written a slice per frame from
/// the top, the first in the frame after the action. Each frame after a
/// slice costs Chromium a walk of every box in the page (measured: about
/// 5 ms per 1,000 units in the list view), so later slices grow with what
/// is written, half of it each: a few frames in all, the total within
/// about a tenth of one write.
pub const SLICE: usize = 500;

/// What a view's DOM holds: which branches have their sub-units written,
/// how many units in all, where the next slice starts when a write left
/// branches empty, and whether a task is scheduled to write it: one at a
/// time. A unit has an element once its parent is filled; the root always
/// has one.
#[derive(Clone, Debug, Default)]
pub struct Filled {
    filled: Vec<bool>,
    written: usize,
    next: Option<UnitId>,
    scheduled: bool,
    /// Units the running task may still write.
    pub budget: usize,
    /// Whether slices are scheduled: from the first frame on.
    pub started: bool,
}

impl Filled {
    pub fn new(chart: &Chart) -> Self {
        Filled { filled: vec![false; chart.len()], budget: SLICE, ..Filled::default() }
    }

    pub fn mark(&mut self, units: &[UnitId]) {
        for unit in units {
            self.filled[unit.index()] = true;
        }
    }

    /// Takes in what a write wrote; true when it left a branch and none was
    /// left before (see [`Filled::leave`]).
    pub fn record(&mut self, fill: &Fill) -> bool {
        self.mark(&fill.filled);
        self.budget = fill.budget;
        self.written += fill.units;
        fill.left.is_some_and(|unit| self.leave(unit))
    }

    /// A branch left for a later slice, which starts there or before; true
    /// when none was left before.
    pub fn leave(&mut self, unit: UnitId) -> bool {
        let first = self.next.is_none();
        self.next = Some(self.next.map_or(unit, |next| next.min(unit)));
        first
    }

    /// True when a slice task must be scheduled, which it then is: slices
    /// have started and none is scheduled.
    pub fn schedule(&mut self) -> bool {
        let schedule = self.started && !self.scheduled;
        self.scheduled |= schedule;
        schedule
    }

    /// A slice starts, with `budget`: at `from` or at the first branch left
    /// before it, whichever comes first (None: nothing to write). The
    /// scheduled task (`scheduled`) is the one running; a slice run at once
    /// (the first frame's, or printing's) leaves a scheduled one scheduled.
    pub fn start_slice(&mut self, scheduled: bool, from: Option<UnitId>, budget: usize) -> Option<UnitId> {
        if scheduled {
            self.scheduled = false;
        }
        self.budget = budget;
        match (from, self.next.take()) {
            (Some(from), Some(next)) => Some(from.min(next)),
            (from, next) => from.or(next),
        }
    }

    /// Whether a branch is left for a later slice.
    pub fn is_due(&self) -> bool {
        self.next.is_some()
    }

    /// The next slice's budget: [`SLICE`], or half of what is written.
    pub fn slice(&self) -> usize {
        SLICE.max(self.written / 2)
    }

    pub fn is_filled(&self, unit: UnitId) -> bool {
        self.filled.get(unit.index()).copied().unwrap_or(false)
    }

    pub fn has_element(&self, chart: &Chart, unit: UnitId) -> bool {
        chart.parent(unit).is_none_or(|p| self.is_filled(p))
    }

    /// The topmost ancestor of `unit` not filled: what to fill first for
    /// `unit` to have an element. None once it has one.
    pub fn missing(&self, chart: &Chart, unit: UnitId) -> Option<UnitId> {
        chart.ancestors(unit).filter(|&a| !self.is_filled(a)).last()
    }

    /// The first branch at or after `from`, in document order, that a write
    /// left empty: one the markup fills (see [`Markup::eager`]), whose
    /// element is in the page.
    pub fn pending(&self, chart: &Chart, view: &ViewState, eager: bool, from: UnitId) -> Option<UnitId> {
        (from.index()..chart.len())
            .map(UnitId::at)
            .find(|&u| fills(chart, view, eager, u) && !self.is_filled(u) && self.has_element(chart, u))
    }
}
