//! The widget's frame as the core writes it: what each option changes, the
//! controls the widget's listener reads, the tree's details region, and
//! that no text from the data or the host becomes markup.

use organigramme_core::frame::{alert, details_body, link_field, Control, Frame};
use organigramme_core::markup::{Ids, Part, Style};
use organigramme_core::texts::Texts;
use organigramme_core::{parse, Chart, Lang};

const SMALL: &str = r#"{"title": "Organigramme de la DINUM", "updated": "2024-05-01", "source": "https://www.numerique.gouv.fr/",
  "root": {"id": "dinum", "name": "DINUM", "kind": "Direction",
  "people": [{"name": "Stéphanie Schaer", "role": "Directrice"}],
  "children": [
    {"id": "etalab", "name": "Etalab", "short_name": "E", "kind": "Département", "description": "Données",
     "people": [{"name": "A"}, {"name": "B", "role": "Adjoint"}], "url": "https://etalab.example/"}]}}"#;

fn chart(text: &str) -> Chart {
    parse(text).unwrap()
}

fn frame<'a>(chart: &'a Chart, ids: &'a Ids, style: Style) -> Frame<'a> {
    Frame {
        chart,
        texts: Texts(Lang::Fr),
        ids,
        style,
        chart_layout: false,
        layout_switch: true,
        search: true,
        open: true,
        label: None,
        heading: None,
    }
}

/// Every `data-control` the markup holds, in order.
fn controls(html: &str) -> Vec<&str> {
    html.split("data-control=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect()
}

#[test]
fn every_control_written_is_one_the_widget_reads() {
    let chart = chart(SMALL);
    let ids = Ids("og1".into());
    let list = frame(&chart, &ids, Style::List).html("");
    assert_eq!(
        controls(&list),
        ["disclosure", "layout-list", "layout-chart", "zoom-out", "zoom-in", "zoom-fit", "expand-all", "collapse-all", "print"]
    );
    let tree = frame(&chart, &ids, Style::Tree).html("");
    assert_eq!(controls(&tree).last(), Some(&"copy-link"));
    for name in controls(&tree) {
        let control = Control::parse(name).unwrap_or_else(|| panic!("{name} is no control"));
        assert_eq!(control.name(), name);
    }
    assert_eq!(Control::parse("submit"), None);
}

#[test]
fn the_list_frame_holds_the_units_in_a_named_scrolling_region() {
    let chart = chart(SMALL);
    let ids = Ids("og2".into());
    let html = frame(&chart, &ids, Style::List).html("<li>UNITS</li>");
    assert!(html.starts_with("<button type=\"button\" class=\"og-disclosure\" id=\"og2-disclosure\" data-control=\"disclosure\" aria-controls=\"og2-chart\" aria-expanded=\"true\">Version accessible de l’organigramme</button><div class=\"og-chart\" id=\"og2-chart\">"), "{html}");
    assert!(html.contains("<p class=\"og-title\" id=\"og2-title\">Organigramme de la DINUM</p>"), "{html}");
    assert!(html.contains("<div class=\"og-scroller\" id=\"og2-scroller\" role=\"region\" aria-labelledby=\"og2-title\"><ul class=\"og-tree\" aria-labelledby=\"og2-title\"><li>UNITS</li></ul></div>"), "{html}");
    assert!(html.contains("</div><p class=\"og-status\" role=\"status\"></p>"), "the status follows the toolbar: {html}");
    assert!(html.contains("<p class=\"og-footer\">Organigramme daté du 1er mai 2024 · <a href=\"https://www.numerique.gouv.fr/\">"), "{html}");
    assert!(!html.contains("role=\"tree\"") && !html.contains("og-details"), "{html}");
    assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
}

#[test]
fn the_tree_frame_has_a_tree_and_the_root_in_its_details_region() {
    let chart = chart(SMALL);
    let ids = Ids("og1".into());
    let html = frame(&chart, &ids, Style::Tree).html("");
    assert!(html.contains("<div class=\"og-treeview\"><div class=\"og-scroller\""), "{html}");
    assert!(html.contains("<ul role=\"tree\" class=\"og-tree\""), "{html}");
    assert!(html.contains(
        "</ul></div> <section class=\"og-details\" aria-labelledby=\"og1-details\"><p class=\"og-details__title\" id=\"og1-details\">Détails</p><p class=\"og-details__name\">DINUM</p><p class=\"og-kind\">Direction</p><ul class=\"og-people\"><li>Directrice : Stéphanie Schaer</li></ul><p class=\"og-copy\"><button type=\"button\" class=\"og-button\" data-control=\"copy-link\">"
    ), "{html}");
}

#[test]
fn each_option_changes_its_part_only() {
    let chart = chart(SMALL);
    let ids = Ids("og1".into());
    let base = frame(&chart, &ids, Style::List);
    let closed = Frame { open: false, ..frame(&chart, &ids, Style::List) }.html("");
    assert!(closed.contains("aria-expanded=\"false\">") && closed.contains("<div class=\"og-chart\" id=\"og1-chart\" hidden=\"until-found\">"));
    let no_search = Frame { search: false, ..frame(&chart, &ids, Style::List) }.html("");
    assert!(base.html("").contains("<form class=\"og-search\" role=\"search\"") && !no_search.contains("<form"));
    let no_switch = Frame { layout_switch: false, ..frame(&chart, &ids, Style::List) }.html("");
    assert!(!no_switch.contains("layout-list") && no_switch.contains("zoom-out"));
    let chart_layout = Frame { chart_layout: true, ..frame(&chart, &ids, Style::List) }.html("");
    assert!(chart_layout.contains("data-control=\"layout-list\" aria-pressed=\"false\"") && chart_layout.contains("data-control=\"layout-chart\" aria-pressed=\"true\""));
    assert!(base.html("").contains("data-control=\"layout-list\" aria-pressed=\"true\""));
    let heading = Frame { heading: Some("3"), label: Some("Voir l’organigramme"), ..frame(&chart, &ids, Style::List) }.html("");
    assert!(heading.contains("<p class=\"og-title\" id=\"og1-title\" role=\"heading\" aria-level=\"3\">"), "{heading}");
    assert!(heading.contains(">Voir l’organigramme</button>"), "{heading}");
    let english = Frame { texts: Texts(Lang::En), ..frame(&chart, &ids, Style::List) }.html("");
    assert!(english.contains(">Expand all</button>") && !english.contains("Tout déplier"));
}

#[test]
fn data_in_another_language_says_so_where_it_shows() {
    let chart = chart(&SMALL.replacen("{\"title\"", "{\"lang\": \"en-GB\", \"title\"", 1));
    let ids = Ids("og1".into());
    let html = frame(&chart, &ids, Style::List).html("");
    assert!(html.contains("<p class=\"og-title\" id=\"og1-title\" lang=\"en-GB\">"), "{html}");
    assert!(html.contains("class=\"og-tree\" aria-labelledby=\"og1-title\" lang=\"en-GB\">"), "{html}");
    let same = Frame { texts: Texts(Lang::En), ..frame(&chart, &ids, Style::List) }.html("");
    assert!(!same.contains("lang="), "{same}");
}

#[test]
fn details_say_what_a_card_says() {
    let chart = chart(SMALL);
    let etalab = chart.find("etalab").unwrap();
    assert_eq!(
        details_body(&chart, Texts(Lang::Fr), etalab),
        "<p class=\"og-details__name\">Etalab (E)</p><p class=\"og-kind\">Département</p><p class=\"og-desc\">Données</p><ul class=\"og-people\"><li>A</li><li>Adjoint : B</li></ul><p class=\"og-link\">Site : <a href=\"https://etalab.example/\">etalab.example/</a></p>"
    );
}

#[test]
fn an_alert_says_its_message_with_a_retry_button_where_one_helps() {
    assert_eq!(
        alert("Le fichier « a.json » est introuvable.", Some("Réessayer"), None),
        "<div class=\"og-alert\" role=\"alert\"><p>Le fichier « a.json » est introuvable.</p><button type=\"button\" class=\"og-retry\">Réessayer</button></div>"
    );
    assert_eq!(
        alert("line 1, column 2: <x> & \"y\"", None, Some("en")),
        "<div class=\"og-alert\" role=\"alert\" lang=\"en\"><p>line 1, column 2: &lt;x&gt; &amp; &quot;y&quot;</p></div>"
    );
}

#[test]
fn no_text_from_the_data_or_the_host_becomes_markup() {
    let h = r#"<img src=x onerror=\"alert(1)\">&'"#;
    let text = format!(
        r#"{{"title": "{h}", "source": "https://x.example/?\"><script>", "root": {{"id": "a", "name": "{h}", "short_name": "{h}", "kind": "{h}",
          "description": "{h}", "people": [{{"name": "{h}", "role": "{h}"}}]}}}}"#
    );
    let mut chart = chart(&text);
    // The loader refuses such a tag; a chart built in Rust need not.
    chart.meta.lang = Some("x\"><img src=x>".to_owned());
    let ids = Ids("og1".into());
    let html = Frame { heading: Some("2\" onclick=\"x"), label: Some("<b>"), ..frame(&chart, &ids, Style::Tree) }.html("");
    let link = link_field(&ids, Texts(Lang::Fr), "https://x.example/#\"><img>", "p");
    for out in [&html, &link] {
        assert!(!out.contains("<img") && !out.contains("<script") && !out.contains("<b>") && !out.contains("\" onclick"), "{out}");
    }
    assert!(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"), "{html}");
    assert_eq!(link, "<p class=\"og-copy__link\"><label for=\"og1-link\">Lien vers l’unité</label> <input type=\"text\" readonly id=\"og1-link\" value=\"https://x.example/#&quot;&gt;&lt;img&gt;\"></p>");
    assert_eq!(ids.frame(Part::SearchHint), "og1-search-hint");
}
