//! `dekata grade`: grades a class's submissions, a folder holding one
//! subfolder per learner with `<kata>.rs` and `<kata>.py` files (a class
//! may mix them), with the same grading as `dekata check`, on `--jobs`
//! threads, with a fresh seed unless `--seed` replays one.
//!
//! - `class`: the class folder read, the submissions found;
//! - `private`: each submission's private copy, which is what runs, and
//!   what is refused (links, files outside the learner's folder);
//! - `skip`: what was not graded and why;
//! - `table`, `json`, `junit`: the reports;
//! - `shard`: `--shard I/N`, a deterministic share of the submissions;
//! - `merge`: `grade merge`, the shares' `--json` reports joined into the
//!   report the whole class would have had.
//!
//! Each submission is graded on its own: an internal error grading one is
//! recorded for it and the others go on.

mod class;
mod json;
mod junit;
mod merge;
mod private;
mod shard;
mod skip;
mod table;

use super::pool;
use crate::catalog::{self, Kata};
use crate::error::BadRequest;
use crate::grading::{self, Quiet, Request};
use crate::report::Report;
use crate::workspace::Workspace;
use anyhow::Result;
use class::Class;
use class::Submission;
use colored::Colorize;
use shard::Shard;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub then: Option<Then>,
    /// The folder holding one subfolder of <kata>.rs and <kata>.py files per learner
    #[arg(required = true)]
    pub dir: Option<PathBuf>,
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
    /// Grade share I of N of the submissions (with --seed and --json; `grade merge` joins the shares)
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
}

#[derive(clap::Subcommand)]
pub enum Then {
    /// Join the --json reports of a class graded in shares into the report of the whole class
    Merge(merge::Args),
}

/// What grading a submission gave: its report, or the internal error (not
/// a failing verdict) that stopped it.
type Outcome = Result<Report, String>;

/// Returns whether every submission passed and none was refused (exit 0)
/// or not (exit 1).
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let dir = match (args.then, args.dir) {
        (Some(Then::Merge(merge)), _) => return merge::run(ws, merge),
        (None, Some(dir)) => dir,
        (None, None) => return Err(BadRequest::new(NO_DIR).into()),
    };
    let katas = catalog::load_all(&ws.katas())?;
    let chosen: Vec<&Kata> =
        if args.katas.is_empty() { katas.iter().collect() } else { catalog::select(&katas, &args.katas)? };
    let jobs = worker_count(args.jobs)?;
    if args.shard.is_some() && args.seed.value.is_none() {
        return Err(BadRequest::new(SHARD_NEEDS_SEED).into());
    }
    let mut class = class::find(ws, &dir, &katas, &chosen)?;
    if let Some(shard) = args.shard {
        let mut position = 0;
        class.submissions.retain(|_| {
            position += 1;
            shard.holds(position - 1)
        });
    }
    let jobs = jobs.min(class.submissions.len()).max(1);
    let seed = args.seed.value.unwrap_or_else(grading::fresh_seed);
    if !args.json.on {
        table::print_start(&dir, &class, jobs, seed);
    }
    let outcomes = grade_all(ws, &class.submissions, seed, jobs, !args.json.on);
    let graded = Graded { dir, class, outcomes, seed, chosen, asked: !args.katas.is_empty(), shard: args.shard };
    graded.report(args.json.on, args.junit.as_deref())
}

/// A class graded, ready to report: as `grade` graded it, or as `merge`
/// joined its shares.
pub struct Graded<'a> {
    /// The class folder, as named on the command line.
    pub dir: PathBuf,
    pub class: Class<'a>,
    /// Each submission's outcome, in the class's order.
    pub outcomes: Vec<Outcome>,
    pub seed: u64,
    /// The katas graded: those `--kata` asked for (`asked`), else all.
    pub chosen: Vec<&'a Kata>,
    pub asked: bool,
    /// The share graded, when only one was.
    pub shard: Option<Shard>,
}

impl Graded<'_> {
    /// Whether every submission passed and none was refused.
    fn passed(&self) -> bool {
        self.outcomes.iter().all(|o| o.as_ref().is_ok_and(Report::passed)) && self.class.refused() == 0
    }

    /// Prints the table (or the JSON document) and writes the JUnit
    /// report; returns whether the class passed.
    fn report(&self, json: bool, junit: Option<&Path>) -> Result<bool> {
        let passed = self.passed();
        let (dir, class, outcomes, seed) = (&self.dir, &self.class, &self.outcomes, self.seed);
        if json {
            json::print(self, passed)?;
        } else {
            table::print_table(class, outcomes, &self.chosen, self.asked);
            table::print_skipped(dir, &class.skipped);
            table::print_errors(class, outcomes);
        }
        if let Some(path) = junit {
            junit::write(path, class, outcomes, seed)?;
            if !json {
                println!("{}", format!("JUnit XML written to {}.", path.display()).dimmed());
            }
        }
        if !json {
            table::print_summary(dir, class, outcomes, seed, passed);
        }
        Ok(passed)
    }
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

const NO_DIR: &str = "name the class folder: dekata grade <DIR> (or join shares: dekata grade merge <PART>...)";
const SHARD_NEEDS_SEED: &str = "--shard needs --seed: every share of a class is graded on the same streams, \
so that `dekata grade merge` can join them";
const WORKER_DIED: &str = "the grading thread stopped before this submission was graded";
