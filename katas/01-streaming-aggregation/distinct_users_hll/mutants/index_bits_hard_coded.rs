//! expect: wrong_answer
//! Sizes the registers from p, but splits the hash with the 14 of the
//! example: the index is always the top 14 bits. With p = 16 only a
//! quarter of the registers are ever reached, and the estimate reads the
//! rest as users never seen.
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
        let index = (h >> 50) as usize;
        let rank = ((h << 14).leading_zeros() + 1).min(51) as u8;
        registers[index] = registers[index].max(rank);
    }
    estimate(&registers)
}
