//! expect: memory_exceeded
//! The right filter, but it collects what it keeps into a Vec before
//! returning: the output of the whole stream in memory at once.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub fn dedupe_window(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut max_ts = i64::MIN;
    let mut remembered: HashSet<String> = HashSet::new();
    let mut by_ts: BinaryHeap<Reverse<(i64, String)>> = BinaryHeap::new();
    let mut kept: Vec<Event> = Vec::new();
    for e in events {
        max_ts = max_ts.max(e.ts);
        let watermark = max_ts.saturating_sub(window_seconds);
        while let Some(Reverse((ts, _))) = by_ts.peek()
            && *ts < watermark
        {
            if let Some(Reverse((_, id))) = by_ts.pop() {
                remembered.remove(&id);
            }
        }
        if e.ts < watermark || !remembered.insert(e.event_id.clone()) {
            continue;
        }
        by_ts.push(Reverse((e.ts, e.event_id.clone())));
        kept.push(e);
    }
    kept.into_iter()
}
