//! Shrinking a failing input to a small counterexample.
//!
//! First the shortest failing prefix is found by bisection (most stream bugs
//! show up early), then delta debugging (Zeller's ddmin) removes records
//! from that prefix while the failure persists. Both stop when the budget
//! of tests runs out and return the smallest failing input found so far.
//! The budget counts tests, not seconds, so a shrink gives the same
//! counterexample on an idle machine and a busy one; its clock is only a
//! backstop against a search that would otherwise run for minutes.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::{Duration, Instant};

/// What a shrink found: the smallest failing input, and what each side
/// made of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Counterexample {
    /// Records in the case's whole input.
    pub original_records: u64,
    /// The records of the counterexample, as JSON.
    pub records: Vec<Value>,
    /// The reference's output on it, canonically sorted.
    pub expected: Vec<Value>,
    pub actual: Actual,
    /// A grain violation in the learner's output on it.
    pub grain_violation: Option<crate::compare::GrainViolation>,
    pub tests_run: u64,
    /// A merge kata's counterexample: the partition each record is in
    /// (`records`' order), which decides the merge's ties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partitions: Vec<u64>,
}

/// What the learner's code did on the counterexample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actual {
    Output { items: Vec<Value> },
    Panicked { message: String },
}

/// How much work a shrink may do: a number of tests, and a backstop clock
/// far beyond what that number takes on a loaded machine.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    pub max_tests: u64,
    pub max_time: Duration,
}

/// The backstop: a shrink that has not used its tests by then stops.
pub const BACKSTOP: Duration = Duration::from_secs(240);

impl Default for Budget {
    fn default() -> Self {
        Budget { max_tests: 3_000, max_time: BACKSTOP }
    }
}

impl Budget {
    /// A budget of `max_tests` tests.
    pub fn tests(max_tests: u64) -> Budget {
        Budget { max_tests, ..Budget::default() }
    }
}

/// The result of [`minimise`].
#[derive(Debug)]
pub struct Shrunk<T> {
    pub input: Vec<T>,
    pub tests_run: u64,
}

/// Shrinks `input`, on which `fails` must return true, to a smaller input on
/// which it still does.
pub fn minimise<T: Clone>(input: Vec<T>, mut fails: impl FnMut(&[T]) -> bool, budget: Budget) -> Shrunk<T> {
    let started = Instant::now();
    let mut tests = 0u64;
    let out_of_budget = |tests: &u64| *tests >= budget.max_tests || started.elapsed() >= budget.max_time;
    let mut test = |candidate: &[T], tests: &mut u64| {
        *tests += 1;
        fails(candidate)
    };

    // Bisect for a short failing prefix. `hi` always fails.
    let (mut lo, mut hi) = (0usize, input.len());
    while hi - lo > 1 && !out_of_budget(&tests) {
        let mid = lo + (hi - lo) / 2;
        if test(&input[..mid], &mut tests) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let mut current: Vec<T> = input[..hi].to_vec();
    drop(input);

    // ddmin: try removing each of `n` chunks; refine when none can go.
    let mut n = 2usize;
    while current.len() >= 2 && !out_of_budget(&tests) {
        let chunk = current.len().div_ceil(n);
        let mut reduced = false;
        let mut start = 0;
        while start < current.len() && !out_of_budget(&tests) {
            let end = (start + chunk).min(current.len());
            let candidate: Vec<T> = current[..start].iter().chain(&current[end..]).cloned().collect();
            if test(&candidate, &mut tests) {
                current = candidate;
                n = (n - 1).max(2);
                reduced = true;
                break;
            }
            start = end;
        }
        if !reduced {
            if n >= current.len() {
                break;
            }
            n = (n * 2).min(current.len());
        }
    }
    Shrunk { input: current, tests_run: tests }
}

/// Shrinks like [`minimise`], but first whole groups of records at a time
/// (all rows of one customer, say, across tables), then single records:
/// related rows that only fail together are found in few tests, where
/// record-by-record search would spend its budget.
pub fn minimise_grouped<T: Clone, K: Eq + std::hash::Hash>(
    input: Vec<T>,
    key: impl Fn(&T) -> K,
    mut fails: impl FnMut(&[T]) -> bool,
    budget: Budget,
) -> Shrunk<T> {
    let started = Instant::now();
    let mut index: std::collections::HashMap<K, usize> = std::collections::HashMap::new();
    let mut groups: Vec<Vec<T>> = Vec::new();
    for record in input {
        let next = groups.len();
        let g = *index.entry(key(&record)).or_insert(next);
        if g == next {
            groups.push(Vec::new());
        }
        groups[g].push(record);
    }
    let flatten = |ids: &[usize]| -> Vec<T> { ids.iter().flat_map(|&i| groups[i].iter().cloned()).collect() };
    let half = Budget { max_tests: budget.max_tests / 2, max_time: budget.max_time / 2 };
    let kept = minimise((0..groups.len()).collect(), |ids| fails(&flatten(ids)), half);
    let rest = Budget {
        max_tests: budget.max_tests.saturating_sub(kept.tests_run),
        max_time: budget.max_time.saturating_sub(started.elapsed()),
    };
    let records = minimise(flatten(&kept.input), fails, rest);
    Shrunk { input: records.input, tests_run: kept.tests_run + records.tests_run }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_go_first_then_records() {
        // Records (group, n): fails when group 7 holds both 70 and 71.
        let input: Vec<(u32, u32)> = (0..2_000).map(|i| (i % 50, i)).collect();
        let fails = |c: &[(u32, u32)]| c.contains(&(20, 70)) && c.contains(&(20, 1020));
        let out = minimise_grouped(input, |r| r.0, fails, Budget::default());
        assert_eq!(out.input, vec![(20, 70), (20, 1020)]);
    }

    #[test]
    fn finds_the_two_records_that_matter() {
        let input: Vec<u32> = (0..10_000).collect();
        let fails = |c: &[u32]| c.contains(&4321) && c.contains(&77);
        let out = minimise(input, fails, Budget::default());
        assert_eq!(out.input, vec![77, 4321]);
    }

    #[test]
    fn a_single_bad_record_shrinks_to_one() {
        let input: Vec<u32> = (0..1000).collect();
        let out = minimise(input, |c: &[u32]| c.iter().any(|x| x % 97 == 96), Budget::default());
        assert_eq!(out.input.len(), 1);
    }

    #[test]
    fn respects_the_test_budget() {
        let input: Vec<u32> = (0..1000).collect();
        let budget = Budget { max_tests: 5, max_time: Duration::from_secs(60) };
        let out = minimise(input, |c: &[u32]| c.len() > 3, budget);
        assert!(out.tests_run <= 5);
    }
}
