//! The mock-interview history: `.dekata/interviews.json`, every interview
//! with its rounds, oldest first, beside the drills. `dekata interview`
//! appends to it and `dekata stats` reads it.

use crate::drills::{ConcernResult, KataResult};
use crate::language::Language;
use crate::workspace::Workspace;
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    pub version: u32,
    pub interviews: Vec<InterviewRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterviewRecord {
    /// Unix seconds.
    pub started_at: u64,
    pub seed: u64,
    pub language: Language,
    pub minutes: f64,
    pub blind: bool,
    pub seconds_taken: u64,
    /// `passed` (no follow-up left), `time_up`, `end_of_input` or `stopped`.
    pub ended: String,
    /// One per kata asked: the first, then each follow-up reached.
    pub rounds: Vec<RoundRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundRecord {
    pub kata: String,
    /// Rules the candidate's clarifying questions revealed.
    pub asked: Vec<String>,
    /// Rules a clarifying question would have revealed, not asked.
    pub missed: Vec<String>,
    /// Questions asked that do not change the code.
    pub off_topic: usize,
    pub seconds: u64,
    /// Checks run during the round.
    pub checks: u32,
    /// A blind round: the first submission's grade.
    pub first: Option<KataResult>,
    /// The grade the round ended with.
    pub last: Option<KataResult>,
    pub concerns: Vec<ConcernResult>,
}

impl InterviewRecord {
    /// Follow-ups reached: rounds after the first.
    pub fn follow_ups_reached(&self) -> usize {
        self.rounds.len().saturating_sub(1)
    }
}

fn file(ws: &Workspace) -> PathBuf {
    ws.state().join("interviews.json")
}

/// The history; a corrupt file is moved aside, as every state file.
pub fn load(ws: &Workspace) -> Result<History> {
    crate::state_file::load_json(ws, &file(ws), || History { version: 1, interviews: Vec::new() })
}

/// Adds an interview (re-reading the file first, so nothing is lost).
pub fn append(ws: &Workspace, record: InterviewRecord) -> Result<()> {
    let mut history = load(ws)?;
    history.version = 1;
    history.interviews.push(record);
    crate::state_file::save_json(&file(ws), &history)
}
