//! `dekata review`: a candidate's answer shown, broken by the learner's
//! smallest input and its rule named; through the real binary.

use crate::common;
use common::*;

use serde_json::Value;

const EVENT_A: &str =
    r#"{"event_id":"e1","user_id":1,"event_type":"click","ts":5,"ingested_at":10,"updated_by":"etl"}"#;
const EVENT_B: &str =
    r#"{"event_id":"e1","user_id":1,"event_type":"click","ts":5,"ingested_at":11,"updated_by":"etl"}"#;

fn write(root: &Root, name: &str, text: &str) -> String {
    let path = root.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn review_json(root: &Root, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["review", "dedupe_latest", "--lang", "rust", "--json"];
    all.extend_from_slice(args);
    let out = root.dekata(&all);
    let code = out.status.code().unwrap_or(-1);
    let json = serde_json::from_str(&stdout(&out)).unwrap_or(Value::Null);
    (code, json)
}

#[test]
fn an_answer_is_shown_broken_and_named_and_the_next_one_follows() {
    let root = Root::new();
    // Grading before anything was shown is a bad request.
    let early = write(&root, "early.jsonl", EVENT_A);
    let out = root.dekata(&["review", "dedupe_latest", "--lang", "rust", "--input", &early, "--rule", "x"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    // The first answer: shown by number, its code without the comments
    // that say what it gets wrong, the rules listed by id.
    let out = root.dekata(&["review", "dedupe_latest", "--lang", "rust", "--answer", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("answer 1 of"), "{text}");
    assert!(!text.contains("expect:"), "{text}");
    assert!(text.contains("one_per_event_id"), "{text}");
    assert!(text.contains("--input"), "{text}");

    // Answer 1 keeps every delivery: two deliveries of one event break it.
    let breaking = write(&root, "two.jsonl", &format!("{EVENT_A}\n{EVENT_B}\n"));
    let (code, wrong_rule) = review_json(&root, &["--input", &breaking, "--rule", "latest_ingested_wins"]);
    assert_eq!(code, 1, "{wrong_rule}");
    assert_eq!(wrong_rule["breaks_answer"], true);
    assert_eq!(wrong_rule["rule"]["right"], false);

    // One delivery does not break it.
    let single = write(&root, "one.jsonl", &format!("{EVENT_A}\n"));
    let (code, same) = review_json(&root, &["--input", &single, "--rule", "one_per_event_id"]);
    assert_eq!(code, 1, "{same}");
    assert_eq!(same["breaks_answer"], false);

    // Too many records: not run at all.
    let many = write(&root, "many.jsonl", &format!("{EVENT_A}\n").repeat(40));
    let (code, big) = review_json(&root, &["--input", &many, "--rule", "one_per_event_id"]);
    assert_eq!(code, 1, "{big}");
    assert_eq!(big["breaks_answer"], Value::Null);
    assert!(big["records"].as_u64() > big["limit"].as_u64());

    // A malformed file: every bad line named, exit 2, the file untouched.
    let bad_text = format!("{EVENT_A}\n{{\"event_id\": 7}}\nnot json\n");
    let bad = write(&root, "bad.jsonl", &bad_text);
    let out =
        root.dekata(&["review", "dedupe_latest", "--lang", "rust", "--input", &bad, "--rule", "one_per_event_id"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("line 2") && err.contains("line 3") && err.contains("event_id"), "{err}");
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), bad_text);

    // A rule the kata does not have: a bad request naming the rules.
    let out = root.dekata(&["review", "dedupe_latest", "--lang", "rust", "--input", &breaking, "--rule", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("one_per_event_id"), "{}", stderr(&out));

    // The breaking input with its rule passes, and is remembered.
    let (code, passed) = review_json(&root, &["--input", &breaking, "--rule", "one_per_event_id"]);
    assert_eq!(code, 0, "{passed}");
    assert_eq!(passed["verdict"], "pass");
    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(root.path().join(".dekata/reviews.json")).unwrap()).unwrap();
    assert_eq!(state["rust"]["dedupe_latest"]["broken"].as_array().unwrap().len(), 1);

    // The next review shows another answer.
    let out = root.dekata(&["review", "dedupe_latest", "--lang", "rust"]);
    assert!(!stdout(&out).contains("answer 1 of"), "{}", stdout(&out));
    assert!(stdout(&out).contains("1 broken so far"), "{}", stdout(&out));
}

#[test]
fn a_python_answer_is_reviewed_against_the_same_truth() {
    let root = Root::new();
    let out = root.dekata(&["review", "dedupe_latest", "--lang", "python", "--answer", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("def dedupe_latest"), "{}", stdout(&out));
    let breaking = write(&root, "two.jsonl", &format!("{EVENT_A}\n{EVENT_B}\n"));
    let out = root.dekata(&[
        "review",
        "dedupe_latest",
        "--lang",
        "python",
        "--input",
        &breaking,
        "--rule",
        "one_per_event_id",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}\n{}", stdout(&out), stderr(&out));
}
