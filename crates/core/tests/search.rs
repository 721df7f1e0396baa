//! Search: folding equivalences, words across fields, ranking, where each
//! match is, and a generated chart of 100,000 units searched whole.

use organigramme_core::fold::search_form;
use organigramme_core::generate::{realistic_json, Form};
use organigramme_core::markup::search_results;
use organigramme_core::search::{self, path, Field, Index, IndexBuilder, Query, Rank};
use organigramme_core::{parse, Chart, UnitId};

fn dinum() -> Chart {
    let path = format!("{}/../../public/data/dinum-2024.json", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The names of the units found, best first.
fn names(chart: &Chart, query: &str) -> Vec<String> {
    let index = Index::new(chart);
    index.search(chart, &Query::new(query)).iter().map(|f| chart[f.unit].name.clone()).collect()
}

#[test]
fn accents_case_apostrophes_dashes_and_spaces_are_ignored() {
    let chart = dinum();
    // The data writes "Fédération d’identité des citoyens - FranceConnect".
    let federation = "Fédération d’identité des citoyens - FranceConnect";
    for query in [
        "federation d'identite",
        "FÉDÉRATION D’IDENTITÉ",
        "fédération d‘identité",
        "citoyens – franceconnect",
        "citoyens — franceconnect",
        "  federation    d'identite  ",
    ] {
        assert_eq!(names(&chart, query)[0], federation, "{query:?}");
    }
    // "RH de la filière numérique de l’État", with a straight apostrophe.
    assert_eq!(names(&chart, "filiere numerique de l'etat")[0], "RH de la filière numérique de l’État");
}

#[test]
fn ligatures_match_their_letters_both_ways() {
    let chart = parse(
        r#"{"title": "T", "root": {"id": "r", "name": "Racine", "children": [
            {"id": "a", "name": "Cœur de métier"}, {"id": "b", "name": "Ex aequo"},
            {"id": "c", "name": "Caesar"}, {"id": "d", "name": "Bureau des vœux"}]}}"#,
    )
    .unwrap();
    assert_eq!(names(&chart, "coeur"), ["Cœur de métier"]);
    assert_eq!(names(&chart, "cœur"), ["Cœur de métier"]);
    assert_eq!(names(&chart, "æquo"), ["Ex aequo"]);
    assert_eq!(names(&chart, "cæsar"), ["Caesar"]);
    assert_eq!(names(&chart, "VŒUX"), ["Bureau des vœux"]);
}

#[test]
fn every_word_must_match_in_the_same_unit_in_any_field() {
    let chart = dinum();
    // A role ("Chef de pôle") and a name, in one unit.
    assert_eq!(names(&chart, "chef pole hypervision"), ["Hypervision"]);
    // A person and the kind.
    assert_eq!(names(&chart, "tan pôle"), ["Datalab"]);
    // Words in any order.
    assert_eq!(names(&chart, "hypervision pole chef"), ["Hypervision"]);
    // A word of an ancestor's name places the unit: Datalab is in Etalab.
    assert_eq!(names(&chart, "etalab datalab"), ["Datalab"]);
    // One word in no field of a unit (nor above it): no match.
    assert!(names(&chart, "hypervision datalab").is_empty());
    assert!(names(&chart, "xyzzy").is_empty());
    assert!(names(&chart, "").is_empty());
    assert!(names(&chart, "   ").is_empty());
}

#[test]
fn a_name_above_alone_finds_only_that_unit() {
    let chart = dinum();
    assert_eq!(names(&chart, "etalab"), ["Etalab"]);
}

#[test]
fn ranks_exact_name_then_prefix_then_name_then_people_then_description() {
    let chart = parse(
        r#"{"title": "T", "root": {"id": "r", "name": "Racine", "children": [
            {"id": "desc", "name": "Bureau A", "description": "Traite la data du service."},
            {"id": "person", "name": "Bureau B", "people": [{"name": "Anne Data"}]},
            {"id": "role", "name": "Bureau C", "people": [{"name": "Luc", "role": "Chef data"}]},
            {"id": "contains", "name": "Open data"},
            {"id": "prefix", "name": "Datalab"},
            {"id": "exact", "name": "Data"},
            {"id": "short", "name": "Direction des affaires", "short_name": "DATA"},
            {"id": "kind", "name": "Bureau D", "kind": "Pôle data"},
            {"id": "prefix2", "name": "Data et IA"}]}}"#,
    )
    .unwrap();
    let index = Index::new(&chart);
    let found = index.search(&chart, &Query::new("data"));
    let ids: Vec<(&str, Rank)> = found.iter().map(|f| (chart[f.unit].id.as_str(), f.rank)).collect();
    assert_eq!(
        ids,
        [
            ("exact", Rank::ExactName),
            ("short", Rank::ExactName),
            ("prefix", Rank::NamePrefix),
            ("prefix2", Rank::NamePrefix),
            ("contains", Rank::Name),
            ("kind", Rank::Name),
            ("person", Rank::People),
            ("role", Rank::People),
            ("desc", Rank::Description),
        ]
    );
    // A word found in a better field outranks the same word elsewhere.
    let found = index.search(&chart, &Query::new("bureau"));
    assert!(found.iter().all(|f| f.rank == Rank::NamePrefix), "{found:?}");
}

#[test]
fn hits_say_which_field_matched_and_where_in_the_original_text() {
    let chart = dinum();
    let index = Index::new(&chart);
    let query = Query::new("etat rh");
    let found = index.search(&chart, &query);
    let unit = &chart[found[0].unit];
    assert_eq!(unit.id, "rhn");
    let hits = search::hits(unit, &query);
    let name = hits.iter().find(|h| h.field == Field::Name).expect("the name matched");
    let marked: Vec<&str> = name.ranges.iter().map(|r| &unit.name[r.clone()]).collect();
    assert_eq!(marked, ["RH", "État"]);
    assert_eq!(hits.iter().find(|h| h.field == Field::ShortName).map(|h| h.ranges.clone()), Some(std::iter::once(0..2).collect()));

    // A person and a role, each marked in its own text.
    let query = Query::new("ulrich chef");
    let found = index.search(&chart, &query);
    let unit = &chart[found[0].unit];
    let hits = search::hits(unit, &query);
    let fields: Vec<Field> = hits.iter().map(|h| h.field).collect();
    assert_eq!(fields, [Field::Person(0), Field::Role(0)]);
    assert_eq!(Field::Person(0).text(unit).map(|t| &t[hits[0].ranges[0].clone()]), Some("Ulrich"));
    assert_eq!(Field::Role(0).text(unit).map(|t| &t[hits[1].ranges[0].clone()]), Some("Chef"));

    // The kind and the description.
    let fields = |text: &str| {
        let query = Query::new(text);
        let unit = &chart[index.search(&chart, &query)[0].unit];
        search::hits(unit, &query).iter().map(|h| h.field).collect::<Vec<_>>()
    };
    assert_eq!(fields("algorithmes"), [Field::Description]);
    assert_eq!(fields("cellule"), [Field::Name, Field::Kind]);
}

#[test]
fn overlapping_words_mark_one_range() {
    let chart = parse(r#"{"title": "T", "root": {"id": "r", "name": "Hypervision"}}"#).unwrap();
    let query = Query::new("hyper vision perv");
    let hits = search::hits(&chart[chart.root()], &query);
    assert_eq!(hits[0].ranges, std::iter::once(0..11).collect::<Vec<_>>());
}

#[test]
fn paths_name_every_level_down_to_the_unit() {
    let chart = dinum();
    let datalab = chart.find("etalab-datalab").unwrap();
    assert_eq!(path(&chart, datalab), ["Direction interministérielle du numérique", "Etalab", "Datalab"]);
    assert_eq!(path(&chart, chart.root()), ["Direction interministérielle du numérique"]);
}

/// Search covers branches never opened: the core searches the whole
/// arena, whatever a view has rendered.
#[test]
fn a_hundred_thousand_units_are_searched_whole() {
    let chart = parse(&realistic_json(100_000, 3, Form::Nested)).unwrap();
    let index = Index::new(&chart);
    // The deepest unit with people, last in document order among them.
    let deepest: UnitId = chart.ids().filter(|&u| !chart[u].people.is_empty()).max_by_key(|&u| (chart.level(u), u)).unwrap();
    assert!(chart.level(deepest) >= 5);
    let unit = &chart[deepest];
    let found = index.search(&chart, &Query::new(&unit.name));
    assert!(found.iter().any(|f| f.unit == deepest), "{} not found", unit.name);
    assert!(found.iter().take_while(|f| f.rank == Rank::ExactName).any(|f| f.unit == deepest));
    // Its first person, by name: found among the people matches.
    let person = &unit.people[0];
    let found = index.search(&chart, &Query::new(&format!("{} {}", person.name, unit.name)));
    assert!(found.iter().any(|f| f.unit == deepest && f.rank == Rank::People));
    // The index holds less than twice the data's text.
    let text = chart.text_len();
    assert!(index.size() < 2 * text, "index {} bytes for {text} bytes of text", index.size());
}

/// The results as the widget lists them: marked, escaped, with paths.
#[test]
fn results_markup_marks_escapes_and_gives_the_path_and_the_person() {
    let chart = dinum();
    let index = Index::new(&chart);
    let query = Query::new("etalab ulrich");
    let found = index.search(&chart, &query);
    let html = search_results(&chart, &found, &query, " : ");
    let datalab = chart.find("etalab-datalab").unwrap().index();
    assert_eq!(
        html,
        format!(
            "<li><button type=\"button\" class=\"og-result\" data-result=\"0\" data-target=\"{datalab}\">\
         <span class=\"og-result__name\">Datalab</span> \
         <span class=\"og-result__path\">Direction interministérielle du numérique › Etalab › Datalab</span> \
         <span class=\"og-result__person\">Chef de pôle : <mark>Ulrich</mark> Tan</span></button></li>"
        )
    );
    let chart = parse(
        r#"{"title": "T", "root": {"id": "r", "name": "<b>Équipe</b> & co", "short_name": "É&C",
            "people": [{"name": "Zoé <i>", "role": "Cheffe \"x\""}]}}"#,
    )
    .unwrap();
    let query = Query::new("equipe e zoe cheffe");
    let found = Index::new(&chart).search(&chart, &query);
    let html = search_results(&chart, &found, &query, " : ");
    assert!(html.contains("<span class=\"og-result__name\">&lt;b&gt;<mark>Équipe</mark>&lt;/b&gt; &amp; co (<mark>É</mark>&amp;C)</span>"), "{html}");
    assert!(html.contains("<mark>Cheffe</mark> &quot;x&quot; : <mark>Zoé</mark> &lt;i&gt;"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<i>"));
}

/// The units a query should find, computed the plain way: every word is
/// in one of the unit's fields or in the name of a unit above it, and at
/// least one in the unit itself (one word alone: in the unit).
struct Plain {
    /// Each unit's fields, folded.
    own: Vec<Vec<String>>,
    /// Each unit's name and short name, folded.
    names: Vec<Vec<String>>,
}

impl Plain {
    fn new(chart: &Chart) -> Plain {
        let mut plain = Plain { own: Vec::new(), names: Vec::new() };
        for u in chart.ids() {
            let unit = &chart[u];
            let names: Vec<String> = [Some(&unit.name), unit.short_name.as_ref()].into_iter().flatten().map(|t| search_form(t)).collect();
            let mut own = names.clone();
            own.extend(unit.kind.iter().chain(unit.description.iter()).map(|t| search_form(t)));
            for p in &unit.people {
                own.push(search_form(&p.name));
                own.extend(p.role.iter().map(|r| search_form(r)));
            }
            plain.own.push(own);
            plain.names.push(names);
        }
        plain
    }

    fn found(&self, chart: &Chart, query: &str) -> Vec<UnitId> {
        let words: Vec<String> = search_form(query).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        chart
            .ids()
            .filter(|&u| {
                let held = |w: &String| self.own[u.index()].iter().any(|t| t.contains(w.as_str()));
                let above = |w: &String| {
                    words.len() > 1 && chart.ancestors(u).any(|a| self.names[a.index()].iter().any(|n| n.contains(w.as_str())))
                };
                words.iter().any(held) && words.iter().all(|w| held(w) || above(w))
            })
            .collect()
    }
}

/// Built a slice of units at a time (as the page does after its first
/// frame), the index is the one built at once.
#[test]
fn an_index_built_in_slices_is_the_index_built_at_once() {
    let chart = parse(&realistic_json(1_000, 5, Form::Nested)).unwrap();
    let whole = Index::new(&chart);
    for slice in [1, 7, 400, chart.len()] {
        let mut builder = IndexBuilder::default();
        let mut slices = 1;
        while !builder.extend(&chart, slice) {
            slices += 1;
        }
        assert_eq!(slices, chart.len().div_ceil(slice), "slices of {slice}");
        assert_eq!(builder.finish(&chart), whole, "slices of {slice}");
    }
    // Finished part-way, the rest is added.
    let mut builder = IndexBuilder::default();
    builder.extend(&chart, 10);
    let finished = builder.finish(&chart);
    assert_eq!(finished, whole);
    let query = Query::new(&chart[UnitId::from_index(chart.len() - 1, &chart).unwrap()].name);
    assert!(!finished.search(&chart, &query).is_empty());
}

/// The index finds exactly what the plain way finds, for queries of one to
/// three words taken from generated charts (names, people, roles, kinds,
/// ancestors' names, and a word found nowhere).
#[test]
fn the_index_finds_what_the_plain_way_finds() {
    for seed in 1..=3 {
        let chart = parse(&realistic_json(1_500, seed, Form::Nested)).unwrap();
        let index = Index::new(&chart);
        let plain = Plain::new(&chart);
        let mut pick = seed * 7919;
        let mut next = |n: usize| {
            pick = pick.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (pick >> 33) as usize % n
        };
        for _ in 0..40 {
            let unit = UnitId::from_index(next(chart.len()), &chart).unwrap();
            let u = &chart[unit];
            let mut sources: Vec<String> = vec![u.name.clone()];
            sources.extend(u.kind.clone());
            sources.extend(u.people.iter().flat_map(|p| [Some(p.name.clone()), p.role.clone()]).flatten());
            sources.extend(chart.ancestors(unit).map(|a| chart[a].name.clone()));
            let words: Vec<String> = sources.iter().flat_map(|s| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>()).collect();
            let count = 1 + next(3);
            let mut query: Vec<String> = (0..count).map(|_| words[next(words.len())].clone()).collect();
            if next(10) == 0 {
                query.push("zzzqx".into());
            }
            let query = query.join(" ");
            eprintln!("Q {query:?}");
            let mut found: Vec<UnitId> = index.search(&chart, &Query::new(&query)).iter().map(|f| f.unit).collect();
            found.sort();
            assert_eq!(found, plain.found(&chart, &query), "seed {seed}, {query:?}");
        }
    }
}
