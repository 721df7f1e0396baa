//! The sample corpus shared with the JSON Schema test (`tests/e2e/schema.spec.ts`):
//! the Rust validator must accept every `valid/` file and reject every
//! `invalid/` and `invalid-semantic/` one, and load every `refused-links/` one
//! with a warning. Also loads every shipped data file.

use organigramme_core::load::{parse, LoadError, Problem, SyntaxProblem, Warning};
use std::fs;
use std::path::{Path, PathBuf};

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative)
}

/// The `.json` files of a folder, sorted; fails when there are none.
fn json_files(folder: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(folder).unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display())).path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .json file in {}", folder.display());
    files
}

fn samples(kind: &str) -> Vec<PathBuf> {
    json_files(&repo_path(&format!("tests/data/samples/{kind}")))
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Runs `check` on every sample of `kind` and reports every failure at once.
fn check_all(kind: &str, check: impl Fn(&str) -> Result<(), String>) -> usize {
    let files = samples(kind);
    let failures: Vec<String> = files
        .iter()
                .filter_map(|p| check(&read(p)).err().map(|why| format!("{kind}/{}: {why}", name(p))))
        .collect();
    assert!(failures.is_empty(), "{} of {} samples failed:\n{}", failures.len(), files.len(), failures.join("\n"));
    files.len()
}

fn must_load(text: &str) -> Result<(), String> {
    parse(text).map(|_| ()).map_err(|e| format!("refused: {e}"))
}

fn must_be_refused(text: &str) -> Result<LoadError, String> {
    match parse(text) {
        Ok(chart) => Err(format!("accepted ({} units)", chart.len())),
        Err(e) => Ok(e),
    }
}

#[test]
fn every_valid_sample_loads() {
    let count = check_all("valid", must_load);
    assert!(count >= 5, "only {count} valid samples");
}

#[test]
fn every_invalid_sample_is_refused() {
    let count = check_all("invalid", |text| must_be_refused(text).map(|_| ()));
    assert!(count >= 5, "only {count} invalid samples");
}

#[test]
fn every_refused_link_sample_loads_with_a_warning_and_without_the_link() {
    let count = check_all("refused-links", |text| {
        let chart = parse(text).map_err(|e| format!("refused: {e}"))?;
        let [Warning::RefusedLink { unit, .. }] = chart.warnings.as_slice() else {
            return Err(format!("expected one warning, got {:?}", chart.warnings));
        };
        match chart.ids().find(|&u| &chart[u].name == unit) {
            Some(u) if chart[u].url.is_none() => Ok(()),
            Some(_) => Err(format!("the unit {unit:?} kept its link")),
            None if unit.is_empty() && chart.meta.source.is_none() => Ok(()),
            None => Err(format!("the warning names no unit of the chart: {unit:?}")),
        }
    });
    assert!(count >= 10, "only {count} refused-link samples");
}

#[test]
fn every_invalid_semantic_sample_is_refused_for_a_reason_the_schema_cannot_see() {
    // These files are valid JSON of the right shape: the Rust validator must
    // refuse them for structure (ids, parents, depth), not syntax or types.
    let count = check_all("invalid-semantic", |text| {
        let e = must_be_refused(text)?;
        match &e {
            LoadError::Invalid {
                problem:
                    Problem::DuplicateId { .. }
                    | Problem::UnknownParent(_)
                    | Problem::SelfParent(_)
                    | Problem::Cycle(_)
                    | Problem::SeveralRoots { .. }
                    | Problem::NoRoot
                    | Problem::TooDeep { .. }
                    | Problem::TooManyUnits { .. },
                ..
            }
            | LoadError::Syntax { problem: SyntaxProblem::TooDeep, .. } => Ok(()),
            other => Err(format!("refused for a reason the schema checks: {other} ({other:?})")),
        }
    });
    assert!(count >= 3, "only {count} invalid-semantic samples");
}

#[test]
fn every_error_message_names_a_place() {
    for kind in ["invalid", "invalid-semantic"] {
        for path in &samples(kind) {
            let e = must_be_refused(&read(path)).unwrap_or_else(|why| panic!("{kind}/{}: {why}", name(path)));
            let message = e.to_string();
            // The place first (a line and column, or the path in the
            // document, cut when long), then the problem.
            let (place, problem) = message.split_once(" : ").unwrap_or_else(|| panic!("{kind}/{}: {message}", name(path)));
            let placed = match &e {
                LoadError::Syntax { line, column, .. } => place == format!("ligne {line}, colonne {column}"),
                LoadError::Invalid { path, .. } if path.is_empty() => place == "racine du document",
                LoadError::Invalid { path, .. } => place.len() > 3 && path.starts_with(place.trim_end_matches('…')),
                LoadError::TooLarge { .. } => false,
            };
            assert!(placed, "{kind}/{}: {message} ({e:?})", name(path));
            assert!(problem.len() > 3, "{kind}/{}: no problem after the place: {message}", name(path));
        }
    }
}

#[test]
fn every_shipped_data_file_loads() {
    let files = json_files(&repo_path("public/data"));
    assert!(files.len() >= 2, "expected at least 2 data files, found {files:?}");
    for path in &files {
        match parse(&read(path)) {
            Ok(chart) => {
                assert!(chart.len() > 1, "public/data/{} has only its root", name(path));
                assert!(!chart.meta.title.is_empty(), "public/data/{}", name(path));
            }
            Err(e) => panic!("public/data/{} is refused: {e}", name(path)),
        }
    }
}
