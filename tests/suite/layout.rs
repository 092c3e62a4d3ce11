//! The command's modules form no circle of imports: data flows one way,
//! from a kata's description to the report. Read from the sources, so a
//! new `use crate::...` that closes a circle fails here with the circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn top_level_modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if path.is_dir() && path.join("mod.rs").is_file() {
                Some(name)
            } else {
                name.strip_suffix(".rs").map(str::to_string)
            }
        })
        .filter(|m| m != "main" && m != "lib")
        .collect()
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Which top-level modules each one names (`crate::module`), comments left out.
fn imports(src: &Path, modules: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    sources(src, &mut files);
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.strip_suffix(".rs").unwrap_or(&first).to_string();
        if !modules.contains(&module) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines().map(|l| l.split("//").next().unwrap_or("")) {
            for (i, _) in line.match_indices("crate::") {
                let named: String = line[i + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                if named != module && modules.contains(&named) {
                    graph.entry(module.clone()).or_default().insert(named);
                }
            }
        }
    }
    graph
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_commands_modules_import_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = top_level_modules(&src);
    assert!(modules.contains("grading") && modules.contains("report"), "{modules:?}");
    let graph = imports(&src, &modules);
    assert!(graph["report"].contains("judge"), "the reader finds imports: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("a circle of imports in src/: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_graders_and_the_preludes_modules_import_one_way() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for crate_src in [repo.join("grader").join("src"), repo.join("prelude").join("src")] {
        let modules = top_level_modules(&crate_src);
        let graph = imports(&crate_src, &modules);
        assert!(!graph.is_empty(), "{}", crate_src.display());
        if let Some(cycle) = find_cycle(&graph) {
            panic!("a circle of imports in {}: {}", crate_src.display(), cycle.join(" -> "));
        }
    }
}

#[test]
fn a_circle_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["c".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into();
    assert_eq!(find_cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}
