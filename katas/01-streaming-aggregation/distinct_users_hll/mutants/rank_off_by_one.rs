//! expect: wrong_answer
//! Takes the rank as the number of leading zeros, without the + 1: every
//! register is one lower (a hash with no leading zero leaves its register
//! at 0, as if unseen), and the estimate comes out about half the truth.
use grader::prelude::*;

fn estimate(registers: &[u8]) -> u64 {
    let m = registers.len() as f64;
    let alpha = 0.7213 / (1.0 + 1.079 / m);
    let sum: f64 = registers.iter().map(|&r| 2f64.powi(-i32::from(r))).sum();
    let raw = alpha * m * m / sum;
    let zeros = registers.iter().filter(|&&r| r == 0).count();
    let estimate = if raw <= 2.5 * m && zeros > 0 { m * (m / zeros as f64).ln() } else { raw };
    estimate.round() as u64
}

pub fn distinct_users(events: impl Iterator<Item = Event>, p: u32) -> u64 {
    let mut registers = vec![0u8; 1 << p];
    for e in events {
        let h = sketch_hash(0, e.user_id);
        let index = (h >> (64 - p)) as usize;
        let rank = (h << p).leading_zeros().min(64 - p) as u8;
        registers[index] = registers[index].max(rank);
    }
    estimate(&registers)
}
