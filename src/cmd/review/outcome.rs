//! A graded review as facts, and those facts in words or JSON.

use crate::catalog::Kata;
use crate::grading::{Did, GivenRun};
use crate::language::Language;
use crate::reviews::Shown;
use colored::Colorize;
use serde_json::{Value, json};

/// What grading the reviewer's input found.
pub struct Outcome {
    /// The answer's number, and what it gets wrong (told once it is broken).
    answer: usize,
    about: String,
    records: usize,
    limit: usize,
    shrunk_records: usize,
    rule_named: String,
    /// The rules the answer breaks (its mutant's rules).
    breaks: Vec<String>,
    /// `None` when the input had too many records to run.
    ran: Option<GivenRun>,
    /// Whether the answer went wrong on the input where the reference did not.
    broke_it: bool,
}

impl Outcome {
    pub fn new(
        kata: &Kata,
        (answer, about): (usize, &str),
        shown: &Shown,
        records: usize,
        rule: &str,
        breaks: Vec<String>,
        ran: Option<GivenRun>,
    ) -> Outcome {
        let broke_it = ran.as_ref().is_some_and(|r| r.answer_breaks(&kata.compare));
        Outcome {
            answer,
            about: about.to_string(),
            records,
            limit: shown.limit,
            shrunk_records: shown.shrunk_records,
            rule_named: rule.to_string(),
            breaks,
            ran,
            broke_it,
        }
    }

    fn small_enough(&self) -> bool {
        self.records <= self.limit
    }

    fn rule_right(&self) -> bool {
        self.breaks.contains(&self.rule_named)
    }

    pub fn passed(&self) -> bool {
        self.small_enough() && self.broke_it && self.rule_right()
    }

    pub fn to_json(&self, language: Language) -> Value {
        let did = |d: &Did| match d {
            Did::Output(items) => json!({"kind": "output", "items": items}),
            Did::Raised(message) => json!({"kind": "raised", "message": message}),
            Did::Unfinished => json!({"kind": "did_not_finish"}),
        };
        json!({
            "verdict": if self.passed() { "pass" } else { "fail" },
            "language": language.key(),
            "answer": self.answer,
            "records": self.records,
            "limit": self.limit,
            "shrunk_records": self.shrunk_records,
            "breaks_answer": self.ran.as_ref().map(|_| self.broke_it),
            "rule": {"named": self.rule_named, "right": self.rule_right(), "broken": self.breaks},
            "expected": self.ran.as_ref().map(|r| did(&r.reference)),
            "actual": self.ran.as_ref().map(|r| did(&r.answer)),
        })
    }

    pub fn print(&self, kata: &Kata) {
        let (yes, no) = ("\u{2713}".green(), "\u{2717}".red());
        if !self.small_enough() {
            println!(
                "{no} {}",
                TOO_MANY
                    .replace("{n}", &self.records.to_string())
                    .replace("{limit}", &self.limit.to_string())
                    .replace("{shrunk}", &self.shrunk_records.to_string())
            );
        }
        if let Some(ran) = &self.ran {
            match (&ran.reference, self.broke_it) {
                (Did::Output(_), true) => {
                    println!("{yes} {}", BROKE_IT.replace("{n}", &self.records.to_string()));
                    print_both(ran);
                }
                (Did::Output(_), false) => println!("{no} {SAME_OUTPUT}"),
                (Did::Raised(message), _) => println!("{no} {}", REFERENCE_RAISED.replace("{message}", message)),
                (Did::Unfinished, _) => println!("{no} {REFERENCE_UNFINISHED}"),
            }
        }
        let text = |id: &str| kata.rules.iter().find(|r| r.id == id).map(|r| r.text.clone()).unwrap_or_default();
        if self.rule_right() {
            println!(
                "{yes} {}",
                RULE_RIGHT.replace("{rule}", &self.rule_named).replace("{text}", &text(&self.rule_named))
            );
        } else {
            let broken = self.breaks.join("`, `");
            println!("{no} {}", RULE_WRONG.replace("{named}", &self.rule_named).replace("{rule}", &broken));
            for id in &self.breaks {
                println!("    {} {}", id.cyan(), text(id));
            }
        }
        println!();
        if self.passed() {
            println!("{}", PASSED.green().bold());
            if !self.about.is_empty() {
                println!("{} {}", WHAT_IT_DID.dimmed(), self.about);
            }
            println!("{}", NEXT_ANSWER.dimmed());
        } else {
            println!("{}", FAILED.red().bold());
        }
    }
}

/// Both sides' outputs, as a diff when both returned.
fn print_both(ran: &GivenRun) {
    let lines = |items: &[Value]| items.iter().map(Value::to_string).collect::<Vec<_>>();
    match (&ran.reference, &ran.answer) {
        (Did::Output(expected), Did::Output(actual)) => {
            if let Some(diff) = harness::diff::unified(&lines(expected), &lines(actual)) {
                for line in diff.lines() {
                    println!("    {line}");
                }
            } else {
                println!("    {}", SAME_ROWS_BROKEN_GRAIN.dimmed());
            }
        }
        (_, Did::Raised(message)) => println!("    {} {message}", "the answer raised:".dimmed()),
        (_, _) => println!("    {}", "the answer did not finish".dimmed()),
    }
}

const TOO_MANY: &str = "{n} records: a review's input may have at most {limit} (dekata's own counterexample has {shrunk}). \
Smaller is the skill: cut every record the failure does not need.";
const BROKE_IT: &str =
    "Your {n} record(s) break the answer: the reference and the answer disagree (- expected, + the answer's):";
const SAME_OUTPUT: &str = "On your input the answer gives what the reference gives: it does not break it. \
Which rule does the code get wrong, and what input would show it?";
const REFERENCE_RAISED: &str =
    "The reference itself fails on your input ({message}): it is not an input the prompt allows.";
const REFERENCE_UNFINISHED: &str = "The reference did not finish on your input: it is not an input the prompt allows.";
const SAME_ROWS_BROKEN_GRAIN: &str = "the same rows, but the answer's break the output's grain (a key twice)";
const RULE_RIGHT: &str = "It breaks `{rule}`: {text}";
const RULE_WRONG: &str = "You named `{named}`, but the answer breaks `{rule}`:";
const PASSED: &str = "Review passed: you found the bug, showed it on a small input and named its rule.";
const WHAT_IT_DID: &str = "What the answer did:";
const NEXT_ANSWER: &str = "`dekata review <kata>` shows the next answer.";
const FAILED: &str = "Review not passed yet. Change the input or the rule and run the same command again.";
