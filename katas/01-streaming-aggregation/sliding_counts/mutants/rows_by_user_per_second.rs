//! expect: wrong_answer
//! Counts right, but hands the rows out one second at a time from a
//! BTreeMap by user: within a second the rows come out sorted by user, not
//! in the order the events arrived.
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
        let first = events.next()?;
        let second_ts = first.ts;
        let mut by_user: BTreeMap<u64, Vec<SlidingCount>> = BTreeMap::new();
        let mut next = Some(first);
        while let Some(e) = next {
            let times = recent.entry(e.user_id).or_default();
            while times.front().is_some_and(|&t| t <= e.ts - window_seconds) {
                times.pop_front();
            }
            times.push_back(e.ts);
            let row = SlidingCount { n: times.len() as u64, event_id: e.event_id, user_id: e.user_id, ts: e.ts };
            by_user.entry(row.user_id).or_default().push(row);
            next = events.next_if(|e| e.ts == second_ts);
        }
        ready.extend(by_user.into_values().flatten());
        ready.pop_front()
    })
}
