//! Interview fidelity: where the grader once said what an interviewer would
//! not, the wrong answer is now caught, a right answer passes on several
//! seeds, and the message says what the bug is. (The DataFrame katas'
//! cases are in `dataframe.rs`, the only test file that builds the engine.)

use crate::common;
use common::*;

fn failing(report: &serde_json::Value) -> Vec<&serde_json::Value> {
    report["cases"].as_array().unwrap().iter().filter(|c| c["verdict"] != "pass").collect()
}

fn passes_on_seeds(kata: &str, file: &str, seeds: &[u64]) {
    for seed in seeds {
        let (code, report) = check_json(
            &repo(),
            kata,
            &["--solution", kata_file(kata, file).to_str().unwrap(), "--seed", &seed.to_string()],
        );
        assert_eq!(code, 0, "{kata} {file} on seed {seed}: {report:#}");
    }
}

#[test]
fn a_damaged_version_read_as_version_one_is_caught() {
    let (code, report) =
        check_file("parse_events_drift", &kata_file("parse_events_drift", "mutants/version_defaults_to_one.rs"));
    assert_eq!(code, 1);
    let failed = failing(&report);
    assert!(!failed.is_empty(), "{report:#}");
    for c in &failed {
        assert_eq!(c["verdict"], "wrong_answer", "{c:#}");
    }
    // The counterexample is a row whose version is damaged.
    let shown = failed.iter().map(|c| c["counterexample"].to_string()).collect::<String>();
    assert!(shown.contains("schema_version"), "{shown}");
    passes_on_seeds("parse_events_drift", "reference.rs", &[7, 8, 9]);
}

#[test]
fn a_quarantine_error_must_blame_the_field_at_fault() {
    let (code, report) = check_file("parse_events", &fixture("fidelity/blames_user_id.rs"));
    assert_eq!(code, 1, "{report:#}");
    let c = failing(&report)[0];
    assert_eq!(c["verdict"], "wrong_answer", "{c:#}");
    assert_eq!(c["rule"], "quarantine", "{c:#}");
    let message = c["message"].as_str().unwrap();
    assert!(message.contains("error names `user_id`, but what is wrong with the row is"), "{message}");
}

#[test]
fn a_resumable_state_that_grows_with_the_stream_is_memory_exceeded() {
    for file in ["mutants/keeps_every_event.rs", "mutants/keeps_every_event.py"] {
        let (code, report) = check_file("sessionize_resumable", &kata_file("sessionize_resumable", file));
        assert_eq!(code, 1, "{file}: {report:#}");
        let c = case(&report, "million-events-fifty-users");
        assert_eq!(c["verdict"], "memory_exceeded", "{file}: {c:#}");
        assert_eq!(c["rule"], "state", "{file}: {c:#}");
        let message = c["message"].as_str().unwrap();
        assert!(message.contains("the state grew with the stream"), "{file}: {message}");
        if let Some(other) = failing(&report).iter().find(|c| c["name"] != "million-events-fifty-users") {
            panic!("{file} fails only on memory, not {other:#}");
        }
    }
    passes_on_seeds("sessionize_resumable", "reference.rs", &[3, 4]);
    passes_on_seeds("sessionize_resumable", "reference.py", &[3, 4]);
}

#[test]
fn a_memory_case_that_fails_on_its_output_reports_the_memory_too() {
    let (code, report) = check_file("heavy_hitters", &fixture("fidelity/exact_top_k.rs"));
    assert_eq!(code, 1);
    let c = case(&report, "million-users");
    assert_eq!(c["verdict"], "wrong_answer", "{c:#}");
    let memory = &c["memory"];
    assert!(memory["peak"].as_u64().unwrap() > memory["limit"].as_u64().unwrap(), "{c:#}");
    let message = c["message"].as_str().unwrap();
    // The heap and the whole process's memory are both over: the one
    // further over its limit is named.
    assert!(message.contains("Its memory is over the case's limit too: peak"), "{message}");

    // The drill's scorecard fails memory at scale for it.
    let root = Root::new();
    std::fs::copy(fixture("fidelity/exact_top_k.rs"), root.solution("heavy_hitters")).unwrap();
    let out =
        dekata_typed(root.path(), &["drill", "--kata", "heavy_hitters", "--seed", "42", "--minutes", "5"], "done\n");
    let text = stdout(&out);
    let line = text.lines().find(|l| l.contains("memory at scale")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains('\u{2717}'), "{text}");
}

#[test]
fn the_question_fits_the_bug_the_counterexample_shows() {
    // "null" taken for a missing writer: the rule it breaks asks about the text "null".
    let (_, report) = check_file("dedupe_latest", &kata_file("dedupe_latest", "mutants/null_text_is_none.rs"));
    let failed = failing(&report);
    assert!(!failed.is_empty());
    for c in failed {
        assert_eq!(c["kata_rule"], "null_text_is_a_writer", "{c:#}");
        assert_eq!(c["question_from"], "kata_rule", "{c:#}");
        assert_eq!(c["concern"], "nulls", "{c:#}");
    }
    // `>=` for the gap: two events exactly the gap apart.
    let (_, report) = check_file("sessionize", &kata_file("sessionize", "mutants/gap_inclusive.rs"));
    let c = failing(&report)[0];
    assert_eq!(c["kata_rule"], "gap_of_exactly_the_limit_continues", "{c:#}");
    assert!(c["question"].as_str().unwrap().contains("exactly gap_seconds apart"), "{c:#}");
    // A session's state kept across users: the rule about whose session it is.
    let file = kata_file("sessionize_unsorted", "mutants/sorts_by_time_only.py");
    let (_, report) = check_file("sessionize_unsorted", &file);
    let c = case(&report, "interleaved-users");
    assert_eq!(c["kata_rule"], "sessions_per_user", "{c:#}");
    // A wrong key breaks the grain rule, whatever the case's families.
    let (_, report) = check_file("count_events", &kata_file("count_events", "mutants/wrong_key.rs"));
    let c = case(&report, "retries-and-nulls");
    assert_eq!(c["kata_rule"], "count_per_user_and_type", "{c:#}");
    assert_eq!(c["question"], "What is the grain of the output: one count per what?", "{c:#}");
}

#[test]
fn a_busy_machine_does_not_turn_slow_but_right_into_time_exceeded() {
    let _hogs = Hogs::start();
    let (code, report) = check_file("count_events", &kata_file("count_events", "mutants/dedupes_retries.rs"));
    assert_eq!(code, 1);
    for c in failing(&report) {
        assert_eq!(c["verdict"], "wrong_answer", "{c:#}");
    }
    passes_on_seeds("count_events", "reference.rs", &[42]);
    passes_on_seeds("count_events", "reference.py", &[42]);
}
