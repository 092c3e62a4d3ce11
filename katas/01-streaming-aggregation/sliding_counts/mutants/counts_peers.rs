//! expect: wrong_answer
//! Translates SQL's `COUNT(*) OVER (PARTITION BY user_id ORDER BY ts RANGE
//! ...)`: the frame ends at the current row's peers, so every event at one
//! second gets the count after all of that user's events at that second,
//! even those that arrive after it.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlidingCount {
    pub event_id: String,
    pub user_id: u64,
    pub ts: i64,
    pub n: u64,
}

pub fn sliding_counts(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = SlidingCount> {
    let mut events = events.peekable();
    let mut recent: HashMap<u64, VecDeque<i64>> = HashMap::new();
    let mut ready: VecDeque<SlidingCount> = VecDeque::new();
    std::iter::from_fn(move || {
        if let Some(row) = ready.pop_front() {
            return Some(row);
        }
        // The events of one second, then each user's count after all of them.
        let first = events.next()?;
        let mut second = vec![first];
        while let Some(e) = events.next_if(|e| e.ts == second[0].ts) {
            second.push(e);
        }
        for e in &second {
            let times = recent.entry(e.user_id).or_default();
            while times.front().is_some_and(|&t| t <= e.ts - window_seconds) {
                times.pop_front();
            }
            times.push_back(e.ts);
        }
        for e in second {
            let n = recent[&e.user_id].len() as u64;
            ready.push_back(SlidingCount { n, event_id: e.event_id, user_id: e.user_id, ts: e.ts });
        }
        ready.pop_front()
    })
}
