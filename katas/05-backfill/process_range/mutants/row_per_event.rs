//! expect: wrong_answer
//! Clears the range, then writes a row per event as it arrives: the counts
//! add up, but the store holds many rows per (day, user_id), the wrong grain.
use grader::prelude::*;

pub fn process_range(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    for day in days(start, end) {
        out.overwrite_partition(day, Vec::new());
    }
    for e in events {
        let day = utc_day(e.ingested_at);
        if start <= day && day < end {
            out.append([DailyCount { day, user_id: e.user_id, n: 1 }]);
        }
    }
}
