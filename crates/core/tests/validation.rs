//! Every validation rule of data format v1, each with a sample that passes
//! and a sample that fails, written inline. Failures are checked down to the
//! error's path, its problem and the French message the widget shows.

use organigramme_core::load::{parse, Expected, LoadError, Problem, SyntaxProblem, Warning, MAX_DEPTH};
use organigramme_core::{Chart, Lang};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// A nested-form document around `root`.
fn nested(root: &str) -> String {
    format!(r#"{{"title": "T", "root": {root}}}"#)
}

/// A flat-form document around the `units` array's content.
fn flat(units: &str) -> String {
    format!(r#"{{"title": "T", "units": [{units}]}}"#)
}

/// A nested-form document whose root has one child, the given unit.
fn with_child(child: &str) -> String {
    nested(&format!(r#"{{"id": "r", "name": "R", "children": [{child}]}}"#))
}

#[track_caller]
fn ok(text: &str) -> Chart {
    match parse(text) {
        Ok(chart) => chart,
        Err(e) => panic!("expected {text:?} to load, got: {e} ({e:?})"),
    }
}

#[track_caller]
fn err(text: &str) -> LoadError {
    match parse(text) {
        Ok(chart) => panic!("expected {text:?} to be refused, it loaded {} units", chart.len()),
        Err(e) => e,
    }
}

/// Asserts the exact error: path, problem and message.
#[track_caller]
fn refused(text: &str, path: &str, problem: Problem, message: &str) {
    let e = err(text);
    assert_eq!(e, LoadError::Invalid { path: path.to_owned(), problem }, "for {text:?}");
    assert_eq!(e.to_string(), message, "for {text:?}");
}

fn ids(chart: &Chart) -> Vec<String> {
    chart.ids().map(|u| chart[u].id.clone()).collect()
}

const WRONG_STRING: &str = "la valeur doit être une chaîne de caractères";
const BAD_ID_TAIL: &str = "n’est pas valide (1 à 128 caractères parmi lettres ASCII, chiffres, « - », « _ » et « . », commençant par une lettre ou un chiffre)";
/// A link outside the allow-list is dropped with a warning; the file loads.
fn warned(text: &str, path: &str, unit: &str, url: &str) -> Chart {
    let chart = ok(text);
    let expected = Warning::RefusedLink { path: path.to_owned(), unit: unit.to_owned(), url: url.to_owned() };
    assert_eq!(chart.warnings, [expected], "for {text:?}");
    chart
}

// ---------------------------------------------------------------------------
// Document metadata
// ---------------------------------------------------------------------------

#[test]
fn title_is_read_and_trimmed() {
    let chart = ok(r#"{"title": "  Organigramme  ", "root": {"name": "R"}}"#);
    assert_eq!(chart.meta.title, "Organigramme");
    assert_eq!(chart.meta.lang, None);
    assert_eq!(chart.meta.updated, None);
    assert_eq!(chart.meta.source, None);
}

#[test]
fn title_missing_is_refused_at_the_document() {
    refused(
        r#"{"root": {"name": "R"}}"#,
        "",
        Problem::Missing("title"),
        "racine du document : le champ obligatoire « title » manque",
    );
}

#[test]
fn title_blank_is_refused() {
    refused(r#"{"title": "   ", "root": {"name": "R"}}"#, "title", Problem::Blank, "title : la valeur est vide");
    refused(r#"{"title": "", "root": {"name": "R"}}"#, "title", Problem::Blank, "title : la valeur est vide");
}

#[test]
fn title_of_the_wrong_type_is_refused() {
    refused(
        r#"{"title": 3, "root": {"name": "R"}}"#,
        "title",
        Problem::WrongType(Expected::String),
        &format!("title : {WRONG_STRING}"),
    );
}

#[test]
fn lang_accepts_language_tags() {
    for lang in ["fr", "en-GB", "fra", "zh-Hant-TW"] {
        let chart = ok(&format!(r#"{{"title": "T", "lang": "{lang}", "root": {{"name": "R"}}}}"#));
        assert_eq!(chart.meta.lang.as_deref(), Some(lang));
    }
}

#[test]
fn lang_refuses_what_is_not_a_tag() {
    refused(
        r#"{"title": "T", "lang": "fr_FR", "root": {"name": "R"}}"#,
        "lang",
        Problem::BadLang("fr_FR".into()),
        "lang : la langue « fr_FR » n’est pas un code de langue (par exemple « fr »)",
    );
    for lang in ["français", "f", "fren", "fr-", "", "fr-abcdefghi"] {
        let e = err(&format!(r#"{{"title": "T", "lang": "{lang}", "root": {{"name": "R"}}}}"#));
        assert_eq!(e, LoadError::Invalid { path: "lang".into(), problem: Problem::BadLang(lang.into()) });
    }
    refused(
        r#"{"title": "T", "lang": 12, "root": {"name": "R"}}"#,
        "lang",
        Problem::WrongType(Expected::String),
        &format!("lang : {WRONG_STRING}"),
    );
}

#[test]
fn updated_accepts_real_dates_including_leap_days() {
    for date in ["2024-01-17", "2024-02-29", "2000-02-29", "1999-12-31"] {
        let chart = ok(&format!(r#"{{"title": "T", "updated": "{date}", "root": {{"name": "R"}}}}"#));
        assert_eq!(chart.meta.updated.as_deref(), Some(date));
    }
}

#[test]
fn updated_refuses_dates_that_do_not_exist_or_are_badly_written() {
    refused(
        r#"{"title": "T", "updated": "2023-02-29", "root": {"name": "R"}}"#,
        "updated",
        Problem::BadDate("2023-02-29".into()),
        "updated : la date « 2023-02-29 » doit être une date réelle écrite AAAA-MM-JJ",
    );
    for date in [
        "1900-02-29",
        "2024-04-31",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "17/01/2024",
        "2024-1-17",
        "2024-01-17T10:00",
    ] {
        let e = err(&format!(r#"{{"title": "T", "updated": "{date}", "root": {{"name": "R"}}}}"#));
        assert_eq!(e, LoadError::Invalid { path: "updated".into(), problem: Problem::BadDate(date.into()) });
    }
}

#[test]
fn source_must_be_an_allowed_link() {
    let chart = ok(r#"{"title": "T", "source": "https://www.numerique.gouv.fr/dinum/", "root": {"name": "R"}}"#);
    assert_eq!(chart.meta.source.as_deref(), Some("https://www.numerique.gouv.fr/dinum/"));
    let chart = warned(r#"{"title": "T", "source": "javascript:alert(1)", "root": {"name": "R"}}"#, "source", "", "javascript:alert(1)");
    assert_eq!(chart.meta.source, None);
    assert_eq!(
        chart.warnings[0].message(Lang::Fr),
        "Le lien « javascript:alert(1) » (source) est refusé : il n’est pas affiché. \
         Seuls https:, http:, mailto: et les liens relatifs, sans espace autour, sont acceptés."
    );
}

#[test]
fn unknown_top_level_key_is_refused_but_x_keys_pass() {
    let chart = ok(r#"{"title": "T", "x-generator": {"any": [1, 2]}, "$schema": "./s.json", "root": {"name": "R"}}"#);
    assert_eq!(chart.len(), 1);
    refused(
        r#"{"title": "T", "generator": "x", "root": {"name": "R"}}"#,
        "generator",
        Problem::UnknownField("generator".into()),
        "generator : le champ « generator » est inconnu",
    );
}

#[test]
fn schema_key_must_be_a_string() {
    refused(
        r#"{"$schema": 1, "title": "T", "root": {"name": "R"}}"#,
        "$schema",
        Problem::WrongType(Expected::String),
        &format!("$schema : {WRONG_STRING}"),
    );
}

#[test]
fn top_level_must_be_an_object() {
    refused(r#"[]"#, "", Problem::WrongType(Expected::Object), "racine du document : la valeur doit être un objet");
    refused(r#""T""#, "", Problem::WrongType(Expected::Object), "racine du document : la valeur doit être un objet");
}

#[test]
fn root_and_units_together_are_refused() {
    refused(
        r#"{"title": "T", "root": {"name": "R"}, "units": [{"id": "r", "name": "R", "parent": null}]}"#,
        "",
        Problem::BothRootAndUnits,
        "racine du document : « root » et « units » sont présents : gardez-en un seul",
    );
}

#[test]
fn neither_root_nor_units_is_refused() {
    refused(
        r#"{"title": "T"}"#,
        "",
        Problem::NeitherRootNorUnits,
        "racine du document : il faut « root » ou « units »",
    );
}

#[test]
fn root_must_be_an_object_and_units_an_array() {
    refused(&nested("[]"), "root", Problem::WrongType(Expected::Object), "root : la valeur doit être un objet");
    refused(
        r#"{"title": "T", "units": {"id": "r"}}"#,
        "units",
        Problem::WrongType(Expected::Array),
        "units : la valeur doit être un tableau",
    );
}

// ---------------------------------------------------------------------------
// Unit fields
// ---------------------------------------------------------------------------

#[test]
fn every_unit_field_is_read() {
    let chart = ok(&nested(
        r#"{"id": "r", "name": " Direction ", "short_name": "DIR", "kind": "Direction",
            "description": "Ce qu’elle fait", "url": "https://x.fr/",
            "people": [{"name": "Ada", "role": "Directrice"}, {"name": "Bob"}],
            "x-note": "ignored"}"#,
    ));
    let root = &chart[chart.root()];
    assert_eq!(root.id, "r");
    assert_eq!(root.name, "Direction");
    assert_eq!(root.short_name.as_deref(), Some("DIR"));
    assert_eq!(root.kind.as_deref(), Some("Direction"));
    assert_eq!(root.description.as_deref(), Some("Ce qu’elle fait"));
    assert_eq!(root.url.as_deref(), Some("https://x.fr/"));
    assert_eq!(root.people.len(), 2);
    assert_eq!(root.people[0].name, "Ada");
    assert_eq!(root.people[0].role.as_deref(), Some("Directrice"));
    assert_eq!(root.people[1].name, "Bob");
    assert_eq!(root.people[1].role, None);
}

#[test]
fn blank_optional_texts_become_absent() {
    let chart = ok(&nested(
        r#"{"name": "R", "short_name": " ", "kind": "", "description": "  ", "people": [{"name": "A", "role": " "}]}"#,
    ));
    let root = &chart[chart.root()];
    assert_eq!(root.short_name, None);
    assert_eq!(root.kind, None);
    assert_eq!(root.description, None);
    assert_eq!(root.people[0].role, None);
}

#[test]
fn unit_text_fields_of_the_wrong_type_are_refused() {
    for (field, value) in [("name", "5"), ("short_name", "5"), ("kind", "null"), ("description", "{}"), ("url", "[]")] {
        let text = with_child(&format!(r#"{{"name": "C", "{field}": {value}}}"#));
        let path = format!("root.children[0].{field}");
        refused(&text, &path, Problem::WrongType(Expected::String), &format!("{path} : {WRONG_STRING}"));
    }
}

#[test]
fn people_and_children_must_be_arrays() {
    refused(
        &with_child(r#"{"name": "C", "people": {"name": "A"}}"#),
        "root.children[0].people",
        Problem::WrongType(Expected::Array),
        "root.children[0].people : la valeur doit être un tableau",
    );
    refused(
        &with_child(r#"{"name": "C", "children": {"name": "D"}}"#),
        "root.children[0].children",
        Problem::WrongType(Expected::Array),
        "root.children[0].children : la valeur doit être un tableau",
    );
    refused(
        &with_child(r#"{"name": "C", "children": ["D"]}"#),
        "root.children[0].children[0]",
        Problem::WrongType(Expected::Object),
        "root.children[0].children[0] : la valeur doit être un objet",
    );
}

#[test]
fn person_fields_of_the_wrong_type_are_refused() {
    refused(
        &with_child(r#"{"name": "C", "people": ["Ada"]}"#),
        "root.children[0].people[0]",
        Problem::WrongType(Expected::Object),
        "root.children[0].people[0] : la valeur doit être un objet",
    );
    refused(
        &with_child(r#"{"name": "C", "people": [{"name": "A"}, {"name": 7}]}"#),
        "root.children[0].people[1].name",
        Problem::WrongType(Expected::String),
        &format!("root.children[0].people[1].name : {WRONG_STRING}"),
    );
    refused(
        &with_child(r#"{"name": "C", "people": [{"name": "A", "role": true}]}"#),
        "root.children[0].people[0].role",
        Problem::WrongType(Expected::String),
        &format!("root.children[0].people[0].role : {WRONG_STRING}"),
    );
}

#[test]
fn person_needs_a_name_and_no_other_keys() {
    refused(
        &nested(r#"{"name": "R", "people": [{"role": "Chef"}]}"#),
        "root.people[0]",
        Problem::Missing("name"),
        "root.people[0] : le champ obligatoire « name » manque",
    );
    refused(
        &nested(r#"{"name": "R", "people": [{"name": " "}]}"#),
        "root.people[0].name",
        Problem::Blank,
        "root.people[0].name : la valeur est vide",
    );
    refused(
        &nested(r#"{"name": "R", "people": [{"name": "A", "email": "a@b.fr"}]}"#),
        "root.people[0].email",
        Problem::UnknownField("email".into()),
        "root.people[0].email : le champ « email » est inconnu",
    );
    ok(&nested(r#"{"name": "R", "people": [{"name": "A", "x-email": "a@b.fr"}]}"#));
}

#[test]
fn unit_name_missing_is_refused_at_the_unit() {
    refused(&nested(r#"{"id": "r"}"#), "root", Problem::Missing("name"), "root : le champ obligatoire « name » manque");
    refused(
        &with_child(r#"{"id": "c"}"#),
        "root.children[0]",
        Problem::Missing("name"),
        "root.children[0] : le champ obligatoire « name » manque",
    );
}

#[test]
fn unit_name_blank_is_refused() {
    refused(
        &with_child(r#"{"name": "  "}"#),
        "root.children[0].name",
        Problem::Blank,
        "root.children[0].name : la valeur est vide",
    );
}

#[test]
fn unknown_unit_key_is_refused_with_its_path() {
    refused(
        &with_child(r#"{"name": "C", "chidren": []}"#),
        "root.children[0].chidren",
        Problem::UnknownField("chidren".into()),
        "root.children[0].chidren : le champ « chidren » est inconnu",
    );
    // `parent` belongs to the flat form only.
    refused(
        &nested(r#"{"name": "R", "parent": null}"#),
        "root.parent",
        Problem::UnknownField("parent".into()),
        "root.parent : le champ « parent » est inconnu",
    );
    ok(&with_child(r#"{"name": "C", "x-chidren": []}"#));
}

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

#[test]
fn ids_following_the_rule_are_kept() {
    let long = "a".repeat(128);
    for id in ["a", "7", "ace-brigade_2.0", "A.b-C_d", long.as_str()] {
        let chart = ok(&nested(&format!(r#"{{"id": "{id}", "name": "R"}}"#)));
        assert_eq!(chart[chart.root()].id, id);
        assert_eq!(chart.find(id), Some(chart.root()));
    }
}

#[test]
fn ids_breaking_the_rule_are_refused() {
    let long = "a".repeat(129);
    for id in ["a b", "a#b", "a/b", "é", "-a", ".a", "_a", "", long.as_str()] {
        let text = with_child(&format!(r#"{{"id": "{id}", "name": "C"}}"#));
        refused(
            &text,
            "root.children[0].id",
            Problem::BadId(id.into()),
            &format!("root.children[0].id : l’identifiant « {} » {BAD_ID_TAIL}", echoed(id)),
        );
    }
}

/// How a message echoes a long value: its first 60 characters, then "…".
fn echoed(value: &str) -> String {
    if value.chars().count() > 60 {
        format!("{}…", value.chars().take(60).collect::<String>())
    } else {
        value.to_owned()
    }
}

#[test]
fn echoed_values_cannot_hide_or_reorder_a_message() {
    let e = err(&with_child(r#"{"id": "a\u202eb", "name": "C"}"#));
    assert_eq!(e.to_string(), format!("root.children[0].id : l’identifiant « aU+202Eb » {BAD_ID_TAIL}"));
}

#[test]
fn id_must_be_a_string() {
    refused(
        &nested(r#"{"id": 3, "name": "R"}"#),
        "root.id",
        Problem::WrongType(Expected::String),
        &format!("root.id : {WRONG_STRING}"),
    );
}

#[test]
fn duplicate_ids_in_the_nested_form_name_both_places() {
    refused(
        &nested(
            r#"{"id": "r", "name": "R", "children": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "children": [{"id": "a", "name": "A2"}]}]}"#,
        ),
        "root.children[1].children[0].id",
        Problem::DuplicateId { id: "a".into(), first: "root.children[0]".into() },
        "root.children[1].children[0].id : l’identifiant « a » est déjà utilisé en root.children[0]",
    );
    refused(
        &with_child(r#"{"id": "r", "name": "C"}"#),
        "root.children[0].id",
        Problem::DuplicateId { id: "r".into(), first: "root".into() },
        "root.children[0].id : l’identifiant « r » est déjà utilisé en root",
    );
    refused(
        &nested(
            r#"{"name": "R", "children": [{"name": "A"}, {"name": "B", "children": [{"name": "B1"}, {"name": "B2"}, {"id": "d", "name": "D"}]}, {"id": "d", "name": "D2"}]}"#,
        ),
        "root.children[2].id",
        Problem::DuplicateId { id: "d".into(), first: "root.children[1].children[2]".into() },
        "root.children[2].id : l’identifiant « d » est déjà utilisé en root.children[1].children[2]",
    );
}

#[test]
fn duplicate_ids_in_the_flat_form_name_both_places() {
    refused(
        &flat(
            r#"{"id": "r", "name": "R", "parent": null}, {"id": "a", "name": "A", "parent": "r"}, {"id": "a", "name": "A2", "parent": "r"}"#,
        ),
        "units[2].id",
        Problem::DuplicateId { id: "a".into(), first: "units[1]".into() },
        "units[2].id : l’identifiant « a » est déjà utilisé en units[1]",
    );
}

#[test]
fn ids_are_case_sensitive() {
    let chart = ok(&with_child(r#"{"id": "R", "name": "C"}"#));
    assert_eq!(ids(&chart), ["r", "R"]);
}

// ---------------------------------------------------------------------------
// Derived ids and document order
// ---------------------------------------------------------------------------

const UNNAMED: &str = r#"{"title": "T", "root": {"name": "Direction du numérique", "children": [
    {"name": "Pôle Études", "children": [{"name": "Équipe « A »"}, {"name": "Équipe « A »"}]},
    {"name": "Pôle Études"},
    {"name": "Cabinet"},
    {"id": "cabinet-2", "name": "Autre"},
    {"name": "Cabinet"},
    {"name": "!!!"}
]}}"#;

#[test]
fn derived_ids_follow_the_path_of_names() {
    let chart = ok(UNNAMED);
    assert_eq!(
        ids(&chart),
        [
            "direction-du-numerique",
            "pole-etudes",
            "pole-etudes.equipe-a",
            "pole-etudes.equipe-a-2",
            "pole-etudes-2",
            "cabinet",
            "cabinet-2",
            "cabinet-3",
            "unite",
        ]
    );
    assert_eq!(chart.find("pole-etudes.equipe-a-2").map(|u| chart[u].name.as_str()), Some("Équipe « A »"));
}

#[test]
fn an_explicit_id_is_never_taken_by_a_derived_one_even_when_it_comes_later() {
    let chart = ok(&nested(
        r#"{"name": "R", "children": [{"name": "A"}, {"id": "a", "name": "Explicit"}, {"id": "r", "name": "Root's slug"}]}"#,
    ));
    assert_eq!(ids(&chart), ["r-2", "a-2", "a", "r"]);
}

#[test]
fn derived_ids_are_stable_across_parses() {
    assert_eq!(ids(&ok(UNNAMED)), ids(&ok(UNNAMED)));
}

#[test]
fn derived_ids_are_valid_ids() {
    let chart = ok(UNNAMED);
    for u in chart.ids() {
        assert!(organigramme_core::ids::is_valid_id(&chart[u].id), "{}", chart[u].id);
    }
}

#[test]
fn flat_form_keeps_file_order_among_siblings_even_when_children_come_first() {
    let chart = ok(&flat(
        r#"{"id": "b1", "name": "B1", "parent": "b"},
           {"id": "b", "name": "B", "parent": "r"},
           {"id": "a", "name": "A", "parent": "r"},
           {"id": "b2", "name": "B2", "parent": "b"},
           {"id": "r", "name": "R", "parent": null}"#,
    ));
    assert_eq!(ids(&chart), ["r", "b", "b1", "b2", "a"]);
    // Each id finds its unit in document order, not its row in the file.
    for unit in chart.ids() {
        assert_eq!(chart.find(&chart[unit].id), Some(unit));
    }
    let b = chart.find("b").unwrap();
    assert_eq!(chart.parent(b), Some(chart.root()));
    assert_eq!(chart.position(b), (1, 2));
    assert_eq!(chart.position(chart.find("a").unwrap()), (2, 2));
    assert_eq!(chart.level(chart.find("b2").unwrap()), 3);
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

#[test]
fn allowed_links_are_kept() {
    for url in [
        "https://beta.gouv.fr",
        "http://x.fr",
        "HTTPS://X.FR",
        "mailto:a@b.fr",
        "/annuaire#ace",
        "page.html",
        "#x",
        "?q=1",
    ] {
        let chart = ok(&nested(&format!(r#"{{"name": "R", "url": "{url}"}}"#)));
        assert_eq!(chart[chart.root()].url.as_deref(), Some(url));
    }
}

#[test]
fn dangerous_or_unknown_schemes_are_refused() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " https://x",
        "https://x ",
        "data:text/html,x",
        "vbscript:x",
        "ftp://x",
        "",
        "java\\tscript:x",
    ] {
        let text = with_child(&format!(r#"{{"name": "C", "url": "{url}"}}"#));
        let unescaped = url.replace("\\t", "\t");
        let chart = warned(&text, "root.children[0].url", "C", &unescaped);
        assert_eq!(chart[chart.find("c").unwrap()].url, None, "the unit is shown without the link");
        // Control characters are spelled out, never echoed raw.
        let echoed = url.replace("\\t", "U+0009");
        assert_eq!(
            chart.warnings[0].message(Lang::Fr),
            format!(
                "Le lien « {echoed} » de l’unité « C » (root.children[0].url) est refusé : l’unité est affichée sans lien. \
                 Seuls https:, http:, mailto: et les liens relatifs, sans espace autour, sont acceptés."
            )
        );
    }
}

// ---------------------------------------------------------------------------
// The flat form
// ---------------------------------------------------------------------------

const FLAT_ROOT: &str = r#"{"id": "r", "name": "R", "parent": null}"#;

#[test]
fn flat_form_loads() {
    let chart =
        ok(&flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": "r", "people": [{{"name": "P"}}]}}"#)));
    assert_eq!(ids(&chart), ["r", "a"]);
    assert_eq!(chart[chart.find("a").unwrap()].people[0].name, "P");
}

#[test]
fn flat_unit_without_id_is_refused() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"name": "A", "parent": "r"}}"#)),
        "units[1]",
        Problem::Missing("id"),
        "units[1] : le champ obligatoire « id » manque",
    );
}

#[test]
fn flat_unit_without_parent_is_refused() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A"}}"#)),
        "units[1]",
        Problem::Missing("parent"),
        "units[1] : le champ obligatoire « parent » manque",
    );
}

#[test]
fn flat_parent_must_be_a_string_or_null() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": 0}}"#)),
        "units[1].parent",
        Problem::WrongType(Expected::StringOrNull),
        "units[1].parent : la valeur doit être une chaîne de caractères ou null",
    );
}

#[test]
fn flat_unit_with_children_is_refused() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": "r", "children": []}}"#)),
        "units[1].children",
        Problem::ChildrenInFlatForm,
        "units[1].children : « children » n’existe pas dans la forme à plat : utilisez « parent »",
    );
}

#[test]
fn flat_unknown_key_is_refused() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": "r", "parnet": "r"}}"#)),
        "units[1].parnet",
        Problem::UnknownField("parnet".into()),
        "units[1].parnet : le champ « parnet » est inconnu",
    );
}

#[test]
fn flat_unknown_parent_is_refused() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": "zz"}}"#)),
        "units[1].parent",
        Problem::UnknownParent("zz".into()),
        "units[1].parent : le parent « zz » n’existe pas",
    );
}

#[test]
fn flat_self_parent_is_refused() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": "a"}}"#)),
        "units[1].parent",
        Problem::SelfParent("a".into()),
        "units[1].parent : l’unité « a » est son propre parent",
    );
}

#[test]
fn flat_cycle_is_refused_and_the_loop_listed() {
    refused(
        &flat(&format!(
            r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": "c"}}, {{"id": "b", "name": "B", "parent": "a"}}, {{"id": "c", "name": "C", "parent": "b"}}"#
        )),
        "units[1].parent",
        Problem::Cycle(vec!["a".into(), "c".into(), "b".into(), "a".into()]),
        "units[1].parent : les parents forment une boucle : a → c → b → a",
    );
}

#[test]
fn flat_cycle_is_named_even_when_reached_through_a_unit_hanging_off_it() {
    refused(
        &flat(&format!(
            r#"{FLAT_ROOT}, {{"id": "x", "name": "X", "parent": "a"}}, {{"id": "a", "name": "A", "parent": "b"}}, {{"id": "b", "name": "B", "parent": "a"}}"#
        )),
        "units[2].parent",
        Problem::Cycle(vec!["a".into(), "b".into(), "a".into()]),
        "units[2].parent : les parents forment une boucle : a → b → a",
    );
}

#[test]
fn flat_two_roots_are_refused() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "s", "name": "S", "parent": null}}"#)),
        "units[1].parent",
        Problem::SeveralRoots { first: "r".into(), second: "s".into() },
        "units[1].parent : plusieurs unités sans parent : « r » et « s » (une seule racine est permise)",
    );
}

#[test]
fn flat_without_root_is_refused() {
    refused(
        &flat(r#"{"id": "a", "name": "A", "parent": "b"}, {"id": "b", "name": "B", "parent": "a"}"#),
        "units",
        Problem::NoRoot,
        "units : aucune unité sans parent : il faut exactement une racine",
    );
}

#[test]
fn flat_empty_units_is_refused() {
    refused(&flat(""), "units", Problem::NoUnits, "units : la liste « units » est vide");
}

#[test]
fn flat_unit_must_be_an_object() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, "a""#)),
        "units[1]",
        Problem::WrongType(Expected::Object),
        "units[1] : la valeur doit être un objet",
    );
}

#[test]
fn flat_unit_fields_follow_the_same_rules() {
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a b", "name": "A", "parent": "r"}}"#)),
        "units[1].id",
        Problem::BadId("a b".into()),
        &format!("units[1].id : l’identifiant « a b » {BAD_ID_TAIL}"),
    );
    warned(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "name": "A", "parent": "r", "url": "javascript:x"}}"#)),
        "units[1].url",
        "A",
        "javascript:x",
    );
    refused(
        &flat(&format!(r#"{FLAT_ROOT}, {{"id": "a", "parent": "r"}}"#)),
        "units[1]",
        Problem::Missing("name"),
        "units[1] : le champ obligatoire « name » manque",
    );
}

// ---------------------------------------------------------------------------
// Depth
// ---------------------------------------------------------------------------

/// A nested chain of `levels` units, the root being level 1.
fn nested_chain(levels: usize) -> String {
    let mut unit = format!(r#"{{"name": "L{levels}"}}"#);
    for level in (1..levels).rev() {
        unit = format!(r#"{{"name": "L{level}", "children": [{unit}]}}"#);
    }
    nested(&unit)
}

/// A flat chain of `levels` units, listed root first.
fn flat_chain(levels: usize) -> String {
    let rows: Vec<String> = (1..=levels)
        .map(|l| {
            let parent = if l == 1 { "null".to_owned() } else { format!("\"l{}\"", l - 1) };
            format!(r#"{{"id": "l{l}", "name": "L{l}", "parent": {parent}}}"#)
        })
        .collect();
    flat(&rows.join(", "))
}

#[track_caller]
fn assert_too_deep(e: &LoadError) {
    let too_deep = matches!(
        e,
        LoadError::Invalid { problem: Problem::TooDeep { limit: MAX_DEPTH }, .. }
            | LoadError::Syntax { problem: SyntaxProblem::TooDeep, .. }
    );
    assert!(too_deep, "expected a too-deep error, got {e:?}");
    let message = e.to_string();
    assert!(
        message.ends_with("la hiérarchie dépasse 50 niveaux")
            || message.ends_with("imbrication trop profonde (plus de 127 niveaux JSON ; la hiérarchie est limitée à 50 niveaux)"),
        "{message}"
    );
}

#[test]
fn the_depth_limit_is_fifty() {
    assert_eq!(MAX_DEPTH, 50);
}

#[test]
fn nested_fifty_levels_are_accepted() {
    let chart = ok(&nested_chain(50));
    assert_eq!(chart.len(), 50);
    assert_eq!(chart.level(chart.ids().last().unwrap()), 50);
}

#[test]
fn nested_fifty_one_levels_are_refused() {
    assert_too_deep(&err(&nested_chain(51)));
}

#[test]
fn nested_far_too_deep_is_refused() {
    assert_too_deep(&err(&nested_chain(52)));
    assert_too_deep(&err(&nested_chain(60)));
    assert_too_deep(&err(&nested_chain(500)));
}

#[test]
fn flat_fifty_levels_are_accepted() {
    let chart = ok(&flat_chain(50));
    assert_eq!(chart.len(), 50);
    assert_eq!(chart.level(chart.find("l50").unwrap()), 50);
}

#[test]
fn flat_fifty_one_levels_are_refused_at_the_deepest_unit() {
    let e = err(&flat_chain(51));
    assert_too_deep(&e);
    assert_eq!(e, LoadError::Invalid { path: "units[50]".into(), problem: Problem::TooDeep { limit: 50 } });
    assert_eq!(e.to_string(), "units[50] : la hiérarchie dépasse 50 niveaux");
}

// ---------------------------------------------------------------------------
// Syntax errors
// ---------------------------------------------------------------------------

#[track_caller]
fn syntax(text: &str, line: usize, column: usize, problem: SyntaxProblem, message: &str) {
    let e = err(text);
    assert_eq!(e, LoadError::Syntax { line, column, problem }, "for {text:?}");
    assert_eq!(e.to_string(), message, "for {text:?}");
}

#[test]
fn trailing_comma_is_located() {
    syntax(
        "{\n  \"title\": \"T\",\n}",
        3,
        1,
        SyntaxProblem::TrailingComma,
        "ligne 3, colonne 1 : virgule en trop avant la fermeture",
    );
    syntax(
        r#"{"title": "T", "root": {"name": "R", "children": [{"name": "A"},]}}"#,
        1,
        65,
        SyntaxProblem::TrailingComma,
        "ligne 1, colonne 65 : virgule en trop avant la fermeture",
    );
}

#[test]
fn truncated_file_is_located() {
    syntax(
        "{\n  \"title\": \"T\",\n  \"root\": {\"name\": \"R\"",
        3,
        22,
        SyntaxProblem::Truncated,
        "ligne 3, colonne 22 : le fichier s’arrête avant la fin du JSON (tronqué)",
    );
    syntax(
        "{\n",
        2,
        1,
        SyntaxProblem::Truncated,
        "ligne 2, colonne 1 : le fichier s’arrête avant la fin du JSON (tronqué)",
    );
}

#[test]
fn empty_or_blank_file_is_located_at_the_start() {
    for text in ["", "   ", "\n\n\t \r\n"] {
        syntax(text, 1, 1, SyntaxProblem::Empty, "ligne 1, colonne 1 : le fichier est vide");
    }
}

#[test]
fn common_syntax_errors_are_said_in_french() {
    let e = err("{\"title\": 'T'}");
    assert_eq!(e, LoadError::Syntax { line: 1, column: 11, problem: SyntaxProblem::ExpectedValue });
    assert_eq!(e.to_string(), "ligne 1, colonne 11 : une valeur est attendue ici");
    let e = err("{'title': 'T'}");
    assert_eq!(e.to_string(), "ligne 1, colonne 2 : une clé doit être une chaîne entre guillemets droits \"…\"");
    let e = err("{\"title\": \"T\"} x");
    assert_eq!(e.to_string(), "ligne 1, colonne 16 : du texte suit la fin du JSON");
    let e = err("{\"title\": nope}");
    assert_eq!(e, LoadError::Syntax { line: 1, column: 12, problem: SyntaxProblem::InvalidWord });
    assert_eq!(
        e.to_string(),
        "ligne 1, colonne 12 : mot inconnu : un texte s’écrit entre guillemets droits \"…\", seuls true, false et null s’en passent"
    );
    assert_eq!(
        e.message(Lang::En),
        "line 1, column 12: unknown word: a text is written in straight double quotes \"…\"; only true, false and null go without"
    );
    let e = err("{\"title\": \"T\", \"x-n\": 01}");
    assert_eq!(e.to_string(), "ligne 1, colonne 24 : nombre invalide (exemples valides : 12, -3.5, 1e6)");
    assert_eq!(e.message(Lang::En), "line 1, column 24: invalid number (valid examples: 12, -3.5, 1e6)");
}

#[test]
fn syntax_columns_count_characters_not_bytes() {
    let e = err(r#"{"title": "Équipe élargie", "root": {"name": "Préfecture"},}"#);
    assert_eq!(e, LoadError::Syntax { line: 1, column: 60, problem: SyntaxProblem::TrailingComma });
}
