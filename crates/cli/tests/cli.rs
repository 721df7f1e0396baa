//! The built `organigramme` binary, run on committed fixtures: outputs are
//! compared with golden files (`UPDATE_GOLDEN=1 cargo test -p
//! organigramme-cli` rewrites them; review the diff), exit codes and
//! messages checked, and `--output` never leaves a half-written file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_organigramme");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// Runs the command from the crate's directory, in a neutral locale
/// unless `env` says otherwise, with `stdin` as standard input.
fn run_with(args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_with(args, &[], None)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Checks (or, with UPDATE_GOLDEN=1, writes) `tests/golden/{name}`.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("golden file {name} (UPDATE_GOLDEN=1 writes it)"));
    assert_eq!(actual, expected, "output differs from tests/golden/{name}");
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed by a signal")
}

fn no_panic(out: &Output) {
    let err = text(&out.stderr);
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
}

const DINUM_2020: &str = "../../public/data/dinum-2020.json";
const DINUM_2024: &str = "../../public/data/dinum-2024.json";

#[test]
fn every_command_has_help() {
    for command in [
        &["--help"][..],
        &["validate", "--help"],
        &["stats", "--help"],
        &["diff", "--help"],
        &["help", "diff"],
        &["import", "--help"],
        &["import", "csv", "--help"],
        &["import", "html", "--help"],
        &["import", "annuaire", "--help"],
        &["export", "--help"],
        &["export", "html", "--help"],
    ] {
        let out = run(command);
        assert_eq!(code(&out), 0, "{command:?}");
        assert!(text(&out.stdout).contains("Usage: organigramme"), "{command:?}");
    }
    assert!(text(&run(&["--help"]).stdout).contains("Exit codes: 0 success; 1 invalid files or differences; 2 usage"));
}

/// In French (locale or --lang), the help of every command is in French:
/// what each command does and each of its options.
#[test]
fn the_help_is_french_in_french() {
    let commands: [&[&str]; 9] = [&[], &["validate"], &["stats"], &["diff"], &["import"], &["import", "csv"], &["import", "html"], &["import", "annuaire"], &["export", "html"]];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let fr = text(&run_with(&args, &[("LANG", "fr_FR.UTF-8")], None).stdout);
        assert!(fr.contains("Utilisation : organigramme"), "{command:?}: {fr}");
        assert!(fr.contains("Affiche l’aide"), "{command:?}");
        let en = text(&run(&args).stdout);
        assert!(en.contains("Usage: organigramme"), "{command:?}");
        // No line of the English help's text left in the French one.
        for line in en.lines().map(str::trim).filter(|l| l.len() > 30 && !l.starts_with("help ")) {
            let words = line.split("  ").last().unwrap_or(line);
            assert!(!fr.contains(words), "{command:?}: untranslated “{words}”");
        }
    }
    let flag = text(&run_with(&["--lang=fr", "diff", "--help"], &[("LC_ALL", "en_GB.UTF-8")], None).stdout);
    assert!(flag.contains("Montre ce qui a changé de OLD à NEW"));
    let english = text(&run_with(&["diff", "--lang", "en", "--help"], &[("LANG", "fr_FR.UTF-8")], None).stdout);
    assert!(english.contains("Show what changed from OLD to NEW"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [&[][..], &["validate"], &["frobnicate"], &["stats", "a", "b"], &["diff", "a"], &["--lang", "de", "validate", "x"]] {
        let out = run(args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(!text(&out.stderr).is_empty());
    }
}

#[test]
fn validate_gives_each_file_s_verdict_located() {
    let files = [DINUM_2024.to_owned(), fixture("syntax.json"), fixture("invalid.json"), fixture("refused-link.json")];
    for (lang, name) in [("fr", "validate.fr.txt"), ("en", "validate.en.txt")] {
        let mut args = vec!["validate", "--lang", lang];
        args.extend(files.iter().map(String::as_str));
        let out = run(&args);
        assert_eq!(code(&out), 1, "an invalid file: exit 1");
        golden(name, &text(&out.stdout));
    }
    let out = run(&["validate", "--format", "json", DINUM_2024, &fixture("syntax.json"), &fixture("invalid.json"), &fixture("refused-link.json")]);
    assert_eq!(code(&out), 1);
    golden("validate.json", &text(&out.stdout));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report[0]["ok"], true);
    assert_eq!(report[0]["units"], 45);
    assert_eq!(report[1]["errors"][0]["line"], 3);
    assert_eq!(report[2]["errors"][0]["path"], "root.children[1].people[0]");
    assert_eq!(report[3]["warnings"].as_array().unwrap().len(), 1);
    // All valid: exit 0.
    let out = run(&["validate", DINUM_2020, DINUM_2024, &fixture("refused-link.json")]);
    assert_eq!(code(&out), 0, "{}", text(&out.stdout));
}

#[test]
fn the_language_follows_the_locale_unless_given() {
    let file = fixture("invalid.json");
    let fr = text(&run_with(&["validate", &file], &[("LANG", "fr_FR.UTF-8")], None).stdout);
    assert!(fr.contains("le champ obligatoire « name » manque"), "{fr}");
    let en = text(&run_with(&["validate", &file], &[("LANG", "C.UTF-8")], None).stdout);
    assert!(en.contains("the required field “name” is missing"), "{en}");
    let flag = text(&run_with(&["validate", "--lang", "en", &file], &[("LC_ALL", "fr_FR.UTF-8")], None).stdout);
    assert_eq!(flag, en);
}

#[test]
fn a_dash_reads_standard_input() {
    let data = std::fs::read(root().join("public/data/dinum-2024.json")).unwrap();
    let out = run_with(&["validate", "-", "--lang", "fr"], &[], Some(&data));
    assert_eq!(code(&out), 0);
    assert_eq!(text(&out.stdout), "-: valide (45 unités, 48 personnes)\n");
    let out = run_with(&["stats", "-", "--format", "json"], &[], Some(&data));
    assert_eq!(code(&out), 0);
    let out = run_with(&["validate", "-"], &[], Some(b"{\"title\": 1"));
    assert_eq!(code(&out), 1);
    assert!(text(&out.stdout).starts_with("-:1:"), "{}", text(&out.stdout));
}

#[test]
fn an_unreadable_file_exits_2_naming_it() {
    let out = run(&["validate", "--lang", "fr", "tests/fixtures/absent.json"]);
    assert_eq!(code(&out), 2);
    assert_eq!(text(&out.stderr), "organigramme: erreur : impossible de lire « tests/fixtures/absent.json » : fichier ou dossier introuvable\n");
    let out = run(&["stats", "--lang", "en", "tests"]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).starts_with("organigramme: error: cannot read “tests”: "), "{}", text(&out.stderr));
}

#[test]
fn stats_count_the_chart() {
    for (lang, name) in [("fr", "stats.fr.txt"), ("en", "stats.en.txt")] {
        let out = run(&["stats", "--lang", lang, DINUM_2024]);
        assert_eq!(code(&out), 0);
        golden(name, &text(&out.stdout));
    }
    let out = run(&["stats", "--format", "json", &fixture("refused-link.json")]);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats, serde_json::json!({"units": 2, "people": 1, "depth": 2, "widest_level": {"level": 1, "units": 1},
        "units_without_people": 1, "vacancies": 1}));
    // An invalid chart: exit 1, located.
    let out = run(&["stats", "--lang", "en", &fixture("syntax.json")]);
    assert_eq!(code(&out), 1);
    assert_eq!(text(&out.stderr), "organigramme: error: tests/fixtures/syntax.json:3:24: trailing comma before the closing bracket\n");
}

#[test]
fn diff_of_the_dinum_charts_2020_to_2024() {
    for (format, name) in [("text", "diff.fr.txt"), ("markdown", "diff.fr.md"), ("json", "diff.json")] {
        let out = run(&["diff", "--lang", "fr", "--format", format, DINUM_2020, DINUM_2024]);
        assert_eq!(code(&out), 1, "they differ: exit 1");
        no_panic(&out);
        golden(name, &text(&out.stdout).replace("../../public/data/", ""));
    }
    let out = run(&["diff", "--format", "json", DINUM_2020, DINUM_2024]);
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["added", "removed", "renamed", "moved", "people_arrived", "people_left", "people_changed", "changed"] {
        assert!(d[key].is_array(), "{key}");
    }
    assert_eq!(d["removed"][1], serde_json::json!({"id": "tech-gouv", "name": "Programme TECH.GOUV",
        "path": "Direction interministérielle du numérique › Programme TECH.GOUV"}));
    assert_eq!(d["people_arrived"][0]["person"], "Stéphanie Schaer");
    assert_eq!(d["people_arrived"][0]["role"], "Directrice");
    assert_eq!(d["changed"][1]["field"], "url");
    assert_eq!(d["changed"][1]["new"], serde_json::Value::Null);
}

#[test]
fn diff_of_a_chart_with_itself_is_empty_and_exits_0() {
    let out = run(&["diff", "--lang", "en", DINUM_2024, DINUM_2024]);
    assert_eq!(code(&out), 0);
    assert_eq!(text(&out.stdout), "No difference.\n");
}

#[test]
fn diff_reports_renames_moves_and_roles() {
    let out = run(&["diff", "--lang", "en", &fixture("before.json"), &fixture("after.json")]);
    assert_eq!(code(&out), 1);
    golden("diff.en.txt", &text(&out.stdout));
    let out = run(&["diff", "--format", "markdown", "--lang", "en", &fixture("before.json"), &fixture("after.json")]);
    golden("diff.en.md", &text(&out.stdout));
}

#[test]
fn output_goes_to_a_file_atomically() {
    let dir = std::env::temp_dir().join(format!("organigramme-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("stats.json");
    let target_s = target.to_str().unwrap();
    let out = run(&["stats", "--format", "json", "--output", target_s, DINUM_2024]);
    assert_eq!(code(&out), 0);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("\"units\": 45"), "{written}");
    // A failing run leaves the old file as it was.
    let out = run(&["stats", "--format", "json", "-o", target_s, &fixture("syntax.json")]);
    assert_eq!(code(&out), 1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), written);
    // A directory that does not exist: exit 2, nothing written anywhere.
    let out = run(&["stats", "-o", dir.join("missing/x.txt").to_str().unwrap(), DINUM_2024]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("x.txt"));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, [std::ffi::OsString::from("stats.json")], "no temporary file left");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Whatever the bytes, a located message and exit 1, never a panic.
#[test]
fn no_input_makes_it_panic() {
    let deep = "[".repeat(100_000);
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe\x00".to_vec(),
        b"\xef\xbb\xbf{}".to_vec(),
        b"null".to_vec(),
        deep.into_bytes(),
        b"{\"title\": \"T\", \"units\": [{\"id\": \"a\", \"name\": \"A\", \"parent\": \"a\"}]}".to_vec(),
        (0..=255u8).collect(),
        b"id;parent;name\n\"a;;\"\"\n\x00;\xff;\n".to_vec(),
        b"id,parent,name\na,,A\n".repeat(3),
    ];
    for input in inputs {
        for args in [&["validate", "-"][..], &["stats", "-"], &["diff", "-", "../../public/data/dinum-2024.json"]] {
            let out = run_with(args, &[], Some(&input));
            no_panic(&out);
            assert_eq!(code(&out), 1, "{args:?} on {:?}", String::from_utf8_lossy(&input[..input.len().min(20)]));
        }
        // Any bytes as a CSV: a located problem, or a chart the core accepts.
        let out = run_with(&["import", "csv", "-"], &[], Some(&input));
        no_panic(&out);
        assert!(code(&out) <= 1);
    }
}

/// The README shows the DINUM diff as the command writes it.
#[test]
fn the_readme_shows_the_dinum_diff_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme.split("<!-- diff:begin -->\n```text\n").nth(1).and_then(|r| r.split("```\n<!-- diff:end -->").next());
    let out = run(&["diff", "--lang", "fr", DINUM_2020, DINUM_2024]);
    let expected = text(&out.stdout).replace("../../public/data/", "public/data/");
    assert_eq!(block, Some(expected.as_str()), "README.md's diff block: paste the command's output");
}

fn csv(name: &str) -> String {
    fixture(&format!("csv/{name}"))
}

/// Each CSV fixture gives the data file of its golden, valid for the core.
#[test]
fn import_csv_merges_rows_into_units_in_every_encoding_and_delimiter() {
    for (file, golden_name, extra) in [
        ("units.csv", "import-units.json", &[][..]),
        ("excel-1252.csv", "import-excel-1252.json", &[]),
        ("excel-1252.csv", "import-excel-1252.json", &["--encoding", "windows-1252", "--delimiter", ";"]),
        ("bom-tab.tsv", "import-bom-tab.json", &[]),
        ("bom-tab.tsv", "import-bom-tab.json", &["--delimiter", "tab", "--encoding", "utf-8"]),
        (
            "custom-headers.csv",
            "import-custom-headers.json",
            &["--column", "id=Code service", "--column", "parent=Service parent", "--column", "name=Appellation", "--column", "person=Responsable"],
        ),
    ] {
        let path = csv(file);
        let mut args = vec!["import", "csv", path.as_str()];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert_eq!(code(&out), 0, "{args:?}: {}", text(&out.stderr));
        golden(golden_name, &text(&out.stdout));
        let check = run_with(&["validate", "-"], &[], Some(&out.stdout));
        assert_eq!(code(&check), 0, "{file}: the core accepts what the import wrote");
    }
    // The Windows-1252 file read as UTF-8: "Libellé" is not recognised, and
    // the message shows what was read.
    let out = run(&["import", "csv", "--encoding", "utf-8", &csv("excel-1252.csv")]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).contains("no column for “name” (headers: Identifiant, Rattachement, Libell\u{fffd}, Sigle"));
}

#[test]
fn import_csv_locates_every_problem_by_line_and_column() {
    for (file, expected) in [
        ("duplicate-id.csv", "duplicate-id.csv:4:3: duplicate id “b”: “name” is “Bis” here and “B” on line 3"),
        ("unknown-parent.csv", "unknown-parent.csv:4:2: the parent “zz” does not exist"),
        ("two-roots.csv", "two-roots.csv:4:2: several units have no parent: “a” and “c” (only one root is allowed)"),
        ("cycle.csv", "cycle.csv:3:2: the parents form a loop: b → c → b"),
        ("empty-name.csv", "empty-name.csv:3:3: the name of the unit “b” is empty"),
        ("malformed.csv", "malformed.csv:3: the row has 4 fields, the header 3"),
        ("no-parent-column.csv", "no-parent-column.csv:1: no column for “parent” (headers: id, name); name it with --column parent=Header"),
        ("custom-headers.csv", "custom-headers.csv:1: no column for “id”"),
    ] {
        let out = run(&["import", "csv", "--lang", "en", &csv(file)]);
        assert_eq!(code(&out), 1, "{file}");
        assert!(out.stdout.is_empty(), "{file}: nothing written");
        let err = text(&out.stderr);
        assert!(err.starts_with(&format!("organigramme: error: tests/fixtures/csv/{expected}")), "{file}: {err}");
        no_panic(&out);
    }
    let out = run(&["import", "csv", "--lang", "fr", &csv("cycle.csv")]);
    assert_eq!(text(&out.stderr), "organigramme: erreur : tests/fixtures/csv/cycle.csv:3:2: les parents forment une boucle : b → c → b\n");
    // A bad --column names the fields it accepts.
    let out = run(&["import", "csv", "--column", "boss=Responsable", &csv("custom-headers.csv")]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).contains("the field must be one of id, parent, name, short_name, kind, description, url, person, role"));
}

#[test]
fn import_csv_warns_of_what_it_leaves_out() {
    let out = run_with(&["import", "csv", "--lang", "en", "-"], &[], Some(b"id,parent,name,person,role,url\na,,A,,Chef,javascript:x\n"));
    assert_eq!(code(&out), 0);
    let err = text(&out.stderr);
    assert!(err.contains("organigramme: warning: -:2:5: the role “Chef” has nobody"), "{err}");
    assert!(err.contains("organigramme: warning: -:2:6: The link “javascript:x” of the unit “A” (units[0].url) is refused"), "{err}");
}

#[test]
fn import_output_is_atomic() {
    let dir = std::env::temp_dir().join(format!("organigramme-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("chart.json");
    std::fs::write(&target, "previous").unwrap();
    let out = run(&["import", "csv", "-o", target.to_str().unwrap(), &csv("cycle.csv")]);
    assert_eq!(code(&out), 1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous", "a failed import leaves the file as it was");
    let out = run(&["import", "csv", "-o", target.to_str().unwrap(), &csv("units.csv")]);
    assert_eq!(code(&out), 0);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("{\n  \"title\": \"Ministère de l'Exemple\""));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left");
    std::fs::remove_dir_all(&dir).unwrap();
}

const ANNUAIRE_ROOT: &str = "00000001-0000-4000-8000-000000001eef";

fn annuaire(name: &str) -> String {
    fixture(&format!("annuaire/{name}"))
}

/// The unit objects of a nested data file, in document order.
fn units_of(data: &serde_json::Value) -> Vec<serde_json::Value> {
    fn walk(unit: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
        out.push(unit.clone());
        for child in unit["children"].as_array().into_iter().flatten() {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    walk(&data["root"], &mut out);
    out
}

#[test]
fn import_annuaire_follows_service_fils_links_only() {
    let out = run(&["import", "annuaire", "--lang", "en", "--root", ANNUAIRE_ROOT, &annuaire("ministere.json")]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let check = run_with(&["validate", "-"], &[], Some(&out.stdout));
    assert_eq!(code(&check), 0, "the core accepts the import");
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let units = units_of(&data);
    // Every service of the ministry once; the neighbouring ministry not at all.
    assert_eq!(units.len(), 362);
    let names: Vec<&str> = units.iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert!(!names.contains(&"Ministère voisin"));
    assert_eq!(names.iter().filter(|&&n| n == "Secrétariat général").count(), 1);
    // "Autre hiérarchie" made no parent: the SG stays under the ministry, and
    // direction 1's sub-units are its 4 sous-directions only.
    let root_children: Vec<&str> = data["root"]["children"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(root_children[0], "Secrétariat général");
    assert_eq!(root_children.len(), 9);
    let dge1 = &data["root"]["children"][1];
    assert_eq!(dge1["name"], "Direction générale n° 1 des essais");
    assert_eq!(dge1["children"].as_array().unwrap().len(), 4);
    // Fields decoded from JSON-encoded strings, people named "prénom nom".
    assert_eq!(dge1["people"][0]["role"], "Directeur général");
    assert!(units.iter().all(|u| u["people"].as_array().is_none_or(|p| p.iter().all(|p| p["name"].as_str().unwrap().contains(' ')))));
    assert_eq!(data["updated"], "2024-12-28");
    let err = text(&out.stderr);
    for expected in [
        "the child service “ffffffff-dead-4000-8000-000000000000” is not in the export",
        "the child service “0000000b-0000-4000-8000-000000015445” is already placed (one parent per service)",
        "the role “Chef de bureau” has no named holder: it is not imported",
        "The link “javascript:alert(1)” of the unit “Direction générale n° 5 des essais”",
    ] {
        assert!(err.contains(expected), "warning {expected:?} in {err}");
    }
    // --no-people leaves every person out, and says nothing about them.
    let out = run(&["import", "annuaire", "--no-people", "--root", ANNUAIRE_ROOT, &annuaire("ministere.json")]);
    assert_eq!(code(&out), 0);
    assert!(!text(&out.stdout).contains("\"people\""));
    assert!(!text(&out.stderr).contains("Chef de bureau"));
}

#[test]
fn import_annuaire_of_the_format_s_example() {
    let out = run(&["import", "annuaire", "--root", "0a1b2c3d-0000-4000-8000-000000000001", &annuaire("exemple.json")]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    golden("import-annuaire-exemple.json", &text(&out.stdout));
    // The API's JSON export: a list of services, from standard input.
    let file = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(annuaire("exemple.json"))).unwrap();
    let list: serde_json::Value = serde_json::from_str(&file).unwrap();
    let list = serde_json::to_vec(&list["service"]).unwrap();
    let again = run_with(&["import", "annuaire", "--root", "0a1b2c3d-0000-4000-8000-000000000001", "-"], &[], Some(&list));
    assert_eq!(code(&again), 0);
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn import_annuaire_says_what_is_wrong() {
    let out = run(&["import", "annuaire", "--lang", "en", "--root", "nope", &annuaire("exemple.json")]);
    assert_eq!(code(&out), 1);
    assert_eq!(text(&out.stderr), "organigramme: error: tests/fixtures/annuaire/exemple.json: no service with id “nope” in the export (3 services)\n");
    let out = run_with(&["import", "annuaire", "--root", "x", "-"], &[], Some(b"{\"service\": [\n {\"id\": \"x\", \"nom\": 3,}\n]}"));
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).starts_with("organigramme: error: -:2:"), "{}", text(&out.stderr));
    let out = run_with(&["import", "annuaire", "--root", "x", "-"], &[], Some(b"{\"services\": []}"));
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).contains("missing field `service`"), "{}", text(&out.stderr));
    for input in [&b""[..], b"[", b"\xff", b"{\"service\": [{\"hierarchie\": \"[{\\\"service\\\": 1\"}]}"] {
        let out = run_with(&["import", "annuaire", "--root", "x", "-"], &[], Some(input));
        assert_eq!(code(&out), 1);
        no_panic(&out);
    }
}

const SEED_2024: &str = "../../tests/fixtures/seed-dinum-2024.txt";
const SEED_2020: &str = "../../tests/fixtures/seed-dinum-2020.txt";
const DINUM: &str = "Direction interministérielle du numérique (DINUM)";

/// Pairs of folded names: a unit and its parent's, or a person and their unit's.
type Pairs = Vec<(String, String)>;

/// Each unit's name and its parent's, folded, and each person with their unit's name.
fn placements(data: &serde_json::Value) -> (Pairs, Pairs) {
    fn fold(s: &str) -> String {
        organigramme_core::fold::fold(&s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
    fn walk(unit: &serde_json::Value, parent: &str, units: &mut Pairs, people: &mut Pairs) {
        let name = unit["name"].as_str().unwrap();
        units.push((fold(name), fold(parent)));
        for p in unit["people"].as_array().into_iter().flatten() {
            people.push((fold(p["name"].as_str().unwrap()), fold(name)));
        }
        for child in unit["children"].as_array().into_iter().flatten() {
            walk(child, name, units, people);
        }
    }
    let (mut units, mut people) = (Vec::new(), Vec::new());
    walk(&data["root"], "", &mut units, &mut people);
    units.sort();
    people.sort();
    (units, people)
}

/// The 2024 page gives every unit of the chart transcribed from it, under
/// the same parent, and every person in the same unit, without a warning.
#[test]
fn import_html_of_the_2024_dinum_page() {
    let out = run(&["import", "html", "--root-name", DINUM, SEED_2024]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "nothing left out");
    golden("import-html-dinum-2024.json", &text(&out.stdout));
    let imported: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let transcribed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("public/data/dinum-2024.json")).unwrap()).unwrap();
    let (units, people) = placements(&imported);
    let (expected_units, expected_people) = placements(&transcribed);
    assert_eq!(units, expected_units);
    assert_eq!(people, expected_people);
    assert_eq!(imported["updated"], "2024-01-17");
    assert_eq!(imported["root"]["short_name"], "DINUM");
    let check = run_with(&["validate", "-"], &[], Some(&out.stdout));
    assert_eq!(code(&check), 0);
}

/// The 2020 page's markup is worse (bold labels outside items, stray end
/// tags): what it says in lists is imported, the rest is a warning with
/// its line.
#[test]
fn import_html_of_the_2020_dinum_page_warns_of_its_prose() {
    let out = run(&["import", "html", "--lang", "en", "--root-name", DINUM, SEED_2020]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (units, people) = placements(&data);
    assert_eq!(units.len(), 11);
    assert!(units.contains(&("mission label".into(), "programme tech.gouv".into())));
    assert!(units.contains(&("programme tech.gouv".into(), "direction interministerielle du numerique".into())));
    assert!(units.contains(&("secretariat general".into(), "direction interministerielle du numerique".into())));
    assert!(people.contains(&("nadi bou hanna".into(), "direction interministerielle du numerique".into())));
    assert!(people.contains(&("catherine ferreol".into(), "secretariat general".into())));
    assert_eq!(data["root"]["people"][1], serde_json::json!({"name": "Xavier Albouy", "role": "Adjoint"}));
    assert_eq!(
        text(&out.stderr),
        "organigramme: warning: ../../tests/fixtures/seed-dinum-2020.txt:59: text outside the lists, not imported: \
         “Sont rattachés à la direction : le secrétariat général, le programme TECH.GOUV, le département Infrastructures et \
         Services Opérés (ISO), le département Etalab (cycle de vie de la donnée) et le département Performance des Services \
         Numériques (PSN) :”\n"
    );
}

#[test]
fn import_html_says_what_it_cannot_use() {
    let out = run(&["import", "html", "--lang", "en", "--selector", "ul[", SEED_2024]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).starts_with("organigramme: error: ../../tests/fixtures/seed-dinum-2024.txt: --selector “ul[”: "), "{}", text(&out.stderr));
    let out = run(&["import", "html", "--lang", "fr", "--selector", "#absent", SEED_2024]);
    assert_eq!(code(&out), 1);
    assert_eq!(text(&out.stderr), "organigramme: erreur : ../../tests/fixtures/seed-dinum-2024.txt: aucun élément ne répond à « #absent »\n");
    // A person line it cannot read is a warning naming it.
    let page = "<ul><li><b>Bureau des essais</b> Chef : 12 rue de la Paix</li></ul>";
    let out = run_with(&["import", "html", "--lang", "en", "-"], &[], Some(page.as_bytes()));
    assert_eq!(code(&out), 0);
    assert!(text(&out.stderr).contains("-:1: person not understood: “12 rue de la Paix”"), "{}", text(&out.stderr));
    for page in ["", "<ul><li></li><li><b></b></li></ul>", "<<<>>>", "<ul>", "\u{0}\u{feff}<li>é</li>"] {
        let out = run_with(&["import", "html", "-"], &[], Some(page.as_bytes()));
        no_panic(&out);
        assert!(code(&out) <= 1, "{page:?}");
    }
}

/// The static widget: valid HTML (html5ever reports no parse error, even
/// inside a whole document), nothing a strict CSP forbids, every unit with
/// its link's id, collapsed branches `hidden="until-found"`.
#[test]
fn export_html_writes_the_widget_as_static_html() {
    let out = run(&["export", "html", "--open", DINUM_2024]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let html = text(&out.stdout);
    golden("export-dinum-2024.fr.html", &html);
    let fragment = scraper::Html::parse_fragment(&html);
    assert_eq!(fragment.errors, Vec::<std::borrow::Cow<str>>::new(), "parse errors");
    let document = scraper::Html::parse_document(&format!("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>T</title></head><body>{html}</body></html>"));
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    for forbidden in ["<script", "<style", " style=", " onclick", "javascript:"] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(fragment.select(&select("li.og-unit[id]")).count(), 45);
    assert_eq!(fragment.select(&select("li.og-unit#etalab-datalab")).count(), 1);
    // The root open, the other branches closed but present.
    assert_eq!(fragment.select(&select(".og-children[hidden=until-found]")).count(), 8);
    assert_eq!(fragment.select(&select("[aria-expanded=true]")).count(), 2, "the disclosure and the root");
    // Closed, English, three levels, with a prefix and a label.
    let out = run(&["export", "html", "--lang", "en", "--depth", "3", "--link-prefix", "org-", "--label", "Chart <of> DINUM", DINUM_2024]);
    assert_eq!(code(&out), 0);
    let html = text(&out.stdout);
    golden("export-dinum-2024.en.html", &html);
    let fragment = scraper::Html::parse_fragment(&html);
    assert!(fragment.errors.is_empty());
    assert_eq!(fragment.select(&select(".og-chart[hidden=until-found]")).count(), 1);
    assert_eq!(fragment.select(&select("li.og-unit#org-etalab-datalab")).count(), 1);
    assert_eq!(fragment.select(&select(".og-children:not([hidden])")).count(), 9, "every branch of levels 1 and 2 open");
    assert!(html.contains(">Chart &lt;of&gt; DINUM</button>"));
    assert!(html.contains("<div class=\"organigramme\" lang=\"en\">"));
    assert!(html.contains("<p class=\"og-title\" id=\"og1-title\" lang=\"fr\">"), "the data's language, where it differs");
    // A bad prefix, a bad file.
    let out = run(&["export", "html", "--lang", "en", "--link-prefix", "a b", DINUM_2024]);
    assert_eq!(code(&out), 2, "a usage error");
    assert_eq!(text(&out.stderr), "organigramme: error: --link-prefix “a b”: up to 64 ASCII letters, digits, “-”, “_” or “.”\n");
    let out = run(&["export", "html", &fixture("invalid.json")]);
    assert_eq!(code(&out), 1);
}
