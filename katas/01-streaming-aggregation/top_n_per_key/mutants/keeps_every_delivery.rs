//! expect: wrong_answer
//! A bounded heap with no thought for retries: a redelivered event takes
//! a second place in its user's list.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

type Rank = (i64, Reverse<String>);

pub fn top_n_per_key(events: impl Iterator<Item = Event>, n: usize) -> HashMap<u64, Vec<String>> {
    let mut kept: HashMap<u64, BinaryHeap<Reverse<Rank>>> = HashMap::new();
    for e in events {
        let heap = kept.entry(e.user_id).or_default();
        let rank: Rank = (e.ts, Reverse(e.event_id));
        if heap.len() >= n && heap.peek().is_none_or(|Reverse(worst)| rank <= *worst) {
            continue;
        }
        heap.push(Reverse(rank));
        if heap.len() > n {
            heap.pop();
        }
    }
    kept.into_iter()
        .map(|(user, heap)| (user, heap.into_sorted_vec().into_iter().map(|Reverse((_, Reverse(id)))| id).collect()))
        .collect()
}
