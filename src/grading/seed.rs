//! Seeds: the fixed one a learner's own checks use, so that a report can be
//! reproduced, and a fresh one for each grading that counts (a class's
//! `grade`, a drill's final grading), so that a solution cannot carry the
//! answers of a seed it can know in advance.

use harness::rng::mix64;

/// The seed `check` and `watch` use when none is given.
pub const DEFAULT_SEED: u64 = 42;

/// Fresh seeds are below this: nine digits at most, short enough to type
/// back with `--seed`, too many to carry a table of answers for.
const FRESH_BELOW: u64 = 1_000_000_000;

/// A seed drawn from the clock and the process id; never [`DEFAULT_SEED`].
pub fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let drawn = mix64(nanos as u64 ^ mix64(u64::from(std::process::id()))) % FRESH_BELOW;
    not_default(drawn)
}

/// `seed`, or the next one when it is the default.
fn not_default(seed: u64) -> u64 {
    if seed == DEFAULT_SEED { seed + 1 } else { seed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_seed_is_never_the_default_and_fits_its_range() {
        assert_eq!(not_default(DEFAULT_SEED), DEFAULT_SEED + 1);
        assert_eq!(not_default(7), 7);
        for _ in 0..1000 {
            let s = fresh_seed();
            assert!(s != DEFAULT_SEED && s < FRESH_BELOW, "{s}");
        }
    }
}
