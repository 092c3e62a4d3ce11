//! expect: memory_exceeded
//! Collects the whole input before counting: right, and O(events) memory.
use grader::prelude::*;

pub fn process_range(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let all: Vec<Event> = events.collect();
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in &all {
        let day = utc_day(e.ingested_at);
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
