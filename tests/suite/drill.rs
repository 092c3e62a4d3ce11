//! `dekata drill` (a timed mock interview) and `dekata stats`, driven
//! through the real binary with commands on stdin.

use crate::common;
use common::*;

use serde_json::Value;
use std::io::{Read, Write};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a first build of the grading harness; a drill that never
/// ends is killed after it, and the test fails.
const LIMIT: Duration = Duration::from_secs(600);

/// Runs `dekata drill args` with `input` on stdin, then closes stdin, or
/// leaves it open (nothing more typed) when `keep_open`.
fn drill(root: &Root, args: &[&str], input: &str, keep_open: bool) -> Output {
    let mut child = dekata_command(root.path())
        .arg("drill")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dekata runs");
    let mut stdin = child.stdin.take().unwrap();
    // A bad request exits before reading: its closed stdin is no failure here.
    let _ = stdin.write_all(input.as_bytes());
    let held = if keep_open { Some(stdin) } else { None };
    let out = finish(child);
    drop(held);
    out
}

/// Waits for the child, draining its output, and kills it past [`LIMIT`].
fn finish(mut child: Child) -> Output {
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            r.read_to_end(&mut v).unwrap();
            v
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > LIMIT {
            child.kill().unwrap();
            panic!("the drill did not end within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output { status, stdout: out.join().unwrap(), stderr: err.join().unwrap() }
}

/// The scorecard part of a drill's output.
fn scorecard(out: &Output) -> String {
    let text = stdout(out);
    let at = text.find("Scorecard").unwrap_or_else(|| panic!("no scorecard:\n{text}\nstderr:\n{}", stderr(out)));
    text[at..].to_string()
}

/// The scorecard line of a concern.
fn row<'a>(card: &'a str, title: &str) -> &'a str {
    card.lines().find(|l| l.contains(title)).unwrap_or_else(|| panic!("no row `{title}`:\n{card}"))
}

fn history(root: &Root) -> Value {
    let text = std::fs::read_to_string(root.path().join(".dekata").join("drills.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_correct_solution_drills_clean_and_is_kept() {
    let root = Root::new();
    std::fs::write(root.solution("count_events"), STREAMING).unwrap();
    let out = drill(&root, &["--kata", "count_events", "--minutes", "5", "--seed", "42"], "check\ndone\n", false);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\nstderr:\n{}", stderr(&out));
    assert!(text.contains("dekata show count_events"), "{text}");
    assert!(text.contains("All 7 cases pass (seed 42)"), "the check inside the drill: {text}");
    assert!(text.contains("left of 5:00"), "the time left with each response: {text}");
    assert!(!text.contains('\u{1b}'), "no color when stdout is not a terminal");

    let card = scorecard(&out);
    for (title, count) in [
        ("correctness on clean data", "5/5"),
        ("nulls", "1/1"),
        ("ties", "1/1"),
        ("order (out of order, late)", "1/1"),
        ("retries", "2/2"),
        ("memory at scale", "1/1"),
        ("grain", "7/7"),
    ] {
        let line = row(&card, title);
        assert!(line.contains('\u{2713}') && line.contains(count), "{title}: {line}\n{card}");
    }
    assert!(row(&card, "idempotency").contains("not tested in this drill"), "{card}");
    assert!(card.contains("7 of 7 cases pass."), "{card}");
    assert!(!card.contains('\u{201c}'), "no follow-up question failed: {card}");

    let h = history(&root);
    let drills = h["drills"].as_array().unwrap();
    assert_eq!(drills.len(), 1);
    assert_eq!(drills[0]["ended"], "done");
    assert_eq!(drills[0]["seed"], 42);
    assert_eq!(drills[0]["katas"][0]["id"], "count_events");
    assert_eq!(drills[0]["katas"][0]["verdict"], "pass");
}

#[test]
fn a_wrong_answer_lists_the_follow_ups_it_would_fail() {
    let root = Root::new();
    std::fs::copy(kata_file("count_events", "mutants/wrong_key.rs"), root.solution("count_events")).unwrap();
    let input = "check count_min\nhelp\ntime\ndone\n";
    let out = drill(&root, &["--kata", "count_events", "--seed", "42"], input, false);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\nstderr:\n{}", stderr(&out));
    assert!(text.contains("`count_min` is not in this drill"), "{text}");
    assert!(text.contains("left of 45:00"), "{text}");

    let card = scorecard(&out);
    // A wrong key breaks the kata's grain rule: the failures belong to the
    // grain, asked once, and the concerns the streams also exercise were
    // not what broke.
    assert!(row(&card, "grain").contains("3/7"), "{card}");
    assert_eq!(card.matches("What is the grain of the output: one count per what?").count(), 1, "{card}");
    assert!(row(&card, "retries").contains("not judged"), "{card}");
    assert!(row(&card, "correctness on clean data").contains("3/3"), "{card}");
    assert!(row(&card, "memory at scale").contains("not judged"), "{card}");
    assert!(card.contains("3 of 7 cases pass."), "{card}");
    assert_eq!(history(&root)["drills"][0]["katas"][0]["verdict"], "fail");
}

#[test]
fn a_drill_ends_by_itself_when_time_runs_out() {
    let root = Root::new();
    // No --kata: the first kata not passed yet, its file made from the starter.
    let out = drill(&root, &["--count", "1", "--minutes", "0.02", "--seed", "42"], "", true);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\nstderr:\n{}", stderr(&out));
    assert!(text.contains("Time is up"), "{text}");
    assert!(text.contains("count_events") && text.contains("created from the starter"), "{text}");
    assert!(!text.contains("heavy_hitters"), "--count 1: {text}");
    let starter = std::fs::read_to_string(kata_file("count_events", "starter.rs")).unwrap();
    assert_eq!(std::fs::read_to_string(root.solution("count_events")).unwrap(), starter);
    let card = scorecard(&out);
    assert!(row(&card, "retries").contains("0/2"), "{card}");
    assert!(row(&card, "grain").contains("not judged"), "the starter showed no output: {card}");
    assert_eq!(history(&root)["drills"][0]["ended"], "time_up");
}

#[test]
fn weakest_and_difficulty_choose_the_katas() {
    let root = Root::new();
    let out = drill(&root, &["--weakest", "--difficulty", "core", "--count", "1", "--seed", "42"], "done\n", false);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\nstderr:\n{}", stderr(&out));
    let intro = &text[..text.find("Drill over").unwrap()];
    assert!(intro.contains("count_min"), "the first core kata not passed: {intro}");
    assert!(!intro.contains("count_events") && !intro.contains("heavy_hitters"), "{intro}");
}

#[test]
fn a_week_of_the_plan_chooses_the_katas() {
    let root = Root::new();
    let out =
        drill(&root, &["--week", "4", "--difficulty", "stretch", "--count", "1", "--seed", "42"], "done\n", false);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\nstderr:\n{}", stderr(&out));
    let intro = &text[..text.find("Drill over").unwrap()];
    // The first of week 4's stretch katas in catalogue order (none is passed).
    let rows: Value = serde_json::from_str(&stdout(&root.dekata(&["list", "--json"]))).unwrap();
    let week_4: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["week"] == 4 && r["difficulty"] == "stretch")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(intro.contains(&format!("1. {} ", week_4[0])), "week 4's first stretch kata, of {week_4:?}: {intro}");
    assert!(!intro.contains("count_min") && !intro.contains("clicks_by_plan"), "{intro}");
}

#[test]
fn stats_show_each_concern_over_the_drills() {
    let root = Root::new();
    let args = ["--kata", "count_events", "--minutes", "5", "--seed", "42"];
    std::fs::write(root.solution("count_events"), STREAMING).unwrap();
    assert_eq!(drill(&root, &args, "done\n", false).status.code(), Some(0));
    std::fs::copy(kata_file("count_events", "mutants/wrong_key.rs"), root.solution("count_events")).unwrap();
    assert_eq!(drill(&root, &args, "done\n", false).status.code(), Some(1));

    let out = root.dekata(&["stats"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\nstderr:\n{}", stderr(&out));
    let line = |title: &str| text.lines().find(|l| l.contains(title)).unwrap_or_else(|| panic!("{title}:\n{text}"));
    // The wrong key breaks the kata's grain rule, which the second drill fails.
    assert!(line("grain").contains("\u{2713} \u{2717}"), "oldest to newest: {text}");
    assert!(line("grain").contains("71%"), "{text}");
    assert!(line("retries").contains("\u{2713} \u{00b7}"), "not what broke: {text}");
    assert!(line("memory at scale").contains("\u{2713} \u{00b7}"), "{text}");
    assert!(line("idempotency").contains("not tested yet"), "{text}");
    let counting = katas_of(&root, "streaming-aggregation");
    assert!(line("Streaming aggregation").contains(&format!("0/{counting}")), "the last check failed: {text}");

    let out = root.dekata(&["stats", "--json"]);
    let stats: Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    assert_eq!(stats["drills"], 2);
    let grain = stats["concerns"].as_array().unwrap().iter().find(|c| c["concern"] == "grain").unwrap();
    assert_eq!(grain["recent"], serde_json::json!(["pass", "fail"]));
    assert_eq!((grain["passed"].as_u64(), grain["total"].as_u64()), (Some(10), Some(14)));
    let pattern = &stats["patterns"][0];
    assert_eq!(
        (pattern["pattern"].as_str(), pattern["total"].as_u64()),
        (Some("streaming-aggregation"), Some(counting as u64))
    );
}

#[test]
fn stats_without_drills_say_how_to_start() {
    let root = Root::new();
    let out = root.dekata(&["stats"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("No drills yet") && text.contains("dekata drill"), "{text}");
    assert!(text.contains("Streaming aggregation"), "{text}");
    let out = root.dekata(&["stats", "--json"]);
    let stats: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["drills"], 0);
    assert!(stats["concerns"].as_array().unwrap().iter().all(|c| c["pass_rate"].is_null()));
}

#[test]
fn a_corrupt_history_is_moved_aside_and_reported() {
    let root = Root::new();
    let state = root.path().join(".dekata");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("drills.json"), "{\"drills\": [oops").unwrap();
    let out = root.dekata(&["stats"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("moved to .dekata/drills.json.corrupt-"), "{}", stderr(&out));
    assert!(!state.join("drills.json").exists());
    let aside: Vec<_> = std::fs::read_dir(&state)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("drills.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(state.join(&aside[0])).unwrap(), "{\"drills\": [oops");
}

#[test]
fn bad_drill_requests_exit_2_before_anything_starts() {
    let root = Root::new();
    for (args, says) in [
        (&["--kata", "count_event"][..], "did you mean count_events?"),
        (&["--count", "0"], "--count"),
        (&["--pattern", "nope"], "streaming-aggregation"),
        (&["--difficulty", "hard"], "warm-up, core or stretch"),
        (&["--minutes", "0"], "--minutes"),
        (&["--kata", "count_events", "--weakest"], "--weakest"),
        (&["--weakest", "--pattern", "streaming-aggregation"], "--pattern"),
        (&["--week", "9"], "the weeks are 1, 2, 3, 4"),
        (&["--kata", "count_events", "--week", "1"], "--week"),
    ] {
        let out = drill(&root, args, "done\n", false);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(std::fs::read_dir(root.path().join("solutions")).unwrap().count(), 0);
    assert!(!root.path().join(".dekata").join("drills.json").exists());
}
