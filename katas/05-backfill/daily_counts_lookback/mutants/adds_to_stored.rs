//! expect: wrong_answer
//! Reads each day of the window and adds this run's counts to what it
//! holds, as an incremental load would: a second run, or the next day's run
//! over the same lookback days, counts the same events again.
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
    for day in days(from, end) {
        let mut merged: BTreeMap<u64, u64> = out.partition(day).iter().map(|r| (r.user_id, r.n)).collect();
        for (&(_, user_id), &n) in counts.range((day, 0)..=(day, u64::MAX)) {
            *merged.entry(user_id).or_insert(0) += n;
        }
        out.overwrite_partition(day, merged.into_iter().map(|(user_id, n)| DailyCount { day, user_id, n }).collect::<Vec<_>>());
    }
}
