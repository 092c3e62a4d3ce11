//! expect: wrong_answer
//! Writes each event's rank into its register, overwriting what was there:
//! a register holds its last user's rank, not the longest run seen, and a
//! large stream's estimate stops growing.
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
        registers[(h >> (64 - p)) as usize] = ((h << p).leading_zeros() + 1).min(64 - p + 1) as u8;
    }
    estimate(&registers)
}
