//! expect: wrong_answer
//! Forgets a key once its own `ts` is `window_seconds` behind the greatest
//! `ts`, as a watermark would: a late event's key is forgotten at once,
//! and its retry comes out again.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

type Key = (u64, String, i64);

pub fn dedupe_by_content(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut max_ts = i64::MIN;
    let mut seen: HashSet<Key> = HashSet::new();
    let mut by_ts: BinaryHeap<Reverse<(i64, Key)>> = BinaryHeap::new();
    events.filter(move |e| {
        max_ts = max_ts.max(e.ts);
        let watermark = max_ts.saturating_sub(window_seconds);
        while let Some(Reverse((ts, _))) = by_ts.peek()
            && *ts < watermark
        {
            if let Some(Reverse((_, key))) = by_ts.pop() {
                seen.remove(&key);
            }
        }
        let key = (e.user_id, e.event_type.clone(), e.ts);
        if !seen.insert(key.clone()) {
            return false;
        }
        by_ts.push(Reverse((e.ts, key)));
        true
    })
}
