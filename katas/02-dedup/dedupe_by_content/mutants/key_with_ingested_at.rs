//! expect: wrong_answer
//! Keys a delivery by its content and its `ingested_at`: a retry ingested
//! later than its original looks like a new event, and comes out again.
use grader::prelude::*;

type Key = (u64, String, i64, i64);

pub fn dedupe_by_content(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut clock = i64::MIN;
    let mut seen: HashSet<Key> = HashSet::new();
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
        let key: Key = (e.user_id, e.event_type.clone(), e.ts, e.ingested_at);
        if !seen.insert(key.clone()) {
            return false;
        }
        by_arrival.push_back((clock, key));
        true
    })
}
