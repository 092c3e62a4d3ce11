//! What a judged case carries: its verdict and the typed facts behind it
//! (which rule broke, with the numbers). `report` words them; nothing here
//! is a sentence.

use super::{join_cause, plan};
use crate::catalog::{Question, Unit};
use crate::language::Language;
use harness::compare::GrainViolation;
use harness::jobs::{Date, JobSpec};
use harness::protocol::{PlanReport, Problem};
use harness::streams::Family;
use serde::{Deserialize, Serialize};

/// The verdict of one case.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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
    /// The verdict as the report spells it (serde's spelling).
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        s.parse().ok()
    }
}

/// What a counterexample is searched for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShrinkTarget {
    /// The learner's output differs from the reference's.
    WrongAnswer,
    /// The learner's output holds two rows for one grain key.
    Grain,
    /// The learner's code panics.
    Panic,
}

/// Where the question a failing case asks came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionFrom {
    /// The case's own question (kata.toml, else its families').
    Case,
    /// The kind of failure: memory, the grain, the plan.
    Finding,
    /// What the shrunk counterexample's records show (a tie, a null).
    Counterexample,
    /// The rule of the prompt the failure breaks, found by its mutant.
    KataRule,
}

/// A case's verdict and its facts, before they are worded.
#[derive(Clone, Debug)]
pub struct Judged {
    pub name: String,
    /// The case's stream families (its tags in the report).
    pub families: Vec<Family>,
    pub verdict: Verdict,
    pub finding: Finding,
    /// A memory case's memory finding when the case failed on its output
    /// first: the verdict stays, and the report says both.
    pub memory: Option<Memory>,
    /// The interviewer's follow-up the failure puts.
    pub question: Question,
    pub question_from: QuestionFrom,
    /// The rule of the prompt the failure breaks, when a rule's mutant
    /// fails the same way.
    pub kata_rule: Option<crate::catalog::rules::PromptRule>,
    pub measures: Measures,
    /// Set when a counterexample should be searched for.
    pub shrink: Option<ShrinkTarget>,
    /// What the case's size counts (events, rows, orders).
    pub unit: Unit,
    /// What a counterexample's records are (rows, for a DataFrame kata's
    /// rows of several tables).
    pub counterexample_unit: Unit,
    /// DataFrame katas: what the learner's executed plan did.
    pub plan: Option<PlanReport>,
    /// What the shrunk counterexample shows, once there is one.
    pub cause: Option<join_cause::Cause>,
    pub language: Language,
    /// The solution file, as the report names it.
    pub solution: String,
    /// Job katas: how the job was run, and its first day.
    pub job: Option<(JobSpec, Date)>,
}

/// Times and heap of a case's run against its baseline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measures {
    pub events: u64,
    pub elapsed_ms: u64,
    pub cpu_ms: u64,
    pub reference_elapsed_ms: u64,
    pub reference_cpu_ms: u64,
    pub peak_heap_bytes: u64,
    pub reference_peak_heap_bytes: u64,
    pub time_limit_ms: u64,
    /// Set on memory cases: the most peak heap the case allows.
    pub peak_heap_limit_bytes: Option<u64>,
    /// Memory cases of a worker that counts its own heap: the resident
    /// memory the kernel counted, the reference's, and the most it allows.
    pub peak_resident_bytes: Option<u64>,
    pub reference_peak_resident_bytes: Option<u64>,
    pub peak_resident_limit_bytes: Option<u64>,
}

/// What was found, as facts.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    Passed,
    /// The starter was reached (`todo!()`, `NotImplementedError`).
    NotImplemented,
    /// A panic, or an uncaught exception, and where in the solution.
    Panicked {
        message: String,
        location: Option<String>,
    },
    /// The solution tried something a worker may not do.
    Forbidden {
        action: String,
        target: String,
    },
    /// The solution asked its process to exit (Python's `sys.exit`).
    Exited {
        code: String,
    },
    /// The worker ended before reporting.
    Died(Died),
    Wrong(Wrong),
    Plan(plan::Broken),
    Memory(Memory),
    Slow(Slow),
}

/// How a worker ended without reporting.
#[derive(Clone, Debug, PartialEq)]
pub enum Died {
    /// Stopped at the wall clock.
    TimedOut {
        after_ms: u64,
    },
    /// Stopped by the CPU backstop.
    CpuLimit,
    /// An allocation failed at the process's hard cap.
    HardCap {
        bytes: Option<u64>,
        cap_mib: u64,
    },
    /// The engine (a PySpark worker's JVM) ran out of its heap.
    EngineHeap {
        heap_mib: u64,
    },
    StackOverflow {
        signal: i32,
    },
    Signal {
        signal: i32,
        last_words: String,
    },
    /// It exited with status 0 before reporting (`process::exit`, `os._exit`).
    EarlyExit,
    /// The kernel killed it for starting a process or running a program
    /// (the process filter's SIGSYS).
    ProcessRefused,
    /// It wrote something on the reply channel that is no reply.
    Garbled {
        what: String,
    },
    /// dekata's own worker could not run.
    WorkerBroken {
        last_words: String,
    },
    Exit {
        code: i32,
        last_words: String,
    },
}

/// How an output differs from the reference's.
#[derive(Clone, Debug, PartialEq)]
pub enum Wrong {
    NoOutput,
    /// Something the output itself gets wrong, whatever the reference says
    /// (an empty quarantine error), with how many more like it.
    Problem {
        first: Problem,
        more: u64,
    },
    /// Two output rows share a grain key.
    Grain(GrainViolation),
    /// A parse that does not account for every input row.
    Unaccounted {
        missing: u64,
        input: u64,
    },
    Surplus {
        extra: u64,
        input: u64,
    },
    /// A quarantined row whose error names none of the fields the
    /// reference finds at fault.
    Blame {
        row: String,
        named: Vec<String>,
        at_fault: Vec<String>,
        more: u64,
    },
    /// A different output: its size and the reference's.
    Output {
        actual: u64,
        expected: u64,
        events: u64,
        joins: bool,
    },
}

/// Which measure of memory a finding is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gauge {
    /// The peak heap: a Rust worker's own count of its allocations, or a
    /// Python worker's resident memory read by dekata.
    #[default]
    Heap,
    /// A Rust worker's resident memory as the kernel counts it, read by
    /// dekata: what the heap meter does not see (a static) counts here.
    Resident,
}

/// A memory case's finding: the peak against the limit, and how it grew.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// What was measured.
    #[serde(default)]
    pub gauge: Gauge,
    pub peak: u64,
    pub reference_peak: u64,
    pub limit: u64,
    pub events: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<Growth>,
    /// Resumable katas: the state checkpointed between chunks grew.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<StateGrowth>,
}

/// How a peak grew when the stream grew `scale` times.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    pub scale: u64,
    pub small_events: u64,
    pub small_peak: u64,
    pub factor: f64,
    pub reference_factor: Option<f64>,
    /// It grows with the stream (and the reference's does not).
    pub grows: bool,
}

/// A resumable job's checkpointed state against the reference's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateGrowth {
    pub largest_bytes: u64,
    pub reference_largest_bytes: u64,
    /// The run was stopped once the state passed the case's limit, after
    /// this many records.
    pub stopped_after: Option<u64>,
}

/// A run slower than the case allows.
#[derive(Clone, Debug, PartialEq)]
pub struct Slow {
    pub cpu_ms: u64,
    pub reference_cpu_ms: u64,
    pub limit_ms: u64,
    pub factor: f64,
    pub floor_ms: u64,
    pub events: u64,
    /// The reference was timed again in this run, to confirm the limit.
    pub retimed: bool,
}

impl Judged {
    pub fn set_question(&mut self, question: Question, from: QuestionFrom) {
        self.question = question;
        self.question_from = from;
    }

    /// The failure breaks `rule` of the prompt: its question is the one to ask.
    pub fn breaks(&mut self, rule: &crate::catalog::rules::PromptRule) {
        let question = Question { text: rule.question.clone(), concern: rule.concern, general: false };
        self.set_question(question, QuestionFrom::KataRule);
        self.kata_rule = Some(rule.clone());
    }
}
