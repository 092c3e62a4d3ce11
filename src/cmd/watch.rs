//! `dekata watch`: UNDER CONSTRUCTION (a helper is writing this module).

use crate::workspace::Workspace;
use anyhow::{Result, bail};

pub struct Args {
    pub kata: Option<String>,
    pub manual: bool,
    pub seed: Option<u64>,
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(_ws: &Workspace, _args: Args) -> Result<bool> {
    bail!("`dekata watch` is not built yet")
}
