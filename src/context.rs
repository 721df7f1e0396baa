//! The state of one mounted chart, shared by its listeners: a `Copy`
//! handle. Nothing in the widget is a component per element: the core
//! writes the frame's and the units' markup, inserted in one go (the units
//! one branch at a time), and actions patch the few attributes they change
//! (`aria-expanded`, `hidden`, `tabindex`, `aria-pressed`, the status).

use crate::dom_ids::{Prefix, Root};
use crate::options::{Layout, Mode, Presentation};
use organigramme_core::texts::Texts;
use leptos::prelude::*;
use organigramme_core::frame::{details_body, Control, Frame};
use organigramme_core::markup::{Fill, Filled, Markup, Part, Style, SLICE};
use organigramme_core::search::{Found, Index, IndexBuilder, Query};
use organigramme_core::{ids, reduce, zoom, Action, Chart, Effect, FocusTarget, Items, UnitId, ViewState};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Above this many units, branches get their markup when first opened;
/// at or below it, every branch is written (hidden) in the slices after the
/// first frame, so that the browser's find-in-page reaches collapsed
/// branches.
pub const EAGER_LIMIT: usize = 2_000;

/// The width a printed chart gets, in CSS pixels: an A4 or Letter page in
/// landscape, inside its margins.
const PRINT_WIDTH: i32 = 960;

/// Units added to the search index per task after the first frame: about
/// 10 ms each in WebAssembly, where 100,000 units at once take 0.8 s.
const INDEX_SLICE: usize = 1_000;

/// The search index: built a slice per task after the first frame, and
/// finished at once if a search comes first.
enum SearchIndex {
    Building(IndexBuilder),
    Ready(Index),
}

/// The search field's state: how many results are listed, and which
/// search is the latest (each supersedes the announcement still waiting).
#[derive(Default)]
pub struct SearchState {
    pub shown: usize,
    pub latest: u32,
}

#[derive(Clone, Copy)]
pub struct ChartCtx {
    pub chart: StoredValue<Chart>,
    view: StoredValue<ViewState>,
    /// What the DOM holds of the units, and the slices still to write.
    filled: StoredValue<Filled>,
    /// The unit focused, or last focused; the root before any focus. In the
    /// tree view it is the one tab stop, and the details region shows it.
    pub current: StoredValue<UnitId>,
    pub prefix: StoredValue<Prefix>,
    /// Where the chart's elements are found by id.
    root: StoredValue<Root, LocalStorage>,
    pub mode: Mode,
    /// The layout the reader chose: the chart root's class and the switch's
    /// `aria-pressed` follow it.
    pub layout: StoredValue<Layout>,
    pub search_state: StoredValue<SearchState>,
    pub layout_switch: bool,
    /// Whether the toolbar has the search field.
    pub searchable: bool,
    /// Before a unit's id in its link's fragment.
    pub link_prefix: StoredValue<String>,
    /// Whether this chart's units carry their link's id (see
    /// `dom_ids::claim_anchors`), and so answer the page's fragment.
    anchors: bool,
    /// The folded text of every unit (see [`ChartCtx::build_search_index`]).
    index: StoredValue<SearchIndex>,
    /// The size of the chart's text, in percent. Nothing renders it: it is set on
    /// the region through the CSSOM (`show_zoom`).
    zoom: StoredValue<u16>,
    pub texts: Texts,
    pub eager: bool,
}

/// Removes the link field beside the details region's title, if shown.
fn hide_link_field(title: &Element) {
    if let Some(field) = title.parent_element().and_then(|region| region.query_selector(":scope > .og-copy__link").ok()?) {
        field.remove();
    }
}

/// Runs `f` in a task after the next frame, which shows what came before
/// (boxed: one instantiation of the browser's callbacks for every caller).
pub fn after_next_frame(f: Box<dyn FnOnce()>) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

impl ChartCtx {
    /// The state of a chart about to render into `host`. `anchors`: whether
    /// the units carry their link's id, which the mount decides (see
    /// `dom_ids::claim_anchors`).
    pub fn new(host: &Element, chart: Chart, options: Presentation, link_prefix: String, anchors: bool, texts: Texts) -> ChartCtx {
        let view = ViewState::new(&chart, options.initial);
        let root = Root::of(host);
        ChartCtx {
            eager: chart.len() <= EAGER_LIMIT,
            filled: StoredValue::new(Filled::new(&chart)),
            current: StoredValue::new(chart.root()),
            prefix: StoredValue::new(Prefix::next(host, &root)),
            root: StoredValue::new_local(root),
            mode: options.mode,
            layout: StoredValue::new(options.layout),
            search_state: StoredValue::new(SearchState::default()),
            layout_switch: options.layout_switch,
            searchable: options.search,
            link_prefix: StoredValue::new(link_prefix),
            anchors,
            index: StoredValue::new(SearchIndex::Building(IndexBuilder::default())),
            zoom: StoredValue::new(100),
            texts,
            chart: StoredValue::new(chart),
            view: StoredValue::new(view),
        }
    }

    /// The widget's frame around the units that the first frame shows,
    /// as the core writes it (see `organigramme_core::frame`).
    pub fn frame_markup(&self, label: Option<&str>, heading: Option<&str>) -> String {
        let units = self.root_markup();
        let open = self.view.with_value(ViewState::is_disclosure_open);
        self.chart.with_value(|chart| {
            self.prefix.with_value(|prefix| {
                Frame {
                    chart,
                    texts: self.texts,
                    ids: &prefix.0,
                    style: self.style(),
                    chart_layout: self.layout.get_value() == Layout::Chart,
                    layout_switch: self.layout_switch,
                    search: self.searchable,
                    open,
                    label,
                    heading,
                }
                .html(&units)
            })
        })
    }

    fn style(&self) -> Style {
        match self.mode {
            Mode::List => Style::List,
            Mode::Tree => Style::Tree,
        }
    }

    /// The chart's element with `id`, none once the chart is gone.
    fn element(&self, id: &str) -> Option<Element> {
        self.root.try_with_value(|root| root.element(id)).flatten()
    }

    /// One of the frame's elements, found by its id.
    pub fn part(&self, part: Part) -> Option<Element> {
        self.element(&self.prefix.try_with_value(|p| p.0.frame(part))?)
    }

    /// Whether the chart is still mounted (not destroyed).
    pub fn is_alive(&self) -> bool {
        self.chart.try_with_value(|_| ()).is_some()
    }

    /// The markup of this chart's units with the current state. `eager`
    /// writes every branch below, opened or not.
    fn with_markup<R>(&self, eager: bool, f: impl FnOnce(&Markup) -> R) -> R {
        self.chart.with_value(|chart| {
            self.view.with_value(|view| {
                self.prefix.with_value(|prefix| {
                    self.link_prefix.with_value(|link_prefix| {
                        f(&Markup {
                            chart,
                            view,
                            ids: &prefix.0,
                            words: self.texts.words(),
                            style: self.style(),
                            eager,
                            current: self.current.get_value(),
                            anchors: self.anchors.then_some(link_prefix.as_str()),
                        })
                    })
                })
            })
        })
    }

    /// Writes the root's item (`group` `None`) or a branch's sub-units,
    /// within `budget` units below, and records what it filled and what it
    /// left for [`ChartCtx::fill_pending`].
    fn markup(&self, group: Option<UnitId>, eager: bool, budget: usize) -> String {
        let mut fill = Fill::within(budget);
        let html = self.with_markup(eager, |markup| match group {
            None => markup.root(&mut fill),
            Some(unit) => markup.group(unit, &mut fill),
        });
        if self.filled.try_update_value(|f| f.record(&fill)) == Some(true) {
            self.slice_due();
        }
        html
    }

    /// The root's item, with the branches that start open, as far as one
    /// slice goes: what the first frame shows. [`ChartCtx::fill_pending`],
    /// from the first frame on, writes the rest.
    pub fn root_markup(&self) -> String {
        self.markup(None, false, SLICE)
    }

    /// A write left a branch empty and none was left before: the scroller
    /// says so, as `data-filling`, until the last slice, which comes in a
    /// task after the next frame (before the first frame, the first frame's
    /// slice takes it; with a task already scheduled, that task).
    fn slice_due(&self) {
        self.set_filling(true);
        if self.filled.try_update_value(Filled::schedule) == Some(true) {
            let ctx = *self;
            after_next_frame(Box::new(move || ctx.fill_pending(true, None, None)));
        }
    }

    /// Writes the branches left empty (and, in the eager regime, every
    /// branch not yet written, hidden, so that find-in-page reaches them),
    /// in document order from `from` or the first branch left before it,
    /// about `budget` units (else a slice, see [`SLICE`]), then leaves the
    /// rest to the next slice. `scheduled`: this is the scheduled task.
    /// Does nothing once the chart is gone.
    fn fill_pending(&self, scheduled: bool, from: Option<UnitId>, budget: Option<usize>) {
        let Some(Some(mut from)) = self.filled.try_update_value(|f| {
            let budget = budget.unwrap_or_else(|| f.slice());
            f.start_slice(scheduled, from, budget)
        }) else {
            return;
        };
        while let Some(unit) = self.next_pending(from) {
            let budget = self.filled.with_value(|f| f.budget);
            if budget == 0 {
                return self.leave(unit);
            }
            // A group not found in the page (taken out by its host) ends
            // the slices rather than being looked for again.
            if self.fill(unit, budget).is_none() {
                break;
            }
            from = unit;
        }
        if !self.filled.with_value(Filled::is_due) {
            self.set_filling(false);
        }
    }

    /// After the first frame: the first slice, and from now on a write that
    /// leaves branches empty schedules their slices. In the lazy regime every
    /// branch to write was left by a write, so the slice starts at the first
    /// one; in the eager regime the collapsed branches are not, so it starts
    /// at the root.
    pub fn start_filling(&self) {
        // A chart destroyed before its first frame has nothing to write.
        if self.filled.try_update_value(|f| f.started = true).is_some() {
            self.fill_pending(false, self.eager.then(|| self.chart.with_value(|c| c.root())), None);
        }
    }

    /// The first branch at or after `from` left to write.
    fn next_pending(&self, from: UnitId) -> Option<UnitId> {
        self.chart.with_value(|chart| {
            self.view.with_value(|view| self.filled.with_value(|filled| filled.pending(chart, view, self.eager, from)))
        })
    }

    /// Once mounted, the scroller says from the start, as `data-filling`,
    /// whether branches are left to write, until the last slice: a branch
    /// left by a write, or in the eager regime one not yet written (a look
    /// through the chart, only up to 2,000 units).
    pub fn show_filling(&self) {
        let left = self.filled.with_value(Filled::is_due)
            || (self.eager && self.next_pending(self.chart.with_value(|c| c.root())).is_some());
        self.set_filling(left);
    }

    fn set_filling(&self, on: bool) {
        if let Some(scroller) = self.scroller() {
            let _ = if on { scroller.set_attribute("data-filling", "") } else { scroller.remove_attribute("data-filling") };
        }
    }

    /// Everything left is written at once, from the root: for printing.
    fn finish_filling(&self) {
        self.fill_pending(false, Some(self.chart.with_value(|c| c.root())), Some(usize::MAX));
    }

    /// Whether a branch's sub-units are in the DOM, and whether it has an
    /// element itself.
    fn fill_state(&self, unit: UnitId) -> (bool, bool) {
        self.filled.with_value(|f| (f.is_filled(unit), self.chart.with_value(|c| f.has_element(c, unit))))
    }

    /// Writes a branch's sub-units into its group, and what `budget` allows
    /// below them (in the eager regime, collapsed branches too, hidden);
    /// without the group in the page, nothing is written or marked as
    /// filled.
    fn fill(&self, unit: UnitId, budget: usize) -> Option<Element> {
        let group = self.unit_element(unit, true)?;
        group.set_inner_html(&self.markup(Some(unit), self.eager, budget));
        Some(group)
    }

    /// A unit about to take focus gets its element: each of its ancestors
    /// not yet filled (a slice still to come) is, top down, its sub-units
    /// only.
    fn ensure_element(&self, unit: UnitId) {
        while let Some(ancestor) = self.chart.with_value(|c| self.filled.with_value(|f| f.missing(c, unit))) {
            if self.fill(ancestor, 0).is_none() {
                return;
            }
        }
    }

    /// `unit`'s branch is left to a later slice.
    fn leave(&self, unit: UnitId) {
        if self.filled.try_update_value(|f| f.leave(unit)) == Some(true) {
            self.slice_due();
        }
    }

    fn unit_element(&self, unit: UnitId, group: bool) -> Option<Element> {
        self.element(&self.prefix.with_value(|p| if group { p.0.group(unit) } else { p.0.focus_target(unit) }))
    }

    /// A branch opened or closed: its sub-units are written when first
    /// shown, then its toggle and group say so. A unit without an element
    /// yet reads its state when its parent is filled.
    fn show_expanded(&self, unit: UnitId, expanded: bool) {
        let (filled, exists) = self.fill_state(unit);
        if !exists {
            return;
        }
        // Once this task's slice is spent, the branch is left to the next.
        let group = if expanded && !filled {
            match self.filled.with_value(|f| f.budget) {
                0 => {
                    self.leave(unit);
                    self.unit_element(unit, true)
                }
                budget => self.fill(unit, budget),
            }
        } else {
            self.unit_element(unit, true)
        };
        if let Some(toggle) = self.unit_element(unit, false) {
            let _ = toggle.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
            // The tree's row shows the state too (its chevron).
            if let Some(row) = toggle.first_element_child().filter(|_| self.mode == Mode::Tree) {
                let _ = row.class_list().toggle_with_force("og-open", expanded);
                let _ = row.class_list().toggle_with_force("og-closed", !expanded);
            }
        }
        if let Some(group) = group {
            let _ = if expanded { group.remove_attribute("hidden") } else { group.set_attribute("hidden", "until-found") };
        }
    }

    /// The tree's one tab stop moves with focus.
    fn move_tab_stop(&self, from: UnitId, to: UnitId) {
        if self.mode == Mode::Tree {
            for (unit, value) in [(from, "-1"), (to, "0")] {
                if let Some(item) = self.unit_element(unit, false) {
                    let _ = item.set_attribute("tabindex", value);
                }
            }
            self.show_details(to);
        }
        self.current.set_value(to);
    }

    /// The tree view's details region follows focus: the unit's name,
    /// kind, description, people and site, between the region's title and
    /// its "Copier le lien". A link shown there goes with the unit it was of.
    fn show_details(&self, unit: UnitId) {
        let Some(title) = self.part(Part::DetailsTitle) else { return };
        while let Some(next) = title.next_element_sibling().filter(|e| !e.class_list().contains("og-copy")) {
            next.remove();
        }
        hide_link_field(&title);
        let body = self.chart.with_value(|chart| details_body(chart, self.texts, unit));
        let _ = title.insert_adjacent_html("afterend", &body);
    }

    /// The details region's link field, shown where a link could not be copied.
    pub fn hide_details_link(&self) {
        if let Some(title) = self.part(Part::DetailsTitle) {
            hide_link_field(&title);
        }
    }

    fn items(&self) -> Items {
        match self.mode {
            Mode::List => Items::Branches,
            Mode::Tree => Items::All,
        }
    }

    /// Runs an action through the core reducer and applies its effects.
    pub fn dispatch(&self, action: Action) {
        self.filled.update_value(|f| f.budget = SLICE);
        let items = self.items();
        let effects = self
            .view
            .try_update_value(|view| self.chart.with_value(|chart| reduce(view, chart, items, action)))
            .unwrap_or_default();
        if let Some(focus) = self.view.with_value(|v| v.focus()) {
            let current = self.current.get_value();
            if current != focus {
                self.move_tab_stop(current, focus);
            }
        }
        for effect in effects {
            self.apply(effect);
        }
    }

    fn apply(&self, effect: Effect) {
        match effect {
            Effect::Expanded { unit, expanded } => self.show_expanded(unit, expanded),
            Effect::Disclosure { open } => self.show_disclosure(open),
            Effect::Focus(target) => {
                let element = match target {
                    FocusTarget::Unit(unit) => {
                        self.ensure_element(unit);
                        self.unit_element(unit, false)
                    }
                    FocusTarget::Disclosure => self.part(Part::Disclosure),
                };
                if let Some(element) = element {
                    crate::dom::focus(&element);
                }
            }
            Effect::Announce(a) => self.announce(self.texts.announcement(a)),
            // Never a change of page: its site is said, and linked in the details region.
            Effect::ActivateLeaf(unit) => self.announce(self.chart.with_value(|c| self.texts.details(&c[unit]))),
        }
    }

    /// The outer disclosure and the region it shows. Closing the chart
    /// hides its toolbar and links too: focus on one of them (the core only
    /// tracks units) goes to the outer button first.
    fn show_disclosure(&self, open: bool) {
        let (Some(button), Some(region)) = (self.part(Part::Disclosure), self.part(Part::Region)) else { return };
        // `:focus-within` rather than the document's active element, which
        // is the shadow host when the chart is in a shadow root.
        if !open && region.matches(":focus-within").unwrap_or(false) {
            crate::dom::focus(&button);
        }
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        let _ = if open { region.remove_attribute("hidden") } else { region.set_attribute("hidden", "until-found") };
    }

    /// The layout switch: the root's class and the switch's buttons follow.
    pub fn set_layout(&self, layout: Layout) {
        self.layout.set_value(layout);
        let chart = layout == Layout::Chart;
        let Some(root) = self.part(Part::Disclosure).and_then(|d| d.parent_element()) else { return };
        let _ = root.class_list().toggle_with_force("og-layout-chart", chart);
        for (control, pressed) in [(Control::LayoutList, !chart), (Control::LayoutChart, chart)] {
            let selector = format!("[data-control={}]", control.name());
            if let Some(button) = root.query_selector(&selector).ok().flatten() {
                let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            }
        }
        self.center_root();
    }

    /// A chart wider than its region starts scrolled to its root's card
    /// (centred over the chart), not to its left edge: the top of the chart
    /// is what a reader looks at first. Only the region scrolls, not the page.
    pub fn center_root(&self) {
        if self.layout.get_value() != Layout::Chart {
            return;
        }
        let root = self.chart.with_value(|c| c.root());
        let (Some(scroller), Some(card)) = (self.scroller(), self.unit_element(root, false)) else { return };
        let (region, card) = (scroller.get_bounding_client_rect(), card.get_bounding_client_rect());
        let centre = card.left() - region.left() + f64::from(scroller.scroll_left()) + card.width() / 2.0;
        scroller.set_scroll_left((centre - f64::from(scroller.client_width()) / 2.0) as i32);
    }

    /// "Plus petit" and "Plus grand": the next text size, said in the status.
    pub fn zoom_step(&self, larger: bool) {
        self.zoom.update_value(|z| *z = zoom::step(*z, larger));
        self.show_zoom();
        self.announce(self.texts.zoomed(self.zoom.get_value()));
    }

    /// "Imprimer l'organigramme": every branch open, the browser's print,
    /// then every branch as it was.
    pub fn print(&self) {
        let closed: Vec<UnitId> = self.chart.with_value(|c| {
            self.view.with_value(|v| c.ids().filter(|&u| c.has_children(u) && !v.is_expanded(u)).collect())
        });
        self.dispatch(Action::ExpandAll);
        self.before_print();
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
        self.after_print();
        for unit in closed {
            self.dispatch(Action::Collapse(unit));
        }
        self.announce(self.texts.printed().to_owned());
    }

    /// Before any print (the button, or the browser's menu): every branch
    /// left to a later slice is written, and a chart layout
    /// wider than a landscape page is scaled to it with CSS `zoom`, which
    /// keeps text as vector text. On screen the size controls change the
    /// font size instead, so that targets keep their 44 px.
    pub fn before_print(&self) {
        self.finish_filling();
        let Some(scroller) = self.scroller().filter(|_| self.layout.get_value() == Layout::Chart) else { return };
        let wide = scroller.scroll_width();
        if wide > PRINT_WIDTH {
            let _ = scroller.style().set_property("zoom", &format!("{}%", PRINT_WIDTH * 100 / wide));
        }
    }

    /// After it: the chart at its screen size.
    pub fn after_print(&self) {
        if let Some(scroller) = self.scroller() {
            let _ = scroller.style().remove_property("zoom");
        }
    }

    fn scroller(&self) -> Option<web_sys::HtmlElement> {
        self.part(Part::Scroller)?.dyn_into().ok()
    }

    /// Sets the size on the region, as `--og-size`, through the CSSOM (a
    /// strict CSP, `style-src` without `'unsafe-inline'`, refuses style
    /// attributes written as markup, not this). The CSS turns it into a
    /// text size and a scale.
    fn show_zoom(&self) {
        if let Some(scroller) = self.scroller() {
            let _ = scroller.style().set_property("--og-size", &self.zoom.get_value().to_string());
        }
    }

    /// "Ajuster à la largeur": the size at which the chart fits its region.
    /// Boxes keep a minimum size (targets stay 44 px), so width does not
    /// scale exactly with text: a few rounds converge. A chart too wide for
    /// the smallest size says that it still scrolls.
    pub fn zoom_to_fit(&self) {
        let mut fits = true;
        if let Some(scroller) = self.scroller() {
            let available = scroller.client_width();
            for round in 0..=6 {
                let (wide, current) = (scroller.scroll_width(), self.zoom.get_value());
                fits = wide <= available;
                let next = zoom::fit(current, wide.max(0) as u32, available.max(0) as u32);
                if fits || next == current || round == 6 {
                    break;
                }
                // Shown at once, so that the next round measures the new size.
                self.zoom.set_value(next);
                self.show_zoom();
            }
        }
        let mut said = self.texts.zoomed(self.zoom.get_value());
        if !fits {
            said.push_str(self.texts.still_wider());
        }
        self.announce(said);
    }

    /// A fragment of the page's URL that names one of this chart's units,
    /// on load or on `hashchange`: the unit is revealed and focused. Only
    /// the chart whose units carry the ids answers, the first of several
    /// with one prefix; anything else in the fragment is ignored.
    pub fn reveal_fragment(&self) {
        if !self.anchors {
            return;
        }
        let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return };
        let id = self.link_prefix.with_value(|prefix| ids::id_in_fragment(&hash, prefix));
        if let Some(unit) = id.and_then(|id| self.chart.with_value(|c| c.find(&id))) {
            self.dispatch(Action::Reveal(unit));
        }
    }

    /// `#` and the unit's link id: the prefix, then the unit's id.
    fn fragment(&self, unit: UnitId) -> String {
        format!("#{}{}", self.link_prefix.get_value(), self.chart.with_value(|c| c[unit].id.clone()))
    }

    /// The unit's link: the page's address with the unit's fragment.
    pub fn link(&self, unit: UnitId) -> String {
        let page = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        format!("{}{}", page.split('#').next().unwrap_or_default(), self.fragment(unit))
    }

    /// Puts the unit's link in the page's URL, in place (no new history
    /// entry, no jump): for a host that asks for it.
    pub fn show_in_url(&self, unit: UnitId) {
        let fragment = self.fragment(unit);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
        }
    }

    /// Finishes the search index, if not yet: when the search field takes
    /// focus, so that the first keystroke does not wait for it.
    pub fn prepare_search(&self) {
        self.index.update_value(|index| {
            if let SearchIndex::Building(builder) = index {
                let builder = std::mem::take(builder);
                *index = SearchIndex::Ready(self.chart.with_value(|chart| builder.finish(chart)));
            }
        });
    }

    /// Builds the search index a slice per task, from the first frame on,
    /// so that the field's first focus finds it ready rather than building
    /// it in one long task. Stops once it is ready or the chart is gone.
    /// Without a field (`data-search="false"`) only the JS API's `search()`
    /// needs it, and builds it then.
    pub fn build_search_index(&self) {
        if !self.searchable {
            return;
        }
        let ctx = *self;
        let done = self.index.try_update_value(|index| match index {
            SearchIndex::Ready(_) => true,
            SearchIndex::Building(builder) => ctx.chart.with_value(|chart| builder.extend(chart, INDEX_SLICE)),
        });
        match done {
            Some(false) => set_timeout(move || ctx.build_search_index(), std::time::Duration::ZERO),
            Some(true) => self.prepare_search(),
            None => {}
        }
    }

    /// The units that match `text`, best first, over the whole chart.
    pub fn search(&self, text: &str) -> (Query, Vec<Found>) {
        self.prepare_search();
        let query = Query::new(text);
        let found = self.chart.with_value(|chart| {
            self.index.with_value(|index| match index {
                SearchIndex::Ready(index) => index.search(chart, &query),
                SearchIndex::Building(_) => Vec::new(),
            })
        });
        (query, found)
    }

    /// Says `text` in the polite status.
    pub fn announce(&self, text: String) {
        let status = self.part(Part::Region).and_then(|r| r.query_selector(":scope > .og-status").ok()?);
        let Some(status) = status else { return };
        // A live region repeats a message only if its text changes.
        let text = if status.text_content().is_some_and(|s| s == text) { format!("{text}\u{a0}") } else { text };
        status.set_text_content(Some(&text));
    }
}
