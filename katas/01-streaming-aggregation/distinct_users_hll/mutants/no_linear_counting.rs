//! expect: wrong_answer
//! Always returns the raw estimate. With most registers at zero it is far
//! off: an empty stream gives about 0.72 m, not 0.
use grader::prelude::*;

pub fn distinct_users(events: impl Iterator<Item = Event>, p: u32) -> u64 {
    let mut registers = vec![0u8; 1 << p];
    for e in events {
        let h = sketch_hash(0, e.user_id);
        let index = (h >> (64 - p)) as usize;
        let rank = ((h << p).leading_zeros() + 1).min(64 - p + 1) as u8;
        registers[index] = registers[index].max(rank);
    }
    let m = registers.len() as f64;
    let alpha = 0.7213 / (1.0 + 1.079 / m);
    let sum: f64 = registers.iter().map(|&r| 2f64.powi(-i32::from(r))).sum();
    (alpha * m * m / sum).round() as u64
}
