//! `dekata list`: every kata with the learner's status, by pattern.

use crate::catalog::{self, Kata};
use crate::progress::{self, Status};
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use serde::Serialize;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    pattern: &'a str,
    title: &'a str,
    difficulty: catalog::Difficulty,
    status: Status,
    solution: String,
    passed_at: Option<u64>,
}

pub fn run(ws: &Workspace, json: bool) -> Result<()> {
    let katas = catalog::load_all(&ws.katas())?;
    let progress = progress::load(ws)?;
    let status_of = |k: &Kata| {
        let has = solution_files::path(ws, k).exists();
        progress::status(&progress, &k.id, has)
    };
    if json {
        let rows: Vec<Row> = katas
            .iter()
            .map(|k| Row {
                id: &k.id,
                pattern: &k.pattern,
                title: &k.title,
                difficulty: k.difficulty,
                status: status_of(k),
                solution: ws.display(&solution_files::path(ws, k)),
                passed_at: progress.katas.get(&k.id).and_then(|p| p.passed_at),
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    let id_width = katas.iter().map(|k| k.id.len()).max().unwrap_or(0) + 2;
    let title_width = katas.iter().map(|k| k.title.chars().count()).max().unwrap_or(0) + 2;
    for (pattern, group) in catalog::by_pattern(&katas) {
        let done = group.iter().filter(|k| status_of(k) == Status::Passed).count();
        println!("{}  {} {done}/{}", catalog::pattern_title(&pattern).bold(), bar(done, group.len()), group.len());
        for k in group {
            let status = status_of(k);
            let shown = match status {
                Status::Passed => status.name().green(),
                Status::Failing => status.name().red(),
                Status::Started => status.name().yellow(),
                Status::New => status.name().dimmed(),
            };
            let when = match progress.katas.get(&k.id) {
                Some(p) if status == Status::Passed => match (p.passed_at, p.passed_seed) {
                    (Some(at), Some(seed)) => format!(" {} (seed {seed})", grader::jobs::utc_day(at as i64)),
                    _ => String::new(),
                },
                _ => String::new(),
            };
            println!(
                "  {:<id_width$} {:<8} {:<title_width$} {shown}{}",
                k.id,
                k.difficulty.name(),
                k.title,
                when.dimmed()
            );
        }
        println!();
    }
    println!("{}", LIST_FOOTER.dimmed());
    Ok(())
}

fn bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 10;
    let filled = if total == 0 { 0 } else { done * WIDTH / total };
    format!("{}{}", "\u{2588}".repeat(filled).green(), "\u{2591}".repeat(WIDTH - filled).dimmed())
}

const LIST_FOOTER: &str = "Read a kata with `dekata show <kata>`; grade your solution with `dekata check <kata>`.";
