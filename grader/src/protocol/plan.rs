//! What a DataFrame kata's executed plan did, as a worker or the Spark
//! engine reports it to dekata.

use serde::{Deserialize, Serialize};

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
    /// Session settings the grader fixes that the query changed (Spark:
    /// the shuffle partitions, the broadcast thresholds, the kata's own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings_changed: Vec<SettingChanged>,
    /// Input tables no scan of the executed plan read (Spark).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs_not_read: Vec<String>,
    /// Rows the plan carries as literal tables (Spark: rows collected and
    /// sent back with `createDataFrame`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub literal_rows: u64,
    /// The size of the plan the learner's code sent (Spark Connect's
    /// message): data inlined as literals or in a UDF's closure shows here.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub plan_bytes: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A fixed session setting the query changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingChanged {
    pub key: String,
    /// The value every graded plan runs with.
    pub graded: String,
    /// The value the query left (none: unset).
    pub now: Option<String>,
}

/// One join of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinSeen {
    /// DataFusion: `CollectLeft` (the build side is collected whole: a
    /// broadcast), `Partitioned` (both sides hash-repartitioned: a shuffle),
    /// or another join operator's name. Spark: the operator's name
    /// (`BroadcastHashJoin`, `SortMergeJoin`, ...).
    pub mode: String,
    /// The join keys, as the engine prints them.
    pub on: String,
    /// Rows on the build (collected, broadcast) side and on the probe side.
    pub build_rows: u64,
    pub probe_rows: u64,
}

impl JoinSeen {
    /// The build side was collected whole and shared: a broadcast.
    pub fn broadcast(&self) -> bool {
        matches!(self.mode.as_str(), "CollectLeft" | "BroadcastHashJoin" | "BroadcastNestedLoopJoin")
    }

    /// Both sides were hash-repartitioned across the cluster: a shuffle.
    pub fn shuffled(&self) -> bool {
        matches!(self.mode.as_str(), "Partitioned" | "SortMergeJoin" | "ShuffledHashJoin")
    }
}

/// One hash repartition (a shuffle) and the rows each partition received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepartitionSeen {
    /// The expressions rows were hashed on (empty where not known).
    pub on: String,
    pub partitions: Vec<u64>,
    /// On a cluster, the stage whose tasks read the shuffle, one task per
    /// partition (the rows of a join's two sides together): the cluster's
    /// monitoring API tells a stage's tasks, not an exchange's keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<u64>,
}
