use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A lazy filter. State: the ids emitted whose `ts` the watermark has not
/// passed, and the same ids in a min-heap by `ts` to forget them in order.
/// Memory: the ids within `window_seconds` of the greatest `ts` seen.
pub fn dedupe_window(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut max_ts = i64::MIN;
    let mut remembered: HashSet<String> = HashSet::new();
    let mut by_ts: BinaryHeap<Reverse<(i64, String)>> = BinaryHeap::new();
    events.filter(move |e| {
        max_ts = max_ts.max(e.ts);
        let watermark = max_ts.saturating_sub(window_seconds);
        // Forget what the watermark has passed: a retry carries its
        // original's ts, so it would be late now anyway.
        while let Some(Reverse((ts, _))) = by_ts.peek()
            && *ts < watermark
        {
            if let Some(Reverse((_, id))) = by_ts.pop() {
                remembered.remove(&id);
            }
        }
        if e.ts < watermark {
            return false; // late: more than the window behind
        }
        if !remembered.insert(e.event_id.clone()) {
            return false; // a retry of an id emitted within the window
        }
        by_ts.push(Reverse((e.ts, e.event_id.clone())));
        true
    })
}
