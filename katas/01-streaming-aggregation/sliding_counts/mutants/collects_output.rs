//! expect: memory_exceeded
//! The right deques, but the rows go into a Vec that is returned at the
//! end: one row per input event, all in memory at once.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlidingCount {
    pub event_id: String,
    pub user_id: u64,
    pub ts: i64,
    pub n: u64,
}

pub fn sliding_counts(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = SlidingCount> {
    let mut recent: HashMap<u64, VecDeque<i64>> = HashMap::new();
    let mut rows = Vec::new();
    for e in events {
        let times = recent.entry(e.user_id).or_default();
        while times.front().is_some_and(|&t| t <= e.ts - window_seconds) {
            times.pop_front();
        }
        times.push_back(e.ts);
        rows.push(SlidingCount { n: times.len() as u64, event_id: e.event_id, user_id: e.user_id, ts: e.ts });
    }
    rows.into_iter()
}
