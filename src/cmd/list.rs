//! `dekata list`: every kata with the learner's status, by pattern (or by
//! week of the study plan), in the learner's language (and the other
//! language's status beside it, where there is any).

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
    /// Group the katas by pattern, or by week of the four-week study plan
    #[arg(long, value_enum, default_value_t = View::Pattern)]
    pub by: View,
    #[command(flatten)]
    pub json: crate::cmd::shared::Json,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

/// How `list` groups the katas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    Pattern,
    Week,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    pattern: &'a str,
    title: &'a str,
    difficulty: catalog::Difficulty,
    /// The week of the study plan, if the kata has one.
    week: Option<u8>,
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
                week: k.week,
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
    let groups: Vec<(String, Option<String>, Vec<&Kata>)> = match args.by {
        View::Pattern => {
            catalog::by_pattern(&katas).into_iter().map(|(_, g)| (g[0].pattern_title.clone(), None, g)).collect()
        }
        View::Week => by_week(&katas, &catalog::plan::load(&ws.katas())?),
    };
    for (title, focus, group) in groups {
        let done = group.iter().filter(|k| status_of(k, language) == Status::Passed).count();
        println!("{}  {} {done}/{}", title.bold(), bar(done, group.len()), group.len());
        if let Some(focus) = focus {
            println!("  {}", focus.dimmed());
        }
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

/// The katas by week of `plan`, each week's in catalogue order (pattern
/// by pattern), then those without a week.
fn by_week<'a>(katas: &'a [Kata], plan: &catalog::plan::Plan) -> Vec<(String, Option<String>, Vec<&'a Kata>)> {
    let mut groups: Vec<(String, Option<String>, Vec<&Kata>)> = plan
        .weeks
        .iter()
        .map(|w| {
            let title = WEEK_TITLE.replace("{n}", &w.week.to_string()).replace("{title}", &w.title);
            (title, Some(w.focus.clone()), katas.iter().filter(|k| k.week == Some(w.week)).collect())
        })
        .collect();
    let unplanned: Vec<&Kata> = katas.iter().filter(|k| k.week.is_none()).collect();
    if !unplanned.is_empty() {
        groups.push((NO_WEEK.to_string(), None, unplanned));
    }
    groups.retain(|(_, _, g)| !g.is_empty());
    groups
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
const WEEK_TITLE: &str = "Week {n}: {title}";
const NO_WEEK: &str = "Outside the plan";
const NOT_IN: &str = "not in {language} yet";
const LIST_FOOTER: &str = "Read a kata with `dekata show <kata>`; grade your solution with `dekata check <kata>`.";
