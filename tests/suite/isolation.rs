//! A learner's Rust file cannot reach the reference or the grader: each
//! route that forged a grade before, and variations on them, is refused
//! before building (with the construct, its line and why), and the kernel
//! sandbox stops what a file could still try at run time.

use crate::common;
use common::*;

/// Checks a forged solution and returns its compiler message: it must not
/// pass, and must be refused before building.
fn refused(fixture_name: &str) -> String {
    let (code, report) = check_file("count_events", &fixture(&format!("forged/{fixture_name}.rs")));
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["verdict"], "compile_error", "{report:#}");
    assert_eq!(report["cases"].as_array().map(Vec::len), Some(0), "{report:#}");
    let stderr = report["compile"]["stderr"].as_str().unwrap().to_string();
    assert!(stderr.contains("is not allowed in a solution"), "{stderr}");
    assert!(stderr.contains(&format!("tests/fixtures/forged/{fixture_name}.rs:")), "names the file: {stderr}");
    stderr
}

fn names(stderr: &str, construct: &str, line: usize) {
    assert!(stderr.contains(&format!("`{construct}` is not allowed")), "{construct}: {stderr}");
    assert!(stderr.contains(&format!(".rs:{line}:")), "line {line}: {stderr}");
}

#[test]
fn calling_the_reference_is_refused() {
    let e = refused("calls_reference");
    names(&e, "crate::", 5);
    assert!(e.contains("generated program around the solution"), "{e}");
}

#[test]
fn compiling_the_reference_in_is_refused() {
    let e = refused("includes_reference");
    names(&e, "include!", 5);
    names(&e, "env!", 5);
}

#[test]
fn resetting_the_heap_meter_is_refused() {
    let e = refused("resets_meter");
    names(&e, "grader::meter", 11);
    assert!(e.contains("heap meter"), "{e}");
}

#[test]
fn allocating_behind_the_meter_is_refused() {
    let e = refused("allocates_behind_meter");
    names(&e, "unsafe", 10);
}

#[test]
fn variations_are_refused_too() {
    names(&refused("escapes_with_super"), "super::", 5);
    names(&refused("aliases_the_grader"), "grader", 3);
    names(&refused("names_the_runtime"), "dekata_harness", 9);
    names(&refused("macro_builds_env"), "env", 11);
    let e = refused("loads_by_path");
    names(&e, "#[path]", 4);
    names(&e, "mod copied;", 5);
    let e = refused("extern_crate");
    names(&e, "extern crate", 2);
    names(&refused("includes_bytes"), "include_bytes!", 4);
}

#[test]
fn reading_the_reference_at_run_time_is_stopped() {
    let (code, report) = check_file("count_events", &fixture("forged/reads_reference_at_run_time.rs"));
    assert_eq!(code, 1, "{report:#}");
    let cases = verdicts(&report);
    assert_eq!(cases.len(), 7, "{report:#}");
    for (name, v) in cases {
        assert_eq!(v, "panicked", "{name}: {report:#}");
    }
    let message = case(&report, "five-clean-rows")["message"].as_str().unwrap();
    assert!(message.contains("Permission denied") || message.contains("No such file"), "{message}");
}

#[test]
fn without_landlock_the_report_says_so_in_one_line() {
    let root = Root::new();
    let out = dekata_command(root.path())
        .args(["check", "count_events", "--solution"])
        .arg(kata_file("count_events", "reference.rs"))
        .env("DEKATA_LANDLOCK", "off")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    // (The solution's own path may hold the word, as in a checkout named so.)
    let said: Vec<&str> =
        text.lines().filter(|l| l.contains("sandbox") && !l.trim_start().starts_with("solution:")).collect();
    assert_eq!(said.len(), 1, "{text}");
    assert!(said[0].contains("without the file and process sandbox"), "{text}");
}
