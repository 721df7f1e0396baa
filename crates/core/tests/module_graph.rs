//! The project's crates (this core, the web view, the command line) import
//! their own modules without cycles: a module that needs another's word
//! never lends it one back, so that each layer reads on its own. Read from
//! the sources: every `crate::` path outside comments, strings and test
//! modules, a directory module's files counted as one module, the crate
//! root's re-exports followed to the module that defines them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Module name → the modules it uses.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// The text of Rust source without comments, string and char literals
/// (their content could spell a path) and `#[cfg(test)]` items.
fn code_of(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
        } else if let Some(raw) = raw_string_len(rest) {
            out.push_str("\"\"");
            i += raw;
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() && rest.as_bytes()[j] != b'"' {
                j += if rest.as_bytes()[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += j + 1;
        } else if let Some(len) = char_literal_len(rest) {
            out.push_str("' '");
            i += len;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    without_test_items(&out)
}

/// `r"…"`, `r#"…"#`…: its length, if `text` starts with one.
fn raw_string_len(text: &str) -> Option<usize> {
    let after_r = text.strip_prefix('r')?;
    let hashes = after_r.len() - after_r.trim_start_matches('#').len();
    let body = after_r[hashes..].strip_prefix('"')?;
    let end = format!("\"{}", "#".repeat(hashes));
    Some(1 + hashes + 1 + body.find(&end)? + end.len())
}

/// `'a'`, `'\n'`, `'\u{2068}'`: its length, if `text` starts with one (a
/// lifetime such as `'a` is not one).
fn char_literal_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix('\'')?;
    let len = if let Some(escaped) = body.strip_prefix('\\') {
        // The escaped character may be the quote itself: `'\''`.
        let first = escaped.chars().next()?.len_utf8();
        1 + first + escaped[first..].find('\'')? + 1
    } else {
        let c = body.chars().next()?;
        body[c.len_utf8()..].starts_with('\'').then_some(c.len_utf8() + 1)?
    };
    Some(1 + len)
}

/// The code without the items marked `#[cfg(test)]` (a test module may use
/// anything it tests).
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let Some(open) = item.find(['{', ';']) else { break };
        if item.as_bytes()[open] == b';' {
            rest = &item[open + 1..];
            continue;
        }
        let mut depth = 0;
        let mut end = item.len();
        for (k, b) in item.bytes().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The first segment of every path `crate::…` in `code`, braces included:
/// `crate::{a, b::c}` names `a` and `b`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("crate::") {
        let at = from + found;
        from = at + "crate::".len();
        if at > 0 && is_ident(code.as_bytes()[at - 1]) {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            for (k, b) in group.bytes().enumerate() {
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    b',' if depth == 1 => item_start = true,
                    b if item_start && is_ident(b) && depth == 1 => {
                        let len = group[k..].bytes().take_while(|&b| is_ident(b)).count();
                        names.insert(group[k..k + len].to_owned());
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let len = rest.bytes().take_while(|&b| is_ident(b)).count();
            names.insert(rest[..len].to_owned());
        }
    }
    names
}

/// The crate's modules (a file of `src`, or a directory with its files)
/// and the sources of each.
fn modules(src: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in fs::read_dir(src).expect("a crate's src directory") {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let files = fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "rs"));
            let files: Vec<_> = files.collect();
            if !files.is_empty() {
                modules.entry(stem).or_default().extend(files);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            modules.entry(stem).or_default().push(path);
        }
    }
    modules
}

/// What the crate root re-exports, by name: `pub use load::{parse, Warning}`
/// maps `parse` and `Warning` to `load` (paths such as `crate::Warning`).
fn reexports(root: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in root.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else { continue };
        let Some((module, items)) = path.split_once("::") else { continue };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let name = item.rsplit("::").next().unwrap().split(" as ").last().unwrap().trim();
            if !name.is_empty() {
                names.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    names
}

fn graph(src: &Path) -> Graph {
    let modules = modules(src);
    let root = ["lib", "main"].iter().map(|r| src.join(format!("{r}.rs"))).filter(|p| p.exists()).collect::<Vec<_>>();
    let reexported: BTreeMap<String, String> =
        root.iter().flat_map(|p| reexports(&code_of(&fs::read_to_string(p).unwrap()))).collect();
    let mut graph = Graph::new();
    for (name, files) in &modules {
        if name == "lib" || name == "main" {
            continue;
        }
        let used = graph.entry(name.clone()).or_default();
        for file in files {
            for path in crate_paths(&code_of(&fs::read_to_string(file).unwrap())) {
                // A module's own name first: the root may re-export an item
                // of the same name from elsewhere (`pub use api::mount`).
                let module = if modules.contains_key(&path) { path } else { reexported.get(&path).cloned().unwrap_or(path) };
                if &module != name && modules.contains_key(&module) {
                    used.insert(module);
                }
            }
        }
    }
    graph
}

/// A cycle of the graph, as the modules it goes through, if it has one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(graph: &Graph, module: &str, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(graph, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| visit(graph, m, &mut Vec::new(), &mut done))
}

fn crate_src(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn no_crate_has_an_import_cycle_between_its_modules() {
    for (name, src) in [("core", "src"), ("web view", "../../src"), ("command line", "../cli/src")] {
        let graph = graph(&crate_src(src));
        assert!(graph.len() > 5, "{name}: its modules were read ({graph:?})");
        assert_eq!(cycle(&graph), None, "{name}: modules that import one another");
    }
}

#[test]
fn the_reading_of_sources_finds_paths_and_cycles() {
    let code = code_of(
        "use crate::{chart::{Chart, UnitId}, fold};\n\
         // crate::commented\n\
         const S: &str = \"crate::quoted\"; const R: &str = r#\"crate::raw\"#; const C: char = '\"';\n\
         const Q: [char; 2] = ['\\'', '\\u{2068}']; const D: &str = \"crate::after_chars\";\n\
         fn f<'a>(x: &'a str) { crate::nav::step(x); }\n\
         #[cfg(test)]\nmod tests { use crate::tested; }\n",
    );
    assert_eq!(crate_paths(&code), ["chart", "fold", "nav"].map(String::from).into());
    for (literal, len) in [("'\\'' x", 4), ("'\\u{2068}'", 10), ("'é'", 4), ("'a>", 0)] {
        assert_eq!(char_literal_len(literal).unwrap_or(0), len, "{literal}");
    }
    assert_eq!(reexports("pub use load::{parse, Warning as W}; pub use chart::Chart; use x::y;")["W"], "load");
    let graph = |edges: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    assert_eq!(cycle(&graph(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])), Some(["a", "b", "c", "a"].map(String::from).to_vec()));
}
