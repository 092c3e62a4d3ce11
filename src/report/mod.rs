//! The report: what a check found, as the JSON document of the contract.
//!
//! [`CaseReport::new`] is the one place where a case's facts become
//! sentences (see `message`); [`Report::new`] collects the cases. Both are
//! pure: judged facts in, report out. `plan` words a DataFrame plan;
//! `sandbox` the line about a kernel that confined a solution less;
//! rendering for a terminal lives in `render`.

mod message;
pub mod plan;
mod sandbox;

pub use sandbox::line as sandbox_line;

use crate::catalog::Unit;
use crate::concern::Concern;
pub use crate::judge::Verdict;
use crate::judge::{self, Finding, Judged, Wrong};
use crate::language::Language;
use harness::shrink::Counterexample;
use harness::streams::Family;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The verdict of a whole check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Overall {
    Pass,
    Fail,
    CompileError,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompileInfo {
    pub ok: bool,
    pub stderr: String,
}

/// Which rule a failing case broke, for tools (and the drill's scorecard)
/// that must not read the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The output differs from the reference's.
    Output,
    /// Two output rows share a grain key.
    Grain,
    /// A join matched a row more than once.
    FanOut,
    /// A row without a match was kept.
    UnmatchedKept,
    /// Rows whose join keys are null were matched to each other.
    NullsMatched,
    /// A match was lost.
    LostMatch,
    /// A row without a match was dropped.
    LostUnmatched,
    /// A row was joined to one it should not meet.
    WrongMatch,
    /// The output's columns are not the ones the kata names.
    Columns,
    /// The quarantine lost rows, or an error named no field at fault.
    Quarantine,
    /// A limit: memory, a state that grew with the stream, time.
    Memory,
    State,
    Time,
    /// A plan rule.
    Plan,
    /// The process died, or the solution did what it may not.
    Crash,
    Panic,
    Forbidden,
    NotImplemented,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseReport {
    pub name: String,
    /// The case's stream families, as kata files spell them.
    pub tags: Vec<Family>,
    pub verdict: Verdict,
    pub message: String,
    pub events: u64,
    /// What `events` counts: `events`, `rows`, or a DataFrame kata's
    /// `orders`, `clicks`, `sales`.
    pub unit: Unit,
    pub elapsed_ms: u64,
    pub reference_elapsed_ms: u64,
    /// CPU time of the call, and of the baseline reference's: what time
    /// limits are judged on.
    #[serde(default)]
    pub cpu_ms: u64,
    #[serde(default)]
    pub reference_cpu_ms: u64,
    pub peak_heap_bytes: u64,
    pub reference_peak_heap_bytes: u64,
    pub counterexample: Option<Vec<Value>>,
    /// A merge kata's counterexample: the partition each of its records is
    /// in, in the same order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterexample_partitions: Option<Vec<u64>>,
    pub diff: Option<String>,
    /// The interviewer's follow-up question this case answers.
    pub question: String,
    /// The concern of that question, if it is one of the grader's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concern: Option<Concern>,
    /// Which rule the case broke, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// The id of the prompt's rule (kata.toml `[[rules]]`) the failure
    /// breaks, when one of that rule's mutants fails the same way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kata_rule: Option<String>,
    /// Where a failing case's question came from: `kata_rule`,
    /// `counterexample`, `finding` or `case`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_from: Option<crate::judge::QuestionFrom>,
    /// A memory case's memory finding, also when the case failed on its
    /// output first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<judge::Memory>,
    pub time_limit_ms: u64,
    /// Set on memory cases: the most peak heap the case allows.
    pub peak_heap_limit_bytes: Option<u64>,
    /// Memory cases of a Rust solution: its resident memory as the kernel
    /// counted it (what the heap meter does not see, a static's included),
    /// the reference's, and the most the case allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak_resident_bytes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_peak_resident_bytes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak_resident_limit_bytes: Option<u64>,
    /// DataFrame katas: what the executed plan did (its joins and their
    /// modes, each hash repartition's rows per partition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub kata: String,
    /// The solution's language (an extension of the contract's report).
    #[serde(default)]
    pub language: Language,
    pub verdict: Overall,
    pub seed: u64,
    pub compile: CompileInfo,
    pub cases: Vec<CaseReport>,
    /// Set when the kernel could not confine the solution: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox: Option<String>,
}

impl Report {
    pub fn compile_error(kata: &str, language: Language, seed: u64, stderr: String) -> Report {
        Report {
            kata: kata.to_string(),
            language,
            verdict: Overall::CompileError,
            seed,
            compile: CompileInfo { ok: false, stderr },
            cases: Vec::new(),
            sandbox: None,
        }
    }

    pub fn new(kata: &str, language: Language, seed: u64, cases: Vec<CaseReport>) -> Report {
        let verdict = if cases.iter().all(|c| c.verdict == Verdict::Pass) { Overall::Pass } else { Overall::Fail };
        Report {
            kata: kata.to_string(),
            language,
            verdict,
            seed,
            compile: CompileInfo { ok: true, stderr: String::new() },
            cases,
            sandbox: None,
        }
    }

    pub fn passed(&self) -> bool {
        self.verdict == Overall::Pass
    }

    /// Cases passed, and cases graded.
    pub fn case_counts(&self) -> (usize, usize) {
        let passed = self.cases.iter().filter(|c| c.verdict == Verdict::Pass).count();
        (passed, self.cases.len())
    }

    /// The distinct failing verdicts, in case order.
    pub fn failing_verdicts(&self) -> Vec<Verdict> {
        let mut seen = Vec::new();
        for c in &self.cases {
            if c.verdict != Verdict::Pass && !seen.contains(&c.verdict) {
                seen.push(c.verdict);
            }
        }
        seen
    }
}

impl CaseReport {
    /// Whether a failure of this case was shrunk to a counterexample.
    pub fn has_counterexample(&self) -> bool {
        self.counterexample.is_some()
    }

    /// A judged case and its counterexample, worded: the only place where
    /// a case's facts become its message.
    pub fn new(judged: Judged, counterexample: Option<Counterexample>) -> CaseReport {
        let message = message::of(&judged, counterexample.as_ref());
        let diff = counterexample.as_ref().and_then(|cx| match &cx.actual {
            harness::shrink::Actual::Output { items } => {
                harness::diff::unified(&harness::compare::lines(&cx.expected), &harness::compare::lines(items))
            }
            harness::shrink::Actual::Panicked { .. } => None,
        });
        let rule = rule(&judged);
        let question_from = rule.map(|_| judged.question_from);
        let m = judged.measures;
        CaseReport {
            name: judged.name,
            tags: judged.families,
            verdict: judged.verdict,
            message,
            events: m.events,
            unit: judged.unit,
            elapsed_ms: m.elapsed_ms,
            reference_elapsed_ms: m.reference_elapsed_ms,
            cpu_ms: m.cpu_ms,
            reference_cpu_ms: m.reference_cpu_ms,
            peak_heap_bytes: m.peak_heap_bytes,
            reference_peak_heap_bytes: m.reference_peak_heap_bytes,
            counterexample_partitions: counterexample
                .as_ref()
                .map(|cx| cx.partitions.clone())
                .filter(|p| !p.is_empty()),
            counterexample: counterexample.map(|cx| cx.records),
            diff,
            question: judged.question.text,
            concern: judged.question.concern,
            rule,
            kata_rule: judged.kata_rule.map(|r| r.id),
            question_from,
            memory: match judged.finding {
                Finding::Memory(m) => Some(m),
                _ => judged.memory,
            },
            time_limit_ms: m.time_limit_ms,
            peak_heap_limit_bytes: m.peak_heap_limit_bytes,
            peak_resident_bytes: m.peak_resident_bytes,
            reference_peak_resident_bytes: m.reference_peak_resident_bytes,
            peak_resident_limit_bytes: m.peak_resident_limit_bytes,
            plan: judged.plan.as_ref().map(plan::seen),
        }
    }
}

/// The rule a judged case broke.
fn rule(judged: &Judged) -> Option<Rule> {
    use crate::judge::join_cause::Cause;
    Some(match &judged.finding {
        Finding::Passed => return None,
        Finding::NotImplemented => Rule::NotImplemented,
        Finding::Panicked { .. } => Rule::Panic,
        Finding::Forbidden { .. } | Finding::Died(judge::Died::ProcessRefused) => Rule::Forbidden,
        Finding::Exited { .. } | Finding::Died(_) => match judged.verdict {
            Verdict::TimeExceeded => Rule::Time,
            Verdict::MemoryExceeded => Rule::Memory,
            _ => Rule::Crash,
        },
        Finding::Wrong(Wrong::Grain(_)) => Rule::Grain,
        Finding::Wrong(
            Wrong::Unaccounted { .. } | Wrong::Surplus { .. } | Wrong::Blame { .. } | Wrong::Problem { .. },
        ) => Rule::Quarantine,
        Finding::Wrong(_) => match &judged.cause {
            Some(Cause::FanOut { .. }) => Rule::FanOut,
            Some(Cause::UnmatchedKept { .. }) => Rule::UnmatchedKept,
            Some(Cause::NullsMatched { .. }) => Rule::NullsMatched,
            Some(Cause::LostMatch { .. }) => Rule::LostMatch,
            Some(Cause::LostUnmatched { .. }) => Rule::LostUnmatched,
            Some(Cause::WrongMatch { .. }) => Rule::WrongMatch,
            Some(Cause::Columns { .. }) => Rule::Columns,
            None => Rule::Output,
        },
        Finding::Plan(_) => Rule::Plan,
        Finding::Memory(m) if m.state.is_some() => Rule::State,
        Finding::Memory(_) => Rule::Memory,
        Finding::Slow(_) => Rule::Time,
    })
}
