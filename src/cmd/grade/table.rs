//! `grade`'s report on the terminal: the start line, one progress line per
//! submission, the learner x kata table, what was skipped and why, internal
//! errors, and the summary with the seed to replay.

use super::Outcome;
use super::class::{Class, Submission};
use super::private::MAX_BYTES;
use super::skip::{Reason, Skip};
use crate::catalog::Kata;
use crate::language::Language;
use crate::report::{Overall, Report, Verdict};
use colored::{ColoredString, Colorize};
use std::path::Path;
use std::time::Duration;

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

pub fn print_start(dir: &Path, class: &Class<'_>, jobs: usize, seed: u64) {
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

pub fn print_progress(n: usize, total: usize, sub: &Submission<'_>, outcome: &Outcome, took: Duration) {
    println!(
        "  [{n}/{total}] {:<40} {}  {}",
        sub.shown(),
        cell(outcome),
        format!("{:.1} s", took.as_secs_f64()).dimmed()
    );
}

/// Learners down, katas across (one column per language a kata was
/// submitted in): the katas asked for, or those submitted. A refused
/// submission's cell says `skipped`; why is listed below the table.
pub fn print_table(class: &Class<'_>, outcomes: &[Outcome], chosen: &[&Kata], asked: bool) {
    let refused = |learner: &str, k: &Kata, l: Language| {
        class
            .skipped
            .iter()
            .any(|s| s.learner == learner && s.submission.is_some_and(|(sk, sl)| sk.id == k.id && sl == l))
    };
    let submitted = |k: &Kata, l: Language| {
        class.submissions.iter().any(|s| s.kata.id == k.id && s.language == l)
            || class.learners.iter().any(|learner| refused(learner, k, l))
    };
    let columns: Vec<(&Kata, Language)> = chosen
        .iter()
        .flat_map(|k| Language::ALL.into_iter().map(move |l| (*k, l)))
        .filter(|(k, l)| submitted(k, *l) || (asked && *l == Language::Rust && !submitted(k, Language::Python)))
        .collect();
    if class.learners.is_empty() || columns.is_empty() {
        println!("\n{}", NOTHING_TO_GRADE.dimmed());
        return;
    }
    let rows: Vec<Vec<ColoredString>> = class
        .learners
        .iter()
        .map(|learner| {
            columns
                .iter()
                .map(|(k, l)| {
                    let graded = class
                        .submissions
                        .iter()
                        .zip(outcomes)
                        .find(|(s, _)| &s.learner == learner && s.kata.id == k.id && s.language == *l);
                    match graded {
                        Some((_, o)) => cell(o),
                        None if refused(learner, k, *l) => "skipped".yellow(),
                        None => "-".dimmed(),
                    }
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

/// Each skipped entry with why: refused submissions first.
pub fn print_skipped(dir: &Path, skipped: &[Skip<'_>]) {
    let refused: Vec<&Skip<'_>> = skipped.iter().filter(|s| s.reason.refused()).collect();
    let others: Vec<&Skip<'_>> = skipped.iter().filter(|s| !s.reason.refused()).collect();
    if !refused.is_empty() {
        println!("\n{}", REFUSED.yellow().bold());
        for skip in refused {
            println!("  {}: {}", dir.join(&skip.path).display(), reason_text(skip));
        }
    }
    if !others.is_empty() {
        println!("\n{}", SKIPPED.dimmed());
        for skip in others {
            println!("  {}", dir.join(&skip.path).display());
        }
    }
}

/// Why an entry was skipped, in words.
pub fn reason_text(skip: &Skip<'_>) -> String {
    let to = skip.link_to.as_ref().map(|t| format!(" to {}", t.display())).unwrap_or_default();
    match skip.reason {
        Reason::NotASubmission => NOT_A_SUBMISSION.to_string(),
        Reason::LearnerFolderLink => LEARNER_FOLDER_LINK.replace("{to}", &to),
        Reason::Symlink => SYMLINK.replace("{to}", &to),
        Reason::HardLink => HARD_LINK.to_string(),
        Reason::OutsideLearnerFolder => OUTSIDE.to_string(),
        Reason::InKatas => IN_KATAS.to_string(),
        Reason::TooLarge => TOO_LARGE.replace("{max}", &(MAX_BYTES / 1024).to_string()),
    }
}

pub fn print_errors(class: &Class<'_>, outcomes: &[Outcome]) {
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

pub fn print_summary(dir: &Path, class: &Class<'_>, outcomes: &[Outcome], seed: u64, passed: bool) {
    let n = outcomes.iter().filter(|o| o.as_ref().is_ok_and(Report::passed)).count();
    let mut line = format!("{n} of {} submissions pass.", class.submissions.len());
    match class.refused() {
        0 => {}
        1 => line.push_str(" 1 more was refused."),
        r => line.push_str(&format!(" {r} more were refused.")),
    }
    println!("\n{}", if passed { line.green().bold() } else { line.red().bold() });
    println!("{}", SEED.replace("{seed}", &seed.to_string()).dimmed());
    if !passed && !class.submissions.is_empty() {
        println!(
            "{}",
            ONE_IN_FULL.replace("{dir}", &dir.display().to_string()).replace("{seed}", &seed.to_string()).dimmed()
        );
    }
}

const NOTHING_TO_GRADE: &str =
    "Nothing to grade: no learner folder holds a <kata>.rs or <kata>.py file for a kata asked for.";
const REFUSED: &str = "Skipped and refused (only a learner's own file, in the learner's own folder, is graded):";
const SKIPPED: &str =
    "Skipped (not <learner>/<kata>.rs, or <kata>.py for a kata with a Python form, in the catalogue):";
const NOT_A_SUBMISSION: &str = "not <learner>/<kata>.rs, or <kata>.py for a kata with a Python form, in the catalogue";
const LEARNER_FOLDER_LINK: &str = "the learner's folder is a symbolic link{to}";
const SYMLINK: &str = "a symbolic link{to}";
const HARD_LINK: &str = "a hard link: the same file has another name elsewhere";
const OUTSIDE: &str = "resolves outside the learner's folder";
const IN_KATAS: &str = "resolves into the kata catalogue (katas/)";
const TOO_LARGE: &str = "larger than {max} KiB";
const NOT_GRADED: &str = "Not graded: dekata failed on these submissions (the others were graded):";
const SEED: &str = "Seed {seed}: `dekata grade --seed {seed}` grades on the same streams again.";
const ONE_IN_FULL: &str =
    "To see one submission in full: dekata check <kata> --seed {seed} --solution {dir}/<learner>/<kata>.rs (or .py)";
