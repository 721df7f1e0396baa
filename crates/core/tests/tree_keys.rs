//! The tree view's keyboard, key by key, as the WAI-ARIA APG Tree View
//! pattern describes it: every key goes through `keys::tree_action` and then
//! `reduce(.., Items::All, ..)`, as the widget does. Pinned on the DINUM chart
//! and on a generated deep chart, then property tests drive random key and
//! click sequences and check what the widget renders from the view state
//! (roving tabindex, `aria-expanded`, `aria-level/setsize/posinset`).

use organigramme_core::fold::fold;
use organigramme_core::generate::flat_json;
use organigramme_core::keys::{tree_action, Key, Modifiers};
use organigramme_core::markup::{Fill, Ids, Markup, Style};
use organigramme_core::texts::Texts;
use organigramme_core::{
    parse, reduce, Action, Announcement, Chart, Effect, FocusTarget, InitialView, Items, Lang, UnitId, ViewState,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

fn dinum() -> &'static Chart {
    static CHART: OnceLock<Chart> = OnceLock::new();
    CHART.get_or_init(|| {
        let path = format!("{}/../../public/data/dinum-2024.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    })
}

fn node(id: &str, name: &str, children: Vec<Value>) -> Value {
    if children.is_empty() {
        json!({ "id": id, "name": name })
    } else {
        json!({ "id": id, "name": name, "children": children })
    }
}

/// A nested-form chart nine levels deep, with nodes of 1, 2 and 50 children.
///
/// ```text
/// r "Racine" (1)
/// ├── b "Bêta" (2)
/// │   └── b1 "Bureau" (3)
/// └── a "Alpha" (2)
///     ├── s01 "Section 01" (3) ── n4 "Niveau 4" ── n5 ── … ── n9 "Niveau 9" (9)
///     ├── s02 … s49 "Section NN" (3), leaves
///     └── s50 "Section 50" (3)
///         ├── d1 "Delta un" (4) ── e1a "Écho 1a", e1b "Écho 1b" (5)
///         └── d2 "Delta deux" (4) ── e2a "Écho 2a", e2b "Écho 2b" (5)
/// ```
fn deep_json() -> String {
    let chain = (4..=9)
        .rev()
        .fold(None, |below: Option<Value>, level| {
            Some(node(&format!("n{level}"), &format!("Niveau {level}"), below.into_iter().collect()))
        })
        .unwrap();
    let delta = |d: &str, name: &str| {
        node(
            &format!("d{d}"),
            name,
            vec![node(&format!("e{d}a"), &format!("Écho {d}a"), vec![]), node(&format!("e{d}b"), &format!("Écho {d}b"), vec![])],
        )
    };
    let sections: Vec<Value> = (1..=50)
        .map(|i| {
            let children = match i {
                1 => vec![chain.clone()],
                50 => vec![delta("1", "Delta un"), delta("2", "Delta deux")],
                _ => vec![],
            };
            node(&format!("s{i:02}"), &format!("Section {i:02}"), children)
        })
        .collect();
    let root = node(
        "r",
        "Racine",
        vec![node("b", "Bêta", vec![node("b1", "Bureau", vec![])]), node("a", "Alpha", sections)],
    );
    json!({ "title": "Profond", "lang": "fr", "root": root }).to_string()
}

fn deep() -> &'static Chart {
    static CHART: OnceLock<Chart> = OnceLock::new();
    CHART.get_or_init(|| parse(&deep_json()).unwrap_or_else(|e| panic!("deep chart does not load: {e}")))
}

const NONE: Modifiers = Modifiers { ctrl: false, alt: false, meta: false, shift: false };

#[track_caller]
fn u(chart: &Chart, id: &str) -> UnitId {
    chart.find(id).unwrap_or_else(|| panic!("no unit {id:?}"))
}

fn expanded(unit: UnitId, expanded: bool) -> Effect {
    Effect::Expanded { unit, expanded }
}

fn focus(unit: UnitId) -> Effect {
    Effect::Focus(FocusTarget::Unit(unit))
}

/// Every unit whose ancestors are all expanded, in document order: the
/// visible order, computed without the navigator.
fn visible_order(chart: &Chart, view: &ViewState) -> Vec<UnitId> {
    chart.ids().filter(|&x| chart.ancestors(x).all(|a| view.is_expanded(a))).collect()
}

/// The unit with `tabindex="0"`, as the widget decides it.
fn tab_stop(chart: &Chart, view: &ViewState) -> UnitId {
    view.focus().unwrap_or(chart.root())
}

/// A tree view with the outer disclosure open, and a clock for type-ahead.
struct Tree {
    chart: &'static Chart,
    view: ViewState,
    now: u64,
}

impl Tree {
    fn new(chart: &'static Chart) -> Self {
        Tree { chart, view: ViewState::new(chart, InitialView { depth: 2, open: true }), now: 0 }
    }

    #[track_caller]
    fn u(&self, id: &str) -> UnitId {
        u(self.chart, id)
    }

    fn f(&self, id: &str) -> Effect {
        focus(self.u(id))
    }

    fn x(&self, id: &str, open: bool) -> Effect {
        expanded(self.u(id), open)
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        reduce(&mut self.view, self.chart, Items::All, action)
    }

    /// Focus arrives on a visible unit (a click, or Tab onto it).
    #[track_caller]
    fn focus_on(&mut self, id: &str) -> &mut Self {
        let unit = self.u(id);
        assert!(self.view.is_visible(self.chart, unit), "{id} is hidden");
        assert_eq!(self.act(Action::Focused(unit)), [], "Focused({id})");
        assert_eq!(self.at(), id);
        self
    }

    #[track_caller]
    fn open(&mut self, ids: &[&str]) -> &mut Self {
        for id in ids {
            let unit = self.u(id);
            self.act(Action::Expand(unit));
            assert!(self.view.is_expanded(unit), "{id} does not open");
        }
        self
    }

    fn expand_all(&mut self) -> &mut Self {
        self.act(Action::ExpandAll);
        self
    }

    /// A key pressed a second after the previous one.
    #[track_caller]
    fn press(&mut self, key: Key) -> Vec<Effect> {
        self.now += 1000;
        self.press_at(key, self.now)
    }

    #[track_caller]
    fn press_at(&mut self, key: Key, at_ms: u64) -> Vec<Effect> {
        self.now = at_ms;
        let action = tree_action(key, NONE, at_ms).unwrap_or_else(|| panic!("{key:?} is not a tree key"));
        self.act(action)
    }

    /// The focused unit's id ("" if none).
    fn at(&self) -> &str {
        match self.view.focus() {
            Some(f) if self.view.has_focus() => &self.chart[f].id,
            _ => "",
        }
    }

    fn expanded_state(&self) -> Vec<bool> {
        self.chart.ids().map(|x| self.view.is_expanded(x)).collect()
    }

    fn visible_ids(&self) -> Vec<&str> {
        visible_order(self.chart, &self.view).into_iter().map(|x| self.chart[x].id.as_str()).collect()
    }
}

/// Presses `key` on each `(from, to)` pair in a fresh copy of `tree`: focus
/// moves to `to` (or stays, with no effect, when `to` is `None`), and
/// nothing opens or closes.
#[track_caller]
fn moves(tree: &Tree, key: Key, cases: &[(&str, Option<&str>)]) {
    for &(from, to) in cases {
        let mut t = Tree { chart: tree.chart, view: tree.view.clone(), now: tree.now };
        t.focus_on(from);
        let before = t.expanded_state();
        let effects = t.press(key);
        match to {
            Some(to) => {
                assert_eq!(effects, [t.f(to)], "{key:?} from {from}");
                assert_eq!(t.at(), to, "{key:?} from {from}");
            }
            None => {
                assert_eq!(effects, [], "{key:?} from {from}");
                assert_eq!(t.at(), from, "{key:?} from {from}");
            }
        }
        assert_eq!(t.expanded_state(), before, "{key:?} from {from} opened or closed something");
    }
}

// ---------------------------------------------------------------------------
// The fixtures themselves
// ---------------------------------------------------------------------------

#[test]
fn deep_chart_has_nine_levels_and_fanouts_of_1_2_and_50() {
    let c = deep();
    assert_eq!(c.len(), 1 + 2 + 50 + 6 + 2 + 4 + 1);
    assert_eq!(c.ids().map(|x| c.level(x)).max(), Some(9));
    assert_eq!(c.level(u(c, "n9")), 9);
    assert_eq!(c.child_count(u(c, "a")), 50);
    assert_eq!(c.child_count(u(c, "r")), 2);
    assert_eq!(c.child_count(u(c, "d1")), 2);
    assert_eq!(c.child_count(u(c, "n5")), 1);
    assert_eq!(c.child_count(u(c, "b")), 1);
    let tree = Tree::new(c);
    assert_eq!(tree.visible_ids(), ["r", "b", "a"]);
}

#[test]
fn dinum_starts_with_the_root_and_its_ten_departments_visible() {
    let tree = Tree::new(dinum());
    assert_eq!(
        tree.visible_ids(),
        ["dinum", "missions-transversales", "cabinet", "secretariat", "cyber", "ace", "isn", "etalab", "iso", "opi", "rhn"]
    );
    assert_eq!(tab_stop(tree.chart, &tree.view), dinum().root());
}

// ---------------------------------------------------------------------------
// Down and Up
// ---------------------------------------------------------------------------

#[test]
fn down_moves_to_the_next_visible_item_on_dinum_without_wrapping() {
    let mut tree = Tree::new(dinum());
    moves(
        &tree,
        Key::ArrowDown,
        &[
            ("dinum", Some("missions-transversales")),
            // A closed parent: its children are skipped.
            ("missions-transversales", Some("cabinet")),
            ("cabinet", Some("secretariat")),
            ("etalab", Some("iso")),
            // The last item: no wrap, no effect.
            ("rhn", None),
        ],
    );
    tree.open(&["missions-transversales", "rhn"]);
    moves(
        &tree,
        Key::ArrowDown,
        &[
            ("missions-transversales", Some("budget-achats")),
            ("communication", Some("europe-international")),
            // The next visible item is the parent's sibling.
            ("juridique", Some("cabinet")),
            ("rhn", Some("rhn-attractivite")),
            ("rhn-campus", None),
        ],
    );
}

#[test]
fn down_moves_to_the_next_visible_item_on_the_deep_chart() {
    let mut tree = Tree::new(deep());
    moves(&tree, Key::ArrowDown, &[("r", Some("b")), ("b", Some("a")), ("a", None)]);
    tree.open(&["a"]);
    moves(
        &tree,
        Key::ArrowDown,
        &[
            ("a", Some("s01")),
            ("s01", Some("s02")),
            ("s25", Some("s26")),
            // The 50-sibling boundary: from the 49th to the 50th, and the
            // 50th (closed) is the last item.
            ("s49", Some("s50")),
            ("s50", None),
        ],
    );
    tree.open(&["b"]);
    // The next visible item is the parent's sibling.
    moves(&tree, Key::ArrowDown, &[("b", Some("b1")), ("b1", Some("a"))]);
    tree.expand_all();
    moves(
        &tree,
        Key::ArrowDown,
        &[
            ("s01", Some("n4")),
            ("n8", Some("n9")),
            // Level 9 back up to level 3: the next item is an ancestor's sibling.
            ("n9", Some("s02")),
            ("s49", Some("s50")),
            ("s50", Some("d1")),
            ("e1b", Some("d2")),
            // The deepest last item.
            ("e2b", None),
        ],
    );
}

#[test]
fn up_moves_to_the_previous_visible_item_on_dinum_without_wrapping() {
    let mut tree = Tree::new(dinum());
    moves(
        &tree,
        Key::ArrowUp,
        &[
            ("dinum", None),
            ("missions-transversales", Some("dinum")),
            // The previous sibling is closed: it, not its last child.
            ("cabinet", Some("missions-transversales")),
            ("rhn", Some("opi")),
        ],
    );
    tree.open(&["missions-transversales", "rhn"]);
    moves(
        &tree,
        Key::ArrowUp,
        &[
            ("cabinet", Some("juridique")),
            ("budget-achats", Some("missions-transversales")),
            ("rhn-attractivite", Some("rhn")),
            ("rhn-campus", Some("rhn-mobilite")),
            ("dinum", None),
        ],
    );
}

#[test]
fn up_moves_to_the_previous_visible_item_on_the_deep_chart() {
    let mut tree = Tree::new(deep());
    moves(&tree, Key::ArrowUp, &[("r", None), ("b", Some("r")), ("a", Some("b"))]);
    tree.open(&["a"]);
    moves(
        &tree,
        Key::ArrowUp,
        &[("s01", Some("a")), ("s02", Some("s01")), ("s50", Some("s49")), ("a", Some("b"))],
    );
    tree.expand_all();
    moves(
        &tree,
        Key::ArrowUp,
        &[
            // The previous sibling's deepest last visible descendant: level 9.
            ("s02", Some("n9")),
            ("a", Some("b1")),
            ("d2", Some("e1b")),
            ("d1", Some("s50")),
            ("n9", Some("n8")),
            ("n4", Some("s01")),
            ("b1", Some("b")),
        ],
    );
}

#[test]
fn down_and_up_walk_the_whole_expanded_deep_chart_in_document_order() {
    let mut tree = Tree::new(deep());
    tree.expand_all().focus_on("r");
    let all: Vec<&str> = deep().ids().map(|x| deep()[x].id.as_str()).collect();
    let mut walked = vec![tree.at().to_owned()];
    // Bounded, so that a wrap-around fails instead of looping.
    while let ([Effect::Focus(FocusTarget::Unit(_))], true) = (&tree.press(Key::ArrowDown)[..], walked.len() <= all.len()) {
        walked.push(tree.at().to_owned());
    }
    assert_eq!(walked, all);
    let mut back = vec![tree.at().to_owned()];
    while let ([Effect::Focus(FocusTarget::Unit(_))], true) = (&tree.press(Key::ArrowUp)[..], back.len() <= all.len()) {
        back.push(tree.at().to_owned());
    }
    back.reverse();
    assert_eq!(back, all);
}

// ---------------------------------------------------------------------------
// Right
// ---------------------------------------------------------------------------

#[test]
fn right_opens_a_closed_parent_and_keeps_focus_on_it() {
    let mut tree = Tree::new(dinum());
    tree.focus_on("ace");
    assert_eq!(tree.press(Key::ArrowRight), [tree.x("ace", true)]);
    assert_eq!(tree.at(), "ace");
    assert!(tree.view.item(tree.chart, tree.u("ace-brigade")).visible);

    let mut tree = Tree::new(deep());
    tree.focus_on("a");
    assert_eq!(tree.press(Key::ArrowRight), [tree.x("a", true)]);
    assert_eq!(tree.at(), "a");
    tree.focus_on("s50");
    assert_eq!(tree.press(Key::ArrowRight), [tree.x("s50", true)]);
    assert_eq!(tree.at(), "s50");
}

#[test]
fn right_on_an_open_parent_moves_to_its_first_child() {
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    assert_eq!(tree.press(Key::ArrowRight), [tree.f("missions-transversales")]);
    tree.open(&["rhn"]).focus_on("rhn");
    assert_eq!(tree.press(Key::ArrowRight), [tree.f("rhn-attractivite")]);
    assert!(tree.view.is_expanded(tree.u("rhn")));

    let mut tree = Tree::new(deep());
    tree.expand_all().focus_on("a");
    assert_eq!(tree.press(Key::ArrowRight), [tree.f("s01")]);
    tree.focus_on("s50");
    assert_eq!(tree.press(Key::ArrowRight), [tree.f("d1")]);
}

#[test]
fn right_on_a_leaf_does_nothing() {
    let mut tree = Tree::new(dinum());
    for leaf in ["cabinet", "secretariat"] {
        tree.focus_on(leaf);
        let before = tree.view.clone();
        assert_eq!(tree.press(Key::ArrowRight), [], "{leaf}");
        assert_eq!(tree.view, before, "{leaf}");
    }
    let mut tree = Tree::new(deep());
    tree.expand_all();
    for leaf in ["n9", "s02", "s49", "e2b", "b1"] {
        tree.focus_on(leaf);
        assert_eq!(tree.press(Key::ArrowRight), [], "{leaf}");
        assert_eq!(tree.at(), leaf);
    }
}

#[test]
fn right_on_a_closed_root_opens_it() {
    let mut tree = Tree::new(deep());
    let root = tree.u("r");
    tree.act(Action::Collapse(root));
    tree.focus_on("r");
    assert_eq!(tree.press(Key::ArrowRight), [expanded(root, true)]);
    assert_eq!(tree.at(), "r");
}

#[test]
fn right_twice_per_level_walks_down_the_single_child_chain_to_level_nine() {
    let mut tree = Tree::new(deep());
    tree.open(&["a"]).focus_on("s01");
    for (parent, child) in [("s01", "n4"), ("n4", "n5"), ("n5", "n6"), ("n6", "n7"), ("n7", "n8"), ("n8", "n9")] {
        assert_eq!(tree.press(Key::ArrowRight), [tree.x(parent, true)], "opening {parent}");
        assert_eq!(tree.press(Key::ArrowRight), [tree.f(child)], "entering {parent}");
    }
    assert_eq!(tree.press(Key::ArrowRight), []);
    assert_eq!(tree.at(), "n9");
    assert_eq!(tree.view.item(tree.chart, tree.u("n9")).level, 9);
}

// ---------------------------------------------------------------------------
// Left
// ---------------------------------------------------------------------------

#[test]
fn left_closes_an_open_parent_and_keeps_focus_on_it() {
    let mut tree = Tree::new(dinum());
    tree.open(&["iso"]).focus_on("iso");
    assert_eq!(tree.press(Key::ArrowLeft), [tree.x("iso", false)]);
    assert_eq!(tree.at(), "iso");
    assert!(!tree.view.item(tree.chart, tree.u("iso-production")).visible);
    // The root too.
    tree.focus_on("dinum");
    assert_eq!(tree.press(Key::ArrowLeft), [tree.x("dinum", false)]);
    assert_eq!(tree.visible_ids(), ["dinum"]);

    let mut tree = Tree::new(deep());
    tree.expand_all().focus_on("a");
    assert_eq!(tree.press(Key::ArrowLeft), [tree.x("a", false)]);
    assert_eq!(tree.at(), "a");
    assert_eq!(tree.visible_ids(), ["r", "b", "b1", "a"]);
}

#[test]
fn left_on_a_child_moves_to_its_parent() {
    let mut tree = Tree::new(dinum());
    tree.open(&["ace", "opi"]);
    for (child, parent) in [
        ("ace-brigade", "ace"),
        ("ace-proactivite", "ace"),
        ("opi-incubateur", "opi"),
        // A closed parent and a leaf at level 2.
        ("isn", "dinum"),
        ("cabinet", "dinum"),
    ] {
        tree.focus_on(child);
        let before = tree.expanded_state();
        assert_eq!(tree.press(Key::ArrowLeft), [tree.f(parent)], "{child}");
        assert_eq!(tree.expanded_state(), before, "{child}");
    }

    let mut tree = Tree::new(deep());
    tree.expand_all();
    for (child, parent) in [("n9", "n8"), ("s49", "a"), ("e2b", "d2"), ("b1", "b")] {
        tree.focus_on(child);
        assert_eq!(tree.press(Key::ArrowLeft), [tree.f(parent)], "{child}");
    }
}

#[test]
fn left_on_a_closed_root_does_nothing() {
    for chart in [dinum(), deep()] {
        let mut tree = Tree::new(chart);
        tree.act(Action::Collapse(chart.root()));
        tree.focus_on(&chart[chart.root()].id);
        let before = tree.view.clone();
        assert_eq!(tree.press(Key::ArrowLeft), []);
        assert_eq!(tree.view, before);
    }
}

#[test]
fn left_repeatedly_climbs_from_level_nine_closing_each_ancestor_on_the_way() {
    let mut tree = Tree::new(deep());
    tree.expand_all().focus_on("n9");
    let n9 = tree.u("n9");
    for parent in deep().ancestors(n9) {
        assert_eq!(tree.press(Key::ArrowLeft), [focus(parent)], "to {}", deep()[parent].id);
        assert_eq!(tree.press(Key::ArrowLeft), [expanded(parent, false)], "closing {}", deep()[parent].id);
    }
    assert_eq!(tree.at(), "r");
    assert_eq!(tree.press(Key::ArrowLeft), []);
    assert_eq!(tree.view.expanded_count(), 4, "b, s50, d1 and d2 stay open");
}

// ---------------------------------------------------------------------------
// Home and End
// ---------------------------------------------------------------------------

#[test]
fn home_and_end_move_to_the_first_and_last_visible_items_on_dinum() {
    let mut tree = Tree::new(dinum());
    for from in ["dinum", "cabinet", "ace", "rhn"] {
        tree.focus_on(from);
        assert_eq!(tree.press(Key::End), [tree.f("rhn")], "End from {from}");
        tree.focus_on(from);
        assert_eq!(tree.press(Key::Home), [tree.f("dinum")], "Home from {from}");
    }
    tree.open(&["rhn", "ace"]).focus_on("ace-brigade");
    let before = tree.expanded_state();
    assert_eq!(tree.press(Key::End), [tree.f("rhn-campus")]);
    assert_eq!(tree.press(Key::Home), [tree.f("dinum")]);
    assert_eq!(tree.expanded_state(), before);
}

#[test]
fn end_goes_to_the_deepest_last_visible_descendant_on_the_deep_chart() {
    let mut tree = Tree::new(deep());
    tree.focus_on("r");
    assert_eq!(tree.press(Key::End), [tree.f("a")]);
    assert_eq!(tree.press(Key::Home), [tree.f("r")]);
    tree.expand_all().focus_on("s25");
    assert_eq!(tree.press(Key::End), [tree.f("e2b")]);
    assert_eq!(tree.press(Key::Home), [tree.f("r")]);
    tree.act(Action::Collapse(tree.u("d2")));
    tree.focus_on("n9");
    assert_eq!(tree.press(Key::End), [tree.f("d2")]);
    tree.act(Action::Collapse(tree.u("s50")));
    tree.focus_on("b1");
    assert_eq!(tree.press(Key::End), [tree.f("s50")]);
    // Only the path to the deepest last item open.
    let mut tree = Tree::new(deep());
    tree.open(&["a", "s50", "d2"]).focus_on("b");
    assert_eq!(tree.press(Key::End), [tree.f("e2b")]);
    // Home from the last item.
    assert_eq!(tree.press(Key::Home), [tree.f("r")]);
}

#[test]
fn home_and_end_before_any_focus_go_to_the_first_and_last_items() {
    let mut tree = Tree::new(dinum());
    assert_eq!(tree.press(Key::End), [tree.f("rhn")]);
    let mut tree = Tree::new(deep());
    assert_eq!(tree.press(Key::Home), [tree.f("r")]);
}

// ---------------------------------------------------------------------------
// Enter and Space
// ---------------------------------------------------------------------------

#[test]
fn enter_and_space_toggle_a_parent_and_keep_focus_on_it() {
    for key in [Key::Enter, Key::Space] {
        let mut tree = Tree::new(dinum());
        tree.focus_on("cyber");
        assert_eq!(tree.press(key), [tree.x("cyber", true)], "{key:?}");
        assert_eq!(tree.at(), "cyber");
        assert_eq!(tree.press(key), [tree.x("cyber", false)], "{key:?}");
        assert_eq!(tree.at(), "cyber");
        tree.focus_on("dinum");
        assert_eq!(tree.press(key), [tree.x("dinum", false)], "{key:?} on the root");
        assert_eq!(tree.press(key), [tree.x("dinum", true)], "{key:?} on the root");

        let mut tree = Tree::new(deep());
        tree.open(&["a"]).focus_on("s50");
        assert_eq!(tree.press(key), [tree.x("s50", true)], "{key:?}");
        assert_eq!(tree.at(), "s50");
        tree.focus_on("a");
        assert_eq!(tree.press(key), [tree.x("a", false)], "{key:?}");
        assert_eq!(tree.visible_ids(), ["r", "b", "a"]);
    }
}

#[test]
fn enter_and_space_activate_a_leaf_and_nothing_else() {
    for key in [Key::Enter, Key::Space] {
        let mut tree = Tree::new(dinum());
        tree.open(&["etalab"]);
        for leaf in ["cabinet", "etalab-datalab"] {
            tree.focus_on(leaf);
            let before = tree.view.clone();
            assert_eq!(tree.press(key), [Effect::ActivateLeaf(tree.u(leaf))], "{key:?} on {leaf}");
            assert_eq!(tree.view, before, "{key:?} on {leaf}");
        }
        let mut tree = Tree::new(deep());
        tree.expand_all();
        for leaf in ["n9", "s49", "e1a", "b1"] {
            tree.focus_on(leaf);
            assert_eq!(tree.press(key), [Effect::ActivateLeaf(tree.u(leaf))], "{key:?} on {leaf}");
            assert_eq!(tree.at(), leaf);
        }
    }
}

// ---------------------------------------------------------------------------
// `*`
// ---------------------------------------------------------------------------

#[test]
fn star_expands_every_sibling_with_children_and_keeps_focus() {
    let mut tree = Tree::new(dinum());
    tree.open(&["cyber"]).focus_on("ace");
    let expected: Vec<Effect> = ["missions-transversales", "ace", "isn", "etalab", "iso", "opi", "rhn"]
        .into_iter()
        .map(|b| tree.x(b, true))
        .collect();
    assert_eq!(tree.press(Key::Char('*')), expected);
    assert_eq!(tree.at(), "ace");
    assert_eq!(tree.view.expanded_count(), 9);
    // Again: nothing left to open.
    assert_eq!(tree.press(Key::Char('*')), []);
    // From a leaf, with its own siblings leaves: nothing to open.
    tree.focus_on("ace-brigade");
    assert_eq!(tree.press(Key::Char('*')), []);
    assert_eq!(tree.at(), "ace-brigade");
}

#[test]
fn star_on_a_leaf_among_fifty_siblings_opens_only_the_two_parents() {
    let mut tree = Tree::new(deep());
    tree.open(&["a"]).focus_on("s02");
    assert_eq!(tree.press(Key::Char('*')), [tree.x("s01", true), tree.x("s50", true)]);
    assert_eq!(tree.at(), "s02");
    // Only the siblings: nothing below them.
    assert!(!tree.view.is_expanded(tree.u("n4")));
    assert!(!tree.view.is_expanded(tree.u("d1")));
    tree.act(Action::Collapse(tree.u("s50")));
    tree.focus_on("s50");
    assert_eq!(tree.press(Key::Char('*')), [tree.x("s50", true)]);
    assert_eq!(tree.at(), "s50");
    tree.focus_on("d2");
    assert_eq!(tree.press(Key::Char('*')), [tree.x("d1", true), tree.x("d2", true)]);
    assert_eq!(tree.at(), "d2");
}

#[test]
fn star_on_a_closed_root_opens_it() {
    let mut tree = Tree::new(dinum());
    let root = tree.u("dinum");
    tree.act(Action::Collapse(root));
    tree.focus_on("dinum");
    assert_eq!(tree.press(Key::Char('*')), [expanded(root, true)]);
    assert_eq!(tree.at(), "dinum");
}

// ---------------------------------------------------------------------------
// Type-ahead
// ---------------------------------------------------------------------------

#[test]
fn typing_e_then_t_quickly_finds_etalab() {
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    assert_eq!(tree.press_at(Key::Char('e'), 10_000), [tree.f("etalab")]);
    assert_eq!(tree.press_at(Key::Char('t'), 10_200), [tree.f("etalab")]);
    assert_eq!(tree.at(), "etalab");
    // Refining across two items: "c" then "ce" goes from Cabinet to Cellule Cyber.
    tree.focus_on("dinum");
    assert_eq!(tree.press_at(Key::Char('c'), 20_000), [tree.f("cabinet")]);
    assert_eq!(tree.press_at(Key::Char('e'), 20_300), [tree.f("cyber")]);
    assert_eq!(tree.press_at(Key::Char('l'), 20_700), [tree.f("cyber")]);
}

#[test]
fn type_ahead_ignores_case_and_accents() {
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    assert_eq!(tree.press(Key::Char('É')), [tree.f("etalab")]);
    tree.focus_on("dinum");
    assert_eq!(tree.press(Key::Char('E')), [tree.f("etalab")]);
    // "Secrétariat" typed with and without its accent.
    tree.focus_on("dinum");
    for (i, c) in "SECRE".chars().enumerate() {
        tree.press_at(Key::Char(c), 30_000 + i as u64 * 100);
    }
    assert_eq!(tree.at(), "secretariat");
    assert_eq!(tree.press_at(Key::Char('t'), 30_500), [tree.f("secretariat")]);
    tree.focus_on("dinum");
    for (i, c) in "secrét".chars().enumerate() {
        tree.press_at(Key::Char(c), 40_000 + i as u64 * 100);
    }
    assert_eq!(tree.at(), "secretariat");

    let mut tree = Tree::new(deep());
    tree.expand_all().focus_on("r");
    assert_eq!(tree.press(Key::Char('e')), [tree.f("e1a")]);
    tree.focus_on("r");
    assert_eq!(tree.press_at(Key::Char('B'), 50_000), [tree.f("b")]);
    assert_eq!(tree.press_at(Key::Char('E'), 50_100), [tree.f("b")], "\"be\" is Bêta");
    tree.focus_on("r");
    assert_eq!(tree.press_at(Key::Char('b'), 60_000), [tree.f("b")]);
    assert_eq!(tree.press_at(Key::Char('ê'), 60_100), [tree.f("b")], "\"bê\" is Bêta");
    assert_eq!(tree.press_at(Key::Char('t'), 60_200), [tree.f("b")]);
    tree.focus_on("r");
    assert_eq!(tree.press_at(Key::Char('b'), 70_000), [tree.f("b")]);
    assert_eq!(tree.press_at(Key::Char('u'), 70_100), [tree.f("b1")], "\"bu\" is Bureau");
}

#[test]
fn a_repeated_character_cycles_through_the_matches_and_wraps() {
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    // Incubateur, Infrastructures, then round again.
    assert_eq!(tree.press_at(Key::Char('i'), 1_000), [tree.f("isn")]);
    assert_eq!(tree.press_at(Key::Char('i'), 1_100), [tree.f("iso")]);
    assert_eq!(tree.press_at(Key::Char('i'), 1_200), [tree.f("isn")]);
    // Slowly: each press a new search, still from the focused item.
    assert_eq!(tree.press_at(Key::Char('i'), 2_000), [tree.f("iso")]);
    // Wraps past the end: from RH back to the root.
    tree.focus_on("rhn");
    assert_eq!(tree.press(Key::Char('d')), [tree.f("dinum")]);
    tree.focus_on("opi");
    assert_eq!(tree.press(Key::Char('m')), [tree.f("missions-transversales")]);

    let mut tree = Tree::new(deep());
    tree.open(&["a"]).focus_on("a");
    let mut at = 100_000;
    for i in 1..=50 {
        at += 100;
        assert_eq!(tree.press_at(Key::Char('s'), at), [tree.f(&format!("s{i:02}"))], "press {i}");
    }
    // The 51st press wraps to the first section.
    assert_eq!(tree.press_at(Key::Char('s'), at + 100), [tree.f("s01")]);
    // Slowly too, from the 49th sibling.
    tree.focus_on("s49");
    assert_eq!(tree.press(Key::Char('S')), [tree.f("s50")]);
    assert_eq!(tree.press(Key::Char('S')), [tree.f("s01")]);
}

#[test]
fn type_ahead_buffer_resets_after_more_than_500_ms_of_silence() {
    // 500 ms is still the same word: "ce" finds Cellule Cyber.
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    assert_eq!(tree.press_at(Key::Char('c'), 1_000), [tree.f("cabinet")]);
    assert_eq!(tree.press_at(Key::Char('e'), 1_500), [tree.f("cyber")]);
    // 501 ms starts again: "e" finds Etalab.
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    assert_eq!(tree.press_at(Key::Char('c'), 1_000), [tree.f("cabinet")]);
    assert_eq!(tree.press_at(Key::Char('e'), 1_501), [tree.f("etalab")]);
    // Each gap is measured from the previous key, not the first.
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    for (c, at) in [('c', 0), ('e', 400), ('l', 800), ('l', 1_200), ('u', 1_600)] {
        tree.press_at(Key::Char(c), at);
    }
    assert_eq!(tree.at(), "cyber");
    // A repeated letter after a pause cycles the same way.
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    assert_eq!(tree.press_at(Key::Char('c'), 0), [tree.f("cabinet")]);
    assert_eq!(tree.press_at(Key::Char('c'), 900), [tree.f("cyber")]);
    assert_eq!(tree.press_at(Key::Char('c'), 950), [tree.f("cabinet")]);
}

#[test]
fn command_keys_are_left_to_the_browser() {
    for mods in [
        Modifiers { ctrl: true, ..NONE },
        Modifiers { alt: true, ..NONE },
        Modifiers { meta: true, ..NONE },
        Modifiers { ctrl: true, shift: true, ..NONE },
    ] {
        for key in [
            Key::Char('e'),
            Key::Char('É'),
            Key::Char('*'),
            Key::ArrowDown,
            Key::ArrowUp,
            Key::ArrowLeft,
            Key::ArrowRight,
            Key::Home,
            Key::End,
            Key::Enter,
            Key::Space,
        ] {
            assert_eq!(tree_action(key, mods, 0), None, "{key:?} with {mods:?}");
        }
    }
    // Shift alone still types a capital.
    assert_eq!(
        tree_action(Key::Char('E'), Modifiers { shift: true, ..NONE }, 3),
        Some(Action::TypeAhead { c: 'E', at_ms: 3 })
    );
}

#[test]
fn type_ahead_never_matches_items_in_closed_branches() {
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    // Budget et achats, Brigade, Juridique, Production: all hidden.
    for c in ['b', 'j', 'p'] {
        let before = tree.view.clone();
        assert_eq!(tree.press(Key::Char(c)), [], "{c}");
        assert_eq!(tree.view.focus(), before.focus(), "{c}");
    }
    tree.open(&["missions-transversales"]);
    assert_eq!(tree.press(Key::Char('b')), [tree.f("budget-achats")]);
    assert_eq!(tree.press(Key::Char('j')), [tree.f("juridique")]);

    let mut tree = Tree::new(deep());
    tree.open(&["a"]).focus_on("s02");
    // Niveau 4…9 lie under the closed s01; Delta and Écho under s50; Bureau under b.
    for c in ['n', 'd', 'é', 'u'] {
        assert_eq!(tree.press(Key::Char(c)), [], "{c}");
        assert_eq!(tree.at(), "s02", "{c}");
    }
    tree.open(&["s01"]);
    assert_eq!(tree.press(Key::Char('n')), [tree.f("n4")], "only n4 is shown of the chain");
    assert_eq!(tree.press(Key::Char('n')), [tree.f("n4")]);
}

#[test]
fn type_ahead_without_a_match_leaves_focus_where_it_is() {
    for chart in [dinum(), deep()] {
        let mut tree = Tree::new(chart);
        let last = chart.ids().last().unwrap();
        tree.expand_all().focus_on(&chart[last].id);
        let before = tree.view.clone();
        for c in ['z', 'q', '#', '9'] {
            assert_eq!(tree.press(Key::Char(c)), [], "{c}");
            assert_eq!(tree.view.focus(), before.focus());
        }
    }
    // A longer word that stops matching leaves focus on the last match.
    let mut tree = Tree::new(dinum());
    tree.focus_on("dinum");
    assert_eq!(tree.press_at(Key::Char('e'), 0), [tree.f("etalab")]);
    assert_eq!(tree.press_at(Key::Char('x'), 100), []);
    assert_eq!(tree.at(), "etalab");
}

// ---------------------------------------------------------------------------
// Closing the branch that holds focus
// ---------------------------------------------------------------------------

#[test]
fn collapsing_an_ancestor_of_the_focused_item_moves_focus_to_it() {
    let mut tree = Tree::new(dinum());
    tree.open(&["ace"]).focus_on("ace-territoires");
    assert_eq!(tree.act(Action::Collapse(tree.u("ace"))), [tree.x("ace", false), tree.f("ace")]);
    assert_eq!(tree.at(), "ace");
    assert_eq!(tab_stop(tree.chart, &tree.view), tree.u("ace"));

    let mut tree = Tree::new(deep());
    tree.expand_all().focus_on("n9");
    assert_eq!(tree.act(Action::Collapse(tree.u("s01"))), [tree.x("s01", false), tree.f("s01")]);
    tree.expand_all().focus_on("n9");
    assert_eq!(tree.act(Action::Collapse(tree.u("a"))), [tree.x("a", false), tree.f("a")]);
    tree.expand_all().focus_on("e2b");
    assert_eq!(tree.act(Action::Collapse(tree.u("r"))), [tree.x("r", false), tree.f("r")]);
    tree.expand_all().focus_on("b1");
    assert_eq!(tree.act(Action::Collapse(tree.u("b"))), [tree.x("b", false), tree.f("b")]);
    // Closing a branch beside focus does not move it.
    tree.expand_all().focus_on("e2b");
    assert_eq!(tree.act(Action::Collapse(tree.u("d1"))), [tree.x("d1", false)]);
    assert_eq!(tree.at(), "e2b");
}

#[test]
fn collapse_all_moves_a_deep_focus_to_its_branch_under_the_root() {
    let mut tree = Tree::new(deep());
    tree.expand_all().focus_on("n9");
    let mut expected: Vec<Effect> =
        ["b", "a", "s01", "n4", "n5", "n6", "n7", "n8", "s50", "d1", "d2"].iter().map(|b| tree.x(b, false)).collect();
    expected.push(Effect::Announce(Announcement::CollapsedAll));
    expected.push(tree.f("a"));
    assert_eq!(tree.act(Action::CollapseAll), expected);
    assert_eq!(tree.at(), "a");

    let mut tree = Tree::new(dinum());
    tree.open(&["opi"]).focus_on("opi-api");
    assert_eq!(
        tree.act(Action::CollapseAll),
        [tree.x("opi", false), Effect::Announce(Announcement::CollapsedAll), tree.f("opi")]
    );
    assert_eq!(tree.at(), "opi");
}

#[test]
fn the_tab_stop_stays_visible_when_its_branch_closes_while_focus_is_elsewhere() {
    let mut tree = Tree::new(dinum());
    tree.open(&["ace"]).focus_on("ace-territoires");
    // Tab to the toolbar, then its "Collapse all" button.
    tree.act(Action::FocusElsewhere);
    tree.act(Action::CollapseAll);
    let stop = tab_stop(tree.chart, &tree.view);
    assert!(tree.view.is_visible(tree.chart, stop), "tab stop {} is hidden", tree.chart[stop].id);
}

// ---------------------------------------------------------------------------
// What the widget renders
// ---------------------------------------------------------------------------

#[test]
fn aria_level_setsize_and_posinset_follow_the_structure() {
    let c = deep();
    let view = ViewState::new(c, InitialView { depth: 99, open: true });
    for (id, level, pos, size) in [
        ("r", 1, 1, 1),
        ("b", 2, 1, 2),
        ("a", 2, 2, 2),
        ("s01", 3, 1, 50),
        ("s25", 3, 25, 50),
        ("s50", 3, 50, 50),
        ("n4", 4, 1, 1),
        ("n9", 9, 1, 1),
        ("d2", 4, 2, 2),
        ("e2b", 5, 2, 2),
        ("b1", 3, 1, 1),
    ] {
        let item = view.item(c, u(c, id));
        assert_eq!((item.level, item.pos_in_set, item.set_size), (level, pos, size), "{id}");
        assert!(item.visible, "{id}");
    }
    assert_eq!(view.item(c, u(c, "n8")).expanded, Some(true));
    assert_eq!(view.item(c, u(c, "n9")).expanded, None);
}

#[test]
fn the_tab_stop_follows_focus_and_starts_on_the_root() {
    let mut tree = Tree::new(deep());
    assert_eq!(tab_stop(tree.chart, &tree.view), tree.u("r"));
    tree.focus_on("r");
    tree.press(Key::ArrowRight);
    tree.press(Key::ArrowRight);
    tree.press(Key::ArrowRight);
    assert_eq!(tab_stop(tree.chart, &tree.view), tree.u("b1"));
    assert!(tree.view.item(tree.chart, tree.u("b1")).focused);
    tree.act(Action::FocusElsewhere);
    // Remembered when focus leaves, so Tab comes back to it.
    assert_eq!(tab_stop(tree.chart, &tree.view), tree.u("b1"));
    assert!(!tree.view.item(tree.chart, tree.u("b1")).focused);
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Source {
    Dinum,
    Deep,
    Flat { units: usize, fanout: usize },
}

impl Source {
    fn chart(&self) -> Chart {
        match *self {
            Source::Dinum => dinum().clone(),
            Source::Deep => deep().clone(),
            Source::Flat { units, fanout } => parse(&flat_json(units, fanout))
                .unwrap_or_else(|e| panic!("flat_json({units}, {fanout}) does not load: {e}")),
        }
    }
}

fn sources() -> impl Strategy<Value = Source> {
    prop_oneof![
        1 => Just(Source::Dinum),
        1 => Just(Source::Deep),
        2 => (1..300usize, 2..8usize).prop_map(|(units, fanout)| Source::Flat { units, fanout }),
    ]
}

#[derive(Clone, Debug)]
enum KeyPick {
    Fixed(Key),
    /// A character of a unit's name: `(unit, position)`, modulo their sizes.
    FromName(usize, usize),
}

#[derive(Clone, Debug)]
enum Step {
    Key { key: KeyPick, mods: Modifiers, after_ms: u64 },
    /// `Focused(unit)` then `Activate`, on a visible unit (index modulo).
    Click(usize),
    ExpandAll,
    CollapseAll,
}

fn keys() -> impl Strategy<Value = KeyPick> {
    prop_oneof![
        3 => prop::sample::select(vec![
            Key::ArrowDown,
            Key::ArrowUp,
            Key::ArrowLeft,
            Key::ArrowRight,
            Key::Home,
            Key::End,
            Key::Enter,
            Key::Space,
            Key::Char('*'),
        ])
        .prop_map(KeyPick::Fixed),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(u, p)| KeyPick::FromName(u, p)),
        1 => prop::sample::select(vec!['É', 'e', 'z', 'S', '1', 'ß', 'œ']).prop_map(|c| KeyPick::Fixed(Key::Char(c))),
    ]
}

fn modifiers() -> impl Strategy<Value = Modifiers> {
    prop_oneof![
        12 => Just(NONE),
        1 => (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>())
            .prop_map(|(ctrl, alt, meta, shift)| Modifiers { ctrl, alt, meta, shift }),
    ]
}

fn steps() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (keys(), modifiers(), prop_oneof![0..500u64, 500..502u64, 502..3000u64])
            .prop_map(|(key, mods, after_ms)| Step::Key { key, mods, after_ms }),
        3 => any::<usize>().prop_map(Step::Click),
        1 => Just(Step::ExpandAll),
        1 => Just(Step::CollapseAll),
    ]
}

fn resolve(key: &KeyPick, chart: &Chart) -> Key {
    match *key {
        KeyPick::Fixed(k) => k,
        KeyPick::FromName(unit, pos) => {
            let name: Vec<char> = chart[UnitId::from_index(unit % chart.len(), chart).unwrap()].name.chars().collect();
            match name[pos % name.len()] {
                // A browser reports the space bar as " ", which is Space.
                ' ' => Key::Space,
                c => Key::Char(c),
            }
        }
    }
}

/// The type-ahead buffer, modelled apart from the core's.
#[derive(Default)]
struct TypedWord {
    text: String,
    last_at: Option<u64>,
}

impl TypedWord {
    fn push(&mut self, c: char, at: u64) -> &str {
        if self.last_at.is_none_or(|last| at - last > 500) {
            self.text.clear();
        }
        self.last_at = Some(at);
        self.text.push_str(&fold(&c.to_string()));
        &self.text
    }
}

/// Where type-ahead must land: the first visible item from the current one
/// (from the one after it when a single letter is repeated), wrapping.
fn type_ahead_target(chart: &Chart, visible: &[UnitId], text: &str, current: Option<UnitId>) -> Option<UnitId> {
    let first = text.chars().next()?;
    let repeated = text.chars().all(|c| c == first);
    let needle = if repeated { first.to_string() } else { text.to_owned() };
    let start = match current.and_then(|c| visible.iter().position(|&v| v == c)) {
        Some(i) if repeated => i + 1,
        Some(i) => i,
        None => 0,
    };
    (0..visible.len()).map(|k| visible[(start + k) % visible.len()]).find(|&x| fold(&chart[x].name).starts_with(&needle))
}

/// What an unmodified tree key must do, from the APG, on the state before it.
/// `None` where the expectation is not modelled.
fn expected_effects(chart: &Chart, view: &ViewState, key: Key, typed: Option<&str>) -> Option<Vec<Effect>> {
    let visible = visible_order(chart, view);
    let current = view.focus().filter(|&f| visible.contains(&f));
    let index = current.and_then(|c| visible.iter().position(|&v| v == c));
    let first = visible[0];
    let last = *visible.last().unwrap();
    let to = |x: Option<UnitId>| x.map(focus).into_iter().collect::<Vec<_>>();
    Some(match (key, current) {
        (Key::Home, _) => vec![focus(first)],
        (Key::End, _) => vec![focus(last)],
        // Without a current item, Down and Up start at the first one.
        (Key::ArrowDown | Key::ArrowUp, None) => vec![focus(first)],
        (Key::ArrowDown, Some(_)) => to(visible.get(index.unwrap() + 1).copied()),
        (Key::ArrowUp, Some(_)) => to(index.unwrap().checked_sub(1).map(|i| visible[i])),
        (Key::ArrowRight, Some(c)) if chart.has_children(c) => {
            if view.is_expanded(c) {
                vec![focus(chart.first_child(c).unwrap())]
            } else {
                vec![expanded(c, true)]
            }
        }
        (Key::ArrowLeft, Some(c)) if view.is_expanded(c) => vec![expanded(c, false)],
        (Key::ArrowLeft, Some(c)) => to(chart.parent(c)),
        (Key::Enter | Key::Space, Some(c)) if chart.has_children(c) => vec![expanded(c, !view.is_expanded(c))],
        (Key::Enter | Key::Space, Some(c)) => vec![Effect::ActivateLeaf(c)],
        (Key::Char('*'), Some(c)) => chart
            .siblings(c)
            .filter(|&s| chart.has_children(s) && !view.is_expanded(s))
            .map(|s| expanded(s, true))
            .collect(),
        (Key::Char(_), _) => to(type_ahead_target(chart, &visible, typed.unwrap(), current)),
        (_, _) => vec![],
    })
}

fn check_view(chart: &Chart, view: &ViewState, effects: &[Effect], step: &str) -> Result<(), TestCaseError> {
    let root = chart.root();
    // The tab stop is on screen, and the tree's markup, written whole with
    // it, has that one item in the tab order.
    let stop = tab_stop(chart, view);
    prop_assert!(view.is_visible(chart, stop), "tab stop {} hidden after {step}", chart[stop].id);
    let ids = Ids("og1".into());
    let markup = Markup { chart, view, ids: &ids, words: Texts(Lang::Fr).words(), style: Style::Tree, eager: true, current: stop, anchors: None };
    let html = markup.root(&mut Fill::all());
    prop_assert_eq!(html.matches("tabindex=\"0\"").count(), 1, "tab stops in the markup after {}", step);
    let item = format!("id=\"{}\" data-unit=\"{}\" tabindex=\"0\"", ids.focus_target(stop), stop.index());
    prop_assert!(html.contains(&item), "the markup's tab stop is not {} after {step}", chart[stop].id);
    // Focus is on a visible item, and the one focused item is it.
    if view.has_focus() {
        let f = view.focus();
        prop_assert!(f.is_some_and(|f| view.is_visible(chart, f)), "focus on a hidden item after {step}");
    }
    let focused: Vec<UnitId> = chart.ids().filter(|&x| view.item(chart, x).focused).collect();
    prop_assert_eq!(focused.len(), usize::from(view.has_focus()), "focused items after {}", step);

    for x in chart.ids() {
        let item = view.item(chart, x);
        let children: Vec<UnitId> = chart.children(x).collect();
        // aria-expanded only on parents.
        prop_assert_eq!(item.expanded.is_some(), !children.is_empty(), "aria-expanded of {} after {}", &chart[x].id, step);
        let open = item.expanded == Some(true);
        for &c in &children {
            prop_assert_eq!(
                view.item(chart, c).visible,
                open && item.visible,
                "{} under {} (open {}, visible {}) after {}",
                &chart[c].id,
                &chart[x].id,
                open,
                item.visible,
                step
            );
        }
        // aria-level, aria-setsize, aria-posinset from the parent chain.
        let mut level = 1;
        let mut up = x;
        while let Some(p) = chart.parent(up) {
            level += 1;
            up = p;
        }
        prop_assert_eq!(up, root);
        let (pos, size) = match chart.parent(x) {
            Some(p) => {
                let siblings: Vec<UnitId> = chart.children(p).collect();
                (siblings.iter().position(|&s| s == x).unwrap() + 1, siblings.len())
            }
            None => (1, 1),
        };
        prop_assert_eq!((item.level, item.pos_in_set, item.set_size), (level, pos, size), "{}", &chart[x].id);
    }
    prop_assert!(view.item(chart, root).visible, "the root is hidden after {step}");

    for effect in effects {
        let unit = match *effect {
            Effect::Expanded { unit, .. } | Effect::Focus(FocusTarget::Unit(unit)) | Effect::ActivateLeaf(unit) => unit,
            Effect::Focus(FocusTarget::Disclosure) => {
                prop_assert!(false, "{effect:?} with the disclosure open, after {step}");
                continue;
            }
            Effect::Disclosure { .. } | Effect::Announce(_) => continue,
        };
        prop_assert!(unit.index() < chart.len(), "{effect:?} out of range after {step}");
    }
    Ok(())
}

/// Expanded effects report exactly the branches that changed.
fn check_expanded_effects(chart: &Chart, before: &ViewState, view: &ViewState, effects: &[Effect], step: &str) -> Result<(), TestCaseError> {
    let mut reported: Vec<UnitId> = effects
        .iter()
        .filter_map(|e| match *e {
            Effect::Expanded { unit, expanded } => Some((unit, expanded)),
            _ => None,
        })
        .map(|(unit, open)| {
            assert_eq!(view.is_expanded(unit), open, "{step}");
            unit
        })
        .collect();
    reported.sort();
    let changed: Vec<UnitId> = chart.ids().filter(|&x| before.is_expanded(x) != view.is_expanded(x)).collect();
    prop_assert_eq!(reported, changed, "Expanded effects vs. changes after {}", step);
    Ok(())
}

/// Where focus must be after a bulk action: where it was if still shown,
/// else its nearest visible ancestor, announced by the last effect.
fn check_focus_rescue(chart: &Chart, before: &ViewState, view: &ViewState, effects: &[Effect]) -> Result<(), TestCaseError> {
    if !before.has_focus() {
        return Ok(());
    }
    let was = before.focus().unwrap();
    if view.is_visible(chart, was) {
        prop_assert_eq!(view.focus(), Some(was));
        prop_assert!(!effects.iter().any(|e| matches!(e, Effect::Focus(_))));
    } else {
        let branch = chart.ancestors(was).find(|&a| view.is_visible(chart, a)).unwrap();
        prop_assert_eq!(view.focus(), Some(branch));
        prop_assert_eq!(effects.last(), Some(&focus(branch)));
    }
    Ok(())
}

fn run(chart: &Chart, depth: u32, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut view = ViewState::new(chart, InitialView { depth, open: true });
    let mut now = 0u64;
    let mut typed = TypedWord::default();
    check_view(chart, &view, &[], "start")?;
    // Tab enters the tree on its tab stop.
    let stop = tab_stop(chart, &view);
    prop_assert_eq!(reduce(&mut view, chart, Items::All, Action::Focused(stop)), vec![]);
    for step in steps {
        let before = view.clone();
        let label = format!("{step:?} at {now} ms");
        let effects = match step {
            Step::Key { key, mods, after_ms } => {
                now += after_ms;
                let key = resolve(key, chart);
                let label = format!("{key:?} with {mods:?} at {now} ms");
                let Some(action) = tree_action(key, *mods, now) else {
                    prop_assert!(
                        mods.has_command() || (mods.shift && !matches!(key, Key::Char(_))),
                        "{label} is not a tree key"
                    );
                    continue;
                };
                prop_assert!(!mods.has_command(), "{label} was handled");
                let word = match key {
                    Key::Char(c) if c != '*' => Some(typed.push(c, now).to_owned()),
                    _ => None,
                };
                let expected = expected_effects(chart, &before, key, word.as_deref());
                let effects = reduce(&mut view, chart, Items::All, action);
                if let Some(expected) = expected {
                    prop_assert_eq!(&effects, &expected, "{} from {:?}", label, before.focus().map(|f| &chart[f].id));
                }
                // Moves move, and only the expansion keys open or close.
                if matches!(key, Key::ArrowDown | Key::ArrowUp | Key::Home | Key::End | Key::Char(_)) && key != Key::Char('*') {
                    prop_assert_eq!(view.expanded_count(), before.expanded_count(), "{}", label);
                }
                if let Some(Effect::Focus(FocusTarget::Unit(f))) = effects.last() {
                    prop_assert_eq!(view.focus(), Some(*f));
                } else {
                    prop_assert_eq!(view.focus(), before.focus().or(view.focus()), "{}: focus moved silently", label);
                }
                effects
            }
            Step::Click(index) => {
                let visible = visible_order(chart, &view);
                let unit = visible[index % visible.len()];
                let focused = reduce(&mut view, chart, Items::All, Action::Focused(unit));
                prop_assert_eq!(focused, vec![], "clicking {}", &chart[unit].id);
                prop_assert_eq!(view.focus(), Some(unit));
                let clicked = view.clone();
                let effects = reduce(&mut view, chart, Items::All, Action::Activate);
                let want = if chart.has_children(unit) {
                    vec![expanded(unit, !clicked.is_expanded(unit))]
                } else {
                    vec![Effect::ActivateLeaf(unit)]
                };
                prop_assert_eq!(&effects, &want, "clicking {}", &chart[unit].id);
                prop_assert_eq!(view.focus(), Some(unit));
                check_expanded_effects(chart, &clicked, &view, &effects, &label)?;
                check_view(chart, &view, &effects, &label)?;
                continue;
            }
            Step::ExpandAll => {
                let effects = reduce(&mut view, chart, Items::All, Action::ExpandAll);
                prop_assert!(chart.ids().all(|x| view.is_visible(chart, x)));
                prop_assert_eq!(view.focus(), before.focus());
                effects
            }
            Step::CollapseAll => {
                let effects = reduce(&mut view, chart, Items::All, Action::CollapseAll);
                let shown = visible_order(chart, &view);
                let mut expected = vec![chart.root()];
                expected.extend(chart.children(chart.root()));
                prop_assert_eq!(shown, expected);
                check_focus_rescue(chart, &before, &view, &effects)?;
                effects
            }
        };
        check_expanded_effects(chart, &before, &view, &effects, &label)?;
        check_view(chart, &view, &effects, &label)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_tree_keys_and_clicks_follow_the_apg_and_keep_one_visible_tab_stop(
        source in sources(),
        depth in 1..5u32,
        steps in prop::collection::vec(steps(), 0..120),
    ) {
        let chart = source.chart();
        run(&chart, depth, &steps)?;
    }

    #[test]
    fn random_tree_keys_on_a_fully_open_deep_chart_follow_the_apg(
        steps in prop::collection::vec(steps(), 0..200),
    ) {
        run(deep(), 99, &steps)?;
    }
}
