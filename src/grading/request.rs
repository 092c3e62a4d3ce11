//! What a grading is asked: the kata, the solution, the seed, and how
//! much of the work is wanted.

use crate::catalog::Kata;
use crate::language::Language;
use crate::workspace::Workspace;
use std::path::Path;

/// One grading's request.
pub struct Request<'a> {
    pub ws: &'a Workspace,
    pub kata: &'a Kata,
    pub solution: &'a Path,
    /// The learner's file when `solution` is a private copy of it (`grade`):
    /// what messages and locations name.
    pub shown_as: Option<&'a Path>,
    pub seed: u64,
    pub color: bool,
    /// The language of the reference whose output is expected; `None`:
    /// the kata's usual truth (see `reference::References`). `validate`
    /// holds a DataFrame kata's PySpark reference against DataFusion's.
    pub truth: Option<Language>,
    /// Shrink failures to counterexamples (`validate` needs only verdicts).
    pub counterexamples: bool,
    /// Stop at the first failing case: `validate` asks only whether a
    /// mutant is caught on a seed (and with which verdict), not where else.
    pub until_caught: bool,
}
