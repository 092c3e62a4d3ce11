//! `dekata stats`: progress over time, per interviewer concern (from the
//! drill history in `.dekata/drills.json`), and katas passed per pattern
//! (from progress).

use crate::catalog::{self, Kata};
use crate::concern_rows::Concern;
use crate::drills::{self, History};
use crate::language::Language;
use crate::progress::{self, Progress, Status};
use crate::settings;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use serde::Serialize;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub json: crate::cmd::shared::Json,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

/// How many of the latest drills the per-concern trail shows.
const RECENT: usize = 10;

/// Prints the statistics; always succeeds unless a file cannot be read.
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let history = drills::load(ws)?;
    let interviews = crate::interviews::load(ws)?;
    let reviews = crate::reviews::load(ws)?;
    let katas = catalog::load_all(&ws.katas())?;
    let progress = progress::load(ws)?;
    let language = settings::language(ws, args.lang.chosen)?;
    let has_solution = |k: &Kata| solution_files::path(ws, k, language).exists();
    let stats = Stats {
        drills: history.drills.len(),
        shown: history.drills.len().min(RECENT),
        concerns: Concern::ALL.iter().map(|c| concern_stats(&history, *c)).collect(),
        language,
        patterns: pattern_stats(&katas, &progress, language, has_solution),
        interviews: interview_stats(&interviews),
        reviews: review_stats(&reviews, language),
    };
    if args.json.on {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        print(&stats);
    }
    Ok(true)
}

#[derive(Debug, Serialize)]
struct Stats {
    /// Drills in the history.
    drills: usize,
    /// Drills in each concern's `recent` trail.
    shown: usize,
    concerns: Vec<ConcernStats>,
    /// The language `patterns` counts.
    language: Language,
    patterns: Vec<PatternStats>,
    interviews: InterviewStats,
    /// Code reviews in `language`.
    reviews: ReviewStats,
}

#[derive(Debug, Default, Serialize)]
struct InterviewStats {
    count: usize,
    rounds: usize,
    follow_ups_reached: usize,
    /// Clarifying questions that matter: asked, and asked or missed.
    clarifying_asked: usize,
    clarifying_total: usize,
    /// The rules most often not asked about, most missed first.
    most_missed: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
struct ReviewStats {
    /// Answers broken, over every kata reviewed.
    broken: usize,
    katas: usize,
    attempts: u32,
}

fn interview_stats(history: &crate::interviews::History) -> InterviewStats {
    let rounds = history.interviews.iter().flat_map(|i| &i.rounds);
    let mut missed: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut s = InterviewStats { count: history.interviews.len(), ..Default::default() };
    for r in rounds {
        s.rounds += 1;
        s.clarifying_asked += r.asked.len();
        s.clarifying_total += r.asked.len() + r.missed.len();
        for m in &r.missed {
            *missed.entry(m.as_str()).or_default() += 1;
        }
    }
    s.follow_ups_reached = history.interviews.iter().map(|i| i.follow_ups_reached()).sum();
    let mut by_count: Vec<(&str, usize)> = missed.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    s.most_missed = by_count.into_iter().take(3).map(|(id, _)| id.to_string()).collect();
    s
}

fn review_stats(reviews: &crate::reviews::Reviews, language: Language) -> ReviewStats {
    let mine = reviews.of(language);
    ReviewStats {
        broken: mine.values().map(|k| k.broken.len()).sum(),
        katas: mine.len(),
        attempts: mine.values().map(|k| k.attempts).sum(),
    }
}

#[derive(Debug, Serialize)]
struct ConcernStats {
    concern: &'static str,
    title: &'static str,
    /// The last drills, oldest to newest.
    recent: Vec<Mark>,
    /// Cases of this concern passed and judged, over every drill.
    passed: usize,
    total: usize,
    /// `passed / total`, or null when no drill tested it.
    pass_rate: Option<f64>,
}

/// A concern's result in one drill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Mark {
    Pass,
    Fail,
    Untested,
}

impl Mark {
    fn symbol(self) -> colored::ColoredString {
        match self {
            Mark::Pass => "\u{2713}".green(),
            Mark::Fail => "\u{2717}".red(),
            Mark::Untested => "\u{00b7}".dimmed(),
        }
    }
}

#[derive(Debug, Serialize)]
struct PatternStats {
    pattern: String,
    title: String,
    passed: usize,
    total: usize,
}

fn concern_stats(history: &History, concern: Concern) -> ConcernStats {
    let results: Vec<Option<&drills::ConcernResult>> = history.drills.iter().map(|d| d.concern(concern)).collect();
    let skip = results.len().saturating_sub(RECENT);
    let recent = results[skip..].iter().map(|r| mark(*r)).collect();
    let (passed, total) = results.iter().flatten().fold((0, 0), |(p, t), r| (p + r.passed, t + r.total));
    ConcernStats {
        concern: concern.key(),
        title: concern.title(),
        recent,
        passed,
        total,
        pass_rate: (total > 0).then(|| passed as f64 / total as f64),
    }
}

fn mark(result: Option<&drills::ConcernResult>) -> Mark {
    match result {
        Some(r) if r.total == 0 => Mark::Untested,
        Some(r) if r.passed == r.total => Mark::Pass,
        Some(_) => Mark::Fail,
        None => Mark::Untested,
    }
}

fn pattern_stats(
    katas: &[Kata],
    progress: &Progress,
    language: Language,
    has_solution: impl Fn(&Kata) -> bool,
) -> Vec<PatternStats> {
    catalog::by_pattern(katas)
        .into_iter()
        .map(|(pattern, group)| PatternStats {
            title: group[0].pattern_title.clone(),
            passed: group
                .iter()
                .filter(|k| progress::status(progress, &k.id, language, has_solution(k)) == Status::Passed)
                .count(),
            total: group.len(),
            pattern,
        })
        .collect()
}

fn print(stats: &Stats) {
    if stats.drills == 0 {
        println!("{}", NO_DRILLS);
    } else {
        print_concerns(stats);
    }
    println!();
    println!("{}", format!("Katas passed in {}, per pattern", stats.language.title()).bold());
    for p in &stats.patterns {
        println!("  {:<34} {}/{}", p.title, p.passed, p.total);
    }
    let i = &stats.interviews;
    println!();
    if i.count == 0 {
        println!("{}", NO_INTERVIEWS.dimmed());
    } else {
        println!("{}", "Mock interviews".bold());
        println!(
            "  {} interviews, {} rounds, {} follow-ups reached; clarifying questions that matter: {} of {} asked",
            i.count, i.rounds, i.follow_ups_reached, i.clarifying_asked, i.clarifying_total
        );
        if !i.most_missed.is_empty() {
            println!("  {} {}", "most often not asked about:".dimmed(), i.most_missed.join(", "));
        }
    }
    let r = &stats.reviews;
    if r.katas > 0 {
        println!(
            "{}",
            format!(
                "Code reviews in {}: {} answers broken over {} katas ({} inputs graded)",
                stats.language.title(),
                r.broken,
                r.katas,
                r.attempts
            )
            .bold()
        );
    }
}

fn print_concerns(stats: &Stats) {
    let noun = if stats.shown == 1 { "drill" } else { "drills" };
    let heading = format!(
        "Per concern: your last {} {noun}, oldest to newest, and the pass rate over all {}",
        stats.shown, stats.drills
    );
    println!("{}", heading.bold());
    let trail_width = stats.shown * 2;
    for c in &stats.concerns {
        let marks: Vec<String> = c.recent.iter().map(|m| m.symbol().to_string()).collect();
        let pad = " ".repeat(trail_width.saturating_sub(c.recent.len() * 2));
        let overall = match c.pass_rate {
            Some(rate) => format!("{:>4} ({}/{})", format!("{:.0}%", rate * 100.0), c.passed, c.total),
            None => format!("{:>4} {}", "-", NEVER_TESTED.dimmed()),
        };
        println!("  {:<28} {}{pad} {overall}", c.title, marks.join(" "));
    }
}

const NO_DRILLS: &str = "No drills yet. Start one with `dekata drill`: a 45-minute mock interview on katas \
you have not passed, graded at the end concern by concern (`dekata drill --minutes 20 --count 1` for a short one).";
const NO_INTERVIEWS: &str =
    "No mock interviews yet: `dekata interview` opens one, with clarifying questions and follow-ups.";
const NEVER_TESTED: &str = "not tested yet";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drills::{ConcernResult, DrillRecord};

    fn drill_with(concern: &str, passed: usize, total: usize) -> DrillRecord {
        DrillRecord {
            concerns: vec![ConcernResult { concern: concern.into(), passed, total, ..Default::default() }],
            ..Default::default()
        }
    }

    #[test]
    fn a_concern_trail_runs_oldest_to_newest() {
        let history = History {
            version: 1,
            drills: vec![drill_with("nulls", 1, 1), drill_with("nulls", 0, 2), drill_with("ties", 1, 1)],
        };
        let s = concern_stats(&history, Concern::Nulls);
        assert_eq!(s.recent, vec![Mark::Pass, Mark::Fail, Mark::Untested]);
        assert_eq!((s.passed, s.total), (1, 3));
        assert_eq!(s.pass_rate, Some(1.0 / 3.0));
        let s = concern_stats(&history, Concern::Idempotency);
        assert_eq!(s.pass_rate, None);
    }

    #[test]
    fn only_the_latest_drills_are_in_the_trail() {
        let mut drills: Vec<DrillRecord> = (0..RECENT).map(|_| drill_with("grain", 1, 1)).collect();
        drills.insert(0, drill_with("grain", 0, 1));
        let s = concern_stats(&History { version: 1, drills }, Concern::Grain);
        assert_eq!(s.recent.len(), RECENT);
        assert!(s.recent.iter().all(|m| *m == Mark::Pass));
        assert_eq!((s.passed, s.total), (RECENT, RECENT + 1));
    }
}
