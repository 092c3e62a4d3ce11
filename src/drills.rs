//! The drill history: `.dekata/drills.json`, every drill with its
//! scorecard, oldest first; written atomically, a corrupt file moved aside.
//! `dekata drill` appends to it and `dekata stats` reads it.

use crate::concern_rows::{Concern, Row};
use crate::language::Language;
use crate::report::{Overall, Report};
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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
    /// The language the drill was written in (older drills: Rust).
    pub language: Language,
    pub katas: Vec<KataResult>,
    /// One per concern, in scorecard order.
    pub concerns: Vec<ConcernResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KataResult {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub pattern: String,
    pub verdict: Overall,
    #[serde(default)]
    pub passed: usize,
    /// The kata's cases (all of them count as failed when it does not compile).
    #[serde(default)]
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
    /// This drill's result on `concern`, if it recorded one.
    pub fn concern(&self, concern: Concern) -> Option<&ConcernResult> {
        self.concerns.iter().find(|c| c.concern == concern.key())
    }
}

impl KataResult {
    /// A kata's result from its final report; `cases` is how many cases
    /// the kata has (a compile error reports none).
    pub fn new(id: &str, pattern: &str, cases: usize, report: &Report) -> KataResult {
        let (passed, total) = report.case_counts();
        KataResult {
            id: id.to_string(),
            pattern: pattern.to_string(),
            verdict: report.verdict,
            passed,
            total: cases.max(total),
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

fn file(ws: &Workspace) -> PathBuf {
    ws.state().join("drills.json")
}

/// Loads the drill history; a missing file is no drills, a corrupt one is
/// moved aside to `drills.json.corrupt-<time>` with a warning on stderr.
pub fn load(ws: &Workspace) -> Result<History> {
    crate::state_file::load_json(ws, &file(ws), || History { version: 1, drills: Vec::new() })
}

/// Adds a drill to the history (re-read first, so nothing is lost).
pub fn append(ws: &Workspace, record: DrillRecord) -> Result<()> {
    let mut history = load(ws)?;
    history.version = 1;
    history.drills.push(record);
    let bytes = serde_json::to_vec_pretty(&history).context("cannot serialise the drill history")?;
    crate::atomic::write(&file(ws), &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_or_partial_history_still_loads() {
        let h: History =
            serde_json::from_str(r#"{"drills":[{"seed":7,"concerns":[{"concern":"later_concern"}]}]}"#).unwrap();
        assert_eq!(h.drills[0].seed, 7);
        assert_eq!(h.drills[0].language, Language::Rust);
        assert!(h.drills[0].concern(Concern::Nulls).is_none());
    }
}
