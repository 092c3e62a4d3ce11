//! The question a case quotes when a solution fails it.

use crate::concern::{self, Concern};
use harness::questions;
use harness::streams::Family;

/// The interviewer's follow-up a failing case quotes, and the concern it
/// is about (for a kata's own wording of a question, the one its kata file
/// names, if any).
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub text: String,
    pub concern: Option<Concern>,
    /// The catch-all question of a case whose stream no family shapes
    /// (nothing was asked of it in particular).
    pub general: bool,
}

impl Question {
    /// The default question of a concern.
    pub fn of(concern: Concern) -> Question {
        Question {
            text: concern.question().unwrap_or(questions::CORRECTNESS).to_string(),
            concern: Some(concern),
            general: false,
        }
    }

    /// A question about the physical plan.
    pub fn plan(text: &str) -> Question {
        Question { text: text.to_string(), concern: Some(Concern::Plan), general: false }
    }

    /// A record exactly at the kata's limit (a gap of exactly the limit).
    pub fn boundary() -> Question {
        Question { text: questions::BOUNDARY.to_string(), concern: Some(Concern::Ties), general: false }
    }

    /// The question about state kept per key when keys interleave.
    pub fn interleaved() -> Question {
        Question { text: questions::INTERLEAVED.to_string(), concern: Some(Concern::Order), general: false }
    }

    /// The default question of a stream built from `families`: its most
    /// specific family's, about the concern that family stands for.
    fn of_families(families: &[Family]) -> Question {
        match questions::most_specific(families) {
            Some(family) => Question {
                text: questions::for_family(family).to_string(),
                concern: concern::of_family(family),
                general: false,
            },
            None => Question { general: true, ..Question::of(Concern::Correctness) },
        }
    }

    /// A case's own question: written in its kata file with the concern
    /// the file gives it (none unless it says), else its families'.
    pub(super) fn of_case(written: Option<String>, concern: Option<Concern>, families: &[Family]) -> Question {
        match written {
            Some(text) => Question { text, concern, general: false },
            None => Question::of_families(families),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_asks_its_most_specific_familys_question() {
        let q = Question::of_case(None, None, &[Family::Retries, Family::Nulls, Family::Ties]);
        assert_eq!(q, Question { text: questions::TIES.to_string(), concern: Some(Concern::Ties), general: false });
        let q = Question::of_case(None, None, &[Family::Nulls, Family::MissingFields]);
        assert_eq!(q, Question { text: questions::NULLS.to_string(), concern: Some(Concern::Nulls), general: false });
        let q = Question::of_case(None, None, &[Family::Skew, Family::Clean]);
        assert_eq!(q, Question { text: questions::SKEW.to_string(), concern: None, general: false });
        let q = Question::of_case(None, None, &[Family::Grouped]);
        assert!(q.general);
        assert_eq!(q.text, questions::CORRECTNESS);
    }

    #[test]
    fn a_written_question_has_the_concern_its_file_gives_it() {
        let families = [Family::Retries, Family::Ties];
        let q = Question::of_case(Some("Which one stays?".into()), None, &families);
        assert_eq!(q, Question { text: "Which one stays?".into(), concern: None, general: false });
        let q = Question::of_case(Some(questions::RETRIES.into()), Some(Concern::Retries), &families);
        assert_eq!(q, Question::of(Concern::Retries));
    }
}
