//! `grade --json`: one document on standard output.

use super::Graded;
use super::shard::Shard;
use super::skip::{Reason, Skip};
use crate::language::Language;
use crate::report::{Overall, Report};
use anyhow::Result;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct ClassJson<'a> {
    verdict: Overall,
    /// The seed every submission was graded with (`--seed` replays it).
    seed: u64,
    /// The class folder, as named on the command line.
    class: &'a Path,
    /// Every learner folder graded, whether or not this share holds
    /// submissions of theirs.
    learners: Vec<&'a str>,
    /// The katas `--kata` asked for, if it did.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    katas_asked: Vec<&'a str>,
    /// The share of the submissions graded (`--shard`), if only one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    shard: Option<Shard>,
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

pub fn print(graded: &Graded<'_>, passed: bool) -> Result<()> {
    let (class, outcomes) = (&graded.class, &graded.outcomes);
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
        seed: graded.seed,
        class: &graded.dir,
        learners: class.learners.iter().map(String::as_str).collect(),
        katas_asked: if graded.asked { graded.chosen.iter().map(|k| k.id.as_str()).collect() } else { Vec::new() },
        shard: graded.shard,
        submissions,
        skipped: class.skipped.iter().map(|s| s.path.as_str()).collect(),
        skipped_reasons: class.skipped.iter().map(SkipJson::of).collect(),
    };
    println!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}
