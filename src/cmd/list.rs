//! `dekata list`: every kata with the learner's status, by pattern, in the
//! learner's language (and the other language's status beside it, where
//! there is any).

use crate::catalog::{self, Kata};
use crate::language::Language;
use crate::progress::{self, Progress, Status};
use crate::settings;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub json: crate::cmd::shared::Json,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    pattern: &'a str,
    title: &'a str,
    difficulty: catalog::Difficulty,
    /// The status in the language listed.
    status: Status,
    solution: String,
    passed_at: Option<u64>,
    /// The language listed.
    language: Language,
    /// The status in each language the kata has a form in.
    languages: BTreeMap<Language, Status>,
}

pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let progress = progress::load(ws)?;
    let language = settings::language(ws, args.lang.chosen)?;
    let status_of = |k: &Kata, l: Language| {
        let has = solution_files::path(ws, k, l).exists();
        progress::status(&progress, &k.id, l, has)
    };
    if args.json.on {
        let rows: Vec<Row> = katas
            .iter()
            .map(|k| Row {
                id: &k.id,
                pattern: &k.pattern,
                title: &k.title,
                difficulty: k.difficulty,
                status: status_of(k, language),
                solution: ws.display(&solution_files::path(ws, k, language)),
                passed_at: progress.of(language).get(&k.id).and_then(|p| p.passed_at),
                language,
                languages: k.languages().into_iter().map(|l| (l, status_of(k, l))).collect(),
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(true);
    }
    println!("{}", LISTED_IN.replace("{language}", language.title()).dimmed());
    println!();
    let id_width = katas.iter().map(|k| k.id.len()).max().unwrap_or(0) + 2;
    let title_width = katas.iter().map(|k| k.title.chars().count()).max().unwrap_or(0) + 2;
    for (_, group) in catalog::by_pattern(&katas) {
        let done = group.iter().filter(|k| status_of(k, language) == Status::Passed).count();
        println!("{}  {} {done}/{}", group[0].pattern_title.bold(), bar(done, group.len()), group.len());
        for k in group {
            let status = status_of(k, language);
            let shown = if k.speaks(language) {
                match status {
                    Status::Passed => status.name().green(),
                    Status::Failing => status.name().red(),
                    Status::Started => status.name().yellow(),
                    Status::New => status.name().dimmed(),
                }
            } else {
                NOT_IN.replace("{language}", language.title()).dimmed()
            };
            let when = when_passed(&progress, k, language, status);
            let other = others(k, language, |l| status_of(k, l));
            println!(
                "  {:<id_width$} {:<8} {:<title_width$} {shown}{}{}",
                k.id,
                k.difficulty.name(),
                k.title,
                when.dimmed(),
                other.dimmed()
            );
        }
        println!();
    }
    println!("{}", LIST_FOOTER.dimmed());
    Ok(true)
}

fn when_passed(progress: &Progress, kata: &Kata, language: Language, status: Status) -> String {
    match progress.of(language).get(&kata.id) {
        Some(p) if status == Status::Passed => match (p.passed_at, p.passed_seed) {
            (Some(at), Some(seed)) => format!(" {} (seed {seed})", harness::jobs::utc_day(at as i64)),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

/// The other languages' statuses, where the learner has begun the kata in them.
fn others(kata: &Kata, listed: Language, status: impl Fn(Language) -> Status) -> String {
    let said: Vec<String> = kata
        .languages()
        .into_iter()
        .filter(|l| *l != listed)
        .filter_map(|l| match status(l) {
            Status::New => None,
            s => Some(format!("{}: {}", l.key(), s.name())),
        })
        .collect();
    if said.is_empty() { String::new() } else { format!("  ({})", said.join(", ")) }
}

fn bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 10;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(0);
    format!("{}{}", "\u{2588}".repeat(filled).green(), "\u{2591}".repeat(WIDTH - filled).dimmed())
}

const LISTED_IN: &str = "Your solutions in {language} (`dekata lang` switches; `--lang` for one command).";
const NOT_IN: &str = "not in {language} yet";
const LIST_FOOTER: &str = "Read a kata with `dekata show <kata>`; grade your solution with `dekata check <kata>`.";
