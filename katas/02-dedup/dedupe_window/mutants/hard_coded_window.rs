//! expect: wrong_answer
//! Sets the watermark 60 seconds behind, the window of the default call,
//! instead of its `window_seconds` parameter.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub fn dedupe_window(events: impl Iterator<Item = Event>, _window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut max_ts = i64::MIN;
    let mut remembered: HashSet<String> = HashSet::new();
    let mut by_ts: BinaryHeap<Reverse<(i64, String)>> = BinaryHeap::new();
    events.filter(move |e| {
        max_ts = max_ts.max(e.ts);
        let watermark = max_ts.saturating_sub(60);
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
        if !remembered.insert(e.event_id.clone()) {
            return false;
        }
        by_ts.push(Reverse((e.ts, e.event_id.clone())));
        true
    })
}
