//! Hostile or broken solutions always get a verdict; the runner never hangs
//! or dies.

use crate::common;
use common::*;

fn all_cases_get(fixture_name: &str, verdict: &str) -> serde_json::Value {
    let (code, report) = check_file("count_events", &fixture(&format!("hostile/{fixture_name}.rs")));
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["verdict"], "fail");
    let cases = verdicts(&report);
    assert_eq!(cases.len(), 7, "every case gets a verdict: {report:#}");
    for (name, v) in cases {
        assert_eq!(v, verdict, "case {name}: {report:#}");
    }
    report
}

#[test]
fn endless_loop_is_time_exceeded() {
    let r = all_cases_get("endless_loop", "time_exceeded");
    assert!(r["cases"][0]["message"].as_str().unwrap().contains("stopped"));
}

#[test]
fn runaway_allocation_is_memory_exceeded() {
    let r = all_cases_get("runaway_alloc", "memory_exceeded");
    assert!(r["cases"][0]["message"].as_str().unwrap().contains("hard cap"));
}

#[test]
fn early_exit_is_crashed_not_pass() {
    let r = all_cases_get("early_exit", "crashed");
    assert!(r["cases"][0]["message"].as_str().unwrap().contains("process::exit"));
}

#[test]
fn stack_overflow_is_crashed() {
    let r = all_cases_get("stack_overflow", "crashed");
    assert!(r["cases"][0]["message"].as_str().unwrap().contains("stack"));
}

#[test]
fn abort_is_crashed() {
    let r = all_cases_get("abort", "crashed");
    assert!(r["cases"][0]["message"].as_str().unwrap().contains("SIGABRT"));
}

#[test]
fn output_flood_cannot_corrupt_the_result() {
    let (code, report) = check_file("count_events", &fixture("hostile/stdout_flood.rs"));
    assert_eq!(report["compile"]["ok"], true, "{report:#}");
    let cases = verdicts(&report);
    assert_eq!(cases.len(), 7, "{report:#}");
    let all_pass = cases.iter().all(|(_, v)| v == "pass");
    assert_eq!(code, if all_pass { 0 } else { 1 }, "{report:#}");
    for (name, v) in cases {
        // The flood slows the million-event case down; it must never
        // corrupt a verdict.
        if name == "million-events-few-keys" {
            assert!(v == "pass" || v == "time_exceeded", "{name}: {v}");
        } else {
            assert_eq!(v, "pass", "{name}: {report:#}");
        }
    }
}

#[test]
fn a_panic_is_graded_and_shrunk_and_other_cases_still_run() {
    let (code, report) = check_file("count_events", &fixture("hostile/panics_on_null_text.rs"));
    assert_eq!(code, 1);
    let c = case(&report, "retries-and-nulls");
    assert_eq!(c["verdict"], "panicked");
    assert!(c["message"].as_str().unwrap().contains("unexpected writer"), "{c:#}");
    let cx = c["counterexample"].as_array().expect("a counterexample");
    assert_eq!(cx.len(), 1, "{c:#}");
    assert_eq!(cx[0]["updated_by"], "null");
    assert_eq!(case(&report, "five-clean-rows")["verdict"], "pass");
    assert_eq!(case(&report, "one-hot-user")["verdict"], "pass");
}

#[test]
fn leftover_child_processes_are_killed() {
    // The kernel refuses to start a process at all, and ends the worker
    // (without the process filter, Landlock refuses to run `sleep`, and
    // without either it starts and is killed with the worker's group).
    let (code, report) = check_file("count_events", &fixture("hostile/spawns_sleeper.rs"));
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["compile"]["ok"], true, "the fixture must compile: {report:#}");
    let cases = verdicts(&report);
    assert_eq!(cases.len(), 7, "{report:#}");
    // Starting the child is what ends it: the kernel refuses a process.
    assert!(cases.iter().all(|(_, v)| v == "crashed"), "{report:#}");
    for c in report["cases"].as_array().unwrap() {
        assert_eq!(c["rule"], "forbidden", "{c:#}");
    }
    let left = std::process::Command::new("pgrep").args(["-f", "sleep 600"]).output().unwrap();
    assert!(left.stdout.is_empty(), "left behind: {}", String::from_utf8_lossy(&left.stdout));
}

#[test]
fn compile_error_is_reported_in_full() {
    let (code, report) = check_file("count_events", &fixture("hostile/does_not_compile.rs"));
    assert_eq!(code, 1);
    assert_eq!(report["verdict"], "compile_error");
    assert_eq!(report["compile"]["ok"], false);
    let stderr = report["compile"]["stderr"].as_str().unwrap();
    assert!(stderr.contains("error[E0277]"), "{stderr}");
    assert!(stderr.contains("tests/fixtures/hostile/does_not_compile.rs"), "paths are relative: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "no color codes in JSON: {stderr}");
    // A compile error in one solution never blocks another.
    let (code, _) = check_file("count_events", &kata_file("count_events", "reference.rs"));
    assert_eq!(code, 0);
}
