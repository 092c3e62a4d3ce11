//! `dekata drill`: a timed mock interview.
//!
//! Picks katas, makes sure their solution files exist, starts a clock and
//! reads the learner's commands from stdin (`check`, `time`, `done`), one
//! event loop for lines, end of input and clock ticks. At the end every
//! drilled kata is graded once more with the drill's seed, and a scorecard
//! shows one row per interviewer concern (see `concerns`). Drills are kept in
//! `.dekata/drills.json`, written atomically; `dekata stats` reads them.


use crate::concerns::{self, Concern, Graded, Row};
use crate::catalog::{self, Difficulty, Kata};
use crate::error::BadRequest;
use crate::grading::{self, Quiet, Request};
use crate::progress::{self, Progress};
use crate::render;
use crate::report::{Overall, Report, Verdict};
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use colored::Colorize;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

pub struct Args {
    pub katas: Vec<String>,
    pub pattern: Option<String>,
    pub difficulty: Option<String>,
    pub weakest: bool,
    pub count: usize,
    pub minutes: f64,
    pub seed: Option<u64>,
}

/// How often the status line is redrawn on a terminal.
const TICK: Duration = Duration::from_secs(1);
/// The longest drill `--minutes` accepts: a day.
const MAX_MINUTES: f64 = 24.0 * 60.0;

/// Runs a drill; returns whether every graded case passed.
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let allowed = allowed_time(args.minutes)?;
    let katas = catalog::load_all(&ws.katas())?;
    let progress = progress::load(ws)?;
    let history = load_history(ws)?;
    let picked = pick(&katas, &progress, &history, &args)?;
    let seed = args.seed.unwrap_or_else(fresh_seed);
    let files = prepare(ws, &picked)?;
    introduce(ws, &picked, &files, allowed, seed);

    let started_at = progress::now();
    let clock = Clock::start(allowed, std::io::stdout().is_terminal());
    let ending = interview(ws, &picked, seed, &clock);
    let session = Session { started_at, seed, minutes: args.minutes, taken: clock.elapsed(), ending };
    clock.clear_line();
    announce(ending, allowed);

    let reports = final_grades(ws, &picked, seed)?;
    let rows = scorecard(&picked, &reports);
    print_scorecard(&rows, &reports, session.taken, allowed);
    append_drill(ws, DrillRecord::new(&session, &picked, &reports, &rows))?;
    Ok(all_passed(&reports))
}

// ---------------------------------------------------------------- choosing

fn allowed_time(minutes: f64) -> Result<Duration> {
    if !(minutes.is_finite() && minutes > 0.0 && minutes <= MAX_MINUTES) {
        return Err(BadRequest::new(BAD_MINUTES.replace("{minutes}", &minutes.to_string())).into());
    }
    Ok(Duration::from_secs_f64(minutes * 60.0))
}

/// The katas to drill: the named ones, else chosen by filters and need.
fn pick<'a>(katas: &'a [Kata], progress: &Progress, history: &History, args: &Args) -> Result<Vec<&'a Kata>> {
    if !args.katas.is_empty() {
        if args.pattern.is_some() || args.difficulty.is_some() || args.weakest {
            return Err(BadRequest::new(KATA_AND_FILTERS).into());
        }
        return named(katas, &args.katas);
    }
    if args.count == 0 {
        return Err(BadRequest::new(COUNT_ZERO).into());
    }
    if args.weakest && args.pattern.is_some() {
        return Err(BadRequest::new(WEAKEST_AND_PATTERN).into());
    }
    let difficulty = args.difficulty.as_deref().map(parse_difficulty).transpose()?;
    let pool: Vec<&Kata> = katas.iter().filter(|k| difficulty.is_none_or(|d| k.difficulty == d)).collect();
    let pattern = match &args.pattern {
        Some(p) => Some(known_pattern(katas, p)?),
        None if args.weakest => weakest_pattern(&pool, progress, history),
        None => None,
    };
    let candidates: Vec<&Kata> =
        pool.into_iter().filter(|k| pattern.as_ref().is_none_or(|p| &k.pattern == p)).collect();
    if candidates.is_empty() {
        return Err(BadRequest::new(NO_MATCH).into());
    }
    Ok(by_need(candidates, progress).into_iter().take(args.count).collect())
}

/// The katas named with `--kata`, in the order given, each once.
fn named<'a>(katas: &'a [Kata], ids: &[String]) -> Result<Vec<&'a Kata>> {
    let mut out: Vec<&Kata> = Vec::new();
    for id in ids {
        let kata = catalog::find(katas, id)?;
        if !out.iter().any(|k| k.id == kata.id) {
            out.push(kata);
        }
    }
    Ok(out)
}

fn parse_difficulty(text: &str) -> Result<Difficulty> {
    match text.to_lowercase().replace('_', "-").as_str() {
        "warm-up" | "warmup" => Ok(Difficulty::WarmUp),
        "core" => Ok(Difficulty::Core),
        "stretch" => Ok(Difficulty::Stretch),
        _ => Err(BadRequest::new(BAD_DIFFICULTY.replace("{difficulty}", text)).into()),
    }
}

fn known_pattern(katas: &[Kata], pattern: &str) -> Result<String> {
    if katas.iter().any(|k| k.pattern == pattern) {
        return Ok(pattern.to_string());
    }
    let known: Vec<String> = patterns(&katas.iter().collect::<Vec<_>>());
    Err(BadRequest::new(BAD_PATTERN.replace("{pattern}", pattern).replace("{known}", &known.join(", "))).into())
}

/// The distinct patterns of `katas`, in catalogue order.
fn patterns(katas: &[&Kata]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in katas {
        if !out.contains(&k.pattern) {
            out.push(k.pattern.clone());
        }
    }
    out
}

/// The pattern with the worst record: its pass rate over past drills if it
/// was drilled, else the share of its katas passed; ties go to the first in
/// catalogue order.
fn weakest_pattern(katas: &[&Kata], progress: &Progress, history: &History) -> Option<String> {
    let mut worst: Option<(String, f64)> = None;
    for pattern in patterns(katas) {
        let record = drill_rate(history, &pattern).unwrap_or_else(|| progress_rate(katas, progress, &pattern));
        if worst.as_ref().is_none_or(|(_, w)| record < *w) {
            worst = Some((pattern, record));
        }
    }
    worst.map(|(p, _)| p)
}

/// The share of a pattern's cases passed in past drills, if it was drilled.
fn drill_rate(history: &History, pattern: &str) -> Option<f64> {
    let results = history.drills.iter().flat_map(|d| &d.katas).filter(|k| k.pattern == pattern);
    let (passed, total) = results.fold((0, 0), |(p, t), k| (p + k.passed, t + k.total));
    (total > 0).then(|| passed as f64 / total as f64)
}

/// The share of a pattern's katas whose last check passed.
fn progress_rate(katas: &[&Kata], progress: &Progress, pattern: &str) -> f64 {
    let group: Vec<&&Kata> = katas.iter().filter(|k| k.pattern == pattern).collect();
    let passed = group.iter().filter(|k| passed(progress, &k.id)).count();
    passed as f64 / group.len().max(1) as f64
}

fn passed(progress: &Progress, id: &str) -> bool {
    progress.katas.get(id).is_some_and(|k| k.last_verdict == "pass")
}

/// Katas not yet passed first, in catalogue order; then passed ones, the
/// longest ago first.
fn by_need<'a>(mut katas: Vec<&'a Kata>, progress: &Progress) -> Vec<&'a Kata> {
    katas.sort_by_key(|k| {
        let done = passed(progress, &k.id);
        (done, if done { progress.katas.get(&k.id).and_then(|p| p.passed_at).unwrap_or(0) } else { 0 })
    });
    katas
}

/// A seed of its own for each drill, short enough to type back with --seed.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    grader::rng::mix64(nanos as u64) % 100_000
}

/// Each kata's solution file (created from its starter when missing) and
/// whether it was created now.
fn prepare(ws: &Workspace, katas: &[&Kata]) -> Result<Vec<(PathBuf, bool)>> {
    katas.iter().map(|k| solution_files::ensure(ws, k)).collect()
}

fn introduce(ws: &Workspace, katas: &[&Kata], files: &[(PathBuf, bool)], allowed: Duration, seed: u64) {
    let noun = if katas.len() == 1 { "kata" } else { "katas" };
    println!(
        "{}",
        format!(
            "Mock interview: {} {noun}, {} on the clock (seed {seed})",
            katas.len(),
            clock_text(whole_secs(allowed), 1)
        )
        .bold()
    );
    for (i, (kata, (path, created))) in katas.iter().zip(files).enumerate() {
        let about = format!("({}, {})", kata.pattern_title(), kata.difficulty.name());
        println!("  {}. {} {} {} {}", i + 1, kata.id.bold(), "\u{00b7}".dimmed(), kata.title, about.dimmed());
        let created = if *created { " (created from the starter)" } else { "" };
        println!("     {} {}{created}", "solution:".dimmed(), ws.display(path));
        println!("     {}   dekata show {}", "prompt:".dimmed(), kata.id);
    }
    println!("{}", INSTRUCTIONS.dimmed());
}

// ---------------------------------------------------------------- the interview

/// How a drill ended.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    Done,
    EndOfInput,
    TimeUp,
}

impl Ending {
    fn key(self) -> &'static str {
        match self {
            Ending::Done => "done",
            Ending::EndOfInput => "end_of_input",
            Ending::TimeUp => "time_up",
        }
    }
}

/// What the drill itself was: when, with which seed, for how long.
struct Session {
    started_at: u64,
    seed: u64,
    minutes: f64,
    taken: Duration,
    ending: Ending,
}

/// A line the learner typed.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Check(Option<String>),
    Time,
    Done,
    Help,
    Empty,
    Unknown(String),
}

fn parse_command(line: &str) -> Command {
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
struct Clock {
    started: Instant,
    allowed: Duration,
    live: bool,
    /// Digits of the minutes, so the status line keeps its width.
    digits: usize,
}

impl Clock {
    fn start(allowed: Duration, live: bool) -> Clock {
        let digits = (whole_secs(allowed) / 60).to_string().len();
        Clock { started: Instant::now(), allowed, live, digits }
    }

    fn left(&self) -> Duration {
        self.allowed.saturating_sub(self.started.elapsed())
    }

    fn elapsed(&self) -> Duration {
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
    fn prompt(&self) {
        if self.live {
            print!("{}", self.status());
            let _ = std::io::stdout().flush();
        }
    }

    /// On a terminal: redraws the status at the start of the line, leaving
    /// what the learner is typing after it untouched.
    fn tick(&self) {
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
    fn clear_line(&self) {
        if self.live {
            print!("\r\x1b[2K");
            let _ = std::io::stdout().flush();
        }
    }

    fn say_left(&self) {
        let allowed = clock_text(whole_secs(self.allowed), 1);
        println!("{}", format!("  {} left of {allowed}", self.left_text()).dimmed());
    }

    /// After a response: the prompt on a terminal, else the time left
    /// (unless the response was the time itself).
    fn after_response(&self, said_time: bool) {
        if self.live {
            self.prompt();
        } else if !said_time {
            self.say_left();
        }
    }
}

/// A duration in whole seconds, rounded up: the clock shows 0:00 only when
/// the time is up.
fn whole_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// `m:ss`, the minutes right-aligned to `digits`.
fn clock_text(secs: u64, digits: usize) -> String {
    format!("{:>digits$}:{:02}", secs / 60, secs % 60)
}

/// Reads stdin line by line on a thread of its own; `None` is the end.
fn spawn_reader() -> mpsc::Receiver<Option<String>> {
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
fn interview(ws: &Workspace, katas: &[&Kata], seed: u64, clock: &Clock) -> Ending {
    let input = spawn_reader();
    let mut passing = vec![false; katas.len()];
    clock.prompt();
    if !clock.live {
        clock.say_left();
    }
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
                check(ws, katas, seed, arg.as_deref(), &mut passing);
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
fn check(ws: &Workspace, katas: &[&Kata], seed: u64, arg: Option<&str>, passing: &mut [bool]) {
    let ids: Vec<&str> = katas.iter().map(|k| k.id.as_str()).collect();
    let i = match target(&ids, passing, arg) {
        Ok(i) => i,
        Err(message) => {
            println!("{message}");
            return;
        }
    };
    match grade_own(ws, katas[i], seed, true) {
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

/// Grades the learner's own file of `kata`, printing each case when `live`,
/// and records the result in progress.
fn grade_own(ws: &Workspace, kata: &Kata, seed: u64, live: bool) -> Result<Report> {
    let (solution, _) = solution_files::ensure(ws, kata)?;
    let req = Request { ws, kata, solution: &solution, seed, color: render::color_on() };
    let report = if live { grade_live(ws, &req, &solution)? } else { grading::grade(&req, &mut Quiet)? };
    progress::record(ws, &report)?;
    Ok(report)
}

fn grade_live(ws: &Workspace, req: &Request<'_>, solution: &Path) -> Result<Report> {
    render::header(req.kata, &ws.display(solution));
    let report = grading::grade(req, &mut render::Live::default())?;
    if report.verdict == Overall::CompileError {
        render::print_compile_error(&report);
    }
    render::summary(&report);
    Ok(report)
}

fn announce(ending: Ending, allowed: Duration) {
    let text = match ending {
        Ending::Done => DONE.to_string(),
        Ending::EndOfInput => END_OF_INPUT.to_string(),
        Ending::TimeUp => TIME_UP.replace("{allowed}", &clock_text(whole_secs(allowed), 1)),
    };
    println!();
    println!("{}", text.bold());
}

// ---------------------------------------------------------------- the scorecard

/// Grades every drilled kata once more, quietly, one line each.
fn final_grades(ws: &Workspace, katas: &[&Kata], seed: u64) -> Result<Vec<Report>> {
    println!("{}", FINAL_GRADING.replace("{seed}", &seed.to_string()).dimmed());
    let mut reports = Vec::new();
    for kata in katas {
        let report = grade_own(ws, kata, seed, false)?;
        print_kata_line(&report);
        reports.push(report);
    }
    Ok(reports)
}

fn print_kata_line(report: &Report) {
    let (passed, total) = case_counts(report);
    let (mark, text) = match report.verdict {
        Overall::CompileError => ("\u{2717}".red(), "does not compile".to_string()),
        Overall::Pass => ("\u{2713}".green(), format!("{passed}/{total} cases pass")),
        Overall::Fail => ("\u{2717}".red(), format!("{passed}/{total} cases pass")),
    };
    println!("  {mark} {:<26} {text}", report.kata);
}

fn case_counts(report: &Report) -> (usize, usize) {
    let passed = report.cases.iter().filter(|c| c.verdict == Verdict::Pass).count();
    (passed, report.cases.len())
}

fn scorecard(katas: &[&Kata], reports: &[Report]) -> Vec<Row> {
    let graded: Vec<Graded> = katas
        .iter()
        .zip(reports)
        .flat_map(|(kata, report)| {
            let grain_declared = !kata.compare.grain.is_empty();
            let plan_rules = kata.plan.is_some();
            report.cases.iter().map(move |case| Graded::new(case, grain_declared, plan_rules))
        })
        .collect();
    concerns::scorecard(&graded)
}

fn print_scorecard(rows: &[Row], reports: &[Report], taken: Duration, allowed: Duration) {
    let time = format!("{} of {}", clock_text(taken.as_secs(), 1), clock_text(whole_secs(allowed), 1));
    println!();
    println!("{} {}", "Scorecard".bold(), format!("\u{00b7} time taken {time}").dimmed());
    for row in rows {
        print_row(row);
    }
    println!();
    let (passed, total) = reports.iter().map(case_counts).fold((0, 0), |(p, t), (a, b)| (p + a, t + b));
    let broken = reports.iter().filter(|r| r.verdict == Overall::CompileError).count();
    let line = format!("{passed} of {total} cases pass.");
    if all_passed(reports) {
        println!("{}", line.green().bold());
    } else {
        println!("{}", line.red().bold());
        if broken > 0 {
            println!("{}", DOES_NOT_COMPILE.replace("{n}", &broken.to_string()));
        }
        println!("{}", QUESTIONS_ABOVE.dimmed());
    }
}

fn print_row(row: &Row) {
    let title = format!("{:<28}", row.concern.title());
    if !row.tested() {
        let why = if row.not_judged > 0 { NOT_JUDGED } else { NOT_TESTED };
        println!("  {} {title} {}", "\u{00b7}".dimmed(), why.dimmed());
    } else if row.all_passed() {
        println!("  {} {title} {}/{}", "\u{2713}".green(), row.passed, row.total);
    } else {
        println!("  {} {title} {}", "\u{2717}".red(), format!("{}/{}", row.passed, row.total).red());
    }
    for q in &row.questions {
        println!("      {}", format!("\u{201c}{q}\u{201d}").yellow());
    }
}

fn all_passed(reports: &[Report]) -> bool {
    reports.iter().all(Report::passed)
}

// ---------------------------------------------------------------- history

/// `.dekata/drills.json`: every drill, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    pub version: u32,
    pub drills: Vec<DrillRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DrillRecord {
    /// Unix seconds.
    pub started_at: u64,
    pub seed: u64,
    pub minutes: f64,
    pub seconds_taken: u64,
    /// `done`, `end_of_input` or `time_up`.
    pub ended: String,
    pub katas: Vec<KataResult>,
    /// One per concern, in scorecard order.
    pub concerns: Vec<ConcernResult>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KataResult {
    pub id: String,
    pub pattern: String,
    /// `pass`, `fail` or `compile_error`.
    pub verdict: String,
    pub passed: usize,
    /// The kata's cases (all of them count as failed when it does not compile).
    pub total: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConcernResult {
    /// A [`Concern::key`].
    pub concern: String,
    pub passed: usize,
    pub total: usize,
    pub not_judged: usize,
    pub questions: Vec<String>,
}

impl DrillRecord {
    fn new(session: &Session, katas: &[&Kata], reports: &[Report], rows: &[Row]) -> DrillRecord {
        DrillRecord {
            started_at: session.started_at,
            seed: session.seed,
            minutes: session.minutes,
            seconds_taken: session.taken.as_secs(),
            ended: session.ending.key().to_string(),
            katas: katas.iter().zip(reports).map(|(k, r)| KataResult::new(k, r)).collect(),
            concerns: rows.iter().map(ConcernResult::from).collect(),
        }
    }

    /// This drill's result on `concern`, if it recorded one.
    pub fn concern(&self, concern: Concern) -> Option<&ConcernResult> {
        self.concerns.iter().find(|c| c.concern == concern.key())
    }
}

impl KataResult {
    fn new(kata: &Kata, report: &Report) -> KataResult {
        let (passed, _) = case_counts(report);
        let verdict = match report.verdict {
            Overall::Pass => "pass",
            Overall::Fail => "fail",
            Overall::CompileError => "compile_error",
        };
        KataResult {
            id: kata.id.clone(),
            pattern: kata.pattern.clone(),
            verdict: verdict.to_string(),
            passed,
            total: kata.cases.len().max(report.cases.len()),
        }
    }
}

impl From<&Row> for ConcernResult {
    fn from(row: &Row) -> ConcernResult {
        ConcernResult {
            concern: row.concern.key().to_string(),
            passed: row.passed,
            total: row.total,
            not_judged: row.not_judged,
            questions: row.questions.clone(),
        }
    }
}

fn history_file(ws: &Workspace) -> PathBuf {
    ws.state().join("drills.json")
}

/// Loads the drill history; a missing file is no drills, a corrupt one is
/// moved aside to `drills.json.corrupt-<time>` with a warning on stderr.
pub fn load_history(ws: &Workspace) -> Result<History> {
    crate::state_file::load_json(ws, &history_file(ws), || History { version: 1, drills: Vec::new() })
}

/// Adds a drill to the history (re-read first, so nothing is lost).
fn append_drill(ws: &Workspace, record: DrillRecord) -> Result<()> {
    let mut history = load_history(ws)?;
    history.version = 1;
    history.drills.push(record);
    let bytes = serde_json::to_vec_pretty(&history).context("cannot serialise the drill history")?;
    crate::atomic::write(&history_file(ws), &bytes)
}

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

    #[test]
    fn minutes_must_be_a_positive_time() {
        assert!(allowed_time(45.0).is_ok());
        assert_eq!(allowed_time(0.02).unwrap(), Duration::from_millis(1200));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e9] {
            assert!(allowed_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn drill_rate_reads_the_history_of_a_pattern() {
        let result = |pattern: &str, passed, total| KataResult {
            id: "k".into(),
            pattern: pattern.into(),
            verdict: "fail".into(),
            passed,
            total,
        };
        let history = History {
            version: 1,
            drills: vec![
                DrillRecord { katas: vec![result("a", 1, 4), result("b", 4, 4)], ..Default::default() },
                DrillRecord { katas: vec![result("a", 3, 4)], ..Default::default() },
            ],
        };
        assert_eq!(drill_rate(&history, "a"), Some(0.5));
        assert_eq!(drill_rate(&history, "b"), Some(1.0));
        assert_eq!(drill_rate(&history, "c"), None);
    }

    #[test]
    fn old_or_partial_history_still_loads() {
        let h: History =
            serde_json::from_str(r#"{"drills":[{"seed":7,"concerns":[{"concern":"later_concern"}]}]}"#).unwrap();
        assert_eq!(h.drills[0].seed, 7);
        assert!(h.drills[0].concern(Concern::Nulls).is_none());
    }
}

const INSTRUCTIONS: &str = "Work in your editor; type here, one command a line: \
`check [kata]` (c) grades and shows the result, `time` (t) shows the time left, \
`done` (d) ends the drill. The clock is running.";
const UNKNOWN_COMMAND: &str = "Unknown command `{word}`: type `check [kata]` (c), `time` (t) or `done` (d).";
const NOT_IN_DRILL: &str = "`{kata}` is not in this drill; it drills {ids} (a number works too: `check 1`).";
const DONE: &str = "Drill over.";
const END_OF_INPUT: &str = "End of input: the drill is over.";
const TIME_UP: &str = "Time is up ({allowed} on the clock): the drill ends here, \
and your solutions are graded as they stand.";
const FINAL_GRADING: &str = "Grading every drilled kata once more with the drill's seed ({seed}):";
const NOT_TESTED: &str = "not tested in this drill";
const NOT_JUDGED: &str = "not judged: its cases failed on something else first";
const QUESTIONS_ABOVE: &str = "The quoted questions are the follow-ups you would have failed. \
`dekata stats` shows how each concern goes over your drills.";
const DOES_NOT_COMPILE: &str =
    "Katas whose solution does not compile: {n}. `dekata check <kata>` shows the compiler's message.";
const KATA_AND_FILTERS: &str = "--kata names the katas to drill, so --pattern, --difficulty and --weakest \
cannot be given with it.";
const COUNT_ZERO: &str = "--count must be at least 1.";
const WEAKEST_AND_PATTERN: &str = "--weakest chooses the pattern itself, so it cannot be given with --pattern.";
const BAD_MINUTES: &str = "--minutes {minutes} is not a time a drill can take: give a number of minutes \
above 0 and at most 1440 (fractions are fine, e.g. 0.5).";
const BAD_DIFFICULTY: &str = "there is no difficulty `{difficulty}`: use warm-up, core or stretch.";
const BAD_PATTERN: &str = "there is no pattern `{pattern}`: the patterns are {known}.";
const NO_MATCH: &str = "no kata matches these filters: run `dekata list` to see each kata's pattern and difficulty.";
