//! The learner's progress: `.dekata/progress.json`, written atomically.
//! A corrupt file is moved aside (never silently reset) and reported.

use crate::language::Language;
use crate::report::{Overall, Report};
use crate::workspace::Workspace;
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Progress per kata, for each language (a file written before Python
/// existed holds only `katas`: the Rust progress).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// Rust solutions.
    pub katas: BTreeMap<String, KataProgress>,
    /// Python solutions.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub python: BTreeMap<String, KataProgress>,
}

impl Progress {
    pub fn of(&self, language: Language) -> &BTreeMap<String, KataProgress> {
        match language {
            Language::Rust => &self.katas,
            Language::Python => &self.python,
        }
    }

    pub fn of_mut(&mut self, language: Language) -> &mut BTreeMap<String, KataProgress> {
        match language {
            Language::Rust => &mut self.katas,
            Language::Python => &mut self.python,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KataProgress {
    /// The verdict of the last check; none before one (`""` in the file:
    /// `hint` makes an entry too).
    #[serde(with = "verdict_or_empty")]
    pub last_verdict: Option<Overall>,
    pub last_checked: u64,
    pub passed_at: Option<u64>,
    pub passed_seed: Option<u64>,
    /// How many hints `dekata hint` has shown (they are shown in order).
    #[serde(default)]
    pub hints_shown: usize,
}

/// What `dekata list` shows for a kata.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No solution file yet.
    New,
    /// A solution file, never checked.
    Started,
    Failing,
    Passed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Started => "started",
            Status::Failing => "failing",
            Status::Passed => "passed",
        }
    }
}

fn file(ws: &Workspace) -> PathBuf {
    ws.state().join("progress.json")
}

/// Loads progress; a missing file is empty progress, a corrupt one is moved
/// aside to `progress.json.corrupt-<time>` with a warning on stderr.
pub fn load(ws: &Workspace) -> Result<Progress> {
    crate::state_file::load_json(ws, &file(ws), || Progress { version: 1, ..Default::default() })
}

pub fn save(ws: &Workspace, progress: &Progress) -> Result<()> {
    crate::state_file::save_json(&file(ws), progress)
}

/// Records the outcome of a check of the learner's own file.
pub fn record(ws: &Workspace, report: &Report) -> Result<()> {
    let mut p = load(ws)?;
    p.version = 1;
    let entry = p.of_mut(report.language).entry(report.kata.clone()).or_default();
    entry.last_checked = now();
    entry.last_verdict = Some(report.verdict);
    if report.passed() {
        entry.passed_at = Some(now());
        entry.passed_seed = Some(report.seed);
    }
    save(ws, &p)
}

pub fn status(progress: &Progress, kata: &str, language: Language, has_solution: bool) -> Status {
    if !has_solution {
        return Status::New;
    }
    match progress.of(language).get(kata) {
        None => Status::Started,
        // An entry made by `hint` before any check.
        Some(k) => match k.last_verdict {
            None => Status::Started,
            Some(Overall::Pass) => Status::Passed,
            Some(_) => Status::Failing,
        },
    }
}

pub use crate::state_file::now;

/// A verdict as progress.json has always kept it: its name, or `""` for
/// none.
mod verdict_or_empty {
    use crate::report::Overall;
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(verdict: &Option<Overall>, s: S) -> Result<S::Ok, S::Error> {
        match verdict {
            Some(v) => v.serialize(s),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Overall>, D::Error> {
        let text = String::deserialize(d)?;
        if text.is_empty() {
            return Ok(None);
        }
        serde_json::from_value(serde_json::Value::String(text)).map(Some).map_err(D::Error::custom)
    }
}
