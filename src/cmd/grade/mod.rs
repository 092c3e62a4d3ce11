//! `dekata grade`: grades a class's submissions, a folder holding one
//! subfolder per learner with `<kata>.rs` and `<kata>.py` files (a class
//! may mix them), with the same grading as `dekata check`, on `--jobs`
//! threads, with a fresh seed unless `--seed` replays one.
//!
//! - `class`: the class folder read, the submissions found;
//! - `private`: each submission's private copy, which is what runs, and
//!   what is refused (links, files outside the learner's folder);
//! - `skip`: what was not graded and why;
//! - `table`, `json`, `junit`: the reports.
//!
//! Each submission is graded on its own: an internal error grading one is
//! recorded for it and the others go on.

mod class;
mod json;
mod junit;
mod private;
mod skip;
mod table;

use super::pool;
use crate::catalog::{self, Kata};
use crate::error::BadRequest;
use crate::grading::{self, Quiet, Request};
use crate::report::Report;
use crate::workspace::Workspace;
use anyhow::Result;
use class::Submission;
use colored::Colorize;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The folder holding one subfolder of <kata>.rs and <kata>.py files per learner
    pub dir: PathBuf,
    /// Grade only these katas
    #[arg(long = "kata", value_name = "KATA")]
    pub katas: Vec<String>,
    /// Write JUnit XML here
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    #[command(flatten)]
    pub json: crate::cmd::shared::Json,
    /// Submissions graded at once (default: the number of cores)
    #[arg(long)]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub seed: crate::cmd::shared::Seed,
}

/// What grading a submission gave: its report, or the internal error (not
/// a failing verdict) that stopped it.
type Outcome = Result<Report, String>;

/// Returns whether every submission passed and none was refused (exit 0)
/// or not (exit 1).
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let chosen: Vec<&Kata> =
        if args.katas.is_empty() { katas.iter().collect() } else { catalog::select(&katas, &args.katas)? };
    let jobs = worker_count(args.jobs)?;
    let class = class::find(ws, &args.dir, &katas, &chosen)?;
    let jobs = jobs.min(class.submissions.len()).max(1);
    let seed = args.seed.value.unwrap_or_else(grading::fresh_seed);
    if !args.json.on {
        table::print_start(&args.dir, &class, jobs, seed);
    }
    let outcomes = grade_all(ws, &class.submissions, seed, jobs, !args.json.on);
    let passed = outcomes.iter().all(|o| o.as_ref().is_ok_and(Report::passed)) && class.refused() == 0;
    if args.json.on {
        json::print(&class, &outcomes, seed, passed)?;
    } else {
        table::print_table(&class, &outcomes, &chosen, !args.katas.is_empty());
        table::print_skipped(&args.dir, &class.skipped);
        table::print_errors(&class, &outcomes);
    }
    if let Some(path) = &args.junit {
        junit::write(path, &class, &outcomes, seed)?;
        if !args.json.on {
            println!("{}", format!("JUnit XML written to {}.", path.display()).dimmed());
        }
    }
    if !args.json.on {
        table::print_summary(&args.dir, &class, &outcomes, seed, passed);
    }
    Ok(passed)
}

/// `--jobs`, else the available parallelism.
fn worker_count(asked: Option<usize>) -> Result<usize> {
    if asked == Some(0) {
        return Err(BadRequest::new("--jobs must be at least 1").into());
    }
    Ok(pool::jobs(asked))
}

/// Grades every submission on `jobs` threads; the outcomes come back in
/// the submissions' order whatever order they finish in.
fn grade_all(ws: &Workspace, subs: &[Submission<'_>], seed: u64, jobs: usize, progress: bool) -> Vec<Outcome> {
    let mut n = 0;
    let outcomes = pool::run(
        subs,
        jobs,
        |sub| {
            let started = Instant::now();
            (grade_one(ws, sub, seed), started.elapsed())
        },
        |i, (outcome, took)| {
            n += 1;
            if progress {
                table::print_progress(n, subs.len(), &subs[i], outcome, *took);
            }
        },
    );
    // A thread that died took its current submission with it; that slot is
    // reported as not graded, the rest are kept.
    outcomes.into_iter().map(|o| o.map_or_else(|| Err(WORKER_DIED.to_string()), |(outcome, _)| outcome)).collect()
}

/// Grades one submission's private copy as `dekata check` would grade the
/// file. A panic inside dekata is recorded as this submission's error
/// instead of ending the whole run.
fn grade_one(ws: &Workspace, sub: &Submission<'_>, seed: u64) -> Outcome {
    let copy = sub.copy.as_ref()?;
    let req = Request {
        ws,
        kata: sub.kata,
        solution: copy,
        shown_as: Some(&sub.path),
        seed,
        color: false,
        truth: None,
        counterexamples: true,
        until_caught: false,
    };
    let graded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| grading::grade(&req, &mut Quiet)));
    if sub.kata.needs_engine() {
        // An engine-linked harness is large; a class's would fill the disk.
        crate::compile::forget(ws, sub.kata, copy);
    }
    match graded {
        Ok(Ok(report)) => Ok(report),
        Ok(Err(e)) => Err(format!("{e:#}")),
        Err(panic) => {
            let text = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("dekata panicked while grading this submission: {text}"))
        }
    }
}

const WORKER_DIED: &str = "the grading thread stopped before this submission was graded";
