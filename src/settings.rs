//! The learner's remembered choices (`.dekata/settings.json`): the
//! language they write solutions in. Chosen once with `dekata lang`, and
//! overridden for one command with `--lang`.

use crate::language::Language;
use crate::workspace::Workspace;
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub language: Language,
}

fn file(ws: &Workspace) -> PathBuf {
    ws.state().join("settings.json")
}

pub fn load(ws: &Workspace) -> Result<Settings> {
    crate::state_file::load_json(ws, &file(ws), Settings::default)
}

pub fn save(ws: &Workspace, settings: &Settings) -> Result<()> {
    crate::state_file::save_json(&file(ws), settings)
}

/// The language a command works in: the one asked for with `--lang`, else
/// the one remembered, else Rust.
pub fn language(ws: &Workspace, asked: Option<Language>) -> Result<Language> {
    match asked {
        Some(l) => Ok(l),
        None => Ok(load(ws)?.language),
    }
}
