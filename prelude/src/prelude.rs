//! What a solution file sees after `use grader::prelude::*;`.
//!
//! The names here are part of dekata's public contract (CONTRACT.md): the
//! `Event` record, the collections a solution may reach for, serde's `Value`,
//! and the small helpers some katas name in their rules.

pub use serde::{Deserialize, Serialize};
pub use serde_json::Value;
pub use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

pub use crate::jobs::{DailyCount, Date, Partitioned, Stale, Table, add_days, days, utc_day};

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

/// The `row`-th hash function of a family of independent 64-bit hashes.
///
/// Sketch katas (Count-Min, heavy hitters) name this function in their rules
/// so that every correct solution builds exactly the same sketch.
pub fn sketch_hash(row: u64, key: u64) -> u64 {
    use crate::hash::mix64;
    mix64(key ^ mix64(row.wrapping_add(0x5EED)))
}
