//! expect: wrong_answer
//! Leaves out alpha_m: the raw estimate is m^2 / sum(2^-register), about
//! 39% too high wherever the raw estimate is the answer.
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
    let sum: f64 = registers.iter().map(|&r| 2f64.powi(-i32::from(r))).sum();
    let raw = m * m / sum;
    let zeros = registers.iter().filter(|&&r| r == 0).count();
    let estimate = if raw <= 2.5 * m && zeros > 0 { m * (m / zeros as f64).ln() } else { raw };
    estimate.round() as u64
}
