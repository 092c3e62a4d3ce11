//! `dekata grade --shard I/N` and `dekata grade merge`: a class graded in
//! three shares and merged gives the table, the JSON and the JUnit report
//! of the same class graded whole; a merge that lacks a share, or mixes
//! gradings, is a bad request.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn put(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every graded report's measured times and sizes scrubbed.
fn scrubbed(text: &str) -> Value {
    let mut all: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    for s in all["submissions"].as_array_mut().unwrap() {
        if !s["report"].is_null() {
            s["report"] = scrub(s["report"].take());
        }
    }
    all
}

/// A JUnit report without its measured times.
fn without_times(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find(" time=\"").or_else(|| rest.find(" timestamp=\"")) {
        out.push_str(&rest[..at]);
        let value = at + rest[at..].find('"').unwrap() + 1;
        rest = &rest[value + rest[value..].find('"').unwrap() + 1..];
    }
    out + rest
}

#[test]
fn a_class_graded_in_three_shares_and_merged_is_the_class_graded_whole() {
    let root = Root::new();
    let class = root.path().join("class");
    let reference = std::fs::read_to_string(kata_file("count_events", "reference.py")).unwrap();
    let wrong = std::fs::read_to_string(kata_file("count_events", "mutants/wrong_key.py")).unwrap();
    let dedupe = std::fs::read_to_string(kata_file("dedupe_latest", "reference.py")).unwrap();
    let seen_set = std::fs::read_to_string(kata_file("dedupe_latest", "mutants/seen_set.py")).unwrap();
    put(&class, "ann/count_events.py", &reference);
    put(&class, "bob/count_events.py", &wrong);
    put(&class, "bob/dedupe_latest.py", &dedupe);
    put(&class, "cy/count_events.py", &reference);
    put(&class, "cy/dedupe_latest.py", &seen_set);
    put(&class, "cy/notes.txt", "not a submission");
    put(&class, "dee/dedupe_latest.py", &dedupe);
    let dir = class.to_str().unwrap();
    let file = |name: &str| root.path().join(name).to_str().unwrap().to_string();

    let whole = root.dekata(&["grade", dir, "--seed", "7", "--json", "--junit", &file("whole.xml")]);
    assert_eq!(code(&whole), 1, "{}", stderr(&whole));
    let mut parts = Vec::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let out = root.dekata(&["grade", dir, "--shard", &shard, "--seed", "7", "--json"]);
        assert!([0, 1].contains(&code(&out)), "{shard}: {}", stderr(&out));
        let part: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(part["shard"], serde_json::json!({"index": i, "count": 3}));
        assert_eq!(part["learners"].as_array().unwrap().len(), 4, "every share names the whole class");
        let path = file(&format!("part-{i}.json"));
        std::fs::write(&path, stdout(&out)).unwrap();
        parts.push(path);
    }
    let counts: Vec<usize> = parts
        .iter()
        .map(|p| scrubbed(&std::fs::read_to_string(p).unwrap())["submissions"].as_array().unwrap().len())
        .collect();
    assert_eq!(counts, [2, 2, 2], "six submissions, two a share");

    let mut args = vec!["grade", "merge"];
    args.extend(parts.iter().rev().map(String::as_str));
    let merged_junit = file("merged.xml");
    let mut with_outputs = args.clone();
    with_outputs.extend(["--json", "--junit", &merged_junit]);
    let merged = root.dekata(&with_outputs);
    assert_eq!(code(&merged), code(&whole), "{}", stderr(&merged));
    assert_eq!(scrubbed(&stdout(&merged)), scrubbed(&stdout(&whole)));
    let junit = |p: &str| without_times(&std::fs::read_to_string(p).unwrap());
    assert_eq!(junit(&merged_junit), junit(&file("whole.xml")));

    // The table too, but for the line that says how the grading ran.
    let table =
        |out: &Output| stdout(out).lines().skip_while(|l| !l.starts_with("learner")).collect::<Vec<_>>().join("\n");
    let whole_table = root.dekata(&["grade", dir, "--seed", "7"]);
    let merged_table = root.dekata(&args);
    assert!(table(&whole_table).contains("cy/notes.txt"), "{}", stdout(&whole_table));
    assert_eq!(table(&merged_table), table(&whole_table));

    // A share missing, a share given twice, a whole class's report, a
    // share without its seed: bad requests.
    for (bad, says) in [
        (vec![parts[0].clone(), parts[2].clone()], "share 2 of 3 is missing"),
        (vec![parts[0].clone(), parts[0].clone(), parts[1].clone()], "share 1 of 3 is given twice"),
    ] {
        let mut args = vec!["grade", "merge"];
        args.extend(bad.iter().map(String::as_str));
        let out = root.dekata(&args);
        assert_eq!(code(&out), 2, "{}", stdout(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
    let whole_part = file("whole.json");
    std::fs::write(&whole_part, stdout(&whole)).unwrap();
    let out = root.dekata(&["grade", "merge", &whole_part]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("not of one share"), "{}", stderr(&out));
    let out = root.dekata(&["grade", dir, "--shard", "1/3", "--json"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--shard needs --seed"), "{}", stderr(&out));
    let out = root.dekata(&["grade", dir, "--shard", "4/3", "--seed", "7"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}
