//! expect: wrong_answer
//! Appends its rows instead of overwriting the range's partitions: a second
//! run gives every (day, user) a second row, and stale rows stay.
use grader::prelude::*;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut types: BTreeMap<(Date, u64), HashSet<String>> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ts);
        if start <= day && day < end {
            types.entry((day, e.user_id)).or_default().insert(e.event_type);
        }
    }
    out.append(types.into_iter().map(|((day, user_id), seen)| DailyCount { day, user_id, n: seen.len() as u64 }));
}
