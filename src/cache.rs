//! Cached reference results, so that a re-check runs only the learner's side.
//!
//! A reference result is keyed by everything that could change it: the
//! grader's sources (fingerprinted at build time), the generator version,
//! the kata file, the reference source, and the case spec (seed included).

use crate::catalog::Kata;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use grader::protocol::{CaseSpec, RunReport};
use grader::rng::{fnv1a, mix64};
use std::path::PathBuf;

pub fn key(kata: &Kata, spec: &CaseSpec) -> Result<String> {
    let toml = std::fs::read(kata.toml_path()).with_context(|| format!("cannot read {}", kata.toml_path().display()))?;
    let reference =
        std::fs::read(kata.reference()).with_context(|| format!("cannot read {}", kata.reference().display()))?;
    let spec = serde_json::to_vec(spec)?;
    let mut h = fnv1a(env!("DEKATA_GRADER_FINGERPRINT").as_bytes());
    h = mix64(h ^ u64::from(grader::streams::GENERATOR_VERSION));
    for part in [&toml, &reference, &spec] {
        h = mix64(h ^ fnv1a(part));
    }
    Ok(format!("{h:016x}"))
}

fn path(ws: &Workspace, kata: &str, case: &str, key: &str) -> PathBuf {
    ws.target.join("cache").join(kata).join(format!("{case}-{key}.json"))
}

pub fn load(ws: &Workspace, kata: &str, case: &str, key: &str) -> Option<RunReport> {
    let bytes = std::fs::read(path(ws, kata, case, key)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

pub fn store(ws: &Workspace, kata: &str, case: &str, key: &str, report: &RunReport) -> Result<()> {
    crate::atomic::write(&path(ws, kata, case, key), &serde_json::to_vec(report)?)
}
