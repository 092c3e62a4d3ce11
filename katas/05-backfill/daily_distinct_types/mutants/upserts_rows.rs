//! expect: wrong_answer
//! Merges by user into each day of the range: the users it counted get
//! their new row, and every other row of the day stays, stale ones too.
use grader::prelude::*;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut types: BTreeMap<(Date, u64), HashSet<String>> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ts);
        if start <= day && day < end {
            types.entry((day, e.user_id)).or_default().insert(e.event_type);
        }
    }
    for day in days(start, end) {
        let fresh: BTreeMap<u64, u64> = types
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(_, user_id), seen)| (user_id, seen.len() as u64))
            .collect();
        if fresh.is_empty() {
            out.overwrite_partition(day, Vec::new());
            continue;
        }
        let mut merged: BTreeMap<u64, u64> = out.partition(day).iter().map(|r| (r.user_id, r.n)).collect();
        merged.extend(fresh);
        out.overwrite_partition(day, merged.into_iter().map(|(user_id, n)| DailyCount { day, user_id, n }).collect::<Vec<_>>());
    }
}
