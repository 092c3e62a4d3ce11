//! The DataFrame round, graded on Apache DataFusion. These are the only
//! tests that build the engine; they share it (and each kata's harness)
//! through the shared target folder.

mod common;
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
        (KATA, "one_key", "several-regions", "wrong_answer", &["fan-out"][..]),
        ("sessionize_clicks", "no_partition", "users-interleaved", "wrong_answer", &[][..]),
        ("revenue_by_city", "plain_join", "a-day-of-sales", "plan_rejected", &["broadcast", "Partitioned mode", "60,200 rows"][..]),
        ("clicks_by_plan", "unsalted", "one-hot-user", "plan_rejected", &["skew", "rows per partition", "45%"][..]),
        ("clicks_by_plan", "broadcast_users", "one-hot-user", "plan_rejected", &["broadcast", "budget"][..]),
    ];
    for (kata, mutant, case_name, verdict, words) in concerns {
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
}

#[test]
fn every_dataframe_kata_validates() {
    let ids = kata_ids(true);
    assert!(ids.len() >= 4, "{ids:?}");
    let mut args = vec!["validate", "--jobs", "2"];
    args.extend(ids.iter().map(String::as_str));
    let out = dekata(&args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", stderr(&out));
    assert!(!text.contains('\u{2717}'), "{text}");
}

#[test]
fn new_scaffolds_a_dataframe_kata_that_validates() {
    let root = Root::with_own_katas();
    let out = root.dekata(&["new", "frames_demo", "--pattern", "frames", "--shape", "dataframes"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    let out = root.dekata(&["validate", "frames_demo"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
}
