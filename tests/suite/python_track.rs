//! The learner's Python journey, through the real binary in a temporary
//! workspace: choosing Python, reading a kata, the first check from the
//! starter, a passing and a wrong solution, hints, reset, stats, and an
//! instructor grading a class that mixes Rust and Python.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;

/// A correct, streaming count_events in Python, in plain dicts.
const STREAMING_PY: &str = "def count_events(events):
    counts = {}
    for e in events:
        key = (e[\"user_id\"], e[\"event_type\"])
        counts[key] = counts.get(key, 0) + 1
    return counts
";

/// Wrong: counts each event_id once, so a retried delivery is lost.
const DROPS_RETRIES_PY: &str = "def count_events(events):
    seen = set()
    counts = {}
    for e in events:
        if e[\"event_id\"] in seen:
            continue
        seen.add(e[\"event_id\"])
        key = (e[\"user_id\"], e[\"event_type\"])
        counts[key] = counts.get(key, 0) + 1
    return counts
";

fn exit_code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Runs dekata and asserts its exit status.
fn run(root: &Root, args: &[&str], expect: i32) -> String {
    let out = root.dekata(args);
    assert_eq!(exit_code(&out), expect, "dekata {args:?}:\n{}{}", stdout(&out), stderr(&out));
    stdout(&out)
}

/// A root whose learner has chosen Python.
fn python_root() -> Root {
    let root = Root::new();
    run(&root, &["lang", "python"], 0);
    root
}

fn py_solution(root: &Root, kata: &str) -> PathBuf {
    root.path().join("solutions").join(format!("{kata}.py"))
}

fn list_row(root: &Root, args: &[&str], kata: &str) -> Value {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    let rows: Value = serde_json::from_str(&run(root, &all, 0)).unwrap();
    rows.as_array().unwrap().iter().find(|r| r["id"] == kata).unwrap_or_else(|| panic!("no {kata}: {rows:#}")).clone()
}

fn progress(root: &Root) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root.path().join(".dekata/progress.json")).unwrap()).unwrap()
}

fn stats(root: &Root, args: &[&str]) -> Value {
    let mut all = vec!["stats", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&run(root, &all, 0)).unwrap()
}

fn pattern_passed(stats: &Value, pattern: &str) -> u64 {
    let p = stats["patterns"].as_array().unwrap().iter().find(|p| p["pattern"] == pattern).unwrap();
    p["passed"].as_u64().unwrap()
}

/// A kata's hints in the `[python]` table, or its Rust ones (`python` false).
fn hints_of(kata: &str, python: bool) -> Vec<String> {
    let table: toml::Table = std::fs::read_to_string(kata_file(kata, "kata.toml")).unwrap().parse().unwrap();
    let hints = if python { &table["python"]["hints"] } else { &table["hints"] };
    hints.as_array().unwrap().iter().map(|h| h.as_str().unwrap().to_string()).collect()
}

/// Hints are wrapped for the terminal; this joins the lines back.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- lang and list

#[test]
fn lang_python_is_remembered_and_list_shows_python_progress() {
    let root = Root::new();
    assert!(run(&root, &["lang"], 0).contains("You write solutions in Rust."));
    let text = run(&root, &["lang", "python"], 0);
    assert!(text.contains("From now on you write solutions in Python."), "{text}");
    assert!(text.contains("solutions/<kata>.py"), "{text}");
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(root.path().join(".dekata/settings.json")).unwrap()).unwrap();
    assert_eq!(settings["language"], "python");
    // Another process remembers it.
    assert!(run(&root, &["lang"], 0).contains("You write solutions in Python."));
    let out = root.dekata(&["lang", "klingon"]);
    assert_eq!(exit_code(&out), 2, "an unknown language is a bad request");
    assert!(stderr(&out).contains("rust, python"), "{}", stderr(&out));
    assert!(run(&root, &["lang"], 0).contains("in Python"), "a refused switch changes nothing");

    let text = run(&root, &["list"], 0);
    assert!(text.contains("Your solutions in Python"), "{text}");
    let row = text.lines().find(|l| l.trim_start().starts_with("count_events ")).unwrap();
    assert!(row.trim_end().ends_with("new"), "{row}");

    // Every kata with a Python form, in Python: new, at solutions/<kata>.py.
    let rows: Value = serde_json::from_str(&run(&root, &["list", "--json"], 0)).unwrap();
    for id in kata_ids(false) {
        let row = rows.as_array().unwrap().iter().find(|r| r["id"] == id.as_str()).unwrap();
        assert_eq!(row["language"], "python", "{row:#}");
        assert_eq!(row["status"], "new", "{row:#}");
        assert_eq!(row["solution"], format!("solutions/{id}.py"), "{row:#}");
        assert_eq!(row["languages"], serde_json::json!({"rust": "new", "python": "new"}), "{row:#}");
    }

    // A passing Python file is Python's progress, not Rust's.
    std::fs::write(py_solution(&root, "count_events"), STREAMING_PY).unwrap();
    run(&root, &["check", "count_events", "--json"], 0);
    let row = list_row(&root, &[], "count_events");
    assert_eq!(row["status"], "passed", "{row:#}");
    assert_eq!(row["languages"], serde_json::json!({"rust": "new", "python": "passed"}), "{row:#}");
    assert!(row["passed_at"].as_u64().is_some(), "{row:#}");
    let text = run(&root, &["list"], 0);
    let row = text.lines().find(|l| l.trim_start().starts_with("count_events ")).unwrap();
    assert!(row.contains(" passed ") && row.contains("(seed 42)"), "{row}");
    let rust = list_row(&root, &["--lang", "rust"], "count_events");
    assert_eq!(rust["language"], "rust", "{rust:#}");
    assert_eq!(rust["status"], "new", "{rust:#}");
    assert_eq!(rust["solution"], "solutions/count_events.rs", "{rust:#}");
    assert!(!root.solution("count_events").exists(), "no Rust file was made");
}

// ---------------------------------------------------------------- show

#[test]
fn show_in_python_prints_the_python_signature() {
    let root = Root::new();
    let text = run(&root, &["show", "count_events", "--lang", "python"], 0);
    // CONTRACT.md: def count_events(events: Iterator[dict]) -> Mapping[tuple[int, str], int]
    // (the records are typed as dekata.Event, a TypedDict, in the starter).
    let signature = text
        .lines()
        .find(|l| l.trim_start().starts_with("def count_events("))
        .unwrap_or_else(|| panic!("no Python signature:\n{text}"));
    assert!(signature.contains("(events: Iterator["), "{signature}");
    assert!(signature.contains("]) -> Mapping[tuple[int, str], int]"), "{signature}");
    assert!(!text.contains("pub fn count_events"), "no Rust signature in Python: {text}");
    assert!(text.contains("shown in Python"), "{text}");
    assert!(text.contains("solutions/count_events.py"), "{text}");
    // Python's memory case runs on its shorter stream.
    let memory = text.lines().find(|l| l.contains("million-events-few-keys")).unwrap();
    assert!(memory.contains("200,000 events"), "{memory}");

    // Chosen once with `lang`, show needs no --lang; --lang rust overrides it.
    run(&root, &["lang", "python"], 0);
    assert!(run(&root, &["show", "count_events"], 0).contains(signature.trim()));
    let rust = run(&root, &["show", "count_events", "--lang", "rust"], 0);
    assert!(rust.contains("pub fn count_events(events: impl Iterator<Item = Event>)"), "{rust}");
    assert!(!rust.contains("def count_events("), "{rust}");
}

// ---------------------------------------------------------------- check

#[test]
fn the_first_python_check_creates_the_starter_and_is_not_implemented() {
    let root = python_root();
    let (code, report) = check_json(root.path(), "count_events", &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["language"], "python");
    assert_eq!(report["verdict"], "fail");
    let starter = std::fs::read(kata_file("count_events", "starter.py")).unwrap();
    assert_eq!(std::fs::read(py_solution(&root, "count_events")).unwrap(), starter);
    assert!(!root.solution("count_events").exists(), "Python mode makes no .rs file");
    let cases = verdicts(&report);
    assert_eq!(cases.len(), 7, "{report:#}");
    for c in report["cases"].as_array().unwrap() {
        assert_eq!(c["verdict"], "not_implemented", "{c:#}");
        let message = c["message"].as_str().unwrap();
        assert!(message.contains("NotImplementedError"), "{message}");
        assert!(message.contains("solutions/count_events.py"), "{message}");
    }
    // The human report says the same and points at the Python file.
    let out = root.dekata(&["check", "count_events"]);
    assert_eq!(exit_code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("solution: solutions/count_events.py"), "{text}");
    assert!(text.contains("0 of 7 cases pass"), "{text}");
    assert!(text.contains("raise NotImplementedError"), "{text}");
    assert_eq!(std::fs::read(py_solution(&root, "count_events")).unwrap(), starter, "never overwritten");
    assert_eq!(progress(&root)["python"]["count_events"]["last_verdict"], "fail");
}

#[test]
fn a_streaming_python_solution_passes() {
    let root = python_root();
    std::fs::write(py_solution(&root, "count_events"), STREAMING_PY).unwrap();
    let (code, report) = check_json(root.path(), "count_events", &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["verdict"], "pass");
    assert_eq!(report["language"], "python");
    assert_eq!(report["compile"]["ok"], true);
    let cases = verdicts(&report);
    assert_eq!(cases.len(), 7);
    assert!(cases.iter().all(|(_, v)| v == "pass"), "{report:#}");
    let big = case(&report, "million-events-few-keys");
    assert_eq!(big["events"], 200_000, "Python's memory case is shorter: {big:#}");
    assert!(big["peak_heap_bytes"].as_u64().unwrap() > 0, "memory is measured: {big:#}");
    assert!(big["peak_heap_bytes"].as_u64().unwrap() <= big["peak_heap_limit_bytes"].as_u64().unwrap(), "{big:#}");
    assert_eq!(std::fs::read_to_string(py_solution(&root, "count_events")).unwrap(), STREAMING_PY);

    // The same file from a Rust workspace: --lang python, or --solution.
    let rust_root = Root::new();
    std::fs::write(py_solution(&rust_root, "count_events"), STREAMING_PY).unwrap();
    let out = rust_root.dekata(&["check", "count_events", "--lang", "python"]);
    assert_eq!(exit_code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("All 7 cases pass (seed 42)"), "{}", stdout(&out));
    let file = py_solution(&rust_root, "count_events");
    let (code, report) = check_json(rust_root.path(), "count_events", &["--solution", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["language"], "python", "the extension decides: {report:#}");
    assert!(!rust_root.solution("count_events").exists());
}

#[test]
fn a_wrong_python_solution_gets_a_shrunk_counterexample_and_a_diff() {
    let root = python_root();
    std::fs::write(py_solution(&root, "count_events"), DROPS_RETRIES_PY).unwrap();
    let (code, report) = check_json(root.path(), "count_events", &["--seed", "7"]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["verdict"], "fail");
    assert_eq!(report["language"], "python");
    assert_eq!(report["seed"], 7);
    assert_eq!(case(&report, "five-clean-rows")["verdict"], "pass", "{report:#}");

    let c = case(&report, "retries-and-nulls");
    assert_eq!(c["verdict"], "wrong_answer", "{c:#}");
    let message = c["message"].as_str().unwrap();
    assert!(message.contains("Shrunk to a 2-event counterexample (from 20,000)"), "{message}");
    assert!(message.contains("delivers the same event twice"), "{message}");
    // Two deliveries of one event; the reference counts both.
    let cx = c["counterexample"].as_array().expect("a counterexample");
    assert_eq!(cx.len(), 2, "{c:#}");
    assert_eq!(cx[0]["event_id"], cx[1]["event_id"], "{c:#}");
    let (user, kind) = (&cx[0]["user_id"], cx[0]["event_type"].as_str().unwrap());
    let diff = c["diff"].as_str().expect("a diff");
    assert!(diff.starts_with("--- expected\n+++ actual\n"), "{diff}");
    assert!(diff.contains(&format!("-{{\"key\":[{user},\"{kind}\"],\"value\":2}}")), "{diff}");
    assert!(diff.contains(&format!("+{{\"key\":[{user},\"{kind}\"],\"value\":1}}")), "{diff}");

    // The human report shows the counterexample and the diff.
    let text = run(&root, &["check", "count_events", "--seed", "7"], 1);
    assert!(text.contains("counterexample (input records):"), "{text}");
    assert!(text.contains("expected vs your output:"), "{text}");
    assert!(text.contains(&format!("-{{\"key\":[{user},\"{kind}\"],\"value\":2}}")), "{text}");
}

// ---------------------------------------------------------------- hint

#[test]
fn hints_in_python_are_the_python_ones_and_counted_apart() {
    let root = Root::new();
    let (python, rust) = (hints_of("dedupe_latest", true), hints_of("dedupe_latest", false));
    assert!(python.len() >= 2 && python[0] != rust[0], "the test needs a kata with its own Python hints");

    let text = run(&root, &["hint", "dedupe_latest", "--lang", "python"], 0);
    assert!(text.contains(&format!("Hint 1 of {}", python.len())), "{text}");
    assert!(one_line(&text).contains(&python[0]), "{text}");
    assert!(!one_line(&text).contains(&rust[0]), "not the Rust hint: {text}");
    let p = progress(&root);
    assert_eq!(p["python"]["dedupe_latest"]["hints_shown"], 1, "{p:#}");
    assert!(p["katas"].get("dedupe_latest").is_none(), "Rust's count is untouched: {p:#}");

    // Rust's hints start from the first; Python's count goes on.
    let text = run(&root, &["hint", "dedupe_latest", "--lang", "rust"], 0);
    assert!(one_line(&text).contains(&rust[0]), "{text}");
    assert!(!text.contains("Hint 2 of"), "{text}");
    run(&root, &["lang", "python"], 0);
    let text = run(&root, &["hint", "dedupe_latest"], 0);
    assert!(text.contains(&format!("Hint 2 of {}", python.len())), "{text}");
    assert!(one_line(&text).contains(&python[1]), "{text}");
    let p = progress(&root);
    assert_eq!(p["python"]["dedupe_latest"]["hints_shown"], 2, "{p:#}");
    assert_eq!(p["katas"]["dedupe_latest"]["hints_shown"], 1, "{p:#}");
}

// ---------------------------------------------------------------- reset

#[test]
fn reset_of_a_python_solution_backs_up_the_exact_text_and_restores_the_starter() {
    let root = python_root();
    // Odd bytes on purpose: CRLF, no final newline, non-ASCII, not UTF-8.
    let mine: &[u8] = b"def count_events(events):\r\n    # caf\xc3\xa9 \xff half-done\r\n    return {";
    std::fs::write(py_solution(&root, "count_events"), mine).unwrap();
    let rust_text = "// my Rust attempt, left alone\n";
    std::fs::write(root.solution("count_events"), rust_text).unwrap();

    let text = run(&root, &["reset", "count_events"], 0);
    let starter = std::fs::read(kata_file("count_events", "starter.py")).unwrap();
    assert_eq!(std::fs::read(py_solution(&root, "count_events")).unwrap(), starter);
    let backups: Vec<PathBuf> =
        std::fs::read_dir(root.path().join("solutions/.backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read(&backups[0]).unwrap(), mine, "the learner's exact bytes");
    let name = backups[0].file_name().unwrap().to_str().unwrap().to_string();
    let stamp =
        name.strip_prefix("count_events-").and_then(|r| r.strip_suffix(".py")).unwrap_or_else(|| panic!("{name}"));
    assert!(
        stamp.len() == 15 && stamp.as_bytes()[8] == b'-' && stamp.bytes().filter(u8::is_ascii_digit).count() == 14,
        "{name}"
    );
    let shown = format!("solutions/.backups/{name}");
    assert!(text.contains(&shown), "says where the backup is: {text}");
    assert!(text.contains(&format!("cp {shown} solutions/count_events.py")), "says how to get it back: {text}");
    assert_eq!(std::fs::read_to_string(root.solution("count_events")).unwrap(), rust_text, "the .rs is not touched");

    // Once it is the starter, a reset keeps no backup.
    let text = run(&root, &["reset", "count_events", "--lang", "python"], 0);
    assert!(text.contains("already the kata's starter"), "{text}");
    assert_eq!(std::fs::read_dir(root.path().join("solutions/.backups")).unwrap().count(), 1);
}

// ---------------------------------------------------------------- stats

/// `dekata drill args` with `input` typed on stdin, then stdin closed.
fn drill(root: &Root, args: &[&str], input: &str) -> Output {
    let mut all = vec!["drill"];
    all.extend_from_slice(args);
    dekata_typed(root.path(), &all, input)
}

#[test]
fn stats_counts_the_python_attempt() {
    let root = python_root();
    std::fs::write(py_solution(&root, "count_events"), DROPS_RETRIES_PY).unwrap();
    run(&root, &["check", "count_events", "--json"], 1);
    assert_eq!(pattern_passed(&stats(&root, &[]), "streaming-aggregation"), 0);
    assert_eq!(list_row(&root, &[], "count_events")["status"], "failing");

    // A Python drill, ended at once: graded again, kept with its language.
    std::fs::write(py_solution(&root, "count_events"), STREAMING_PY).unwrap();
    let out = drill(&root, &["--kata", "count_events", "--minutes", "5", "--seed", "42"], "done\n");
    let text = stdout(&out);
    assert_eq!(exit_code(&out), 0, "{text}\n{}", stderr(&out));
    assert!(text.contains("1 kata in Python"), "{text}");
    assert!(text.contains("solutions/count_events.py"), "{text}");
    assert!(text.contains("7 of 7 cases pass."), "{text}");
    let history: Value =
        serde_json::from_str(&std::fs::read_to_string(root.path().join(".dekata/drills.json")).unwrap()).unwrap();
    let drills = history["drills"].as_array().unwrap();
    assert_eq!(drills.len(), 1);
    assert_eq!(drills[0]["language"], "python");
    assert_eq!(drills[0]["katas"][0]["verdict"], "pass");

    let s = stats(&root, &[]);
    assert_eq!(s["language"], "python");
    assert_eq!(s["drills"], 1, "{s:#}");
    let concern = |c: &str| s["concerns"].as_array().unwrap().iter().find(|x| x["concern"] == c).unwrap().clone();
    assert_eq!(concern("retries")["passed"], 2, "{s:#}");
    assert_eq!(concern("retries")["recent"], serde_json::json!(["pass"]), "{s:#}");
    assert_eq!(concern("memory")["pass_rate"], 1.0, "{s:#}");
    assert_eq!(pattern_passed(&s, "streaming-aggregation"), 1, "{s:#}");
    let text = run(&root, &["stats"], 0);
    assert!(text.contains("Katas passed in Python, per pattern"), "{text}");
    let row = text.lines().find(|l| l.trim_start().starts_with("Streaming aggregation")).unwrap();
    let counting = katas_of(&root, "streaming-aggregation");
    assert!(row.trim_end().ends_with(&format!("1/{counting}")), "{row}");
    // Rust's progress is its own.
    let rust = stats(&root, &["--lang", "rust"]);
    assert_eq!(rust["language"], "rust");
    assert_eq!(pattern_passed(&rust, "streaming-aggregation"), 0, "{rust:#}");
}

// ---------------------------------------------------------------- grade

fn submission<'a>(all: &'a Value, learner: &str, kata: &str, language: &str) -> &'a Value {
    all["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["learner"] == learner && s["kata"] == kata && s["language"] == language)
        .unwrap_or_else(|| panic!("no {language} submission {learner}/{kata} in {all:#}"))
}

#[test]
fn grade_a_class_that_mixes_rust_and_python() {
    let class = tempfile::tempdir().unwrap();
    let wrong_key_rs = std::fs::read_to_string(kata_file("count_events", "mutants/wrong_key.rs")).unwrap();
    let syntax_error_py = std::fs::read_to_string(fixture("hostile_py/syntax_error.py")).unwrap();
    let files = [
        ("ada/count_events.py", STREAMING_PY),
        ("bo/count_events.py", DROPS_RETRIES_PY),
        ("cy/count_events.rs", STREAMING),
        ("cy/dedupe_latest.py", syntax_error_py.as_str()),
        // One learner, both languages of one kata: two submissions.
        ("dee/count_events.rs", wrong_key_rs.as_str()),
        ("dee/count_events.py", STREAMING_PY),
    ];
    for (path, text) in files {
        let path = class.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let root = Root::new();
    let dir = class.path().to_str().unwrap();
    let junit = class.path().join("grades.xml");
    let out = root.dekata(&["grade", dir, "--json", "--jobs", "2", "--junit", junit.to_str().unwrap()]);
    assert_eq!(exit_code(&out), 1, "{}", stderr(&out));
    let all: Value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}", stdout(&out)));
    assert_eq!(all["verdict"], "fail");
    assert_eq!(all["submissions"].as_array().unwrap().len(), files.len(), "{all:#}");
    for s in all["submissions"].as_array().unwrap() {
        assert_eq!(s["report"]["language"], s["language"], "{s:#}");
    }

    let ada = &submission(&all, "ada", "count_events", "python")["report"];
    assert_eq!(ada["verdict"], "pass", "{ada:#}");
    let bo = &submission(&all, "bo", "count_events", "python")["report"];
    assert_eq!(bo["verdict"], "fail");
    assert_eq!(case(bo, "retries-and-nulls")["verdict"], "wrong_answer", "{bo:#}");
    assert_eq!(case(bo, "retries-and-nulls")["counterexample"].as_array().unwrap().len(), 2, "{bo:#}");
    let cy = &submission(&all, "cy", "count_events", "rust")["report"];
    assert_eq!(cy["verdict"], "pass", "{cy:#}");
    let cy_py = &submission(&all, "cy", "dedupe_latest", "python")["report"];
    assert_eq!(cy_py["verdict"], "compile_error", "{cy_py:#}");
    assert!(cy_py["compile"]["stderr"].as_str().unwrap().contains("SyntaxError"), "{cy_py:#}");
    let dee_rs = &submission(&all, "dee", "count_events", "rust")["report"];
    assert_eq!(case(dee_rs, "one-hot-user")["verdict"], "wrong_answer", "{dee_rs:#}");
    assert_eq!(submission(&all, "dee", "count_events", "python")["report"]["verdict"], "pass", "{all:#}");

    // JUnit names a Python submission by its file.
    let xml = std::fs::read_to_string(&junit).expect("the JUnit file is written");
    let report = quick_junit::Report::deserialize_from_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let suite = |name: &str| report.test_suites.iter().find(|s| s.name.as_str() == name).unwrap();
    assert_eq!(suite("ada").failures, 0, "{xml}");
    assert_eq!(suite("bo").failures, 2, "{xml}");
    assert!(xml.contains(r#"name="count_events.py::retries-and-nulls""#), "{xml}");
    assert!(xml.contains(r#"name="count_events::one-hot-user""#), "{xml}");

    // The table: one column per kata and language.
    let text = run(&root, &["grade", dir, "--jobs", "2", "--kata", "count_events"], 1);
    let header = text.lines().find(|l| l.starts_with("learner")).unwrap_or_else(|| panic!("{text}"));
    assert!(header.contains("count_events.py"), "{text}");
    let row = |learner: &str| text.lines().find(|l| l.starts_with(learner)).unwrap_or_else(|| panic!("{text}"));
    assert!(row("ada").contains("pass 7/7"), "{text}");
    assert!(row("bo").contains("wrong_answer 5/7"), "{text}");
    assert!(row("dee").contains("pass 7/7") && row("dee").contains("wrong_answer"), "{text}");
    assert!(!text.contains("dedupe_latest"), "--kata leaves other katas out: {text}");
    assert!(text.contains("3 of 5 submissions pass"), "{text}");
}

/// A merge kata's counterexample says which partition each record came
/// from: the merge's ties are decided by it, and the records alone do not
/// show it. Checked in both languages, with the mutant that breaks ties by
/// event id.
#[test]
fn a_merge_counterexample_names_each_records_partition() {
    for mutant in ["ties_by_event_id.py", "ties_by_event_id.rs"] {
        let file = kata_file("merge_sorted_streams", &format!("mutants/{mutant}"));
        let (code, report) = check_file("merge_sorted_streams", &file);
        assert_eq!(code, 1, "{report:#}");
        let c = report["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["verdict"] == "wrong_answer")
            .unwrap_or_else(|| panic!("a wrong answer: {report:#}"));
        let cx = c["counterexample"].as_array().expect("a counterexample");
        let partitions = c["counterexample_partitions"].as_array().expect("their partitions");
        assert_eq!(partitions.len(), cx.len(), "{c:#}");
        // The smallest failure: two events of one second, from two partitions.
        assert_eq!(cx.len(), 2, "{c:#}");
        assert_eq!(cx[0]["ts"], cx[1]["ts"], "{c:#}");
        assert_ne!(partitions[0], partitions[1], "{c:#}");
    }
    // Other katas' reports carry no partitions.
    let (_, report) = check_file("count_events", &kata_file("count_events", "mutants/dedupes_retries.rs"));
    assert!(report["cases"].as_array().unwrap().iter().all(|c| c.get("counterexample_partitions").is_none()));
}
