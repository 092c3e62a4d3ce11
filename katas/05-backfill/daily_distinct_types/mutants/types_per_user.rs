//! expect: wrong_answer
//! Keys the set of types by user alone: a user's row on each day counts the
//! types they had on any day of the range.
use grader::prelude::*;
use std::collections::BTreeSet;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut types: HashMap<u64, HashSet<String>> = HashMap::new();
    let mut active: BTreeSet<(Date, u64)> = BTreeSet::new();
    for e in events {
        let day = utc_day(e.ts);
        if start <= day && day < end {
            active.insert((day, e.user_id));
            types.entry(e.user_id).or_default().insert(e.event_type);
        }
    }
    for day in days(start, end) {
        let rows: Vec<DailyCount> = active
            .range((day, 0)..=(day, u64::MAX))
            .map(|&(day, user_id)| DailyCount { day, user_id, n: types[&user_id].len() as u64 })
            .collect();
        out.overwrite_partition(day, rows);
    }
}
