//! Practising aids: `dekata hint`, `dekata reset`, and the editor package in
//! `solutions/` that gives rust-analyzer the learner's files.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// ---------------------------------------------------------------- hint

#[test]
fn hints_are_revealed_one_at_a_time_and_remembered() {
    let root = Root::new();
    let hints = hints_of("count_events");
    assert!(hints.len() >= 2, "the test needs a kata with two hints or more");

    let out = root.dekata(&["hint", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&format!("Hint 1 of {}", hints.len())), "{text}");
    assert!(!text.contains("Hint 2 of"), "{text}");
    assert!(one_line(&text).contains(&hints[0]), "{text}");
    assert_eq!(hints_shown(&root), 1);

    // A second call, another process: the first hint again, and the next.
    let text = stdout(&root.dekata(&["hint", "count_events"]));
    assert!(text.contains(&format!("Hint 1 of {}", hints.len())), "{text}");
    assert!(text.contains(&format!("Hint 2 of {}", hints.len())), "{text}");
    assert!(one_line(&text).contains(&hints[1]), "{text}");
    assert!(text.find("Hint 1 of").unwrap() < text.find("Hint 2 of").unwrap(), "{text}");
    assert_eq!(hints_shown(&root), 2);
}

#[test]
fn the_end_of_the_hints_is_said_clearly() {
    let root = Root::new();
    let n = hints_of("count_events").len();
    for _ in 0..n - 1 {
        root.dekata(&["hint", "count_events"]);
    }
    let last = stdout(&root.dekata(&["hint", "count_events"]));
    assert!(last.contains(&format!("Hint {n} of {n}")), "{last}");
    assert!(last.contains("last hint"), "{last}");

    let out = root.dekata(&["hint", "count_events"]);
    assert_eq!(out.status.code(), Some(0));
    let again = stdout(&out);
    assert!(again.contains("No more hints"), "{again}");
    assert!(again.contains(&format!("Hint {n} of {n}")), "every hint is still shown: {again}");
    assert!(!again.contains(&format!("Hint {} of", n + 1)), "{again}");
    assert_eq!(hints_shown(&root), n);
}

#[test]
fn a_kata_without_hints_says_so() {
    let root = Root::with_own_katas();
    copy_kata_without_hints(&root, "count_events");
    let out = root.dekata(&["hint", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("count_events has no hints"), "{}", stdout(&out));
    assert!(!root.path().join(".dekata/progress.json").exists(), "nothing to remember");
}

#[test]
fn an_unknown_kata_is_a_bad_request() {
    let root = Root::new();
    for command in ["hint", "reset"] {
        let out = root.dekata(&[command, "no_such_kata"]);
        assert_eq!(out.status.code(), Some(2), "{command}: {}", stderr(&out));
        assert!(stderr(&out).contains("no kata `no_such_kata`"), "{command}: {}", stderr(&out));
    }
    assert!(!root.path().join("solutions/.backups").exists());
}

// ---------------------------------------------------------------- reset

#[test]
fn reset_backs_up_the_learners_exact_text_and_restores_the_starter() {
    let root = Root::new();
    // Odd bytes on purpose: CRLF, no final newline, non-ASCII, not UTF-8.
    let mine: &[u8] = b"use grader::prelude::*;\r\n// caf\xc3\xa9 \xff half-done\r\npub fn count_events(";
    std::fs::write(root.solution("count_events"), mine).unwrap();

    let out = root.dekata(&["reset", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read(root.solution("count_events")).unwrap(), starter("count_events"));
    let backups = backups(&root);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read(&backups[0]).unwrap(), mine);
    let name = backups[0].file_name().unwrap().to_str().unwrap();
    assert!(is_stamped(name, "count_events"), "{name}");

    let text = stdout(&out);
    let shown = format!("solutions/.backups/{name}");
    assert!(text.contains(&shown), "says where the backup is: {text}");
    assert!(text.contains(&format!("cp {shown} solutions/count_events.rs")), "says how to get it back: {text}");
}

#[test]
fn two_resets_in_the_same_second_keep_both_backups() {
    let root = Root::new();
    // Take every backup name of the next minute, so that both resets must
    // find a free suffix, and must not touch what is there.
    let dir = root.path().join("solutions/.backups");
    std::fs::create_dir_all(&dir).unwrap();
    let now = unix_now();
    for s in now..now + 60 {
        std::fs::write(dir.join(format!("count_events-{}.rs", utc_stamp(s))), b"taken").unwrap();
    }
    for text in ["// first try\n", "// second try\n"] {
        std::fs::write(root.solution("count_events"), text).unwrap();
        let out = root.dekata(&["reset", "count_events"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let mut contents: Vec<(String, String)> = backups(&root)
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap()))
        .filter(|(_, text)| text != "taken")
        .collect();
    contents.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(contents.len(), 2, "{contents:?}");
    assert_eq!(contents[0].1, "// first try\n");
    assert_eq!(contents[1].1, "// second try\n");
    for (name, _) in &contents {
        assert!(is_stamped(name, "count_events") && (name.ends_with("-2.rs") || name.ends_with("-3.rs")), "{name}");
    }
    assert_ne!(contents[0].0, contents[1].0);
    assert_eq!(backups(&root).len(), 62, "every placeholder is still there");
}

#[test]
fn reset_of_an_untouched_file_makes_no_backup() {
    let root = Root::new();
    let out = root.dekata(&["reset", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("did not exist"), "{}", stdout(&out));
    assert_eq!(std::fs::read(root.solution("count_events")).unwrap(), starter("count_events"));

    let out = root.dekata(&["reset", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("already the kata's starter"), "{}", stdout(&out));
    assert!(!root.path().join("solutions/.backups").exists());
}

// ---------------------------------------------------------------- the editor package

#[test]
fn the_editor_package_names_each_solution_and_checks_it() {
    let root = Root::new();
    let out = root.dekata(&["check", "count_events"]);
    assert_eq!(out.status.code(), Some(1), "the starter is not implemented: {}", stderr(&out));
    let out = root.dekata(&["reset", "heavy_hitters"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let lib = std::fs::read_to_string(root.path().join("solutions/lib.rs")).unwrap();
    assert!(lib.contains("#[path = \"count_events.rs\"]\npub mod count_events;"), "{lib}");
    assert!(lib.contains("#[path = \"heavy_hitters.rs\"]\npub mod heavy_hitters;"), "{lib}");
    let manifest = std::fs::read_to_string(root.path().join("solutions/Cargo.toml")).unwrap();
    assert!(manifest.lines().any(|l| l == "[workspace]"), "a workspace of its own: {manifest}");
    assert_eq!(std::fs::read(root.solution("count_events")).unwrap(), starter("count_events"), "never modified");

    // A correct solution checks; a broken one fails, naming its file.
    std::fs::copy(kata_file("count_events", "reference.rs"), root.solution("count_events")).unwrap();
    let ok = cargo_check(root.path());
    assert!(ok.status.success(), "{}", stderr(&ok));

    std::fs::write(root.solution("count_events"), BROKEN).unwrap();
    let broken = cargo_check(root.path());
    assert!(!broken.status.success());
    let err = stderr(&broken);
    assert!(err.contains("mismatched types") && err.contains("count_events.rs:5:"), "{err}");
    assert_eq!(err.matches("error[").count(), 1, "only the broken file has an error: {err}");
}

#[test]
fn the_editor_package_leaves_files_it_did_not_write_alone() {
    let root = Root::new();
    let solutions = root.path().join("solutions");
    let mine = "// my own lib.rs\npub mod notes;\n";
    std::fs::write(solutions.join("lib.rs"), mine).unwrap();
    std::fs::write(solutions.join("type.rs"), "// scratch\n").unwrap();
    std::fs::write(solutions.join("not-a-module.rs"), "// scratch\n").unwrap();

    let out = root.dekata(&["reset", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "editor support never stops a reset: {}", stderr(&out));
    assert!(stderr(&out).contains("was not generated by dekata"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(solutions.join("lib.rs")).unwrap(), mine);

    std::fs::remove_file(solutions.join("lib.rs")).unwrap();
    root.dekata(&["reset", "count_events"]);
    let lib = std::fs::read_to_string(solutions.join("lib.rs")).unwrap();
    assert!(lib.contains("pub mod count_events;") && lib.contains("pub mod r#type;"), "{lib}");
    assert!(!lib.contains("not-a-module"), "{lib}");
}

#[test]
fn the_projects_workspace_never_builds_solutions() {
    let out = Command::new(cargo())
        .args(["metadata", "--no-deps", "--format-version", "1", "--manifest-path"])
        .arg(repo().join("Cargo.toml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = meta["packages"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(!names.contains(&"dekata-solutions"), "{names:?}");
}

#[test]
fn the_committed_editor_files_are_what_dekata_generates() {
    let root = Root::new();
    root.dekata(&["reset", "count_events"]);
    let generated = |f: &str| std::fs::read_to_string(root.path().join("solutions").join(f)).unwrap();
    let committed = |f: &str| std::fs::read_to_string(repo().join("solutions").join(f)).unwrap();
    assert_eq!(committed("Cargo.toml"), generated("Cargo.toml"));
    let header: String =
        committed("lib.rs").lines().take_while(|l| l.starts_with("//")).map(|l| format!("{l}\n")).collect();
    assert!(!header.is_empty() && generated("lib.rs").starts_with(&header), "{header}");
    let settings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join(".vscode/settings.json")).unwrap()).unwrap();
    assert_eq!(settings["rust-analyzer.linkedProjects"], serde_json::json!(["Cargo.toml", "solutions/Cargo.toml"]));
}

// ---------------------------------------------------------------- helpers

const BROKEN: &str = "use grader::prelude::*;

pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    let mut counts = HashMap::new();
    let n: u64 = \"three\";
    for e in events {
        *counts.entry((e.user_id, e.event_type)).or_insert(0) += n;
    }
    counts
}
";

fn hints_of(kata: &str) -> Vec<String> {
    let table: toml::Table = std::fs::read_to_string(kata_file(kata, "kata.toml")).unwrap().parse().unwrap();
    table["hints"].as_array().unwrap().iter().map(|h| h.as_str().unwrap().to_string()).collect()
}

fn hints_shown(root: &Root) -> usize {
    let text = std::fs::read_to_string(root.path().join(".dekata/progress.json")).unwrap();
    let progress: serde_json::Value = serde_json::from_str(&text).unwrap();
    progress["katas"]["count_events"]["hints_shown"].as_u64().unwrap() as usize
}

/// Hints are wrapped for the terminal; this joins the lines back.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn copy_kata_without_hints(root: &Root, kata: &str) {
    let dir = root.path().join("katas").join("01-test").join(kata);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["starter.rs", "reference.rs"] {
        std::fs::copy(kata_file(kata, f), dir.join(f)).unwrap();
    }
    let mut table: toml::Table = std::fs::read_to_string(kata_file(kata, "kata.toml")).unwrap().parse().unwrap();
    table.remove("hints");
    std::fs::write(dir.join("kata.toml"), toml::to_string(&table).unwrap()).unwrap();
}

fn starter(kata: &str) -> Vec<u8> {
    std::fs::read(kata_file(kata, "starter.rs")).unwrap()
}

fn backups(root: &Root) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root.path().join("solutions/.backups"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// `<kata>-YYYYMMDD-HHMMSS.rs`, or with a `-N` suffix.
fn is_stamped(name: &str, kata: &str) -> bool {
    let Some(rest) = name.strip_prefix(&format!("{kata}-")).and_then(|r| r.strip_suffix(".rs")) else {
        return false;
    };
    let mut parts = rest.split('-');
    let digits = |p: Option<&str>, n: usize| p.is_some_and(|p| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next(), 8) && digits(parts.next(), 6) && parts.all(|p| p.parse::<u32>().is_ok_and(|n| n >= 2))
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

/// Unix seconds as `YYYYMMDD-HHMMSS` in UTC, computed independently of
/// dekata's own code.
fn utc_stamp(secs: u64) -> String {
    let (mut days, rem) = (secs / 86_400, secs % 86_400);
    let mut year = 1970;
    loop {
        let len = if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) { 366 } else { 365 };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let lengths = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 0;
    while days >= lengths[month] {
        days -= lengths[month];
        month += 1;
    }
    format!("{year:04}{:02}{:02}-{:02}{:02}{:02}", month + 1, days + 1, rem / 3600, rem % 3600 / 60, rem % 60)
}

fn cargo() -> PathBuf {
    std::env::var_os("CARGO").map_or_else(|| PathBuf::from("cargo"), PathBuf::from)
}

/// `cargo check` of the editor package, as rust-analyzer runs it on save.
/// One target directory serves every test (the grader is checked once).
fn cargo_check(root: &Path) -> Output {
    Command::new(cargo())
        .args(["check", "--quiet", "--color", "never", "--manifest-path"])
        .arg(root.join("solutions/Cargo.toml"))
        .arg("--target-dir")
        .arg(repo().join("target").join("practice-editor"))
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .current_dir(root)
        .output()
        .expect("cargo runs")
}
