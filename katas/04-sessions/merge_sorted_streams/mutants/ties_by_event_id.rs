//! expect: wrong_answer
//! Keys the heap by (ts, event_id): equal times come out by id, not by
//! partition.
use grader::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub fn merge_sorted_streams(mut streams: Vec<Partition>) -> impl Iterator<Item = Event> {
    let mut heads: Vec<Option<Event>> = streams.iter_mut().map(|s| s.next()).collect();
    let mut heap: BinaryHeap<Reverse<(i64, String, usize)>> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.as_ref().map(|e| Reverse((e.ts, e.event_id.clone(), i))))
        .collect();
    std::iter::from_fn(move || {
        let Reverse((_, _, i)) = heap.pop()?;
        let event = heads[i].take()?;
        heads[i] = streams[i].next();
        if let Some(next) = &heads[i] {
            heap.push(Reverse((next.ts, next.event_id.clone(), i)));
        }
        Some(event)
    })
}
