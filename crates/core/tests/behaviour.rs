//! Expand, collapse and focus: the view state, the navigator and the reducer,
//! on the DINUM data and on generated charts, then a property test that
//! random action sequences keep the invariants views rely on.

use organigramme_core::generate::flat_json;
use organigramme_core::{
    parse, reduce, Action, Announcement, Chart, Effect, FocusTarget, InitialView, ItemState, Items, Navigator, UnitId,
    ViewState,
};
use proptest::prelude::*;
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

/// flat_json(15, 2): a complete binary tree of four levels.
///
/// ```text
/// u0 ─┬─ u1 ─┬─ u3 ── u7, u8
///     │      └─ u4 ── u9, u10
///     └─ u2 ─┬─ u5 ── u11, u12
///            └─ u6 ── u13, u14
/// ```
fn binary15() -> Chart {
    parse(&flat_json(15, 2)).unwrap()
}

#[track_caller]
fn u(chart: &Chart, id: &str) -> UnitId {
    chart.find(id).unwrap_or_else(|| panic!("no unit {id:?}"))
}

fn us(chart: &Chart, ids: &[&str]) -> Vec<UnitId> {
    ids.iter().map(|id| u(chart, id)).collect()
}

fn names(chart: &Chart, units: impl IntoIterator<Item = UnitId>) -> Vec<String> {
    units.into_iter().map(|x| chart[x].id.clone()).collect()
}

/// As on the site, but with the outer disclosure already open.
fn open(chart: &Chart) -> ViewState {
    ViewState::new(chart, InitialView { depth: 2, open: true })
}

fn expanded(unit: UnitId, expanded: bool) -> Effect {
    Effect::Expanded { unit, expanded }
}

fn focus(unit: UnitId) -> Effect {
    Effect::Focus(FocusTarget::Unit(unit))
}

/// Applies `action` for the list view (branches only).
fn list(view: &mut ViewState, chart: &Chart, action: Action) -> Vec<Effect> {
    reduce(view, chart, Items::Branches, action)
}

const DINUM_BRANCHES: [&str; 9] =
    ["dinum", "missions-transversales", "cyber", "ace", "isn", "etalab", "iso", "opi", "rhn"];
const DINUM_LEVEL_2: [&str; 10] =
    ["missions-transversales", "cabinet", "secretariat", "cyber", "ace", "isn", "etalab", "iso", "opi", "rhn"];

// ---------------------------------------------------------------------------
// Initial state
// ---------------------------------------------------------------------------

#[test]
fn dinum_data_has_the_expected_shape() {
    let chart = dinum();
    assert_eq!(chart.len(), 45);
    assert_eq!(chart[chart.root()].id, "dinum");
    assert_eq!(names(chart, chart.children(chart.root())), DINUM_LEVEL_2);
    let branches: Vec<UnitId> = chart.ids().filter(|&x| chart.has_children(x)).collect();
    assert_eq!(names(chart, branches), DINUM_BRANCHES);
}

#[test]
fn default_initial_view_is_closed_with_the_first_level_open() {
    assert_eq!(InitialView::default(), InitialView { depth: 2, open: false });
    let chart = dinum();
    let view = ViewState::new(chart, InitialView::default());
    assert!(!view.is_disclosure_open());
    assert_eq!(view.focus(), None);
    assert!(!view.has_focus());
    assert!(view.is_expanded(chart.root()));
    assert!(view.has_been_opened(chart.root()));
    for child in chart.children(chart.root()) {
        assert!(!view.is_expanded(child), "{}", chart[child].id);
        assert!(!view.has_been_opened(child), "{}", chart[child].id);
    }
    assert_eq!(view.expanded_count(), 1);
    // Closed: nothing is on screen, not even the root.
    assert!(chart.ids().all(|x| !view.is_visible(chart, x)));
}

#[test]
fn open_initial_view_shows_the_root_and_its_children_only() {
    let chart = dinum();
    let view = open(chart);
    let visible: Vec<UnitId> = chart.ids().filter(|&x| view.is_visible(chart, x)).collect();
    let mut expected = vec!["dinum"];
    expected.extend(DINUM_LEVEL_2);
    assert_eq!(names(chart, visible), expected);
}

#[test]
fn initial_depth_counts_levels_and_never_expands_leaves() {
    let chart = dinum();
    assert_eq!(ViewState::new(chart, InitialView { depth: 0, open: true }).expanded_count(), 0);
    assert_eq!(ViewState::new(chart, InitialView { depth: 1, open: true }).expanded_count(), 0);
    assert_eq!(ViewState::new(chart, InitialView { depth: 3, open: true }).expanded_count(), 9);
    let deep = ViewState::new(chart, InitialView { depth: 99, open: true });
    assert_eq!(deep.expanded_count(), 9);
    assert!(!deep.is_expanded(u(chart, "cabinet")));
    assert!(!deep.is_expanded(u(chart, "ace-brigade")));
    assert!(chart.ids().all(|x| deep.is_visible(chart, x)));
}

// ---------------------------------------------------------------------------
// Toggle, Expand, Collapse
// ---------------------------------------------------------------------------

#[test]
fn toggle_opens_then_closes_a_branch() {
    let chart = dinum();
    let mut view = open(chart);
    let ace = u(chart, "ace");
    assert_eq!(list(&mut view, chart, Action::Toggle(ace)), [expanded(ace, true)]);
    assert!(view.is_expanded(ace));
    assert!(view.is_visible(chart, u(chart, "ace-brigade")));
    assert_eq!(list(&mut view, chart, Action::Toggle(ace)), [expanded(ace, false)]);
    assert!(!view.is_expanded(ace));
    assert!(!view.is_visible(chart, u(chart, "ace-brigade")));
    // Its markup, once created, is kept.
    assert!(view.has_been_opened(ace));
}

#[test]
fn expand_and_collapse_report_only_changes() {
    let chart = dinum();
    let mut view = open(chart);
    let isn = u(chart, "isn");
    assert_eq!(list(&mut view, chart, Action::Expand(isn)), [expanded(isn, true)]);
    assert_eq!(list(&mut view, chart, Action::Expand(isn)), []);
    assert_eq!(list(&mut view, chart, Action::Collapse(isn)), [expanded(isn, false)]);
    assert_eq!(list(&mut view, chart, Action::Collapse(isn)), []);
    assert_eq!(list(&mut view, chart, Action::Expand(chart.root())), []);
}

#[test]
fn leaves_never_become_expanded() {
    let chart = dinum();
    let mut view = open(chart);
    for leaf in ["cabinet", "ace-brigade", "rhn-campus"] {
        let leaf = u(chart, leaf);
        for action in [Action::Toggle(leaf), Action::Expand(leaf), Action::Toggle(leaf), Action::Collapse(leaf)] {
            assert_eq!(list(&mut view, chart, action), [], "{action:?}");
            assert!(!view.is_expanded(leaf));
            assert_eq!(view.item(chart, leaf).expanded, None);
        }
    }
    assert_eq!(list(&mut view, chart, Action::ExpandAll).len(), 9);
    assert!(!view.is_expanded(u(chart, "cabinet")));
    assert_eq!(view.expanded_count(), 9);
}

#[test]
fn expand_all_opens_every_closed_branch_in_document_order_and_announces_the_count() {
    let chart = dinum();
    let mut view = open(chart);
    let mut expected: Vec<Effect> = us(chart, &DINUM_BRANCHES[1..]).into_iter().map(|b| expanded(b, true)).collect();
    expected.push(Effect::Announce(Announcement::ExpandedAll { units: 45 }));
    assert_eq!(list(&mut view, chart, Action::ExpandAll), expected);
    assert!(chart.ids().all(|x| view.is_visible(chart, x)));
    // Nothing left to open: only the announcement.
    assert_eq!(list(&mut view, chart, Action::ExpandAll), [Effect::Announce(Announcement::ExpandedAll { units: 45 })]);
}

#[test]
fn collapse_all_closes_every_branch_but_the_root() {
    let chart = dinum();
    let mut view = open(chart);
    list(&mut view, chart, Action::ExpandAll);
    let mut expected: Vec<Effect> = us(chart, &DINUM_BRANCHES[1..]).into_iter().map(|b| expanded(b, false)).collect();
    expected.push(Effect::Announce(Announcement::CollapsedAll));
    assert_eq!(list(&mut view, chart, Action::CollapseAll), expected);
    assert!(view.is_expanded(chart.root()));
    assert_eq!(view.expanded_count(), 1);
    assert_eq!(list(&mut view, chart, Action::CollapseAll), [Effect::Announce(Announcement::CollapsedAll)]);
}

#[test]
fn collapse_all_reopens_a_closed_root() {
    let chart = dinum();
    let mut view = open(chart);
    let (root, ace) = (chart.root(), u(chart, "ace"));
    list(&mut view, chart, Action::Expand(ace));
    assert_eq!(list(&mut view, chart, Action::Collapse(root)), [expanded(root, false)]);
    assert!(!view.is_visible(chart, ace));
    assert_eq!(
        list(&mut view, chart, Action::CollapseAll),
        [expanded(ace, false), expanded(root, true), Effect::Announce(Announcement::CollapsedAll)]
    );
    assert_eq!(view.expanded_count(), 1);
}

// ---------------------------------------------------------------------------
// Navigator
// ---------------------------------------------------------------------------

#[test]
fn list_navigator_visits_visible_branches_only() {
    let chart = dinum();
    let view = open(chart);
    let nav = Navigator::new(chart, &view, Items::Branches);
    assert_eq!(names(chart, nav.visible_items()), DINUM_BRANCHES);
    assert_eq!(nav.first(), Some(chart.root()));
    assert_eq!(nav.last(), Some(u(chart, "rhn")));
    assert_eq!(nav.next(chart.root()), Some(u(chart, "missions-transversales")));
    // Skips cabinet and secretariat (leaves) and the closed subtree.
    assert_eq!(nav.next(u(chart, "missions-transversales")), Some(u(chart, "cyber")));
    assert_eq!(nav.prev(u(chart, "cyber")), Some(u(chart, "missions-transversales")));
    // From a leaf, the neighbouring branches.
    assert_eq!(nav.next(u(chart, "cabinet")), Some(u(chart, "cyber")));
    assert_eq!(nav.prev(u(chart, "secretariat")), Some(u(chart, "missions-transversales")));
    // No wrap.
    assert_eq!(nav.next(u(chart, "rhn")), None);
    assert_eq!(nav.prev(chart.root()), None);
    assert!(nav.is_item(u(chart, "ace")));
    assert!(!nav.is_item(u(chart, "cabinet")));
}

#[test]
fn list_navigator_skips_the_leaves_of_open_branches() {
    let chart = dinum();
    let mut view = open(chart);
    list(&mut view, chart, Action::Expand(u(chart, "missions-transversales")));
    list(&mut view, chart, Action::Expand(u(chart, "rhn")));
    let nav = Navigator::new(chart, &view, Items::Branches);
    assert_eq!(names(chart, nav.visible_items()), DINUM_BRANCHES);
    assert_eq!(nav.next(u(chart, "missions-transversales")), Some(u(chart, "cyber")));
    assert_eq!(nav.last(), Some(u(chart, "rhn")));
    assert_eq!(nav.next(u(chart, "rhn")), None);
}

#[test]
fn tree_navigator_visits_every_visible_unit() {
    let chart = dinum();
    let mut view = open(chart);
    {
        let nav = Navigator::new(chart, &view, Items::All);
        let mut expected = vec!["dinum"];
        expected.extend(DINUM_LEVEL_2);
        assert_eq!(names(chart, nav.visible_items()), expected);
        assert_eq!(nav.next(u(chart, "missions-transversales")), Some(u(chart, "cabinet")));
        assert_eq!(nav.prev(u(chart, "cabinet")), Some(u(chart, "missions-transversales")));
        assert_eq!(nav.last(), Some(u(chart, "rhn")));
        assert_eq!(nav.next(u(chart, "rhn")), None);
        assert_eq!(nav.first(), Some(chart.root()));
        assert_eq!(nav.prev(chart.root()), None);
        assert!(nav.is_item(u(chart, "cabinet")));
    }
    list(&mut view, chart, Action::Expand(u(chart, "missions-transversales")));
    list(&mut view, chart, Action::Expand(u(chart, "rhn")));
    let nav = Navigator::new(chart, &view, Items::All);
    assert_eq!(nav.next(u(chart, "missions-transversales")), Some(u(chart, "budget-achats")));
    assert_eq!(nav.next(u(chart, "juridique")), Some(u(chart, "cabinet")));
    assert_eq!(nav.prev(u(chart, "cabinet")), Some(u(chart, "juridique")));
    assert_eq!(nav.last(), Some(u(chart, "rhn-campus")));
    assert_eq!(nav.next(u(chart, "rhn-campus")), None);
    assert_eq!(nav.visible_items().count(), 1 + 10 + 4 + 3);
}

#[test]
fn navigators_with_a_closed_root_have_the_root_only() {
    let chart = dinum();
    let mut view = open(chart);
    list(&mut view, chart, Action::Collapse(chart.root()));
    for items in [Items::Branches, Items::All] {
        let nav = Navigator::new(chart, &view, items);
        assert_eq!(nav.visible_items().collect::<Vec<_>>(), [chart.root()], "{items:?}");
        assert_eq!(nav.last(), Some(chart.root()), "{items:?}");
        assert_eq!(nav.next(chart.root()), None, "{items:?}");
    }
}

#[test]
fn navigators_skip_closed_subtrees_at_any_depth() {
    let chart = binary15();
    let mut view = open(&chart);
    list(&mut view, &chart, Action::ExpandAll);
    list(&mut view, &chart, Action::Collapse(u(&chart, "u4")));
    let branches = Navigator::new(&chart, &view, Items::Branches);
    assert_eq!(names(&chart, branches.visible_items()), ["u0", "u1", "u3", "u4", "u2", "u5", "u6"]);
    assert_eq!(branches.prev(u(&chart, "u2")), Some(u(&chart, "u4")));
    assert_eq!(branches.next(u(&chart, "u3")), Some(u(&chart, "u4")));
    assert_eq!(branches.last(), Some(u(&chart, "u6")));
    let all = Navigator::new(&chart, &view, Items::All);
    assert_eq!(
        names(&chart, all.visible_items()),
        ["u0", "u1", "u3", "u7", "u8", "u4", "u2", "u5", "u11", "u12", "u6", "u13", "u14"]
    );
    assert_eq!(all.prev(u(&chart, "u2")), Some(u(&chart, "u4")));
    assert_eq!(all.next(u(&chart, "u8")), Some(u(&chart, "u4")));
    assert_eq!(all.next(u(&chart, "u4")), Some(u(&chart, "u2")));
    assert_eq!(all.last(), Some(u(&chart, "u14")));

    list(&mut view, &chart, Action::Collapse(u(&chart, "u1")));
    let branches = Navigator::new(&chart, &view, Items::Branches);
    assert_eq!(names(&chart, branches.visible_items()), ["u0", "u1", "u2", "u5", "u6"]);
    let all = Navigator::new(&chart, &view, Items::All);
    assert_eq!(all.prev(u(&chart, "u2")), Some(u(&chart, "u1")));
}

#[test]
fn a_single_unit_chart_has_no_list_items() {
    let chart = parse(&flat_json(1, 3)).unwrap();
    let view = open(&chart);
    let branches = Navigator::new(&chart, &view, Items::Branches);
    assert_eq!((branches.first(), branches.last(), branches.visible_items().count()), (None, None, 0));
    let all = Navigator::new(&chart, &view, Items::All);
    assert_eq!((all.first(), all.last()), (Some(chart.root()), Some(chart.root())));
    let mut view = view;
    assert_eq!(list(&mut view, &chart, Action::FocusFirst), []);
    assert_eq!(list(&mut view, &chart, Action::FocusNext), []);
    assert_eq!(reduce(&mut view, &chart, Items::All, Action::FocusLast), [focus(chart.root())]);
}

// ---------------------------------------------------------------------------
// Focus movement
// ---------------------------------------------------------------------------

#[test]
fn focus_next_prev_first_last_in_the_list_view() {
    let chart = dinum();
    let mut view = open(chart);
    assert_eq!(list(&mut view, chart, Action::FocusNext), [focus(chart.root())]);
    assert_eq!((view.focus(), view.has_focus()), (Some(chart.root()), true));
    assert_eq!(list(&mut view, chart, Action::FocusNext), [focus(u(chart, "missions-transversales"))]);
    assert_eq!(list(&mut view, chart, Action::FocusNext), [focus(u(chart, "cyber"))]);
    assert_eq!(list(&mut view, chart, Action::FocusPrev), [focus(u(chart, "missions-transversales"))]);
    assert_eq!(list(&mut view, chart, Action::FocusLast), [focus(u(chart, "rhn"))]);
    // No wrap: nothing happens, focus stays.
    assert_eq!(list(&mut view, chart, Action::FocusNext), []);
    assert_eq!(view.focus(), Some(u(chart, "rhn")));
    assert_eq!(list(&mut view, chart, Action::FocusFirst), [focus(chart.root())]);
    assert_eq!(list(&mut view, chart, Action::FocusPrev), []);
    assert_eq!(view.focus(), Some(chart.root()));
}

#[test]
fn focus_moves_through_leaves_in_the_tree_view() {
    let chart = dinum();
    let mut view = open(chart);
    let tree = |view: &mut ViewState, action| reduce(view, chart, Items::All, action);
    assert_eq!(tree(&mut view, Action::FocusFirst), [focus(chart.root())]);
    assert_eq!(tree(&mut view, Action::FocusNext), [focus(u(chart, "missions-transversales"))]);
    assert_eq!(tree(&mut view, Action::FocusNext), [focus(u(chart, "cabinet"))]);
    assert_eq!(tree(&mut view, Action::FocusNext), [focus(u(chart, "secretariat"))]);
    assert_eq!(tree(&mut view, Action::Expand(u(chart, "rhn"))), [expanded(u(chart, "rhn"), true)]);
    assert_eq!(tree(&mut view, Action::FocusLast), [focus(u(chart, "rhn-campus"))]);
    assert_eq!(tree(&mut view, Action::FocusPrev), [focus(u(chart, "rhn-mobilite"))]);
}

#[test]
fn a_remembered_focus_in_a_closed_branch_moves_to_the_branch_silently() {
    let chart = dinum();
    let mut view = open(chart);
    let ace = u(chart, "ace");
    list(&mut view, chart, Action::Expand(ace));
    list(&mut view, chart, Action::Focused(u(chart, "ace-brigade")));
    list(&mut view, chart, Action::FocusElsewhere);
    assert_eq!(list(&mut view, chart, Action::Collapse(ace)), [expanded(ace, false)]);
    // The tab stop follows, without taking focus from elsewhere.
    assert_eq!(view.focus(), Some(ace));
    assert!(!view.has_focus());
    assert_eq!(list(&mut view, chart, Action::FocusNext), [focus(u(chart, "isn"))]);
}

#[test]
fn collapsing_the_branch_around_focus_moves_focus_to_the_branch() {
    let chart = dinum();
    let mut view = open(chart);
    let (ace, brigade) = (u(chart, "ace"), u(chart, "ace-brigade"));
    list(&mut view, chart, Action::Expand(ace));
    assert_eq!(list(&mut view, chart, Action::Focused(brigade)), []);
    assert_eq!((view.focus(), view.has_focus()), (Some(brigade), true));
    assert_eq!(list(&mut view, chart, Action::Collapse(ace)), [expanded(ace, false), focus(ace)]);
    assert_eq!((view.focus(), view.has_focus()), (Some(ace), true));
    // Same with Toggle.
    list(&mut view, chart, Action::Expand(ace));
    list(&mut view, chart, Action::Focused(u(chart, "ace-proactivite")));
    assert_eq!(list(&mut view, chart, Action::Toggle(ace)), [expanded(ace, false), focus(ace)]);
}

#[test]
fn focus_arriving_on_a_hidden_unit_is_moved_to_its_visible_branch() {
    let chart = dinum();
    let mut view = open(chart);
    assert_eq!(list(&mut view, chart, Action::Focused(u(chart, "iso-production"))), [focus(u(chart, "iso"))]);
    assert_eq!(view.focus(), Some(u(chart, "iso")));
}

#[test]
fn collapse_all_moves_a_deep_focus_to_the_nearest_visible_ancestor() {
    let chart = binary15();
    let mut view = open(&chart);
    list(&mut view, &chart, Action::ExpandAll);
    list(&mut view, &chart, Action::Focused(u(&chart, "u7")));
    let mut expected: Vec<Effect> =
        us(&chart, &["u1", "u3", "u4", "u2", "u5", "u6"]).into_iter().map(|b| expanded(b, false)).collect();
    expected.push(Effect::Announce(Announcement::CollapsedAll));
    expected.push(focus(u(&chart, "u1")));
    assert_eq!(list(&mut view, &chart, Action::CollapseAll), expected);
    assert_eq!((view.focus(), view.has_focus()), (Some(u(&chart, "u1")), true));
}

#[test]
fn collapsing_the_root_moves_a_deep_focus_to_the_root() {
    let chart = binary15();
    let mut view = open(&chart);
    list(&mut view, &chart, Action::ExpandAll);
    list(&mut view, &chart, Action::Focused(u(&chart, "u12")));
    assert_eq!(
        list(&mut view, &chart, Action::Collapse(chart.root())),
        [expanded(chart.root(), false), focus(chart.root())]
    );
}

#[test]
fn collapsing_a_branch_beside_focus_does_not_move_it() {
    let chart = dinum();
    let mut view = open(chart);
    let ace = u(chart, "ace");
    list(&mut view, chart, Action::Expand(ace));
    list(&mut view, chart, Action::Focused(u(chart, "isn")));
    assert_eq!(list(&mut view, chart, Action::Collapse(ace)), [expanded(ace, false)]);
    assert_eq!(view.focus(), Some(u(chart, "isn")));
}

#[test]
fn closing_the_disclosure_with_focus_inside_moves_focus_to_its_button() {
    let chart = dinum();
    let mut view = open(chart);
    list(&mut view, chart, Action::Focused(u(chart, "cyber")));
    assert_eq!(
        list(&mut view, chart, Action::ToggleDisclosure),
        [Effect::Disclosure { open: false }, Effect::Focus(FocusTarget::Disclosure)]
    );
    assert!(!view.is_disclosure_open());
    assert!(!view.has_focus());
    // The unit is remembered for when the chart reopens.
    assert_eq!(view.focus(), Some(u(chart, "cyber")));
    assert_eq!(list(&mut view, chart, Action::OpenDisclosure), [Effect::Disclosure { open: true }]);
    assert_eq!(list(&mut view, chart, Action::OpenDisclosure), []);
    assert!(!view.has_focus());
}

#[test]
fn closing_the_disclosure_with_focus_elsewhere_moves_nothing() {
    let chart = dinum();
    let mut view = open(chart);
    list(&mut view, chart, Action::Focused(u(chart, "cyber")));
    list(&mut view, chart, Action::FocusElsewhere);
    assert_eq!(list(&mut view, chart, Action::ToggleDisclosure), [Effect::Disclosure { open: false }]);
    assert_eq!(list(&mut view, chart, Action::ToggleDisclosure), [Effect::Disclosure { open: true }]);
}

#[test]
fn collapse_all_with_focus_elsewhere_moves_nothing() {
    let chart = dinum();
    let mut view = open(chart);
    let ace = u(chart, "ace");
    list(&mut view, chart, Action::Expand(ace));
    list(&mut view, chart, Action::Focused(u(chart, "ace-territoires")));
    assert_eq!(list(&mut view, chart, Action::FocusElsewhere), []);
    assert!(!view.has_focus());
    assert_eq!(
        list(&mut view, chart, Action::CollapseAll),
        [expanded(ace, false), Effect::Announce(Announcement::CollapsedAll)]
    );
    assert!(!view.has_focus());
    assert_eq!(view.focus(), Some(ace), "the remembered unit moved to its visible branch");
}

// ---------------------------------------------------------------------------
// ItemState
// ---------------------------------------------------------------------------

#[test]
fn item_state_describes_each_unit() {
    let chart = dinum();
    let mut view = open(chart);
    let (root, cabinet, ace, brigade, rhn) =
        (chart.root(), u(chart, "cabinet"), u(chart, "ace"), u(chart, "ace-brigade"), u(chart, "rhn"));
    list(&mut view, chart, Action::Focused(ace));
    let item = |view: &ViewState, id| view.item(chart, id);
    assert_eq!(
        item(&view, root),
        ItemState {
            id: root,
            level: 1,
            pos_in_set: 1,
            set_size: 1,
            expanded: Some(true),
            visible: true,
            focused: false
        }
    );
    assert_eq!(
        item(&view, cabinet),
        ItemState { id: cabinet, level: 2, pos_in_set: 2, set_size: 10, expanded: None, visible: true, focused: false }
    );
    assert_eq!(
        item(&view, ace),
        ItemState {
            id: ace,
            level: 2,
            pos_in_set: 5,
            set_size: 10,
            expanded: Some(false),
            visible: true,
            focused: true
        }
    );
    assert_eq!(
        item(&view, brigade),
        ItemState { id: brigade, level: 3, pos_in_set: 1, set_size: 6, expanded: None, visible: false, focused: false }
    );
    assert_eq!(
        item(&view, rhn),
        ItemState {
            id: rhn,
            level: 2,
            pos_in_set: 10,
            set_size: 10,
            expanded: Some(false),
            visible: true,
            focused: false
        }
    );
    list(&mut view, chart, Action::Expand(ace));
    assert_eq!(item(&view, ace).expanded, Some(true));
    assert!(item(&view, brigade).visible);
    list(&mut view, chart, Action::FocusElsewhere);
    assert!(!item(&view, ace).focused);
    list(&mut view, chart, Action::ToggleDisclosure);
    assert!(chart.ids().all(|x| !item(&view, x).visible));
}

// ---------------------------------------------------------------------------
// Property test: random charts, random actions
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Source {
    Generated { units: usize, fanout: usize },
    Dinum,
}

impl Source {
    fn chart(&self) -> Chart {
        match *self {
            Source::Generated { units, fanout } => {
                let text = flat_json(units, fanout);
                parse(&text).unwrap_or_else(|e| panic!("flat_json({units}, {fanout}) does not load: {e}"))
            }
            Source::Dinum => dinum().clone(),
        }
    }
}

fn sources() -> impl Strategy<Value = Source> {
    prop_oneof![
        4 => (1..300usize, 1..8usize).prop_map(|(units, fanout)| Source::Generated {
            // A chain deeper than 50 levels is refused by the loader.
            units: if fanout == 1 { units.min(50) } else { units },
            fanout,
        }),
        1 => Just(Source::Dinum),
    ]
}

/// An action kind and a raw unit index, reduced modulo the chart's size.
fn action(kind: u8, index: usize, chart: &Chart) -> Action {
    let unit = UnitId::from_index(index % chart.len(), chart).unwrap();
    match kind {
        0 => Action::Toggle(unit),
        1 => Action::Expand(unit),
        2 => Action::Collapse(unit),
        3 => Action::ExpandAll,
        4 => Action::CollapseAll,
        5 => Action::FocusNext,
        6 => Action::FocusPrev,
        7 => Action::FocusFirst,
        8 => Action::FocusLast,
        9 => Action::Focused(unit),
        10 => Action::FocusElsewhere,
        11 => Action::ToggleDisclosure,
        12 => Action::OpenDisclosure,
        13 => Action::ExpandOrFocusChild,
        14 => Action::CollapseOrFocusParent,
        15 => Action::Activate,
        16 => Action::ExpandSiblings,
        // Letters that start some generated and DINUM names, at rising times.
        _ => Action::TypeAhead { c: ['u', 'd', 'e', 'p', '1'][index % 5], at_ms: (index % 2000) as u64 },
    }
}

fn ancestors_expanded(chart: &Chart, view: &ViewState, id: UnitId) -> bool {
    chart.ancestors(id).all(|a| view.is_expanded(a))
}

fn check_invariants(
    chart: &Chart,
    items: Items,
    before: &ViewState,
    view: &ViewState,
    action: Action,
    effects: &[Effect],
) -> Result<(), TestCaseError> {
    let nav = Navigator::new(chart, view, items);

    // Focus never rests on something hidden.
    if view.has_focus() {
        let f = view.focus();
        prop_assert!(f.is_some(), "has_focus without a focused unit");
        let f = f.unwrap();
        prop_assert!(
            view.is_visible(chart, f) || effects.last() == Some(&Effect::Focus(FocusTarget::Disclosure)),
            "focus on hidden unit {} after {action:?}: {effects:?}",
            chart[f].id
        );
    }
    // The last focus move is where focus is.
    match effects.iter().rev().find_map(|e| match e {
        Effect::Focus(t) => Some(*t),
        _ => None,
    }) {
        Some(FocusTarget::Disclosure) => {
            prop_assert!(!view.has_focus() && !view.is_disclosure_open(), "{action:?}: {effects:?}");
        }
        Some(FocusTarget::Unit(f)) => {
            prop_assert!(view.has_focus() && view.focus() == Some(f), "{action:?}: {effects:?}");
            prop_assert!(view.is_visible(chart, f) && nav.is_item(f), "{action:?} focused {}", chart[f].id);
        }
        None => {}
    }

    // The navigator walks exactly the visible items, in document order.
    let walked: Vec<UnitId> = nav.visible_items().collect();
    let shown: Vec<UnitId> = chart.ids().filter(|&x| ancestors_expanded(chart, view, x) && nav.is_item(x)).collect();
    prop_assert_eq!(&walked, &shown, "navigator vs. expanded ancestors after {:?}", action);
    if view.is_disclosure_open() {
        let visible: Vec<UnitId> = chart.ids().filter(|&x| view.is_visible(chart, x) && nav.is_item(x)).collect();
        prop_assert_eq!(&walked, &visible, "navigator vs. is_visible after {:?}", action);
    }
    prop_assert_eq!(nav.first(), walked.first().copied());
    prop_assert_eq!(nav.last(), walked.last().copied());
    for pair in walked.windows(2) {
        prop_assert_eq!(nav.next(pair[0]), Some(pair[1]));
        prop_assert_eq!(nav.prev(pair[1]), Some(pair[0]));
    }

    // Leaves are never expanded; what was shown once stays created.
    for x in chart.ids() {
        if !chart.has_children(x) {
            prop_assert!(!view.is_expanded(x), "leaf {} expanded after {action:?}", chart[x].id);
        }
        if view.is_expanded(x) {
            prop_assert!(view.has_been_opened(x));
        }
        let item = view.item(chart, x);
        prop_assert_eq!(item.expanded, chart.has_children(x).then(|| view.is_expanded(x)));
        prop_assert_eq!(item.visible, view.is_visible(chart, x));
        prop_assert_eq!(item.level, chart.level(x));
    }

    // Effects name real units and report exactly what changed.
    let mut reported = Vec::new();
    for effect in effects {
        match *effect {
            Effect::Expanded { unit, expanded } => {
                prop_assert!(unit.index() < chart.len(), "{effect:?} out of range");
                prop_assert_eq!(view.is_expanded(unit), expanded, "{:?}", effect);
                reported.push(unit);
            }
            Effect::Focus(FocusTarget::Unit(unit)) => {
                prop_assert!(unit.index() < chart.len(), "{effect:?} out of range")
            }
            Effect::Disclosure { open } => prop_assert_eq!(view.is_disclosure_open(), open),
            Effect::ActivateLeaf(unit) => prop_assert!(!chart.has_children(unit), "{effect:?} on a branch"),
            Effect::Focus(FocusTarget::Disclosure) | Effect::Announce(_) => {}
        }
    }
    let changed: Vec<UnitId> = chart.ids().filter(|&x| before.is_expanded(x) != view.is_expanded(x)).collect();
    reported.sort();
    prop_assert_eq!(&reported, &changed, "Expanded effects vs. changes after {:?}", action);
    let disclosure_reported = effects.iter().any(|e| matches!(e, Effect::Disclosure { .. }));
    prop_assert_eq!(disclosure_reported, before.is_disclosure_open() != view.is_disclosure_open());

    // Bulk actions.
    match action {
        Action::ExpandAll => {
            prop_assert_eq!(view.expanded_count(), chart.ids().filter(|&x| chart.has_children(x)).count());
            prop_assert_eq!(effects.last(), Some(&Effect::Announce(Announcement::ExpandedAll { units: chart.len() })));
        }
        Action::CollapseAll => {
            prop_assert_eq!(view.expanded_count(), usize::from(chart.has_children(chart.root())));
            prop_assert!(effects.contains(&Effect::Announce(Announcement::CollapsedAll)));
        }
        _ => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_keep_the_view_consistent(
        source in sources(),
        tree_view in any::<bool>(),
        depth in 0..5u32,
        start_open in any::<bool>(),
        steps in prop::collection::vec((0..18u8, any::<usize>()), 0..80),
    ) {
        let chart = source.chart();
        let items = if tree_view { Items::All } else { Items::Branches };
        let mut view = ViewState::new(&chart, InitialView { depth, open: start_open });
        for (kind, index) in steps {
            let act = action(kind, index, &chart);
            let before = view.clone();
            let effects = reduce(&mut view, &chart, items, act);
            check_invariants(&chart, items, &before, &view, act, &effects)?;
        }
    }
}
