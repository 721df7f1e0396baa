//! The units' markup: what each view writes, that data can never become
//! markup, and which branches are filled in each regime.

use organigramme_core::markup::{escape, Fill, Filled, Ids, Markup, Style, Words};
use organigramme_core::{parse, reduce, Action, Chart, InitialView, Items, UnitId, ViewState};

const WORDS: Words = Words {
    link_prefix: "Site : ",
    role_separator: " : ",
    people_separator: " ; ",
    sub_unit: "sous-unité",
    sub_units: "sous-unités",
    copy_link: "Copier le lien",
};

const SMALL: &str = r#"{"title": "T", "root": {"id": "dinum", "name": "DINUM", "kind": "Direction",
  "people": [{"name": "Stéphanie Schaer", "role": "Directrice"}],
  "children": [
    {"id": "etalab", "name": "Etalab", "short_name": "E", "description": "Données",
     "people": [{"name": "A"}, {"name": "B", "role": "Adjoint"}],
     "children": [{"id": "datalab", "name": "Datalab", "url": "https://datalab.example/"}]},
    {"id": "isn", "name": "ISN"}]}}"#;

fn chart(text: &str) -> Chart {
    parse(text).unwrap()
}

fn ids() -> Ids {
    Ids("og1".into())
}

fn write(chart: &Chart, view: &ViewState, style: Style, eager: bool) -> (String, Vec<UnitId>) {
    let ids = ids();
    let markup = Markup { chart, view, ids: &ids, words: WORDS, style, eager, current: chart.root(), anchors: None };
    let mut fill = Fill::all();
    let html = markup.root(&mut fill);
    (html, fill.filled)
}

fn u(chart: &Chart, id: &str) -> UnitId {
    chart.find(id).unwrap()
}

#[test]
fn the_list_view_writes_disclosure_buttons_for_branches_and_labels_for_leaves() {
    let chart = chart(SMALL);
    let view = ViewState::new(&chart, InitialView { depth: 2, open: true });
    let (html, _) = write(&chart, &view, Style::List, true);
    assert_eq!(
        html,
        concat!(
            r#"<li class="og-unit" data-unit="0"><button type="button" class="og-toggle" id="og1-t0" data-unit="0" aria-controls="og1-g0" aria-expanded="true">DINUM</button>"#,
            r#" <span class="og-kind">Direction</span> <span class="og-count">2"#,
            "\u{a0}",
            r#"sous-unités</span>"#,
            r#"<ul class="og-people"><li>Directrice : Stéphanie Schaer</li></ul>"#,
            r#"<div class="og-children" id="og1-g0" data-unit="0"><ul>"#,
            r#"<li class="og-unit" data-unit="1"><button type="button" class="og-toggle" id="og1-t1" data-unit="1" aria-controls="og1-g1" aria-expanded="false"><span class="og-name">Etalab</span> <span class="og-short">(E)</span></button>"#,
            r#" <span class="og-count">1"#,
            "\u{a0}",
            r#"sous-unité</span><p class="og-desc">Données</p>"#,
            r#"<ul class="og-people"><li>A</li><li>Adjoint : B</li></ul>"#,
            r#"<div class="og-children og-leaves" id="og1-g1" data-unit="1" hidden="until-found"><ul>"#,
            r#"<li class="og-unit" data-unit="2"><p class="og-label" id="og1-t2" tabindex="-1">Datalab</p>"#,
            r#"<p class="og-link">Site : <a href="https://datalab.example/">datalab.example/</a></p></li>"#,
            r#"</ul></div></li>"#,
            r#"<li class="og-unit" data-unit="3"><p class="og-label" id="og1-t3" tabindex="-1">ISN</p></li>"#,
            r#"</ul></div></li>"#,
        )
    );
}

#[test]
fn the_tree_view_writes_treeitems_with_level_position_and_one_tab_stop() {
    let chart = chart(SMALL);
    let view = ViewState::new(&chart, InitialView { depth: 2, open: true });
    let (html, _) = write(&chart, &view, Style::Tree, true);
    assert!(html.starts_with(concat!(
        r#"<li role="treeitem" class="og-item" id="og1-t0" data-unit="0" tabindex="0" aria-level="1" aria-setsize="1" aria-posinset="1" aria-labelledby="og1-n0" aria-expanded="true" aria-describedby="og1-p0">"#,
        r#"<span class="og-item__row og-open"><span class="og-item__label" id="og1-n0">DINUM</span> <span class="og-kind">Direction</span> <span class="og-count">2"#,
        "\u{a0}",
        r#"sous-unités</span>"#,
        r#"<span class="og-item__people" id="og1-p0">Directrice : Stéphanie Schaer</span></span>"#,
        r#"<div class="og-children" id="og1-g0" data-unit="0"><ul role="group">"#,
    )));
    assert!(html.contains(r#"id="og1-t1" data-unit="1" tabindex="-1" aria-level="2" aria-setsize="2" aria-posinset="1""#));
    assert!(html.contains(r#"<span class="og-item__people" id="og1-p1">A ; Adjoint : B</span>"#));
    // A leaf has no expanded state and, without people, no description.
    assert!(html.contains(r#"id="og1-t3" data-unit="3" tabindex="-1" aria-level="2" aria-setsize="2" aria-posinset="2" aria-labelledby="og1-n3"><span class="og-item__row og-leaf">"#));
    assert!(html.contains(r#"<div class="og-children og-leaves" id="og1-g1" data-unit="1" hidden="until-found"><ul role="group"><li"#));
    // The root is the one tab stop: every other item is out of the tab order.
    assert_eq!(html.matches(r#"tabindex="0""#).count(), 1);
    assert_eq!(html.matches(r#"tabindex="-1""#).count(), html.matches(r#"role="treeitem""#).count() - 1);
}

#[test]
fn a_branch_says_how_many_sub_units_it_holds_and_only_groups_of_leaves_are_marked() {
    let chart = chart(SMALL);
    let view = ViewState::new(&chart, InitialView { depth: 1, open: true });
    for style in [Style::List, Style::Tree] {
        let (html, _) = write(&chart, &view, style, true);
        // DINUM holds 2 (plural), Etalab 1 (singular); leaves say nothing.
        assert_eq!(html.matches("og-count").count(), 2, "{style:?}");
        assert!(html.contains("2\u{a0}sous-unités</span>"), "{style:?}");
        assert!(html.contains("1\u{a0}sous-unité</span>"), "{style:?}");
        // DINUM's group holds a branch (Etalab): not a group of leaves.
        assert!(html.contains(r#"<div class="og-children" id="og1-g0""#), "{style:?}");
        assert!(html.contains(r#"<div class="og-children og-leaves" id="og1-g1""#), "{style:?}");
    }
}

#[test]
fn a_right_to_left_role_is_isolated_in_the_text_of_its_line() {
    let chart = chart(
        r#"{"title": "T", "root": {"id": "a", "name": "A", "people": [
          {"name": "Sara", "role": "مديرة"}, {"name": "\u202dسارة", "role": "Chef \u202eadjoint"}, {"name": "Zoé", "role": "Chef"}]}}"#,
    );
    let view = ViewState::new(&chart, InitialView::default());
    let (list, _) = write(&chart, &view, Style::List, true);
    assert!(
        list.contains("<li>\u{2068}مديرة\u{2069} : Sara</li><li>\u{2068}Chef \u{202e}adjoint\u{2069} : \u{202d}سارة</li><li>Chef : Zoé</li>"),
        "{list}"
    );
    // In the tree's sentence, a name that needs it is isolated from the next person.
    let (tree, _) = write(&chart, &view, Style::Tree, true);
    assert!(
        tree.contains(">\u{2068}مديرة\u{2069} : Sara ; \u{2068}\u{2068}Chef \u{202e}adjoint\u{2069} : \u{202d}سارة\u{2069} ; Chef : Zoé</span>"),
        "{tree}"
    );
}

#[test]
fn no_text_from_the_data_becomes_markup() {
    let hostile = r#"<img src=x onerror="alert(1)">&amp;'"#;
    let text = format!(
        r#"{{"title": "T", "root": {{"id": "a", "name": {h}, "short_name": {h}, "kind": {h}, "description": {h},
          "url": "https://x.example/?q=\"><script>", "people": [{{"name": {h}, "role": {h}}}]}}}}"#,
        h = serde_json_string(hostile)
    );
    let chart = chart(&text);
    let view = ViewState::new(&chart, InitialView::default());
    for style in [Style::List, Style::Tree] {
        let (html, _) = write(&chart, &view, style, true);
        assert!(!html.contains("<img") && !html.contains("<script") && !html.contains("\"alert"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;&#39;"), "{html}");
        // Every tag in the output is one the markup writes itself.
        for tag in html.split('<').skip(1).map(|t| t.split([' ', '>']).next().unwrap_or("")) {
            assert!(["li", "/li", "button", "/button", "span", "/span", "p", "/p", "ul", "/ul", "a", "/a", "div", "/div"].contains(&tag), "tag {tag}");
        }
    }
}

fn serde_json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn escape_replaces_the_special_characters_only() {
    let mut out = String::new();
    escape(&mut out, "a&b<c>d\"e'f — é\r\n\0\u{7}\u{202e}");
    assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&#39;f — é&#13;\n\u{fffd}\u{7}\u{202e}");
}

#[test]
fn eager_markup_fills_every_branch_lazy_markup_only_opened_ones() {
    let text = organigramme_core::generate::flat_json(40, 3);
    let chart = chart(&text);
    let mut view = ViewState::new(&chart, InitialView { depth: 2, open: true });
    let branches: Vec<UnitId> = chart.ids().filter(|&u| chart.has_children(u)).collect();

    let (html, filled) = write(&chart, &view, Style::List, true);
    assert_eq!(filled.len(), branches.len());
    assert_eq!(html.matches("class=\"og-unit\"").count(), 40);

    let (html, filled) = write(&chart, &view, Style::List, false);
    assert_eq!(filled, [chart.root()]);
    assert_eq!(html.matches("class=\"og-unit\"").count(), 4, "the root and its 3 sub-units");
    // Every branch written has its (empty) group, for aria-controls.
    assert_eq!(html.matches("class=\"og-children\"").count(), 4);

    // Opening u1 then writing u0's group fills u1's too: its sub-units read the state.
    reduce(&mut view, &chart, Items::Branches, Action::Expand(u(&chart, "u1")));
    let ids = ids();
    let markup = Markup { chart: &chart, view: &view, ids: &ids, words: WORDS, style: Style::List, eager: false, current: chart.root(), anchors: None };
    let mut fill = Fill::all();
    let group = markup.group(chart.root(), &mut fill);
    assert_eq!(fill.filled, [chart.root(), u(&chart, "u1")]);
    assert!(group.starts_with("<ul><li class=\"og-unit\" data-unit=\"1\">"));
    assert_eq!(group.matches("class=\"og-unit\"").count(), 6);
}

/// Writes `unit`'s group into `html` where a write left it empty, as the
/// widget does with `innerHTML`.
fn splice(html: &mut String, unit: UnitId, group: &str, empty: &str) {
    let at = html.find(&format!("id=\"og1-g{}\" data-unit=\"{}\"", unit.index(), unit.index())).expect("the group is written");
    let open = at + html[at..].find('>').unwrap() + 1;
    assert_eq!(&html[open..open + empty.len()], empty, "unit {} was left empty", unit.index());
    html.replace_range(open..open + empty.len(), group);
}

/// Written a budget at a time, each write taking the first branch left
/// empty, the chart ends as one unbounded write has it, in every view,
/// regime and state; each write stays within its budget but for the group
/// it fills.
#[test]
fn writes_within_a_budget_add_up_to_the_whole_markup() {
    use organigramme_core::generate::{realistic_json, Form};
    let chart = chart(&realistic_json(400, 7, Form::Nested));
    // Once the budget is spent, the groups being written are finished.
    let slack = chart.ids().map(|u| chart.child_count(u)).max().unwrap() * chart.ids().map(|u| chart.level(u) as usize).max().unwrap();
    let mut opened = ViewState::new(&chart, InitialView { depth: 2, open: true });
    reduce(&mut opened, &chart, Items::Branches, Action::ExpandAll);
    let mut some = ViewState::new(&chart, InitialView { depth: 3, open: true });
    reduce(&mut some, &chart, Items::Branches, Action::Collapse(chart.first_child(chart.root()).unwrap()));
    let ids = ids();
    for (view, style, eager) in [
        (&opened, Style::List, false),
        (&opened, Style::Tree, false),
        (&some, Style::List, false),
        (&some, Style::Tree, true),
    ] {
        let markup = Markup { chart: &chart, view, ids: &ids, words: WORDS, style, eager, current: chart.root(), anchors: None };
        let whole = markup.root(&mut Fill::all());
        let empty = if style == Style::Tree { "<ul role=\"group\"></ul>" } else { "<ul></ul>" };
        for budget in [0, 1, 2, 7, 40, 1000] {
            let mut filled = Filled::new(&chart);
            let mut fill = Fill::within(budget);
            let mut html = markup.root(&mut fill);
            filled.mark(&fill.filled);
            let mut from = fill.left;
            let mut writes = 1;
            while let Some(unit) = from.and_then(|f| filled.pending(&chart, view, eager, f)) {
                let mut fill = Fill::within(budget);
                let group = markup.group(unit, &mut fill);
                // The group's own sub-units, then at most the budget below them.
                let written = group.matches("<li class=\"og-unit\"").count() + group.matches("<li role=\"treeitem\"").count();
                assert_eq!(fill.units, written);
                assert!(written <= chart.child_count(unit) + budget + slack, "{written} units for a budget of {budget}");
                splice(&mut html, unit, &group, empty);
                filled.mark(&fill.filled);
                from = Some(fill.left.map_or(unit, |l| l.min(unit)));
                writes += 1;
            }
            assert_eq!(html, whole, "budget {budget}, {style:?}, eager {eager}");
            assert!(filled.pending(&chart, view, eager, chart.root()).is_none());
            if budget < 40 {
                assert!(writes > 1, "a small budget takes several writes");
            }
        }
    }
}

/// A slice starts at the first branch left (or where it is asked to, if
/// before); one slice task is scheduled at a time, from the first frame
/// on; slices grow with what is written; a unit's element needs its
/// topmost unfilled ancestor filled first.
#[test]
fn slices_start_at_the_first_branch_left_and_grow_with_what_is_written() {
    use organigramme_core::markup::SLICE;
    let chart = chart(&organigramme_core::generate::flat_json(40, 3));
    let mut filled = Filled::new(&chart);
    assert_eq!((filled.is_due(), filled.slice(), filled.budget), (false, SLICE, SLICE));
    assert!(filled.leave(u(&chart, "u9")), "the first branch left");
    assert!(!filled.leave(u(&chart, "u4")), "a second one, before it, joins it");
    assert!(!filled.leave(u(&chart, "u12")));
    assert!(filled.is_due());
    assert!(!filled.schedule(), "nothing is scheduled before the first frame");
    // The first frame's slice, asked to start at u5, starts at u4, left before it.
    assert_eq!(filled.start_slice(false, Some(u(&chart, "u5")), 100), Some(u(&chart, "u4")));
    assert_eq!((filled.is_due(), filled.budget), (false, 100));
    filled.started = true;
    assert!(filled.leave(u(&chart, "u7")));
    assert!(filled.schedule(), "from then on a branch left schedules a slice");
    assert!(!filled.schedule(), "one at a time");
    // Printing's slice, at once, writes what is left; the task stays scheduled.
    assert_eq!(filled.start_slice(false, Some(chart.root()), usize::MAX), Some(chart.root()));
    assert!(filled.leave(u(&chart, "u8")));
    assert!(!filled.schedule(), "the task scheduled takes it");
    assert_eq!(filled.start_slice(true, None, 50), Some(u(&chart, "u8")));
    assert_eq!(filled.start_slice(true, None, 50), None, "nothing left");
    assert!(filled.leave(u(&chart, "u9")));
    assert!(filled.schedule(), "the task that ran is no longer scheduled");

    filled.start_slice(true, None, SLICE);
    let mut fill = Fill::within(7);
    fill.units = 3 * SLICE;
    fill.filled = vec![chart.root()];
    fill.left = Some(u(&chart, "u2"));
    assert!(filled.record(&fill), "it left the first branch");
    assert_eq!((filled.budget, filled.slice()), (7, 3 * SLICE / 2));
    assert!(filled.is_filled(chart.root()));

    // u39's ancestors: u12, u3, u0 (filled): u3 first, then u12.
    let deep = u(&chart, "u39");
    assert_eq!(filled.missing(&chart, deep), Some(u(&chart, "u3")));
    filled.mark(&[u(&chart, "u3")]);
    assert_eq!(filled.missing(&chart, deep), Some(u(&chart, "u12")));
    filled.mark(&[u(&chart, "u12")]);
    assert_eq!(filled.missing(&chart, deep), None);
    assert!(filled.has_element(&chart, deep));
}

#[test]
fn a_unit_has_an_element_once_its_parent_is_filled() {
    let chart = chart(SMALL);
    let mut filled = Filled::new(&chart);
    assert!(filled.has_element(&chart, chart.root()));
    assert!(!filled.has_element(&chart, u(&chart, "etalab")));
    filled.mark(&[chart.root()]);
    assert!(filled.is_filled(chart.root()));
    assert!(filled.has_element(&chart, u(&chart, "etalab")));
    assert!(!filled.has_element(&chart, u(&chart, "datalab")));
}

/// A chart that gives its units their link's id writes it on the list's
/// item and on the tree's row, prefixed; otherwise no such id.
#[test]
fn units_carry_their_link_id_when_the_chart_gives_it() {
    let chart = chart(SMALL);
    let view = ViewState::new(&chart, InitialView { depth: 9, open: true });
    let ids = ids();
    for (style, etalab) in [
        (Style::List, "<li class=\"og-unit\" id=\"org-etalab\" data-unit=\"1\">"),
        (Style::Tree, "<span class=\"og-item__row og-open\" id=\"org-etalab\">"),
    ] {
        let markup = Markup {
            chart: &chart,
            view: &view,
            ids: &ids,
            words: WORDS,
            style,
            eager: true,
            current: chart.root(),
            anchors: Some("org-"),
        };
        let html = markup.root(&mut Fill::all());
        assert!(html.contains(etalab), "{style:?}: {html}");
        for id in ["dinum", "etalab", "datalab", "isn"] {
            assert_eq!(html.matches(&format!(" id=\"org-{id}\"")).count(), 1, "{style:?}: {id}");
        }
        let without = Markup { anchors: None, ..markup };
        assert!(!without.root(&mut Fill::all()).contains("id=\"org-"));
    }
}

/// Where units carry their link's id, each list card has a button copying
/// its link, named after the unit (escaped); the tree has none (its items
/// hold nothing focusable: the details region copies the link).
#[test]
fn list_cards_copy_their_link_where_units_carry_its_id() {
    let hostile = r#"<b>"x"&'"#;
    let text = SMALL.replace(r#""name": "Etalab""#, &format!("\"name\": {}", serde_json_string(hostile)));
    let chart = chart(&text);
    let view = ViewState::new(&chart, InitialView { depth: 9, open: true });
    let ids = ids();
    let markup =
        Markup { chart: &chart, view: &view, ids: &ids, words: WORDS, style: Style::List, eager: true, current: chart.root(), anchors: Some("") };
    let html = markup.root(&mut Fill::all());
    assert_eq!(html.matches("class=\"og-copy-link\"").count(), chart.len(), "{html}");
    assert!(
        html.contains(concat!(
            r#"</span> <button type="button" class="og-copy-link" data-copy="1" aria-label="Copier le lien : &lt;b&gt;&quot;x&quot;&amp;&#39;">"#,
            "Copier le lien</button><p class=\"og-desc\">"
        )),
        "{html}"
    );
    assert!(html.contains(r#"aria-label="Copier le lien : Datalab">Copier le lien</button><p class="og-link">"#), "{html}");
    let tree = Markup { style: Style::Tree, ..markup };
    assert!(!tree.root(&mut Fill::all()).contains("og-copy-link"));
    let without = Markup { anchors: None, ..markup };
    assert!(!without.root(&mut Fill::all()).contains("og-copy-link"));
}

#[test]
fn a_leaf_s_details_end_with_its_site_as_the_page_shows_it() {
    use organigramme_core::texts::Texts;
    use organigramme_core::Lang;
    let chart = parse(
        r#"{"title": "T", "root": {"name": "DINUM", "children": [
          {"name": "Beta", "kind": "Pôle", "url": "https://beta.gouv.fr/", "people": [{"name": "A", "role": "Chef"}]},
          {"name": "Sans site"}]}}"#,
    )
    .unwrap();
    let [beta, bare] = [1, 2].map(|i| &chart[UnitId::from_index(i, &chart).unwrap()]);
    assert_eq!(Texts(Lang::Fr).details(beta), "Beta. Pôle. Chef : A. Site : beta.gouv.fr/");
    assert_eq!(Texts(Lang::En).details(beta), "Beta. Pôle. Chef: A. Website: beta.gouv.fr/");
    assert_eq!(Texts(Lang::Fr).details(bare), "Sans site");
}
