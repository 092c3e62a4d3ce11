use grader::prelude::*;

/// One output row per input event: `n` of the user's events in the window ending at this one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlidingCount {
    pub event_id: String,
    pub user_id: u64,
    pub ts: i64,
    pub n: u64,
}

/// A lazy map. State: per user, the times of their events still inside the
/// window, oldest first. The input is in event-time order, so a time that
/// leaves a user's window never comes back: pop from the front.
/// Memory: the users, and the events of the last `window_seconds`.
pub fn sliding_counts(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = SlidingCount> {
    let mut recent: HashMap<u64, VecDeque<i64>> = HashMap::new();
    events.map(move |e| {
        let times = recent.entry(e.user_id).or_default();
        // An event exactly `window_seconds` earlier has left the window.
        while times.front().is_some_and(|&t| t <= e.ts - window_seconds) {
            times.pop_front();
        }
        times.push_back(e.ts);
        SlidingCount { n: times.len() as u64, event_id: e.event_id, user_id: e.user_id, ts: e.ts }
    })
}
