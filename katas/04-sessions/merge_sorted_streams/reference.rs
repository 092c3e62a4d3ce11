use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A min-heap of the heads keyed by (ts, partition): one event per stream
/// in memory, each handed on as it is popped.
pub fn merge_sorted_streams(mut streams: Vec<Partition>) -> impl Iterator<Item = Event> {
    let mut heads: Vec<Option<Event>> = streams.iter_mut().map(|s| s.next()).collect();
    let mut heap: BinaryHeap<Reverse<(i64, usize)>> =
        heads.iter().enumerate().filter_map(|(i, h)| h.as_ref().map(|e| Reverse((e.ts, i)))).collect();
    std::iter::from_fn(move || {
        let Reverse((_, i)) = heap.pop()?;
        let event = heads[i].take()?;
        heads[i] = streams[i].next();
        if let Some(next) = &heads[i] {
            heap.push(Reverse((next.ts, i)));
        }
        Some(event)
    })
}
