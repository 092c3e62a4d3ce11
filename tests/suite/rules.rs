//! The prompt's rules as data, through the binary: a failure names the rule
//! its bug breaks and asks that rule's question, in both languages;
//! `validate` refuses a rule without a mutant in a language, or one whose
//! mutant the streams never catch; and a report depends on the seed, kata
//! and solution alone, on a busy machine too.

use crate::common;

use common::*;
use serde_json::Value;
use std::path::Path;

fn failing(report: &Value) -> Vec<&Value> {
    report["cases"].as_array().unwrap().iter().filter(|c| c["verdict"] != "pass").collect()
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Takes the text "null" for a missing writer, written as a learner would
/// (not the kata's mutant).
const NULL_TEXT_PY: &str = r#"
def writer(e):
    w = e["updated_by"]
    return w is not None and w.lower() != "null"


def dedupe_latest(events):
    best = {}
    for e in events:
        old = best.get(e["event_id"])
        if old is None or e["ingested_at"] > old["ingested_at"]:
            best[e["event_id"]] = e
        elif e["ingested_at"] == old["ingested_at"] and writer(e) and not writer(old):
            best[e["event_id"]] = e
    return iter(best.values())
"#;

/// Lets the later delivery win a full tie: a sort, then the last of each id.
const LATER_WINS_RS: &str = r#"use grader::prelude::*;

pub fn dedupe_latest(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut all: Vec<(usize, Event)> = events.enumerate().collect();
    all.sort_by_key(|(i, e)| (e.event_id.clone(), e.ingested_at, e.updated_by.is_some(), *i));
    let mut best: HashMap<String, Event> = HashMap::new();
    for (_, e) in all {
        best.insert(e.event_id.clone(), e);
    }
    best.into_values()
}
"#;

#[test]
fn a_failure_names_the_rule_its_bug_breaks_and_asks_its_question() {
    let dir = tempfile::tempdir().unwrap();
    let py = write(dir.path(), "null_text.py", NULL_TEXT_PY);
    let (code, report) = check_file("dedupe_latest", &py);
    assert_eq!(code, 1);
    let failed = failing(&report);
    assert!(!failed.is_empty(), "{report:#}");
    for c in failed {
        assert_eq!(c["kata_rule"], "null_text_is_a_writer", "{c:#}");
        assert_eq!(c["question_from"], "kata_rule", "{c:#}");
        assert_eq!(c["concern"], "nulls", "{c:#}");
        assert!(c["question"].as_str().unwrap().contains("\"null\""), "{c:#}");
        assert!(c["message"].as_str().unwrap().contains("It breaks the rule:"), "{c:#}");
    }

    let rs = write(dir.path(), "later_wins.rs", LATER_WINS_RS);
    let (code, report) = check_file("dedupe_latest", &rs);
    assert_eq!(code, 1);
    let failed = failing(&report);
    assert!(!failed.is_empty(), "{report:#}");
    for c in failed {
        assert_eq!(c["kata_rule"], "first_seen_on_full_tie", "{c:#}");
        assert_eq!(c["question"], "What if two records tie on everything you compare?", "{c:#}");
    }
}

/// A copy of dedupe_latest whose kata.toml gains `extra` (more rules).
fn dedupe_latest_with(extra: &str, files: &[(&str, &str)]) -> Root {
    let root = Root::with_own_katas();
    let to = root.path().join("katas").join("02-dedup").join("dedupe_latest");
    copy_dir(&kata_file("dedupe_latest", ""), &to);
    let toml = to.join("kata.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = text.replacen("[compare]", &format!("{extra}\n[compare]"), 1);
    std::fs::write(&toml, text).unwrap();
    for (name, text) in files {
        std::fs::write(to.join("mutants").join(name), text).unwrap();
    }
    root
}

#[test]
fn validate_refuses_a_rule_without_a_mutant_or_one_no_stream_catches() {
    // A rule whose only mutant is in Rust: the Python form lacks one.
    let root = dedupe_latest_with(
        "[[rules]]\nid = \"rust_only\"\ntext = \"A rule.\"\nquestion = \"Why?\"\nmutants = [\"keeps_first_rs\"]\n",
        &[("keeps_first_rs.rs", &std::fs::read_to_string(kata_file("dedupe_latest", "mutants/seen_set.rs")).unwrap())],
    );
    let out = root.dekata(&["validate", "dedupe_latest", "--lang", "python"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(text.contains("rule `rust_only` has no Python mutant"), "{text}");

    // A rule whose mutant is right after all: no stream tells it apart.
    let reference = std::fs::read_to_string(kata_file("dedupe_latest", "reference.py")).unwrap();
    let root = dedupe_latest_with(
        "[[rules]]\nid = \"never_exercised\"\ntext = \"A rule.\"\nquestion = \"Why?\"\nmutants = [\"not_wrong\"]\n",
        &[("not_wrong.py", &format!("# expect: wrong_answer\n# The reference itself.\n{reference}"))],
    );
    let out = root.dekata(&["validate", "dedupe_latest", "--lang", "python"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(text.contains("mutant not_wrong passes every case with seed 42"), "{text}");

    // A rule naming a mutant file that does not exist.
    let root = dedupe_latest_with(
        "[[rules]]\nid = \"ghost\"\ntext = \"A rule.\"\nquestion = \"Why?\"\nmutants = [\"no_such_file\"]\n",
        &[],
    );
    let out = root.dekata(&["validate", "dedupe_latest", "--lang", "python"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(text.contains("there is no mutant `no_such_file`"), "{text}");
}

#[test]
fn the_same_seed_gives_the_same_report_on_a_busy_machine() {
    let dir = tempfile::tempdir().unwrap();
    let py = write(dir.path(), "null_text.py", NULL_TEXT_PY);
    let (_, idle) = check_file("dedupe_latest", &py);
    let busy = {
        let _hogs = Hogs::start();
        check_file("dedupe_latest", &py).1
    };
    assert!(!failing(&idle).is_empty());
    assert_eq!(scrub(idle), scrub(busy));
}

/// Every case must catch a Rust mutant or say why it exists. A mutant is
/// graded only until its first failure, so a case no mutant fails first is
/// proven on its own: a second retries case, last in the kata, is caught
/// there; a second empty stream is caught by nothing and named.
#[test]
fn validate_proves_each_case_catches_a_mutant_or_says_why() {
    let root = dedupe_latest_with("", &[]);
    let toml = root.path().join("katas").join("02-dedup").join("dedupe_latest").join("kata.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str(
        "\n[[cases]]\nname = \"retries-again\"\nfamilies = [\"retries\"]\nevents = 3000\nstream = { retry_rate = 0.3 }\n\
         \n[[cases]]\nname = \"nothing-again\"\nfamilies = [\"empty\"]\nevents = 0\n",
    );
    std::fs::write(&toml, text).unwrap();
    let out = root.dekata(&["validate", "dedupe_latest", "--lang", "rust"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(text.contains("case `nothing-again` kills no mutant"), "{text}");
    assert!(!text.contains("case `retries-again`"), "{text}");
    assert_eq!(text.matches("kills no mutant").count(), 1, "{text}");
}
