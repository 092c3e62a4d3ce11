//! What an installed dekata carries: the catalogue and the grader's
//! sources, bundled at build time (`build.rs`) and unpacked on first use
//! into a cache folder of their own, one per build. A practice folder made
//! by `dekata init` grades against them; a clone uses its own files.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/install.bundle"));
const FINGERPRINT: &str = env!("DEKATA_BUNDLE_FINGERPRINT");
/// Written last: an unpacking that was cut short is unpacked again.
const COMPLETE: &str = ".complete";

/// Where the bundle is unpacked: `$DEKATA_CACHE`, else `$XDG_CACHE_HOME/dekata`,
/// else `~/.cache/dekata`, then the build's fingerprint.
fn cache_dir() -> Result<PathBuf> {
    let base = match (std::env::var_os("DEKATA_CACHE"), std::env::var_os("XDG_CACHE_HOME"), std::env::var_os("HOME")) {
        (Some(d), _, _) if !d.is_empty() => PathBuf::from(d),
        (_, Some(x), _) if !x.is_empty() => PathBuf::from(x).join("dekata"),
        (_, _, Some(home)) => PathBuf::from(home).join(".cache").join("dekata"),
        _ => bail!(NO_CACHE),
    };
    Ok(base.join(format!("install-{FINGERPRINT}")))
}

/// The unpacked bundle, unpacked now if need be.
pub fn unpacked() -> Result<PathBuf> {
    let dir = cache_dir()?;
    if dir.join(COMPLETE).is_file() {
        return Ok(dir);
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".unpacking-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot make a folder in {}", parent.display()))?;
    for (path, bytes) in entries(BUNDLE)? {
        let to = staging.path().join(path);
        if let Some(p) = to.parent() {
            std::fs::create_dir_all(p).with_context(|| format!("cannot create {}", p.display()))?;
        }
        std::fs::write(&to, bytes).with_context(|| format!("cannot write {}", to.display()))?;
    }
    std::fs::write(staging.path().join(COMPLETE), FINGERPRINT)
        .with_context(|| format!("cannot write in {}", staging.path().display()))?;
    let staged = staging.keep();
    // Another dekata may have unpacked it meanwhile: theirs is as good.
    if std::fs::rename(&staged, &dir).is_err() {
        let _ = std::fs::remove_dir_all(&staged);
        if !dir.join(COMPLETE).is_file() {
            bail!("cannot unpack dekata's files into {}", dir.display());
        }
    }
    Ok(dir)
}

/// The bundle's files: relative paths and their bytes.
fn entries(mut blob: &[u8]) -> Result<Vec<(&str, &[u8])>> {
    let mut out = Vec::new();
    while !blob.is_empty() {
        let (path, rest) = take(blob, 4)
            .and_then(|(n, rest)| {
                let n = u32::from_le_bytes(n.try_into().ok()?) as usize;
                take(rest, n)
            })
            .context(CORRUPT)?;
        let (bytes, rest) = take(rest, 8)
            .and_then(|(n, rest)| {
                let n = usize::try_from(u64::from_le_bytes(n.try_into().ok()?)).ok()?;
                take(rest, n)
            })
            .context(CORRUPT)?;
        let path = std::str::from_utf8(path).context(CORRUPT)?;
        if path.starts_with('/') || path.split('/').any(|part| part == "..") {
            bail!(CORRUPT);
        }
        out.push((path, bytes));
        blob = rest;
    }
    Ok(out)
}

fn take(blob: &[u8], n: usize) -> Option<(&[u8], &[u8])> {
    (blob.len() >= n).then(|| blob.split_at(n))
}

const NO_CACHE: &str = "no folder to unpack dekata's catalogue into: set DEKATA_CACHE (or HOME)";
const CORRUPT: &str = "dekata's bundled catalogue is damaged: reinstall dekata";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_holds_the_catalogue_and_the_grader() {
        let files = entries(BUNDLE).unwrap();
        let has = |p: &str| files.iter().any(|(path, _)| *path == p);
        assert!(has("Cargo.lock") && has("grader/Cargo.toml") && has("prelude/Cargo.toml"));
        assert!(has("katas/plan.toml"));
        assert!(files.iter().any(|(p, _)| p.ends_with("count_events/kata.toml")));
        assert!(!files.iter().any(|(p, _)| p.contains("/target/") || p.contains("__pycache__")));
    }

    #[test]
    fn a_damaged_bundle_is_refused() {
        assert!(entries(&[3, 0, 0, 0, b'a']).is_err());
        let mut evil = Vec::new();
        evil.extend_from_slice(&5u32.to_le_bytes());
        evil.extend_from_slice(b"../x1");
        evil.extend_from_slice(&0u64.to_le_bytes());
        assert!(entries(&evil).is_err());
    }
}
