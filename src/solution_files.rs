//! The learner's files in `solutions/`: created from a kata's starter when
//! missing, never overwritten.

use crate::catalog::Kata;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;

pub fn path(ws: &Workspace, kata: &Kata) -> PathBuf {
    ws.solutions().join(format!("{}.rs", kata.id))
}

/// The learner's file for `kata`, created from the starter if it does not
/// exist yet. Returns the path and whether it was created now.
pub fn ensure(ws: &Workspace, kata: &Kata) -> Result<(PathBuf, bool)> {
    let path = path(ws, kata);
    if path.exists() {
        return Ok((path, false));
    }
    let starter = std::fs::read(kata.starter()).with_context(|| format!("cannot read {}", kata.starter().display()))?;
    std::fs::create_dir_all(ws.solutions()).with_context(|| format!("cannot create {}", ws.solutions().display()))?;
    // create_new: if another process made the file meanwhile, keep theirs.
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(mut f) => {
            f.write_all(&starter).with_context(|| format!("cannot write {}", path.display()))?;
            Ok((path, true))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok((path, false)),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}
