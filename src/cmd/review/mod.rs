//! `dekata review KATA`: code review as a kata. dekata shows a plausible
//! candidate's answer (one of the kata's mutants, in the learner's
//! language); the learner writes the smallest input that breaks it and
//! names the rule of the prompt it breaks.
//!
//! Without `--input` the command shows the answer under review (choosing
//! the next one not yet broken) and remembers it in `.dekata/reviews.json`,
//! with the case it runs as and how many records an input may have: dekata's
//! own shrunk counterexample plus a margin. With `--input FILE --rule RULE`
//! it grades: the file must read as the kata's input, hold at most that
//! many records, make the answer go wrong where the reference does not, and
//! the rule named must be the one the answer breaks.

mod input;
mod outcome;

use crate::catalog::{self, Kata};
use crate::error::BadRequest;
use crate::grading::{self, Quiet, Request};
use crate::judge::Verdict;
use crate::language::Language;
use crate::mutants::{self, Mutant};
use crate::reviews::{self, Shown};
use crate::settings;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use outcome::Outcome;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The kata whose candidate answer you review, e.g. dedupe_latest
    pub kata: String,
    /// Your input that breaks the answer: JSON lines, one record a line, as counterexamples show them
    #[arg(long, value_name = "FILE", requires = "rule")]
    pub input: Option<PathBuf>,
    /// The rule of the prompt the answer breaks: its id, from the list the review shows
    #[arg(long, value_name = "RULE", requires = "input")]
    pub rule: Option<String>,
    /// Review answer N (1 is the first) instead of the next one you have not broken
    #[arg(long, value_name = "N")]
    pub answer: Option<usize>,
    #[command(flatten)]
    pub seed: crate::cmd::shared::Seed,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
    #[command(flatten)]
    pub json: crate::cmd::shared::Json,
}

/// Records an input may have beyond dekata's own counterexample.
const MARGIN: usize = 3;

pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let language = settings::language(ws, args.lang.chosen)?;
    let katas = catalog::load_all(&ws.katas())?;
    let kata = catalog::find(&katas, &args.kata)?;
    if !kata.speaks(language) {
        return Err(BadRequest::new(NO_FORM.replace("{kata}", &kata.id).replace("{language}", language.title())).into());
    }
    let answers = reviewable(kata, language)?;
    if answers.is_empty() {
        return Err(BadRequest::new(NOTHING_TO_REVIEW.replace("{kata}", &kata.id)).into());
    }
    let seed = args.seed.value.unwrap_or(grading::DEFAULT_SEED);
    match (&args.input, &args.rule) {
        (Some(file), Some(rule)) => grade(ws, kata, language, &answers, &args, file, rule, seed),
        _ => show(ws, kata, language, &answers, args.answer, seed),
    }
}

/// The kata's answers a review can show: wrong-answer mutants of a rule.
fn reviewable(kata: &Kata, language: Language) -> Result<Vec<Mutant>> {
    Ok(mutants::load(kata, language)?
        .into_iter()
        .filter(|m| m.expect == Verdict::WrongAnswer && kata.rules.iter().any(|r| r.mutants.contains(&m.name)))
        .collect())
}

/// Answer `n`, counted from 1. Answers are shown by number: a mutant's
/// name says what it gets wrong.
fn numbered<'m>(answers: &'m [Mutant], n: usize, kata: &Kata) -> Result<&'m Mutant> {
    n.checked_sub(1).and_then(|i| answers.get(i)).ok_or_else(|| {
        BadRequest::new(
            UNKNOWN_ANSWER
                .replace("{n}", &n.to_string())
                .replace("{kata}", &kata.id)
                .replace("{count}", &answers.len().to_string()),
        )
        .into()
    })
}

/// The number of the answer a mutant is shown as.
fn number_of(answers: &[Mutant], name: &str) -> usize {
    answers.iter().position(|m| m.name == name).map_or(0, |i| i + 1)
}

fn by_name<'m>(answers: &'m [Mutant], name: &str, kata: &Kata) -> Result<&'m Mutant> {
    answers
        .iter()
        .find(|m| m.name == name)
        .ok_or_else(|| BadRequest::new(SHOW_FIRST.replace("{kata}", &kata.id)).into())
}

/// Grading the answer under review, a trusted file of the kata.
fn request<'a>(ws: &'a Workspace, kata: &'a Kata, answer: &'a Mutant, seed: u64) -> Request<'a> {
    Request {
        ws,
        kata,
        solution: &answer.path,
        shown_as: None,
        seed,
        color: false,
        truth: None,
        counterexamples: false,
        until_caught: false,
    }
}

/// What grading an answer's review needs: the case its first
/// counterexample came from, and that counterexample's size. `None` when
/// dekata finds no small input that breaks it on this seed.
fn prepare(ws: &Workspace, kata: &Kata, answer: &Mutant, seed: u64) -> Result<Option<Shown>> {
    let req = Request { counterexamples: true, until_caught: true, ..request(ws, kata, answer, seed) };
    let report = grading::grade(&req, &mut Quiet)?;
    Ok(report.cases.iter().find_map(|c| {
        let cx = c.counterexample.as_ref()?;
        Some(Shown {
            mutant: answer.name.clone(),
            case: c.name.clone(),
            shrunk_records: cx.len(),
            limit: cx.len() + MARGIN,
        })
    }))
}

fn show(
    ws: &Workspace,
    kata: &Kata,
    language: Language,
    answers: &[Mutant],
    asked: Option<usize>,
    seed: u64,
) -> Result<bool> {
    let state = reviews::load(ws)?;
    let mine = state.of(language).get(&kata.id).cloned().unwrap_or_default();
    let candidates: Vec<&Mutant> = match asked {
        Some(n) => vec![numbered(answers, n, kata)?],
        None => {
            let current = mine.shown.as_ref().filter(|s| !mine.broken.contains(&s.mutant)).map(|s| s.mutant.clone());
            let mut order: Vec<&Mutant> = answers.iter().filter(|m| !mine.broken.contains(&m.name)).collect();
            if let Some(current) = current {
                order.sort_by_key(|m| m.name != current);
            }
            order
        }
    };
    if candidates.is_empty() {
        println!("{}", ALL_BROKEN.replace("{n}", &answers.len().to_string()).replace("{kata}", &kata.id).green());
        return Ok(true);
    }
    for answer in candidates {
        let shown = match mine.shown.as_ref().filter(|s| s.mutant == answer.name) {
            Some(s) => s.clone(),
            None => match prepare(ws, kata, answer, seed)? {
                Some(s) => s,
                None => continue,
            },
        };
        reviews::update(ws, language, &kata.id, |k| k.shown = Some(shown.clone()))?;
        let number = number_of(answers, &answer.name);
        print_review(kata, language, answer, &shown, (number, answers.len()), mine.broken.len(), seed)?;
        return Ok(true);
    }
    Err(BadRequest::new(NOTHING_TO_REVIEW.replace("{kata}", &kata.id)).into())
}

#[allow(clippy::too_many_arguments)]
fn print_review(
    kata: &Kata,
    language: Language,
    answer: &Mutant,
    shown: &Shown,
    (number, total): (usize, usize),
    broken: usize,
    seed: u64,
) -> Result<()> {
    let code = std::fs::read_to_string(&answer.path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", answer.path.display()))?;
    println!("{}", format!("Code review: {} \u{00b7} {} ({})", kata.id, kata.title, language.title()).bold());
    println!("{}", format!("answer {number} of {total}, {broken} broken so far").dimmed());
    println!();
    println!("{}", "The task".bold());
    for line in kata.prompt_in(language).trim().lines() {
        println!("  {line}");
    }
    println!();
    println!("{}", "A candidate's answer. Would you approve it?".bold());
    for line in without_header(&code, language).lines() {
        println!("  {line}");
    }
    println!();
    let case = kata.cases.iter().find(|c| c.name == shown.case);
    if let Some(args) = case.map(|c| &c.args).filter(|a| !a.is_empty()) {
        let args: Vec<String> = args.iter().map(|v| v.to_string()).collect();
        println!(
            "{} {}({})",
            "It is called as".dimmed(),
            kata.entry,
            ["<your input>".to_string()].iter().chain(&args).cloned().collect::<Vec<_>>().join(", ")
        );
    }
    if let Some(job) = case.and_then(|c| c.job.as_ref()) {
        println!("{} {job:?}", JOB_RUN.dimmed());
    }
    println!("{}", "The rules of the prompt".bold());
    for rule in kata.rules.iter().filter(|r| r.applies_to(language)) {
        println!("  {:<34} {}", rule.id.cyan(), rule.text);
    }
    println!();
    if let Some(example) = example_record(kata, language, seed) {
        println!("{} {example}", EXAMPLE_RECORD.dimmed());
    }
    let file = format!("review-{}.jsonl", kata.id);
    println!(
        "{}",
        WRITE_INPUT
            .replace("{limit}", &shown.limit.to_string())
            .replace("{shrunk}", &shown.shrunk_records.to_string())
            .replace("{kata}", &kata.id)
            .replace("{file}", &file)
    );
    Ok(())
}

/// The answer's code without its comments: the header and the author's
/// notes say what it gets wrong.
fn without_header(code: &str, language: Language) -> String {
    let comment = match language {
        Language::Rust => "//",
        Language::Python => "#",
    };
    let body: Vec<&str> = code
        .lines()
        .skip_while(|l| l.starts_with(comment) || l.trim().is_empty())
        .filter(|l| !l.trim_start().starts_with(comment))
        .collect();
    body.join("\n")
}

/// One record of the kata's input, from its first case with records.
fn example_record(kata: &Kata, language: Language, seed: u64) -> Option<String> {
    let case = kata.cases.iter().find(|c| c.events > 0)?;
    let spec = grading::stream_spec(kata, case, seed, language).with_events(case.events.min(5));
    let first = harness::rust_worker::materialise(&spec).into_iter().next()?;
    Some(first.to_value().to_string())
}

#[allow(clippy::too_many_arguments)]
fn grade(
    ws: &Workspace,
    kata: &Kata,
    language: Language,
    answers: &[Mutant],
    args: &Args,
    file: &std::path::Path,
    rule: &str,
    seed: u64,
) -> Result<bool> {
    let state = reviews::load(ws)?;
    let mine = state.of(language).get(&kata.id).cloned().unwrap_or_default();
    let shown = match (&args.answer, mine.shown) {
        (Some(n), Some(shown)) if number_of(answers, &shown.mutant) == *n => shown,
        (Some(n), _) => {
            let answer = numbered(answers, *n, kata)?;
            prepare(ws, kata, answer, seed)?
                .ok_or_else(|| BadRequest::new(NOTHING_TO_REVIEW.replace("{kata}", &kata.id)))?
        }
        (None, Some(shown)) => shown,
        (None, None) => return Err(BadRequest::new(SHOW_FIRST.replace("{kata}", &kata.id)).into()),
    };
    let answer = by_name(answers, &shown.mutant, kata)?;
    if !kata.rules.iter().any(|r| r.id == rule) {
        let ids: Vec<&str> = kata.rules.iter().map(|r| r.id.as_str()).collect();
        return Err(BadRequest::new(
            UNKNOWN_RULE.replace("{rule}", rule).replace("{kata}", &kata.id).replace("{ids}", &ids.join(", ")),
        )
        .into());
    }
    let records = match input::read(file, kata.shape().record_kind(), kata.kind.dataset())? {
        Ok(records) => records,
        Err(bad) => {
            let lines: Vec<String> = bad
                .iter()
                .map(|b| match b.index {
                    Some(i) => format!("  record {}: {}", i + 1, input::describe(&b.problem)),
                    None => format!("  line {}: {}", b.line, input::describe(&b.problem)),
                })
                .collect();
            return Err(BadRequest::new(format!(
                "{}\n{}",
                MALFORMED.replace("{file}", &ws.display(file)).replace("{n}", &bad.len().to_string()),
                lines.join("\n")
            ))
            .into());
        }
    };
    let case = kata
        .cases
        .iter()
        .find(|c| c.name == shown.case)
        .ok_or_else(|| BadRequest::new(SHOW_FIRST.replace("{kata}", &kata.id)))?;
    let breaks: Vec<String> =
        kata.rules.iter().filter(|r| r.mutants.contains(&answer.name)).map(|r| r.id.clone()).collect();
    let count = records.len();
    let ran = if count <= shown.limit {
        Some(grading::run_given(&request(ws, kata, answer, seed), case, records)?)
    } else {
        None
    };
    let number = number_of(answers, &answer.name);
    let outcome = Outcome::new(kata, (number, &answer.about), &shown, count, rule, breaks, ran);
    reviews::update(ws, language, &kata.id, |k| {
        k.attempts += 1;
        k.shown = Some(shown.clone());
        if outcome.passed() && !k.broken.contains(&answer.name) {
            k.broken.push(answer.name.clone());
        }
    })?;
    if args.json.on {
        println!("{}", serde_json::to_string_pretty(&outcome.to_json(language))?);
    } else {
        outcome.print(kata);
    }
    Ok(outcome.passed())
}

const NO_FORM: &str = "the kata `{kata}` has no {language} form: run `dekata show {kata}` to see its languages";
const NOTHING_TO_REVIEW: &str = "the kata `{kata}` has no candidate answer to review in this language \
(a review shows one of its mutants that gives a wrong answer on a small input)";
const UNKNOWN_ANSWER: &str = "the kata `{kata}` has no answer {n} to review: its answers are 1 to {count}";
const UNKNOWN_RULE: &str = "the kata `{kata}` has no rule `{rule}`; name one of: {ids}";
const SHOW_FIRST: &str = "there is no answer under review for `{kata}` yet: run `dekata review {kata}` to see one";
const MALFORMED: &str = "{file}: {n} record(s) are not the kata's input, and nothing was graded:";
const ALL_BROKEN: &str =
    "You have broken all {n} answers of `{kata}`. `dekata review {kata} --answer N` shows one again.";
const EXAMPLE_RECORD: &str = "A record of this kata's input:";
const JOB_RUN: &str = "The job runs as:";
const WRITE_INPUT: &str = "Write the smallest input that breaks this answer into a file, one JSON record a line \
(at most {limit} records: dekata's own counterexample has {shrunk}), then name the rule it breaks:\n  \
dekata review {kata} --input {file} --rule RULE";
