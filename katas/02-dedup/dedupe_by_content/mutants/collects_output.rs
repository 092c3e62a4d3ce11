//! expect: memory_exceeded
//! The right filter with the right window, but it collects what it keeps
//! into a Vec before returning: the output of the whole stream at once.
use grader::prelude::*;

type Key = (u64, String, i64);

pub fn dedupe_by_content(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut clock = i64::MIN;
    let mut seen: HashSet<Key> = HashSet::new();
    let mut by_arrival: VecDeque<(i64, Key)> = VecDeque::new();
    let mut kept: Vec<Event> = Vec::new();
    for e in events {
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
        if !seen.insert(key.clone()) {
            continue;
        }
        by_arrival.push_back((clock, key));
        kept.push(e);
    }
    kept.into_iter()
}
