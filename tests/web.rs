//! The component in a real DOM (headless Chromium): it mounts, toggles, and
//! reflects the core's state in its attributes. Behaviour the core can prove
//! natively is tested there, not here.
#![cfg(target_arch = "wasm32")]

use organigramme::{core::parse, render, Options};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const DINUM: &str = include_str!("../public/data/dinum-2024.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host holding a fallback paragraph, with the DINUM chart rendered.
fn mount(options: Options) -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_inner_html("<p class=\"fallback\">Chargement…</p>");
    document().body().unwrap().append_child(&host).unwrap();
    render(host.clone(), parse(DINUM).unwrap(), &options);
    host
}

/// Resolves after the first frame, once a small chart has written its
/// collapsed branches (scheduled at render, so before this).
async fn after_first_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
            let window = web_sys::window().unwrap();
            window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0).unwrap();
        });
        web_sys::window().unwrap().request_animation_frame(later.unchecked_ref()).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(host: &Element, selector: &str) -> HtmlElement {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

/// The toggle whose name contains `name`, and the list it controls.
fn branch(host: &Element, name: &str) -> (HtmlElement, HtmlElement) {
    let toggles = host.query_selector_all(".og-toggle").unwrap();
    let toggle: HtmlElement = (0..toggles.length())
        .filter_map(|i| toggles.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|t| t.text_content().unwrap_or_default().contains(name))
        .unwrap_or_else(|| panic!("no toggle named {name}"));
    let list = find(host, &format!("#{}", attr(&toggle, "aria-controls").unwrap()));
    (toggle, list)
}

#[wasm_bindgen_test]
async fn replaces_the_fallback_and_starts_closed() {
    let host = mount(Options::default());
    assert!(host.query_selector(".fallback").unwrap().is_none());
    let disclosure = find(&host, ".og-disclosure");
    assert_eq!(disclosure.text_content().unwrap(), "Version accessible de l’organigramme");
    assert_eq!(attr(&disclosure, "aria-expanded").as_deref(), Some("false"));
    let region = find(&host, &format!("#{}", attr(&disclosure, "aria-controls").unwrap()));
    assert_eq!(attr(&region, "hidden").as_deref(), Some("until-found"));

    disclosure.click();
    leptos::task::tick().await;
    assert_eq!(attr(&disclosure, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(attr(&region, "hidden"), None);
}

#[wasm_bindgen_test]
async fn a_toggle_reflects_its_branch_state() {
    let host = mount(Options { open: true, ..Options::default() });
    let (toggle, list) = branch(&host, "Etalab");
    assert_eq!(attr(&toggle, "type").as_deref(), Some("button"));
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&list, "hidden").as_deref(), Some("until-found"));
    // Small charts are rendered whole, so find-in-page reaches hidden poles:
    // the first frame shows what is open, the collapsed branches follow.
    assert!(!list.text_content().unwrap().contains("Datalab"));
    after_first_frame().await;
    assert!(list.text_content().unwrap().contains("Datalab"));

    toggle.click();
    leptos::task::tick().await;
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(attr(&list, "hidden"), None);

    toggle.click();
    leptos::task::tick().await;
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&list, "hidden").as_deref(), Some("until-found"));
}

#[wasm_bindgen_test]
async fn leaves_have_no_expanded_state_and_show_people() {
    let host = mount(Options { open: true, ..Options::default() });
    after_first_frame().await;
    let leaves = host.query_selector_all(".og-label").unwrap();
    assert!(leaves.length() > 20);
    for i in 0..leaves.length() {
        let leaf: Element = leaves.item(i).unwrap().unchecked_into();
        assert_eq!(attr(&leaf, "aria-expanded"), None);
        assert!(leaf.query_selector("button").unwrap().is_none());
    }
    let text = host.text_content().unwrap();
    assert!(text.contains("Chef du département : Ishan Bohjwani"), "{text}");
}

#[wasm_bindgen_test]
async fn expand_all_and_collapse_all_update_every_branch_and_the_status() {
    let host = mount(Options { open: true, ..Options::default() });
    // The toolbar's own buttons, after the layout switch's group.
    let buttons = host.query_selector_all(".og-toolbar > button").unwrap();
    let expand: HtmlElement = buttons.item(0).unwrap().unchecked_into();
    let collapse: HtmlElement = buttons.item(1).unwrap().unchecked_into();
    let status = find(&host, ".og-status[role=status]");

    expand.click();
    leptos::task::tick().await;
    let toggles = host.query_selector_all(".og-toggle").unwrap();
    for i in 0..toggles.length() {
        let t: Element = toggles.item(i).unwrap().unchecked_into();
        assert_eq!(attr(&t, "aria-expanded").as_deref(), Some("true"));
    }
    assert_eq!(status.text_content().unwrap(), "Tout est déplié : 45 unités affichées.");

    collapse.click();
    leptos::task::tick().await;
    let expanded = host.query_selector_all(".og-toggle[aria-expanded=true]").unwrap();
    assert_eq!(expanded.length(), 1, "only the root stays open");
    assert_eq!(status.text_content().unwrap(), "Tout est replié : seul le premier niveau reste affiché.");
}

#[wasm_bindgen_test]
async fn two_charts_have_distinct_ids() {
    let a = mount(Options::default());
    let b = mount(Options::default());
    let ids = |host: &HtmlElement| {
        let nodes = host.query_selector_all("[id]").unwrap();
        (0..nodes.length()).map(|i| attr(&nodes.item(i).unwrap().unchecked_into(), "id").unwrap()).collect::<std::collections::HashSet<_>>()
    };
    let (ids_a, ids_b) = (ids(&a), ids(&b));
    // The frame's parts (disclosure, region, search…) and the units written.
    assert!(ids_a.len() >= 10 && ids_b.len() >= 10, "{ids_a:?} {ids_b:?}");
    let shared: Vec<_> = ids_a.intersection(&ids_b).collect();
    assert!(shared.is_empty(), "ids in both charts: {shared:?}");
}

#[wasm_bindgen_test]
async fn large_charts_create_markup_only_for_opened_branches() {
    let text = organigramme::core::generate::flat_json(5_000, 10);
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    render(host.clone(), parse(&text).unwrap(), &Options { open: true, ..Options::default() });
    // The root and its ten sub-units; nothing below them yet.
    assert_eq!(host.query_selector_all(".og-unit").unwrap().length(), 11);

    let (toggle, list) = branch(&host, "Unité 3");
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(list.query_selector_all(":scope > ul > .og-unit").unwrap().length(), 10);
    assert_eq!(host.query_selector_all(".og-unit").unwrap().length(), 21);

    // Closing keeps the markup, so reopening costs nothing.
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(attr(&list, "hidden").as_deref(), Some("until-found"));
    assert_eq!(host.query_selector_all(".og-unit").unwrap().length(), 21);
}

/// A JS options object, as a host page would pass it.
fn js_options(pairs: &[(&str, wasm_bindgen::JsValue)]) -> wasm_bindgen::JsValue {
    let object = js_sys::Object::new();
    for (name, value) in pairs {
        js_sys::Reflect::set(&object, &(*name).into(), value).unwrap();
    }
    object.into()
}

#[wasm_bindgen_test]
async fn the_js_api_mounts_inline_data_and_destroy_restores_the_host() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_inner_html("<ul class=\"static\"><li>Liste statique</li></ul>");
    document().body().unwrap().append_child(&host).unwrap();
    let before = host.inner_html();

    let chart = organigramme::mount(
        host.clone(),
        js_options(&[("data", DINUM.into()), ("open", true.into()), ("depth", 2.into())]),
    );
    assert!(host.query_selector(".static").unwrap().is_none());
    // depth 2: the root and the departments are open.
    let (etalab, _) = branch(&host, "Etalab");
    assert_eq!(attr(&etalab, "aria-expanded").as_deref(), Some("true"));

    assert!(chart.collapse_all());
    leptos::task::tick().await;
    assert_eq!(attr(&etalab, "aria-expanded").as_deref(), Some("false"));
    assert!(chart.reveal("etalab-datalab", JsValue::UNDEFINED));
    leptos::task::tick().await;
    assert_eq!(attr(&etalab, "aria-expanded").as_deref(), Some("true"));
    assert!(!chart.reveal("no-such-unit", JsValue::UNDEFINED));

    chart.destroy();
    assert_eq!(host.inner_html(), before);
    assert!(document().query_selector(&format!("#{}", attr(&etalab, "id").unwrap())).unwrap().is_none());
    assert!(!chart.expand_all(), "a destroyed chart does nothing");
}

#[wasm_bindgen_test]
async fn english_strings_and_lang_attributes() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let _chart = organigramme::mount(host.clone(), js_options(&[("data", DINUM.into()), ("lang", "en".into())]));
    let disclosure = find(&host, ".og-disclosure");
    assert_eq!(disclosure.text_content().unwrap(), "Accessible version of the organisation chart");
    assert_eq!(find(&host, ".og-toolbar > button").text_content().unwrap(), "Expand all");
    assert_eq!(find(&host, ".og-group legend").text_content().unwrap(), "Layout");
    assert_eq!(find(&host, ".og-group button").text_content().unwrap(), "List");
    assert_eq!(find(&host, ".og-search__label").text_content().unwrap(), "Search a unit, a person or a role");
    assert_eq!(find(&host, ".og-footer").text_content().unwrap(), "Organisation chart dated 17 January 2024 · Source");
    // The widget speaks English; the data stays French.
    assert_eq!(attr(&find(&host, ".organigramme"), "lang").as_deref(), Some("en"));
    assert_eq!(attr(&find(&host, ".og-tree"), "lang").as_deref(), Some("fr"));
    after_first_frame().await;
    assert!(host.text_content().unwrap().contains("Chef du département: Ishan Bohjwani"));
}

#[wasm_bindgen_test]
async fn invalid_inline_data_leaves_the_fallback_under_an_alert() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_inner_html("<p class=\"fallback\">Liste statique</p>");
    document().body().unwrap().append_child(&host).unwrap();
    let _chart = organigramme::mount(host.clone(), js_options(&[("data", "{\"title\": \"T\",}".into())]));
    let alert = find(&host, "[role=alert]");
    assert_eq!(
        alert.text_content().unwrap(),
        "Le fichier « intégré à la page » n’est pas valide — ligne 1, colonne 15 : virgule en trop avant la fermeture."
    );
    assert!(host.query_selector(".fallback").unwrap().is_some());
    assert_eq!(host.first_element_child().unwrap(), alert.unchecked_into::<Element>());
}

#[wasm_bindgen_test]
async fn the_source_link_shows_without_a_date() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let text = r#"{"title": "T", "source": "https://example.org/", "root": {"name": "R"}}"#;
    let _chart = render(host.clone(), parse(text).unwrap(), &Options { open: true, ..Options::default() });
    let footer = find(&host, ".og-footer");
    assert_eq!(footer.text_content().unwrap(), "Source");
    assert_eq!(attr(&find(&footer, "a"), "href").as_deref(), Some("https://example.org/"));
}

#[wasm_bindgen_test]
async fn a_click_in_an_open_group_does_not_toggle_its_parent() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let options = Options { open: true, mode: organigramme::Mode::Tree, ..Options::default() };
    let _chart = render(host.clone(), parse(DINUM).unwrap(), &options);
    let root: HtmlElement = find(&host, "[role=treeitem]");
    assert_eq!(attr(&root, "aria-expanded").as_deref(), Some("true"));

    // The gap around the sub-items belongs to no item's row.
    find(&root, "[role=group]").click();
    leptos::task::tick().await;
    assert_eq!(attr(&root, "aria-expanded").as_deref(), Some("true"));

    // The item itself, as assistive technologies click it, or its row, toggles.
    root.click();
    leptos::task::tick().await;
    assert_eq!(attr(&root, "aria-expanded").as_deref(), Some("false"));
    find(&root, ".og-item__row").click();
    leptos::task::tick().await;
    assert_eq!(attr(&root, "aria-expanded").as_deref(), Some("true"));
}
