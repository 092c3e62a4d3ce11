//! expect: wrong_answer
//! Rewrites every event day it sees in the log up to `end`, not only the
//! window: a daily run rewrites the whole history, partitions before
//! `start - lookback` included.
use grader::jobs::add_days;
use grader::prelude::*;
use std::collections::BTreeSet;

pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    let mut seen: BTreeSet<Date> = days(add_days(start, -lookback), end).collect();
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        if utc_day(e.ingested_at) >= end {
            continue;
        }
        let day = utc_day(e.ts);
        seen.insert(day);
        *counts.entry((day, e.user_id)).or_insert(0) += 1;
    }
    for day in seen {
        let rows: Vec<DailyCount> = counts
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), &n)| DailyCount { day, user_id, n })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
