//! What each graded case says about the interviewer's concerns: a drill's
//! scorecard, one row per concern. Pure: case reports in, rows out; it reads
//! the reports' facts (verdict, rule broken, question's concern, memory
//! finding), never their messages.
//!
//! How a case bears on a concern:
//! - its data concerns (`concern::of_case`: from its stream families and its
//!   name) follow the case's verdict, except that a `memory_exceeded` case
//!   is not judged on them (its output was right, or never came);
//! - memory cases (a peak-heap limit) and any `memory_exceeded` case ->
//!   memory at scale: held on `pass`, failed on `memory_exceeded` or when a
//!   wrong answer also broke the memory limit, not judged when the case
//!   failed on something else first;
//! - grain: a wrong answer that broke the grain (or fanned out) fails it; on
//!   a kata that declares a grain, every other pass or wrong answer holds it;
//! - plan: a rejected plan fails it; on a kata with plan rules, a pass holds it.

use crate::concern;
pub use crate::concern::Concern;
use crate::report::{CaseReport, Rule, Verdict};
use harness::streams::Family;
use serde::Serialize;

/// How one case bears on one concern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    /// The case exercises the concern but failed on something else first.
    NotJudged,
}

/// What the scorecard needs to know about one graded case.
#[derive(Clone, Debug, PartialEq)]
pub struct Graded {
    pub name: String,
    /// The case's stream families.
    pub families: Vec<Family>,
    pub verdict: Verdict,
    /// The rule the case broke, if it failed.
    pub rule: Option<Rule>,
    /// The concern of the follow-up question the failure puts.
    pub concern: Option<Concern>,
    /// The follow-up question itself, to quote.
    pub question: String,
    /// The question is that of the prompt's rule the failure breaks
    /// (`kata_rule`): the failure belongs to the rule's concern.
    pub ruled: bool,
    /// A memory case: graded on its peak heap.
    pub memory_case: bool,
    /// Its memory was over the limit (whatever the verdict).
    pub memory_over: bool,
    /// The kata declares a grain (`[compare] grain`), so outputs are checked for it.
    pub grain_declared: bool,
    /// The kata has `[plan]` rules, so every case's plan is checked.
    pub plan_rules: bool,
}

impl Graded {
    pub fn new(case: &CaseReport, grain_declared: bool, plan_rules: bool) -> Graded {
        Graded {
            name: case.name.clone(),
            families: case.tags.clone(),
            verdict: case.verdict,
            rule: case.rule,
            concern: case.concern,
            question: case.question.clone(),
            ruled: case.kata_rule.is_some(),
            memory_case: case.peak_heap_limit_bytes.is_some(),
            memory_over: case.memory.is_some(),
            grain_declared,
            plan_rules,
        }
    }
}

/// Every concern `case` exercises, with how it fared on each.
pub fn outcomes(case: &Graded) -> Vec<(Concern, Outcome)> {
    let data = match case.verdict {
        // A plan is judged only once its answer is right.
        Verdict::Pass | Verdict::PlanRejected => Outcome::Passed,
        Verdict::MemoryExceeded => Outcome::NotJudged,
        _ => Outcome::Failed,
    };
    // A failure that breaks one of the prompt's rules fails that rule's
    // concern; the other concerns its stream exercises were not what broke.
    let broken = rule_concern(case);
    let data_of = |c: Concern| match broken {
        Some(b) if b != c && data == Outcome::Failed => Outcome::NotJudged,
        _ => data,
    };
    let mut out: Vec<(Concern, Outcome)> =
        concern::of_case(&case.name, &case.families).into_iter().map(|c| (c, data_of(c))).collect();
    if let Some(o) = memory_outcome(case) {
        out.push((Concern::Memory, o));
    }
    if let Some(o) = grain_outcome(case) {
        out.push((Concern::Grain, o));
    }
    if let Some(o) = plan_outcome(case) {
        out.push((Concern::Plan, o));
    }
    if let Some(b) = broken {
        match out.iter_mut().find(|(c, _)| *c == b) {
            Some(entry) => entry.1 = Outcome::Failed,
            None => out.push((b, Outcome::Failed)),
        }
    }
    out
}

/// The concern of the prompt's rule a failing case breaks, if a rule's
/// mutant named it.
fn rule_concern(case: &Graded) -> Option<Concern> {
    (case.ruled && case.verdict != Verdict::Pass).then_some(case.concern).flatten()
}

fn plan_outcome(case: &Graded) -> Option<Outcome> {
    Some(match case.verdict {
        Verdict::PlanRejected => Outcome::Failed,
        _ if !case.plan_rules => return None,
        Verdict::Pass => Outcome::Passed,
        _ => Outcome::NotJudged,
    })
}

fn memory_outcome(case: &Graded) -> Option<Outcome> {
    if !case.memory_case && case.verdict != Verdict::MemoryExceeded {
        return None;
    }
    Some(match case.verdict {
        Verdict::Pass => Outcome::Passed,
        Verdict::MemoryExceeded => Outcome::Failed,
        _ if case.memory_over => Outcome::Failed,
        _ => Outcome::NotJudged,
    })
}

fn grain_outcome(case: &Graded) -> Option<Outcome> {
    if broke_grain(case) {
        return Some(Outcome::Failed);
    }
    if !case.grain_declared {
        return None;
    }
    Some(match case.verdict {
        Verdict::Pass | Verdict::WrongAnswer => Outcome::Passed,
        _ => Outcome::NotJudged,
    })
}

/// A wrong answer that broke the output's grain (two rows for one key).
pub fn broke_grain(case: &Graded) -> bool {
    case.verdict == Verdict::WrongAnswer && matches!(case.rule, Some(Rule::Grain | Rule::FanOut))
}

/// One row of the scorecard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub concern: Concern,
    pub passed: usize,
    /// The cases that judged this concern.
    pub total: usize,
    /// The cases that exercise it but failed on something else first.
    pub not_judged: usize,
    /// The distinct follow-up questions of the failing cases whose failure
    /// belongs here, in case order.
    pub questions: Vec<String>,
}

impl Row {
    fn empty(concern: Concern) -> Row {
        Row { concern, passed: 0, total: 0, not_judged: 0, questions: Vec::new() }
    }

    pub fn tested(&self) -> bool {
        self.total > 0
    }

    pub fn all_passed(&self) -> bool {
        self.tested() && self.passed == self.total
    }
}

/// The scorecard: one row per concern, in [`Concern::ALL`] order.
pub fn scorecard(cases: &[Graded]) -> Vec<Row> {
    let mut rows: Vec<Row> = Concern::ALL.iter().map(|c| Row::empty(*c)).collect();
    for g in cases {
        let found = outcomes(g);
        for (concern, outcome) in &found {
            let row = &mut rows[index(*concern)];
            match outcome {
                Outcome::Passed => (row.passed, row.total) = (row.passed + 1, row.total + 1),
                Outcome::Failed => row.total += 1,
                Outcome::NotJudged => row.not_judged += 1,
            }
        }
        if let Some(home) = home(g, &found) {
            let questions = &mut rows[index(home)].questions;
            if !g.question.is_empty() && !questions.contains(&g.question) {
                questions.push(g.question.clone());
            }
        }
    }
    rows
}

fn index(concern: Concern) -> usize {
    Concern::ALL.iter().position(|c| *c == concern).unwrap_or(0)
}

/// The one row where a failing case's follow-up question is quoted, so that
/// a question shows once: memory, then grain, then the failed concern whose
/// own question it is, then the most specific failed concern.
fn home(case: &Graded, found: &[(Concern, Outcome)]) -> Option<Concern> {
    const SPECIFIC_FIRST: [Concern; 8] = [
        Concern::Memory,
        Concern::Grain,
        Concern::Idempotency,
        Concern::Ties,
        Concern::Nulls,
        Concern::Retries,
        Concern::Order,
        Concern::Correctness,
    ];
    if let Some(broken) = rule_concern(case) {
        return Some(broken);
    }
    let failed: Vec<Concern> = found.iter().filter(|(_, o)| *o == Outcome::Failed).map(|(c, _)| *c).collect();
    let pick = |cs: &[Concern]| cs.iter().find(|c| failed.contains(c)).copied();
    let own = case.concern.filter(|c| failed.contains(c));
    pick(&[Concern::Memory, Concern::Grain]).or(own).or_else(|| pick(&SPECIFIC_FIRST))
}

#[cfg(test)]
mod tests {
    use super::*;
    use harness::questions;
    use harness::streams::Family as F;

    fn case(name: &str, families: &[Family], verdict: Verdict) -> Graded {
        Graded {
            name: name.to_string(),
            families: families.to_vec(),
            verdict,
            rule: None,
            concern: Some(Concern::Correctness),
            question: questions::CORRECTNESS.to_string(),
            ruled: false,
            memory_case: false,
            memory_over: false,
            grain_declared: false,
            plan_rules: false,
        }
    }

    #[test]
    fn a_broken_rule_fails_its_own_concern_and_no_other() {
        let mut c = case("retries-and-nulls", &[F::Retries, F::Nulls], Verdict::WrongAnswer);
        (c.ruled, c.concern, c.question) = (true, Some(Concern::Grain), "One count per what?".to_string());
        let rows = scorecard(&[c]);
        let row = |k: Concern| rows.iter().find(|r| r.concern == k).unwrap().clone();
        assert_eq!((row(Concern::Grain).passed, row(Concern::Grain).total), (0, 1));
        assert_eq!(row(Concern::Grain).questions, vec!["One count per what?".to_string()]);
        for k in [Concern::Retries, Concern::Nulls] {
            assert_eq!((row(k).total, row(k).not_judged), (0, 1), "{k:?}");
            assert!(row(k).questions.is_empty());
        }
    }

    #[test]
    fn a_rejected_plan_fails_the_plan_and_keeps_the_answer() {
        let mut c = case("one-hot-user", &[F::Skew], Verdict::PlanRejected);
        let o = outcomes(&c);
        assert!(o.contains(&(Concern::Plan, Outcome::Failed)), "{o:?}");
        assert!(o.contains(&(Concern::Correctness, Outcome::Passed)), "{o:?}");
        c.verdict = Verdict::Pass;
        assert!(!outcomes(&c).iter().any(|(k, _)| *k == Concern::Plan), "no rules, no plan row");
        c.plan_rules = true;
        assert!(outcomes(&c).contains(&(Concern::Plan, Outcome::Passed)));
    }

    /// The case's failure asks `concern`'s own question.
    fn asking(mut c: Graded, concern: Concern) -> Graded {
        c.question = concern.question().unwrap_or_default().to_string();
        c.concern = Some(concern);
        c
    }

    /// The case's failure asks a question that is no concern's.
    fn asking_other(mut c: Graded, question: &str) -> Graded {
        c.question = question.to_string();
        c.concern = None;
        c
    }

    fn row(rows: &[Row], c: Concern) -> &Row {
        &rows[index(c)]
    }

    fn card(cases: &[Graded], grain: bool) -> Vec<Row> {
        let graded: Vec<Graded> = cases.iter().map(|c| Graded { grain_declared: grain, ..c.clone() }).collect();
        scorecard(&graded)
    }

    fn grained(mut c: Graded) -> Graded {
        c.grain_declared = true;
        c
    }

    #[test]
    fn a_case_counts_for_each_of_its_tags() {
        let c = case("retries-and-nulls", &[F::Retries, F::Nulls, F::Ties], Verdict::WrongAnswer);
        let got = outcomes(&c);
        assert_eq!(
            got,
            vec![
                (Concern::Retries, Outcome::Failed),
                (Concern::Nulls, Outcome::Failed),
                (Concern::Ties, Outcome::Failed)
            ]
        );
    }

    #[test]
    fn shape_only_streams_count_as_correctness() {
        for tags in [&[F::Skew][..], &[F::Empty], &[F::Single], &[F::HighCardinality, F::Skew]] {
            let c = case("x", tags, Verdict::Pass);
            assert_eq!(outcomes(&c), vec![(Concern::Correctness, Outcome::Passed)], "{tags:?}");
        }
        // ...but not when another concern already claims the case.
        let c = case("x", &[F::Retries, F::Skew], Verdict::Pass);
        assert_eq!(outcomes(&c), vec![(Concern::Retries, Outcome::Passed)]);
    }

    #[test]
    fn memory_cases_map_to_memory_at_scale() {
        let mut big = case("million", &[F::Clean, F::Retries], Verdict::MemoryExceeded);
        big.memory_case = true;
        let got = outcomes(&big);
        assert!(got.contains(&(Concern::Memory, Outcome::Failed)), "{got:?}");
        // The output was right: the data concerns are not held against it.
        assert!(got.contains(&(Concern::Retries, Outcome::NotJudged)), "{got:?}");

        big.verdict = Verdict::Pass;
        assert!(outcomes(&big).contains(&(Concern::Memory, Outcome::Passed)));

        big.verdict = Verdict::WrongAnswer;
        assert!(outcomes(&big).contains(&(Concern::Memory, Outcome::NotJudged)));
        // A wrong answer that also broke the memory limit fails memory too.
        big.memory_over = true;
        assert!(outcomes(&big).contains(&(Concern::Memory, Outcome::Failed)));

        let small = case("small", &[F::Clean], Verdict::Pass);
        assert!(!outcomes(&small).iter().any(|(c, _)| *c == Concern::Memory));
    }

    #[test]
    fn hitting_the_hard_cap_anywhere_is_a_memory_failure() {
        let c = case("retries", &[F::Retries], Verdict::MemoryExceeded);
        assert!(outcomes(&c).contains(&(Concern::Memory, Outcome::Failed)));
    }

    #[test]
    fn grain_failures_map_to_grain() {
        let mut c = case("retries-and-nulls", &[F::Retries], Verdict::WrongAnswer);
        c.rule = Some(Rule::Grain);
        assert!(broke_grain(&c));
        assert!(outcomes(&c).contains(&(Concern::Grain, Outcome::Failed)));
        // A plain wrong answer holds the grain of a kata that declares one.
        c.rule = Some(Rule::Output);
        assert!(!broke_grain(&c));
        assert!(outcomes(&grained(c.clone())).contains(&(Concern::Grain, Outcome::Passed)));
        assert!(!outcomes(&c).iter().any(|(k, _)| *k == Concern::Grain));
        // A starter at todo!() never showed an output.
        let todo = case("x", &[F::Clean], Verdict::NotImplemented);
        assert!(outcomes(&grained(todo.clone())).contains(&(Concern::Grain, Outcome::NotJudged)));
    }

    #[test]
    fn scorecard_counts_rows_and_says_what_is_untested() {
        let cases = [
            case("five-clean-rows", &[F::Clean], Verdict::Pass),
            case("empty-stream", &[F::Empty], Verdict::Pass),
            asking(case("retries-and-nulls", &[F::Retries, F::Nulls], Verdict::WrongAnswer), Concern::Retries),
            asking(case("late", &[F::OutOfOrder, F::Late], Verdict::Pass), Concern::Order),
        ];
        let rows = card(&cases, true);
        assert_eq!(rows.len(), Concern::ALL.len());
        let r = row(&rows, Concern::Correctness);
        assert_eq!((r.passed, r.total), (2, 2));
        assert!(r.all_passed());
        let r = row(&rows, Concern::Retries);
        assert_eq!((r.passed, r.total), (0, 1));
        assert_eq!(r.questions, vec![questions::RETRIES.to_string()]);
        // The same failure does not repeat its question under nulls.
        assert!(row(&rows, Concern::Nulls).questions.is_empty());
        assert_eq!(row(&rows, Concern::Order).total, 1);
        assert!(!row(&rows, Concern::Ties).tested());
        assert!(!row(&rows, Concern::Idempotency).tested());
        assert!(!row(&rows, Concern::Memory).tested());
        let g = row(&rows, Concern::Grain);
        assert_eq!((g.passed, g.total), (4, 4));
    }

    #[test]
    fn questions_are_distinct_and_land_on_their_own_concern() {
        let mut mem = asking(case("million", &[F::Clean, F::Retries], Verdict::MemoryExceeded), Concern::Memory);
        mem.memory_case = true;
        let cases = [
            asking(case("a", &[F::Retries, F::Nulls, F::Ties], Verdict::WrongAnswer), Concern::Retries),
            asking(case("b", &[F::Retries], Verdict::Panicked), Concern::Retries),
            asking_other(case("c", &[F::Skew], Verdict::WrongAnswer), questions::SKEW),
            asking_other(case("d", &[F::Nulls, F::Ties], Verdict::WrongAnswer), "A custom question?"),
            mem,
        ];
        let rows = card(&cases, false);
        assert_eq!(row(&rows, Concern::Retries).questions, vec![questions::RETRIES.to_string()]);
        assert_eq!(row(&rows, Concern::Correctness).questions, vec![questions::SKEW.to_string()]);
        // No question of its own: the most specific failed concern (ties).
        assert_eq!(row(&rows, Concern::Ties).questions, vec!["A custom question?".to_string()]);
        assert_eq!(row(&rows, Concern::Memory).questions, vec![questions::MEMORY.to_string()]);
        let m = row(&rows, Concern::Memory);
        assert_eq!((m.passed, m.total), (0, 1));
        // The memory case's retries are not held against it.
        let r = row(&rows, Concern::Retries);
        assert_eq!((r.passed, r.total, r.not_judged), (0, 2, 1));
    }

    #[test]
    fn passing_cases_quote_no_question() {
        let rows = card(&[asking(case("a", &[F::Retries], Verdict::Pass), Concern::Retries)], false);
        assert!(rows.iter().all(|r| r.questions.is_empty()));
    }
}
