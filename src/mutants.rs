//! A kata's known-wrong solutions (`mutants/*.rs`) and the verdict each
//! declares in its header: `//! expect: <verdict>`.

use crate::catalog::Kata;
use crate::error::BadRequest;
use crate::judge::Verdict;
use crate::language::Language;
use anyhow::{Context, Result};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Mutant {
    pub name: String,
    pub path: PathBuf,
    pub expect: Verdict,
    /// The header's other lines: what the mutant gets wrong.
    pub about: String,
}

/// The mutants of a kata in `language`, sorted by file name.
pub fn load(kata: &Kata, language: Language) -> Result<Vec<Mutant>> {
    let dir = kata.mutants_dir();
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == language.extension()))
        .collect();
    paths.sort();
    paths.into_iter().map(parse).collect()
}

fn parse(path: PathBuf) -> Result<Mutant> {
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut expect = None;
    let mut about = Vec::new();
    let comment = match Language::of(&path) {
        Language::Rust => "//!",
        Language::Python => "#",
    };
    for line in text.lines().take_while(|l| l.starts_with(comment)) {
        let body = line.trim_start_matches(comment).trim();
        match body.strip_prefix("expect:") {
            Some(v) => {
                let v = v.trim();
                expect =
                    Some(Verdict::parse(v).ok_or_else(|| {
                        BadRequest::new(format!("{}: `expect: {v}` is not a verdict", path.display()))
                    })?);
            }
            None => about.push(body.to_string()),
        }
    }
    let expect = expect.ok_or_else(|| {
        BadRequest::new(format!(
            "{}: a mutant must begin with a `{comment} expect: <verdict>` line (e.g. wrong_answer)",
            path.display()
        ))
    })?;
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Mutant { name, path, expect, about: about.join(" ") })
}
