//! `dekata reset`: UNDER CONSTRUCTION (a helper is writing this module).

use crate::catalog::Kata;
use crate::workspace::Workspace;
use anyhow::{Result, bail};
use std::path::PathBuf;

/// Saves the learner's file for `kata` as a timestamped backup (returned,
/// if there was a file) and restores the starter.
pub fn reset(_ws: &Workspace, _kata: &Kata) -> Result<Option<PathBuf>> {
    bail!("reset is not built yet")
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(_ws: &Workspace, _kata: &str) -> Result<bool> {
    bail!("`dekata reset` is not built yet")
}
