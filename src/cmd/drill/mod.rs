//! `dekata drill`: a timed mock interview.
//!
//! Picks katas (`pick`), makes sure their solution files exist in the
//! learner's language, starts a clock and reads the learner's commands
//! (`session`); at the end every drilled kata is graded once more with the
//! drill's seed and a scorecard shows one row per interviewer concern
//! (`scorecard`). The drill is kept in the history (`crate::drills`), which
//! `dekata stats` reads.

mod pick;
pub(crate) mod scorecard;
pub(crate) mod session;

use crate::catalog::Kata;
use crate::drills::{self, ConcernResult, DrillRecord, KataResult};
use crate::error::BadRequest;
use crate::grading::{self, Quiet, Request};
use crate::language::Language;
use crate::progress;
use crate::render;
use crate::report::{Overall, Report};
use crate::settings;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use session::{Clock, clock_text, whole_secs};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// Drill these katas (default: chosen for you)
    #[arg(long = "kata", value_name = "KATA")]
    pub katas: Vec<String>,
    /// Choose katas of this pattern
    #[arg(long)]
    pub pattern: Option<String>,
    /// Choose katas of this difficulty (warm-up, core, stretch)
    #[arg(long)]
    pub difficulty: Option<String>,
    /// Choose katas from your weakest pattern
    #[arg(long)]
    pub weakest: bool,
    /// Choose katas of this week of the study plan (`dekata list --by week`)
    #[arg(long, value_name = "N")]
    pub week: Option<u8>,
    /// How many katas to drill
    #[arg(long, default_value_t = 2)]
    pub count: usize,
    /// Time allowed, in minutes
    #[arg(long, default_value_t = 45.0)]
    pub minutes: f64,
    #[command(flatten)]
    pub seed: crate::cmd::shared::Seed,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

/// The longest drill `--minutes` accepts: a day.
const MAX_MINUTES: f64 = 24.0 * 60.0;

/// Runs a drill; returns whether every graded case passed.
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let allowed = allowed_time(args.minutes)?;
    let language = settings::language(ws, args.lang.chosen)?;
    let katas = crate::catalog::load_all(&ws.katas())?;
    let progress = progress::load(ws)?;
    let history = drills::load(ws)?;
    let plan = crate::catalog::plan::load(&ws.katas())?;
    let picked = pick::pick(&katas, &plan, &progress, &history, &args, language)?;
    let seed = args.seed.value.unwrap_or_else(grading::fresh_seed);
    let files = prepare(ws, &picked, language)?;
    introduce(ws, &picked, &files, allowed, seed, language);

    let started_at = progress::now();
    let clock = Clock::start(allowed, std::io::stdout().is_terminal());
    let ending = session::interview(ws, &picked, language, seed, &clock);
    let taken = clock.elapsed();
    clock.clear_line();
    session::announce(ending, allowed);

    let reports = scorecard::final_grades(ws, &picked, language, seed)?;
    let rows = scorecard::scorecard(&picked, &reports);
    scorecard::print_scorecard(&rows, &reports, taken, allowed);
    let record = DrillRecord {
        started_at,
        seed,
        minutes: args.minutes,
        seconds_taken: taken.as_secs(),
        ended: ending.key().to_string(),
        language,
        katas: picked.iter().zip(&reports).map(|(k, r)| KataResult::new(&k.id, &k.pattern, k.cases.len(), r)).collect(),
        concerns: rows.iter().map(ConcernResult::from).collect(),
    };
    drills::append(ws, record)?;
    Ok(scorecard::all_passed(&reports))
}

pub(crate) fn allowed_time(minutes: f64) -> Result<Duration> {
    if !(minutes.is_finite() && minutes > 0.0 && minutes <= MAX_MINUTES) {
        return Err(BadRequest::new(BAD_MINUTES.replace("{minutes}", &minutes.to_string())).into());
    }
    Ok(Duration::from_secs_f64(minutes * 60.0))
}

/// Each kata's solution file (created from its starter when missing) and
/// whether it was created now.
fn prepare(ws: &Workspace, katas: &[&Kata], language: Language) -> Result<Vec<(PathBuf, bool)>> {
    katas.iter().map(|k| solution_files::ensure(ws, k, language)).collect()
}

fn introduce(
    ws: &Workspace,
    katas: &[&Kata],
    files: &[(PathBuf, bool)],
    allowed: Duration,
    seed: u64,
    language: Language,
) {
    let noun = if katas.len() == 1 { "kata" } else { "katas" };
    println!(
        "{}",
        format!(
            "Mock interview: {} {noun} in {}, {} on the clock (seed {seed})",
            katas.len(),
            language.title(),
            clock_text(whole_secs(allowed), 1)
        )
        .bold()
    );
    for (i, (kata, (path, created))) in katas.iter().zip(files).enumerate() {
        let about = format!("({}, {})", kata.pattern_title, kata.difficulty.name());
        println!("  {}. {} {} {} {}", i + 1, kata.id.bold(), "\u{00b7}".dimmed(), kata.title, about.dimmed());
        let created = if *created { " (created from the starter)" } else { "" };
        println!("     {} {}{created}", "solution:".dimmed(), ws.display(path));
        println!("     {}   dekata show {}", "prompt:".dimmed(), kata.id);
    }
    println!("{}", session::INSTRUCTIONS.dimmed());
}

/// Grades the learner's own file of `kata`, printing each case when `live`,
/// and records the result in progress.
pub(crate) fn grade_own(ws: &Workspace, kata: &Kata, language: Language, seed: u64, live: bool) -> Result<Report> {
    let (solution, _) = solution_files::ensure(ws, kata, language)?;
    let req = Request {
        ws,
        kata,
        solution: &solution,
        shown_as: None,
        seed,
        color: render::color_on(),
        truth: None,
        counterexamples: true,
        until_caught: false,
    };
    let report = if live { grade_live(ws, &req, &solution)? } else { grading::grade(&req, &mut Quiet)? };
    progress::record(ws, &report)?;
    Ok(report)
}

fn grade_live(ws: &Workspace, req: &Request<'_>, solution: &Path) -> Result<Report> {
    render::header(req.kata, &ws.display(solution));
    let report = grading::grade(req, &mut render::Live::default())?;
    if report.verdict == Overall::CompileError {
        render::print_compile_error(&report);
    }
    render::summary(&report);
    Ok(report)
}

const BAD_MINUTES: &str = "--minutes {minutes} is not a time a drill can take: give a number of minutes \
above 0 and at most 1440 (fractions are fine, e.g. 0.5).";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_must_be_a_positive_time() {
        assert!(allowed_time(45.0).is_ok());
        assert_eq!(allowed_time(0.02).unwrap(), Duration::from_millis(1200));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e9] {
            assert!(allowed_time(bad).is_err(), "{bad}");
        }
    }
}
