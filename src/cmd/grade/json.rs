//! `grade --json`: one document on standard output.

use super::Outcome;
use super::class::Class;
use super::skip::{Reason, Skip};
use crate::language::Language;
use crate::report::{Overall, Report};
use anyhow::Result;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Serialize)]
struct ClassJson<'a> {
    verdict: Overall,
    /// The seed every submission was graded with (`--seed` replays it).
    seed: u64,
    submissions: Vec<SubmissionJson<'a>>,
    /// Entries of the class folder that were not graded, by path.
    skipped: Vec<&'a str>,
    /// The same entries, each with its reason.
    skipped_reasons: Vec<SkipJson<'a>>,
}

#[derive(Serialize)]
struct SubmissionJson<'a> {
    learner: &'a str,
    kata: &'a str,
    language: Language,
    /// The check's report, as `dekata check --json` prints it; null when
    /// an internal error stopped the grading.
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct SkipJson<'a> {
    path: &'a str,
    reason: Reason,
    /// Whether this is a submission refused (which fails the class).
    refused: bool,
    learner: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kata: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<Language>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link_to: Option<&'a PathBuf>,
}

impl<'a> SkipJson<'a> {
    fn of(skip: &'a Skip<'a>) -> SkipJson<'a> {
        SkipJson {
            path: &skip.path,
            reason: skip.reason,
            refused: skip.reason.refused(),
            learner: &skip.learner,
            kata: skip.submission.map(|(k, _)| k.id.as_str()),
            language: skip.submission.map(|(_, l)| l),
            link_to: skip.link_to.as_ref(),
        }
    }
}

pub fn print(class: &Class<'_>, outcomes: &[Outcome], seed: u64, passed: bool) -> Result<()> {
    let submissions = class
        .submissions
        .iter()
        .zip(outcomes)
        .map(|(s, o)| SubmissionJson {
            learner: &s.learner,
            kata: &s.kata.id,
            language: s.language,
            report: o.as_ref().ok(),
            error: o.as_ref().err().map(String::as_str),
        })
        .collect();
    let verdict = if passed { Overall::Pass } else { Overall::Fail };
    let doc = ClassJson {
        verdict,
        seed,
        submissions,
        skipped: class.skipped.iter().map(|s| s.path.as_str()).collect(),
        skipped_reasons: class.skipped.iter().map(SkipJson::of).collect(),
    };
    println!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}
