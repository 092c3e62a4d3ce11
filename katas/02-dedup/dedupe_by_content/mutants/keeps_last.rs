//! expect: wrong_answer
//! Holds each key's newest delivery until the window lets the key go, then
//! emits that one: the last copy by arrival, with the retry's id, ingestion
//! time and writer, where the rule keeps the first.
use grader::prelude::*;

type Key = (u64, String, i64);

pub fn dedupe_by_content(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut events = events;
    let mut clock = i64::MIN;
    let mut latest: HashMap<Key, Event> = HashMap::new();
    let mut by_arrival: VecDeque<(i64, Key)> = VecDeque::new();
    let mut ready: VecDeque<Event> = VecDeque::new();
    let mut done = false;
    std::iter::from_fn(move || {
        loop {
            if let Some(e) = ready.pop_front() {
                return Some(e);
            }
            if done {
                return None;
            }
            let Some(e) = events.next() else {
                done = true;
                for (_, key) in by_arrival.drain(..) {
                    if let Some(kept) = latest.remove(&key) {
                        ready.push_back(kept);
                    }
                }
                continue;
            };
            clock = clock.max(e.ingested_at);
            let horizon = clock.saturating_sub(window_seconds);
            while let Some((first_at, _)) = by_arrival.front()
                && *first_at < horizon
            {
                if let Some((_, key)) = by_arrival.pop_front()
                    && let Some(kept) = latest.remove(&key)
                {
                    ready.push_back(kept);
                }
            }
            let key = (e.user_id, e.event_type.clone(), e.ts);
            if !latest.contains_key(&key) {
                by_arrival.push_back((clock, key.clone()));
            }
            latest.insert(key, e);
        }
    })
}
