//! expect: wrong_answer
//! Conservative update: adds 1 only to the cells that hold the user's
//! current minimum. A known refinement, but not the sketch asked for: the
//! cells differ from the plain sketch's (and it can no longer be merged by
//! adding tables).
use grader::prelude::*;

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut table = vec![vec![0u64; width]; depth];
    for e in events {
        let cols: Vec<usize> = (0..depth).map(|r| (sketch_hash(r as u64, e.user_id) % width as u64) as usize).collect();
        let low = cols.iter().enumerate().map(|(r, &c)| table[r][c]).min().unwrap_or(0);
        for (r, &c) in cols.iter().enumerate() {
            if table[r][c] == low {
                table[r][c] += 1;
            }
        }
    }
    table
}
