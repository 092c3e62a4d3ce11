//! The drill's clock and the learner's commands: one event loop for typed
//! lines, the end of input and clock ticks, until `done`, the end of input
//! or the time is up.

use super::grade_own;
use crate::catalog::Kata;
use crate::language::Language;
use crate::workspace::Workspace;
use colored::Colorize;
use std::io::{BufRead, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How often the status line is redrawn on a terminal.
const TICK: Duration = Duration::from_secs(1);

/// How a drill ended.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Done,
    EndOfInput,
    TimeUp,
}

impl Ending {
    pub fn key(self) -> &'static str {
        match self {
            Ending::Done => "done",
            Ending::EndOfInput => "end_of_input",
            Ending::TimeUp => "time_up",
        }
    }
}

/// A line the learner typed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Command {
    Check(Option<String>),
    Time,
    Done,
    Help,
    Empty,
    Unknown(String),
}

pub(crate) fn parse_command(line: &str) -> Command {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else { return Command::Empty };
    match first.to_lowercase().as_str() {
        "check" | "c" => Command::Check(words.next().map(str::to_string)),
        "time" | "t" => Command::Time,
        "done" | "d" | "quit" | "q" | "exit" => Command::Done,
        "help" | "h" | "?" => Command::Help,
        other => Command::Unknown(other.to_string()),
    }
}

/// The visible clock: a status line redrawn every second on a terminal,
/// else the time left printed after each response.
pub struct Clock {
    started: Instant,
    allowed: Duration,
    pub(crate) live: bool,
    /// Digits of the minutes, so the status line keeps its width.
    digits: usize,
}

impl Clock {
    pub fn start(allowed: Duration, live: bool) -> Clock {
        let digits = (whole_secs(allowed) / 60).to_string().len();
        Clock { started: Instant::now(), allowed, live, digits }
    }

    pub(crate) fn left(&self) -> Duration {
        self.allowed.saturating_sub(self.started.elapsed())
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed().min(self.allowed)
    }

    /// The time left in whole seconds, rounded up: 0:00 only when it is up.
    fn left_text(&self) -> String {
        clock_text(whole_secs(self.left()), self.digits)
    }

    fn status(&self) -> String {
        format!("[{} left] > ", self.left_text())
    }

    /// On a terminal: the status line as a prompt.
    pub(crate) fn prompt(&self) {
        if self.live {
            print!("{}", self.status());
            let _ = std::io::stdout().flush();
        }
    }

    /// On a terminal: redraws the status at the start of the line, leaving
    /// what the learner is typing after it untouched.
    pub(crate) fn tick(&self) {
        if !self.live {
            return;
        }
        use crossterm::{cursor, queue, style};
        let mut out = std::io::stdout();
        let _ = queue!(
            out,
            cursor::SavePosition,
            cursor::MoveToColumn(0),
            style::Print(self.status()),
            cursor::RestorePosition
        );
        let _ = out.flush();
    }

    /// On a terminal: clears the status line before other output.
    pub fn clear_line(&self) {
        if self.live {
            print!("\r\x1b[2K");
            let _ = std::io::stdout().flush();
        }
    }

    /// Before the first command: the prompt on a terminal, else the time
    /// left.
    pub(crate) fn begin(&self) {
        self.prompt();
        if !self.live {
            self.say_left();
        }
    }

    pub(crate) fn say_left(&self) {
        let allowed = clock_text(whole_secs(self.allowed), 1);
        println!("{}", format!("  {} left of {allowed}", self.left_text()).dimmed());
    }

    /// After a response: the prompt on a terminal, else the time left
    /// (unless the response was the time itself).
    pub(crate) fn after_response(&self, said_time: bool) {
        if self.live {
            self.prompt();
        } else if !said_time {
            self.say_left();
        }
    }
}

/// A duration in whole seconds, rounded up: the clock shows 0:00 only when
/// the time is up.
pub fn whole_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// `m:ss`, the minutes right-aligned to `digits`.
pub fn clock_text(secs: u64, digits: usize) -> String {
    format!("{:>digits$}:{:02}", secs / 60, secs % 60)
}

/// Reads stdin line by line on a thread of its own; `None` is the end.
pub(crate) fn spawn_reader() -> mpsc::Receiver<Option<String>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match stdin.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if tx.send(Some(String::from_utf8_lossy(&buf).trim().to_string())).is_err() {
                        return;
                    }
                }
            }
        }
        let _ = tx.send(None);
    });
    rx
}

/// The loop: lines, end of input and clock ticks, until the drill ends.
pub fn interview(ws: &Workspace, katas: &[&Kata], language: Language, seed: u64, clock: &Clock) -> Ending {
    let input = spawn_reader();
    let mut passing = vec![false; katas.len()];
    clock.begin();
    loop {
        let left = clock.left();
        if left.is_zero() {
            return Ending::TimeUp;
        }
        let line = match input.recv_timeout(left.min(TICK)) {
            Ok(Some(line)) => line,
            Ok(None) | Err(RecvTimeoutError::Disconnected) => return Ending::EndOfInput,
            Err(RecvTimeoutError::Timeout) => {
                clock.tick();
                continue;
            }
        };
        clock.clear_line();
        let said_time = match parse_command(&line) {
            Command::Done => return Ending::Done,
            Command::Check(arg) => {
                check(ws, katas, language, seed, arg.as_deref(), &mut passing);
                false
            }
            Command::Time => {
                clock.say_left();
                true
            }
            Command::Help | Command::Empty => {
                println!("{}", INSTRUCTIONS.dimmed());
                false
            }
            Command::Unknown(word) => {
                println!("{}", UNKNOWN_COMMAND.replace("{word}", &word));
                false
            }
        };
        clock.after_response(said_time);
    }
}

/// `check [kata]`: grades one drilled kata and prints the result. A grading
/// error is reported and the drill goes on.
fn check(ws: &Workspace, katas: &[&Kata], language: Language, seed: u64, arg: Option<&str>, passing: &mut [bool]) {
    let ids: Vec<&str> = katas.iter().map(|k| k.id.as_str()).collect();
    let i = match target(&ids, passing, arg) {
        Ok(i) => i,
        Err(message) => {
            println!("{message}");
            return;
        }
    };
    match grade_own(ws, katas[i], language, seed, true) {
        Ok(report) => passing[i] = report.passed(),
        Err(e) => eprintln!("dekata: error: {e:#}"),
    }
}

/// Which drilled kata `check` means: the one named (by id or number), else
/// the first not passing yet in this drill, else the first.
fn target(ids: &[&str], passing: &[bool], arg: Option<&str>) -> Result<usize, String> {
    let Some(arg) = arg else {
        return Ok(passing.iter().position(|p| !p).unwrap_or(0));
    };
    if let Some(i) = ids.iter().position(|id| *id == arg) {
        return Ok(i);
    }
    match arg.parse::<usize>() {
        Ok(n) if (1..=ids.len()).contains(&n) => Ok(n - 1),
        _ => Err(NOT_IN_DRILL.replace("{kata}", arg).replace("{ids}", &ids.join(", "))),
    }
}

pub fn announce(ending: Ending, allowed: Duration) {
    let text = match ending {
        Ending::Done => DONE.to_string(),
        Ending::EndOfInput => END_OF_INPUT.to_string(),
        Ending::TimeUp => TIME_UP.replace("{allowed}", &clock_text(whole_secs(allowed), 1)),
    };
    println!();
    println!("{}", text.bold());
}

pub const INSTRUCTIONS: &str = "Work in your editor; type here, one command a line: \
`check [kata]` (c) grades and shows the result, `time` (t) shows the time left, \
`done` (d) ends the drill. The clock is running.";
const UNKNOWN_COMMAND: &str = "Unknown command `{word}`: type `check [kata]` (c), `time` (t) or `done` (d).";
const NOT_IN_DRILL: &str = "`{kata}` is not in this drill; it drills {ids} (a number works too: `check 1`).";
const DONE: &str = "Drill over.";
const END_OF_INPUT: &str = "End of input: the drill is over.";
const TIME_UP: &str = "Time is up ({allowed} on the clock): the drill ends here, \
and your solutions are graded as they stand.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_have_short_forms() {
        assert_eq!(parse_command("check"), Command::Check(None));
        assert_eq!(parse_command("  c count_events "), Command::Check(Some("count_events".into())));
        assert_eq!(parse_command("t"), Command::Time);
        assert_eq!(parse_command("TIME"), Command::Time);
        assert_eq!(parse_command("d"), Command::Done);
        assert_eq!(parse_command("done"), Command::Done);
        assert_eq!(parse_command(""), Command::Empty);
        assert_eq!(parse_command("?"), Command::Help);
        assert_eq!(parse_command("submit"), Command::Unknown("submit".into()));
    }

    #[test]
    fn check_targets_the_named_or_the_first_not_passing() {
        let ids = ["count_events", "heavy_hitters"];
        assert_eq!(target(&ids, &[false, false], None), Ok(0));
        assert_eq!(target(&ids, &[true, false], None), Ok(1));
        assert_eq!(target(&ids, &[true, true], None), Ok(0));
        assert_eq!(target(&ids, &[false, false], Some("heavy_hitters")), Ok(1));
        assert_eq!(target(&ids, &[false, false], Some("2")), Ok(1));
        let err = target(&ids, &[false, false], Some("count_min")).unwrap_err();
        assert!(err.contains("count_events, heavy_hitters"), "{err}");
        assert!(target(&ids, &[false, false], Some("3")).is_err());
    }

    #[test]
    fn clock_text_keeps_its_width() {
        assert_eq!(clock_text(45 * 60, 2), "45:00");
        assert_eq!(clock_text(9 * 60 + 5, 2), " 9:05");
        assert_eq!(clock_text(1, 1), "0:01");
    }
}
