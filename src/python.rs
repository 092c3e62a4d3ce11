//! The Python worker: how dekata starts `grader/python/worker.py` for a
//! learner's `.py` file, and what it may touch.

use crate::worker::Launch;
use crate::worker::confine::Limits;
use anyhow::{Result, bail};
use std::path::Path;

pub fn launch(solution: &Path, _limits: Limits) -> Result<Launch> {
    bail!("Python solutions are not graded yet: {}", solution.display())
}
