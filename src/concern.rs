//! The interviewer's concerns: what each follow-up question is about. A
//! case's stream families say which concerns it exercises, a failing case's
//! question names the one it failed, and a drill's scorecard has a row for
//! each.

use grader::questions;
use grader::streams::Family;
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

    /// The concern whose own default question `question` is.
    pub fn of_question(question: &str) -> Option<Concern> {
        Concern::ALL.into_iter().find(|c| c.question() == Some(question))
    }
}

/// The concern a stream family (a case tag) stands for, if any. Families
/// not named here follow the grader's follow-up question for them (a
/// family asking about nulls counts for nulls), so new families land
/// somewhere sensible without a change here.
pub fn of_tag(tag: &str) -> Option<Concern> {
    match tag {
        "clean" => Some(Concern::Correctness),
        "nulls" => Some(Concern::Nulls),
        "ties" => Some(Concern::Ties),
        "out_of_order" | "late" | "shuffled" => Some(Concern::Order),
        "retries" => Some(Concern::Retries),
        "skew" | "empty" | "single" | "high_cardinality" => None,
        other if mentions_rerun(other) => Some(Concern::Idempotency),
        other => {
            let family: Family = serde_json::from_value(serde_json::Value::String(other.to_string())).ok()?;
            Concern::of_question(questions::for_family(family))
        }
    }
}

/// The concerns a case's data speaks to: from its tags and name, else
/// correctness.
pub fn of_case(name: &str, tags: &[String]) -> Vec<Concern> {
    let mut found = Vec::new();
    let from_name = mentions_rerun(name).then_some(Concern::Idempotency);
    for c in tags.iter().filter_map(|t| of_tag(t)).chain(from_name) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    if found.is_empty() {
        found.push(Concern::Correctness);
    }
    found
}

/// Whether a case name or tag is about running a job again.
pub fn mentions_rerun(text: &str) -> bool {
    let t = text.to_lowercase();
    ["idempot", "rerun", "re-run", "re_run", "run_twice", "run-twice"].iter().any(|w| t.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_concerns() {
        assert_eq!(of_tag("clean"), Some(Concern::Correctness));
        assert_eq!(of_tag("nulls"), Some(Concern::Nulls));
        assert_eq!(of_tag("ties"), Some(Concern::Ties));
        for t in ["out_of_order", "late", "shuffled"] {
            assert_eq!(of_tag(t), Some(Concern::Order), "{t}");
        }
        assert_eq!(of_tag("retries"), Some(Concern::Retries));
        assert_eq!(of_tag("idempotent_rerun"), Some(Concern::Idempotency));
        for t in ["skew", "empty", "single", "high_cardinality", "no_such_family"] {
            assert_eq!(of_tag(t), None, "{t}");
        }
    }

    #[test]
    fn questions_map_back_to_their_concern() {
        assert_eq!(Concern::of_question(questions::NULLS), Some(Concern::Nulls));
        assert_eq!(Concern::of_question(questions::ORDER), Some(Concern::Order));
        assert_eq!(Concern::of_question(questions::MEMORY), Some(Concern::Memory));
        assert_eq!(Concern::of_question(questions::SKEW), None);
        assert_eq!(Concern::of_question("A custom question?"), None);
        assert_eq!(Concern::Nulls.key(), "nulls");
        assert_eq!(serde_json::to_value(Concern::Correctness).unwrap(), "correctness");
    }

    #[test]
    fn idempotency_from_name_or_tags() {
        assert_eq!(of_case("run-twice-rerun", &["clean".into()]), vec![Concern::Correctness, Concern::Idempotency]);
        assert_eq!(of_case("second-run", &["idempotency".into()]), vec![Concern::Idempotency]);
        assert_eq!(of_case("x", &["skew".into()]), vec![Concern::Correctness]);
        assert!(mentions_rerun("Idempotent"));
        assert!(!mentions_rerun("retries-and-nulls"));
    }
}
