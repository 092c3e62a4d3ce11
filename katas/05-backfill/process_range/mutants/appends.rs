//! expect: wrong_answer
//! Appends its rows instead of overwriting the partitions: a second run,
//! or a re-run after a failure, counts everything twice, and stale rows stay.
use grader::prelude::*;

pub fn process_range(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ingested_at);
        if start <= day && day < end {
            *counts.entry((day, e.user_id)).or_insert(0) += 1;
        }
    }
    out.append(counts.into_iter().map(|((day, user_id), n)| DailyCount { day, user_id, n }));
}
