//! How a kata opens as a mock interview (`[interview]` in kata.toml): the
//! one-line ask, and the clarifying questions offered. A question that
//! matters names the rule of the prompt its answer reveals; one that does
//! not carries the interviewer's answer. `follow_ups` (top level) names the
//! katas the interviewer asks next, in order.

use super::rules::PromptRule;
use serde::Deserialize;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// The interviewer's opening question, one line.
    pub ask: String,
    /// The clarifying questions the candidate chooses from, in the order
    /// the list shows them.
    #[serde(default)]
    pub clarify: Vec<Clarify>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clarify {
    /// The question, as the candidate would ask it.
    pub ask: String,
    /// A question that matters: the rule its answer reveals.
    pub rule: Option<String>,
    /// A question that does not: what the interviewer says to it.
    pub answer: Option<String>,
}

impl Interview {
    /// What is wrong with the section, given the kata's rules.
    pub fn problem(&self, rules: &[PromptRule]) -> Option<String> {
        if self.ask.trim().is_empty() || self.ask.contains('\n') {
            return Some("[interview] ask is the interviewer's opening question, on one line".to_string());
        }
        for (i, q) in self.clarify.iter().enumerate() {
            match (&q.rule, &q.answer) {
                (Some(rule), None) if !rules.iter().any(|r| &r.id == rule) => {
                    return Some(format!("[[interview.clarify]] {}: there is no rule `{rule}`", i + 1));
                }
                (Some(_), None) | (None, Some(_)) => {}
                _ => {
                    return Some(format!(
                        "[[interview.clarify]] {}: give either `rule` (a question that matters) or `answer` \
                         (one that does not), not both or neither",
                        i + 1
                    ));
                }
            }
        }
        let matters = self.clarify.iter().filter(|q| q.rule.is_some()).count();
        if matters == 0 || matters == self.clarify.len() {
            return Some(
                "[interview] needs clarifying questions that matter (with `rule`) and some that do not \
                 (with `answer`)"
                    .to_string(),
            );
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str) -> PromptRule {
        PromptRule {
            id: id.into(),
            text: "t".into(),
            question: "q".into(),
            concern: None,
            mutants: vec![],
            languages: vec![],
        }
    }

    fn q(rule: Option<&str>, answer: Option<&str>) -> Clarify {
        Clarify { ask: "?".into(), rule: rule.map(Into::into), answer: answer.map(Into::into) }
    }

    #[test]
    fn questions_name_real_rules_and_mix_both_kinds() {
        let rules = [rule("a")];
        let ok = Interview { ask: "Count them.".into(), clarify: vec![q(Some("a"), None), q(None, Some("no"))] };
        assert_eq!(ok.problem(&rules), None);
        let unknown = Interview { clarify: vec![q(Some("b"), None), q(None, Some("no"))], ..ok.clone() };
        assert!(unknown.problem(&rules).unwrap().contains("no rule `b`"));
        let both = Interview { clarify: vec![q(Some("a"), Some("x")), q(None, Some("no"))], ..ok.clone() };
        assert!(both.problem(&rules).is_some());
        let only_matters = Interview { clarify: vec![q(Some("a"), None)], ..ok.clone() };
        assert!(only_matters.problem(&rules).is_some());
        let two_lines = Interview { ask: "a\nb".into(), ..ok };
        assert!(two_lines.problem(&rules).is_some());
    }
}
