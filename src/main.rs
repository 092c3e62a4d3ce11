//! dekata: a workbench for the coding round of data-engineering interviews.

mod atomic;
mod catalog;
mod cmd;
mod compile;
mod concern;
mod concern_rows;
mod digest;
mod drills;
mod error;
mod grading;
mod install;
mod interviews;
mod judge;
mod language;
mod mutants;
mod process;
mod progress;
mod python;
mod render;
mod report;
mod results;
mod reviews;
mod settings;
mod shapes;
mod solution_files;
mod spark;
mod state_file;
mod words;
mod worker;
mod workspace;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dekata", version, about = ABOUT, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read the katas from this folder instead of katas/ (an instructor's own; or set DEKATA_KATAS)
    #[arg(long = "katas", id = "katas_dir", global = true, value_name = "DIR")]
    katas_dir: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Every kata, by pattern, with your status
    List(cmd::list::Args),
    /// A kata's prompt, signature and graded edge cases
    Show(cmd::show::Args),
    /// Compile and grade a solution on every case of its kata
    Check(cmd::check::Args),
    /// Re-grade a kata every time its solution file is saved
    Watch(cmd::watch::Args),
    /// Show the next hint of a kata (one more each time)
    Hint(cmd::hint::Args),
    /// Restore a kata's starter, keeping your current file as a timestamped backup
    Reset(cmd::reset::Args),
    /// Make a practice folder anywhere: solutions/, your progress, editor files
    Init(cmd::init::Args),
    /// Choose the language you write solutions in (rust or python), for good
    Lang(cmd::lang::Args),
    /// A timed mock interview, graded at the end with a scorecard
    Drill(cmd::drill::Args),
    /// A mock interview: a vague question, your clarifying questions, the clock, and follow-ups
    Interview(cmd::interview::Args),
    /// Your progress over time, per interviewer concern
    Stats(cmd::stats::Args),
    /// Code review as a kata: break a candidate's answer with the smallest input, and name its rule
    Review(cmd::review::Args),
    /// For kata authors: scaffold a new kata folder
    New(cmd::new::Args),
    /// For kata authors: check that katas are sound (reference, starter, mutants)
    Validate(cmd::validate::Args),
    /// For instructors: grade a folder of submissions (one subfolder per learner)
    Grade(cmd::grade::Args),
    /// The Spark engine PySpark checks share: `status` or `stop`
    Spark(cmd::spark::Args),
    /// Runs a program confined (dekata's Spark engine runs Spark's Python
    /// workers with it)
    #[command(hide = true)]
    Confine(cmd::confine::Args),
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
    // Outside any workspace: the Spark engine runs it from `/`.
    let command = match cli.command {
        Command::Confine(args) => return exit_code(cmd::confine::run(args)),
        Command::Init(args) => return exit_code(cmd::init::run(args)),
        other => other,
    };
    let result = workspace::Workspace::discover(cli.katas_dir).and_then(|ws| match command {
        Command::List(args) => cmd::list::run(&ws, args),
        Command::Show(args) => cmd::show::run(&ws, args),
        Command::Check(args) => cmd::check::run(&ws, args),
        Command::Watch(args) => cmd::watch::run(&ws, args),
        Command::Hint(args) => cmd::hint::run(&ws, args),
        Command::Reset(args) => cmd::reset::run(&ws, args),
        Command::Lang(args) => cmd::lang::run(&ws, args),
        Command::Drill(args) => cmd::drill::run(&ws, args),
        Command::Interview(args) => cmd::interview::run(&ws, args),
        Command::Stats(args) => cmd::stats::run(&ws, args),
        Command::Review(args) => cmd::review::run(&ws, args),
        Command::New(args) => cmd::new::run(&ws, args),
        Command::Validate(args) => cmd::validate::run(&ws, args),
        Command::Grade(args) => cmd::grade::run(&ws, args),
        Command::Spark(args) => cmd::spark::run(&ws, args),
        Command::Confine(_) | Command::Init(_) => unreachable!("run above"),
    });
    exit_code(result)
}

/// The exit status of a command's result (CONTRACT.md), the error said
/// on stderr first.
fn exit_code(result: anyhow::Result<bool>) -> ExitCode {
    let exit = error::Exit::of(&result);
    if let Err(e) = result {
        match exit {
            error::Exit::Internal => eprintln!("{} {e:#}\n{INTERNAL}", exit.lead()),
            _ => eprintln!("{} {e:#}", exit.lead()),
        }
    }
    ExitCode::from(exit.status())
}

const INTERNAL: &str = "This is a failure of dekata itself (or of its tools: cargo, python3, java), \
not of your solution or your request.";
const ABOUT: &str = "Practise the coding round of data-engineering interviews: \
your solution runs beside a reference on seeded adversarial streams, \
and dekata says in the interviewer's words what broke.";

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    /// clap's own checks of the whole command line: no argument of a
    /// subcommand shares an id with a global one.
    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_global_kata_folder_leaves_each_commands_katas_alone() {
        for args in [
            &["dekata", "--katas", "k", "validate", "count_events"][..],
            &["dekata", "grade", "class", "--kata", "count_events", "--katas", "k"],
            &["dekata", "drill", "--kata", "count_events", "--katas", "k"],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.katas_dir, Some(std::path::PathBuf::from("k")), "{args:?}");
        }
    }
}
