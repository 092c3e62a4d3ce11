use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// How an event ranks: a greater rank is newer. On equal `ts` the smaller
/// `event_id` ranks higher, hence the `Reverse`.
type Rank = (i64, Reverse<String>);

/// A min-heap of at most `n` ranks per user: its top is the worst event
/// kept, the one a better newcomer pushes out. O(users x n) memory.
pub fn top_n_per_key(events: impl Iterator<Item = Event>, n: usize) -> HashMap<u64, Vec<String>> {
    let mut kept: HashMap<u64, BinaryHeap<Reverse<Rank>>> = HashMap::new();
    for e in events {
        let heap = kept.entry(e.user_id).or_default();
        let rank: Rank = (e.ts, Reverse(e.event_id));
        let full = heap.len() >= n;
        // A full heap takes only a rank better than its worst. A retry
        // ranks exactly as its original: either the original is in the
        // heap, or n better events pushed it out and the retry loses too.
        if full && heap.peek().is_none_or(|Reverse(worst)| rank <= *worst) {
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
            // Ascending in Reverse<Rank> is descending in Rank: newest first.
            let ids = heap.into_sorted_vec().into_iter().map(|Reverse((_, Reverse(id)))| id).collect();
            (user, ids)
        })
        .collect()
}
