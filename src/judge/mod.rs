//! Turning what a case's run gave into a verdict and the facts behind it:
//! which rule broke, with the numbers. Pure: no processes, no files, and no
//! sentences: `report` words the facts.
//!
//! - `plan`: a DataFrame kata's executed plan held against its rules;
//! - `explain`: what a shrunk counterexample shows (a fan-out, a lost
//!   match, a tie, a null) and the question it puts.

pub mod explain;
mod facts;
pub mod join_cause;
mod limits;
pub mod plan;

pub use facts::*;
pub use limits::*;

use crate::catalog::{Case, Kata, Limits, Question, Unit};
use crate::concern::Concern;
use crate::language::Language;
use crate::process::death::{Death, Exit};
use crate::results::{Measured, Observed};
use harness::compare::{grain_violation, outputs_agree, sort_canonical};
use harness::protocol::{CompareSpec, Outcome};

/// What a case is judged on beside the learner's run.
pub struct Against<'a> {
    /// The reference whose output is the truth.
    pub reference: &'a Measured,
    /// The reference whose time and heap set the limits (in the learner's
    /// language).
    pub baseline: &'a Measured,
    /// The CPU time the case allows, from the baseline
    /// ([`case_time_limit_ms`]): computed once, for the run's clock and
    /// for the judge.
    pub time_limit_ms: u64,
    pub language: Language,
    pub solution: &'a str,
    /// When the program ran from a private copy of the learner's file:
    /// (the copy, the file), absolute; facts name the file.
    pub copy_of: Option<(&'a str, &'a str)>,
    /// The project's root, which paths in facts are given relative to.
    pub root: &'a str,
}

pub fn judge(case: &Case, kata: &Kata, against: &Against<'_>, learner: &Observed) -> Judged {
    let (limits, compare) = (&kata.limits_in(against.language), &kata.compare);
    let (reference, baseline) = (against.reference, against.baseline);
    let time_limit = against.time_limit_ms;
    let memory_limit = case.memory.as_ref().map(|_| memory_limit(limits, baseline.measure.peak_heap_bytes));
    let resident_limit = case
        .memory
        .as_ref()
        .and(baseline.measure.peak_resident_bytes)
        .map(|reference| self::memory_limit(limits, reference));
    let unit = kata.unit();
    let mut j = Judged {
        name: case.name.clone(),
        families: case.families.clone(),
        verdict: Verdict::Pass,
        finding: Finding::Passed,
        memory: None,
        question: case.question.clone(),
        question_from: QuestionFrom::Case,
        kata_rule: None,
        measures: Measures {
            events: reference.measure.events,
            reference_elapsed_ms: baseline.measure.elapsed_us / 1000,
            reference_cpu_ms: baseline.measure.cpu_us / 1000,
            reference_peak_heap_bytes: baseline.measure.peak_heap_bytes,
            time_limit_ms: time_limit,
            peak_heap_limit_bytes: memory_limit,
            reference_peak_resident_bytes: resident_limit.and(baseline.measure.peak_resident_bytes),
            peak_resident_limit_bytes: resident_limit,
            ..Measures::default()
        },
        shrink: None,
        unit,
        counterexample_unit: if kata.needs_engine() { Unit::Rows } else { unit },
        plan: None,
        cause: None,
        language: against.language,
        solution: against.solution.to_string(),
        job: case.job.clone().map(|spec| (spec, harness::jobs::utc_day(case.params.start_ts))),
    };
    let run = match learner {
        Observed::Measured(m) => m,
        Observed::Died(death) => {
            let died = died(death, limits);
            j.verdict = match died {
                Died::TimedOut { .. } | Died::CpuLimit => Verdict::TimeExceeded,
                Died::HardCap { .. } | Died::EngineHeap { .. } => Verdict::MemoryExceeded,
                _ => Verdict::Crashed,
            };
            if j.verdict == Verdict::MemoryExceeded {
                j.set_question(Question::of(Concern::Memory), QuestionFrom::Finding);
            }
            j.finding = Finding::Died(died);
            return j;
        }
    };
    j.measures.elapsed_ms = run.measure.elapsed_us / 1000;
    j.measures.cpu_ms = run.measure.cpu_us / 1000;
    j.measures.peak_heap_bytes = run.measure.peak_heap_bytes;
    j.measures.peak_resident_bytes = resident_limit.and(run.measure.peak_resident_bytes);
    j.plan = run.output.as_ref().and_then(|o| o.plan.clone());

    match &run.outcome {
        Outcome::Returned => {}
        Outcome::NotImplemented { .. } => {
            (j.verdict, j.finding) = (Verdict::NotImplemented, Finding::NotImplemented);
            return j;
        }
        Outcome::Panicked { message, location } => {
            // A DataFrame query's error is raised by the engine side of the
            // worker: where in dekata's code says nothing to the learner.
            let ours = location.contains("grader-df/") || location.is_empty();
            let location = (!ours).then(|| relative(location, against));
            (j.verdict, j.finding) = (Verdict::Panicked, Finding::Panicked { message: message.clone(), location });
            j.shrink = Some(ShrinkTarget::Panic);
            return j;
        }
        Outcome::Forbidden { action, target } => {
            j.verdict = Verdict::Panicked;
            j.finding = Finding::Forbidden { action: action.clone(), target: relative(target, against) };
            return j;
        }
        Outcome::Exited { code } => {
            (j.verdict, j.finding) = (Verdict::Crashed, Finding::Exited { code: code.clone() });
            return j;
        }
    }

    let memory = memory_limit.and_then(|_| memory_problem(case, limits, baseline, run));
    // A state stopped for outgrowing the case gave no whole output to
    // compare: its growth is the finding.
    if let Some(memory) = memory.as_ref().filter(|m| m.state.as_ref().is_some_and(|s| s.stopped_after.is_some())) {
        j.set_question(Question::of(Concern::Memory), QuestionFrom::Finding);
        (j.verdict, j.finding) = (Verdict::MemoryExceeded, Finding::Memory(memory.clone()));
        return j;
    }

    // A parse of loose rows accounts for each: kept, or quarantined.
    let one_per_row = kata.shape().record_kind() == harness::streams::RecordKind::Rows;
    if let Some(wrong) = mismatch(compare, reference, run, one_per_row) {
        if matches!(wrong, Wrong::Grain(_)) {
            j.set_question(Question::of(Concern::Grain), QuestionFrom::Finding);
        }
        j.shrink = Some(if matches!(wrong, Wrong::Grain(_)) { ShrinkTarget::Grain } else { ShrinkTarget::WrongAnswer });
        (j.verdict, j.finding) = (Verdict::WrongAnswer, Finding::Wrong(wrong));
        j.memory = memory;
        return j;
    }

    // Every DataFrame kata wants the answer from its engine; a kata with
    // plan rules also wants it computed their way.
    if let Some(plan) = &j.plan
        && let Some(broken) = match kata.kind.plan() {
            Some(rules) => plan::check(rules, plan),
            None => plan::outside_engine(plan),
        }
    {
        if let Some(question) = broken.question() {
            j.set_question(question, QuestionFrom::Finding);
        }
        (j.verdict, j.finding) = (Verdict::PlanRejected, Finding::Plan(broken));
        return j;
    }

    if let Some(memory) = memory {
        j.set_question(Question::of(Concern::Memory), QuestionFrom::Finding);
        (j.verdict, j.finding) = (Verdict::MemoryExceeded, Finding::Memory(memory));
        return j;
    }

    // Time is judged on CPU time: a machine busy with other work slows the
    // wall clock, not the work a solution does.
    if j.measures.cpu_ms > time_limit {
        j.verdict = Verdict::TimeExceeded;
        j.finding = Finding::Slow(Slow {
            cpu_ms: j.measures.cpu_ms,
            reference_cpu_ms: j.measures.reference_cpu_ms,
            limit_ms: time_limit,
            factor: limits.time_factor,
            floor_ms: limits.time_floor_ms,
            events: j.measures.events,
            retimed: false,
        });
    }
    j
}

/// A path as the report names it: the learner's file for its private
/// copy, relative to the project's root.
fn relative(text: &str, against: &Against<'_>) -> String {
    let text = match against.copy_of {
        Some((copy, original)) => text.replace(copy, original),
        None => text.to_string(),
    };
    text.replace(&format!("{}/", against.root), "")
}

/// How a worker that did not finish its run ended.
fn died(learner: &Death, limits: &Limits) -> Died {
    let last_words = last_lines(&learner.stderr, 6);
    if let Some(what) = &learner.garbled {
        return Died::Garbled { what: what.clone() };
    }
    if let Some(heap_mib) = learner.engine_heap_mib {
        return Died::EngineHeap { heap_mib };
    }
    if learner.out_of_memory.is_some() {
        return Died::HardCap { bytes: learner.out_of_memory.filter(|n| *n > 0), cap_mib: limits.hard_memory_mib };
    }
    // Said by dekata's worker code on the reply channel: a solution that
    // exits with the same status is not taken for a broken worker.
    if learner.worker_broken {
        return Died::WorkerBroken { last_words };
    }
    match learner.exit {
        Exit::TimedOut => Died::TimedOut { after_ms: learner.wall.as_millis() as u64 },
        Exit::Signal(libc::SIGXCPU) => Died::CpuLimit,
        Exit::Signal(libc::SIGSYS) => Died::ProcessRefused,
        Exit::Signal(signal) if learner.stack_overflow => Died::StackOverflow { signal },
        Exit::Signal(signal) => Died::Signal { signal, last_words },
        Exit::Code(0) => Died::EarlyExit,
        Exit::Code(code) => Died::Exit { code, last_words },
    }
}

/// Compares the learner's output with the reference's: how it differs, or
/// `None` when they agree.
fn mismatch(compare: &CompareSpec, reference: &Measured, learner: &Measured, one_per_row: bool) -> Option<Wrong> {
    let (Some(expected), Some(actual)) = (&reference.output, &learner.output) else {
        return Some(Wrong::NoOutput);
    };
    if let Some(first) = actual.problems.first() {
        return Some(Wrong::Problem { first: first.clone(), more: actual.problem_count.saturating_sub(1) });
    }
    if let Some(kept) = &actual.kept
        && let Some(grain) = grain_violation(kept, &compare.grain)
    {
        return Some(Wrong::Grain(grain));
    }
    let equal = match (&expected.kept, &actual.kept) {
        (Some(e), Some(a)) if compare.float_tolerance > 0.0 || compare.relative_tolerance > 0.0 => {
            let (mut e, mut a) = (e.clone(), a.clone());
            sort_canonical(&mut e, compare.order, compare.float_tolerance);
            sort_canonical(&mut a, compare.order, compare.float_tolerance);
            outputs_agree(&e, &a, compare)
        }
        _ => expected.digest == actual.digest && expected.items == actual.items,
    };
    let input = reference.measure.events;
    if !equal {
        // A parse with a quarantine gives exactly one output item per input row.
        if one_per_row && expected.items == input && actual.items != expected.items {
            return Some(if actual.items < input {
                Wrong::Unaccounted { missing: input - actual.items, input }
            } else {
                Wrong::Surplus { extra: actual.items - input, input }
            });
        }
        let joins = actual.plan.as_ref().is_some_and(|p| !p.joins.is_empty());
        return Some(Wrong::Output { actual: actual.items, expected: expected.items, events: input, joins });
    }
    blame(&expected.faults, &actual.faults)
}

/// Every quarantined row's error must name a field the reference's error
/// finds at fault (in any words).
fn blame(expected: &[harness::protocol::Fault], actual: &[harness::protocol::Fault]) -> Option<Wrong> {
    let at_fault: std::collections::HashMap<&str, &Vec<String>> =
        expected.iter().map(|f| (f.row.as_str(), &f.fields)).collect();
    let mut first: Option<Wrong> = None;
    let mut more = 0;
    for fault in actual {
        let Some(fields) = at_fault.get(fault.row.as_str()) else { continue };
        if fields.is_empty() || fault.fields.iter().any(|f| fields.contains(f)) {
            continue;
        }
        match first {
            None => {
                first = Some(Wrong::Blame {
                    row: fault.shown.clone(),
                    named: fault.fields.clone(),
                    at_fault: fields.to_vec(),
                    more: 0,
                })
            }
            Some(_) => more += 1,
        }
    }
    if let Some(Wrong::Blame { more: m, .. }) = first.as_mut() {
        *m = more;
    }
    first
}

/// How much a peak must grow, when the stream grows by a memory case's
/// scale, to count as growing with it (and twice the reference's growth).
pub const GROWTH: f64 = 2.0;

/// A memory case fails when the peak is over the limit, or when it grows
/// with the stream (and the reference's does not) past the slack; a
/// resumable job's case also when its checkpointed state outgrew the
/// reference's. Each measure is held against the reference's by the same
/// measure (the heap, and for a Rust worker its resident memory too): the
/// heap when it is over its limit, else the resident memory.
fn memory_problem(case: &Case, limits: &Limits, reference: &Measured, learner: &Measured) -> Option<Memory> {
    let heap = gauge_problem(Gauge::Heap, case, limits, reference, learner);
    let resident = gauge_problem(Gauge::Resident, case, limits, reference, learner);
    let state = state_growth(limits, reference, learner);
    // The heap meter counts exactly what the call allocated: when it is
    // over, it is the finding. The resident measure is the backstop for
    // what the meter cannot see (a static, memory held outside the heap).
    let worse = heap.or(resident);
    match (worse, state) {
        (Some(over), state) => Some(Memory { state, ..over }),
        (None, Some(state)) => {
            let peak = learner.measure.peak_heap_bytes;
            let reference_peak = reference.measure.peak_heap_bytes;
            let limit = memory_limit(limits, reference_peak);
            let (events, growth) = (learner.measure.events, None);
            Some(Memory { gauge: Gauge::Heap, peak, reference_peak, limit, events, growth, state: Some(state) })
        }
        (None, None) => None,
    }
}

/// What `gauge` reads of a run, if it was measured.
fn read(gauge: Gauge, m: &harness::protocol::Measure) -> Option<u64> {
    match gauge {
        Gauge::Heap => Some(m.peak_heap_bytes),
        Gauge::Resident => m.peak_resident_bytes,
    }
}

/// The measure `gauge` over its limit, or growing with the stream.
fn gauge_problem(
    gauge: Gauge,
    case: &Case,
    limits: &Limits,
    reference: &Measured,
    learner: &Measured,
) -> Option<Memory> {
    let slack = limits.memory_slack_kib * 1024;
    let peak = read(gauge, &learner.measure)?;
    let ref_peak = read(gauge, &reference.measure)?;
    let limit = memory_limit(limits, ref_peak);
    let scale = case.memory.as_ref().map_or(1, |m| m.scale);
    let factor = |big: u64, small: Option<u64>| small.map(|s| big as f64 / s.max(1) as f64);
    let small = learner.scaled.as_ref().and_then(|m| read(gauge, m).map(|peak| (m.events, peak)));
    let learner_growth = factor(peak, small.map(|(_, p)| p));
    let reference_growth = factor(ref_peak, reference.scaled.as_ref().and_then(|m| read(gauge, m)));
    let grows = learner_growth.is_some_and(|g| g >= GROWTH && g >= GROWTH * reference_growth.unwrap_or(1.0));
    if peak <= limit && !(grows && peak > slack) {
        return None;
    }
    let growth = match (learner_growth, small) {
        (Some(g), Some((small_events, small_peak))) => {
            Some(Growth { scale, small_events, small_peak, factor: g, reference_factor: reference_growth, grows })
        }
        _ => None,
    };
    Some(Memory { gauge, peak, reference_peak: ref_peak, limit, events: learner.measure.events, growth, state: None })
}

/// A resumable job's state that outgrew the reference's: stopped at the
/// case's limit, or larger than it at the end.
fn state_growth(limits: &Limits, reference: &Measured, learner: &Measured) -> Option<StateGrowth> {
    let theirs = reference.output.as_ref().map(|o| &o.state)?;
    let ours = learner.output.as_ref().map(|o| &o.state)?;
    if theirs.checkpoints == 0 {
        return None;
    }
    let over = ours.largest_bytes > state_limit(limits, theirs.largest_bytes);
    (over || ours.stopped_after.is_some()).then_some(StateGrowth {
        largest_bytes: ours.largest_bytes,
        reference_largest_bytes: theirs.largest_bytes,
        stopped_after: ours.stopped_after,
    })
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = lines.len().saturating_sub(n);
    lines[start..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_limit_has_a_floor() {
        let l = Limits::default();
        assert_eq!(time_limit_ms(&l, 10_000), l.time_floor_ms);
        assert_eq!(time_limit_ms(&l, 1_000_000), 10_000);
    }

    fn death(exit: Exit, worker_broken: bool) -> Death {
        Death {
            exit,
            out_of_memory: None,
            engine_heap_mib: None,
            garbled: None,
            stderr: "dekata worker: cannot reach dekata's Spark engine".to_string(),
            wall: std::time::Duration::from_millis(5),
            stack_overflow: false,
            worker_broken,
        }
    }

    #[test]
    fn only_a_worker_that_said_it_broke_is_broken() {
        let limits = Limits::default();
        let broken = Exit::Code(harness::protocol::EXIT_WORKER_BROKEN);
        assert!(matches!(died(&death(broken, true), &limits), Died::WorkerBroken { .. }));
        assert!(matches!(died(&death(Exit::TimedOut, true), &limits), Died::WorkerBroken { .. }));
        // A solution may exit with the same status, and write the same words.
        assert!(matches!(died(&death(broken, false), &limits), Died::Exit { code: 3, .. }));
    }

    #[test]
    fn verdicts_are_spelled_as_serde_spells_them() {
        use strum::IntoEnumIterator;
        for v in Verdict::iter() {
            let serde = serde_json::to_value(v).unwrap();
            assert_eq!(serde.as_str(), Some(v.name()));
            assert_eq!(Verdict::parse(v.name()), Some(v));
        }
    }
}
