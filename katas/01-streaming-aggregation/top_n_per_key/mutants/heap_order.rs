//! expect: wrong_answer
//! Keeps the right n events but hands them out in the heap's own order:
//! `into_sorted_vec` of a max-heap of ranks ascends, oldest first.
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
        if heap.iter().any(|Reverse(r)| *r == rank) {
            continue;
        }
        heap.push(Reverse(rank));
        if heap.len() > n {
            heap.pop();
        }
    }
    kept.into_iter()
        .map(|(user, heap)| {
            let ranks: BinaryHeap<Rank> = heap.into_iter().map(|Reverse(r)| r).collect();
            (user, ranks.into_sorted_vec().into_iter().map(|(_, Reverse(id))| id).collect())
        })
        .collect()
}
