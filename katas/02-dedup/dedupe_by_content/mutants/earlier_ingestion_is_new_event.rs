//! expect: wrong_answer
//! Tries to save real events of the same second: "a retry is never
//! ingested before its original, so a copy ingested earlier than the first
//! delivery must be another event". It comes out, though the content is
//! the same.
use grader::prelude::*;

type Key = (u64, String, i64);

pub fn dedupe_by_content(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut clock = i64::MIN;
    // The key, and the first delivery's ingested_at.
    let mut seen: HashMap<Key, i64> = HashMap::new();
    let mut by_arrival: VecDeque<(i64, Key)> = VecDeque::new();
    events.filter(move |e| {
        clock = clock.max(e.ingested_at);
        let horizon = clock.saturating_sub(window_seconds);
        while let Some((first_at, _)) = by_arrival.front()
            && *first_at < horizon
        {
            if let Some((_, key)) = by_arrival.pop_front() {
                seen.remove(&key);
            }
        }
        let key = (e.user_id, e.event_type.clone(), e.ts);
        if let Some(first_ingested) = seen.get(&key) {
            return e.ingested_at < *first_ingested;
        }
        seen.insert(key.clone(), e.ingested_at);
        by_arrival.push_back((clock, key));
        true
    })
}
