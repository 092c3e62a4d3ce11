//! The study plan: `katas/plan.toml` names the weeks a kata's `week`
//! places it in (a four-week preparation: iterator-first coding, the five
//! patterns, PySpark, edge cases). A kata folder without a plan has no
//! weeks, and its katas no `week`.

use super::load::malformed;
use crate::error::BadRequest;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;

/// The file beside the pattern folders.
pub const FILE: &str = "plan.toml";

/// One week of the plan.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Week {
    pub week: u8,
    pub title: String,
    /// What the week practises, in a sentence.
    pub focus: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default)]
    pub weeks: Vec<Week>,
}

impl Plan {
    /// The week numbered `n`, if the plan has it.
    pub fn week(&self, n: u8) -> Option<&Week> {
        self.weeks.iter().find(|w| w.week == n)
    }

    /// The plan's week numbers, as text for messages.
    pub fn numbers(&self) -> String {
        self.weeks.iter().map(|w| w.week.to_string()).collect::<Vec<_>>().join(", ")
    }
}

/// The plan of the kata folder `katas_dir` (empty without a plan file).
pub fn load(katas_dir: &Path) -> Result<Plan> {
    let path = katas_dir.join(FILE);
    if !path.is_file() {
        return Ok(Plan::default());
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let plan: Plan = toml::from_str(&text).map_err(|e| malformed(&path, &text, &e))?;
    let mut seen = Vec::new();
    for w in &plan.weeks {
        if w.week == 0 || seen.contains(&w.week) {
            return Err(BadRequest::new(format!(
                "{}: week {} is {}",
                path.display(),
                w.week,
                if w.week == 0 { "not a week (they count from 1)" } else { "listed twice" }
            ))
            .into());
        }
        seen.push(w.week);
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_names_its_weeks_and_a_malformed_one_its_line() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), Plan::default());
        std::fs::write(
            dir.path().join(FILE),
            "[[weeks]]\nweek = 1\ntitle = \"Iterators\"\nfocus = \"f\"\n[[weeks]]\nweek = 3\ntitle = \"Spark\"\nfocus = \"g\"\n",
        )
        .unwrap();
        let plan = load(dir.path()).unwrap();
        assert_eq!(plan.week(3).map(|w| w.title.as_str()), Some("Spark"));
        assert_eq!(plan.numbers(), "1, 3");
        std::fs::write(dir.path().join(FILE), "[[weeks]]\nweek = \"one\"\n").unwrap();
        let err = load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("plan.toml:2:"), "{err}");
        std::fs::write(
            dir.path().join(FILE),
            "[[weeks]]\nweek = 2\ntitle = \"a\"\nfocus = \"b\"\n[[weeks]]\nweek = 2\ntitle = \"c\"\nfocus = \"d\"\n",
        )
        .unwrap();
        assert!(load(dir.path()).unwrap_err().to_string().contains("week 2 is listed twice"));
    }
}
