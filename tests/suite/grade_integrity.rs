//! `dekata grade` holds against a determined learner: a submission that is
//! a link (to the kata's reference, to another learner's file, a learner
//! folder that is a link) is refused and listed with its reason, the rest
//! of the class is graded from private copies; and the seed is fresh, so a
//! solution that carries the answers of the default seed passes `check` and
//! fails `grade`, while `--seed` replays a grade exactly.

use crate::common;
use common::*;
use serde_json::Value;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Writes `text` at `dir/path`, making its folder.
fn put(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn json_of(out: &Output) -> Value {
    serde_json::from_str(&stdout(out))
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}\n{}", stdout(out), stderr(out)))
}

/// The learner/kata(.py) of every graded submission, sorted.
fn graded(all: &Value) -> Vec<String> {
    let mut names: Vec<String> = all["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let ext = if s["language"] == "python" { ".py" } else { "" };
            format!("{}/{}{ext}", s["learner"].as_str().unwrap(), s["kata"].as_str().unwrap())
        })
        .collect();
    names.sort();
    names
}

fn report<'a>(all: &'a Value, learner: &str, language: &str) -> &'a Value {
    all["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["learner"] == learner && s["language"] == language)
        .map(|s| &s["report"])
        .unwrap_or_else(|| panic!("no {language} submission of {learner} in {all:#}"))
}

/// The reason given for a skipped path.
fn reason<'a>(all: &'a Value, path: &str) -> &'a Value {
    all["skipped_reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap_or_else(|| panic!("{path} is not among the skipped: {all:#}"))
}

#[test]
fn grade_refuses_links_and_grades_the_rest_from_private_copies() {
    let root = Root::new();
    let class = tempfile::tempdir().unwrap();
    let dir = class.path();
    put(dir, "alice/count_events.rs", STREAMING);
    put(dir, "bob/count_events.rs", &read(&kata_file("count_events", "mutants/first_event_unwrap.rs")));
    // (a) links to the kata's references, in both languages.
    std::fs::create_dir(dir.join("mallory")).unwrap();
    symlink(kata_file("count_events", "reference.rs"), dir.join("mallory/count_events.rs")).unwrap();
    symlink(kata_file("count_events", "reference.py"), dir.join("mallory/count_events.py")).unwrap();
    // (b) a link to another learner's file.
    std::fs::create_dir(dir.join("eve")).unwrap();
    symlink("../alice/count_events.rs", dir.join("eve/count_events.rs")).unwrap();
    // (c) a learner folder that is a link to another's.
    symlink("alice", dir.join("trent")).unwrap();
    // A hard link: the same file under a second name.
    let elsewhere = tempfile::tempdir_in(dir.parent().unwrap()).unwrap();
    std::fs::write(elsewhere.path().join("theirs.rs"), STREAMING).unwrap();
    std::fs::create_dir(dir.join("frank")).unwrap();
    std::fs::hard_link(elsewhere.path().join("theirs.rs"), dir.join("frank/count_events.rs")).unwrap();

    let junit = elsewhere.path().join("junit.xml");
    let class_arg = dir.to_str().unwrap();
    let out =
        root.dekata(&["grade", class_arg, "--json", "--jobs", "2", "--seed", "7", "--junit", junit.to_str().unwrap()]);
    let all = json_of(&out);
    assert_eq!(code(&out), 1, "a refused submission fails the class: {all:#}");
    assert_eq!(all["verdict"], "fail");
    assert_eq!(graded(&all), ["alice/count_events", "bob/count_events"], "{all:#}");
    // (d) the learners' own files are graded as ever.
    assert_eq!(report(&all, "alice", "rust")["verdict"], "pass", "{all:#}");
    let bob = report(&all, "bob", "rust");
    assert_eq!(case(bob, "empty-stream")["verdict"], "panicked", "{bob:#}");
    assert_eq!(case(bob, "five-clean-rows")["verdict"], "pass", "{bob:#}");
    // It ran from a private copy, and names the learner's file.
    let message = case(bob, "empty-stream")["message"].as_str().unwrap();
    assert!(message.contains("bob/count_events.rs:"), "{message}");
    assert!(!message.contains("submissions/"), "the private copy is not what the report names: {message}");

    let reference_rs = kata_file("count_events", "reference.rs");
    let expected = [
        ("eve/count_events.rs", "symlink", Some("../alice/count_events.rs".to_string())),
        ("frank/count_events.rs", "hard_link", None),
        ("mallory/count_events.py", "symlink", Some(kata_file("count_events", "reference.py").display().to_string())),
        ("mallory/count_events.rs", "symlink", Some(reference_rs.display().to_string())),
        ("trent", "learner_folder_link", Some("alice".to_string())),
    ];
    for (path, why, to) in &expected {
        let skip = reason(&all, path);
        assert_eq!(skip["reason"], *why, "{skip:#}");
        assert_eq!(skip["refused"], true, "{skip:#}");
        assert_eq!(skip["link_to"].as_str().map(str::to_string), *to, "{skip:#}");
    }
    assert_eq!(reason(&all, "mallory/count_events.py")["language"], "python");
    assert_eq!(reason(&all, "mallory/count_events.rs")["kata"], "count_events");
    let skipped: Vec<&str> = all["skipped"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(skipped.len(), expected.len(), "{all:#}");

    // JUnit: each refused submission is a skipped test case typed by its reason.
    let xml = read(&junit);
    let parsed = quick_junit::Report::deserialize_from_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let suites: Vec<&str> = parsed.test_suites.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(suites, ["alice", "bob", "eve", "frank", "mallory", "trent"], "{xml}");
    let suite = |name: &str| parsed.test_suites.iter().find(|s| s.name.as_str() == name).unwrap();
    assert_eq!(suite("mallory").skipped, 2, "{xml}");
    assert_eq!(suite("alice").skipped, 0, "{xml}");
    assert_eq!(suite("alice").test_cases.len(), 7, "{xml}");
    for ty in ["symlink", "hard_link", "learner_folder_link"] {
        assert!(xml.contains(&format!(r#"type="{ty}""#)), "{ty}: {xml}");
    }

    // The table: refused cells say so, and each refusal is listed with why.
    let out = root.dekata(&["grade", class_arg, "--seed", "7", "--jobs", "2"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 1, "{text}{}", stderr(&out));
    let row = |learner: &str| {
        text.lines().find(|l| l.starts_with(&format!("{learner} "))).unwrap_or_else(|| panic!("no {learner}: {text}"))
    };
    assert!(row("alice").contains("pass 7/7"), "{text}");
    assert!(row("mallory").contains("skipped"), "{text}");
    assert!(!row("mallory").contains("pass"), "{text}");
    assert!(row("eve").contains("skipped"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("trent ")), "a linked folder is no learner: {text}");
    let listed = |path: &str| text.lines().find(|l| l.contains(path)).unwrap_or_else(|| panic!("{path}: {text}"));
    assert!(listed("mallory/count_events.rs:").contains(&format!("symbolic link to {}", reference_rs.display())));
    assert!(listed("eve/count_events.rs:").contains("symbolic link to ../alice/count_events.rs"), "{text}");
    assert!(listed("/trent:").contains("learner's folder is a symbolic link to alice"), "{text}");
    assert!(listed("frank/count_events.rs:").contains("hard link"), "{text}");
    assert!(text.contains("1 of 2 submissions pass. 5 more were refused."), "{text}");
}

/// A Python count_events that reports the first event of each case, so
/// that a test can learn a seed's streams as a forger would.
const PROBE: &str = r#"def count_events(events):
    first = next(events, None)
    if first is None:
        return {}
    raise ValueError("FP[%d|%d|%s|%d]" % (first["user_id"], first["ts"], first["event_type"], first["ingested_at"]))
"#;

/// A seed-table forgery: it counts right only on streams whose first event
/// it has seen at the default seed, and answers nothing otherwise.
fn forged(fingerprints: &[String]) -> String {
    let table: Vec<String> = fingerprints.iter().map(|f| format!("    {f:?},\n")).collect();
    format!(
        "SEED_42 = {{\n{}}}\n\n\
         def count_events(events):\n    \
             counts = {{}}\n    \
             first = next(events, None)\n    \
             if first is None:\n        \
                 return counts\n    \
             seen = \"%d|%d|%s|%d\" % (first[\"user_id\"], first[\"ts\"], first[\"event_type\"], first[\"ingested_at\"])\n    \
             if seen not in SEED_42:\n        \
                 return counts\n    \
             counts[(first[\"user_id\"], first[\"event_type\"])] = 1\n    \
             for e in events:\n        \
                 key = (e[\"user_id\"], e[\"event_type\"])\n        \
                 counts[key] = counts.get(key, 0) + 1\n    \
             return counts\n",
        table.concat()
    )
}

const HONEST: &str = "def count_events(events):
    counts = {}
    for e in events:
        key = (e[\"user_id\"], e[\"event_type\"])
        counts[key] = counts.get(key, 0) + 1
    return counts
";

#[test]
fn grade_draws_a_fresh_seed_that_a_seed_table_cannot_know_and_replays_it() {
    let root = Root::new();
    // The forger learns the default seed's streams through `check`.
    let probe = root.path().join("probe.py");
    std::fs::write(&probe, PROBE).unwrap();
    let (_, probed) = check_json(root.path(), "count_events", &["--solution", probe.to_str().unwrap()]);
    assert_eq!(probed["seed"], 42, "check keeps the default seed");
    let fingerprints: Vec<String> = probed["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| {
            let m = c["message"].as_str()?;
            let start = m.find("FP[")? + 3;
            Some(m[start..start + m[start..].find(']')?].to_string())
        })
        .collect();
    assert!(fingerprints.len() >= 5, "{probed:#}");

    let class = tempfile::tempdir().unwrap();
    put(class.path(), "mallory/count_events.py", &forged(&fingerprints));
    put(class.path(), "alice/count_events.py", HONEST);
    let forgery = class.path().join("mallory/count_events.py");
    let (code_42, at_42) = check_json(root.path(), "count_events", &["--solution", forgery.to_str().unwrap()]);
    assert_eq!(code_42, 0, "the forgery passes check at its default seed: {at_42:#}");

    // grade: a fresh seed, given in the JSON and each JUnit suite.
    let dir = class.path().to_str().unwrap();
    let junit = root.path().join("grades.xml");
    let out = root.dekata(&["grade", dir, "--json", "--jobs", "1", "--junit", junit.to_str().unwrap()]);
    let fresh = json_of(&out);
    assert_eq!(code(&out), 1, "{fresh:#}");
    let seed = fresh["seed"].as_u64().unwrap_or_else(|| panic!("no seed in {fresh:#}"));
    assert_ne!(seed, 42);
    let mallory = report(&fresh, "mallory", "python");
    assert_eq!(mallory["seed"], seed);
    assert_eq!(mallory["verdict"], "fail", "the forgery fails on a fresh seed: {mallory:#}");
    assert_eq!(case(mallory, "five-clean-rows")["verdict"], "wrong_answer", "{mallory:#}");
    assert_eq!(report(&fresh, "alice", "python")["verdict"], "pass", "{fresh:#}");
    let xml = read(&junit);
    let parsed = quick_junit::Report::deserialize_from_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    for suite in &parsed.test_suites {
        let seeds: Vec<String> = suite
            .properties
            .iter()
            .filter(|p| p.name.as_str() == "seed")
            .map(|p| p.value.as_str().to_string())
            .collect();
        assert_eq!(seeds, [seed.to_string()], "{xml}");
    }

    // --seed replays that grade: the same seed, the same verdicts.
    let seed_arg = seed.to_string();
    let out = root.dekata(&["grade", dir, "--json", "--jobs", "1", "--seed", &seed_arg]);
    let replayed = json_of(&out);
    assert_eq!(code(&out), 1, "{replayed:#}");
    assert_eq!(replayed["seed"], seed);
    for learner in ["alice", "mallory"] {
        let (a, b) = (report(&fresh, learner, "python"), report(&replayed, learner, "python"));
        assert_eq!(verdicts(a), verdicts(b), "{learner}: {a:#}\n{b:#}");
        assert_eq!(a["seed"], b["seed"]);
    }

    // The table prints the seed; --seed 42 replays the default seed's streams.
    let out = root.dekata(&["grade", dir, "--jobs", "1", "--seed", "42"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "at seed 42 the forgery passes, as check said: {text}{}", stderr(&out));
    assert!(text.lines().next().unwrap_or_default().contains("seed 42"), "{text}");
    assert!(text.contains("`dekata grade --seed 42`"), "{text}");
    let row = text.lines().find(|l| l.starts_with("mallory ")).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("pass 7/7"), "{text}");
    let out = root.dekata(&["grade", dir, "--jobs", "1"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 1, "{text}{}", stderr(&out));
    let shown: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("Seed ").and_then(|rest| rest.split(':').next()))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no seed line: {text}"));
    assert!(text.lines().next().unwrap_or_default().contains(&format!("seed {shown}")), "{text}");
    assert_ne!(shown, 42, "{text}");
}
