//! `dekata show`: a kata's prompt, signature, and the cases it is graded on.

use crate::catalog;
use crate::error::BadRequest;
use crate::language::Language;
use crate::settings;
use crate::solution_files;
use crate::words::records;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use colored::Colorize;

#[derive(clap::Args)]
pub struct Args {
    /// The kata id, e.g. count_events
    pub kata: String,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let kata = catalog::find(&katas, &args.kata)?;
    let language = settings::language(ws, args.lang.chosen)?;
    if !kata.speaks(language) {
        return Err(BadRequest::new(
            NO_FORM
                .replace("{kata}", &kata.id)
                .replace("{language}", language.title())
                .replace("{others}", &kata.languages().iter().map(|l| l.key()).collect::<Vec<_>>().join(", ")),
        )
        .into());
    }
    let starter_path = kata.starter(language);
    let starter =
        std::fs::read_to_string(&starter_path).with_context(|| format!("cannot read {}", starter_path.display()))?;

    println!("{} {} {}", kata.id.bold(), "\u{00b7}".dimmed(), kata.title.bold());
    let languages: Vec<&str> = kata.languages().iter().map(|l| l.title()).collect();
    println!(
        "{}",
        format!(
            "{} \u{00b7} {} \u{00b7} shown in {} (graded in {})",
            kata.pattern_title,
            kata.difficulty.name(),
            language.title(),
            languages.join(" and ")
        )
        .dimmed()
    );
    println!();
    println!("{}", kata.prompt_in(language).trim());
    if language == Language::Python && !kata.python.notes.is_empty() {
        println!();
        println!("{}", "In Python".bold());
        for note in &kata.python.notes {
            let mut lines = crate::render::wrap(note, 76).into_iter();
            println!("  - {}", lines.next().unwrap_or_default());
            for line in lines {
                println!("    {line}");
            }
        }
    }
    println!();
    println!("{}", "Signature".bold());
    for line in signature(&starter, &kata.entry, language) {
        println!("    {line}");
    }
    if let Some(dataset) = kata.kind.dataset() {
        println!();
        println!("{}", "Tables".bold());
        for table in dataset.tables() {
            let columns: Vec<String> = table
                .columns
                .iter()
                .map(|c| {
                    let ty = match language {
                        Language::Rust => c.ty.name(),
                        Language::Python => crate::spark::type_name(c.ty),
                    };
                    format!("{} {ty}", c.name)
                })
                .collect();
            println!("    {}({})", table.name, columns.join(", "));
        }
        let engine = match language {
            Language::Rust => format!(
                "Every column may be null. DataFusion runs each plan on {ENGINE_PARTITIONS} partitions; no join side is broadcast unless you ask."
            ),
            Language::Python => format!(
                "Every column may be null. Spark runs in local mode on {} cores; no join side is broadcast unless you ask.",
                crate::spark::PARTITIONS
            ),
        };
        for line in crate::render::wrap(&engine, 76) {
            println!("{}", format!("    {line}").dimmed());
        }
        if language == Language::Python {
            println!();
            println!("{}", "Spark session (a query may hint and repartition, not change these)".bold());
            for (key, value) in crate::spark::settings(kata) {
                println!("    {key} = {value}");
            }
        }
    }
    if let Some(rules) = kata.kind.plan() {
        println!();
        println!("{}", "The plan must".bold());
        match language {
            Language::Rust => println!("    keep the engine's {ENGINE_PARTITIONS} target partitions (not fewer)"),
            Language::Python => println!("    keep the session's settings above"),
        }
        for rule in crate::report::plan::describe(rules) {
            println!("    {rule}");
        }
    }
    println!();
    println!("{}", "Graded on".bold());
    let noun = kata.unit().noun();
    for case in &kata.cases {
        let families: Vec<&str> = case.families.iter().map(|f| f.name()).collect();
        let memory = if case.memory.is_some() { " + peak heap" } else { "" };
        println!(
            "  {:<28} {:>16}  {}{}",
            case.name,
            records(case.events_for(language), noun),
            families.join(", ").cyan(),
            memory.cyan()
        );
        // A memory case that asks nothing in particular quotes the memory
        // question alone.
        if !(case.memory.is_some() && case.question.general) {
            println!("  {:<28} {}", "", format!("\u{201c}{}\u{201d}", case.question.text).dimmed());
        }
        if case.args != kata.arg_values.clone().unwrap_or_default() {
            let args: Vec<String> = case.args.iter().map(serde_json::Value::to_string).collect();
            println!("  {:<28} {}", "", format!("called with {} after the input", args.join(", ")).dimmed());
        }
        if let Some(job) = &case.job {
            let first_day = harness::jobs::utc_day(case.params.start_ts);
            println!("  {:<28} {}", "", format!("runs the job {}", job.describe(first_day)).dimmed());
        }
        if case.memory.is_some() {
            println!("  {:<28} {}", "", format!("\u{201c}{}\u{201d}", harness::questions::MEMORY).dimmed());
        }
    }
    println!();
    let solution = solution_files::path(ws, kata, language);
    let where_ = if solution.exists() {
        format!("Your solution: {}", ws.display(&solution))
    } else {
        format!("Your solution will be created at {} by `dekata check {}`.", ws.display(&solution), kata.id)
    };
    println!("{}", where_.dimmed());
    Ok(true)
}

const NO_FORM: &str = "the kata `{kata}` has no {language} form yet; it is graded in: {others} \
(`--lang` picks one)";

/// `grader_df::PARTITIONS`, which dekata itself does not link.
const ENGINE_PARTITIONS: usize = 4;

/// The entry function's signature, taken from the starter: in Rust from
/// its `pub fn` line up to the opening brace, in Python from its `def`
/// line up to the line that ends in a colon.
pub fn signature(starter: &str, entry: &str, language: Language) -> Vec<String> {
    let (needle, end) = match language {
        Language::Rust => (format!("fn {entry}"), '{'),
        Language::Python => (format!("def {entry}("), ':'),
    };
    let mut out = Vec::new();
    let mut inside = false;
    for line in starter.lines() {
        if !inside && line.contains(&needle) {
            inside = true;
        }
        if inside {
            let ends = match language {
                Language::Rust => line.contains(end),
                Language::Python => line.trim_end().ends_with(end),
            };
            let cut = match language {
                Language::Rust => line.split('{').next().unwrap_or(line).trim_end(),
                Language::Python => line.trim_end(),
            };
            if !cut.is_empty() {
                out.push(cut.to_string());
            }
            if ends {
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
        assert_eq!(super::signature(s, "f", super::Language::Rust), vec!["pub fn f(", "    a: u8,", ") -> u8"]);
        let p = "from x import y\n\n\ndef f(\n    a: int,\n) -> int:\n    raise NotImplementedError\n";
        assert_eq!(super::signature(p, "f", super::Language::Python), vec!["def f(", "    a: int,", ") -> int:"]);
    }
}
