//! `dekata hint`: UNDER CONSTRUCTION (a helper is writing this module).

use crate::catalog::Kata;
use crate::workspace::Workspace;
use anyhow::{Result, bail};

/// Reveals one more hint of `kata` (remembered in the progress file) and
/// returns every hint revealed so far, in order.
pub fn reveal_next(_ws: &Workspace, _kata: &Kata) -> Result<Vec<String>> {
    bail!("hints are not built yet")
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(_ws: &Workspace, _kata: &str) -> Result<bool> {
    bail!("`dekata hint` is not built yet")
}
