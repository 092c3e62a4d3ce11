//! What the `dekata` command and a harness child process say to each other.
//!
//! The parent writes a [`CaseSpec`] to a file and starts the child with
//! `run SPEC RESULT` or `shrink SPEC RESULT`. The child writes one JSON
//! document ([`RunReport`] or [`ShrinkReport`]) to RESULT when it is done.
//! Anything the solution prints goes to the child's stdout and stderr, which
//! the parent reads separately, so it can never corrupt the result.

use crate::streams::StreamSpec;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which of the two solutions compiled into a harness a run calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Learner,
    Reference,
}

/// Whether output order matters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    #[default]
    Free,
    Ordered,
}

/// How two outputs are compared.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompareSpec {
    pub order: Order,
    /// Numbers within this absolute difference are equal (0: exact).
    pub float_tolerance: f64,
    /// Fields of an output item that together must be unique in the output.
    /// For map outputs the item is `{"key": .., "value": ..}`.
    pub grain: Vec<String>,
}

/// One graded case, as the child needs it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CaseSpec {
    pub kata: String,
    pub case: String,
    pub side: Side,
    pub stream: StreamSpec,
    /// Memory growth check: also run on a stream `scale` times shorter first.
    pub scale: Option<u64>,
    /// Keep the output items in the report (small cases only).
    pub keep_output: bool,
    pub compare: CompareSpec,
    /// For `shrink`: what counts as failing.
    pub shrink_target: Option<ShrinkTarget>,
    /// For job katas: the range and how the job is run.
    #[serde(default)]
    pub job: Option<crate::jobs::JobSpec>,
}

/// What a shrink keeps failing on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShrinkTarget {
    /// The learner's output differs from the reference's.
    WrongAnswer,
    /// The learner's code panics.
    Panic,
}

/// How the solution's call ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    Returned,
    Panicked { message: String, location: String },
}

/// A canonical summary of an output: its size, an order-aware or
/// order-free digest, and, for small cases, the items themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputSummary {
    pub items: u64,
    pub digest: String,
    pub kept: Option<Vec<Value>>,
    /// Problems the sink saw in the output itself (e.g. an empty error).
    #[serde(default)]
    pub problems: Vec<String>,
    #[serde(default)]
    pub problem_count: u64,
    /// DataFrame katas: what the engine's physical plan did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanReport>,
}

/// What a DataFrame kata's executed physical plan did: its joins and its
/// hash repartitions, with the rows each partition saw (from the plan's
/// metrics). The judge holds these against the kata's `[plan]` rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanReport {
    pub joins: Vec<JoinSeen>,
    pub repartitions: Vec<RepartitionSeen>,
    /// The plan as the engine prints it, indented, for messages.
    pub text: String,
    /// The target partitions the plan was made for, and those the grader
    /// runs every plan on (a solution may change its session's settings).
    #[serde(default)]
    pub target_partitions: u64,
    #[serde(default)]
    pub graded_partitions: u64,
}

/// One hash join of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinSeen {
    /// `CollectLeft` (the build side is collected whole: a broadcast),
    /// `Partitioned` (both sides hash-repartitioned: a shuffle), or
    /// another join operator's name.
    pub mode: String,
    /// The join keys, as the engine prints them.
    pub on: String,
    /// Rows on the build (left) side and on the probe side.
    pub build_rows: u64,
    pub probe_rows: u64,
}

/// One hash repartition (a shuffle) and the rows each partition received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepartitionSeen {
    /// The expressions rows were hashed on.
    pub on: String,
    pub partitions: Vec<u64>,
}

/// Time and heap of one call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub events: u64,
    pub elapsed_us: u64,
    pub peak_heap_bytes: u64,
}

/// The child's answer to `run`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    pub outcome: Outcome,
    pub measure: Measure,
    /// The measurement on the shorter stream, when the case has a `scale`.
    pub scaled_down: Option<Measure>,
    pub output: Option<OutputSummary>,
}

/// What the learner's code did on the counterexample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actual {
    Output { items: Vec<Value> },
    Panicked { message: String },
}

/// The child's answer to `shrink`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShrinkReport {
    /// False when even the full stream did not reproduce the failure.
    pub reproduced: bool,
    pub original_records: u64,
    pub counterexample: Vec<Value>,
    pub expected: Vec<Value>,
    pub actual: Actual,
    /// A grain violation on the counterexample, if that is the failure.
    pub grain_violation: Option<String>,
    pub tests_run: u64,
}
