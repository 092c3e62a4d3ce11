use grader::prelude::*;

/// A Count-Min sketch of user_ids: `depth` rows of `width` counters.
pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    todo!("fill a depth x width table using sketch_hash")
}
