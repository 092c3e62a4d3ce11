//! The interviewer's follow-up questions, one per edge-case family.
//!
//! A failing case quotes the question its families stand for, so that the
//! learner hears what an interviewer would ask next. Kata files may override
//! the question of a case; these are the defaults.

use crate::streams::Family;

pub const CORRECTNESS: &str = "Walk me through the example: does it give the right answer?";
pub const MEMORY: &str = "What is the memory footprint of this on a hundred million rows?";
pub const ONE_PASS: &str = "What if the input is an iterator you can read only once, not a list?";
pub const NULLS: &str = "What does this return when a field is missing or null?";
pub const TIES: &str = "What if two records tie?";
pub const ORDER: &str = "What if the records arrive out of order, or late?";
pub const RETRIES: &str = "What if the same event is delivered more than once?";
pub const SKEW: &str = "What if one key holds 90% of the rows?";
pub const EDGES: &str = "What does this do on an empty input, or on a single record?";
pub const CARDINALITY: &str = "What if there are millions of distinct keys?";
pub const DRIFT: &str = "What happens when the upstream schema changes under you?";
pub const GRAIN: &str = "What is the grain of the output?";
pub const BOUNDARY: &str = "What happens exactly at the limit: two records exactly the gap apart?";
pub const INTERLEAVED: &str = "Whose previous event is it, when two users' events interleave in time?";

/// The family whose question a stream built from `families` puts to a
/// solution: the most specific one, or none when every family is a clean
/// stream's (`clean`, `grouped`, `sorted_by_user`), whose question is
/// [`CORRECTNESS`].
pub fn most_specific(families: &[Family]) -> Option<Family> {
    const PRIORITY: [Family; 15] = [
        Family::SchemaDrift,
        Family::WrongTypes,
        Family::MissingFields,
        Family::LongValues,
        Family::ExtraFields,
        Family::Ties,
        Family::Nulls,
        Family::Retries,
        Family::Late,
        Family::OutOfOrder,
        Family::Shuffled,
        Family::Skew,
        Family::HighCardinality,
        Family::Empty,
        Family::Single,
    ];
    PRIORITY.into_iter().find(|f| families.contains(f))
}

/// The question a stream of `family` puts.
pub fn for_family(family: Family) -> &'static str {
    match family {
        Family::Clean => CORRECTNESS,
        Family::Nulls => NULLS,
        Family::Ties => TIES,
        Family::OutOfOrder | Family::Shuffled | Family::Late => ORDER,
        Family::Retries => RETRIES,
        Family::Skew => SKEW,
        Family::Empty | Family::Single => EDGES,
        Family::HighCardinality => CARDINALITY,
        Family::Grouped => RETRIES,
        Family::SortedByUser => CORRECTNESS,
        Family::MissingFields | Family::WrongTypes | Family::LongValues => NULLS,
        Family::ExtraFields | Family::SchemaDrift => DRIFT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_specific_family_asks() {
        assert_eq!(most_specific(&[Family::Retries, Family::Nulls, Family::Ties]), Some(Family::Ties));
        assert_eq!(most_specific(&[Family::Nulls, Family::MissingFields]), Some(Family::MissingFields));
        assert_eq!(for_family(Family::MissingFields), NULLS);
        for clean in [&[Family::Clean][..], &[Family::Grouped], &[Family::SortedByUser, Family::Clean], &[]] {
            assert_eq!(most_specific(clean), None, "{clean:?}");
        }
    }
}
