//! expect: wrong_answer
//! Takes the log to be in event-time order: when an event of another day
//! comes, it writes the day it was on and starts afresh. A late event, or a
//! retry from just before midnight, then overwrites its day with itself.
use grader::prelude::*;

pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut current: Option<Date> = None;
    let mut users: BTreeMap<u64, HashSet<String>> = BTreeMap::new();
    let mut written: HashSet<Date> = HashSet::new();
    let flush = |day: Date, users: &mut BTreeMap<u64, HashSet<String>>, out: &mut Table| {
        let rows: Vec<DailyCount> = std::mem::take(users)
            .into_iter()
            .map(|(user_id, seen)| DailyCount { day, user_id, n: seen.len() as u64 })
            .collect();
        out.overwrite_partition(day, rows);
    };
    for e in events {
        let day = utc_day(e.ts);
        if day < start || day >= end {
            continue;
        }
        if let Some(previous) = current.filter(|&c| c != day) {
            flush(previous, &mut users, out);
            written.insert(previous);
        }
        current = Some(day);
        users.entry(e.user_id).or_default().insert(e.event_type);
    }
    if let Some(day) = current {
        flush(day, &mut users, out);
        written.insert(day);
    }
    for day in days(start, end).filter(|d| !written.contains(d)) {
        out.overwrite_partition(day, Vec::new());
    }
}
