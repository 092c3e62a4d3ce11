//! Which rule of the prompt a failing solution breaks: each rule's mutants
//! are run on the shrunk counterexample, and the first rule (in kata.toml's
//! order) whose mutant does what the learner's code did there is the one
//! the report quotes. A verdict no output shows (memory, time) goes to the
//! rule whose mutants declare that verdict.
//!
//! Mutants are the kata's own trusted files; they run in workers of their
//! own, never in the learner's, kept for the check's other cases: one per
//! mutant, or for a PySpark kata one engine that loads each mutant's text
//! in turn (an engine per mutant would cost a JVM start each).

use super::run::{Ask, Records};
use super::shrink::{Produced, produce};
use super::side::Side;
use crate::catalog::Kata;
use crate::catalog::rules::PromptRule;
use crate::compile::{self, Compiled};
use crate::judge::Verdict;
use crate::language::Language;
use crate::mutants::{self, Mutant};
use crate::worker::Clock;
use crate::workspace::Workspace;
use anyhow::Result;
use harness::compare::{lines, outputs_agree};
use harness::protocol::CompareSpec;
use harness::shrink::{Actual, Counterexample};
use std::collections::HashMap;

/// The kata's rule mutants in the learner's language, their workers
/// started when first needed.
pub struct RuleMutants<'a> {
    ws: &'a Workspace,
    kata: &'a Kata,
    mutants: Vec<Mutant>,
    sides: HashMap<String, Option<Side>>,
    /// One worker for every mutant (PySpark), and the mutant it holds.
    shared: Option<Option<String>>,
    /// Counterexamples already put to the mutants.
    asked: usize,
}

/// A PySpark check puts only its first counterexample to the mutants: each
/// mutant's run costs a query, a dozen of them per failing case would
/// double the time of a failing check.
const SHARED_COUNTEREXAMPLES: usize = 1;

/// The key of the one worker a PySpark kata's mutants share.
const SHARED: &str = "";

impl<'a> RuleMutants<'a> {
    pub fn new(ws: &'a Workspace, kata: &'a Kata, language: Language) -> Result<RuleMutants<'a>> {
        let mutants = if kata.rules.is_empty() { Vec::new() } else { mutants::load(kata, language)? };
        let shared = (kata.needs_engine() && language == Language::Python).then_some(None);
        Ok(RuleMutants { ws, kata, mutants, sides: HashMap::new(), shared, asked: 0 })
    }

    /// The rule whose mutants declare `verdict`, when exactly one does: a
    /// limit broken (memory, time) shows in no output to compare.
    pub fn by_verdict(&self, verdict: Verdict) -> Option<&'a PromptRule> {
        let mut found = self
            .kata
            .rules
            .iter()
            .filter(|r| self.mutants.iter().any(|m| r.mutants.contains(&m.name) && m.expect == verdict));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The first rule whose mutant does on `records` what the learner did
    /// (`cx.actual`); failing that, the rule whose mutant's wrong output is
    /// nearest the learner's, when it is nearer than the right one.
    pub fn on_counterexample(
        &mut self,
        cx: &Counterexample,
        records: &Records,
        ask: &Ask,
        compare: &CompareSpec,
        clock: Clock,
    ) -> Result<Option<&'a PromptRule>> {
        let kata = self.kata;
        self.asked += 1;
        if self.shared.is_some() && self.asked > SHARED_COUNTEREXAMPLES {
            return Ok(None);
        }
        let ask = &ask.for_counterexample();
        let mut nearest: Option<(usize, &'a PromptRule)> = None;
        let learner_lines = match &cx.actual {
            Actual::Output { items } => Some(lines(items)),
            Actual::Panicked { .. } => None,
        };
        for rule in &kata.rules {
            let stems: Vec<String> = self
                .mutants
                .iter()
                .filter(|m| rule.mutants.contains(&m.name) && m.expect == Verdict::WrongAnswer)
                .map(|m| m.name.clone())
                .collect();
            for stem in stems {
                let Some(side) = self.side(&stem)? else { continue };
                let generates = side.generates()?;
                let produced = produce(side, records, ask, generates, clock, compare)?;
                match (&produced, &cx.actual) {
                    (Produced::Panicked(_), Actual::Panicked { .. }) => return Ok(Some(rule)),
                    (Produced::Items(theirs), Actual::Output { items }) => {
                        if outputs_agree(theirs, items, compare) {
                            return Ok(Some(rule));
                        }
                        let mutant_wrong = !outputs_agree(theirs, &cx.expected, compare);
                        let theirs = lines(theirs);
                        let shares = learner_lines
                            .as_ref()
                            .is_some_and(|ours| shares_a_mistake(&lines(&cx.expected), ours, &theirs));
                        if let (Some(ours), true) = (&learner_lines, mutant_wrong && shares) {
                            let d = distance(&theirs, ours);
                            if nearest.is_none_or(|(best, _)| d < best) {
                                nearest = Some((d, rule));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let right = learner_lines.as_ref().map(|ours| distance(&lines(&cx.expected), ours));
        Ok(nearest.filter(|(d, _)| right.is_some_and(|r| *d < r)).map(|(_, rule)| rule))
    }

    /// The worker of one mutant, started when first asked for; `None` when
    /// it does not build (the kata's problem, which `validate` reports).
    fn side(&mut self, stem: &str) -> Result<Option<&mut Side>> {
        let Some(holds) = self.shared.clone() else {
            if !self.sides.contains_key(stem) {
                let side = self.program(stem)?.map(|p| Side::new(p, super::limits(self.kata), super::STARTUP));
                self.sides.insert(stem.to_string(), side);
            }
            return Ok(self.sides.get_mut(stem).and_then(Option::as_mut));
        };
        // One engine: the running worker loads this mutant's text.
        if holds.as_deref() != Some(stem) {
            let Some(program) = self.program(stem)? else { return Ok(None) };
            match self.sides.get_mut(SHARED).and_then(Option::as_mut) {
                Some(side) => side.reload(program)?,
                None => {
                    let side = Side::new(program, super::limits(self.kata), super::STARTUP);
                    self.sides.insert(SHARED.to_string(), Some(side));
                }
            }
            self.shared = Some(Some(stem.to_string()));
        }
        Ok(self.sides.get_mut(SHARED).and_then(Option::as_mut))
    }

    /// A mutant's program, or `None` when it does not build.
    fn program(&self, stem: &str) -> Result<Option<crate::compile::Program>> {
        let Some(m) = self.mutants.iter().find(|m| m.name == stem) else { return Ok(None) };
        Ok(match compile::learner(self.ws, self.kata, &m.path, None, false)? {
            Compiled::Built { program, .. } => Some(program),
            Compiled::Rejected { .. } => None,
        })
    }
}

/// Whether a mutant makes one of the learner's own mistakes: a row the
/// learner gives that the reference does not, or a row of the reference's
/// the learner leaves out (when it only leaves rows out), that the mutant
/// gives or leaves out too. Being near is not enough: an empty output is
/// near a short wrong one.
fn shares_a_mistake(expected: &[String], ours: &[String], theirs: &[String]) -> bool {
    let has = |set: &[String], line: &String| set.contains(line);
    let mut wrong_rows = ours.iter().filter(|l| !has(expected, l)).peekable();
    if wrong_rows.peek().is_some() {
        // The learner gives rows the reference does not: one of them.
        return wrong_rows.any(|l| has(theirs, l));
    }
    // Only rows left out: one of the same.
    expected.iter().any(|l| !has(ours, l) && !has(theirs, l))
}

/// How many lines two canonical outputs do not share.
fn distance(a: &[String], b: &[String]) -> usize {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for l in a {
        *counts.entry(l.as_str()).or_default() += 1;
    }
    for l in b {
        *counts.entry(l.as_str()).or_default() -= 1;
    }
    counts.values().map(|c| c.unsigned_abs() as usize).sum()
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn a_near_mutant_must_share_a_mistake() {
        use super::shares_a_mistake;
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let expected = s(&["a", "b"]);
        // The learner writes "c" for "b"; a mutant that writes "c" shares it.
        assert!(shares_a_mistake(&expected, &s(&["a", "c"]), &s(&["a", "c", "d"])));
        // An empty output does not write "c".
        assert!(!shares_a_mistake(&expected, &s(&["a", "c"]), &s(&[])));
        // A learner who only leaves "b" out is like a mutant that does too.
        assert!(shares_a_mistake(&expected, &s(&["a"]), &s(&[])));
        // A mutant wrong elsewhere shares nothing.
        assert!(!shares_a_mistake(&expected, &s(&["a", "c"]), &s(&["x", "b"])));
    }

    #[test]
    fn distance_counts_lines_not_shared() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(distance(&s(&["a", "b"]), &s(&["a", "b"])), 0);
        assert_eq!(distance(&s(&["a", "b"]), &s(&["a", "c"])), 2);
        assert_eq!(distance(&s(&["a"]), &s(&["a", "a"])), 1);
    }
}
