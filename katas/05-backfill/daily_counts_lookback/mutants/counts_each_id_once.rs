//! expect: wrong_answer
//! Treats a retry as a duplicate and counts each event_id once: this job
//! counts every record it reads, retries included.
use grader::jobs::add_days;
use grader::prelude::*;

pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    let from = add_days(start, -lookback);
    let mut seen: HashSet<String> = HashSet::new();
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        if utc_day(e.ingested_at) >= end {
            continue;
        }
        let day = utc_day(e.ts);
        if from <= day && day < end && seen.insert(e.event_id.clone()) {
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
