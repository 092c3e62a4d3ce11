//! The report: what a check found, as the JSON document of the contract.
//!
//! [`CaseReport::new`] and [`Report::new`] are pure: judged results in,
//! report out. Rendering for people lives in `render`.

use crate::judge::Judged;
use crate::language::Language;
use grader::shrink::{Actual, Counterexample};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The verdict of one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    WrongAnswer,
    MemoryExceeded,
    TimeExceeded,
    Panicked,
    Crashed,
    NotImplemented,
    /// DataFrame katas: the right answer from a plan that breaks the
    /// kata's plan rules (a broadcast missing or too large, a skewed shuffle).
    PlanRejected,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::WrongAnswer => "wrong_answer",
            Verdict::MemoryExceeded => "memory_exceeded",
            Verdict::TimeExceeded => "time_exceeded",
            Verdict::Panicked => "panicked",
            Verdict::Crashed => "crashed",
            Verdict::NotImplemented => "not_implemented",
            Verdict::PlanRejected => "plan_rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        ALL_VERDICTS.into_iter().find(|v| v.name() == s)
    }
}

pub const ALL_VERDICTS: [Verdict; 8] = [
    Verdict::Pass,
    Verdict::WrongAnswer,
    Verdict::MemoryExceeded,
    Verdict::TimeExceeded,
    Verdict::Panicked,
    Verdict::Crashed,
    Verdict::NotImplemented,
    Verdict::PlanRejected,
];

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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseReport {
    pub name: String,
    pub tags: Vec<String>,
    pub verdict: Verdict,
    pub message: String,
    pub events: u64,
    /// What `events` counts: `events` or `rows`.
    pub unit: String,
    pub elapsed_ms: u64,
    pub reference_elapsed_ms: u64,
    pub peak_heap_bytes: u64,
    pub reference_peak_heap_bytes: u64,
    pub counterexample: Option<Vec<Value>>,
    pub diff: Option<String>,
    /// The interviewer's follow-up question this case answers.
    pub question: String,
    pub time_limit_ms: u64,
    /// Set on memory cases: the most peak heap the case allows.
    pub peak_heap_limit_bytes: Option<u64>,
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
    /// Joins a judged case with its shrink result into the reported case.
    pub fn new(judged: Judged, shrunk: Option<Counterexample>) -> CaseReport {
        let mut message = judged.message;
        let mut counterexample = None;
        let mut diff = None;
        if let Some(s) = shrunk {
            let n = s.records.len();
            // A DataFrame kata's counterexample mixes rows of several tables.
            let noun = judged.counterexample_noun;
            let frames = noun != judged.record_noun;
            let from = if frames {
                crate::judge::records(s.original_records, "row")
            } else {
                crate::judge::thousands(s.original_records)
            };
            match &s.actual {
                Actual::Output { items } => {
                    if let Some(grain) = s.grain_violation.as_ref().filter(|_| !message.contains("grain")) {
                        message.push_str(&format!(" {grain}."));
                    }
                    message.push_str(&format!(
                        " Shrunk to a {n}-{noun} counterexample (from {from})."
                    ));
                    let expected = grader::compare::lines(&s.expected);
                    let actual = grader::compare::lines(items);
                    diff = grader::diff::unified(&expected, &actual);
                }
                Actual::Panicked { message: m } => {
                    let same = message.contains(m.as_str());
                    let what = if same { String::new() } else { format!(": {m}") };
                    message.push_str(&format!(
                        " Shrunk to a {n}-{noun} input that makes it panic (from {from}){what}."
                    ));
                }
            }
            counterexample = Some(s.records);
        }
        // The interviewer's question follows failures that are about the
        // data or its scale; a crash or an endless loop speaks for itself.
        if matches!(
            judged.verdict,
            Verdict::WrongAnswer | Verdict::Panicked | Verdict::MemoryExceeded | Verdict::PlanRejected
        ) {
            message.push_str(&format!(" Interviewers ask: \u{201c}{}\u{201d}", judged.question));
        }
        CaseReport {
            name: judged.name,
            tags: judged.tags,
            verdict: judged.verdict,
            message: message.trim().to_string(),
            events: judged.events,
            unit: format!("{}s", judged.record_noun),
            elapsed_ms: judged.elapsed_ms,
            reference_elapsed_ms: judged.reference_elapsed_ms,
            peak_heap_bytes: judged.peak_heap_bytes,
            reference_peak_heap_bytes: judged.reference_peak_heap_bytes,
            counterexample,
            diff,
            question: judged.question,
            time_limit_ms: judged.time_limit_ms,
            peak_heap_limit_bytes: judged.peak_heap_limit_bytes,
            plan: judged.plan_seen,
        }
    }
}
