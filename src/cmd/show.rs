//! `dekata show`: a kata's prompt, signature, and the cases it is graded on.

use crate::language::Language;
use crate::catalog;
use crate::judge::records;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use colored::Colorize;

pub fn run(ws: &Workspace, id: &str) -> Result<()> {
    let katas = catalog::load_all(&ws.katas())?;
    let kata = catalog::find(&katas, id)?;
    let starter = std::fs::read_to_string(kata.starter(Language::Rust))
        .with_context(|| format!("cannot read {}", kata.starter(Language::Rust).display()))?;

    println!("{} {} {}", kata.id.bold(), "\u{00b7}".dimmed(), kata.title.bold());
    println!("{}", format!("{} \u{00b7} {}", kata.pattern_title(), kata.difficulty.name()).dimmed());
    println!();
    println!("{}", kata.prompt.trim());
    println!();
    println!("{}", "Signature".bold());
    for line in signature(&starter, &kata.entry) {
        println!("    {line}");
    }
    if let Some(dataset) = kata.dataset {
        println!();
        println!("{}", "Tables".bold());
        for table in dataset.tables() {
            let columns: Vec<String> = table.columns.iter().map(|c| format!("{} {}", c.name, c.ty.name())).collect();
            println!("    {}({})", table.name, columns.join(", "));
        }
        println!(
            "{}",
            format!(
                "    Every column may be null. Plans run on {} partitions; no join side is broadcast unless you ask.",
                ENGINE_PARTITIONS
            )
            .dimmed()
        );
    }
    if let Some(rules) = &kata.plan {
        println!();
        println!("{}", "The plan must".bold());
        println!("    keep the engine's {ENGINE_PARTITIONS} target partitions (not fewer)");
        for rule in crate::plan_check::describe(rules) {
            println!("    {rule}");
        }
    }
    println!();
    println!("{}", "Graded on".bold());
    let noun = kata.record_noun();
    for case in &kata.cases {
        let families: Vec<&str> = case.families.iter().map(|f| f.name()).collect();
        let memory = if case.memory.is_some() { " + peak heap" } else { "" };
        println!(
            "  {:<28} {:>16}  {}{}",
            case.name,
            records(case.events, noun),
            families.join(", ").cyan(),
            memory.cyan()
        );
        // A memory case whose own question is only the default one quotes
        // the memory question alone.
        if !(case.memory.is_some() && case.question == grader::questions::CORRECTNESS) {
            println!("  {:<28} {}", "", format!("\u{201c}{}\u{201d}", case.question).dimmed());
        }
        if let Some(job) = &case.job {
            let first_day = grader::jobs::utc_day(case.params.start_ts);
            println!("  {:<28} {}", "", format!("runs the job {}", job.describe(first_day)).dimmed());
        }
        if case.memory.is_some() {
            println!("  {:<28} {}", "", format!("\u{201c}{}\u{201d}", grader::questions::MEMORY).dimmed());
        }
    }
    println!();
    let solution = solution_files::path(ws, kata);
    let where_ = if solution.exists() {
        format!("Your solution: {}", ws.display(&solution))
    } else {
        format!("Your solution will be created at {} by `dekata check {}`.", ws.display(&solution), kata.id)
    };
    println!("{}", where_.dimmed());
    Ok(())
}

/// `grader_df::PARTITIONS`, which dekata itself does not link.
const ENGINE_PARTITIONS: usize = 4;

/// The entry function's signature, taken from the starter: from its
/// `pub fn` line up to the opening brace.
pub fn signature(starter: &str, entry: &str) -> Vec<String> {
    let needle = format!("fn {entry}");
    let mut out = Vec::new();
    let mut inside = false;
    for line in starter.lines() {
        if !inside && line.contains(&needle) {
            inside = true;
        }
        if inside {
            let cut = line.split('{').next().unwrap_or(line).trim_end();
            if !cut.is_empty() {
                out.push(cut.to_string());
            }
            if line.contains('{') {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn signature_spans_lines() {
        let s = "use x;\n\npub fn f(\n    a: u8,\n) -> u8 {\n    todo!()\n}\n";
        assert_eq!(super::signature(s, "f"), vec!["pub fn f(", "    a: u8,", ") -> u8"]);
    }
}
