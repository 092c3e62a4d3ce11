//! expect: wrong_answer
//! Takes the range as closed, [start, end]: the partition of `end` belongs
//! to tomorrow's run, and this one rewrites it.
use grader::prelude::*;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut types: BTreeMap<(Date, u64), HashSet<String>> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ts);
        if start <= day && day <= end {
            types.entry((day, e.user_id)).or_default().insert(e.event_type);
        }
    }
    for day in days(start, add_days(end, 1)) {
        let rows: Vec<DailyCount> = types
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), seen)| DailyCount { day, user_id, n: seen.len() as u64 })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
