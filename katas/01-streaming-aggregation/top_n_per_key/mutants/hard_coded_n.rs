//! expect: wrong_answer
//! Keeps the 3 of the default call instead of its `n` parameter: right
//! until someone asks for the top 10.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

type Rank = (i64, Reverse<String>);

pub fn top_n_per_key(events: impl Iterator<Item = Event>, _n: usize) -> HashMap<u64, Vec<String>> {
    const N: usize = 3;
    let mut kept: HashMap<u64, BinaryHeap<Reverse<Rank>>> = HashMap::new();
    for e in events {
        let heap = kept.entry(e.user_id).or_default();
        let rank: Rank = (e.ts, Reverse(e.event_id));
        if heap.len() >= N && heap.peek().is_none_or(|Reverse(worst)| rank <= *worst) {
            continue;
        }
        if heap.iter().any(|Reverse(r)| *r == rank) {
            continue;
        }
        heap.push(Reverse(rank));
        if heap.len() > N {
            heap.pop();
        }
    }
    kept.into_iter()
        .map(|(user, heap)| (user, heap.into_sorted_vec().into_iter().map(|Reverse((_, Reverse(id)))| id).collect()))
        .collect()
}
