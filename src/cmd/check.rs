//! `dekata check`: grade a solution, or every solution with `--all`.

use crate::catalog::{self, Kata};
use crate::error::BadRequest;
use crate::grading::{self, Observer, Quiet, Request};
use crate::language::Language;
use crate::progress;
use crate::render;
use crate::report::{Overall, Report};
use crate::settings;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The kata id, e.g. count_events
    #[arg(required_unless_present = "all")]
    pub kata: Option<String>,
    /// Grade every kata that has a solution file (in either language)
    #[arg(long, conflicts_with_all = ["kata", "solution"])]
    pub all: bool,
    /// Grade this file instead of solutions/<kata>.rs (a .py file is Python)
    #[arg(long, value_name = "FILE", conflicts_with = "chosen")]
    pub solution: Option<PathBuf>,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
    #[command(flatten)]
    pub seed: crate::cmd::shared::Seed,
    #[command(flatten)]
    pub json: crate::cmd::shared::Json,
    /// Run PySpark katas on this cluster's Spark Connect (sc://HOST:PORT)
    /// instead of dekata's own engine [env: DEKATA_SPARK_REMOTE]
    #[arg(long, value_name = "URL")]
    pub remote: Option<String>,
    /// With --remote: each case's first table, N times over
    /// [env: DEKATA_SPARK_SCALE]
    #[arg(long, value_name = "N", requires = "remote")]
    pub scale: Option<u64>,
    /// With --remote: the cluster driver's monitoring address
    /// (http://HOST:PORT, its web UI), where the rows each shuffle's
    /// partitions received are read; by default the driver's host at ports
    /// 4040 to 4043 [env: DEKATA_SPARK_REMOTE_UI]
    #[arg(long, value_name = "URL", requires = "remote")]
    pub remote_ui: Option<String>,
}

/// Grades as asked; returns whether everything passed.
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    // The cluster is read where PySpark workers are set up
    // (`spark::remote`), as it is for the environment's own variables.
    // SAFETY: dekata has started no thread yet.
    unsafe {
        if let Some(url) = &args.remote {
            std::env::set_var("DEKATA_SPARK_REMOTE", url);
        }
        if let Some(n) = args.scale {
            std::env::set_var("DEKATA_SPARK_SCALE", n.to_string());
        }
        if let Some(url) = &args.remote_ui {
            std::env::set_var("DEKATA_SPARK_REMOTE_UI", url);
        }
    }
    crate::spark::remote()?;
    let katas = catalog::load_all(&ws.katas())?;
    let seed = args.seed.value.unwrap_or(grading::DEFAULT_SEED);
    if args.all {
        return run_all(ws, &katas, seed, args.json.on);
    }
    let id = args.kata.as_deref().unwrap_or_default();
    let kata = catalog::find(&katas, id)?;
    let (solution, own) = match &args.solution {
        Some(path) => {
            if !path.is_file() {
                return Err(BadRequest::new(format!("the solution file {} does not exist", path.display())).into());
            }
            (path.clone(), false)
        }
        None => {
            let language = settings::language(ws, args.lang.chosen)?;
            let (path, created) = solution_files::ensure(ws, kata, language)?;
            if created && !args.json.on {
                println!("{}", CREATED.replace("{path}", &ws.display(&path)).dimmed());
            }
            (path, true)
        }
    };
    let report = check_one(ws, kata, &solution, seed, args.json.on)?;
    if own {
        progress::record(ws, &report)?;
    }
    if args.json.on {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    Ok(report.passed())
}

fn check_one(ws: &Workspace, kata: &Kata, solution: &Path, seed: u64, json: bool) -> Result<Report> {
    let shown = ws.display(solution);
    let req = Request {
        ws,
        kata,
        solution,
        shown_as: None,
        seed,
        color: !json && render::color_on(),
        truth: None,
        counterexamples: true,
        until_caught: false,
    };
    let mut live = render::Live::default();
    let observer: &mut dyn Observer = if json { &mut Quiet } else { &mut live };
    if !json {
        render::header(kata, &shown);
    }
    let report = grading::grade(&req, observer)?;
    if !json {
        if report.verdict == Overall::CompileError {
            render::print_compile_error(&report);
        }
        render::summary(&report);
    }
    Ok(report)
}

#[derive(Serialize)]
struct AllReports {
    verdict: Overall,
    reports: Vec<Report>,
}

fn run_all(ws: &Workspace, katas: &[Kata], seed: u64, json: bool) -> Result<bool> {
    let mine: Vec<(&Kata, PathBuf)> = katas
        .iter()
        .flat_map(|k| Language::ALL.into_iter().map(move |l| (k, l)))
        .map(|(k, l)| (k, solution_files::path(ws, k, l)))
        .filter(|(_, path)| path.exists())
        .collect();
    if mine.is_empty() && !json {
        println!("{}", NOTHING_TO_CHECK.dimmed());
    }
    let mut reports = Vec::new();
    for (kata, path) in mine {
        let report = check_one(ws, kata, &path, seed, json)?;
        progress::record(ws, &report)?;
        if !json {
            println!();
        }
        reports.push(report);
    }
    let passed = reports.iter().all(Report::passed);
    if json {
        let verdict = if passed { Overall::Pass } else { Overall::Fail };
        println!("{}", serde_json::to_string_pretty(&AllReports { verdict, reports })?);
    } else if !reports.is_empty() {
        let n = reports.iter().filter(|r| r.passed()).count();
        let line = format!("{n} of {} solutions pass.", reports.len());
        println!("{}", if passed { line.green().bold() } else { line.red().bold() });
    }
    Ok(passed)
}

const CREATED: &str = "Created {path} from the kata's starter: write your solution there.";
const NOTHING_TO_CHECK: &str = "No solutions yet: `dekata check <kata>` creates one from its starter.";
