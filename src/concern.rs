//! The interviewer's concerns: what each follow-up question is about. A
//! case's stream families say which concerns it exercises, a failing case's
//! question names the one it failed, and a drill's scorecard has a row for
//! each.

use harness::questions;
use harness::streams::Family;
use serde::{Deserialize, Serialize};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Concern {
    Correctness,
    Nulls,
    Ties,
    Order,
    Retries,
    Memory,
    Idempotency,
    Grain,
    Plan,
}

impl Concern {
    /// Every concern, in scorecard order.
    pub const ALL: [Concern; 9] = [
        Concern::Correctness,
        Concern::Nulls,
        Concern::Ties,
        Concern::Order,
        Concern::Retries,
        Concern::Memory,
        Concern::Idempotency,
        Concern::Grain,
        Concern::Plan,
    ];

    /// The stable name used in `.dekata/drills.json` and in JSON output
    /// (serde's own spelling).
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The row's title for people.
    pub fn title(self) -> &'static str {
        match self {
            Concern::Correctness => "correctness on clean data",
            Concern::Nulls => "nulls",
            Concern::Ties => "ties",
            Concern::Order => "order (out of order, late)",
            Concern::Retries => "retries",
            Concern::Memory => "memory at scale",
            Concern::Idempotency => "idempotency",
            Concern::Grain => "grain",
            Concern::Plan => "the physical plan (broadcast, skew)",
        }
    }

    /// The grader's default follow-up question for this concern, if it has one.
    pub fn question(self) -> Option<&'static str> {
        match self {
            Concern::Correctness => Some(questions::CORRECTNESS),
            Concern::Nulls => Some(questions::NULLS),
            Concern::Ties => Some(questions::TIES),
            Concern::Order => Some(questions::ORDER),
            Concern::Retries => Some(questions::RETRIES),
            Concern::Memory => Some(questions::MEMORY),
            Concern::Grain => Some(questions::GRAIN),
            Concern::Idempotency | Concern::Plan => None,
        }
    }
}

/// The concern a stream family stands for, if any: the concern whose own
/// question is the family's default question (`questions::for_family`),
/// so that a family counts where its question is asked. A new family
/// needs a line here.
pub fn of_family(family: Family) -> Option<Concern> {
    match family {
        Family::Clean | Family::SortedByUser => Some(Concern::Correctness),
        Family::Nulls | Family::MissingFields | Family::WrongTypes | Family::LongValues => Some(Concern::Nulls),
        Family::Ties => Some(Concern::Ties),
        Family::OutOfOrder | Family::Shuffled | Family::Late => Some(Concern::Order),
        Family::Retries | Family::Grouped => Some(Concern::Retries),
        // Shapes of a stream, and schema changes: no concern of their own.
        Family::Skew | Family::Empty | Family::Single | Family::HighCardinality => None,
        Family::ExtraFields | Family::SchemaDrift => None,
    }
}

/// The concerns a case's data speaks to: from its stream families and its
/// name, else correctness.
pub fn of_case(name: &str, families: &[Family]) -> Vec<Concern> {
    let mut found = Vec::new();
    let from_name = mentions_rerun(name).then_some(Concern::Idempotency);
    for c in families.iter().filter_map(|f| of_family(*f)).chain(from_name) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    if found.is_empty() {
        found.push(Concern::Correctness);
    }
    found
}

/// Whether a case name is about running a job again.
fn mentions_rerun(text: &str) -> bool {
    let t = text.to_lowercase();
    ["idempot", "rerun", "re-run", "re_run", "run_twice", "run-twice"].iter().any(|w| t.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Family as F;

    #[test]
    fn families_map_to_concerns() {
        assert_eq!(of_family(F::Clean), Some(Concern::Correctness));
        assert_eq!(of_family(F::Nulls), Some(Concern::Nulls));
        assert_eq!(of_family(F::Ties), Some(Concern::Ties));
        for f in [F::OutOfOrder, F::Late, F::Shuffled] {
            assert_eq!(of_family(f), Some(Concern::Order), "{f:?}");
        }
        assert_eq!(of_family(F::Retries), Some(Concern::Retries));
        assert_eq!(of_family(F::Grouped), Some(Concern::Retries));
        assert_eq!(of_family(F::MissingFields), Some(Concern::Nulls));
        for f in [F::Skew, F::Empty, F::Single, F::HighCardinality, F::SchemaDrift] {
            assert_eq!(of_family(f), None, "{f:?}");
        }
    }

    /// A family counts for the concern whose question it asks, and for
    /// none when its question is no concern's.
    #[test]
    fn a_familys_concern_is_that_of_its_question() {
        for f in Family::ALL {
            let asked = questions::for_family(f);
            match of_family(f) {
                Some(c) => assert_eq!(c.question(), Some(asked), "{f:?}"),
                None => assert!(Concern::ALL.iter().all(|c| c.question() != Some(asked)), "{f:?}"),
            }
        }
    }

    #[test]
    fn concerns_are_named_as_serde_spells_them() {
        assert_eq!(Concern::Nulls.key(), "nulls");
        assert_eq!(serde_json::to_value(Concern::Correctness).unwrap(), "correctness");
    }

    #[test]
    fn idempotency_from_the_name() {
        assert_eq!(of_case("run-twice-rerun", &[F::Clean]), vec![Concern::Correctness, Concern::Idempotency]);
        assert_eq!(of_case("second-run", &[F::Skew]), vec![Concern::Correctness]);
        assert_eq!(of_case("idempotent", &[F::Retries]), vec![Concern::Retries, Concern::Idempotency]);
        assert!(mentions_rerun("Idempotent"));
        assert!(!mentions_rerun("retries-and-nulls"));
    }
}
