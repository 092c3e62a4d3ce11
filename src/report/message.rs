//! A case's facts in the interviewer's words: what broke, with the
//! numbers; how small the counterexample got; and the follow-up question.

use super::plan;
use crate::judge::join_cause::Cause;
use crate::judge::{Died, Finding, Gauge, Judged, Memory, Slow, Verdict, Wrong};
use crate::language::Language;
use crate::process::death::signal_name;
use crate::words::{bytes, events, records, thousands};
use harness::compare::GrainViolation;
use harness::protocol::Problem;
use harness::shrink::{Actual, Counterexample};

/// The whole message of a case.
pub fn of(judged: &Judged, counterexample: Option<&Counterexample>) -> String {
    let mut message = finding(judged);
    if let Some(memory) = &judged.memory {
        message.push_str(&format!(" {ALSO_MEMORY}{}", self::memory(memory)));
    }
    if let (Some((job, first_day)), false) = (&judged.job, judged.verdict == Verdict::Pass) {
        message = format!("The job ran {}: {message}", job.describe(*first_day));
    }
    if let Some(cx) = counterexample {
        message.push_str(&shrunk(judged, cx));
    }
    let asks = matches!(judged.verdict, Verdict::WrongAnswer | Verdict::MemoryExceeded | Verdict::PlanRejected)
        || matches!(judged.finding, Finding::Panicked { .. });
    if let (Some(rule), true) = (&judged.kata_rule, asks) {
        message.push_str(&format!(" {BREAKS_RULE} \u{201c}{}\u{201d}.", rule.text.trim().trim_end_matches('.')));
    }
    if asks {
        message.push_str(&format!(" Interviewers ask: \u{201c}{}\u{201d}", judged.question.text));
    }
    message.trim().to_string()
}

/// What the finding says.
fn finding(j: &Judged) -> String {
    match &j.finding {
        Finding::Passed => String::new(),
        Finding::NotImplemented => match j.language {
            Language::Rust => NOT_IMPLEMENTED_RUST,
            Language::Python => NOT_IMPLEMENTED_PYTHON,
        }
        .replace("{path}", &j.solution),
        Finding::Panicked { message, location } => {
            let at = location.as_ref().map(|l| format!(" at {l}")).unwrap_or_default();
            format!("panicked{at}: {}.", message.trim_end_matches('.'))
        }
        Finding::Forbidden { action, target } => FORBIDDEN.replace("{action}", action).replace("{target}", target),
        Finding::Exited { code } => EXITED.replace("{code}", code),
        Finding::Died(died) => self::died(died, j),
        Finding::Wrong(wrong) => self::wrong(wrong, j),
        Finding::Plan(broken) => plan::broken(broken, j.language),
        Finding::Memory(m) => memory(m),
        Finding::Slow(slow) => self::slow(slow, j.unit.noun()),
    }
}

fn died(died: &Died, j: &Judged) -> String {
    let said = |last_words: &str| {
        if last_words.is_empty() { String::new() } else { format!(" Its last words on stderr:\n{last_words}") }
    };
    match died {
        Died::TimedOut { after_ms } => format!(
            "still running after {:.1} s and stopped (the limit for this case is {} ms): \
             an endless loop, or far too much work per record.",
            *after_ms as f64 / 1000.0,
            j.measures.time_limit_ms
        ),
        Died::CpuLimit => {
            format!("used more CPU time than the case allows ({} ms) and was stopped.", j.measures.time_limit_ms)
        }
        Died::HardCap { bytes: size, cap_mib } => format!(
            "an allocation{} failed at the hard cap of {cap_mib} MiB for the whole process: \
             the solution's memory grows without bound.",
            size.map(|n| format!(" of {}", bytes(n))).unwrap_or_default(),
        ),
        Died::EngineHeap { heap_mib } => format!(
            "Spark ran out of its {heap_mib} MiB of heap on this query (an OutOfMemoryError in a task or the \
             driver): something gathers far more than the answer needs in one place, such as a \
             collect_list over everything, an exploding join, or one hot key's rows."
        ),
        Died::StackOverflow { signal } => {
            format!("overflowed its stack and was killed by {}: deep or endless recursion.", signal_name(*signal))
        }
        Died::Signal { signal, last_words } => {
            format!("the process was killed by {} before reporting a result.{}", signal_name(*signal), said(last_words))
        }
        Died::EarlyExit => match j.language {
            Language::Rust => EARLY_EXIT_RUST,
            Language::Python => EARLY_EXIT_PYTHON,
        }
        .to_string(),
        Died::ProcessRefused => PROCESS_REFUSED.to_string(),
        Died::Garbled { what } => GARBLED.replace("{what}", what),
        Died::WorkerBroken { last_words } => {
            format!("the harness could not run (this is a dekata problem, not yours).{}", said(last_words))
        }
        Died::Exit { code, last_words } => {
            format!("the process exited with status {code} before reporting a result.{}", said(last_words))
        }
    }
}

fn wrong(wrong: &Wrong, j: &Judged) -> String {
    match wrong {
        Wrong::NoOutput => "produced no output.".to_string(),
        Wrong::Problem { first, more } => {
            let first = match first {
                Problem::EmptyError { row } => format!("a quarantined row has an empty error: {row}"),
                Problem::NamesNoField { error, row } => {
                    format!("the error {error:?} does not name the field at fault (row: {row})")
                }
                Problem::DuplicateColumn { name } => format!(
                    "the output has two columns named `{name}`: select the columns the kata asks for, \
                     once each (a join keeps both sides' keys)"
                ),
            };
            let more = if *more > 0 { format!(" ({more} more like it)") } else { String::new() };
            format!("{first}{more}.")
        }
        Wrong::Grain(grain) => {
            let fan_out = matches!(j.cause, Some(Cause::FanOut { .. })) && j.plan.is_some();
            let lead = if fan_out { FAN_OUT } else { "" };
            let why = if fan_out { format!(": {FAN_OUT_WHY}") } else { ".".to_string() };
            format!("{lead}broke the grain of the output: {}{why}", grain_words(grain))
        }
        Wrong::Unaccounted { missing, input } => format!(
            "{} of the {} input rows landed in neither output: {EVERY_ROW}",
            thousands(*missing),
            thousands(*input)
        ),
        Wrong::Surplus { extra, input } => format!(
            "the outputs hold {} more entries than the {} input rows: {EVERY_ROW}",
            thousands(*extra),
            thousands(*input)
        ),
        Wrong::Blame { row, named, at_fault, more } => {
            let named = if named.is_empty() { "no field".to_string() } else { quoted(named) };
            let more = if *more > 0 { format!(" ({more} more like it)") } else { String::new() };
            BLAME
                .replace("{row}", row)
                .replace("{named}", &named)
                .replace("{at_fault}", &quoted(at_fault))
                .replace("{more}", &more)
        }
        Wrong::Output { actual, expected, events, joins } => {
            let on = records(*events, j.unit.noun());
            match (&j.cause, joins) {
                (Some(Cause::Columns { extra, missing }), _) => columns_words(extra, missing, &on),
                (Some(cause), true) => join_words(cause, *actual, *expected, &on),
                _ => {
                    let rows = if actual == expected {
                        String::new()
                    } else {
                        format!(
                            " (your output has {} rows, the reference's {})",
                            thousands(*actual),
                            thousands(*expected)
                        )
                    };
                    format!("wrong output on {on}{rows}.")
                }
            }
        }
    }
}

/// A join's mistake, as its counterexample shows it.
fn join_words(cause: &Cause, actual: u64, expected: u64, on: &str) -> String {
    let counts = if actual == expected {
        format!("your output has as many rows as the reference's ({}), on {on}", thousands(actual))
    } else {
        format!("your output has {} rows where the reference's has {}, on {on}", thousands(actual), thousands(expected))
    };
    match cause {
        Cause::FanOut { grain, key } => {
            format!(
                "{FAN_OUT}{counts}: in the counterexample, two output rows share ({}) = {key}: {FAN_OUT_WHY}",
                grain.join(", ")
            )
        }
        Cause::UnmatchedKept { table, column, key } => {
            let which = if key.is_null() {
                format!("a row of {table} whose {column} is null")
            } else {
                format!("a row of {table} whose {column} = {key} has no partner on the other side")
            };
            format!(
                "{UNMATCHED_KEPT}{counts}: in the counterexample, {which}, and your output keeps it: {UNMATCHED_KEPT_WHY}"
            )
        }
        Cause::NullsMatched { column, tables } => {
            format!(
                "{NULLS_MATCHED}{counts}: in the counterexample, rows of {} have a null {column}, and your output \
                 pairs them: {NULLS_MATCHED_WHY}",
                tables.join(" and ")
            )
        }
        Cause::LostMatch { column, key, tables, short: Some(short) } => {
            let both = if tables.len() >= 2 && !key.is_null() {
                format!(", where {column} = {key} is in {} alike", tables.join(" and "))
            } else {
                String::new()
            };
            format!(
                "{LOST_ROWS}{counts}: in the counterexample{both}, your row for ({}) = {} counts less than the \
                 reference's in {}: {LOST_BEFORE_AGGREGATE_WHY}",
                short.grain.join(", "),
                one_value(&short.key),
                quoted(&short.fields)
            )
        }
        Cause::LostMatch { column, key, tables, short: None } => format!(
            "{LOST_ROWS}{counts}: in the counterexample, {column} = {key} is in {} alike, yet its row is \
             missing from your output: {LOST_MATCH_WHY}",
            tables.join(" and ")
        ),
        Cause::WrongMatch { grain, key, fields, joined } => format!(
            "{WRONG_MATCH}{counts}: in the counterexample, your row for ({}) = {key} differs from the reference's \
             in {}: {}",
            grain.join(", "),
            quoted(fields),
            if *joined { WRONG_MATCH_WHY } else { WRONG_ROW_WON }
        ),
        Cause::LostUnmatched { table, column, key } => format!(
            "{LOST_ROWS}{counts}: in the counterexample, {column} = {key} is only in {table}, and its row is \
             missing from your output: {LOST_UNMATCHED_WHY}"
        ),
        Cause::Columns { extra, missing } => columns_words(extra, missing, on),
    }
}

/// A grain key as the message shows it: a key of one field is its value.
fn one_value(key: &serde_json::Value) -> String {
    match key.as_array().map(Vec::as_slice) {
        Some([one]) => one.to_string(),
        _ => key.to_string(),
    }
}

/// Output columns that are not the reference's.
fn columns_words(extra: &[String], missing: &[String], on: &str) -> String {
    let mut parts = Vec::new();
    if !extra.is_empty() {
        parts.push(format!("has {} that the reference's has not", quoted(extra)));
    }
    if !missing.is_empty() {
        parts.push(format!("lacks {}", quoted(missing)));
    }
    format!("wrong columns on {on}: your output {}. {COLUMNS_WHY}", parts.join(" and "))
}

fn grain_words(g: &GrainViolation) -> String {
    format!(
        "{} output rows share the grain ({}) = {}; the output must hold one row per {}",
        g.rows,
        g.fields.join(", "),
        g.key,
        g.fields.join(" and ")
    )
}

fn quoted(fields: &[String]) -> String {
    fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
}

/// A memory finding.
pub fn memory(m: &Memory) -> String {
    if let Some(state) = &m.state {
        let stopped = state
            .stopped_after
            .map(|n| format!(", and the run was stopped after {} when it passed the case's limit", events(n)))
            .unwrap_or_default();
        return STATE_GREW
            .replace("{largest}", &bytes(state.largest_bytes))
            .replace("{reference}", &bytes(state.reference_largest_bytes))
            .replace("{stopped}", &stopped);
    }
    let measured = match m.gauge {
        Gauge::Heap => "peak heap",
        Gauge::Resident => RESIDENT,
    };
    let mut text = format!(
        "{measured} {} against the reference's {} on {} (this case allows {}).",
        bytes(m.peak),
        bytes(m.reference_peak),
        events(m.events),
        bytes(m.limit)
    );
    if let Some(g) = &m.growth {
        text.push_str(&format!(
            " When the stream grew \u{00d7}{} (from {} events, peak {}), the peak grew \u{00d7}{:.1}",
            g.scale,
            thousands(g.small_events),
            bytes(g.small_peak),
            g.factor
        ));
        if let Some(rg) = g.reference_factor {
            text.push_str(&format!(" (the reference's \u{00d7}{rg:.1})"));
        }
        text.push_str(if g.grows {
            ": the solution holds the stream, or something proportional to it, in memory."
        } else if g.factor >= crate::judge::GROWTH {
            // Both grew: on this case the answer itself grows with the
            // stream (many keys), so the growth alone proves nothing.
            ": as the reference's did, since the answer grows with this stream, but it is far above what \
             the reference needs."
        } else {
            ": it does not grow with the stream, but it is far above what the reference needs."
        });
    }
    text
}

fn slow(s: &Slow, noun: &str) -> String {
    let retimed = if s.retimed { " (the reference was timed again in this run)" } else { "" };
    format!(
        "used {} ms of CPU on {} against the reference's {} ms{retimed}; the limit is {} ms \
         ({}\u{00d7} the reference, at least {} ms).",
        s.cpu_ms,
        records(s.events, noun),
        s.reference_cpu_ms,
        s.limit_ms,
        s.factor,
        s.floor_ms
    )
}

/// The sentences about the counterexample.
fn shrunk(j: &Judged, cx: &Counterexample) -> String {
    let n = cx.records.len();
    let noun = j.counterexample_unit.noun();
    // A DataFrame kata's counterexample mixes rows of several tables.
    let from = if j.counterexample_unit != j.unit {
        records(cx.original_records, j.counterexample_unit.noun())
    } else {
        thousands(cx.original_records)
    };
    match &cx.actual {
        Actual::Output { .. } => {
            let grain = match (&cx.grain_violation, &j.finding) {
                (Some(g), f)
                    if !matches!(f, Finding::Wrong(Wrong::Grain(_)))
                        && !matches!(j.cause, Some(Cause::FanOut { .. })) =>
                {
                    format!(" {}.", grain_words(g))
                }
                _ => String::new(),
            };
            format!("{grain} Shrunk to a {n}-{noun} counterexample (from {from}).")
        }
        Actual::Panicked { message: m } => {
            let same = matches!(&j.finding, Finding::Panicked { message, .. } if message == m);
            let what = if same { String::new() } else { format!(": {m}") };
            if n == 0 && cx.original_records == 0 {
                String::new()
            } else if n == 0 {
                format!(" It panics on an empty input too: no {noun} is needed to show it{what}.")
            } else {
                format!(" Shrunk to a {n}-{noun} input that makes it panic (from {from}){what}.")
            }
        }
    }
}

const NOT_IMPLEMENTED_RUST: &str =
    "not implemented yet: the starter's todo!() was reached. Write your solution in {path}.";
const NOT_IMPLEMENTED_PYTHON: &str =
    "not implemented yet: the starter's NotImplementedError was raised. Write your solution in {path}.";
const FORBIDDEN: &str = "tried to {action} ({target}), which a solution may not do: it runs with no access \
to files, other programs or the network.";
const EXITED: &str = "asked its process to exit (status {code}) instead of returning: does the solution \
call sys.exit(), or raise SystemExit? A function must return its answer.";
/// A Rust solution's resident memory, which the kernel counts.
const RESIDENT: &str = "peak memory of the whole process (as the kernel counts it, statics and all that the heap \
meter does not see)";
const PROCESS_REFUSED: &str = "the sandbox refused to let it start a process or run a program, and the kernel \
ended it (SIGSYS): a solution does its work in its own process, with no other program.";
const GARBLED: &str = "wrote on the worker's reply channel, which a solution may not use (it sent: {what}).";
const EARLY_EXIT_RUST: &str = "the process exited (status 0) before the harness could report a result: \
does the solution call std::process::exit? A library function must return its answer.";
const EARLY_EXIT_PYTHON: &str = "the process exited (status 0) before the worker could report a result: \
does the solution call os._exit()? A function must return its answer.";
const EVERY_ROW: &str = "every row must land in exactly one of the two outputs.";
const BLAME: &str = "a quarantined row's error names {named}, but what is wrong with the row is {at_fault}: \
{row}{more}. An error must name the field at fault, so the upstream team can fix it.";
const ALSO_MEMORY: &str = "Its memory is over the case's limit too: ";
const STATE_GREW: &str = "the state grew with the stream: its checkpoint between chunks reached {largest} \
against the reference's {reference}{stopped}. A resumable job's state holds what is still open (one session \
per user), not the events themselves.";
const FAN_OUT: &str = "fan-out: ";
const FAN_OUT_WHY: &str = "a join matched some rows more than once (joining on too few keys, or to a side with \
duplicate keys, multiplies rows).";
const WRONG_MATCH: &str = "wrong match: ";
const WRONG_MATCH_WHY: &str = "a join matched rows that should not meet (joining on too few keys lets a row \
meet the rows of another key), or the wrong row won for that key (a tie broken the other way).";
const WRONG_ROW_WON: &str = "the counterexample's rows are all of one table, so no join is to blame: \
the wrong row won for that key (a tie broken the other way, the earliest where the latest belongs) or its \
values are computed differently.";
const UNMATCHED_KEPT: &str = "unmatched rows kept: ";
const UNMATCHED_KEPT_WHY: &str = "a row without a match was kept (a left join where an inner join belongs \
keeps every row of its left side).";
const COLUMNS_WHY: &str = "Return exactly the columns the kata names: drop helper columns (a rank, a \
salt, a flag) and keep each name as asked.";
const NULLS_MATCHED: &str = "nulls matched: ";
const NULLS_MATCHED_WHY: &str = "a null key is no value, and `=` matches it with nothing; a null-safe \
comparison (`eqNullSafe`, `IS NOT DISTINCT FROM`) or a null replaced by a stand-in before the join pairs \
nulls, which this key's rule does not allow.";
const LOST_ROWS: &str = "lost rows: ";
const LOST_MATCH_WHY: &str = "a match was lost (a join on the wrong key, or a salt added to one side only, \
misses rows that should meet).";
const LOST_BEFORE_AGGREGATE_WHY: &str = "rows that should count were lost before the aggregate: a match was \
lost (a join that misses rows that should meet: a salt on one side only or off by one, a join on the wrong \
key), a filter dropped rows the rule keeps, or a count of a column that can be null skipped them (count the \
rows).";
const LOST_UNMATCHED_WHY: &str = "a row without a match was dropped (an inner join where a left join belongs \
drops every row without a match).";

/// Before the prompt's rule a failure breaks (its mutant fails the same way).
const BREAKS_RULE: &str = "It breaks the rule:";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_lost_match_among_as_many_rows_does_not_read_as_a_shortfall() {
        let lost = Cause::LostMatch {
            column: "user_id".into(),
            key: json!(7),
            tables: vec!["clicks".into(), "users".into()],
            short: None,
        };
        let same = join_words(&lost, 4, 4, "40,000 clicks");
        assert!(same.contains("your output has as many rows as the reference's (4), on 40,000 clicks"), "{same}");
        let fewer = join_words(&lost, 3, 4, "40,000 clicks");
        assert!(fewer.contains("your output has 3 rows where the reference's has 4"), "{fewer}");
    }

    /// Over the limit, a peak that grew as much as the reference's is not
    /// said not to grow: on many keys the answer itself grows.
    #[test]
    fn a_peak_that_grew_with_the_reference_is_not_said_to_stay_flat() {
        let over = |factor: f64, reference_factor: f64, grows: bool| {
            memory(&Memory {
                gauge: Gauge::Heap,
                peak: 40 << 20,
                reference_peak: 4 << 20,
                limit: 8 << 20,
                events: 400_000,
                growth: Some(crate::judge::Growth {
                    scale: 4,
                    small_events: 100_000,
                    small_peak: 10 << 20,
                    factor,
                    reference_factor: Some(reference_factor),
                    grows,
                }),
                state: None,
            })
        };
        assert!(over(4.0, 1.0, true).contains("holds the stream"));
        let both = over(4.0, 4.0, false);
        assert!(both.contains("as the reference's did, since the answer grows with this stream"), "{both}");
        assert!(!both.contains("does not grow"), "{both}");
        assert!(over(1.1, 1.0, false).contains("it does not grow with the stream"));
    }
}
