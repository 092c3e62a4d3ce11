//! Turning what the learner's child process did into a verdict and a
//! message in the interviewer's words. Pure: no processes, no files.

use crate::catalog::{Case, Kata, Limits};
use crate::plan_check;
use crate::report::Verdict;
use crate::results::{Measured, Observed};
use crate::worker::{Death, Exit, signal_name};
use grader::compare::{grain_violation, items_equal, sort_canonical};
use grader::protocol::{CompareSpec, Outcome};

/// What a counterexample is searched for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShrinkTarget {
    /// The learner's output differs from the reference's.
    WrongAnswer,
    /// The learner's code panics.
    Panic,
}

/// A case's verdict before shrinking.
#[derive(Clone, Debug)]
pub struct Judged {
    pub name: String,
    pub tags: Vec<String>,
    pub verdict: Verdict,
    pub message: String,
    pub events: u64,
    pub elapsed_ms: u64,
    pub reference_elapsed_ms: u64,
    pub peak_heap_bytes: u64,
    pub reference_peak_heap_bytes: u64,
    pub question: String,
    pub time_limit_ms: u64,
    pub peak_heap_limit_bytes: Option<u64>,
    /// Set when a counterexample should be searched for.
    pub shrink: Option<ShrinkTarget>,
    /// What one input record is called in messages (`event`, `row`).
    pub record_noun: &'static str,
    /// DataFrame katas: what the learner's executed plan did.
    pub plan_seen: Option<String>,
    /// What one record of a counterexample is called (`row` for a
    /// DataFrame kata's rows of several tables).
    pub counterexample_noun: &'static str,
}

/// The time a case allows: a multiple of the reference's, with a floor.
pub fn time_limit_ms(limits: &Limits, reference_us: u64) -> u64 {
    let scaled = (reference_us as f64 / 1000.0 * limits.time_factor).ceil() as u64;
    scaled.max(limits.time_floor_ms)
}

/// The peak heap a memory case allows.
pub fn memory_limit(limits: &Limits, reference_peak: u64) -> u64 {
    (reference_peak as f64 * limits.memory_factor) as u64 + limits.memory_slack_kib * 1024
}

pub fn judge(
    case: &Case,
    kata: &Kata,
    reference: &Measured,
    baseline: &Measured,
    learner: &Observed,
    solution_path: &str,
    noun: &'static str,
) -> Judged {
    let (limits, compare) = (&kata.limits, &kata.compare);
    let count = |n: u64| records(n, noun);
    let time_limit = time_limit_ms(limits, baseline.measure.elapsed_us);
    let memory_limit = case.memory.as_ref().map(|_| memory_limit(limits, baseline.measure.peak_heap_bytes));
    let mut j = Judged {
        name: case.name.clone(),
        tags: case.families.iter().map(|f| f.name().to_string()).collect(),
        verdict: Verdict::Pass,
        message: String::new(),
        events: reference.measure.events,
        elapsed_ms: 0,
        reference_elapsed_ms: baseline.measure.elapsed_us / 1000,
        peak_heap_bytes: 0,
        reference_peak_heap_bytes: baseline.measure.peak_heap_bytes,
        question: case.question.clone(),
        time_limit_ms: time_limit,
        peak_heap_limit_bytes: memory_limit,
        shrink: None,
        record_noun: noun,
        plan_seen: None,
        counterexample_noun: noun,
    };
    let report = match learner {
        Observed::Measured(m) => m,
        Observed::Died(death) => {
            (j.verdict, j.message) = died(death, limits, time_limit);
            if j.verdict == Verdict::MemoryExceeded {
                j.question = grader::questions::MEMORY.to_string();
            }
            return j;
        }
    };
    j.elapsed_ms = report.measure.elapsed_us / 1000;
    j.peak_heap_bytes = report.measure.peak_heap_bytes;
    let plan = report.output.as_ref().and_then(|o| o.plan.as_ref());
    j.plan_seen = plan.map(plan_check::seen);

    match &report.outcome {
        Outcome::Returned => {}
        Outcome::NotImplemented { .. } => {
            j.verdict = Verdict::NotImplemented;
            j.message = NOT_IMPLEMENTED.replace("{path}", solution_path);
            return j;
        }
        Outcome::Panicked { message, location } => {
            j.verdict = Verdict::Panicked;
            // A DataFrame query's error is raised by the engine side of the
            // worker: where in dekata's code says nothing to the learner.
            let ours = location.contains("grader-df/");
            let at = if location.is_empty() || ours { String::new() } else { format!(" at {location}") };
            j.message = format!("panicked{at}: {}.", message.trim_end_matches('.'));
            j.shrink = Some(ShrinkTarget::Panic);
            return j;
        }
        Outcome::Forbidden { action, target } => {
            j.verdict = Verdict::Panicked;
            j.message = FORBIDDEN.replace("{action}", action).replace("{target}", target);
            return j;
        }
        Outcome::Exited { code } => {
            j.verdict = Verdict::Crashed;
            j.message = EXITED.replace("{code}", code);
            return j;
        }
    }

    if let Some(problem) = mismatch(compare, reference, &report, noun) {
        j.verdict = Verdict::WrongAnswer;
        j.message = problem;
        j.shrink = Some(ShrinkTarget::WrongAnswer);
        if j.message.contains("grain") {
            j.question = grader::questions::GRAIN.to_string();
        }
        return j;
    }

    if let (Some(rules), Some(plan)) = (&kata.plan, plan)
        && let Some(finding) = plan_check::check(rules, plan)
    {
        j.verdict = Verdict::PlanRejected;
        j.message = finding.message;
        if let Some(q) = finding.question {
            j.question = q.to_string();
        }
        return j;
    }

    if let Some(limit) = memory_limit {
        if let Some(problem) = memory_problem(case, baseline, &report, limit, limits.memory_slack_kib * 1024) {
            j.verdict = Verdict::MemoryExceeded;
            j.message = problem;
            j.question = grader::questions::MEMORY.to_string();
            return j;
        }
    }

    if j.elapsed_ms > time_limit {
        j.verdict = Verdict::TimeExceeded;
        j.message = format!(
            "took {} ms on {} against the reference's {} ms; the limit is {} ms \
             ({}\u{00d7} the reference, at least {} ms).",
            j.elapsed_ms,
            count(j.events),
            j.reference_elapsed_ms,
            time_limit,
            limits.time_factor,
            limits.time_floor_ms
        );
    }
    j
}

/// Why a worker that did not finish its run ended, as (verdict, message).
fn died(learner: &Death, limits: &Limits, time_limit: u64) -> (Verdict, String) {
    let stderr_tail = last_lines(&learner.stderr, 6);
    let stack_overflow = learner.stderr.contains("has overflowed its stack");
    let alloc_failed = learner.stderr.contains("memory allocation of");
    let oom = learner.out_of_memory;
    if let Some(garbled) = &learner.garbled {
        return (Verdict::Crashed, GARBLED.replace("{what}", garbled));
    }
    match learner.exit {
        Exit::TimedOut => (
            Verdict::TimeExceeded,
            format!(
                "still running after {:.1} s and stopped (the limit for this case is {time_limit} ms): \
                 an endless loop, or far too much work per record.",
                learner.wall.as_secs_f64()
            ),
        ),
        Exit::Signal(libc::SIGXCPU) => (
            Verdict::TimeExceeded,
            format!("used more CPU time than the case allows ({time_limit} ms) and was stopped."),
        ),
        _ if oom.is_some() || (alloc_failed && !stack_overflow) => (
            Verdict::MemoryExceeded,
            format!(
                "an allocation{} failed at the hard cap of {} MiB for the whole process: \
                 the solution's memory grows without bound.",
                oom.filter(|n| *n > 0).map(|n| format!(" of {}", bytes(n))).unwrap_or_default(),
                limits.hard_memory_mib
            ),
        ),
        Exit::Signal(sig) if stack_overflow => (
            Verdict::Crashed,
            format!("overflowed its stack and was killed by {}: deep or endless recursion.", signal_name(sig)),
        ),
        Exit::Signal(sig) => (
            Verdict::Crashed,
            format!("the process was killed by {} before reporting a result.{}", signal_name(sig), stderr_tail),
        ),
        Exit::Code(0) => (Verdict::Crashed, EARLY_EXIT.to_string()),
        Exit::Code(3) if learner.stderr.contains("dekata worker:") => (
            Verdict::Crashed,
            format!("the harness could not run (this is a dekata problem, not yours).{stderr_tail}"),
        ),
        Exit::Code(code) => (
            Verdict::Crashed,
            format!("the process exited with status {code} before reporting a result.{stderr_tail}"),
        ),
    }
}

/// Compares the learner's output with the reference's: a described
/// difference, or `None` when they agree.
fn mismatch(compare: &CompareSpec, reference: &Measured, learner: &Measured, noun: &'static str) -> Option<String> {
    let (Some(expected), Some(actual)) = (&reference.output, &learner.output) else {
        return Some("produced no output.".to_string());
    };
    if let Some(first) = actual.problems.first() {
        let more = actual.problem_count.saturating_sub(1);
        let more = if more > 0 { format!(" ({more} more like it)") } else { String::new() };
        return Some(format!("{first}{more}."));
    }
    // When a plan joins, the row count tells lost rows (a join that drops
    // what it should keep) from fan-out (a join that matches a row more
    // than once).
    let frames = actual.plan.as_ref().is_some_and(|p| !p.joins.is_empty());
    let fan_out = frames && actual.items > expected.items;
    if let Some(kept) = &actual.kept {
        if let Some(grain) = grain_violation(kept, &compare.grain) {
            let lead = if fan_out { FAN_OUT } else { "" };
            return Some(format!("{lead}broke the grain of the output: {grain}."));
        }
    }
    let equal = match (&expected.kept, &actual.kept) {
        (Some(e), Some(a)) if compare.float_tolerance > 0.0 => {
            let (mut e, mut a) = (e.clone(), a.clone());
            sort_canonical(&mut e, compare.order, compare.float_tolerance);
            sort_canonical(&mut a, compare.order, compare.float_tolerance);
            items_equal(&e, &a, compare.float_tolerance)
        }
        _ => expected.digest == actual.digest && expected.items == actual.items,
    };
    if equal {
        return None;
    }
    // A parse with a quarantine gives exactly one output item per input row.
    if noun == "row" && expected.items == reference.measure.events && actual.items != expected.items {
        let input = reference.measure.events;
        let what = if actual.items < input {
            format!("{} of the {} input rows landed in neither output", thousands(input - actual.items), thousands(input))
        } else {
            format!("the outputs hold {} more entries than the {} input rows", thousands(actual.items - input), thousands(input))
        };
        return Some(format!("{what}: every row must land in exactly one of the two outputs."));
    }
    if frames && actual.items != expected.items {
        let (lead, why) = if fan_out { (FAN_OUT, FAN_OUT_WHY) } else { (LOST_ROWS, LOST_ROWS_WHY) };
        return Some(format!(
            "{lead}your output has {} rows where the reference's has {}, on {}: {why}",
            thousands(actual.items),
            thousands(expected.items),
            records(reference.measure.events, noun)
        ));
    }
    let rows = if actual.items == expected.items {
        String::new()
    } else {
        format!(" (your output has {} rows, the reference's {})", thousands(actual.items), thousands(expected.items))
    };
    Some(format!("wrong output on {}{rows}.", records(reference.measure.events, noun)))
}

/// A memory case fails when the peak is over the limit, or when it grows
/// with the stream (and the reference's does not) past the slack.
fn memory_problem(case: &Case, reference: &Measured, learner: &Measured, limit: u64, slack: u64) -> Option<String> {
    let peak = learner.measure.peak_heap_bytes;
    let ref_peak = reference.measure.peak_heap_bytes;
    let scale = case.memory.as_ref().map_or(1, |m| m.scale);
    let growth = |big: u64, small: Option<u64>| small.map(|s| big as f64 / s.max(1) as f64);
    let learner_growth = growth(peak, learner.scaled.as_ref().map(|m| m.peak_heap_bytes));
    let reference_growth = growth(ref_peak, reference.scaled.as_ref().map(|m| m.peak_heap_bytes));
    let grows = learner_growth.is_some_and(|g| g >= 2.0 && g >= 2.0 * reference_growth.unwrap_or(1.0));
    if peak <= limit && !(grows && peak > slack) {
        return None;
    }
    let mut m = format!(
        "peak heap {} against the reference's {} on {} (this case allows {}).",
        bytes(peak),
        bytes(ref_peak),
        events(learner.measure.events),
        bytes(limit)
    );
    if let (Some(g), Some(small)) = (learner_growth, &learner.scaled) {
        m.push_str(&format!(
            " When the stream grew \u{00d7}{scale} (from {} events, peak {}), the peak grew \u{00d7}{:.1}",
            thousands(small.events),
            bytes(small.peak_heap_bytes),
            g
        ));
        if let Some(rg) = reference_growth {
            m.push_str(&format!(" (the reference's \u{00d7}{rg:.1})"));
        }
        m.push_str(if grows {
            ": the solution holds the stream, or something proportional to it, in memory."
        } else {
            ": it does not grow with the stream, but it is far above what the reference needs."
        });
    }
    Some(m)
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return String::new();
    }
    let start = lines.len().saturating_sub(n);
    format!(" Its last words on stderr:\n{}", lines[start..].join("\n"))
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 event`, `20,000 events`.
pub fn events(n: u64) -> String {
    records(n, "event")
}

/// `1 row`, `20,000 rows`: a count of input records of a kind.
pub fn records(n: u64, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{} {noun}s", thousands(n)) }
}

/// Bytes in B, KiB, MiB or GiB with one decimal.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 { format!("{n} B") } else { format!("{v:.1} {}", UNITS[u]) }
}

const LOST_ROWS: &str = "lost rows: ";
const LOST_ROWS_WHY: &str = "rows the answer needs went missing (an inner join where a left join belongs drops \
every row without a match; a filter on the wrong side of a join drops more than it should).";
const FAN_OUT: &str = "fan-out: ";
const FAN_OUT_WHY: &str = "a join matched some rows more than once (joining on too few keys, or to a side with \
duplicate keys, multiplies rows).";
const NOT_IMPLEMENTED: &str = "not implemented yet: the starter's todo!() was reached. Write your solution in {path}.";
const FORBIDDEN: &str = "tried to {action} {target}, which a solution may not do: it runs with no access \
to files, other programs or the network.";
const EXITED: &str = "asked its process to exit (status {code}) instead of returning: does the solution \
call sys.exit(), or raise SystemExit? A function must return its answer.";
const GARBLED: &str = "wrote on the worker's reply channel, which a solution may not use (it sent: {what}).";
const EARLY_EXIT: &str = "the process exited (status 0) before the harness could report a result: \
does the solution call std::process::exit? A library function must return its answer.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_for_people() {
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(3 * 1024 * 1024 / 2), "1.5 MiB");
    }

    #[test]
    fn time_limit_has_a_floor() {
        let l = Limits::default();
        assert_eq!(time_limit_ms(&l, 10_000), l.time_floor_ms);
        assert_eq!(time_limit_ms(&l, 1_000_000), 10_000);
    }
}
