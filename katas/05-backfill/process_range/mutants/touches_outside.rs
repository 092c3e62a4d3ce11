//! expect: wrong_answer
//! Recomputes every day it sees in the input, not only the range: the
//! partitions outside the range change too.
use grader::prelude::*;

pub fn process_range(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    let mut counts: BTreeMap<(Date, u64), u64> = BTreeMap::new();
    let mut seen: BTreeSet<Date> = days(start, end).collect();
    for e in events {
        let day = utc_day(e.ingested_at);
        seen.insert(day);
        *counts.entry((day, e.user_id)).or_insert(0) += 1;
    }
    for day in seen {
        let rows: Vec<DailyCount> = counts
            .range((day, 0)..=(day, u64::MAX))
            .map(|(&(day, user_id), &n)| DailyCount { day, user_id, n })
            .collect();
        out.overwrite_partition(day, rows);
    }
}

use std::collections::BTreeSet;
