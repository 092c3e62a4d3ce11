//! A kata's rules: each sentence of its prompt that a solution can break,
//! as data (`[[rules]]` in kata.toml).
//!
//! A rule names the interviewer's question it answers and the mutants that
//! break it alone (file stems under `mutants/`, one per language or the same
//! stem in both). `validate` holds every rule to its mutants: one must
//! exist in each language the kata has, and the streams must make each
//! fail on every seed it checks. When a learner fails, the rule whose
//! mutant fails the same way on the shrunk counterexample picks the
//! question the report asks.

use crate::concern::Concern;
use crate::language::Language;
use serde::Deserialize;

/// One rule of a kata's prompt, as kata.toml states it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptRule {
    /// snake_case, unique within the kata: what reports and tools name.
    pub id: String,
    /// The rule as the prompt states it.
    pub text: String,
    /// The interviewer's follow-up a solution that breaks it is asked.
    pub question: String,
    /// The concern of that question, for the drill's scorecard.
    pub concern: Option<Concern>,
    /// The mutants that break this rule alone (file stems under mutants/).
    pub mutants: Vec<String>,
    /// The languages whose form of the kata can break it; empty: all.
    /// A rule a type already keeps in one language ("an integer amount
    /// comes out as a float" where Rust's signature says `f64`) has a
    /// mutant in the others only.
    #[serde(default)]
    pub languages: Vec<Language>,
}

impl PromptRule {
    /// Whether a solution in `language` can break the rule.
    pub fn applies_to(&self, language: Language) -> bool {
        self.languages.is_empty() || self.languages.contains(&language)
    }
}

/// Checks a kata's rules against each other: the problem, worded for the
/// kata file's author, or `None`. Whether their mutants exist is
/// `validate`'s to say: a learner's catalogue need not hold them.
pub fn problem(rules: &[PromptRule]) -> Option<String> {
    let mut ids = std::collections::HashSet::new();
    for rule in rules {
        if !super::is_identifier(&rule.id) {
            return Some(format!("rule `{}`: an id is a snake_case word", rule.id));
        }
        if !ids.insert(rule.id.as_str()) {
            return Some(format!("rule `{}` is listed twice", rule.id));
        }
        if rule.text.trim().is_empty() || rule.question.trim().is_empty() {
            return Some(format!("rule `{}`: say its text and its question", rule.id));
        }
        if rule.mutants.is_empty() {
            return Some(format!("rule `{}`: name the mutants that break it (mutants = [\"...\"])", rule.id));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, mutants: &[&str]) -> PromptRule {
        PromptRule {
            id: id.into(),
            text: "t".into(),
            question: "q?".into(),
            concern: None,
            mutants: mutants.iter().map(|m| m.to_string()).collect(),
            languages: Vec::new(),
        }
    }

    #[test]
    fn a_rule_has_an_id_a_text_a_question_and_mutants() {
        assert_eq!(problem(&[rule("grain", &["seen_set"])]), None);
        assert!(problem(&[rule("grain", &[])]).unwrap().contains("name the mutants"));
        let twice = [rule("grain", &["seen_set"]), rule("grain", &["seen_set"])];
        assert!(problem(&twice).unwrap().contains("twice"));
        assert!(problem(&[rule("Grain", &["seen_set"])]).unwrap().contains("snake_case"));
    }
}
