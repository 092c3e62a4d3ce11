//! `dekata init`: a practice folder outside any clone, graded against the
//! catalogue and grader bundled into dekata; through the real binary, with
//! no DEKATA_ROOT and a cache of its own; and with no cargo to run: the
//! catalogue's references are built into dekata.

use crate::common;
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
        // A Python candidate has no Rust: the truth comes from the
        // references built into dekata, and any cargo run would fail.
        .env("CARGO", "/nonexistent/cargo")
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
    // An estimating kata: its exact program is built in too.
    std::fs::copy(kata_file("distinct_users_hll", "reference.py"), folder.join("solutions/distinct_users_hll.py"))
        .unwrap();
    let out = run(&folder, &cache, &["check", "distinct_users_hll"]);
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

/// A built-in reference serves a kata only while its source is the one
/// dekata was built with: a copy of the kata in an instructor's folder uses
/// it; once its reference is edited, the reference is built by cargo (here,
/// a cargo that cannot run, which says so).
#[test]
fn an_edited_reference_is_built_by_cargo_not_served_built_in() {
    let tmp = tempfile::tempdir().unwrap();
    let (cache, folder, own) = (tmp.path().join("cache"), tmp.path().join("practice"), tmp.path().join("own"));
    let out = run(tmp.path(), &cache, &["init", folder.to_str().unwrap(), "--lang", "python"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let kata = own.join("01-aggregation/count_events");
    std::fs::create_dir_all(&kata).unwrap();
    for file in ["kata.toml", "reference.rs", "starter.rs", "reference.py", "starter.py"] {
        std::fs::copy(kata_file("count_events", file), kata.join(file)).unwrap();
    }
    std::fs::copy(kata_file("count_events", "reference.py"), folder.join("solutions/count_events.py")).unwrap();
    let own_flag = ["--katas", own.to_str().unwrap()];
    let check = |cache: &Path| run(&folder, cache, &[&own_flag[..], &["check", "count_events"]].concat());
    let out = check(&cache);
    assert_eq!(out.status.code(), Some(0), "{}\n{}", stdout(&out), stderr(&out));

    let reference = kata.join("reference.rs");
    let text = std::fs::read_to_string(&reference).unwrap();
    std::fs::write(&reference, format!("// An instructor's edit.\n{text}")).unwrap();
    let out = check(&cache);
    assert_ne!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stderr(&out).contains("cannot run cargo"), "{}", stderr(&out));
}
