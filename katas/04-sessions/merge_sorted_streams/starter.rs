use grader::prelude::*;

/// Every event of every partition, merged into one event-time order.
pub fn merge_sorted_streams(streams: Vec<Partition>) -> impl Iterator<Item = Event> {
    todo!("merge the sorted partitions lazily, holding one head per stream");
    // Replace these lines: the return type needs a concrete iterator.
    let _ = streams;
    std::iter::empty()
}
