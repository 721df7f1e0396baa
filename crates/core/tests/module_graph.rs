//! The project's crates (this core, the web view, the command line) import
//! their own modules without cycles: a module that needs another's word
//! never lends it one back, so that each layer reads on its own. Read from
//! the sources: every path from the crate's root (`crate::`, or `super::`
//! where it leads there) outside comments, strings and test items, the files
//! of a directory module counted as one module, and a name the crate's root
//! re-exports taken for the module it names there (the root re-exports each
//! name from the module that defines it).

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
            i += block_comment_len(rest);
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

/// The length of the block comment `text` starts with, nested ones inside.
fn block_comment_len(text: &str) -> usize {
    let mut depth = 0;
    let mut k = 0;
    while k < text.len() {
        if text[k..].starts_with("/*") {
            depth += 1;
            k += 2;
        } else if text[k..].starts_with("*/") {
            depth -= 1;
            k += 2;
            if depth == 0 {
                return k;
            }
        } else {
            k += text[k..].chars().next().map_or(1, char::len_utf8);
        }
    }
    text.len()
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

/// The code without the items whose `cfg` names `test` (`#[cfg(test)]`,
/// `#[cfg(all(test, …))]`): a test may use anything it tests.
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(") {
        let attribute_end = rest[at..].find(']').map_or(rest.len(), |e| at + e + 1);
        let attribute = &rest[at..attribute_end];
        let names_test = attribute.split(|c: char| !c.is_alphanumeric() && c != '_').any(|word| word == "test");
        if !names_test {
            out.push_str(&rest[..attribute_end]);
            rest = &rest[attribute_end..];
            continue;
        }
        out.push_str(&rest[..at]);
        rest = &rest[attribute_end..];
        rest = &rest[item_len(rest)..];
    }
    out.push_str(rest);
    out
}

/// The length of the item `code` starts with: up to its `;` or the end of
/// its body, outside brackets (a `;` in a type such as `[u8; 2]` ends
/// nothing).
fn item_len(code: &str) -> usize {
    let mut depth = 0i32;
    for (k, b) in code.bytes().enumerate() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b';' if depth == 0 => return k + 1,
            b'{' if depth == 0 => {
                let mut braces = 0;
                for (j, b) in code.bytes().enumerate().skip(k) {
                    match b {
                        b'{' => braces += 1,
                        b'}' => {
                            braces -= 1;
                            if braces == 0 {
                                return j + 1;
                            }
                        }
                        _ => {}
                    }
                }
                return code.len();
            }
            _ => {}
        }
    }
    code.len()
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The first segment of every path from the crate's root in `code`, braces
/// included: `crate::{a, b::c}` names `a` and `b`. `root` is how else the
/// file's code reaches the root: `super::` in a module of the root's
/// directory, `super::super::` in a directory module's file.
fn crate_paths(code: &str, root: &str) -> BTreeSet<String> {
    let mut names = paths_after(code, "crate::");
    names.extend(paths_after(code, root));
    names
}

fn paths_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut from = 0;
    while let Some(found) = code[from..].find(prefix) {
        let at = from + found;
        from = at + prefix.len();
        // `super::super::x` holds `super::x`: only a whole path counts.
        if at > 0 && (is_ident(code.as_bytes()[at - 1]) || code[..at].ends_with("::")) {
            continue;
        }
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
    // `super::super::x` read as `super::` then `super`: not a module.
    names.remove("super");
    names
}

/// The crate's modules (a file of `src`, or a directory with the files
/// directly in it; a test file, `tests.rs`, left out) and the sources of
/// each.
fn modules(src: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in fs::read_dir(src).expect("a crate's src directory") {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let files = fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("tests.rs"));
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
    for (at, _) in root.match_indices("pub use ") {
        let statement = &root[at + "pub use ".len()..];
        let path = statement[..statement.find(';').unwrap_or(statement.len())].trim();
        let path = path.strip_prefix("crate::").unwrap_or(path);
        let Some((module, items)) = path.split_once("::") else { continue };
        for item in items.split([',', '{', '}']) {
            let name = item.rsplit("::").next().unwrap().split(" as ").last().unwrap().trim();
            if !name.is_empty() && name != "*" {
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
            let root = if file.parent() == Some(src) { "super::" } else { "super::super::" };
            for path in crate_paths(&code_of(&fs::read_to_string(file).unwrap()), root) {
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
         /* a /* nested */ crate::commented \" */ fn g() { super::view::f(); super::super::up(); }\n\
         #[cfg(test)]\nmod tests { use crate::tested; }\n\
         #[cfg(all(test, unix))]\nfn h(a: [u8; 2]) { crate::tested_too(a); }\n\
         #[cfg(not(feature = \"x\"))]\nfn k() { crate::kept(); }\n\
         #[cfg(test)]\nmod tests_file;\n\
         fn m() { crate::after(); }\n",
    );
    assert_eq!(crate_paths(&code, "super::"), ["after", "chart", "fold", "kept", "nav", "view"].map(String::from).into());
    assert_eq!(crate_paths(&code, "super::super::"), ["after", "chart", "fold", "kept", "nav", "up"].map(String::from).into());
    for (literal, len) in [("'\\'' x", 4), ("'\\u{2068}'", 10), ("'é'", 4), ("'a>", 0)] {
        assert_eq!(char_literal_len(literal).unwrap_or(0), len, "{literal}");
    }
    let names = reexports("pub use load::{parse, Warning as W}; pub fn f() {}\npub use crate::chart::{unit::{Unit, Id}, Chart}; use x::y;");
    assert_eq!(names["W"], "load");
    assert_eq!((names["Unit"].as_str(), names["Chart"].as_str()), ("chart", "chart"));
    assert!(!names.contains_key("y"));
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
