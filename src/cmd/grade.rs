//! `dekata grade`: grades a class's submissions, a folder holding one
//! subfolder per learner with `<kata>.rs` and `<kata>.py` files (a class
//! may mix them), with the same grading as `dekata check`, on `--jobs`
//! threads. Each submission is graded on
//! its own: an internal error grading one is recorded for it and the others
//! go on. Writes a learner x kata table, JUnit XML (`--junit`) and JSON
//! (`--json`).

use super::pool;
use crate::atomic;
use crate::catalog::{self, Kata};
use crate::error::BadRequest;
use crate::grading::{self, Quiet, Request};
use crate::language::Language;
use crate::report::{Overall, Report, Verdict};
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use colored::{ColoredString, Colorize};
use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
    /// Submissions graded at once (default: the number of cores)
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Seed for the generated streams
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

/// One learner's file for one kata.
struct Submission<'a> {
    learner: String,
    kata: &'a Kata,
    language: Language,
    path: PathBuf,
}

impl Submission<'_> {
    /// `<learner>/<kata>.<ext>`, as the class folder names it.
    fn shown(&self) -> String {
        format!("{}/{}.{}", self.learner, self.kata.id, self.language.extension())
    }
}

/// What grading a submission gave: its report, or the internal error (not
/// a failing verdict) that stopped it.
type Outcome = Result<Report, String>;

/// The class folder as found: learners (folder names, sorted), their
/// submissions (by learner, then in catalogue order), and the files that
/// are not submissions.
struct Class<'a> {
    learners: Vec<String>,
    submissions: Vec<Submission<'a>>,
    skipped: Vec<String>,
}

/// Returns whether every submission passed (exit 0) or not (exit 1).
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let chosen: Vec<&Kata> =
        if args.katas.is_empty() { katas.iter().collect() } else { catalog::select(&katas, &args.katas)? };
    let class = find_class(&args.dir, &katas, &chosen)?;
    let jobs = worker_count(args.jobs, class.submissions.len())?;
    let seed = args.seed.unwrap_or(grading::DEFAULT_SEED);
    if !args.json {
        print_start(&args.dir, &class, jobs, seed);
    }
    let outcomes = grade_all(ws, &class.submissions, seed, jobs, !args.json);
    let passed = outcomes.iter().all(|o| o.as_ref().is_ok_and(Report::passed));
    if args.json {
        print_json(&class, &outcomes, passed)?;
    } else {
        print_table(&class, &outcomes, &chosen, !args.katas.is_empty());
        print_skipped(&args.dir, &class.skipped);
        print_errors(&class, &outcomes);
    }
    if let Some(path) = &args.junit {
        write_junit(path, &class, &outcomes)?;
        if !args.json {
            println!("{}", format!("JUnit XML written to {}.", path.display()).dimmed());
        }
    }
    if !args.json {
        print_summary(&args.dir, &class, &outcomes, passed);
    }
    Ok(passed)
}

/// Reads the class folder: one subfolder per learner. Hidden entries are
/// ignored, files of katas left out by `--kata` silently, anything else
/// that is not `<kata>.rs` is listed as skipped.
fn find_class<'a>(dir: &Path, katas: &'a [Kata], chosen: &[&'a Kata]) -> Result<Class<'a>> {
    if !dir.is_dir() {
        return Err(BadRequest::new(NO_CLASS_DIR.replace("{dir}", &dir.display().to_string())).into());
    }
    let mut class = Class { learners: Vec::new(), submissions: Vec::new(), skipped: Vec::new() };
    for (name, path) in visible_entries(dir)? {
        if !path.is_dir() {
            class.skipped.push(name);
            continue;
        }
        let mut mine = Vec::new();
        for (file, file_path) in visible_entries(&path)? {
            match kata_of(&file_path, katas) {
                Some((kata, language)) if chosen.iter().any(|k| k.id == kata.id) => {
                    mine.push(Submission { learner: name.clone(), kata, language, path: file_path })
                }
                Some(_) => {}
                None => class.skipped.push(format!("{name}/{file}")),
            }
        }
        mine.sort_by_key(|s| (katas.iter().position(|k| k.id == s.kata.id), s.language));
        class.submissions.extend(mine);
        class.learners.push(name);
    }
    Ok(class)
}

/// The entries of a folder whose names do not start with a dot, sorted.
fn visible_entries(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            entries.push((name, entry.path()));
        }
    }
    entries.sort();
    Ok(entries)
}

/// The kata and language a file is a submission for: `<kata-id>.rs`, or
/// `<kata-id>.py` for a kata with a Python form.
fn kata_of<'a>(path: &Path, katas: &'a [Kata]) -> Option<(&'a Kata, Language)> {
    let ext = path.extension()?.to_str()?;
    let language = Language::ALL.into_iter().find(|l| l.extension() == ext)?;
    if !path.is_file() {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    katas.iter().find(|k| k.id == stem && k.speaks(language)).map(|k| (k, language))
}

/// `--jobs`, else the available parallelism; never more than there is work.
fn worker_count(asked: Option<usize>, work: usize) -> Result<usize> {
    if asked == Some(0) {
        return Err(BadRequest::new("--jobs must be at least 1").into());
    }
    Ok(pool::jobs(asked).min(work).max(1))
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
                print_progress(n, subs.len(), &subs[i], outcome, *took);
            }
        },
    );
    // A thread that died took its current submission with it; that slot is
    // reported as not graded, the rest are kept.
    outcomes.into_iter().map(|o| o.map_or_else(|| Err(WORKER_DIED.to_string()), |(outcome, _)| outcome)).collect()
}

/// Grades one submission as `dekata check` would. A panic inside dekata is
/// recorded as this submission's error instead of ending the whole run.
fn grade_one(ws: &Workspace, sub: &Submission<'_>, seed: u64) -> Outcome {
    let req = Request {
        ws,
        kata: sub.kata,
        solution: &sub.path,
        shown_as: None,
        seed,
        color: false,
        truth: None,
        counterexamples: true,
    };
    let graded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| grading::grade(&req, &mut Quiet)));
    if sub.kata.needs_engine() {
        // An engine-linked harness is large; a class's would fill the disk.
        crate::compile::forget(ws, sub.kata, &sub.path);
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

/// A table cell: the verdict and the cases passed.
fn cell(outcome: &Outcome) -> ColoredString {
    match outcome {
        Err(_) => "error".yellow().bold(),
        Ok(r) if r.verdict == Overall::CompileError => "compile_error".red(),
        Ok(r) => {
            let passed = r.cases.iter().filter(|c| c.verdict == Verdict::Pass).count();
            let count = format!("{passed}/{}", r.cases.len());
            if r.passed() {
                format!("pass {count}").green()
            } else {
                let verdicts: Vec<&str> = r.failing_verdicts().iter().map(|v| v.name()).collect();
                format!("{} {count}", verdicts.join(",")).red()
            }
        }
    }
}

fn print_start(dir: &Path, class: &Class<'_>, jobs: usize, seed: u64) {
    println!(
        "{} {} from {} in {} ({jobs} at a time, seed {seed})",
        "Grading".bold(),
        counted(class.submissions.len(), "submission"),
        counted(class.learners.len(), "learner"),
        dir.display(),
    );
}

/// `1 learner`, `3 learners`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

fn print_progress(n: usize, total: usize, sub: &Submission<'_>, outcome: &Outcome, took: Duration) {
    println!(
        "  [{n}/{total}] {:<40} {}  {}",
        sub.shown(),
        cell(outcome),
        format!("{:.1} s", took.as_secs_f64()).dimmed()
    );
}

/// Learners down, katas across (one column per language a kata was
/// submitted in): the katas asked for, or those submitted.
fn print_table(class: &Class<'_>, outcomes: &[Outcome], chosen: &[&Kata], asked: bool) {
    let submitted = |k: &Kata, l: Language| class.submissions.iter().any(|s| s.kata.id == k.id && s.language == l);
    let columns: Vec<(&Kata, Language)> = chosen
        .iter()
        .flat_map(|k| Language::ALL.into_iter().map(move |l| (*k, l)))
        .filter(|(k, l)| submitted(k, *l) || (asked && *l == Language::Rust && !submitted(k, Language::Python)))
        .collect();
    if class.learners.is_empty() || columns.is_empty() {
        println!("\n{}", NOTHING_TO_GRADE.dimmed());
        return;
    }
    let missing = || "-".dimmed();
    let rows: Vec<Vec<ColoredString>> = class
        .learners
        .iter()
        .map(|learner| {
            columns
                .iter()
                .map(|(k, l)| {
                    class
                        .submissions
                        .iter()
                        .zip(outcomes)
                        .find(|(s, _)| &s.learner == learner && s.kata.id == k.id && s.language == *l)
                        .map_or_else(missing, |(_, o)| cell(o))
                })
                .collect()
        })
        .collect();
    let first = class.learners.iter().map(|l| l.chars().count()).max().unwrap_or(0).max("learner".len());
    let title = |(k, l): &(&Kata, Language)| match l {
        Language::Rust => k.id.clone(),
        other => format!("{}.{}", k.id, other.extension()),
    };
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0).max(title(c).len()))
        .collect();
    println!();
    let header: Vec<String> = columns.iter().zip(&widths).map(|(c, w)| format!("{:<w$}", title(c))).collect();
    println!("{}", format!("{:<first$}  {}", "learner", header.join("  ")).trim_end().bold());
    for (learner, row) in class.learners.iter().zip(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
            .collect();
        println!("{learner:<first$}  {}", cells.join("  ").trim_end());
    }
}

fn print_skipped(dir: &Path, skipped: &[String]) {
    if skipped.is_empty() {
        return;
    }
    println!("\n{}", SKIPPED.dimmed());
    for path in skipped {
        println!("  {}", dir.join(path).display());
    }
}

fn print_errors(class: &Class<'_>, outcomes: &[Outcome]) {
    let errors: Vec<(&Submission<'_>, &String)> =
        class.submissions.iter().zip(outcomes).filter_map(|(s, o)| o.as_ref().err().map(|e| (s, e))).collect();
    if errors.is_empty() {
        return;
    }
    println!("\n{}", NOT_GRADED.yellow().bold());
    for (sub, error) in errors {
        println!("  {}: {error}", sub.path.display());
    }
}

fn print_summary(dir: &Path, class: &Class<'_>, outcomes: &[Outcome], passed: bool) {
    let n = outcomes.iter().filter(|o| o.as_ref().is_ok_and(Report::passed)).count();
    let line = format!("{n} of {} submissions pass.", class.submissions.len());
    println!("\n{}", if passed { line.green().bold() } else { line.red().bold() });
    if !passed {
        println!("{}", ONE_IN_FULL.replace("{dir}", &dir.display().to_string()).dimmed());
    }
}

#[derive(Serialize)]
struct ClassJson<'a> {
    verdict: Overall,
    submissions: Vec<SubmissionJson<'a>>,
    /// Files in the class folder that are not `<learner>/<kata>.rs`.
    skipped: &'a [String],
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

fn print_json(class: &Class<'_>, outcomes: &[Outcome], passed: bool) -> Result<()> {
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
    let doc = ClassJson { verdict, submissions, skipped: &class.skipped };
    println!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}

/// A test suite per learner, a test case per kata and case.
fn write_junit(path: &Path, class: &Class<'_>, outcomes: &[Outcome]) -> Result<()> {
    let mut report = quick_junit::Report::new("dekata grade");
    for learner in &class.learners {
        let mut suite = TestSuite::new(learner.as_str());
        for (sub, outcome) in class.submissions.iter().zip(outcomes).filter(|(s, _)| &s.learner == learner) {
            suite.add_test_cases(test_cases(sub, outcome));
        }
        report.add_test_suite(suite);
    }
    let xml = report.to_string().context("cannot serialise the JUnit report")?;
    atomic::write(path, xml.as_bytes()).with_context(|| format!("cannot write the JUnit report {}", path.display()))
}

fn test_cases(sub: &Submission<'_>, outcome: &Outcome) -> Vec<TestCase> {
    let kata = match sub.language {
        Language::Rust => sub.kata.id.clone(),
        other => format!("{}.{}", sub.kata.id, other.extension()),
    };
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

const NO_CLASS_DIR: &str = "the class folder {dir} does not exist (or is not a folder): \
dekata grade expects a folder holding one subfolder per learner, each with <kata>.rs or <kata>.py files";
const NOTHING_TO_GRADE: &str =
    "Nothing to grade: no learner folder holds a <kata>.rs or <kata>.py file for a kata asked for.";
const SKIPPED: &str =
    "Skipped (not <learner>/<kata>.rs, or <kata>.py for a kata with a Python form, in the catalogue):";
const NOT_GRADED: &str = "Not graded: dekata failed on these submissions (the others were graded):";
const WORKER_DIED: &str = "the grading thread stopped before this submission was graded";
const ONE_IN_FULL: &str =
    "To see one submission in full: dekata check <kata> --solution {dir}/<learner>/<kata>.rs (or .py)";
