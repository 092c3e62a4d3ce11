//! Routes that forged a pass by shaping the measure instead of doing the
//! work (issue 17), through the real binary: memory the heap meter never
//! saw (a static), memory freed under a baseline (a parked allocation,
//! ballast from a Python import), and work done in a process of its own (a
//! fork, a `setsid` child, another program). Each gets a verdict naming
//! its cause. Every fixture (tests/fixtures/evades) passed before.

use crate::common;
use common::*;
use serde_json::Value;

const KATA: &str = "count_events";
/// The kata's memory case: a million events (200,000 in Python).
const MEMORY_CASE: &str = "million-events-few-keys";

fn check_evasion(name: &str) -> Value {
    let root = Root::new();
    let file = fixture(&format!("evades/{name}"));
    let (code, report) = check_json(root.path(), KATA, &["--solution", file.to_str().unwrap(), "--seed", "42"]);
    assert_eq!(code, 1, "{name}: {report:#}");
    assert_eq!(report["verdict"], "fail", "{report:#}");
    assert_eq!(report["compile"]["ok"], true, "{report:#}");
    report
}

/// The memory case exceeds on `gauge`; every other case passes.
fn only_memory_exceeded(report: &Value, gauge: &str) -> String {
    for (name, verdict) in verdicts(report) {
        let expected = if name == MEMORY_CASE { "memory_exceeded" } else { "pass" };
        assert_eq!(verdict, expected, "{name}: {report:#}");
    }
    let c = case(report, MEMORY_CASE);
    assert_eq!(c["rule"], "memory", "{c:#}");
    assert_eq!(c["memory"]["gauge"], gauge, "{c:#}");
    assert!(c["memory"]["peak"].as_u64().unwrap() > c["memory"]["limit"].as_u64().unwrap(), "{c:#}");
    c["message"].as_str().unwrap().to_string()
}

/// Every case is a crash for starting a process or running a program.
fn every_case_refused_a_process(report: &Value) {
    let cases = report["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 7, "{report:#}");
    for c in cases {
        assert_eq!(c["verdict"], "crashed", "{c:#}");
        assert_eq!(c["rule"], "forbidden", "{c:#}");
        let message = c["message"].as_str().unwrap();
        assert!(message.contains("refused to let it start a process or run a program"), "{message}");
        assert!(message.contains("SIGSYS"), "{message}");
    }
}

fn assert_no_process_left(name: &str) {
    let pattern = format!("evades/{name}");
    let left = std::process::Command::new("pgrep").args(["-f", &pattern]).output().unwrap();
    assert!(left.stdout.is_empty(), "left behind: {}", String::from_utf8_lossy(&left.stdout));
}

// ------------------------------------------------------------ memory

#[test]
fn a_rust_static_array_is_counted_as_resident_memory() {
    let report = check_evasion("static_array.rs");
    let message = only_memory_exceeded(&report, "resident");
    assert!(message.contains("as the kernel counts it"), "{message}");
    let c = case(&report, MEMORY_CASE);
    // The heap meter saw next to nothing; the kernel saw the stream.
    assert!(c["peak_heap_bytes"].as_u64().unwrap() < 64 * 1024, "{c:#}");
    assert!(c["peak_resident_bytes"].as_u64().unwrap() > 4 << 20, "{c:#}");
    assert!(c["peak_resident_limit_bytes"].as_u64().is_some(), "{c:#}");
}

#[test]
fn a_rust_parked_allocation_cannot_lend_the_room_it_leaves() {
    // Each memory run has a fresh worker: the first call, which parks the
    // allocation, is the measured one.
    let report = check_evasion("parked_allocation.rs");
    only_memory_exceeded(&report, "heap");
    let c = case(&report, MEMORY_CASE);
    assert!(c["peak_heap_bytes"].as_u64().unwrap() >= 400 << 20, "{c:#}");
}

#[test]
fn python_ballast_from_import_time_counts() {
    // Its memory is read before the module is imported.
    let report = check_evasion("import_ballast.py");
    only_memory_exceeded(&report, "heap");
    let c = case(&report, MEMORY_CASE);
    assert!(c["peak_heap_bytes"].as_u64().unwrap() >= 250 << 20, "{c:#}");
}

// ------------------------------------------------------------ processes

#[test]
fn python_fork_after_disarming_the_audit_hook_is_refused_by_the_kernel() {
    let report = check_evasion("forks_unhooked.py");
    every_case_refused_a_process(&report);
    assert_no_process_left("forks_unhooked.py");
}

#[test]
fn a_python_setsid_child_is_refused_by_the_kernel() {
    let report = check_evasion("setsid_child.py");
    every_case_refused_a_process(&report);
    assert_no_process_left("setsid_child.py");
}

#[test]
fn running_a_program_is_refused_in_python() {
    every_case_refused_a_process(&check_evasion("runs_program.py"));
}

#[test]
fn running_a_program_is_refused_in_rust() {
    every_case_refused_a_process(&check_evasion("runs_program.rs"));
}

#[test]
fn without_the_process_filter_the_report_says_so_in_one_line() {
    let root = Root::new();
    let out = dekata_command(root.path())
        .args(["check", KATA, "--solution"])
        .arg(kata_file(KATA, "reference.rs"))
        .env("DEKATA_SECCOMP", "off")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    let said: Vec<&str> = text.lines().filter(|l| l.contains("process filter")).collect();
    assert_eq!(said.len(), 1, "{text}");
    assert!(said[0].contains("DEKATA_SECCOMP=off"), "{text}");
    let (code, report) = {
        let out = dekata_command(root.path())
            .args(["check", KATA, "--json", "--solution"])
            .arg(kata_file(KATA, "reference.py"))
            .env("DEKATA_SECCOMP", "off")
            .output()
            .unwrap();
        (out.status.code(), serde_json::from_slice::<Value>(&out.stdout).unwrap())
    };
    assert_eq!(code, Some(0), "{report:#}");
    assert!(report["sandbox"].as_str().unwrap().contains("without the process filter"), "{report:#}");
}
