//! The drill's end: every drilled kata graded once more with the drill's
//! seed, and a scorecard of one row per interviewer concern.

use super::grade_own;
use super::session::{clock_text, whole_secs};
use crate::catalog::Kata;
use crate::concern_rows::{self, Graded, Row};
use crate::language::Language;
use crate::report::{Overall, Report};
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use std::time::Duration;

/// Grades every drilled kata once more, quietly, one line each.
pub fn final_grades(ws: &Workspace, katas: &[&Kata], language: Language, seed: u64) -> Result<Vec<Report>> {
    println!("{}", FINAL_GRADING.replace("{seed}", &seed.to_string()).dimmed());
    let mut reports = Vec::new();
    for kata in katas {
        let report = grade_own(ws, kata, language, seed, false)?;
        print_kata_line(&report);
        reports.push(report);
    }
    Ok(reports)
}

fn print_kata_line(report: &Report) {
    let (passed, total) = report.case_counts();
    let (mark, text) = match report.verdict {
        Overall::CompileError => ("\u{2717}".red(), "does not compile".to_string()),
        Overall::Pass => ("\u{2713}".green(), format!("{passed}/{total} cases pass")),
        Overall::Fail => ("\u{2717}".red(), format!("{passed}/{total} cases pass")),
    };
    println!("  {mark} {:<26} {text}", report.kata);
}

pub fn scorecard(katas: &[&Kata], reports: &[Report]) -> Vec<Row> {
    let graded: Vec<Graded> = katas
        .iter()
        .zip(reports)
        .flat_map(|(kata, report)| {
            let grain_declared = !kata.compare.grain.is_empty();
            let plan_rules = kata.kind.plan().is_some();
            report.cases.iter().map(move |case| Graded::new(case, grain_declared, plan_rules))
        })
        .collect();
    concern_rows::scorecard(&graded)
}

pub fn print_scorecard(rows: &[Row], reports: &[Report], taken: Duration, allowed: Duration) {
    let time = format!("{} of {}", clock_text(taken.as_secs(), 1), clock_text(whole_secs(allowed), 1));
    println!();
    println!("{} {}", "Scorecard".bold(), format!("\u{00b7} time taken {time}").dimmed());
    for row in rows {
        print_row(row);
    }
    println!();
    let (passed, total) = reports.iter().map(Report::case_counts).fold((0, 0), |(p, t), (a, b)| (p + a, t + b));
    let broken = reports.iter().filter(|r| r.verdict == Overall::CompileError).count();
    let line = format!("{passed} of {total} cases pass.");
    if all_passed(reports) {
        println!("{}", line.green().bold());
    } else {
        println!("{}", line.red().bold());
        if broken > 0 {
            println!("{}", DOES_NOT_COMPILE.replace("{n}", &broken.to_string()));
        }
        println!("{}", QUESTIONS_ABOVE.dimmed());
    }
}

fn print_row(row: &Row) {
    let title = format!("{:<28}", row.concern.title());
    if !row.tested() {
        let why = if row.not_judged > 0 { NOT_JUDGED } else { NOT_TESTED };
        println!("  {} {title} {}", "\u{00b7}".dimmed(), why.dimmed());
    } else if row.all_passed() {
        println!("  {} {title} {}/{}", "\u{2713}".green(), row.passed, row.total);
    } else {
        println!("  {} {title} {}", "\u{2717}".red(), format!("{}/{}", row.passed, row.total).red());
    }
    for q in &row.questions {
        println!("      {}", format!("\u{201c}{q}\u{201d}").yellow());
    }
}

pub fn all_passed(reports: &[Report]) -> bool {
    reports.iter().all(Report::passed)
}

const FINAL_GRADING: &str = "Grading every drilled kata once more with the drill's seed ({seed}):";
const NOT_TESTED: &str = "not tested in this drill";
const NOT_JUDGED: &str = "not judged: its cases failed on something else first";
const QUESTIONS_ABOVE: &str = "The quoted questions are the follow-ups you would have failed. \
`dekata stats` shows how each concern goes over your drills.";
const DOES_NOT_COMPILE: &str =
    "Katas whose solution does not compile: {n}. `dekata check <kata>` shows the compiler's message.";
