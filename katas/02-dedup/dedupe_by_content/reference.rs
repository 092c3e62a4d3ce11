use grader::prelude::*;

/// What makes two deliveries one event: its content, not its id.
type Key = (u64, String, i64);

/// A lazy filter. State: the keys first delivered while the greatest
/// `ingested_at` was within `window_seconds` of where it is now, and the
/// same keys in arrival order, so the next one to forget is at the front.
/// Memory: the keys of the last `window_seconds` of ingestion time.
pub fn dedupe_by_content(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut clock = i64::MIN;
    let mut seen: HashSet<Key> = HashSet::new();
    // (the greatest ingested_at when the key was first delivered, the
    // key): that clock never falls, so the queue is in the order to forget.
    let mut by_arrival: VecDeque<(i64, Key)> = VecDeque::new();
    events.filter(move |e| {
        // Ingestion time, not event time: a late event's ts is days behind,
        // and its retries still come.
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
        if seen.contains(&key) {
            return false; // the same event again, under whatever id
        }
        seen.insert(key.clone());
        by_arrival.push_back((clock, key));
        true
    })
}
