//! A follow-up's file, started from the candidate's previous answer where
//! the signatures agree (the same call shape and as many arguments; the
//! function renamed to the follow-up's), else from the follow-up's starter.
//! A file the candidate already changed is never overwritten.

use crate::catalog::Kata;
use crate::language::Language;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carried {
    /// The file existed (or was made) from the kata's starter.
    Starter,
    /// The previous round's answer, its function renamed.
    FromPrevious,
    /// The candidate's own file, changed before: kept as it is.
    KeptYours,
}

pub fn note(carried: Carried) -> &'static str {
    match carried {
        Carried::Starter => "",
        Carried::FromPrevious => " (started from your previous answer: the signatures agree)",
        Carried::KeptYours => " (your own file, kept as it was)",
    }
}

/// Makes sure `kata`'s file exists for the round, from `previous`'s answer
/// when it can.
pub fn start(ws: &Workspace, previous: Option<&Kata>, kata: &Kata, language: Language) -> Result<(PathBuf, Carried)> {
    let path = solution_files::path(ws, kata, language);
    let agree = previous.filter(|p| p.shape() == kata.shape() && p.args.len() == kata.args.len());
    let Some(previous) = agree else {
        let (path, _) = solution_files::ensure(ws, kata, language)?;
        return Ok((path, Carried::Starter));
    };
    let starter_path = kata.starter(language);
    let starter =
        std::fs::read_to_string(&starter_path).with_context(|| format!("cannot read {}", starter_path.display()))?;
    if path.exists() {
        let mine = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if mine != starter {
            return Ok((path, Carried::KeptYours));
        }
    }
    let from = solution_files::path(ws, previous, language);
    let text = std::fs::read_to_string(&from).with_context(|| format!("cannot read {}", from.display()))?;
    let renamed = rename_entry(&text, &previous.entry, &kata.entry, language);
    std::fs::create_dir_all(ws.solutions()).with_context(|| format!("cannot create {}", ws.solutions().display()))?;
    crate::atomic::write(&path, renamed.as_bytes())?;
    solution_files::refresh_or_warn(ws);
    Ok((path, Carried::FromPrevious))
}

/// The answer with its entry function's definition renamed.
fn rename_entry(text: &str, from: &str, to: &str, language: Language) -> String {
    if from == to {
        return text.to_string();
    }
    match language {
        Language::Rust => text
            .replace(&format!("fn {from}("), &format!("fn {to}("))
            .replace(&format!("fn {from}<"), &format!("fn {to}<")),
        Language::Python => text.replace(&format!("def {from}("), &format!("def {to}(")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_definition_is_renamed() {
        let py = "def sessionize(events, gap):\n    return sessionize_helper(events)\n";
        assert_eq!(
            rename_entry(py, "sessionize", "sessionize_unsorted", Language::Python),
            "def sessionize_unsorted(events, gap):\n    return sessionize_helper(events)\n"
        );
        let rs = "pub fn sessionize<I>(e: I) {}\nfn sessionize_x() {}";
        assert!(rename_entry(rs, "sessionize", "s2", Language::Rust).starts_with("pub fn s2<I>"));
    }
}
