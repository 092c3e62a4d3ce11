//! expect: wrong_answer
//! Takes the range as closed, [start - lookback, end]: the partition of
//! `end` belongs to tomorrow's run, and this one empties it.
use grader::jobs::add_days;
use grader::prelude::*;

pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    let from = add_days(start, -lookback);
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        if utc_day(e.ingested_at) >= end {
            continue;
        }
        let day = utc_day(e.ts);
        if from <= day && day <= end {
            *counts.entry((day, e.user_id)).or_insert(0) += 1;
        }
    }
    for day in days(from, add_days(end, 1)) {
        let rows: Vec<DailyCount> = counts
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), &n)| DailyCount { day, user_id, n })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
