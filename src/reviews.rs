//! Code-review progress: `.dekata/reviews.json`, per language and kata the
//! answer under review now and the answers already broken. `dekata review`
//! writes it, `dekata stats` reads it.

use crate::language::Language;
use crate::workspace::Workspace;
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reviews {
    pub version: u32,
    pub rust: BTreeMap<String, KataReviews>,
    pub python: BTreeMap<String, KataReviews>,
}

/// One kata's reviews in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KataReviews {
    /// The answer shown now, if any.
    pub shown: Option<Shown>,
    /// The mutants the learner has broken, by name.
    pub broken: Vec<String>,
    /// Inputs graded, broken or not.
    pub attempts: u32,
}

/// The answer under review and what grading it needs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Shown {
    /// The mutant's file name without its extension.
    pub mutant: String,
    /// The case whose arguments and job the input runs with.
    pub case: String,
    /// The records of dekata's own shrunk counterexample.
    pub shrunk_records: usize,
    /// The most records an input may have.
    pub limit: usize,
}

impl Reviews {
    pub fn of(&self, language: Language) -> &BTreeMap<String, KataReviews> {
        match language {
            Language::Rust => &self.rust,
            Language::Python => &self.python,
        }
    }

    pub fn of_mut(&mut self, language: Language) -> &mut BTreeMap<String, KataReviews> {
        match language {
            Language::Rust => &mut self.rust,
            Language::Python => &mut self.python,
        }
    }
}

fn file(ws: &Workspace) -> PathBuf {
    ws.state().join("reviews.json")
}

/// The reviews so far; a corrupt file is moved aside, as every state file.
pub fn load(ws: &Workspace) -> Result<Reviews> {
    crate::state_file::load_json(ws, &file(ws), || Reviews { version: 1, ..Reviews::default() })
}

/// Changes one kata's entry, re-reading the file first so nothing is lost.
pub fn update(ws: &Workspace, language: Language, kata: &str, change: impl FnOnce(&mut KataReviews)) -> Result<()> {
    let mut all = load(ws)?;
    all.version = 1;
    change(all.of_mut(language).entry(kata.to_string()).or_default());
    crate::state_file::save_json(&file(ws), &all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_or_partial_file_still_loads() {
        let r: Reviews = serde_json::from_str(r#"{"python":{"count_events":{"broken":["a"]}}}"#).unwrap();
        assert_eq!(r.of(Language::Python)["count_events"].broken, vec!["a".to_string()]);
        assert!(r.of(Language::Rust).is_empty());
    }
}
