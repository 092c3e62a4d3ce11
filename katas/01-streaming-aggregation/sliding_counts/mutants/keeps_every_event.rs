//! expect: memory_exceeded
//! Keeps every time of every user in a sorted Vec and counts the window
//! with a binary search: right, and it never lets go of a time.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlidingCount {
    pub event_id: String,
    pub user_id: u64,
    pub ts: i64,
    pub n: u64,
}

pub fn sliding_counts(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = SlidingCount> {
    let mut history: HashMap<u64, Vec<i64>> = HashMap::new();
    events.map(move |e| {
        let times = history.entry(e.user_id).or_default();
        times.push(e.ts);
        let outside = times.partition_point(|&t| t <= e.ts - window_seconds);
        SlidingCount { n: (times.len() - outside) as u64, event_id: e.event_id, user_id: e.user_id, ts: e.ts }
    })
}
