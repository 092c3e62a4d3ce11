use grader::prelude::*;

/// The Misra-Gries summary of the events' user_ids, with at most `k` counters.
pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    todo!("keep at most k counters")
}
