//! expect: wrong_answer
//! Evicts against the example's 60 seconds instead of its
//! `window_seconds` parameter: right until the window changes.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlidingCount {
    pub event_id: String,
    pub user_id: u64,
    pub ts: i64,
    pub n: u64,
}

pub fn sliding_counts(events: impl Iterator<Item = Event>, _window_seconds: i64) -> impl Iterator<Item = SlidingCount> {
    let mut recent: HashMap<u64, VecDeque<i64>> = HashMap::new();
    events.map(move |e| {
        let times = recent.entry(e.user_id).or_default();
        while times.front().is_some_and(|&t| t <= e.ts - 60) {
            times.pop_front();
        }
        times.push_back(e.ts);
        SlidingCount { n: times.len() as u64, event_id: e.event_id, user_id: e.user_id, ts: e.ts }
    })
}
