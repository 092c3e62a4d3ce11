//! `dekata drill`: UNDER CONSTRUCTION (a helper is writing this module).

use crate::workspace::Workspace;
use anyhow::{Result, bail};

pub struct Args {
    pub katas: Vec<String>,
    pub pattern: Option<String>,
    pub difficulty: Option<String>,
    pub weakest: bool,
    pub count: usize,
    pub minutes: f64,
    pub seed: Option<u64>,
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(_ws: &Workspace, _args: Args) -> Result<bool> {
    bail!("`dekata drill` is not built yet")
}
