//! A round's coding: the candidate's commands while the clock runs, as in a
//! drill. A round ends when a check passes, on `done`, at the end of input
//! or when the time is up. Blind, there is no `check`: `done` grades, as
//! on a whiteboard, and after a first failing `done` the candidate may fix
//! the code once and say `done` again.

use crate::catalog::Kata;
use crate::cmd::drill::grade_own;
use crate::cmd::drill::session::{Clock, Command, parse_command};
use crate::judge::Verdict;
use crate::language::Language;
use crate::report::Report;
use crate::workspace::Workspace;
use colored::Colorize;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// How a round's coding ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundEnd {
    Passed,
    Done,
    TimeUp,
    EndOfInput,
}

impl RoundEnd {
    pub fn key(self) -> &'static str {
        match self {
            RoundEnd::Passed => "passed",
            RoundEnd::Done => "stopped",
            RoundEnd::TimeUp => "time_up",
            RoundEnd::EndOfInput => "end_of_input",
        }
    }
}

pub struct Coded {
    pub end: RoundEnd,
    /// Blind: the first submission's grade.
    pub first: Option<Report>,
    /// The latest grade, if the round graded at all.
    pub last: Option<Report>,
    pub checks: u32,
}

const TICK: Duration = Duration::from_secs(1);

/// The command loop of one round.
pub fn code(
    ws: &Workspace,
    kata: &Kata,
    language: Language,
    seed: u64,
    clock: &Clock,
    input: &Receiver<Option<String>>,
    blind: bool,
) -> Coded {
    let mut coded = Coded { end: RoundEnd::Done, first: None, last: None, checks: 0 };
    println!("{}", if blind { BLIND_INSTRUCTIONS } else { INSTRUCTIONS }.dimmed());
    clock.begin();
    loop {
        let left = clock.left();
        if left.is_zero() {
            coded.end = RoundEnd::TimeUp;
            return coded;
        }
        let line = match input.recv_timeout(left.min(TICK)) {
            Ok(Some(line)) => line,
            Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                coded.end = RoundEnd::EndOfInput;
                return coded;
            }
            Err(RecvTimeoutError::Timeout) => {
                clock.tick();
                continue;
            }
        };
        clock.clear_line();
        let said_time = match parse_command(&line) {
            Command::Check(_) if blind => {
                println!("{BLIND_NO_CHECK}");
                false
            }
            Command::Check(_) => {
                coded.checks += 1;
                match grade_own(ws, kata, language, seed, true) {
                    Ok(report) => {
                        let passed = report.passed();
                        coded.last = Some(report);
                        if passed {
                            coded.end = RoundEnd::Passed;
                            return coded;
                        }
                    }
                    Err(e) => eprintln!("dekata: error: {e:#}"),
                }
                false
            }
            Command::Done if blind => {
                coded.checks += 1;
                let second = coded.first.is_some();
                match grade_own(ws, kata, language, seed, false) {
                    Ok(report) => {
                        say_blind(&report);
                        let passed = report.passed();
                        if coded.first.is_none() {
                            coded.first = Some(report.clone());
                        }
                        coded.last = Some(report);
                        if passed {
                            coded.end = RoundEnd::Passed;
                            return coded;
                        }
                        if second {
                            coded.end = RoundEnd::Done;
                            return coded;
                        }
                        println!("{}", ONE_MORE_TRY.yellow());
                    }
                    Err(e) => eprintln!("dekata: error: {e:#}"),
                }
                false
            }
            Command::Done => {
                coded.end = RoundEnd::Done;
                return coded;
            }
            Command::Time => {
                clock.say_left();
                true
            }
            Command::Help | Command::Empty => {
                println!("{}", if blind { BLIND_INSTRUCTIONS } else { INSTRUCTIONS }.dimmed());
                false
            }
            Command::Unknown(word) => {
                println!("{}", UNKNOWN.replace("{word}", &word));
                false
            }
        };
        clock.after_response(said_time);
    }
}

/// What the interviewer says of a blind submission: how many cases, and
/// the question of the first one that failed.
fn say_blind(report: &Report) {
    let (passed, total) = report.case_counts();
    if report.passed() {
        println!("{} {}", "\u{2713}".green(), BLIND_PASSED.replace("{n}", &total.to_string()));
        return;
    }
    println!(
        "{} {}",
        "\u{2717}".red(),
        BLIND_FAILED.replace("{passed}", &passed.to_string()).replace("{total}", &total.to_string())
    );
    if let Some(case) = report.cases.iter().find(|c| c.verdict != Verdict::Pass)
        && !case.question.is_empty()
    {
        println!("  {} {}", "Interviewer:".bold(), format!("\u{201c}{}\u{201d}", case.question).yellow());
    }
}

const INSTRUCTIONS: &str = "Write your answer in your editor; type here, one command a line: \
`check` (c) grades it, and a pass brings the interviewer's follow-up; `time` (t) shows the time left; \
`done` (d) ends the round as your file stands.";
const BLIND_INSTRUCTIONS: &str = "Blind round, as on a whiteboard: nothing is run until you say `done` (d). \
`time` (t) shows the time left.";
const BLIND_NO_CHECK: &str = "This is a blind round: nothing runs until you say `done`. Read your code again, \
with the edge cases you asked about in mind.";
const BLIND_PASSED: &str = "The interviewer runs it: all {n} cases pass.";
const BLIND_FAILED: &str = "The interviewer runs it: {passed} of {total} cases pass.";
const ONE_MORE_TRY: &str = "You may fix it and say `done` once more; that submission is final.";
const UNKNOWN: &str = "Unknown command `{word}`: type `check` (c), `time` (t) or `done` (d).";
