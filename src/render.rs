//! Human-readable output: colored when stdout is a terminal, plain otherwise
//! (and whenever NO_COLOR is set).

use crate::catalog::Kata;
use crate::grading::Observer;
use crate::report::{CaseReport, Overall, Report, Verdict};
use crate::words::{bytes, records};
use colored::Colorize;

/// Decides once whether output is colored.
pub fn init_color() {
    use std::io::IsTerminal;
    let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0");
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let on = !no_color && (forced || std::io::stdout().is_terminal());
    colored::control::set_override(on);
}

pub fn color_on() -> bool {
    colored::control::SHOULD_COLORIZE.should_colorize()
}

pub fn header(kata: &Kata, solution: &str) {
    println!("{} {} {}", kata.id.bold(), "\u{00b7}".dimmed(), kata.title);
    println!("  {} {}", "solution:".dimmed(), solution);
}

/// Prints each case as it is graded.
#[derive(Default)]
pub struct Live {
    said_not_implemented: bool,
    /// Show the message, counterexample and diff of the first failing
    /// case only (watch mode's one screen); the others get their line.
    first_failure_only: bool,
    explained_a_failure: bool,
}

impl Live {
    pub fn first_failure_only() -> Live {
        Live { first_failure_only: true, ..Live::default() }
    }
}

impl Observer for Live {
    fn compiled(&mut self, seconds: f64) {
        println!("  {} compiled in {seconds:.1} s", "\u{2713}".green());
    }

    fn case_done(&mut self, case: &CaseReport) {
        // The not-implemented explanation is the same for every case: say it once.
        let repeat = case.verdict == Verdict::NotImplemented && self.said_not_implemented;
        self.said_not_implemented |= case.verdict == Verdict::NotImplemented;
        let later = self.first_failure_only && self.explained_a_failure;
        self.explained_a_failure |= case.verdict != Verdict::Pass;
        print_case(case, !repeat && !later);
    }
}

fn print_case(case: &CaseReport, details: bool) {
    let mark = if case.verdict == Verdict::Pass { "\u{2713}".green() } else { "\u{2717}".red() };
    let verdict = match case.verdict {
        Verdict::Pass => case.verdict.name().green(),
        Verdict::NotImplemented => case.verdict.name().yellow(),
        _ => case.verdict.name().red().bold(),
    };
    let memory = match (&case.memory, case.peak_heap_limit_bytes) {
        // A finding on the whole process's memory shows that measure.
        (Some(m), _) if m.gauge == crate::judge::Gauge::Resident => format!("  process {}", bytes(m.peak)),
        (_, Some(_)) => format!("  heap {}", bytes(case.peak_heap_bytes)),
        _ => String::new(),
    };
    println!(
        "  {mark} {:<28} {:>16}  {:>7}  {verdict}{}",
        case.name,
        records(case.events, case.unit.noun()),
        format!("{} ms", case.elapsed_ms),
        memory.dimmed()
    );
    if case.verdict == Verdict::Pass || !details {
        return;
    }
    for line in wrap(&case.message, 88) {
        println!("      {line}");
    }
    if let Some(cx) = case.counterexample.as_ref().filter(|cx| !cx.is_empty()) {
        println!("      {}", "counterexample (input records):".bold());
        const SHOWN: usize = 12;
        let partitions = case.counterexample_partitions.as_deref().unwrap_or_default();
        for (i, record) in cx.iter().take(SHOWN).enumerate() {
            let notes = match (times_of(record), partitions.get(i)) {
                (times, None) => times,
                (times, Some(p)) if times.is_empty() => format!("  # partition {p}"),
                (times, Some(p)) => format!("{times} \u{00b7} partition {p}"),
            };
            println!("        {}{}", shortened(record), notes.dimmed());
        }
        if cx.len() > SHOWN {
            println!("        ... and {} more (see --json)", cx.len() - SHOWN);
        }
    }
    if let Some(diff) = &case.diff {
        println!("      {}", "expected vs your output:".bold());
        for line in diff.lines() {
            let line = shortened_line(line);
            let line = line.as_str();
            let colored = if line.starts_with("---") || line.starts_with("+++") {
                line.bold()
            } else if line.starts_with('-') {
                line.red()
            } else if line.starts_with('+') {
                line.green()
            } else if line.starts_with("@@") {
                line.cyan()
            } else {
                line.normal()
            };
            println!("        {colored}");
        }
    }
}

pub fn print_compile_error(report: &Report) {
    println!("  {} {}", "\u{2717}".red(), "compile_error: the solution does not compile".red().bold());
    for line in report.compile.stderr.lines() {
        println!("    {line}");
    }
}

pub fn summary(report: &Report) {
    if let Some(why) = &report.sandbox {
        println!("{}", format!("Note: {why}.").yellow());
    }
    let passed = report.cases.iter().filter(|c| c.verdict == Verdict::Pass).count();
    let total = report.cases.len();
    match report.verdict {
        Overall::Pass => println!("{}", format!("All {total} cases pass (seed {}).", report.seed).green().bold()),
        Overall::CompileError => println!("{}", "The solution does not compile.".red().bold()),
        Overall::Fail => {
            println!("{}", format!("{passed} of {total} cases pass (seed {}).", report.seed).red().bold());
            if report.cases.iter().any(|c| c.verdict == Verdict::NotImplemented) {
                let next = match report.language {
                    crate::language::Language::Rust => NEXT_STEP_TODO,
                    crate::language::Language::Python => NEXT_STEP_NOT_IMPLEMENTED,
                };
                println!("{}", next.dimmed());
            }
        }
    }
}

/// Strings longer than this are shortened on screen (kept whole in JSON).
const LONG_TEXT: usize = 80;
/// How much of a shortened string is shown.
const SHOWN_TEXT: usize = 32;

/// A record as the terminal shows it: a long string becomes its start and
/// its length, so a 4 KiB field does not fill the screen.
fn shortened(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(s) if s.chars().count() > LONG_TEXT => {
            let start: String = s.chars().take(SHOWN_TEXT).collect();
            let n = crate::words::thousands(s.chars().count() as u64);
            Value::String(format!("{start}\u{2026} ({n} characters)"))
        }
        Value::Array(items) => Value::Array(items.iter().map(shortened).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), shortened(v))).collect()),
        other => other.clone(),
    }
}

/// A line of a diff, its JSON shortened as [`shortened`] does.
fn shortened_line(line: &str) -> String {
    if line.chars().count() <= LONG_TEXT * 2 {
        return line.to_string();
    }
    let (mark, rest) = match line.chars().next() {
        Some(c @ ('+' | '-' | ' ')) => (c.to_string(), &line[1..]),
        _ => (String::new(), line),
    };
    match serde_json::from_str::<serde_json::Value>(rest) {
        Ok(value) => format!("{mark}{}", shortened(&value)),
        Err(_) => line.to_string(),
    }
}

/// A record's Unix times as UTC text (` # ts .. · ingested_at ..`), so that
/// days and midnights can be read off a counterexample. A DataFrame kata's
/// row (`{"orders": {..}}`) shows the times of its columns.
fn times_of(record: &serde_json::Value) -> String {
    let row = match record.as_object() {
        Some(m) if m.len() == 1 => m.values().next().filter(|v| v.is_object()).unwrap_or(record),
        _ => record,
    };
    let parts: Vec<String> = TIME_FIELDS
        .iter()
        .filter_map(|f| {
            row.get(f).and_then(serde_json::Value::as_i64).map(|t| format!("{f} {}", harness::jobs::utc_text(t)))
        })
        .collect();
    if parts.is_empty() { String::new() } else { format!("  # {}", parts.join(" \u{00b7} ")) }
}

/// Input fields that hold Unix seconds.
const TIME_FIELDS: [&str; 4] = ["ts", "ingested_at", "order_ts", "added_ts"];

/// Wraps text at word boundaries, keeping existing line breaks.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out
}

const NEXT_STEP_TODO: &str = "Replace the todo!() in your solution file, then check again.";
const NEXT_STEP_NOT_IMPLEMENTED: &str =
    "Replace the raise NotImplementedError in your solution file, then check again.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_are_shortened_with_their_length() {
        let long = "é".repeat(4_096);
        let record = serde_json::json!({"user_id": 1, "event_type": long});
        let shown = shortened(&record).to_string();
        assert!(shown.contains("(4,096 characters)"), "{shown}");
        assert!(shown.len() < 200, "{shown}");
        let line = format!("-{record}");
        assert!(shortened_line(&line).starts_with("-{"));
        assert!(shortened_line(&line).contains("(4,096 characters)"));
        assert_eq!(shortened_line("+{\"a\":1}"), "+{\"a\":1}");
    }
}
