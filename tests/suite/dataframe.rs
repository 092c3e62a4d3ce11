//! The DataFrame round, graded on Apache DataFusion. With the DataFrame
//! validations in `catalog` and the scaffolds' in `instructor`, the only
//! tests that build the engine; they share it (and each kata's harness)
//! through the shared target folder.

use crate::common;
use common::*;

const KATA: &str = "latest_order_payment";

#[test]
fn the_starter_reaches_todo_and_the_reference_passes_with_its_plan_reported() {
    let root = Root::new();
    let out = root.dekata(&["check", KATA]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\n{}", stderr(&out));
    assert!(text.contains("not_implemented"), "{text}");
    assert!(root.solution(KATA).is_file());

    std::fs::copy(kata_file(KATA, "reference.rs"), root.solution(KATA)).unwrap();
    let (code, report) = check_json(root.path(), KATA, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["verdict"], "pass");
    for case in report["cases"].as_array().unwrap() {
        let plan = case["plan"].as_str().unwrap_or_else(|| panic!("no plan in {case:#}"));
        assert!(plan.contains("join on"), "{plan}");
    }
    assert_eq!(case(&report, "no-primary-payment")["unit"], "orders");
}

#[test]
fn mutants_hear_the_interviewer_s_concern() {
    let concerns = [
        (KATA, "inner_join", "no-primary-payment", "wrong_answer", &["lost rows"][..]),
        (KATA, "one_key", "several-regions", "wrong_answer", &["grain"][..]),
        ("sessionize_clicks", "no_partition", "users-interleaved", "wrong_answer", &[][..]),
        (
            "revenue_by_city",
            "plain_join",
            "a-day-of-sales",
            "plan_rejected",
            &["broadcast", "Partitioned mode", "60,200 rows"][..],
        ),
        ("clicks_by_plan", "unsalted", "one-hot-user", "plan_rejected", &["skew", "rows per partition", "45%"][..]),
        ("clicks_by_plan", "broadcast_users", "one-hot-user", "plan_rejected", &["broadcast", "budget"][..]),
    ];
    // Two checks at a time: each is a process of its own, and this test
    // often runs last, beside nothing.
    std::thread::scope(|scope| {
        for half in concerns.chunks(concerns.len().div_ceil(2)) {
            scope.spawn(move || {
                for &(kata, mutant, case_name, verdict, words) in half {
                    let (code, report) = check_file(kata, &kata_file(kata, &format!("mutants/{mutant}.rs")));
                    assert_eq!(code, 1, "{kata}/{mutant}: {report:#}");
                    let c = case(&report, case_name);
                    assert_eq!(c["verdict"], verdict, "{kata}/{mutant}: {c:#}");
                    let message = c["message"].as_str().unwrap();
                    for w in words {
                        assert!(message.contains(w), "{kata}/{mutant}: `{w}` missing from: {message}");
                    }
                    if verdict == "wrong_answer" {
                        let shrunk = c["counterexample"].as_array().unwrap_or_else(|| panic!("{kata}/{mutant}: {c:#}"));
                        assert!(!shrunk.is_empty() && shrunk.len() <= 12, "{kata}/{mutant}: {} rows", shrunk.len());
                        assert!(c["diff"].as_str().is_some_and(|d| d.contains("+++")), "{c:#}");
                    }
                }
            });
        }
    });
}

/// Join mistakes are explained from the counterexample's own rows: which
/// key, which table, and what the join did to it.
#[test]
fn join_mistakes_are_named_from_the_counterexample() {
    let explained = [
        (
            "revenue_by_city",
            "left_join",
            "unmatched_kept",
            &["unmatched rows kept", "a row of sales whose store_id"][..],
        ),
        ("clicks_by_plan", "salts_one_side", "lost_match", &["lost rows", "a match was lost", "clicks and users"][..]),
        (
            KATA,
            "inner_join",
            "lost_unmatched",
            &["lost rows", "is only in orders", "an inner join where a left join belongs"][..],
        ),
        (KATA, "one_key", "grain", &["fan-out", "share the grain (customer_id, region)"][..]),
    ];
    for (kata, mutant, rule, words) in explained {
        let (_, report) = check_file(kata, &kata_file(kata, &format!("mutants/{mutant}.rs")));
        let c = report["cases"].as_array().unwrap().iter().find(|c| c["verdict"] == "wrong_answer").unwrap();
        assert_eq!(c["rule"], rule, "{kata}/{mutant}: {c:#}");
        let message = c["message"].as_str().unwrap();
        for w in words {
            assert!(message.contains(w), "{kata}/{mutant}: `{w}` missing from: {message}");
        }
    }
}

/// A random salt spreads the hot user as well as a computed one: the
/// repartitions are counted on complete runs, on every seed.
#[test]
fn a_random_salt_passes_on_every_seed() {
    let salted = fixture("dataframe/random_salt.rs");
    for seed in 1..=6 {
        let (code, report) = check_json(
            &repo(),
            "clicks_by_plan",
            &["--solution", salted.to_str().unwrap(), "--seed", &seed.to_string()],
        );
        assert_eq!(code, 0, "seed {seed}: {report:#}");
    }
}

/// `>=` for the gap fails on two clicks exactly the gap apart, and says so.
#[test]
fn a_gap_at_the_limit_asks_about_the_limit() {
    let (_, report) = check_file("sessionize_clicks", &kata_file("sessionize_clicks", "mutants/gap_inclusive.rs"));
    let c = report["cases"].as_array().unwrap().iter().find(|c| c["verdict"] == "wrong_answer").unwrap();
    assert!(c["question"].as_str().unwrap().contains("exactly the gap apart"), "{c:#}");
}

#[test]
fn new_scaffolds_a_dataframe_kata_that_validates() {
    let root = Root::with_own_katas();
    let out = root.dekata(&["new", "frames_demo", "--pattern", "frames", "--shape", "dataframes"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    let out = root.dekata(&["validate", "frames_demo"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn grading_a_class_leaves_no_engine_binaries_behind() {
    let class = tempfile::tempdir().unwrap();
    let reference = std::fs::read_to_string(kata_file("revenue_by_city", "reference.rs")).unwrap();
    let plain = std::fs::read_to_string(kata_file("revenue_by_city", "mutants/plain_join.rs")).unwrap();
    for (learner, text) in [("ada", &reference), ("bo", &plain)] {
        std::fs::create_dir_all(class.path().join(learner)).unwrap();
        std::fs::write(class.path().join(learner).join("revenue_by_city.rs"), text).unwrap();
    }
    let root = Root::new();
    let out = root.dekata(&["grade", class.path().to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}{}", stdout(&out), stderr(&out));
    let all: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let verdict = |learner: &str| {
        let s = all["submissions"].as_array().unwrap().iter().find(|s| s["learner"] == learner).unwrap();
        s["report"]["verdict"].as_str().unwrap().to_string()
    };
    assert_eq!(verdict("ada"), "pass");
    assert_eq!(verdict("bo"), "fail");
    // Each submission's harness links the engine; none is kept. A class's
    // submissions are built from their private copies.
    let bins = shared_target().join("workers-df").join("src").join("bin");
    let copies = std::fs::canonicalize(shared_target()).unwrap().join("submissions").display().to_string();
    let left: Vec<String> = std::fs::read_dir(&bins)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|glue| std::fs::read_to_string(glue).is_ok_and(|text| text.contains(&copies)))
        .map(|glue| glue.display().to_string())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A plan rejection's report, timings scrubbed: the message quotes what the
/// plan did (join modes and rows), which the seed fixes.
#[test]
fn plan_rejected_report_matches_its_golden_file() {
    let (_, report) = check_file("revenue_by_city", &kata_file("revenue_by_city", "mutants/plain_join.rs"));
    let actual = serde_json::to_string_pretty(&scrub(report)).unwrap() + "\n";
    assert_golden("revenue_by_city-plain_join", &actual);
}

#[test]
fn a_runaway_plan_gets_a_verdict_not_a_hung_runner() {
    // Every pair of clicks: quadratic rows, stopped by the clock or the cap.
    let (code, report) = check_file("sessionize_clicks", &fixture("dataframe/cross_join.rs"));
    assert_eq!(code, 1, "{report:#}");
    for name in ["users-interleaved", "one-busy-user"] {
        let verdict = case(&report, name)["verdict"].as_str().unwrap().to_string();
        assert!(["time_exceeded", "memory_exceeded"].contains(&verdict.as_str()), "{name}: {verdict}");
    }
}

/// A review of a DataFrame kata: the learner's input is table rows, each
/// written as a counterexample shows it, run on DataFusion as given.
#[test]
fn a_dataframe_answer_is_reviewed_on_the_rows_given() {
    let root = Root::new();
    let out = root.dekata(&["review", KATA, "--lang", "rust", "--answer", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("{\"orders\":"), "an example row: {}", stdout(&out));
    let input = root.path().join("rows.jsonl");
    // Answer 1 forgets the is_primary filter: one order and a payment that
    // is not primary show it.
    std::fs::write(
        &input,
        "{\"orders\":{\"customer_id\":1,\"order_id\":11,\"order_ts\":100,\"region\":\"apac\"}}\n\
         {\"payments\":{\"customer_id\":1,\"region\":\"apac\",\"method\":\"card\",\"is_primary\":false,\"added_ts\":5}}\n",
    )
    .unwrap();
    let input = input.to_str().unwrap();
    let out = root.dekata(&["review", KATA, "--lang", "rust", "--input", input, "--rule", "primary_only", "--json"]);
    let facts: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(out.status.code(), Some(0), "{facts:#}\n{}", stderr(&out));
    assert_eq!(facts["breaks_answer"], true);
    // A row of a table the kata does not take is named, and nothing runs.
    std::fs::write(root.path().join("bad.jsonl"), "{\"clicks\":{\"click_id\":1}}\n").unwrap();
    let bad = root.path().join("bad.jsonl");
    let out =
        root.dekata(&["review", KATA, "--lang", "rust", "--input", bad.to_str().unwrap(), "--rule", "primary_only"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no table `clicks`"), "{}", stderr(&out));
}
