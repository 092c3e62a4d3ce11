//! Cached reference results, so that a re-check runs only the learner's side.
//!
//! A reference result is keyed by everything that could change it: the
//! grader's sources (fingerprinted at build time), the generator version,
//! the kata file, the reference's source, and what the run was asked
//! (seed, stream, job) — see [`key`].

use crate::results::Measured;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use harness::rng::{fnv1a, mix64};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

/// The key of one reference run: `parts` are the kata file, the reference
/// source, and the run's description.
pub fn key(toml: &Path, reference: &Path, run: &serde_json::Value) -> Result<String> {
    let toml = std::fs::read(toml).with_context(|| format!("cannot read {}", toml.display()))?;
    let reference = std::fs::read(reference).with_context(|| format!("cannot read {}", reference.display()))?;
    let run = serde_json::to_vec(run)?;
    let mut h = fnv1a(env!("DEKATA_GRADER_FINGERPRINT").as_bytes()) ^ CACHE_VERSION;
    h = mix64(h ^ u64::from(harness::streams::GENERATOR_VERSION));
    for part in [&toml, &reference, &run] {
        h = mix64(h ^ fnv1a(part));
    }
    Ok(format!("{h:016x}"))
}

/// Bumped when what a cached result holds changes meaning (version 2: a
/// DataFrame case's `events` is its first table's rows in every language;
/// version 3: a memory case is measured on a worker of its own from its
/// hello, and a Rust one's resident memory beside its heap; version 4:
/// floats from another language's worker are read exactly).
const CACHE_VERSION: u64 = 4;

fn path(ws: &Workspace, kata: &str, case: &str, key: &str) -> PathBuf {
    ws.target.join("cache").join(kata).join(format!("{case}-{key}.json"))
}

pub fn load(ws: &Workspace, kata: &str, case: &str, key: &str) -> Option<Measured> {
    let bytes = std::fs::read(path(ws, kata, case, key)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

pub fn store(ws: &Workspace, kata: &str, case: &str, key: &str, measured: &Measured) -> Result<()> {
    crate::atomic::write(&path(ws, kata, case, key), &serde_json::to_vec(measured)?)
}

/// The results some thread of this process is working out now, by file:
/// `validate` grades a kata's forms side by side, and `grade --jobs`
/// many submissions of one kata, and each needs the same truth.
static WORKING: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
static DONE: Condvar = Condvar::new();

/// The right to work out one result, held until it is dropped (stored or
/// not: a failed run lets the next thread try).
pub struct Claim(PathBuf);

/// Claims the result of `key`, first waiting while another thread works
/// it out; then [`load`] it again before running anything.
pub fn claim(ws: &Workspace, kata: &str, case: &str, key: &str) -> Claim {
    let file = path(ws, kata, case, key);
    let mut working = WORKING.lock().unwrap_or_else(|e| e.into_inner());
    while working.contains(&file) {
        working = DONE.wait(working).unwrap_or_else(|e| e.into_inner());
    }
    working.insert(file.clone());
    Claim(file)
}

impl Drop for Claim {
    fn drop(&mut self) {
        WORKING.lock().unwrap_or_else(|e| e.into_inner()).remove(&self.0);
        DONE.notify_all();
    }
}
