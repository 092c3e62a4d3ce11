//! expect: memory_exceeded
//! Right answer, wrong memory: every event of every user kept until the
//! end, then sorted and cut to n. O(events), not O(users x n).
use grader::prelude::*;
use std::cmp::Reverse;

pub fn top_n_per_key(events: impl Iterator<Item = Event>, n: usize) -> HashMap<u64, Vec<String>> {
    let mut all: HashMap<u64, Vec<(Reverse<i64>, String)>> = HashMap::new();
    for e in events {
        all.entry(e.user_id).or_default().push((Reverse(e.ts), e.event_id));
    }
    all.into_iter()
        .map(|(user, mut list)| {
            list.sort();
            list.dedup();
            list.truncate(n);
            (user, list.into_iter().map(|(_, id)| id).collect())
        })
        .collect()
}
