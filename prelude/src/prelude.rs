//! What a solution file sees after `use grader::prelude::*;`.
//!
//! The names here are part of dekata's public contract (CONTRACT.md): the
//! `Event` record, the collections a solution may reach for, serde's `Value`,
//! and the small helpers some katas name in their rules.

pub use serde::{Deserialize, Serialize};
pub use serde_json::Value;
pub use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

pub use crate::jobs::{DailyCount, Date, Partitioned, Stale, Table, add_days, days, utc_day};
pub use crate::records::{Event, ParsedEvent, Quarantined, RawRow, Session};
pub use crate::source::{Partition, Pass, Source};

/// The `row`-th hash function of a family of independent 64-bit hashes.
///
/// Sketch katas (Count-Min, heavy hitters) name this function in their rules
/// so that every correct solution builds exactly the same sketch.
pub fn sketch_hash(row: u64, key: u64) -> u64 {
    use crate::hash::mix64;
    mix64(key ^ mix64(row.wrapping_add(0x5EED)))
}
