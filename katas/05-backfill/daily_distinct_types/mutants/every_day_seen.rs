//! expect: wrong_answer
//! Ignores the range when it reads: it rewrites every event day in the log,
//! so a run for one day rewrites the whole history, and the partitions
//! outside the range change too.
use grader::prelude::*;
use std::collections::BTreeSet;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut seen_days: BTreeSet<Date> = days(start, end).collect();
    let mut types: BTreeMap<(Date, u64), HashSet<String>> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ts);
        seen_days.insert(day);
        types.entry((day, e.user_id)).or_default().insert(e.event_type);
    }
    for day in seen_days {
        let rows: Vec<DailyCount> = types
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), seen)| DailyCount { day, user_id, n: seen.len() as u64 })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
