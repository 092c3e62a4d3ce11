//! `dekata interview [KATA | --pattern P]`: a mock interview. Each round
//! opens with the interviewer's one-line ask and five clean rows
//! (`opening`); the candidate chooses clarifying questions, whose answers
//! reveal the prompt's rules, and the ones missed are told before coding;
//! then the clock runs while the candidate codes and checks (`round`). A
//! pass brings the follow-up, the next kata of the kata's `follow_ups`,
//! its file started from the candidate's answer where the signatures
//! agree (`carry`). The scorecard shows every round, and the interview is
//! kept in `.dekata/interviews.json`, which `dekata stats` reads.

mod carry;
mod opening;
mod round;

use crate::catalog::{self, Kata};
use crate::cmd::drill::scorecard::scorecard;
use crate::cmd::drill::session::{Clock, clock_text, spawn_reader, whole_secs};
use crate::cmd::drill::{allowed_time, grade_own};
use crate::drills::{ConcernResult, KataResult};
use crate::error::BadRequest;
use crate::grading;
use crate::interviews::{self, InterviewRecord, RoundRecord};
use crate::language::Language;
use crate::progress;
use crate::report::Report;
use crate::settings;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use opening::Clarified;
use round::RoundEnd;
use std::io::IsTerminal;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// The kata the interview opens with (default: one chosen for you)
    #[arg(conflicts_with = "pattern")]
    pub kata: Option<String>,
    /// Choose the opening kata from this pattern
    #[arg(long)]
    pub pattern: Option<String>,
    /// Grade only when you say `done`, as on a whiteboard
    #[arg(long)]
    pub blind: bool,
    /// Time allowed for the whole interview, in minutes
    #[arg(long, default_value_t = 45.0)]
    pub minutes: f64,
    #[command(flatten)]
    pub seed: crate::cmd::shared::Seed,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

/// One round's result, as facts.
struct Round {
    kata: Kata,
    clarified: Clarified,
    seconds: u64,
    coded: round::Coded,
    last: Report,
}

pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let allowed = allowed_time(args.minutes)?;
    let language = settings::language(ws, args.lang.chosen)?;
    let katas = catalog::load_all(&ws.katas())?;
    let seed = args.seed.value.unwrap_or_else(grading::fresh_seed);
    let first = pick(&katas, &args, language, seed)?;
    let blind = if args.blind { ", blind" } else { "" };
    println!(
        "{}",
        format!(
            "Mock interview in {}{blind}: {} on the clock (seed {seed})",
            language.title(),
            clock_text(whole_secs(allowed), 1)
        )
        .bold()
    );
    let started_at = progress::now();
    let input = spawn_reader();
    let clock = Clock::start(allowed, std::io::stdout().is_terminal());
    let mut rounds: Vec<Round> = Vec::new();
    let mut current = first.clone();
    let ended = loop {
        let round_started = Instant::now();
        println!();
        println!("{}", format!("Round {}: {}", rounds.len() + 1, current.id).bold());
        opening::open(&current, language, seed);
        let clarified = match current.interview.as_ref().filter(|i| !i.clarify.is_empty()) {
            Some(interview) => {
                opening::offer(interview);
                // At the end of input (or of the time) nothing is asked,
                // and the round ends as soon as it starts.
                let chosen = read_choice(&input, &clock, interview.clarify.len()).unwrap_or_default();
                let clarified = opening::clarified(interview, &current, language, &chosen);
                opening::answer(interview, &current, &chosen, &clarified);
                clarified
            }
            None => {
                println!("{}", NO_CLARIFYING.dimmed());
                Clarified::default()
            }
        };
        let previous = rounds.last().map(|r| &r.kata);
        let (path, carried) = carry::start(ws, previous, &current, language)?;
        println!();
        println!("{} {}{}", "Your file:".dimmed(), ws.display(&path), carry::note(carried));
        println!("{} dekata show {}", "The whole prompt:".dimmed(), current.id);
        let coded = round::code(ws, &current, language, seed, &clock, &input, args.blind);
        clock.clear_line();
        let last = match (&coded.end, &coded.last) {
            (RoundEnd::Passed, Some(report)) => report.clone(),
            (_, Some(report)) if args.blind && coded.first.is_some() && coded.end == RoundEnd::Done => report.clone(),
            _ => {
                println!("{}", FINAL_GRADE.dimmed());
                grade_own(ws, &current, language, seed, false)?
            }
        };
        let end = coded.end;
        let passed = last.passed();
        rounds.push(Round {
            kata: current.clone(),
            clarified,
            seconds: round_started.elapsed().as_secs(),
            coded,
            last,
        });
        let next = current
            .follow_ups
            .iter()
            .filter_map(|id| katas.iter().find(|k| &k.id == id))
            .find(|k| k.speaks(language))
            .cloned();
        match (passed, end, next) {
            (true, RoundEnd::Passed | RoundEnd::Done, Some(next)) if !clock.left().is_zero() => {
                println!();
                println!("{}", FOLLOW_UP.green().bold());
                current = next;
            }
            (_, _, Some(next)) => {
                let ask = next.interview.as_ref().map_or(next.title.clone(), |i| i.ask.clone());
                println!();
                println!("{} \u{201c}{ask}\u{201d} ({})", WOULD_HAVE_ASKED.dimmed(), next.id);
                break end;
            }
            (_, _, None) => break end,
        }
    };
    let taken = clock.elapsed();
    print_scorecard(&rounds, taken, allowed, args.blind);
    let record = InterviewRecord {
        started_at,
        seed,
        language,
        minutes: args.minutes,
        blind: args.blind,
        seconds_taken: taken.as_secs(),
        ended: ended.key().to_string(),
        rounds: rounds.iter().map(record_of).collect(),
    };
    interviews::append(ws, record)?;
    Ok(rounds.last().is_some_and(|r| r.last.passed()))
}

/// The opening kata: the one named, else one of the pattern (or any) that
/// has an interview, chosen by the seed.
fn pick(katas: &[Kata], args: &Args, language: Language, seed: u64) -> Result<Kata> {
    if let Some(id) = &args.kata {
        let kata = catalog::find(katas, id)?;
        if !kata.speaks(language) {
            return Err(BadRequest::new(NO_FORM.replace("{kata}", id).replace("{language}", language.title())).into());
        }
        return Ok(kata.clone());
    }
    let of_pattern = |k: &&Kata| args.pattern.as_ref().is_none_or(|p| &k.pattern == p);
    let open: Vec<&Kata> =
        katas.iter().filter(of_pattern).filter(|k| k.speaks(language) && k.interview.is_some()).collect();
    if open.is_empty() {
        let patterns: Vec<&str> = {
            let mut p: Vec<&str> = katas.iter().filter(|k| k.interview.is_some()).map(|k| k.pattern.as_str()).collect();
            p.dedup();
            p
        };
        return Err(BadRequest::new(
            NO_INTERVIEW
                .replace("{pattern}", args.pattern.as_deref().unwrap_or("any"))
                .replace("{patterns}", &patterns.join(", ")),
        )
        .into());
    }
    Ok(open[(harness::rng::mix64(seed) % open.len() as u64) as usize].clone())
}

/// Reads the clarifying choice, asking again after a line that is not one;
/// `None` at the end of input or when the time is up.
fn read_choice(input: &Receiver<Option<String>>, clock: &Clock, count: usize) -> Option<Vec<usize>> {
    loop {
        let left = clock.left();
        if left.is_zero() {
            return None;
        }
        match input.recv_timeout(left.min(Duration::from_secs(1))) {
            Ok(Some(line)) => match opening::parse_choice(&line, count) {
                Ok(chosen) => return Some(chosen),
                Err(word) => {
                    println!("{}", NOT_A_CHOICE.replace("{word}", &word).replace("{count}", &count.to_string()))
                }
            },
            Ok(None) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

fn record_of(round: &Round) -> RoundRecord {
    let cases = round.kata.cases.len();
    let result = |r: &Report| KataResult::new(&round.kata.id, &round.kata.pattern, cases, r);
    let rows = scorecard(&[&round.kata], std::slice::from_ref(&round.last));
    RoundRecord {
        kata: round.kata.id.clone(),
        asked: round.clarified.asked.clone(),
        missed: round.clarified.missed.clone(),
        off_topic: round.clarified.off_topic,
        seconds: round.seconds,
        checks: round.coded.checks,
        first: round.coded.first.as_ref().map(result),
        last: Some(result(&round.last)),
        concerns: rows.iter().map(ConcernResult::from).collect(),
    }
}

fn print_scorecard(rounds: &[Round], taken: Duration, allowed: Duration, blind: bool) {
    let time = format!("{} of {}", clock_text(taken.as_secs(), 1), clock_text(whole_secs(allowed), 1));
    println!();
    println!("{} {}", "Interview scorecard".bold(), format!("\u{00b7} time taken {time}").dimmed());
    for (i, round) in rounds.iter().enumerate() {
        let (passed, total) = round.last.case_counts();
        let mark = if round.last.passed() { "\u{2713}".green() } else { "\u{2717}".red() };
        println!("  {mark} {} {}", format!("Round {}:", i + 1).bold(), round.kata.id);
        let c = &round.clarified;
        let matter = c.asked.len() + c.missed.len();
        if matter == 0 {
            println!("      clarifying questions  {}", "none offered".dimmed());
        } else {
            println!("      clarifying questions  {} of {matter} asked, {} off the point", c.asked.len(), c.off_topic);
        }
        if !c.missed.is_empty() {
            println!("      {}", format!("missed: {}", c.missed.join(", ")).yellow());
        }
        println!("      time                  {}", clock_text(round.seconds, 1));
        let rows = scorecard(&[&round.kata], std::slice::from_ref(&round.last));
        let tested: Vec<_> = rows.iter().filter(|r| r.tested()).collect();
        let concerns_ok = tested.iter().filter(|r| r.all_passed()).count();
        match (&round.coded.first, blind) {
            (Some(first), true) => {
                let (fp, ft) = first.case_counts();
                println!("      cases                 first submission {fp}/{ft}, final {passed}/{total}");
            }
            _ => println!("      cases                 {passed}/{total}"),
        }
        println!("      concerns              {concerns_ok}/{} passed", tested.len());
        let mut quoted: Vec<&String> = Vec::new();
        for q in tested.iter().filter(|r| !r.all_passed()).flat_map(|r| &r.questions) {
            if !quoted.contains(&q) {
                quoted.push(q);
                println!("        {}", format!("\u{201c}{q}\u{201d}").yellow());
            }
        }
    }
    println!();
    println!("{}", format!("Follow-ups reached: {}", rounds.len().saturating_sub(1)).bold());
}

const NO_FORM: &str = "the kata `{kata}` has no {language} form: run `dekata show {kata}` to see its languages";
const NO_INTERVIEW: &str = "no kata of the pattern `{pattern}` opens as an interview yet; patterns that do: {patterns}. \
Or name a kata: `dekata interview <kata>`.";
const NO_CLARIFYING: &str = "This kata has no clarifying questions yet: read its whole prompt before you start.";
const NOT_A_CHOICE: &str = "`{word}` is not a question's number: type numbers from 1 to {count} on one line, \
or an empty line for none.";
const FINAL_GRADE: &str = "Grading the round's answer as it stands:";
const FOLLOW_UP: &str = "It passes. The interviewer leans back: \u{201c}Good. Now a follow-up.\u{201d}";
const WOULD_HAVE_ASKED: &str = "The interviewer's next question would have been:";
