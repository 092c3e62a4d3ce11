//! expect: wrong_answer
//! Breaks ties on `ts` by arrival: of two events at the same second, the
//! one that arrived first ranks higher. In an ordered stream that is the
//! smaller event_id; out of order it is not.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// (ts, earlier arrival first, event_id)
type Rank = (i64, Reverse<u64>, String);

pub fn top_n_per_key(events: impl Iterator<Item = Event>, n: usize) -> HashMap<u64, Vec<String>> {
    let mut kept: HashMap<u64, BinaryHeap<Reverse<Rank>>> = HashMap::new();
    for (seq, e) in events.enumerate() {
        let heap = kept.entry(e.user_id).or_default();
        let rank: Rank = (e.ts, Reverse(seq as u64), e.event_id);
        if heap.len() >= n && heap.peek().is_none_or(|Reverse(worst)| rank <= *worst) {
            continue;
        }
        if heap.iter().any(|Reverse(r)| r.2 == rank.2) {
            continue;
        }
        heap.push(Reverse(rank));
        if heap.len() > n {
            heap.pop();
        }
    }
    kept.into_iter()
        .map(|(user, heap)| (user, heap.into_sorted_vec().into_iter().map(|Reverse((_, _, id))| id).collect()))
        .collect()
}
