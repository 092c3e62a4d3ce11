//! The command line as a learner meets it.

use crate::common;
use common::*;

#[test]
fn new_user_flow_starter_then_naive_then_streaming() {
    let root = Root::new();
    // 1. The first check creates the solution from the starter: not implemented.
    let (code, report) = check_json(root.path(), "count_events", &[]);
    assert_eq!(code, 1);
    let starter = std::fs::read_to_string(kata_file("count_events", "starter.rs")).unwrap();
    assert_eq!(std::fs::read_to_string(root.solution("count_events")).unwrap(), starter);
    assert!(verdicts(&report).iter().all(|(_, v)| v == "not_implemented"), "{report:#}");

    // 2. The naive collect-first answer: memory_exceeded, with both peaks.
    let naive = std::fs::read_to_string(kata_file("count_events", "mutants/collect_first.rs")).unwrap();
    std::fs::write(root.solution("count_events"), naive).unwrap();
    let (code, report) = check_json(root.path(), "count_events", &[]);
    assert_eq!(code, 1);
    let big = case(&report, "million-events-few-keys");
    assert_eq!(big["verdict"], "memory_exceeded", "{big:#}");
    let message = big["message"].as_str().unwrap();
    assert!(message.contains("against the reference's"), "{message}");
    assert!(message.contains("grew \u{00d7}4"), "{message}");
    assert!(message.contains("hold in memory"), "{message}");
    assert!(big["peak_heap_bytes"].as_u64().unwrap() > 50 * big["reference_peak_heap_bytes"].as_u64().unwrap());

    // 3. The streaming answer passes, and list shows it.
    std::fs::write(root.solution("count_events"), STREAMING).unwrap();
    let (code, report) = check_json(root.path(), "count_events", &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["verdict"], "pass");
    let list = root.dekata(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    let row = rows.as_array().unwrap().iter().find(|r| r["id"] == "count_events").unwrap();
    assert_eq!(row["status"], "passed");

    // 4. A later check never overwrites the learner's file.
    let (code, _) = check_json(root.path(), "count_events", &[]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(root.solution("count_events")).unwrap(), STREAMING);
}

#[test]
fn human_output_tells_the_story() {
    let root = Root::new();
    std::fs::write(root.solution("count_events"), STREAMING).unwrap();
    let out = root.dekata(&["check", "count_events"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("million-events-few-keys"), "{text}");
    assert!(text.contains("All 7 cases pass"), "{text}");
    assert!(!text.contains('\u{1b}'), "no color when stdout is not a terminal");
}

#[test]
fn list_shows_every_kata_by_pattern() {
    let root = Root::new();
    let out = root.dekata(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for id in ["count_events", "heavy_hitters", "count_min"] {
        assert!(text.contains(id), "{text}");
    }
    assert!(text.contains("Streaming aggregation"), "{text}");
    let json = root.dekata(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(rows.as_array().unwrap().iter().all(|r| r["status"] == "new"));
}

#[test]
fn list_shows_the_catalogue_by_week_of_the_plan() {
    let root = Root::new();
    let out = root.dekata(&["list", "--by", "week"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let weeks: Vec<usize> = ["Week 1: Iterator-first coding", "Week 2: ", "Week 3: PySpark fluency", "Week 4: "]
        .iter()
        .map(|w| text.find(w).unwrap_or_else(|| panic!("{w}: {text}")))
        .collect();
    assert!(weeks.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(!text.contains("Outside the plan"), "every kata of the catalogue has a week: {text}");
    // PySpark's week holds the DataFrame katas.
    let third = &text[weeks[2]..weeks[3]];
    assert!(third.contains("latest_order_payment") && !third.contains("count_events"), "{third}");
    let json = root.dekata(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    for week in 1..=4 {
        assert!(rows.as_array().unwrap().iter().any(|r| r["week"] == week), "no kata in week {week}");
    }
    assert!(rows.as_array().unwrap().iter().all(|r| r["week"].as_u64().is_some_and(|w| (1..=4).contains(&w))));
}

#[test]
fn show_prints_prompt_signature_and_cases() {
    let out = dekata(&["show", "count_events"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64>"),
        "{text}"
    );
    assert!(text.contains("retries-and-nulls"), "{text}");
    assert!(text.contains("memory footprint"), "{text}");

    // A case that passes its own arguments says so (the kata's are 1800).
    let text = stdout(&dekata(&["show", "sessionize"]));
    let case = text.lines().position(|l| l.contains("a-shorter-gap")).expect(&text);
    assert!(text.lines().skip(case).take(3).any(|l| l.contains("called with 600 after the input")), "{text}");
    assert_eq!(text.matches("called with").count(), 1, "{text}");
}

#[test]
fn unknown_kata_is_a_bad_request() {
    for args in [&["show", "count_event"][..], &["check", "count_event"]] {
        let out = dekata(args);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("did you mean count_events?"), "{}", stderr(&out));
    }
}

#[test]
fn missing_solution_file_is_a_bad_request() {
    let out = dekata(&["check", "count_events", "--solution", "/nonexistent/x.rs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not exist"));
}

#[test]
fn malformed_kata_file_names_file_line_and_column() {
    let root = Root::with_own_katas();
    let dir = root.path().join("katas").join("broken");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("kata.toml"), "id = \"broken\"\npattern = \"x\"\ntitle = \"unterminated\n").unwrap();
    let out = root.dekata(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("katas/broken/kata.toml:3:"), "{err}");
    let out = root.dekata(&["check", "broken"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A kata's reference that fails its own case is dekata's failure (or the
/// kata's), not the learner's: exit 3, and a message that says so.
#[test]
fn a_reference_that_fails_its_case_is_an_internal_error() {
    let root = Root::with_own_katas();
    let kata = root.path().join("katas").join("01-streaming-aggregation").join("count_events");
    copy_dir(&kata_file("count_events", ""), &kata);
    std::fs::write(kata.join("reference.py"), "def count_events(events):\n    raise RuntimeError('broken')\n").unwrap();
    let solution = root.path().join("mine.py");
    std::fs::write(&solution, std::fs::read_to_string(kata_file("count_events", "mutants/wrong_key.py")).unwrap())
        .unwrap();
    let out = root.dekata(&["check", "count_events", "--solution", solution.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(3), "{}{}", stdout(&out), stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("internal error") && err.contains("a problem with the kata"), "{err}");
    assert!(stdout(&out).is_empty(), "no report on stdout: {}", stdout(&out));
}

#[test]
fn same_seed_same_report_other_seed_other_streams() {
    let wrong = kata_file("count_events", "mutants/wrong_key.rs");
    let (_, a) = check_file("count_events", &wrong);
    let (_, b) = check_file("count_events", &wrong);
    assert_eq!(scrub(a.clone()), scrub(b));
    assert_eq!(a["seed"], 42);
    let (_, c) = check_json(&repo(), "count_events", &["--solution", wrong.to_str().unwrap(), "--seed", "7"]);
    assert_eq!(c["seed"], 7);
    assert_ne!(case(&a, "retries-and-nulls")["counterexample"], case(&c, "retries-and-nulls")["counterexample"]);
}

#[test]
fn check_all_grades_every_solution_file() {
    let root = Root::new();
    std::fs::write(root.solution("count_events"), STREAMING).unwrap();
    std::fs::copy(kata_file("count_min", "starter.rs"), root.solution("count_min")).unwrap();
    let out = root.dekata(&["check", "--all", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let all: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(all["verdict"], "fail");
    let katas: Vec<&str> = all["reports"].as_array().unwrap().iter().map(|r| r["kata"].as_str().unwrap()).collect();
    assert_eq!(katas, ["count_events", "count_min"]);
}
