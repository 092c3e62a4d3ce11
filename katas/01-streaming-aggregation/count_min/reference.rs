use grader::prelude::*;

/// O(width * depth) memory, O(depth) work per event.
pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut table = vec![vec![0u64; width]; depth];
    for e in events {
        for (r, row) in table.iter_mut().enumerate() {
            let col = (sketch_hash(r as u64, e.user_id) % width as u64) as usize;
            row[col] += 1;
        }
    }
    table
}
