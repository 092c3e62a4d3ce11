//! `dekata init`: a practice folder outside any clone, graded against the
//! catalogue and grader bundled into dekata; through the real binary, with
//! no DEKATA_ROOT and a cache of its own.

mod common;
use common::*;

use std::path::Path;
use std::process::{Command, Output};

fn run(cwd: &Path, cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dekata"))
        .args(args)
        .current_dir(cwd)
        .env_remove("DEKATA_ROOT")
        .env_remove("DEKATA_TARGET_DIR")
        .env_remove("DEKATA_KATAS")
        .env_remove("CLICOLOR_FORCE")
        .env("DEKATA_CACHE", cache)
        .output()
        .expect("dekata runs")
}

#[test]
fn init_makes_a_practice_folder_that_lists_shows_and_grades() {
    let tmp = tempfile::tempdir().unwrap();
    let (cache, folder) = (tmp.path().join("cache"), tmp.path().join("practice"));
    let out = run(tmp.path(), &cache, &["init", folder.to_str().unwrap(), "--lang", "python"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for made in ["dekata.toml", "solutions", ".dekata", "pyrightconfig.json"] {
        assert!(folder.join(made).exists(), "{made}");
    }
    // The editor finds the stubs among dekata's unpacked files.
    let pyright = std::fs::read_to_string(folder.join("pyrightconfig.json")).unwrap();
    assert!(pyright.contains("grader/python") && pyright.contains(cache.to_str().unwrap()), "{pyright}");

    // Inside it (a subfolder too), the catalogue is dekata's own.
    std::fs::create_dir(folder.join("solutions/notes")).unwrap();
    let out = run(&folder.join("solutions/notes"), &cache, &["list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), kata_ids(false).len() + kata_ids(true).len());
    let out = run(&folder, &cache, &["show", "count_events"]);
    assert!(stdout(&out).contains("def count_events"), "Python chosen at init: {}", stdout(&out));

    // A Python check: the starter is created in the folder, graded.
    let out = run(&folder, &cache, &["check", "count_events", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    assert_eq!(out.status.code(), Some(1), "{report:#}\n{}", stderr(&out));
    assert_eq!(report["cases"][0]["verdict"], "not_implemented", "{report:#}");
    std::fs::copy(kata_file("count_events", "reference.py"), folder.join("solutions/count_events.py")).unwrap();
    let out = run(&folder, &cache, &["check", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "{}\n{}", stdout(&out), stderr(&out));

    // Again: nothing overwritten.
    std::fs::write(folder.join("pyrightconfig.json"), "{}").unwrap();
    let out = run(tmp.path(), &cache, &["init", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(folder.join("pyrightconfig.json")).unwrap(), "{}");
    assert!(folder.join("solutions/count_events.py").is_file());
}

#[test]
fn init_refuses_a_clone_and_outside_a_folder_dekata_says_how_to_start() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let out = run(tmp.path(), &cache, &["init", repo().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = run(tmp.path(), &cache, &["list"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("dekata init"), "{}", stderr(&out));
}
