//! Grading one solution of one kata: build it, run every case on its worker
//! beside the reference's results, judge, shrink failures, and assemble the
//! report.
//!
//! - `side`: one side's worker, started when needed and again after it dies;
//! - `run`: one case's requests (generated or fed input) and measures;
//! - `reference`: the reference's results, cached;
//! - `shrink`: the counterexample search, driven from here;
//! - `cache`: where reference results are kept;
//! - `seed`: the default seed and fresh ones.

mod asked;
mod cache;
mod given;
mod on_engine;
mod reference;
mod request;
mod rule_match;
mod run;
mod seed;
mod shrink;
mod side;

use crate::catalog::{Case, Kata};
use crate::compile::{self, Compiled};
use crate::error::BadRequest;
use crate::judge::{self, Against, Judged};
use crate::language::Language;
use crate::process::confine::Sandbox;
use crate::report::{CaseReport, Report};
use anyhow::Result;
pub use asked::stream_spec;
use asked::{STARTUP, ask, limits};
pub use given::{Did, GivenRun, run_given};
use reference::References;
pub use request::Request;
pub use seed::{DEFAULT_SEED, fresh_seed};
use side::Side;
use std::path::Path;
use std::time::Duration;

/// The wall clock of a run, as a multiple of its CPU limit (plus a second).
const WALL_FACTOR: u64 = 3;
/// A run is stopped once its CPU time reaches this multiple of its limit.
const CPU_STOP_FACTOR: u64 = 2;
/// How many cases' runs are begun at once, where runs can be (PySpark on
/// dekata's engine, which judges them side by side): the engine's opening
/// of a case's session, the worker's building of its plan and the engine's
/// judgements then overlap. A grading that stops at the first failure
/// (`validate`'s mutants) begins only the case at hand: a mutant is most
/// often caught on the first case it is graded on, and every case begun
/// beyond it would be judged for nothing (with one more begun, a kata's
/// PySpark validation cost the engine twice the CPU). `validate` keeps the
/// engine busy by grading two forms at once instead.
const AHEAD: usize = 4;
const AHEAD_UNTIL_CAUGHT: usize = 1;
/// Hears about progress while a kata is graded.
pub trait Observer {
    fn compiled(&mut self, _seconds: f64) {}
    fn case_done(&mut self, _case: &CaseReport) {}
}

/// An observer that hears nothing.
pub struct Quiet;
impl Observer for Quiet {}

/// Workers kept between checks of one kata (`watch`): a Python worker, and
/// with it a PySpark session, loads each new text of the solution instead
/// of starting again. Checks of another kata or language start afresh.
#[derive(Default)]
pub struct Warm {
    of: Option<(String, Language)>,
    learner: Option<Side>,
    references: reference::Kept,
}

impl Warm {
    /// What is kept for `kata` in `language` (nothing for another).
    fn take(&mut self, kata: &Kata, language: Language) -> (Option<Side>, reference::Kept) {
        let ours = self.of.as_ref().is_some_and(|(id, l)| id == &kata.id && *l == language);
        let learner = self.learner.take();
        let references = std::mem::take(&mut self.references);
        if ours { (learner, references) } else { (None, reference::Kept::default()) }
    }
}

pub fn grade(req: &Request<'_>, observer: &mut dyn Observer) -> Result<Report> {
    grade_warm(req, observer, None)
}

/// Grades as [`grade`] does, reusing and then keeping `warm`'s workers.
pub fn grade_warm(req: &Request<'_>, observer: &mut dyn Observer, mut warm: Option<&mut Warm>) -> Result<Report> {
    let language = Language::of(req.solution);
    if !req.kata.speaks(language) {
        return Err(
            BadRequest::new(NO_FORM.replace("{kata}", &req.kata.id).replace("{language}", language.title())).into()
        );
    }
    let program = match compile::learner(req.ws, req.kata, req.solution, req.shown_as, req.color)? {
        Compiled::Rejected { stderr } => return Ok(Report::compile_error(&req.kata.id, language, req.seed, stderr)),
        Compiled::Built { program, seconds } => {
            observer.compiled(seconds);
            program
        }
    };
    let (kept_learner, kept_references) = match warm.as_deref_mut() {
        Some(w) => w.take(req.kata, language),
        None => (None, reference::Kept::default()),
    };
    let mut learner = match kept_learner {
        Some(mut side) => {
            side.reload(program)?;
            side
        }
        None => Side::new(program, limits(req.kata), STARTUP),
    };
    let mut references = References::new(req, language, kept_references);
    let keep = |warm: Option<&mut Warm>, learner: Side, references: References<'_>| match warm {
        Some(w) => {
            w.of = Some((req.kata.id.clone(), language));
            w.learner = Some(learner);
            w.references = references.into_kept();
        }
        None => drop((learner, references)),
    };
    if let Some(error) = learner.load_error()? {
        keep(warm, learner, references);
        return Ok(Report::compile_error(&req.kata.id, language, req.seed, error));
    }
    let named = Named::of(req);
    let reference_itself = is_reference(req, language);
    let mut rule_mutants = rule_match::RuleMutants::new(req.ws, req.kata, language)?;
    let mut cases = Vec::new();
    let ahead = if !learner.judges_ahead() || reference_itself {
        0
    } else if req.until_caught {
        AHEAD_UNTIL_CAUGHT
    } else {
        AHEAD
    };
    for (i, case) in req.kata.cases.iter().enumerate() {
        // This case's run and the next ones begun now: the engine judges
        // them while the worker builds the next one's plan.
        if ahead > 0 {
            for case in req.kata.cases.iter().skip(i).take(ahead) {
                begin_ahead(req, language, &mut learner, &mut references, case)?;
            }
        }
        let budget = shrink::budget_for_check(req.kata, language, cases.iter().any(CaseReport::has_counterexample));
        let sides = Sides { learner: &mut learner, references: &mut references, rule_mutants: &mut rule_mutants };
        let report = grade_case(req, language, sides, case, &named, budget, reference_itself)?;
        observer.case_done(&report);
        let caught = report.verdict != judge::Verdict::Pass;
        cases.push(report);
        if caught && req.until_caught {
            break;
        }
    }
    let (sandbox, processes) = (learner.sandbox.clone(), learner.processes);
    keep(warm, learner, references);
    let mut report = Report::new(&req.kata.id, language, req.seed, cases);
    let files = match sandbox {
        Some(Sandbox::Unavailable(why)) => Some(why),
        _ => None,
    };
    report.sandbox = crate::report::sandbox_line(files, processes);
    Ok(report)
}

/// The workers a case is run on: the learner's, the references', and the
/// rule mutants' that name the rule a failure breaks.
struct Sides<'s, 'a> {
    learner: &'s mut Side,
    references: &'s mut References<'a>,
    rule_mutants: &'s mut rule_match::RuleMutants<'a>,
}

fn grade_case(
    req: &Request<'_>,
    language: Language,
    sides: Sides<'_, '_>,
    case: &Case,
    named: &Named,
    budget: harness::shrink::Budget,
    reference_itself: bool,
) -> Result<CaseReport> {
    let kata = req.kata;
    let Sides { learner, references, rule_mutants } = sides;
    let Planned { expected, baseline, time_limit, stream, ask, clock } = plan_case(req, language, references, case)?;
    let end = if reference_itself {
        crate::results::Observed::Measured((*baseline).clone())
    } else {
        run::run_case(learner, &stream, case.memory.as_ref().map(|m| m.scale), &ask, clock)?
    };
    let root = req.ws.root.display().to_string();
    let against = Against {
        reference: &expected,
        baseline: &baseline,
        time_limit_ms: time_limit,
        language,
        solution: &named.shown,
        copy_of: named.copy_of.as_ref().map(|(copy, original)| (copy.as_str(), original.as_str())),
        root: &root,
    };
    let mut judged: Judged = judge::judge(case, kata, &against, &end);
    if judge::worth_retiming(&judged) {
        let now = references.retime(case, language)?;
        judge::retimed(&mut judged, &kata.limits_in(language), &now);
    }
    let counterexample = match judged.shrink.filter(|_| req.counterexamples) {
        Some(target) => {
            shrink::counterexample(learner, references.side()?, &stream, &ask, &kata.compare, target, clock, budget)?
        }
        None => None,
    };
    if let Some((cx, _)) = &counterexample {
        let (cause, question) = judge::explain::explain(kata, cx);
        judged.cause = cause;
        // The counterexample's own question, unless the judge already
        // chose a more specific one (the grain, the plan).
        if let Some(q) = question.filter(|_| judged.question_from == judge::QuestionFrom::Case) {
            judged.set_question(q, judge::QuestionFrom::Counterexample);
        }
    }
    // The rule of the prompt the failure breaks asks its own question.
    let broken = match &counterexample {
        Some((cx, records)) => rule_mutants.on_counterexample(cx, records, &ask, &kata.compare, clock)?,
        None if judged.verdict != judge::Verdict::Pass => rule_mutants.by_verdict(judged.verdict),
        None => None,
    };
    if let Some(rule) = broken {
        judged.breaks(rule);
    }
    Ok(CaseReport::new(judged, counterexample.map(|(cx, _)| cx)))
}

/// What a case's learner run is asked, beside the reference's results it
/// is judged against.
struct Planned {
    expected: std::sync::Arc<crate::results::Measured>,
    baseline: std::sync::Arc<crate::results::Measured>,
    time_limit: u64,
    stream: harness::streams::StreamSpec,
    ask: run::Ask,
    clock: crate::worker::Clock,
}

fn plan_case(req: &Request<'_>, language: Language, references: &mut References<'_>, case: &Case) -> Result<Planned> {
    let kata = req.kata;
    let expected = references.expected(case, language)?;
    let baseline = references.baseline(case, language)?;
    let time_limit = judge::case_time_limit_ms(&kata.limits_in(language), &baseline);
    let stream = stream_spec(kata, case, req.seed, language);
    let mut ask = ask(kata, case);
    ask.state_limit_bytes = state_limit(kata, &expected);
    // The wall clock is only a backstop for code that sleeps or blocks:
    // limits are judged on CPU time, and a busy machine slows the wall.
    // A run that has used twice its CPU limit is stopped there: it cannot
    // pass, even if the reference, timed again, turns out slower.
    let clock = crate::worker::Clock {
        wall: Duration::from_millis(time_limit * WALL_FACTOR + 1_000),
        cpu: Some(Duration::from_millis(time_limit * CPU_STOP_FACTOR)),
    };
    Ok(Planned { expected, baseline, time_limit, stream, ask, clock })
}

/// Begins `case`'s learner run ahead of its turn, as `run::run_case` would
/// make it: the run `grade_case` then makes takes its result. A memory
/// case and a resumable one are left to their turn.
fn begin_ahead(
    req: &Request<'_>,
    language: Language,
    learner: &mut Side,
    references: &mut References<'_>,
    case: &Case,
) -> Result<()> {
    if case.memory.is_some() {
        return Ok(());
    }
    let Planned { stream, ask, clock, .. } = plan_case(req, language, references, case)?;
    if ask.resumable {
        return Ok(());
    }
    let generates = learner.generates()?;
    let (request, feed) = run::request(&run::Records::Stream(stream), &ask, generates);
    learner.submit(request, feed, clock)
}

/// Whether the solution graded is the kata's own reference in its language
/// (`validate` holds each reference against the truth): its run on a case
/// is the baseline run the limits are measured on, the same program on the
/// same stream, so it is judged from that run instead of running twice.
/// Only the kata's file itself: a copy of it in `solutions/` runs as any
/// learner's file does.
fn is_reference(req: &Request<'_>, language: Language) -> bool {
    let real = |p: &Path| std::fs::canonicalize(p).ok();
    real(req.solution).is_some_and(|file| Some(file) == real(&req.kata.reference(language)))
}

/// How reports name the solution: as the learner's file, also where a
/// fact (a panic's location) names the private copy that ran instead.
struct Named {
    shown: String,
    /// (the private copy, the learner's file), both absolute.
    copy_of: Option<(String, String)>,
}

impl Named {
    fn of(req: &Request<'_>) -> Named {
        let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()).display().to_string();
        Named {
            shown: req.ws.display(req.shown_as.unwrap_or(req.solution)),
            copy_of: req.shown_as.map(|original| (absolute(req.solution), absolute(original))),
        }
    }
}

/// A resumable case's limit on the checkpointed state: a multiple of the
/// reference's largest checkpoint.
fn state_limit(kata: &Kata, expected: &crate::results::Measured) -> Option<u64> {
    let state = &expected.output.as_ref()?.state;
    (state.checkpoints > 0).then(|| judge::state_limit(&kata.limits, state.largest_bytes))
}

const NO_FORM: &str = "the kata `{kata}` has no {language} form: run `dekata show {kata}` to see the \
languages it is graded in";
