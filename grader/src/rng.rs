//! A small deterministic random number generator.
//!
//! Streams must be the same for the same seed on every machine and across
//! crate upgrades, so nothing here comes from `rand`: SplitMix64 plus range
//! and shuffle helpers whose outputs are pinned by a golden test
//! (`tests/stream_golden.rs`). Changing any function here changes every
//! generated stream: bump `streams::GENERATOR_VERSION` if you must.

/// SplitMix64 (Steele, Lea and Flood, 2014).
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

pub use dekata_prelude::hash::{fnv1a, mix64};

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: mix64(seed ^ GOLDEN_GAMMA) }
    }

    /// A generator for one named purpose, independent of the others drawn
    /// from the same seed.
    pub fn derive(seed: u64, label: &str) -> Self {
        Rng::new(seed ^ mix64(fnv1a(label.as_bytes())))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix64(self.state)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi);
        let span = (hi - lo) as u64 + 1;
        lo + self.below(span) as i64
    }

    /// True with probability `p` (clamped to [0, 1]), decided with integer
    /// arithmetic on 53 random bits so that it is the same everywhere.
    pub fn chance(&mut self, p: f64) -> bool {
        let threshold = probability_threshold(p);
        (self.next_u64() >> 11) < threshold
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn probability_threshold(p: f64) -> u64 {
    let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) };
    (p * (1u64 << 53) as f64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut r = Rng::new(7);
        let mut seen = [false; 5];
        for _ in 0..1000 {
            let x = r.below(5);
            assert!(x < 5);
            seen[x as usize] = true;
        }
        assert!(seen.iter().all(|s| *s));
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn derived_generators_differ() {
        let a = Rng::derive(1, "users").next_u64();
        let b = Rng::derive(1, "types").next_u64();
        assert_ne!(a, b);
    }

    #[test]
    fn chance_extremes() {
        let mut r = Rng::new(3);
        assert!((0..100).all(|_| !r.chance(0.0)));
        assert!((0..100).all(|_| r.chance(1.0)));
    }
}
