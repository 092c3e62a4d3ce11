//! expect: memory_exceeded
//! Merges with a heap of heads, but pushes every event into a Vec and
//! returns it at the end: the first event waits for the last.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub fn merge_sorted_streams(mut streams: Vec<Partition>) -> impl Iterator<Item = Event> {
    let mut heads: Vec<Option<Event>> = streams.iter_mut().map(|s| s.next()).collect();
    let mut heap: BinaryHeap<Reverse<(i64, usize)>> =
        heads.iter().enumerate().filter_map(|(i, h)| h.as_ref().map(|e| Reverse((e.ts, i)))).collect();
    let mut merged = Vec::new();
    while let Some(Reverse((_, i))) = heap.pop() {
        let Some(event) = heads[i].take() else { break };
        heads[i] = streams[i].next();
        if let Some(next) = &heads[i] {
            heap.push(Reverse((next.ts, i)));
        }
        merged.push(event);
    }
    merged.into_iter()
}
