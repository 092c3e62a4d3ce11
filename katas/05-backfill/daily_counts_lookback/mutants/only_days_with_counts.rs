//! expect: wrong_answer
//! Overwrites only the window's days it has counts for: a day of the window
//! with no events keeps whatever stale rows the store held there.
use grader::jobs::add_days;
use grader::prelude::*;

pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    let from = add_days(start, -lookback);
    let mut per_day: BTreeMap<Date, BTreeMap<u64, u64>> = BTreeMap::new();
    for e in events {
        if utc_day(e.ingested_at) >= end {
            continue;
        }
        let day = utc_day(e.ts);
        if from <= day && day < end {
            *per_day.entry(day).or_default().entry(e.user_id).or_insert(0) += 1;
        }
    }
    for (day, users) in per_day {
        let rows: Vec<DailyCount> = users.into_iter().map(|(user_id, n)| DailyCount { day, user_id, n }).collect();
        out.overwrite_partition(day, rows);
    }
}
