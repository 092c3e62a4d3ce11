//! dekata: a workbench for the coding round of data-engineering interviews.

mod atomic;
mod catalog;
mod cmd;
mod compile;
mod concerns;
mod error;
mod grading;
mod judge;
mod language;
mod mutants;
mod plan_check;
mod progress;
mod python;
mod render;
mod report;
mod results;
mod solution_files;
mod state_file;
mod worker;
mod workspace;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dekata", version, about = ABOUT, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Every kata, by pattern, with your status
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// A kata's prompt, signature and graded edge cases
    Show {
        /// The kata id, e.g. count_events
        kata: String,
    },
    /// Compile and grade a solution on every case of its kata
    Check {
        /// The kata id, e.g. count_events
        #[arg(required_unless_present = "all")]
        kata: Option<String>,
        /// Grade every kata that has a solution file
        #[arg(long, conflicts_with_all = ["kata", "solution"])]
        all: bool,
        /// Grade this file instead of solutions/<kata>.rs
        #[arg(long, value_name = "FILE")]
        solution: Option<PathBuf>,
        /// Seed for the generated streams (same seed, same report)
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Print only the JSON report on stdout
        #[arg(long)]
        json: bool,
    },
    /// Re-grade a kata every time its solution file is saved
    Watch {
        /// The kata to start with (default: the first one not passed)
        kata: Option<String>,
        /// Re-grade on Enter instead of on file changes (for filesystems without change events)
        #[arg(long)]
        manual: bool,
        /// Seed for the generated streams
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
    /// Show the next hint of a kata (one more each time)
    Hint {
        /// The kata id
        kata: String,
    },
    /// Restore a kata's starter, keeping your current file as a timestamped backup
    Reset {
        /// The kata id
        kata: String,
    },
    /// A timed mock interview, graded at the end with a scorecard
    Drill {
        /// Drill these katas (default: chosen for you)
        #[arg(long = "kata", value_name = "KATA")]
        katas: Vec<String>,
        /// Choose katas of this pattern
        #[arg(long)]
        pattern: Option<String>,
        /// Choose katas of this difficulty (warm-up, core, stretch)
        #[arg(long)]
        difficulty: Option<String>,
        /// Choose katas from your weakest pattern
        #[arg(long)]
        weakest: bool,
        /// How many katas to drill
        #[arg(long, default_value_t = 2)]
        count: usize,
        /// Time allowed, in minutes
        #[arg(long, default_value_t = 45.0)]
        minutes: f64,
        /// Seed for the generated streams
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
    /// Your progress over time, per interviewer concern
    Stats {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// For kata authors: scaffold a new kata folder
    New {
        /// The new kata's id (snake_case)
        id: String,
        /// Its pattern, e.g. streaming-aggregation
        #[arg(long)]
        pattern: String,
        /// Its call shape, e.g. events_to_map
        #[arg(long)]
        shape: Option<String>,
    },
    /// For kata authors: check that katas are sound (reference, starter, mutants)
    Validate {
        /// Kata ids (default: every kata)
        katas: Vec<String>,
        /// Katas validated at once (default: the number of cores)
        #[arg(long)]
        jobs: Option<usize>,
        /// Validate only this language's form of each kata (rust or python)
        #[arg(long, value_name = "LANG", value_parser = parse_language)]
        lang: Option<language::Language>,
    },
    /// For instructors: grade a folder of submissions (one subfolder per learner)
    Grade {
        /// The folder holding one subfolder of <kata>.rs files per learner
        dir: PathBuf,
        /// Grade only these katas
        #[arg(long = "kata", value_name = "KATA")]
        katas: Vec<String>,
        /// Write JUnit XML here
        #[arg(long, value_name = "FILE")]
        junit: Option<PathBuf>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        /// Submissions graded at once (default: the number of cores)
        #[arg(long)]
        jobs: Option<usize>,
        /// Seed for the generated streams
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
}

fn main() -> ExitCode {
    // Die quietly when stdout is a closed pipe (`dekata list | head`), as
    // command-line tools do, instead of panicking on the next print.
    // SAFETY: resetting a signal to its default disposition at startup.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    render::init_color();
    let result = workspace::Workspace::discover().and_then(|ws| match cli.command {
        Command::List { json } => cmd::list::run(&ws, json).map(|()| true),
        Command::Show { kata } => cmd::show::run(&ws, &kata).map(|()| true),
        Command::Check { kata, all, solution, seed, json } => {
            cmd::check::run(&ws, cmd::check::Args { kata, all, solution, seed, json })
        }
        Command::Validate { katas, jobs, lang } => cmd::validate::run(&ws, &katas, jobs, lang),
        Command::Watch { kata, manual, seed } => cmd::watch::run(&ws, cmd::watch::Args { kata, manual, seed }),
        Command::Hint { kata } => cmd::hint::run(&ws, &kata),
        Command::Reset { kata } => cmd::reset::run(&ws, &kata),
        Command::Drill { katas, pattern, difficulty, weakest, count, minutes, seed } => cmd::drill::run(
            &ws,
            cmd::drill::Args { katas, pattern, difficulty, weakest, count, minutes, seed },
        ),
        Command::Stats { json } => cmd::stats::run(&ws, cmd::stats::Args { json }),
        Command::New { id, pattern, shape } => cmd::new::run(&ws, cmd::new::Args { id, pattern, shape }),
        Command::Grade { dir, katas, junit, json, jobs, seed } => {
            cmd::grade::run(&ws, cmd::grade::Args { dir, katas, junit, json, jobs, seed })
        }
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.downcast_ref::<error::BadRequest>().is_some() => {
            eprintln!("dekata: error: {e:#}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("dekata: internal error: {e:#}\n{INTERNAL}");
            ExitCode::from(3)
        }
    }
}

fn parse_language(text: &str) -> Result<language::Language, String> {
    language::Language::parse(text).ok_or_else(|| format!("`{text}` is not a language dekata grades (rust, python)"))
}

const INTERNAL: &str = "This is a failure of dekata itself (or of its tools: cargo, python3, java), \
not of your solution or your request.";
const ABOUT: &str = "Practise the coding round of data-engineering interviews: \
your solution runs beside a reference on seeded adversarial streams, \
and dekata says in the interviewer's words what broke.";
