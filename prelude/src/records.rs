//! The records the katas read and write: what `grader::prelude` exports
//! and the output store of `grader::jobs` holds.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One record of the event streams most katas read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub event_id: String,
    pub user_id: u64,
    pub event_type: String,
    /// Event time, Unix seconds.
    pub ts: i64,
    /// Processing time, Unix seconds.
    pub ingested_at: i64,
    pub updated_by: Option<String>,
}

/// A loose JSON object, as rows arrive from an upstream you do not control.
pub type RawRow = serde_json::Map<String, Value>;

/// A row that parsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParsedEvent {
    pub user_id: i64,
    pub ts: i64,
    pub event_type: String,
    pub amount: Option<f64>,
}

/// A row that did not parse, with the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    pub row: RawRow,
    pub error: String,
}

/// One user's burst of activity: events no more than a gap apart.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Session {
    pub user_id: u64,
    pub start_ts: i64,
    pub end_ts: i64,
    pub event_count: u64,
}
