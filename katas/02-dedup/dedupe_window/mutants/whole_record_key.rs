//! expect: wrong_answer
//! Deduplicates on the whole record, as `DISTINCT` over every column
//! would: a retry with another `ingested_at` or writer counts as new.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

type Record = (String, u64, String, i64, i64, Option<String>);

fn record(e: &Event) -> Record {
    (e.event_id.clone(), e.user_id, e.event_type.clone(), e.ts, e.ingested_at, e.updated_by.clone())
}

pub fn dedupe_window(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut max_ts = i64::MIN;
    let mut remembered: HashSet<Record> = HashSet::new();
    let mut by_ts: BinaryHeap<Reverse<(i64, Record)>> = BinaryHeap::new();
    events.filter(move |e| {
        max_ts = max_ts.max(e.ts);
        let watermark = max_ts.saturating_sub(window_seconds);
        while let Some(Reverse((ts, _))) = by_ts.peek()
            && *ts < watermark
        {
            if let Some(Reverse((_, id))) = by_ts.pop() {
                remembered.remove(&id);
            }
        }
        if e.ts < watermark {
            return false;
        }
        if !remembered.insert(record(e)) {
            return false;
        }
        by_ts.push(Reverse((e.ts, record(e))));
        true
    })
}
