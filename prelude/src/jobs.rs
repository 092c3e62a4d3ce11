//! The output store and dates of the backfill katas: a table partitioned
//! by day, the rows it holds, and the calendar helpers their rules name.
//! How the grader runs a job against such a store lives in the grader.

use crate::records::Event;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use jiff::civil::Date;

/// Seconds in a UTC day.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// The UTC calendar day of a Unix time (seconds).
pub fn utc_day(ts: i64) -> Date {
    let epoch = Date::constant(1970, 1, 1);
    let days = ts.div_euclid(SECONDS_PER_DAY);
    epoch.checked_add(jiff::Span::new().days(days)).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Each day in `[start, end)`.
pub fn days(start: Date, end: Date) -> impl Iterator<Item = Date> {
    start.series(jiff::Span::new().days(1)).take_while(move |d| *d < end)
}

/// `day` plus `n` days.
pub fn add_days(day: Date, n: i64) -> Date {
    day.checked_add(jiff::Span::new().days(n)).unwrap_or(day)
}

/// The user id of stale rows; generated streams never use it.
pub const STALE_USER: u64 = 0;

/// One row of a daily aggregate: `n` events of `user_id` processed on `day`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DailyCount {
    pub day: Date,
    pub user_id: u64,
    pub n: u64,
}

/// A row that belongs to a daily partition.
pub trait Partitioned {
    fn day(&self) -> Date;
}

impl Partitioned for DailyCount {
    fn day(&self) -> Date {
        self.day
    }
}

/// An event belongs to the partition of its event day, `utc_day(ts)`.
impl Partitioned for Event {
    fn day(&self) -> Date {
        utc_day(self.ts)
    }
}

/// Rows the harness can pre-fill a store with: rows a correct job must
/// overwrite inside its range and leave alone outside it. Their user is
/// [`STALE_USER`], which generated streams never use.
pub trait Stale: Partitioned + Sized {
    fn stale(day: Date, n: u64) -> Self;
}

impl Stale for DailyCount {
    fn stale(day: Date, n: u64) -> Self {
        DailyCount { day, user_id: STALE_USER, n }
    }
}

impl Stale for Event {
    fn stale(day: Date, n: u64) -> Self {
        let ts = (day - Date::constant(1970, 1, 1)).get_days() as i64 * SECONDS_PER_DAY + 3_600;
        Event {
            event_id: format!("stale-{day}-{n}"),
            user_id: STALE_USER,
            event_type: "stale".to_string(),
            ts,
            ingested_at: ts,
            updated_by: Some("yesterday's run".to_string()),
        }
    }
}

/// The output store: rows partitioned by day, as a warehouse table
/// partitioned by date. A job writes to it with [`Table::append`] or
/// [`Table::overwrite_partition`] and reads with [`Table::partition`].
#[derive(Clone, Debug, PartialEq)]
pub struct Table<R = DailyCount> {
    partitions: BTreeMap<Date, Vec<R>>,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Table { partitions: BTreeMap::new() }
    }
}

impl<R: Partitioned> Table<R> {
    pub fn new() -> Self {
        Table::default()
    }

    /// Adds rows to their days' partitions, beside what is there.
    pub fn append(&mut self, rows: impl IntoIterator<Item = R>) {
        for row in rows {
            self.partitions.entry(row.day()).or_default().push(row);
        }
    }

    /// Replaces the partition of `day` with `rows` (all of which must be of
    /// that day); an empty `rows` leaves the partition empty.
    pub fn overwrite_partition(&mut self, day: Date, rows: impl IntoIterator<Item = R>) {
        let rows: Vec<R> = rows.into_iter().collect();
        if let Some(r) = rows.iter().find(|r| r.day() != day) {
            panic!("overwrite_partition({day}) was given a row of {}: every row must belong to the partition", r.day());
        }
        self.partitions.insert(day, rows);
    }

    /// The rows of one day (empty when the partition does not exist).
    pub fn partition(&self, day: Date) -> &[R] {
        self.partitions.get(&day).map_or(&[], Vec::as_slice)
    }

    /// Every partition, in day order.
    pub fn partitions(&self) -> impl Iterator<Item = (Date, &[R])> {
        self.partitions.iter().map(|(d, rows)| (*d, rows.as_slice()))
    }
}
