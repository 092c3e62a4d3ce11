//! expect: wrong_answer
//! Files each event under its processing day, utc_day(ingested_at), as the
//! plain daily job does: a late event, or one processed just after
//! midnight, lands on a day it did not happen on.
use grader::prelude::*;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut types: BTreeMap<(Date, u64), HashSet<String>> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ingested_at);
        if start <= day && day < end {
            types.entry((day, e.user_id)).or_default().insert(e.event_type);
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
