//! The learner's state files in `.dekata/` (progress, drill history): JSON
//! read whole, written atomically. A file that no longer parses is moved
//! aside and reported, never silently reset, so nothing is lost.

use crate::workspace::Workspace;
use anyhow::{Context, Result};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Reads `path`; a missing file gives `empty()`, and so does a corrupt one,
/// after it is moved to `<name>.corrupt-<time>` with a warning on stderr.
pub fn load_json<T: DeserializeOwned>(ws: &Workspace, path: &Path, empty: impl FnOnce() -> T) -> Result<T> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(empty()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    match serde_json::from_slice(&bytes) {
        Ok(value) => Ok(value),
        Err(e) => {
            let aside = path.with_extension(format!("json.corrupt-{}", now()));
            std::fs::rename(path, &aside)
                .with_context(|| format!("cannot move the corrupt {} aside", path.display()))?;
            eprintln!(
                "{}",
                CORRUPT
                    .replace("{path}", &ws.display(path))
                    .replace("{aside}", &ws.display(&aside))
                    .replace("{err}", &e.to_string())
            );
            Ok(empty())
        }
    }
}

/// Writes `value` as pretty JSON, atomically.
pub fn save_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    crate::atomic::write(path, &serde_json::to_vec_pretty(value)?)
}

const CORRUPT: &str = "warning: {path} could not be read ({err}); it was moved to {aside} \
so that nothing is lost, and it starts afresh.";

pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
