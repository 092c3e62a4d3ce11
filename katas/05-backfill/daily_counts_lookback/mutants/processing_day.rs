//! expect: wrong_answer
//! Counts by processing day, utc_day(ingested_at), as the plain daily job
//! does: a late event is counted on the day it arrived, not the day it
//! happened, which is what this table promises.
use grader::jobs::add_days;
use grader::prelude::*;

pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    let from = add_days(start, -lookback);
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ingested_at);
        if from <= day && day < end {
            *counts.entry((day, e.user_id)).or_insert(0) += 1;
        }
    }
    for day in days(from, end) {
        let rows: Vec<DailyCount> = counts
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), &n)| DailyCount { day, user_id, n })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
