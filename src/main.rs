//! dekata: a workbench for the coding round of data-engineering interviews.

mod atomic;
mod cache;
mod catalog;
mod cmd;
mod compile;
mod error;
mod grade;
mod judge;
mod mutants;
mod progress;
mod render;
mod report;
mod sandbox;
mod solution_files;
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
    /// For kata authors: check that katas are sound (reference, starter, mutants)
    Validate {
        /// Kata ids (default: every kata)
        katas: Vec<String>,
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
        Command::Validate { katas } => cmd::validate::run(&ws, &katas),
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("dekata: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

const ABOUT: &str = "Practise the coding round of data-engineering interviews: \
your solution runs beside a reference on seeded adversarial streams, \
and dekata says in the interviewer's words what broke.";
