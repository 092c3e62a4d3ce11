//! Hostile or broken Python solutions (tests/fixtures/hostile_py) always get
//! a verdict, the one the attack deserves; the runner never hangs or dies,
//! and what a solution prints, writes or reads never reaches a result.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::PathBuf;

/// Every fixture defines `count_events`.
const KATA: &str = "count_events";
/// The catalogue's count_events has seven cases.
const CASES: usize = 7;

fn hostile(name: &str) -> PathBuf {
    fixture(&format!("hostile_py/{name}.py"))
}

/// `dekata check count_events --solution <fixture> --json --seed 42` in
/// `root`: it ends with exit 1 (the solution fails; never 101, a panic of
/// dekata, nor 2 or 3) and one valid JSON report of the Python solution.
fn check_hostile(root: &Root, name: &str) -> Value {
    let file = hostile(name);
    let (code, report) = check_json(root.path(), KATA, &["--solution", file.to_str().unwrap(), "--seed", "42"]);
    assert_eq!(code, 1, "{name}: {report:#}");
    assert_eq!(report["kata"], KATA, "{report:#}");
    assert_eq!(report["language"], "python", "{report:#}");
    assert_eq!(report["seed"], 42, "{report:#}");
    report
}

/// Every one of `cases` cases got `verdict`; the report as a whole fails.
fn all_cases_get(report: &Value, cases: usize, verdict: &str) {
    assert_eq!(report["verdict"], "fail", "{report:#}");
    assert_eq!(report["compile"]["ok"], true, "a loaded solution: {report:#}");
    let got = verdicts(report);
    assert_eq!(got.len(), cases, "every case gets a verdict: {report:#}");
    for (name, v) in got {
        assert_eq!(v, verdict, "case {name}: {report:#}");
    }
}

/// Every case's message contains each of `parts`.
fn every_message_says(report: &Value, parts: &[&str]) {
    for c in report["cases"].as_array().unwrap() {
        let message = c["message"].as_str().unwrap();
        for part in parts {
            assert!(message.contains(part), "case {}: `{part}` missing from: {message}", c["name"]);
        }
    }
}

/// Every case broke `rule` (`forbidden`: the sandbox refused something,
/// where a plain exception is `panic`).
fn every_rule_is(report: &Value, rule: &str) {
    for c in report["cases"].as_array().unwrap() {
        assert_eq!(c["rule"], rule, "{c:#}");
    }
}

/// The fixture's grading process is gone: nothing the solution started, or
/// its worker, outlives the check.
fn assert_no_process_left(name: &str) {
    let pattern = format!("hostile_py/{name}.py");
    let left = std::process::Command::new("pgrep").args(["-f", &pattern]).output().unwrap();
    assert!(left.stdout.is_empty(), "left behind: {}", String::from_utf8_lossy(&left.stdout));
}

/// A workspace whose count_events keeps only the named cases (the
/// catalogue's own files, limits and seed derivation otherwise), for
/// fixtures that run until the wall clock stops them: each case waits
/// its whole clock, about 7 s.
fn root_with_cases(names: &[&str]) -> Root {
    let root = Root::with_own_katas();
    std::fs::copy(repo().join("Cargo.lock"), root.path().join("Cargo.lock")).unwrap();
    let dir = root.path().join("katas").join("01-streaming-aggregation").join(KATA);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["starter.rs", "reference.rs", "starter.py", "reference.py"] {
        std::fs::copy(kata_file(KATA, f), dir.join(f)).unwrap();
    }
    let mut table: toml::Table = std::fs::read_to_string(kata_file(KATA, "kata.toml")).unwrap().parse().unwrap();
    let cases = table["cases"].as_array_mut().unwrap();
    cases.retain(|c| names.contains(&c["name"].as_str().unwrap()));
    assert_eq!(cases.len(), names.len(), "every named case is in the kata");
    std::fs::write(dir.join("kata.toml"), toml::to_string(&table).unwrap()).unwrap();
    root
}

/// The interpreter dekata runs solutions with: (major, minor).
fn python_version() -> (u32, u32) {
    let python = std::env::var_os("DEKATA_PYTHON").unwrap_or_else(|| "python3".into());
    let out = std::process::Command::new(python)
        .args(["-I", "-S", "-c", "import sys; print(*sys.version_info[:2])"])
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace().map(|p| p.parse::<u32>().unwrap());
    (parts.next().unwrap(), parts.next().unwrap())
}

// ------------------------------------------------------------ limits

#[test]
fn endless_loop_is_time_exceeded_and_the_next_case_gets_a_fresh_worker() {
    // Two cases: the first worker is killed at the wall clock, the second
    // case runs on a new one and is stopped the same way.
    let root = root_with_cases(&["five-clean-rows", "single-event"]);
    let report = check_hostile(&root, "endless_loop");
    all_cases_get(&report, 2, "time_exceeded");
    every_message_says(&report, &["still running after", "stopped", "endless loop"]);
    every_rule_is(&report, "time");
    for c in report["cases"].as_array().unwrap() {
        assert!(c["time_limit_ms"].as_u64().unwrap() >= 2_000, "{c:#}");
    }
    assert_no_process_left("endless_loop");
}

#[test]
fn runaway_allocation_is_memory_exceeded_at_the_hard_cap() {
    let root = Root::new();
    let report = check_hostile(&root, "runaway_alloc");
    all_cases_get(&report, CASES, "memory_exceeded");
    every_message_says(&report, &["hard cap of 1024 MiB", "grows without bound"]);
    assert_no_process_left("runaway_alloc");
}

#[test]
fn lifting_the_recursion_limit_never_passes_nor_hangs() {
    // With the limit at 10**7, CPython 3.10 recurses on the C stack and
    // dies of SIGSEGV; 3.11 and later keep Python frames on the heap, so
    // the recursion eats memory for longer than the case's clock (or
    // reaches the hard cap first on a fast machine, where CPython may end
    // by a fatal error). Whichever: never a pass, never a hang.
    let root = root_with_cases(&["five-clean-rows"]);
    let report = check_hostile(&root, "c_stack_overflow");
    assert_eq!(report["verdict"], "fail", "{report:#}");
    let c = case(&report, "five-clean-rows");
    let (verdict, message) = (c["verdict"].as_str().unwrap(), c["message"].as_str().unwrap());
    if python_version() < (3, 11) {
        assert_eq!(verdict, "crashed", "{c:#}");
        assert!(message.contains("SIGSEGV") || message.contains("stack"), "{message}");
    } else {
        match verdict {
            "time_exceeded" => assert!(message.contains("stopped"), "{message}"),
            "memory_exceeded" => assert!(message.contains("hard cap"), "{message}"),
            // Where the heap runs out decides how CPython ends: an
            // allocation it cannot recover from is a fatal error (SIGABRT).
            "crashed" => assert!(message.contains("SIGABRT") || message.contains("SIGSEGV"), "{message}"),
            other => panic!("unbounded recursion got {other}: {c:#}"),
        }
    }
    assert_no_process_left("c_stack_overflow");
}

#[test]
fn deep_recursion_is_a_recursion_error_at_the_solutions_line() {
    let root = Root::new();
    let report = check_hostile(&root, "deep_recursion");
    all_cases_get(&report, CASES, "panicked");
    every_message_says(&report, &["RecursionError: maximum recursion depth exceeded", "deep_recursion.py:3"]);
    every_rule_is(&report, "panic");
    // A panic is shrunk: it happens whatever the input, so no event is
    // left of any stream, and the report says it needs none.
    for c in report["cases"].as_array().unwrap() {
        let cx = c["counterexample"].as_array().unwrap_or_else(|| panic!("a counterexample: {c:#}"));
        assert!(cx.is_empty(), "{c:#}");
        if c["events"] != 0 {
            assert!(c["message"].as_str().unwrap().contains("It panics on an empty input too"), "{c:#}");
        }
    }
    assert_eq!(case(&report, "empty-stream")["counterexample"], serde_json::json!([]));
}

#[test]
fn a_memory_error_raised_by_hand_is_panicked_not_memory_exceeded() {
    let root = Root::new();
    let report = check_hostile(&root, "raises_memory_error");
    // The solution raised it with a `raise` statement: no allocation
    // failed, so dekata does not claim the cap was reached.
    all_cases_get(&report, CASES, "panicked");
    every_message_says(&report, &["MemoryError: out of memory, supposedly", "raises_memory_error.py:3"]);
    every_rule_is(&report, "panic");
}

// ------------------------------------------------------------ ending the process

#[test]
fn os_exit_is_crashed_not_pass() {
    let root = Root::new();
    let report = check_hostile(&root, "os_exit");
    all_cases_get(&report, CASES, "crashed");
    every_message_says(&report, &["exited (status 0) before the worker could report a result", "os._exit()"]);
    // Each case after the first ran on a fresh worker: the last one, the
    // 200,000-event memory case, is judged like the first.
    assert_eq!(report["cases"][CASES - 1]["name"], "million-events-few-keys");
}

#[test]
fn sys_exit_is_crashed_not_pass() {
    let root = Root::new();
    let report = check_hostile(&root, "sys_exit");
    all_cases_get(&report, CASES, "crashed");
    every_message_says(&report, &["asked its process to exit (status 0)", "sys.exit()", "must return its answer"]);
}

#[test]
fn system_exit_raised_in_a_finally_is_crashed_with_its_status() {
    let root = Root::new();
    let report = check_hostile(&root, "exit_in_finally");
    all_cases_get(&report, CASES, "crashed");
    every_message_says(&report, &["asked its process to exit (status 3)", "SystemExit"]);
}

#[test]
fn a_crash_in_c_code_is_crashed_with_the_signal_and_the_line() {
    let root = Root::new();
    let report = check_hostile(&root, "ctypes_crash");
    all_cases_get(&report, CASES, "crashed");
    // faulthandler's last words name the solution's line.
    every_message_says(&report, &["killed by SIGSEGV", "ctypes_crash.py\", line 6 in count_events"]);
}

// ------------------------------------------------------------ the sandbox

#[test]
fn forking_is_refused_and_leaves_no_process() {
    let root = Root::new();
    let report = check_hostile(&root, "forks");
    all_cases_get(&report, CASES, "panicked");
    every_rule_is(&report, "forbidden");
    every_message_says(&report, &["tried to fork its process (os.fork())", "may not do"]);
    assert_no_process_left("forks");
}

#[test]
fn killing_dekata_is_refused_and_dekata_reports() {
    // check_hostile already saw dekata exit 1 with its whole report.
    let root = Root::new();
    let report = check_hostile(&root, "kills_parent");
    all_cases_get(&report, CASES, "panicked");
    every_rule_is(&report, "forbidden");
    every_message_says(&report, &["tried to signal a process (os.kill(", "may not do"]);
}

#[test]
fn reading_the_reference_is_refused_and_nothing_of_it_leaks() {
    let root = Root::new();
    let report = check_hostile(&root, "reads_reference");
    all_cases_get(&report, CASES, "panicked");
    every_rule_is(&report, "forbidden");
    every_message_says(&report, &["tried to open files (", "count_events/reference.rs)", "may not do"]);
    let text = report.to_string();
    for reference in ["reference.rs", "reference.py"] {
        let source = std::fs::read_to_string(kata_file(KATA, reference)).unwrap();
        for line in source.lines().map(str::trim).filter(|l| l.len() > 24) {
            assert!(!text.contains(line), "the reference's `{line}` leaked into the report");
        }
    }
}

#[test]
fn reading_dekatas_cache_is_refused() {
    let root = Root::new();
    let report = check_hostile(&root, "reads_cache");
    all_cases_get(&report, CASES, "panicked");
    every_rule_is(&report, "forbidden");
    every_message_says(&report, &["tried to open files (", "target/dekata/cache/count_events/x.json)", "may not do"]);
}

#[test]
fn a_forged_reply_on_the_reply_channel_is_crashed_not_pass() {
    // The forgery claims every run returned: even the empty stream, whose
    // right answer is an empty map, must not pass on it.
    let root = Root::new();
    let report = check_hostile(&root, "writes_reply_channel");
    all_cases_get(&report, CASES, "crashed");
    every_message_says(&report, &["wrote on the worker's reply channel, which a solution may not use"]);
}

// ------------------------------------------------------------ output and loading

#[test]
fn printing_cannot_corrupt_the_result() {
    let root = Root::new();
    let file = hostile("print_flood");
    let out = root.dekata(&["check", KATA, "--solution", file.to_str().unwrap(), "--json", "--seed", "42"]);
    let text = stdout(&out);
    let report: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("stdout is one JSON document ({e})"));
    assert!(!text.contains("seen e0"), "the solution's stdout reached dekata's");
    assert!(!stderr(&out).contains("debug:"), "the solution's stderr reached dekata's: {}", stderr(&out));
    assert_eq!(report["language"], "python");
    assert_eq!(report["compile"]["ok"], true, "{report:#}");
    let cases = verdicts(&report);
    assert_eq!(cases.len(), CASES, "{report:#}");
    let all_pass = cases.iter().all(|(_, v)| v == "pass");
    assert_eq!(out.status.code(), Some(if all_pass { 0 } else { 1 }), "{report:#}");
    for (name, v) in cases {
        // A line printed per event slows the 200,000-event case down; the
        // protocol-like line it prints first must never count as a reply.
        if name == "million-events-few-keys" {
            assert!(v == "pass" || v == "time_exceeded", "{name}: {v}: {report:#}");
        } else {
            assert_eq!(v, "pass", "{name}: {report:#}");
        }
    }
}

#[test]
fn a_syntax_error_is_a_compile_error_with_the_line() {
    let root = Root::new();
    let report = check_hostile(&root, "syntax_error");
    assert_eq!(report["verdict"], "compile_error", "{report:#}");
    assert_eq!(report["compile"]["ok"], false);
    assert!(report["cases"].as_array().unwrap().is_empty(), "{report:#}");
    let stderr = report["compile"]["stderr"].as_str().unwrap();
    assert!(stderr.contains("syntax_error.py\", line 1"), "{stderr}");
    assert!(stderr.contains("def count_events(events)"), "the line itself: {stderr}");
    assert!(stderr.contains("SyntaxError: expected ':'"), "{stderr}");
    assert!(!stderr.contains("dekata_worker.py"), "the worker's own frames are not the learner's: {stderr}");
}
