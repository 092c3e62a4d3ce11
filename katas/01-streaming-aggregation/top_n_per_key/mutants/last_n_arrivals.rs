//! expect: wrong_answer
//! Keeps each user's last n arrivals, then sorts them newest first: right
//! while the stream comes in event-time order, wrong once an event arrives
//! late or out of order.
use grader::prelude::*;
use std::cmp::Reverse;

pub fn top_n_per_key(events: impl Iterator<Item = Event>, n: usize) -> HashMap<u64, Vec<String>> {
    let mut recent: HashMap<u64, VecDeque<(i64, String)>> = HashMap::new();
    for e in events {
        let last = recent.entry(e.user_id).or_default();
        if last.iter().any(|(_, id)| *id == e.event_id) {
            continue;
        }
        last.push_back((e.ts, e.event_id));
        if last.len() > n {
            last.pop_front();
        }
    }
    recent
        .into_iter()
        .map(|(user, last)| {
            let mut last: Vec<(i64, String)> = last.into_iter().collect();
            last.sort_by(|a, b| (Reverse(a.0), &a.1).cmp(&(Reverse(b.0), &b.1)));
            (user, last.into_iter().map(|(_, id)| id).collect())
        })
        .collect()
}
