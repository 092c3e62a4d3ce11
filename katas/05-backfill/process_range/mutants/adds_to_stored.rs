//! expect: wrong_answer
//! Reads each day of the range and adds this run's counts to what it
//! holds, as an incremental load would: a second run counts everything
//! again.
use grader::prelude::*;

pub fn process_range(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    for e in events {
        let day = utc_day(e.ingested_at);
        if start <= day && day < end {
            *counts.entry((day, e.user_id)).or_insert(0) += 1;
        }
    }
    for day in days(start, end) {
        let mut merged: BTreeMap<u64, u64> = out.partition(day).iter().map(|r| (r.user_id, r.n)).collect();
        for (&(_, user_id), &n) in counts.range((day, 0)..=(day, u64::MAX)) {
            *merged.entry(user_id).or_insert(0) += n;
        }
        out.overwrite_partition(day, merged.into_iter().map(|(user_id, n)| DailyCount { day, user_id, n }).collect::<Vec<_>>());
    }
}
