//! expect: wrong_answer
//! Appends its counts instead of overwriting the window's partitions: a
//! second run, or the next day's run over the same lookback days, counts
//! the same events again, and stale rows stay.
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
        if from <= day && day < end {
            *counts.entry((day, e.user_id)).or_insert(0) += 1;
        }
    }
    out.append(counts.into_iter().map(|((day, user_id), n)| DailyCount { day, user_id, n }));
}
