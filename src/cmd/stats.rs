//! `dekata stats`: UNDER CONSTRUCTION (a helper is writing this module).

use crate::workspace::Workspace;
use anyhow::{Result, bail};

pub struct Args {
    pub json: bool,
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(_ws: &Workspace, _args: Args) -> Result<bool> {
    bail!("`dekata stats` is not built yet")
}
