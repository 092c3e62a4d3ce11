//! expect: wrong_answer
//! Dedupes by `event_id`, as if the producer kept its ids: a retry under
//! a fresh id comes out again, and so does each real event of a second
//! that another of the same content already took.
use grader::prelude::*;

type Key = String;

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
        let key: Key = e.event_id.clone();
        if !seen.insert(key.clone()) {
            return false;
        }
        by_arrival.push_back((clock, key));
        true
    })
}
