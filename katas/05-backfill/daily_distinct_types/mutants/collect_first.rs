//! expect: memory_exceeded
//! Collects the whole log before grouping it: right, and O(events) memory
//! for a job whose output is days times users.
use grader::prelude::*;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let all: Vec<Event> = events.collect();
    let mut types: BTreeMap<(Date, u64), HashSet<&str>> = BTreeMap::new();
    for e in &all {
        let day = utc_day(e.ts);
        if start <= day && day < end {
            types.entry((day, e.user_id)).or_default().insert(e.event_type.as_str());
        }
    }
    for day in days(start, end) {
        let rows: Vec<DailyCount> = types
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), seen)| DailyCount { day, user_id, n: seen.len() as u64 })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
