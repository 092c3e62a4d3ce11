//! `dekata watch`: grade a kata's solution file on every save, on a fresh
//! screen, with keys for a hint, the next kata, a reset to the starter, and
//! quit. One loop waits on one event type (`watch::events::WatchEvent`)
//! fed by the file watcher's debounce thread and the input thread.
//!
//! The loop grades on the main thread. What arrives meanwhile waits in the
//! channel: commands run in order afterwards, and a save is graded only if
//! the file's content differs from the content last graded, so a check's
//! own file reads, a save of unchanged text, or a burst that ended before
//! the check started are not graded twice.

mod events;
mod files;
mod input;
mod screen;

use crate::catalog::{self, Kata};
use crate::cmd;
use crate::grading::{self, Request};
use crate::language::Language;
use crate::progress::{self, Status};
use crate::render;
use crate::report::Overall;
use crate::settings;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use colored::Colorize;
use events::{Command, WatchEvent};
use files::FileWatch;
use input::Mode;
use screen::Screen;
use std::path::PathBuf;
use std::sync::mpsc;

#[derive(clap::Args)]
pub struct Args {
    /// The kata to start with (default: the first one not passed)
    pub kata: Option<String>,
    /// Re-grade on Enter instead of on file changes (for filesystems without change events)
    #[arg(long)]
    pub manual: bool,
    #[command(flatten)]
    pub seed: crate::cmd::shared::Seed,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

/// Watches until the learner quits; returns true (exit 0) then.
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let language = settings::language(ws, args.lang.chosen)?;
    let (kata, mut notices) = first_kata(ws, &katas, args.kata.as_deref(), language)?;
    let (solution, created) = solution_files::ensure(ws, kata, language)?;
    if created {
        notices.push(CREATED.replace("{path}", &ws.display(&solution)));
    }
    let (tx, rx) = mpsc::channel();
    let files = if args.manual {
        None
    } else {
        match FileWatch::start(&solution, tx.clone()) {
            Ok(w) => Some(w),
            Err(e) => {
                notices.push(CANNOT_WATCH.replace("{err}", &format!("{e:#}")));
                None
            }
        }
    };
    // `_raw` restores the terminal when `run` returns, by any path.
    let (mode, _raw) = input::start(tx)?;
    let mut session = Session {
        ws,
        katas: &katas,
        kata,
        language,
        solution,
        seed: args.seed.value.unwrap_or(grading::DEFAULT_SEED),
        graded: None,
        files,
        screen: Screen::new(),
        mode,
        warm: grading::Warm::default(),
    };
    session.check(&notices)?;
    // Every sender gone (input ended, no watcher) also ends the loop.
    for event in rx {
        if session.handle(event)? == Flow::Quit {
            break;
        }
    }
    Ok(true)
}

#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

/// The kata being watched and what the loop knows about it.
struct Session<'a> {
    ws: &'a Workspace,
    katas: &'a [Kata],
    kata: &'a Kata,
    language: Language,
    solution: PathBuf,
    seed: u64,
    /// The content of the file when it was last graded (None: not graded since it changed).
    graded: Option<Vec<u8>>,
    /// None in manual mode.
    files: Option<FileWatch>,
    screen: Screen,
    mode: Mode,
    /// Workers kept between checks: a Python solution's worker (and its
    /// Spark session) loads each saved text instead of starting again.
    warm: grading::Warm,
}

impl Session<'_> {
    fn handle(&mut self, event: WatchEvent) -> Result<Flow> {
        match event {
            WatchEvent::FileChanged if self.unchanged() => {}
            WatchEvent::FileChanged | WatchEvent::Input(Command::Check) => self.check(&[])?,
            WatchEvent::Input(Command::Hint) => self.hint()?,
            WatchEvent::Input(Command::Next) => self.next()?,
            WatchEvent::Input(Command::Reset) => self.reset()?,
            WatchEvent::Input(Command::Quit) => return Ok(Flow::Quit),
            WatchEvent::Input(Command::Unknown(typed)) => self.say(&UNKNOWN_COMMAND.replace("{typed}", &typed))?,
            WatchEvent::WatchError(err) => self.say(&WATCH_ERROR.replace("{err}", &err))?,
            WatchEvent::InputError(err) => {
                eprintln!("dekata watch: {err}");
                return Ok(Flow::Quit);
            }
        }
        Ok(Flow::Continue)
    }

    /// Whether the file holds exactly what was last graded.
    fn unchanged(&self) -> bool {
        self.graded.as_ref().is_some_and(|graded| std::fs::read(&self.solution).is_ok_and(|now| &now == graded))
    }

    /// Grades the file on a fresh page, then shows `notices` and the keys.
    fn check(&mut self, notices: &[String]) -> Result<()> {
        self.screen.fresh_page()?;
        render::header(self.kata, &self.ws.display(&self.solution));
        self.graded = None;
        match std::fs::read(&self.solution) {
            Ok(content) => {
                if self.grade_and_record() {
                    self.graded = Some(content);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                println!("{}", FILE_GONE.replace("{path}", &self.ws.display(&self.solution)).yellow());
            }
            Err(e) => problem("cannot read the solution file", &anyhow::Error::new(e)),
        }
        for notice in notices {
            println!("{}", notice.dimmed());
        }
        self.show_keys()
    }

    /// Grades the file, prints the result as `check` does, and records it.
    /// False if grading itself failed (shown, not fatal).
    fn grade_and_record(&mut self) -> bool {
        let req = Request {
            ws: self.ws,
            kata: self.kata,
            solution: &self.solution,
            shown_as: None,
            seed: self.seed,
            color: render::color_on(),
            truth: None,
            counterexamples: true,
            until_caught: false,
        };
        let report = match grading::grade_warm(&req, &mut render::Live::first_failure_only(), Some(&mut self.warm)) {
            Ok(r) => r,
            Err(e) => {
                problem("the check could not run", &e);
                return false;
            }
        };
        if report.verdict == Overall::CompileError {
            render::print_compile_error(&report);
        }
        render::summary(&report);
        if report.passed() {
            println!("{}", PASSED.green());
        }
        if let Err(e) = progress::record(self.ws, &report) {
            problem("your progress could not be recorded", &e);
        }
        true
    }

    /// Reveals one more hint below the current result.
    fn hint(&mut self) -> Result<()> {
        match cmd::hint::reveal_next(self.ws, self.kata, self.language) {
            Ok(hints) if hints.is_empty() => println!("\n{}", NO_HINTS.dimmed()),
            Ok(hints) => print_hints(&hints, self.kata.hints_in(self.language).len()),
            Err(e) => problem("no hint", &e),
        }
        self.show_keys()
    }

    /// Moves to the next kata not yet passed, creating its file if needed.
    fn next(&mut self) -> Result<()> {
        let kata = match next_kata(self.ws, self.katas, self.kata, self.language) {
            Ok(Some(k)) => k,
            Ok(None) => return self.say(NOTHING_NEXT),
            Err(e) => {
                problem("cannot choose the next kata", &e);
                return self.show_keys();
            }
        };
        let (solution, created) = match solution_files::ensure(self.ws, kata, self.language) {
            Ok(ensured) => ensured,
            Err(e) => {
                problem(&format!("cannot open the solution file of `{}`", kata.id), &e);
                return self.show_keys();
            }
        };
        if let Some(files) = &self.files {
            files.follow(&solution);
        }
        let notice = created.then(|| CREATED.replace("{path}", &self.ws.display(&solution)));
        self.kata = kata;
        self.solution = solution;
        self.check(notice.as_slice())
    }

    /// Restores the starter (the old file is kept as a backup) and grades it.
    fn reset(&mut self) -> Result<()> {
        match cmd::reset::reset(self.ws, self.kata, self.language) {
            Ok(backup) => {
                let shown = self.ws.display(&self.solution);
                let notice = match backup {
                    Some(b) => RESET_WITH_BACKUP.replace("{path}", &shown).replace("{backup}", &self.ws.display(&b)),
                    None => RESET_NO_FILE.replace("{path}", &shown),
                };
                self.check(&[notice])
            }
            Err(e) => {
                problem("the reset did not happen", &e);
                self.show_keys()
            }
        }
    }

    /// A line below the current result, then the keys again.
    fn say(&self, text: &str) -> Result<()> {
        println!("\n{}", text.yellow());
        self.show_keys()
    }

    fn show_keys(&self) -> Result<()> {
        let watching = self.files.as_ref().map(|_| self.ws.display(&self.solution));
        self.screen.keys(self.mode, watching.as_deref())
    }
}

/// The kata asked for, else the first in catalogue order not yet passed,
/// else the first; with a notice if every kata passes.
fn first_kata<'a>(
    ws: &Workspace,
    katas: &'a [Kata],
    asked: Option<&str>,
    language: Language,
) -> Result<(&'a Kata, Vec<String>)> {
    if let Some(id) = asked {
        return Ok((catalog::find(katas, id)?, Vec::new()));
    }
    let progress = progress::load(ws)?;
    let mut open = katas.iter().filter(|k| k.speaks(language));
    if let Some(kata) = open.clone().find(|k| !passed(ws, &progress, k, language)) {
        return Ok((kata, Vec::new()));
    }
    let first = open.next().with_context(|| format!("there are no katas in {}", ws.display(&ws.katas())))?;
    Ok((first, vec![ALL_PASSED.to_string()]))
}

/// The first kata after `current` in catalogue order (wrapping around) not yet passed.
fn next_kata<'a>(ws: &Workspace, katas: &'a [Kata], current: &Kata, language: Language) -> Result<Option<&'a Kata>> {
    let progress = progress::load(ws)?;
    let at = katas.iter().position(|k| k.id == current.id).unwrap_or(0);
    let after = katas.iter().skip(at + 1).chain(katas.iter().take(at));
    Ok(after.filter(|k| k.id != current.id && k.speaks(language)).find(|k| !passed(ws, &progress, k, language)))
}

fn passed(ws: &Workspace, progress: &progress::Progress, kata: &Kata, language: Language) -> bool {
    let has_solution = solution_files::path(ws, kata, language).exists();
    progress::status(progress, &kata.id, language, has_solution) == Status::Passed
}

fn print_hints(hints: &[String], total: usize) {
    println!();
    for (i, hint) in hints.iter().enumerate() {
        let label = format!("Hint {} of {total}:", i + 1);
        let mut lines = render::wrap(hint, 84).into_iter();
        println!("{} {}", label.bold(), lines.next().unwrap_or_default());
        for line in lines {
            println!("    {line}");
        }
    }
}

/// Shows a failure that the loop survives.
fn problem(what: &str, e: &anyhow::Error) {
    println!("{}", format!("{what}: {e:#}").red());
}

const CREATED: &str = "Created {path} from the kata's starter: write your solution there.";
const CANNOT_WATCH: &str = "Cannot watch for saves ({err}). Press Enter (or c) after each save to check, \
as with `dekata watch --manual`.";
const WATCH_ERROR: &str = "The file watcher reported a problem ({err}). If saves stop being checked, \
quit and run `dekata watch --manual`.";
const FILE_GONE: &str = "{path} is not there any more. Save it again, or press r to restore the starter.";
const PASSED: &str = "Passed. Press n for the next kata, or keep improving this one.";
const NO_HINTS: &str = "This kata has no hints.";
const NOTHING_NEXT: &str = "Every other kata passes already: nothing to move on to.";
const ALL_PASSED: &str = "Every kata passes already; watching the first one. Name another: `dekata watch <kata>`.";
const RESET_WITH_BACKUP: &str = "{path} is the starter again; your previous file is kept as {backup}.";
const RESET_NO_FILE: &str = "{path} is the starter again.";
const UNKNOWN_COMMAND: &str = "`{typed}` is not a command.";
