//! Finding a small counterexample, driven from the parent.
//!
//! The learner's side and the reference's side never share a process: each
//! candidate input goes to both workers (at once, on two threads), and the
//! parent compares what they return. A candidate is named by the indices
//! of its records in the case's stream, which every generating worker makes
//! from the case's seed, so no large input crosses a pipe; a worker that is
//! fed gets the records themselves.

use super::run::{Ask, Records, ranges, run_records};
use super::side::{RunEnd, Side};
use crate::judge::ShrinkTarget as Target;
use crate::worker::Clock;
use anyhow::Result;
use harness::compare::{grain_violation, outputs_agree, sort_canonical};
use harness::protocol::{CompareSpec, Outcome};
use harness::rust_worker::{Record, materialise};
use harness::shrink::{Actual, Budget, Counterexample, minimise, minimise_grouped};
use harness::streams::StreamSpec;
use serde_json::Value;
use std::cell::RefCell;
use std::sync::Arc;

/// What one side made of a candidate.
pub(super) enum Produced {
    Items(Vec<Value>),
    Panicked(String),
    /// It did not finish (died, timed out): not the failure searched for.
    Nothing,
}

struct Search<'a> {
    learner: &'a mut Side,
    reference: &'a mut Side,
    stream: &'a StreamSpec,
    all: Arc<Vec<Record>>,
    ask: Ask,
    compare: &'a CompareSpec,
    clock: Clock,
    learner_generates: bool,
    reference_generates: bool,
}

/// How many tests a check's search may run. A test costs microseconds to
/// milliseconds on a plain worker and in DataFusion, and most of a second
/// in Spark, where the first counterexample of a check (the one `watch`
/// shows) gets enough tests to reach a few rows, and later ones fewer.
/// Tests, not seconds: the same seed gives the same counterexample on a
/// busy machine.
pub fn budget_for_check(kata: &crate::catalog::Kata, language: crate::language::Language, found_one: bool) -> Budget {
    use crate::language::Language;
    Budget::tests(match (kata.needs_engine(), language, found_one) {
        (false, _, _) => 3_000,
        (true, Language::Rust, _) => 600,
        (true, Language::Python, false) => 120,
        (true, Language::Python, true) => 40,
    })
}

/// The smallest input found on which the learner still fails as `target`
/// says, or `None` when the whole stream does not fail that way.
pub fn counterexample(
    learner: &mut Side,
    reference: &mut Side,
    stream: &StreamSpec,
    ask: &Ask,
    compare: &CompareSpec,
    target: Target,
    clock: Clock,
    budget: Budget,
) -> Result<Option<(Counterexample, Records)>> {
    let all = Arc::new(materialise(stream));
    let keyed = Arc::clone(&all);
    let ask = ask.for_counterexample();
    let learner_generates = learner.generates()?;
    let reference_generates = reference.generates()?;
    let mut search =
        Search { learner, reference, stream, all, ask, compare, clock, learner_generates, reference_generates };
    let everything: Vec<usize> = (0..search.all.len()).collect();
    // An error of dekata's own (not a verdict) stops the search and is
    // returned once it is over.
    let failure: RefCell<Option<anyhow::Error>> = RefCell::new(None);
    let mut fails = |candidate: &[usize]| match search.fails(candidate, target) {
        Ok(f) => f,
        Err(e) => {
            failure.borrow_mut().get_or_insert(e);
            false
        }
    };
    if !fails(&everything) {
        return match failure.borrow_mut().take() {
            Some(e) => Err(e),
            None => Ok(None),
        };
    }
    let shrunk = match stream.dataset {
        // An error that does not depend on the data (a query Spark cannot
        // analyse, a name that does not exist) shows on no records at all.
        _ if target == Target::Panic && !everything.is_empty() && fails(&[]) => {
            harness::shrink::Shrunk { input: Vec::new(), tests_run: 1 }
        }
        // DataFrame runs cost milliseconds each: search whole keys first.
        Some(dataset) => {
            let column = dataset.key_column();
            let key = |i: &usize| match &keyed[*i] {
                Record::Table(t) => t.row.get(column).map(Value::to_string).unwrap_or_default(),
                _ => String::new(),
            };
            minimise_grouped(everything, key, &mut fails, budget)
        }
        None => minimise(everything, &mut fails, budget),
    };
    if let Some(e) = failure.into_inner() {
        return Err(e);
    }
    let (expected, actual) = search.both(&shrunk.input)?;
    let expected = match expected {
        Produced::Items(items) => items,
        Produced::Panicked(_) | Produced::Nothing => Vec::new(),
    };
    let (actual, grain) = match actual {
        Produced::Items(items) => {
            let grain = grain_violation(&items, &search.compare.grain);
            (Actual::Output { items }, grain)
        }
        Produced::Panicked(message) => (Actual::Panicked { message }, None),
        Produced::Nothing => (Actual::Output { items: Vec::new() }, None),
    };
    // Whichever worker runs it next (a mutant's may be fed), the records
    // go with their indices.
    let picked: Vec<Record> = shrunk.input.iter().map(|i| search.all[*i].clone()).collect();
    let records =
        Records::Selected { stream: stream.clone(), ranges: ranges_of(&shrunk.input), records: Arc::new(picked) };
    let partitions = match stream.params.partitions {
        0 => Vec::new(),
        n => shrunk
            .input
            .iter()
            .filter_map(|i| match &search.all[*i] {
                Record::Event(e) => Some(harness::partitions::of_user(e.user_id, n)),
                _ => None,
            })
            .collect(),
    };
    let cx = Counterexample {
        original_records: search.all.len() as u64,
        records: shrunk.input.iter().map(|i| search.all[*i].to_value()).collect(),
        expected,
        actual,
        grain_violation: grain,
        tests_run: shrunk.tests_run + 1,
        partitions,
    };
    Ok(Some((cx, records)))
}

impl Search<'_> {
    fn fails(&mut self, candidate: &[usize], target: Target) -> Result<bool> {
        Ok(match target {
            Target::Panic => matches!(self.one(true, candidate)?, Produced::Panicked(_)),
            Target::Grain => match self.one(true, candidate)? {
                Produced::Items(actual) => grain_violation(&actual, &self.compare.grain).is_some(),
                _ => false,
            },
            Target::WrongAnswer => match self.both(candidate)? {
                (_, Produced::Panicked(_)) => true,
                (Produced::Items(expected), Produced::Items(actual)) => {
                    !outputs_agree(&expected, &actual, self.compare)
                        || grain_violation(&actual, &self.compare.grain).is_some()
                }
                _ => false,
            },
        })
    }

    /// The reference's and the learner's outputs on a candidate, run at once.
    fn both(&mut self, candidate: &[usize]) -> Result<(Produced, Produced)> {
        let records = self.records(candidate);
        let (learner, reference) = (&mut *self.learner, &mut *self.reference);
        let (lg, rg) = (self.learner_generates, self.reference_generates);
        let (ask, clock, compare) = (&self.ask, self.clock, self.compare);
        std::thread::scope(|scope| {
            let theirs = scope.spawn(|| produce(reference, &records, ask, rg, clock, compare));
            let ours = produce(learner, &records, ask, lg, clock, compare);
            let theirs = theirs.join().map_err(|_| anyhow::anyhow!("the reference's run panicked in dekata"))?;
            Ok((theirs?, ours?))
        })
    }

    fn one(&mut self, learner: bool, candidate: &[usize]) -> Result<Produced> {
        let records = self.records(candidate);
        let (side, generates) = if learner {
            (&mut *self.learner, self.learner_generates)
        } else {
            (&mut *self.reference, self.reference_generates)
        };
        produce(side, &records, &self.ask, generates, self.clock, self.compare)
    }

    fn records(&self, candidate: &[usize]) -> Records {
        let picked = if self.learner_generates && self.reference_generates {
            Vec::new()
        } else {
            candidate.iter().map(|i| self.all[*i].clone()).collect()
        };
        Records::Selected { stream: self.stream.clone(), ranges: ranges_of(candidate), records: Arc::new(picked) }
    }
}

pub(super) fn produce(
    side: &mut Side,
    records: &Records,
    ask: &Ask,
    generates: bool,
    clock: Clock,
    compare: &CompareSpec,
) -> Result<Produced> {
    Ok(match run_records(side, records, ask, generates, clock)? {
        RunEnd::Died(_) => Produced::Nothing,
        RunEnd::Finished(f) => match f.outcome {
            Outcome::Returned => {
                let mut items = f.output.and_then(|o| o.kept).unwrap_or_default();
                sort_canonical(&mut items, compare.order, compare.float_tolerance);
                Produced::Items(items)
            }
            Outcome::Panicked { message, .. } => Produced::Panicked(message),
            Outcome::NotImplemented { message } => Produced::Panicked(message),
            Outcome::Forbidden { action, target } => Produced::Panicked(format!("{action} {target}")),
            Outcome::Exited { code } => Produced::Panicked(format!("exited ({code})")),
        },
    })
}

/// Indices of the case's records as half-open ranges.
fn ranges_of(indices: &[usize]) -> Vec<[u64; 2]> {
    ranges(&indices.iter().map(|&i| i as u64).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_become_ranges() {
        assert_eq!(ranges_of(&[0, 1, 2, 5, 7, 8]), vec![[0, 3], [5, 6], [7, 9]]);
        assert!(ranges_of(&[]).is_empty());
    }
}
