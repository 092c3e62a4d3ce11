//! expect: wrong_answer
//! Keys a delivery by `user_id` and `ts` alone: a user's view and click
//! in the same second become one event, and the click is lost.
use grader::prelude::*;

type Key = (u64, i64);

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
        let key: Key = (e.user_id, e.ts);
        if !seen.insert(key.clone()) {
            return false;
        }
        by_arrival.push_back((clock, key));
        true
    })
}
