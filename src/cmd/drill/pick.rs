//! Choosing a drill's katas: the named ones, else by pattern, week of the
//! study plan, difficulty and the learner's record, those not passed yet
//! first.

use super::Args;
use crate::catalog::plan::Plan;
use crate::catalog::{self, Difficulty, Kata};
use crate::drills::History;
use crate::error::BadRequest;
use crate::language::Language;
use crate::progress::Progress;
use anyhow::Result;

/// The katas to drill in `language`: the named ones, else chosen by
/// filters and need among those that have a form in it.
pub fn pick<'a>(
    katas: &'a [Kata],
    plan: &Plan,
    progress: &Progress,
    history: &History,
    args: &Args,
    language: Language,
) -> Result<Vec<&'a Kata>> {
    if !args.katas.is_empty() {
        if args.pattern.is_some() || args.difficulty.is_some() || args.weakest || args.week.is_some() {
            return Err(BadRequest::new(KATA_AND_FILTERS).into());
        }
        return catalog::select(katas, &args.katas);
    }
    if args.count == 0 {
        return Err(BadRequest::new(COUNT_ZERO).into());
    }
    if args.weakest && args.pattern.is_some() {
        return Err(BadRequest::new(WEAKEST_AND_PATTERN).into());
    }
    let difficulty = args.difficulty.as_deref().map(parse_difficulty).transpose()?;
    if let Some(week) = args.week
        && plan.week(week).is_none()
    {
        let known =
            if plan.weeks.is_empty() { NO_PLAN.to_string() } else { format!("the weeks are {}", plan.numbers()) };
        return Err(BadRequest::new(BAD_WEEK.replace("{week}", &week.to_string()).replace("{known}", &known)).into());
    }
    let pool: Vec<&Kata> = katas
        .iter()
        .filter(|k| k.speaks(language))
        .filter(|k| difficulty.is_none_or(|d| k.difficulty == d))
        .filter(|k| args.week.is_none_or(|w| k.week == Some(w)))
        .collect();
    let passed = |id: &str| passed(progress, language, id);
    let pattern = match &args.pattern {
        Some(p) => Some(known_pattern(katas, p)?),
        None if args.weakest => weakest_pattern(&pool, history, &passed),
        None => None,
    };
    let candidates: Vec<&Kata> =
        pool.into_iter().filter(|k| pattern.as_ref().is_none_or(|p| &k.pattern == p)).collect();
    if candidates.is_empty() {
        return Err(BadRequest::new(NO_MATCH).into());
    }
    Ok(by_need(candidates, progress, language).into_iter().take(args.count).collect())
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
fn weakest_pattern(katas: &[&Kata], history: &History, passed: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut worst: Option<(String, f64)> = None;
    for pattern in patterns(katas) {
        let record = drill_rate(history, &pattern).unwrap_or_else(|| progress_rate(katas, passed, &pattern));
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
fn progress_rate(katas: &[&Kata], passed: &dyn Fn(&str) -> bool, pattern: &str) -> f64 {
    let group: Vec<&&Kata> = katas.iter().filter(|k| k.pattern == pattern).collect();
    let done = group.iter().filter(|k| passed(&k.id)).count();
    done as f64 / group.len().max(1) as f64
}

fn passed(progress: &Progress, language: Language, id: &str) -> bool {
    progress.of(language).get(id).is_some_and(|k| k.last_verdict == Some(crate::report::Overall::Pass))
}

/// Katas not yet passed first, in catalogue order; then passed ones, the
/// longest ago first.
fn by_need<'a>(mut katas: Vec<&'a Kata>, progress: &Progress, language: Language) -> Vec<&'a Kata> {
    katas.sort_by_key(|k| {
        let done = passed(progress, language, &k.id);
        let when = if done { progress.of(language).get(&k.id).and_then(|p| p.passed_at).unwrap_or(0) } else { 0 };
        (done, when)
    });
    katas
}

const KATA_AND_FILTERS: &str = "--kata names the katas to drill, so --pattern, --week, --difficulty and \
--weakest cannot be given with it.";
const COUNT_ZERO: &str = "--count must be at least 1.";
const WEAKEST_AND_PATTERN: &str = "--weakest chooses the pattern itself, so it cannot be given with --pattern.";
const BAD_DIFFICULTY: &str = "there is no difficulty `{difficulty}`: use warm-up, core or stretch.";
const BAD_PATTERN: &str = "there is no pattern `{pattern}`: the patterns are {known}.";
const BAD_WEEK: &str = "there is no week {week} in the study plan: {known}.";
const NO_PLAN: &str = "this kata folder has no study plan (katas/plan.toml)";
const NO_MATCH: &str = "no kata matches these filters: run `dekata list` (or `dekata list --by week`) to see each \
kata's pattern, week and difficulty.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drills::{DrillRecord, KataResult};

    #[test]
    fn drill_rate_reads_the_history_of_a_pattern() {
        let result = |pattern: &str, passed, total| KataResult {
            id: "k".into(),
            pattern: pattern.into(),
            verdict: crate::report::Overall::Fail,
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
}
