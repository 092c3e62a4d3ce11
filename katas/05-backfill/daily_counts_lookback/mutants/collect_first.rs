//! expect: memory_exceeded
//! Collects the whole log before counting: right, and O(events) memory.
use grader::jobs::add_days;
use grader::prelude::*;

pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    let all: Vec<Event> = events.collect();
    let from = add_days(start, -lookback);
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in all.iter().filter(|e| utc_day(e.ingested_at) < end) {
        let day = utc_day(e.ts);
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
