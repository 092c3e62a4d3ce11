//! `dekata interview`: a whole mock interview through the real binary, its
//! input typed line by line while the candidate's file changes between
//! checks, as a candidate would.

use crate::common;
use common::watch::Watch;
use common::*;

use serde_json::Value;

fn history(root: &Root) -> Value {
    let text = std::fs::read_to_string(root.path().join(".dekata/interviews.json")).expect("the interview is kept");
    serde_json::from_str(&text).unwrap()
}

fn write_reference(root: &Root, kata: &str) {
    std::fs::copy(kata_file(kata, "reference.py"), root.path().join(format!("solutions/{kata}.py"))).unwrap();
}

/// After each command a round without a terminal prints the time left.
const LEFT: &str = " left of ";

#[test]
fn clarifying_questions_a_failing_then_passing_check_and_a_follow_up() {
    let root = Root::new();
    let mut iv =
        Watch::command(&root, "interview", &["count_events", "--lang", "python", "--seed", "3", "--minutes", "30"]);
    let at = iv.wait_for("Type the numbers", 0);
    let opening = iv.output();
    assert!(opening.contains("Interviewer:"), "{opening}");
    assert!(opening.contains("Five rows of the input"), "{opening}");
    // The full prompt is not shown: the rules come from the questions.
    assert!(!opening.contains("a hundred million"), "{opening}");

    // A question that is not on the list is refused and asked again.
    iv.send("42");
    let at = iv.wait_for("is not a question's number", at);
    // 1: the key (matters); 5: the database (does not).
    iv.send("1 5");
    let at = iv.wait_for("You did not ask", at);
    let at = iv.wait_for(LEFT, at);
    let told = iv.output();
    assert!(told.contains("does not matter here"), "{told}");
    assert!(told.contains("1 of 4 that matter asked, 1 off the point"), "{told}");

    // The starter fails; the reference then passes and the follow-up comes.
    iv.send("check");
    let at = iv.wait_for(LEFT, at);
    write_reference(&root, "count_events");
    iv.send("check");
    let at = iv.wait_for("Now a follow-up", at);
    let at = iv.wait_for("Round 2: count_min", at);
    // count_min's clarifying questions, if it has any: none chosen. A
    // round without any reads the empty line as no command.
    iv.send("");
    iv.send("done");
    iv.wait_for("Interview scorecard", at);
    let status = iv.wait_exit();
    let out = iv.output();
    assert_eq!(status.code(), Some(1), "the follow-up was not solved:\n{out}");
    assert!(out.contains("Follow-ups reached: 1"), "{out}");
    assert!(out.contains("would have been"), "the next follow-up is revealed:\n{out}");

    let h = history(&root);
    let interview = &h["interviews"][0];
    assert_eq!(interview["blind"], false);
    let rounds = interview["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2, "{h}");
    assert_eq!(rounds[0]["kata"], "count_events");
    assert_eq!(rounds[0]["asked"], serde_json::json!(["count_per_user_and_type"]));
    assert_eq!(rounds[0]["missed"].as_array().unwrap().len(), 3, "{h}");
    assert_eq!(rounds[0]["off_topic"], 1);
    assert_eq!(rounds[0]["checks"], 2);
    assert_eq!(rounds[0]["last"]["verdict"], "pass");
    assert_eq!(rounds[1]["kata"], "count_min");
    assert_ne!(rounds[1]["last"]["verdict"], "pass");

    // stats reads the interview history.
    let stats = root.dekata(&["stats", "--json", "--lang", "python"]);
    let stats: Value = serde_json::from_str(&stdout(&stats)).unwrap();
    assert_eq!(stats["interviews"]["count"], 1, "{stats}");
    assert_eq!(stats["interviews"]["follow_ups_reached"], 1, "{stats}");
}

#[test]
fn a_blind_round_grades_on_done_and_shows_the_first_submission_beside_the_final() {
    let root = Root::new();
    let mut iv = Watch::command(
        &root,
        "interview",
        &["count_events", "--lang", "python", "--blind", "--seed", "3", "--minutes", "30"],
    );
    let at = iv.wait_for("Type the numbers", 0);
    iv.send("1 2 3 4");
    let at = iv.wait_for(LEFT, at);
    iv.send("check");
    let at = iv.wait_for("blind round", at);
    // The starter, submitted: graded once, one more try allowed.
    iv.send("done");
    let at = iv.wait_for("once more", at);
    write_reference(&root, "count_events");
    iv.send("done");
    iv.wait_for("Round 2: count_min", at);
    // Input ends: the follow-up is graded as it stands.
    let status = iv.wait_exit();
    let out = iv.output();
    assert_eq!(status.code(), Some(1), "{out}");
    assert!(out.contains("first submission 0/"), "{out}");
    let round = &history(&root)["interviews"][0]["rounds"][0];
    assert_eq!(round["first"]["passed"], 0);
    assert_eq!(round["last"]["verdict"], "pass");
    assert_eq!(round["missed"].as_array().unwrap().len(), 0);
}

#[test]
fn bad_interview_requests_exit_2() {
    let root = Root::new();
    let out = root.dekata(&["interview", "no_such_kata"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = root.dekata(&["interview", "--minutes", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = root.dekata(&["interview", "--pattern", "no-such-pattern"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
