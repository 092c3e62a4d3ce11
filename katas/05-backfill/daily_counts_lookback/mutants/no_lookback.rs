//! expect: wrong_answer
//! Recounts only the days of [start, end): a late event lands on a day an
//! earlier run already wrote, and no run ever goes back to count it.
use grader::prelude::*;

pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, _lookback: i64) {
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        if utc_day(e.ingested_at) >= end {
            continue;
        }
        let day = utc_day(e.ts);
        if start <= day && day < end {
            *counts.entry((day, e.user_id)).or_insert(0) += 1;
        }
    }
    for day in days(start, end) {
        let rows: Vec<DailyCount> = counts
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), &n)| DailyCount { day, user_id, n })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
