//! `dekata validate`: checks that katas are sound, with the same grading
//! code as `dekata check`. For each kata and each language it has a form
//! in: the reference passes every case on several seeds (in Python: agrees
//! with the Rust reference; a DataFrame kata's PySpark reference agrees with
//! DataFusion's and keeps the plan rules), the starter loads and is not
//! implemented, every mutant gets exactly its declared verdict; and every
//! case either kills a Rust mutant or says why it exists.

use super::pool;
use crate::catalog::{self, Kata};
use crate::grading::{self, Quiet, Request, Warm};
use crate::language::Language;
use crate::mutants;
use crate::render;
use crate::report::{CaseReport, Overall, Report, Verdict};
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use std::collections::BTreeMap;
use std::path::Path;

/// Seeds the reference must pass on.
pub const SEEDS: [u64; 3] = [grading::DEFAULT_SEED, 1, 2];

#[derive(clap::Args)]
pub struct Args {
    /// Kata ids (default: every kata)
    pub katas: Vec<String>,
    /// Katas validated at once (default: the number of cores)
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Validate only this language's form of each kata (rust or python)
    #[arg(long, value_name = "LANG", value_parser = crate::language::parse_arg)]
    pub lang: Option<Language>,
}

pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let languages: Vec<Language> = match args.lang {
        Some(l) => vec![l],
        None => Language::ALL.to_vec(),
    };
    let all = catalog::load_all(&ws.katas())?;
    let chosen: Vec<&Kata> =
        if args.katas.is_empty() { all.iter().collect() } else { catalog::select(&all, &args.katas)? };
    let ids: Vec<&str> = all.iter().map(|k| k.id.as_str()).collect();
    // Each form of a kata is validated on its own thread: a kata's slow
    // Python form does not hold back the next kata's Rust one.
    let forms: Vec<(usize, Language)> = chosen
        .iter()
        .enumerate()
        .flat_map(|(i, kata)| {
            languages.iter().filter(|l| **l == Language::Rust || kata.speaks(**l)).map(move |l| (i, *l))
        })
        .collect();
    let mut failed = 0;
    let mut errors = Vec::new();
    // Each kata's log is printed in catalogue order, once all its forms are.
    let mut wanted = vec![0; chosen.len()];
    for (kata, _) in &forms {
        wanted[*kata] += 1;
    }
    let mut heard: Vec<Vec<(usize, Result<Log, String>)>> = chosen.iter().map(|_| Vec::new()).collect();
    let mut shown = 0;
    let mut print_ready = |heard: &mut Vec<Vec<(usize, Result<Log, String>)>>| {
        while shown < chosen.len() && heard[shown].len() == wanted[shown] {
            let mut logs = std::mem::take(&mut heard[shown]);
            logs.sort_by_key(|(i, _)| *i);
            let (log, error) = kata_log(ws, chosen[shown], &ids, logs.into_iter().map(|(_, l)| l).collect());
            print!("{}", log.text);
            println!();
            if !log.good {
                failed += 1;
            }
            if let Some(e) = error {
                errors.push(format!("{}: {e}", chosen[shown].id));
            }
            shown += 1;
        }
    };
    let logs = pool::run(
        &forms,
        pool::jobs(args.jobs),
        |(kata, language)| validate_form(ws, chosen[*kata], *language).map_err(|e| format!("{e:#}")),
        |i, log| {
            heard[forms[i].0].push((i, log.clone()));
            print_ready(&mut heard);
        },
    );
    print_ready(&mut heard);
    for ((kata, _), log) in forms.iter().zip(&logs) {
        if log.is_none() {
            errors.push(format!("{}: validating it panicked", chosen[*kata].id));
        }
    }
    if let Some(first) = errors.first() {
        return Err(crate::error::Internal::new(first.clone()).into());
    }
    let line = format!("{} of {} katas valid.", chosen.len() - failed, chosen.len());
    println!("{}", if failed == 0 { line.green().bold() } else { line.red().bold() });
    Ok(failed == 0)
}

/// What validating one kata, or one of its forms, found, kept until it is
/// printed.
#[derive(Clone)]
struct Log {
    text: String,
    good: bool,
}

impl Log {
    fn ok(&mut self, text: &str) {
        self.text.push_str(&format!("  {} {text}\n", "\u{2713}".green()));
    }

    fn bad(&mut self, text: &str) {
        self.good = false;
        for (i, line) in render::wrap(text, 96).iter().enumerate() {
            let mark = if i == 0 { format!("{} ", "\u{2717}".red()) } else { "  ".to_string() };
            self.text.push_str(&format!("  {mark}{line}\n"));
        }
    }
}

fn grade_file(ws: &Workspace, kata: &Kata, file: &Path, seed: u64, warm: &mut Warm) -> Result<Report> {
    grade_against(ws, kata, file, seed, None, false, warm)
}

/// A mutant is graded until its first failing case: whether it is caught,
/// and with which verdict, is all a rule needs. The cases no mutant was
/// first caught on are then proven one by one (`prove_cases`).
fn grade_mutant(ws: &Workspace, kata: &Kata, file: &Path, seed: u64, warm: &mut Warm) -> Result<Report> {
    grade_against(ws, kata, file, seed, None, true, warm)
}

/// Grades `file` against the reference of `truth` (`None`: the kata's usual
/// truth). Only verdicts matter here, so failures are not shrunk; the
/// kata's files share their workers (`warm`): a PySpark kata starts one
/// JVM for its learner side, not one per file.
fn grade_against(
    ws: &Workspace,
    kata: &Kata,
    file: &Path,
    seed: u64,
    truth: Option<Language>,
    until_caught: bool,
    warm: &mut Warm,
) -> Result<Report> {
    let req = Request {
        ws,
        kata,
        solution: file,
        shown_as: None,
        seed,
        color: false,
        truth,
        counterexamples: false,
        until_caught,
    };
    grading::grade_warm(&req, &mut Quiet, Some(warm))
}

/// One kata's log: what its kata.toml says, then each form's log (`forms`,
/// in order), and the first error that stopped a form.
fn kata_log(ws: &Workspace, kata: &Kata, catalogue: &[&str], forms: Vec<Result<Log, String>>) -> (Log, Option<String>) {
    let mut log =
        Log { text: format!("{} {}\n", kata.id.bold(), format!("({})", ws.display(&kata.dir)).dimmed()), good: true };

    if kata.prompt.trim().is_empty() {
        log.bad("the prompt is empty");
    }
    if kata.hints.iter().all(|h| h.trim().is_empty()) {
        log.bad("the kata has no hints");
    }
    if !kata.speaks(Language::Rust) {
        log.bad("starter.rs and reference.rs must both exist");
    }
    // A kata copied out of its catalogue keeps working (an interview skips
    // a follow-up it cannot find); its author hears of it here.
    for missing in kata.follow_ups.iter().filter(|f| !catalogue.contains(&f.as_str())) {
        log.bad(&UNKNOWN_FOLLOW_UP.replace("{kata}", missing));
    }
    let python = match &kata.python.prompt {
        Some(p) => format!(", Python prompt of {} words", p.split_whitespace().count()),
        None => String::new(),
    };
    log.ok(&format!(
        "kata.toml: {} cases, {} hints, prompt of {} words{python}",
        kata.cases.len(),
        kata.hints.len(),
        kata.prompt.split_whitespace().count()
    ));
    let mut error = None;
    for form in forms {
        match form {
            Ok(form) => {
                log.text.push_str(&form.text);
                log.good &= form.good;
            }
            Err(e) => {
                log.bad(&e);
                error.get_or_insert(e);
            }
        }
    }
    if log.good {
        log.text.push_str(&format!("  {}\n", "valid".green().bold()));
    }
    (log, error)
}

/// Every rule of the prompt has a mutant in `language` that breaks it
/// (whether the streams catch that mutant is checked with the mutants).
fn check_rules(kata: &Kata, language: Language, mutants: &[mutants::Mutant], log: &mut Log) {
    let lang = language.title();
    if kata.rules.is_empty() {
        log.bad(NO_RULES);
        return;
    }
    let mut covered = 0;
    let ours_to_break: Vec<_> = kata.rules.iter().filter(|r| r.applies_to(language)).collect();
    for rule in ours_to_break.iter().copied() {
        let exists = |stem: &String| {
            Language::ALL.iter().any(|l| kata.mutants_dir().join(format!("{stem}.{}", l.extension())).is_file())
        };
        // A kata with a form in every language has each stem in one of them
        // at least (a Rust-only kata lacks the Python-only ones).
        let whole = Language::ALL.iter().all(|l| kata.speaks(*l) || !rule.applies_to(*l));
        if let Some(missing) = rule.mutants.iter().find(|m| whole && !exists(m)) {
            log.bad(&format!("rule `{}`: there is no mutant `{missing}` under mutants/", rule.id));
        }
        let ours: Vec<&str> =
            mutants.iter().filter(|m| rule.mutants.contains(&m.name)).map(|m| m.name.as_str()).collect();
        if ours.is_empty() {
            log.bad(&format!(
                "rule `{}` has no {lang} mutant: write one that breaks it alone, and list it in the rule's `mutants` ({})",
                rule.id, rule.text
            ));
        } else {
            covered += 1;
        }
    }
    if covered == ours_to_break.len() {
        let others = kata.rules.len() - covered;
        let others =
            if others > 0 { format!(" ({others} more that only another language can break)") } else { String::new() };
        log.ok(&format!("{lang}: each of the {covered} rules is broken by a mutant of its own{others}"));
    }
}

/// The kata's form in one language: its reference agrees with the truth on
/// every case and seed, its starter is not implemented, and its mutants get
/// their verdicts. Every case must catch a Rust mutant or say why it exists.
fn validate_form(ws: &Workspace, kata: &Kata, language: Language) -> Result<Log> {
    let mut log = Log { text: String::new(), good: true };
    check_form(ws, kata, language, &mut log)?;
    Ok(log)
}

fn check_form(ws: &Workspace, kata: &Kata, language: Language, log: &mut Log) -> Result<()> {
    let lang = language.title();
    let mut warm = Warm::default();
    if language == Language::Python && kata.python.prompt.is_none() {
        log.bad("the kata has a Python form but no `[python] prompt`: write the prompt in Python's terms (its signature, dicts, PySpark)");
    }
    // Every reference is held against the Rust one: a DataFrame kata's
    // PySpark reference (the truth for Python learners) against DataFusion's.
    for seed in SEEDS {
        let r = grade_against(ws, kata, &kata.reference(language), seed, Some(Language::Rust), false, &mut warm)?;
        match r.verdict {
            Overall::Pass => {}
            Overall::CompileError => log.bad(&format!("the {lang} reference does not load:\n{}", r.compile.stderr)),
            Overall::Fail => {
                for c in r.cases.iter().filter(|c| c.verdict != Verdict::Pass) {
                    log.bad(&format!(
                        "the {lang} reference fails case `{}` with seed {seed}: {}: {}",
                        c.name,
                        c.verdict.name(),
                        c.message
                    ));
                }
            }
        }
    }
    let agrees = match language {
        Language::Rust => "",
        Language::Python if kata.needs_engine() => ", agreeing with the DataFusion reference",
        Language::Python => ", agreeing with the Rust reference",
    };
    log.ok(&format!("{lang} reference passes on seeds {}{agrees}", SEEDS.map(|s| s.to_string()).join(", ")));

    let starter = grade_file(ws, kata, &kata.starter(language), grading::DEFAULT_SEED, &mut warm)?;
    if starter.verdict == Overall::CompileError {
        log.bad(&format!("the {lang} starter does not load:\n{}", starter.compile.stderr));
    } else if let Some(c) = starter.cases.iter().find(|c| c.verdict != Verdict::NotImplemented) {
        log.bad(&format!(
            "the {lang} starter gets {} on case `{}` instead of not_implemented",
            c.verdict.name(),
            c.name
        ));
    } else {
        log.ok(&format!("{lang} starter loads and is not implemented on every case"));
    }

    let mutants = mutants::load(kata, language)?;
    let needed = if language == Language::Rust { 1 } else { 2 };
    if mutants.len() < needed {
        log.bad(&format!(
            "{} {lang} mutant(s): add known-wrong solutions under mutants/ (at least {needed})",
            mutants.len()
        ));
    }
    let mut kills: BTreeMap<&str, Vec<String>> = kata.cases.iter().map(|c| (c.name.as_str(), Vec::new())).collect();
    for m in &mutants {
        let ruled = kata.rules.iter().any(|r| r.mutants.contains(&m.name));
        // A mutant that breaks one of the prompt's rules must be caught on
        // every seed: a rule that only one seed's streams exercise is a
        // rule a wrong answer can pass.
        let seeds: &[u64] = if ruled { &SEEDS } else { &SEEDS[..1] };
        let mut good = true;
        let mut caught_on = Vec::new();
        for &seed in seeds {
            let r = if caught_on.is_empty() {
                grade_mutant(ws, kata, &m.path, seed, &mut warm)?
            } else {
                grade_mutant(ws, &first_these(kata, &caught_on), &m.path, seed, &mut warm)?
            };
            if r.verdict == Overall::CompileError {
                log.bad(&format!("{lang} mutant {} does not load:\n{}", m.name, r.compile.stderr));
                good = false;
                break;
            }
            let verdicts = r.failing_verdicts();
            let killers: Vec<&str> =
                r.cases.iter().filter(|c| c.verdict != Verdict::Pass).map(|c| c.name.as_str()).collect();
            if seed == grading::DEFAULT_SEED {
                for c in &killers {
                    if let Some(list) = kills.get_mut(*c) {
                        list.push(m.name.clone());
                    }
                }
                caught_on = killers.iter().map(|k| k.to_string()).collect();
            }
            if verdicts.is_empty() {
                log.bad(&format!(
                    "{lang} mutant {} passes every case with seed {seed}; it should get {} ({})",
                    m.name,
                    m.expect.name(),
                    m.about
                ));
                good = false;
            } else if let Some(got) = stray_verdicts(m, &r) {
                log.bad(&wrong_verdicts(lang, m, seed, &got));
                good = false;
            }
        }
        if good {
            let seeds_said = if ruled {
                format!(" (seeds {})", seeds.iter().map(u64::to_string).collect::<Vec<_>>().join(", "))
            } else {
                String::new()
            };
            log.ok(&format!("{lang} mutant {}: {} on {}{seeds_said}", m.name, m.expect.name(), caught_on.join(", ")));
        }
    }
    check_rules(kata, language, &mutants, log);
    if language != Language::Rust {
        return Ok(());
    }
    prove_cases(ws, kata, &mutants, &mut kills, &mut warm, log)?;
    for case in &kata.cases {
        let killed = &kills[case.name.as_str()];
        if killed.is_empty() && case.why.is_none() {
            log.bad(&format!(
                "case `{}` kills no mutant and does not say why it exists: add a mutant it catches, or a `why`",
                case.name
            ));
        }
    }
    Ok(())
}

/// Every case must catch a Rust mutant on the default seed, or say why it
/// exists. A case no mutant was first caught on is run alone against each
/// mutant in turn, until one fails it (with the mutant's own verdict), so a
/// mutant runs a big case only when no other proves it.
fn prove_cases(
    ws: &Workspace,
    kata: &Kata,
    mutants: &[mutants::Mutant],
    kills: &mut BTreeMap<&str, Vec<String>>,
    warm: &mut Warm,
    log: &mut Log,
) -> Result<()> {
    let mut rest = kata.clone();
    rest.cases.retain(|c| c.why.is_none() && kills[c.name.as_str()].is_empty());
    for m in mutants {
        if rest.cases.is_empty() {
            break;
        }
        let r = grade_against(ws, &rest, &m.path, grading::DEFAULT_SEED, None, false, warm)?;
        if r.verdict == Overall::CompileError {
            continue;
        }
        if let Some(got) = stray_verdicts(m, &r) {
            log.bad(&wrong_verdicts(Language::Rust.title(), m, grading::DEFAULT_SEED, &got));
        }
        for c in r.cases.iter().filter(|c| c.verdict != Verdict::Pass) {
            if let Some(list) = kills.get_mut(c.name.as_str()) {
                list.push(m.name.clone());
            }
        }
        rest.cases.retain(|c| kills[c.name.as_str()].is_empty());
    }
    Ok(())
}

/// `kata` with the cases named in `first` moved to the front: on the next
/// seeds a mutant is graded first on the cases that caught it on the first,
/// which most likely catch it again. Whether it is caught does not depend on
/// the order, and each case's stream is seeded by its name, not its place.
fn first_these(kata: &Kata, first: &[String]) -> Kata {
    let mut ordered = kata.clone();
    ordered.cases.sort_by_key(|c| !first.contains(&c.name));
    ordered
}

/// A mutant's failing cases, as "verdict on case", when any of them got a
/// verdict other than the mutant's own.
fn stray_verdicts(m: &mutants::Mutant, r: &Report) -> Option<String> {
    let failing: Vec<&CaseReport> = r.cases.iter().filter(|c| c.verdict != Verdict::Pass).collect();
    failing
        .iter()
        .any(|c| c.verdict != m.expect)
        .then(|| failing.iter().map(|c| format!("{} on {}", c.verdict.name(), c.name)).collect::<Vec<_>>().join("; "))
}

fn wrong_verdicts(lang: &str, m: &mutants::Mutant, seed: u64, got: &str) -> String {
    format!("{lang} mutant {} should get only {} with seed {seed}, got {got} ({})", m.name, m.expect.name(), m.about)
}

const NO_RULES: &str = "the kata lists no [[rules]]: give each rule of the prompt an id, its text, the \
interviewer's question, and the mutants that break it (see katas/README.md)";

const UNKNOWN_FOLLOW_UP: &str = "follow_ups names `{kata}`, which is not a kata of this catalogue";
