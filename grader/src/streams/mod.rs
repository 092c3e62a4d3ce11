//! Seeded, lazy, adversarial input streams.
//!
//! A stream is described by a [`StreamSpec`]: a seed, a length, the edge-case
//! families to mix in, and parameters. The same spec gives the same records on
//! every machine (see `rng`), and the generators hold O(1) state, so a case of
//! ten million events costs no more memory than one of ten. The one exception
//! are [`Family::Shuffled`] (a full shuffle) and [`Family::SortedByUser`],
//! which are built before the solution is called so that they never count
//! against the solution's memory.

mod events;
mod rows;

pub use events::EventStream;
pub use rows::RowStream;

use serde::{Deserialize, Serialize};
use strum::EnumMessage;

/// Bumped whenever a change here or in `rng` changes generated records.
/// Cached reference results are keyed by it.
///
/// 4: `schema_drift` also damages the `schema_version` of rows in the first
/// schema's shape, so that reading a bad version as version 1 is caught.
pub const GENERATOR_VERSION: u32 = 4;

/// An edge-case family: one way in which production input differs from the
/// five clean rows of an interview prompt. A case's tags are its families.
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
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Family {
    /// Well-formed records in event-time order.
    #[strum(message = "well-formed records in event-time order")]
    Clean,
    /// `updated_by` is `None`, or the text `"null"`.
    #[strum(message = "updated_by missing (None) or holding the text \"null\"")]
    Nulls,
    /// Equal event times; retries with equal `ingested_at`.
    #[strum(message = "equal event times, and retries with equal ingested_at")]
    Ties,
    /// Bounded disorder: records leave a small window in random order.
    #[strum(message = "records delivered out of order within a small window")]
    OutOfOrder,
    /// A full shuffle of the stream.
    #[strum(message = "the whole stream in random order")]
    Shuffled,
    /// The same `event_id` delivered again, later.
    #[strum(message = "the same event_id delivered again with a later ingested_at")]
    Retries,
    /// Event time one or more days before processing time.
    #[strum(message = "event time days before processing time")]
    Late,
    /// One user holds most of the records.
    #[strum(message = "one user holding about 90% of the records")]
    Skew,
    /// No records at all.
    #[strum(message = "an empty stream")]
    Empty,
    /// Exactly one record.
    #[strum(message = "a stream of one record")]
    Single,
    /// About as many distinct users as records.
    #[strum(message = "about as many distinct users as records")]
    HighCardinality,
    /// Retries arrive right after their original: the stream is grouped by
    /// `event_id` (as if sorted by key upstream).
    #[strum(message = "every delivery of an event_id next to the others (grouped by key)")]
    Grouped,
    /// The stream sorted by (user_id, ts), as sessionization expects
    /// (built before the solution is called).
    #[strum(message = "sorted by (user_id, ts)")]
    SortedByUser,
    /// Rows: a field is missing.
    #[strum(message = "rows with a field missing")]
    MissingFields,
    /// Rows: a field holds the wrong type: a float where an integer
    /// belongs, a boolean, a nested object, an empty string, a number
    /// written as text.
    #[strum(message = "fields of the wrong type: floats, booleans, objects, empty or numeric text")]
    WrongTypes,
    /// Rows: fields nobody asked for.
    #[strum(message = "rows with fields nobody asked for")]
    ExtraFields,
    /// Rows: very long strings, and numbers too large for an i64.
    #[strum(message = "very long strings and numbers too large for an i64")]
    LongValues,
    /// Rows: a second schema version with renamed fields
    /// (`userId`, `event_time`, `type`, `amount_cents`, `schema_version: 2`).
    #[strum(message = "a second schema version with renamed fields")]
    SchemaDrift,
}

impl Family {
    pub const ALL: [Family; 18] = [
        Family::Clean,
        Family::Nulls,
        Family::Ties,
        Family::OutOfOrder,
        Family::Shuffled,
        Family::Retries,
        Family::Late,
        Family::Skew,
        Family::Empty,
        Family::Single,
        Family::HighCardinality,
        Family::Grouped,
        Family::SortedByUser,
        Family::MissingFields,
        Family::WrongTypes,
        Family::ExtraFields,
        Family::LongValues,
        Family::SchemaDrift,
    ];

    /// The family as kata files and reports spell it (serde's spelling).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What the family's records are like, for people.
    pub fn describe(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }
}

/// Tunable parameters of the event generator. Every field has a default, so
/// a kata names only what it changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StreamParams {
    /// Users are numbered `1..=users` (see `user_stride`).
    pub users: u64,
    pub event_types: Vec<String>,
    /// Event time of the first record (Unix seconds).
    pub start_ts: i64,
    /// Mean gap between consecutive event times, in seconds.
    pub mean_gap_seconds: u64,
    /// `ingested_at - ts` is drawn from `0..=max_ingest_delay` seconds.
    pub max_ingest_delay: u64,
    /// Share of records whose `updated_by` is nulled (family `nulls`).
    pub null_rate: f64,
    /// Share of records delivered again (family `retries`).
    pub retry_rate: f64,
    /// Share of ties among consecutive times and retries (family `ties`).
    pub tie_rate: f64,
    /// Share of records that arrive days late (family `late`).
    pub late_rate: f64,
    pub max_lateness_days: u64,
    /// Users are numbered `stride, 2 * stride, ..`: ids that share a
    /// factor, so that bucketing by the id itself (`user_id % n`) puts
    /// them all in few buckets. 1: ids `1..=users`.
    #[serde(skip_serializing_if = "is_one")]
    pub user_stride: u64,
    /// Merge katas: the stream is split into this many sorted streams,
    /// by a hash of the user ([`crate::partitions`]). 0: one.
    #[serde(skip_serializing_if = "is_zero_u64")]
    pub partitions: u64,
    /// Share of records that belong to `hot_user` (family `skew`).
    pub skew_share: f64,
    pub hot_user: u64,
    /// Size of the reordering window (family `out_of_order`).
    pub disorder_window: u64,
    /// Rows: share of rows each corrupting family touches.
    pub corrupt_rate: f64,
    /// Rows: share of rows that carry an amount.
    pub amount_rate: f64,
    /// Rows: share of rows in schema version 2 (family `schema_drift`).
    pub drift_rate: f64,
    /// Rows: share of the text nulls (family `nulls`) written in another
    /// letter case or with spaces around (`"NULL"`, `" Null "`). 0 leaves
    /// every null text `"null"`.
    #[serde(skip_serializing_if = "is_zero")]
    pub null_case_rate: f64,
    /// Rows: share of rows whose event type is non-ASCII text: short, of
    /// exactly 64 UTF-8 bytes, or of more than 64 bytes in no more than 64
    /// characters.
    #[serde(skip_serializing_if = "is_zero")]
    pub unicode_rate: f64,
    /// Rows: share of rows whose amount is text that parses to NaN or an
    /// infinity (`"nan"`, `"NaN"`, `"inf"`, `"-Infinity"`, `"1e400"`).
    #[serde(skip_serializing_if = "is_zero")]
    pub nonfinite_rate: f64,
    /// Rows: share of version-1 rows whose amount is a whole number
    /// written as a JSON integer (`42`, where the others read `42.17`).
    #[serde(skip_serializing_if = "is_zero")]
    pub whole_amount_rate: f64,
    /// Rows: above 0, every row carries a `payload`, a JSON object nested
    /// up to this many levels (objects, arrays, empty ones, every scalar).
    #[serde(skip_serializing_if = "is_zero_u32")]
    pub payload_depth: u32,
    /// Share of retries (family `retries`) delivered under a fresh
    /// `event_id`, as from a producer that mints an id per attempt: the
    /// same content, another id.
    #[serde(skip_serializing_if = "is_zero")]
    pub remint_rate: f64,
    /// Rows: share of rows whose event time (`ts`, or `event_time` on a
    /// version-2 row) is rewritten from the true Unix seconds into another
    /// format a producer might send: epoch milliseconds (an integer of 10^11
    /// or more), digits as text, ISO-8601 with `Z` or a numeric offset
    /// (`+05:30`, `-08:00`), `YYYY-MM-DD HH:MM:SS` with no zone (UTC),
    /// sometimes with a fraction of a second or spaces around; or junk that
    /// names no time (empty text, words, month 13, February 29 of a common
    /// year, hour 24, a date alone).
    #[serde(skip_serializing_if = "is_zero")]
    pub ts_format_rate: f64,
}

fn is_zero_u64(x: &u64) -> bool {
    *x == 0
}

fn is_one(x: &u64) -> bool {
    *x == 1
}

fn is_zero_u32(x: &u32) -> bool {
    *x == 0
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

impl Default for StreamParams {
    fn default() -> Self {
        StreamParams {
            users: 1000,
            event_types: ["view", "click", "add_to_cart", "purchase"].map(String::from).to_vec(),
            start_ts: 1_767_225_600, // 2026-01-01T00:00:00Z
            mean_gap_seconds: 3,
            max_ingest_delay: 300,
            null_rate: 0.25,
            retry_rate: 0.15,
            tie_rate: 0.5,
            late_rate: 0.05,
            max_lateness_days: 3,
            user_stride: 1,
            partitions: 0,
            skew_share: 0.9,
            hot_user: 1,
            disorder_window: 64,
            corrupt_rate: 0.2,
            amount_rate: 0.7,
            drift_rate: 0.4,
            null_case_rate: 0.0,
            unicode_rate: 0.0,
            nonfinite_rate: 0.0,
            whole_amount_rate: 0.0,
            payload_depth: 0,
            remint_rate: 0.0,
            ts_format_rate: 0.0,
        }
    }
}

/// What kind of record a stream yields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// [`crate::prelude::Event`]s.
    #[default]
    Events,
    /// Loose JSON objects ([`crate::prelude::RawRow`]) made from events.
    Rows,
    /// Rows of the tables of a [`crate::datasets::Dataset`].
    Tables,
}

/// Everything needed to regenerate one stream exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StreamSpec {
    #[serde(default)]
    pub record: RecordKind,
    pub seed: u64,
    /// Number of records the stream yields, retries included.
    pub events: u64,
    pub families: Vec<Family>,
    pub params: StreamParams,
    /// The tables a `Tables` stream makes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<crate::datasets::Dataset>,
}

impl StreamSpec {
    pub fn has(&self, family: Family) -> bool {
        self.families.contains(&family)
    }

    /// The number of records this spec really yields (`empty` and `single`
    /// fix the length).
    pub fn len(&self) -> u64 {
        if self.has(Family::Empty) {
            0
        } else if self.has(Family::Single) {
            self.events.min(1)
        } else {
            self.events
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The same stream with another length (used by the memory growth check).
    pub fn with_events(&self, events: u64) -> StreamSpec {
        StreamSpec { events, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_are_named_as_serde_spells_them() {
        for family in Family::ALL {
            let serde = serde_json::to_value(family).unwrap();
            assert_eq!(serde.as_str(), Some(family.name()), "{family:?}");
        }
        assert_eq!(Family::OutOfOrder.name(), "out_of_order");
        assert_eq!(Family::HighCardinality.name(), "high_cardinality");
        assert_eq!(Family::SortedByUser.name(), "sorted_by_user");
    }

    #[test]
    fn every_family_is_described() {
        for family in Family::ALL {
            assert!(!family.describe().is_empty(), "{family:?}");
        }
        assert_eq!(Family::Nulls.describe(), "updated_by missing (None) or holding the text \"null\"");
        assert_eq!(Family::SchemaDrift.describe(), "a second schema version with renamed fields");
    }
}
