//! The core's floors: every top-level module of `core/src` is on one floor, and a module
//! may name (`crate::…`) only modules on its own floor or below, so no import runs back
//! up and none of them forms a circle. Test code (`tests.rs`, `#[cfg(test)]` blocks) and
//! comments are not imports. docs/development.md shows the same list.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// From the bottom: leaves first, the entry points and the schema they publish last.
const FLOORS: &[&[&str]] = &[
    &["date", "secret", "code_table"],
    &["violation", "graph_error"],
    &["error"],
    &["send", "signature", "typed_input"],
    &["limits"],
    &["compose", "graph", "nesting", "policy"],
    &["client", "send_engine", "shorthand", "webhook"],
    &["dialect", "inbound", "link", "record", "codes"],
    &["emit"],
    &["api"],
    &["schema"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules of `core/src` (files and folders), `lib.rs` aside.
fn modules() -> BTreeSet<String> {
    std::fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_owned();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(name)
        })
        .filter(|name| name != "lib")
        .collect()
}

/// The code of a file that is not a comment and not test code.
fn code_of(text: &str) -> String {
    let text = text.find("#[cfg(test)]").map_or(text, |at| &text[..at]);
    text.lines()
        .map(|line| line.split_once("//").map_or(line, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules `code` names through `crate::`: `crate::a::…`, and `crate::{a, b::c}`.
fn named(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let head = item.trim().split("::").next().unwrap_or_default().trim();
                out.insert(head.to_owned());
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            out.insert(rest[..end].to_owned());
        }
    }
    out.retain(|m| modules.contains(m));
    out
}

/// Which top-level modules each top-level module names.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(src()).unwrap();
        let top = relative
            .iter()
            .next()
            .unwrap()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_owned();
        if top == "lib" || file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let found = named(&code_of(&text), &modules);
        out.entry(top.clone())
            .or_default()
            .extend(found.into_iter().filter(|m| *m != top));
    }
    out
}

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|floor| floor.contains(&module))
}

#[test]
fn every_module_is_on_one_floor() {
    let listed: Vec<&str> = FLOORS.iter().flat_map(|f| f.iter().copied()).collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(listed.len(), unique.len(), "a module is on two floors");
    let modules = modules();
    let missing: Vec<&String> = modules
        .iter()
        .filter(|m| !unique.contains(m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "not on a floor (add them to FLOORS): {missing:?}"
    );
    let gone: Vec<&&str> = unique.iter().filter(|m| !modules.contains(**m)).collect();
    assert!(gone.is_empty(), "on a floor but not in core/src: {gone:?}");
}

#[test]
fn no_import_runs_back_up() {
    let mut upward = Vec::new();
    for (module, named) in imports() {
        let Some(own) = floor_of(&module) else {
            continue;
        };
        for target in named {
            if floor_of(&target).is_some_and(|floor| floor > own) {
                upward.push(format!(
                    "{module} (floor {own}) imports {target} (floor {:?})",
                    floor_of(&target)
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that run back up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_circle_among_the_modules() {
    let imports = imports();
    fn visit(
        m: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|p| p == m) {
            panic!("an import circle: {} -> {m}", path[at..].join(" -> "));
        }
        if !done.insert(m.to_owned()) {
            return;
        }
        path.push(m.to_owned());
        for next in imports.get(m).into_iter().flatten() {
            visit(next, imports, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in imports.keys() {
        visit(module, &imports, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_reader_of_imports_sees_each_form() {
    let modules: BTreeSet<String> = ["error", "limits", "graph", "send"]
        .map(String::from)
        .into();
    let code = code_of(
        "use crate::error::Result;\nuse crate::{limits::Date, graph};\n// crate::send\nfn f() { crate::send::x(); }\n#[cfg(test)]\nuse crate::nothing;",
    );
    assert_eq!(named(&code, &modules), modules);
}
