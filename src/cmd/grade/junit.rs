//! `grade --junit FILE`: a test suite per learner (with the seed as a
//! property), a test case per kata and case, and a skipped test case per
//! refused submission.

use super::Outcome;
use super::class::{Class, Submission};
use super::skip::Skip;
use super::table::reason_text;
use crate::atomic;
use crate::language::Language;
use crate::report::{Overall, Verdict};
use anyhow::{Context, Result};
use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

pub fn write(path: &Path, class: &Class<'_>, outcomes: &[Outcome], seed: u64) -> Result<()> {
    let mut report = quick_junit::Report::new("dekata grade");
    let refused: Vec<&Skip<'_>> = class.skipped.iter().filter(|s| s.reason.refused()).collect();
    // Learners, and the names of learner folders refused whole.
    let names: BTreeSet<&str> =
        class.learners.iter().map(String::as_str).chain(refused.iter().map(|s| s.learner.as_str())).collect();
    for learner in names {
        let mut suite = TestSuite::new(learner);
        suite.add_property(Property::new("seed", seed.to_string()));
        for (sub, outcome) in class.submissions.iter().zip(outcomes).filter(|(s, _)| s.learner == learner) {
            suite.add_test_cases(test_cases(sub, outcome));
        }
        suite.add_test_cases(refused.iter().filter(|s| s.learner == learner).map(|s| skipped_case(s)));
        report.add_test_suite(suite);
    }
    let xml = report.to_string().context("cannot serialise the JUnit report")?;
    atomic::write(path, xml.as_bytes()).with_context(|| format!("cannot write the JUnit report {}", path.display()))
}

/// `count_events`, or `count_events.py` for a Python submission.
fn kata_name(kata: &str, language: Language) -> String {
    match language {
        Language::Rust => kata.to_string(),
        other => format!("{kata}.{}", other.extension()),
    }
}

/// A refused submission (or learner folder) as a skipped test case, typed
/// by its reason.
fn skipped_case(skip: &Skip<'_>) -> TestCase {
    let name = skip.submission.map_or_else(|| skip.path.clone(), |(k, l)| kata_name(&k.id, l));
    let mut status = TestCaseStatus::skipped();
    status.set_type(skip.reason.code()).set_message(format!("refused: {}", reason_text(skip)));
    let mut case = TestCase::new(name.as_str(), status);
    case.set_classname(name.as_str());
    case
}

fn test_cases(sub: &Submission<'_>, outcome: &Outcome) -> Vec<TestCase> {
    let kata = kata_name(&sub.kata.id, sub.language);
    let kata = &kata;
    let whole = |kind: NonSuccessKind, ty: &str, message: &str, description: &str| {
        let mut status = TestCaseStatus::non_success(kind);
        status.set_type(ty).set_message(message).set_description(description);
        let mut case = TestCase::new(kata.as_str(), status);
        case.set_classname(kata.as_str());
        vec![case]
    };
    let report = match outcome {
        Err(e) => return whole(NonSuccessKind::Error, "error", "dekata could not grade this submission", e),
        Ok(r) if r.verdict == Overall::CompileError => {
            return whole(NonSuccessKind::Failure, "compile_error", "the solution does not compile", &r.compile.stderr);
        }
        Ok(r) => r,
    };
    report
        .cases
        .iter()
        .map(|c| {
            let status = if c.verdict == Verdict::Pass {
                TestCaseStatus::success()
            } else {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_type(c.verdict.name()).set_message(format!("{}: {}", c.verdict.name(), c.message));
                if let Some(diff) = &c.diff {
                    s.set_description(diff.as_str());
                }
                s
            };
            let mut case = TestCase::new(format!("{kata}::{}", c.name), status);
            case.set_classname(kata.as_str()).set_time(Duration::from_millis(c.elapsed_ms));
            case
        })
        .collect()
}
