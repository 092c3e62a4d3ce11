//! expect: wrong_answer
//! Reaches back by the number from the prompt's example, 3 days, instead of
//! its `lookback` parameter: it rewrites days another run owns.
use grader::jobs::add_days;
use grader::prelude::*;

/// Keep what was processed before `end` and happened inside the window;
/// count first, write last; overwrite every day of the window and nothing else.
pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    let from = add_days(start, -3);
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        if utc_day(e.ingested_at) >= end {
            continue;
        }
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
