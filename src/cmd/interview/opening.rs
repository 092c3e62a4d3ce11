//! A round's opening: the interviewer's one-line ask and five clean rows,
//! the clarifying questions to choose from, and what the answers reveal.

use crate::catalog::Kata;
use crate::catalog::interview::Interview;
use crate::grading;
use crate::language::Language;
use colored::Colorize;

/// What the candidate's clarifying questions came to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clarified {
    /// Rules revealed by a question asked, in the list's order.
    pub asked: Vec<String>,
    /// Rules a question would have revealed, not asked.
    pub missed: Vec<String>,
    /// Questions asked that do not change the code.
    pub off_topic: usize,
}

/// The opening as the interviewer says it.
pub fn open(kata: &Kata, language: Language, seed: u64) {
    let ask = kata.interview.as_ref().map_or(kata.title.as_str(), |i| i.ask.as_str());
    println!("{} {}", "Interviewer:".bold(), format!("\u{201c}{ask}\u{201d}").yellow());
    let rows = five_rows(kata, language, seed);
    if !rows.is_empty() {
        println!("{}", FIVE_ROWS.dimmed());
        for row in rows {
            println!("  {row}");
        }
    }
}

/// The first records of the kata's first clean case, as JSON.
fn five_rows(kata: &Kata, language: Language, seed: u64) -> Vec<String> {
    let case = kata
        .cases
        .iter()
        .find(|c| c.events > 0 && c.families.iter().all(|f| f.name() == "clean"))
        .or_else(|| kata.cases.iter().find(|c| c.events > 0));
    let Some(case) = case else { return Vec::new() };
    let spec = grading::stream_spec(kata, case, seed, language);
    harness::rust_worker::materialise(&spec).into_iter().take(5).map(|r| r.to_value().to_string()).collect()
}

/// The list of clarifying questions, numbered from 1.
pub fn offer(interview: &Interview) {
    println!();
    println!("{}", CHOOSE.bold());
    for (i, q) in interview.clarify.iter().enumerate() {
        println!("  {:>2}. {}", i + 1, q.ask);
    }
    println!("{}", HOW_TO_CHOOSE.dimmed());
}

/// Reads the candidate's choice: numbers separated by spaces or commas;
/// an empty line, `none` or `-` chooses none. `Err` names what is not a
/// question's number.
pub fn parse_choice(line: &str, count: usize) -> Result<Vec<usize>, String> {
    let line = line.trim();
    if line.is_empty() || line.eq_ignore_ascii_case("none") || line == "-" {
        return Ok(Vec::new());
    }
    let mut chosen = Vec::new();
    for word in line.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                if !chosen.contains(&(n - 1)) {
                    chosen.push(n - 1);
                }
            }
            _ => return Err(word.to_string()),
        }
    }
    Ok(chosen)
}

/// What the chosen questions reveal, as facts.
pub fn clarified(interview: &Interview, kata: &Kata, language: Language, chosen: &[usize]) -> Clarified {
    let mut out = Clarified::default();
    for (i, q) in interview.clarify.iter().enumerate() {
        let applies = |rule: &str| kata.rules.iter().any(|r| r.id == rule && r.applies_to(language));
        match &q.rule {
            Some(rule) if !applies(rule) => {}
            Some(rule) if chosen.contains(&i) && !out.asked.contains(rule) => out.asked.push(rule.clone()),
            Some(rule) if !chosen.contains(&i) && !out.missed.contains(rule) => out.missed.push(rule.clone()),
            Some(_) => {}
            None if chosen.contains(&i) => out.off_topic += 1,
            None => {}
        }
    }
    out.missed.retain(|r| !out.asked.contains(r));
    out
}

/// The interviewer's answers, then the rules not asked about, told anyway.
pub fn answer(interview: &Interview, kata: &Kata, chosen: &[usize], clarified: &Clarified) {
    let text = |id: &str| kata.rules.iter().find(|r| r.id == id).map(|r| r.text.clone()).unwrap_or_default();
    println!();
    for &i in chosen {
        let q = &interview.clarify[i];
        println!("{} {}", "You:".bold(), q.ask);
        let said = match (&q.rule, &q.answer) {
            (Some(rule), _) => text(rule),
            (None, Some(answer)) => answer.clone(),
            (None, None) => String::new(),
        };
        println!("{} {said}", "Interviewer:".bold());
    }
    if !clarified.missed.is_empty() {
        println!();
        println!("{}", MISSED.yellow());
        for id in &clarified.missed {
            println!("  {} {}", "\u{2022}".yellow(), text(id));
        }
    }
    let asked_of = clarified.asked.len() + clarified.missed.len();
    println!();
    println!(
        "{}",
        format!(
            "Clarifying questions: {} of {asked_of} that matter asked, {} off the point.",
            clarified.asked.len(),
            clarified.off_topic
        )
        .dimmed()
    );
}

const FIVE_ROWS: &str = "Five rows of the input:";
const CHOOSE: &str = "Before you type any code: what do you ask?";
const HOW_TO_CHOOSE: &str = "Type the numbers of your questions on one line (e.g. `1 3 4`), or an empty line for none.";
const MISSED: &str = "You did not ask, so the interviewer tells you before you start:";

#[cfg(test)]
mod tests {
    use super::parse_choice;

    #[test]
    fn choices_are_numbers_of_the_list() {
        assert_eq!(parse_choice("1 3,4", 5), Ok(vec![0, 2, 3]));
        assert_eq!(parse_choice("2 2", 5), Ok(vec![1]));
        assert_eq!(parse_choice("", 5), Ok(vec![]));
        assert_eq!(parse_choice("none", 5), Ok(vec![]));
        assert_eq!(parse_choice("6", 5), Err("6".into()));
        assert_eq!(parse_choice("one", 5), Err("one".into()));
    }
}
