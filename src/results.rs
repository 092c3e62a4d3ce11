//! What running a case gave, before it is judged: the data that flows from
//! the workers (`grading`) to the judge.

use crate::process::death::Death;
use harness::protocol::{Measure, Outcome, OutputSummary};
use serde::{Deserialize, Serialize};

/// One side's measured result on one case: the whole stream's run, and on
/// memory cases the shorter stream's measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    pub outcome: Outcome,
    pub measure: Measure,
    pub scaled: Option<Measure>,
    pub output: Option<OutputSummary>,
}

/// What running a case on the learner's side gave.
#[derive(Clone, Debug)]
pub enum Observed {
    Measured(Measured),
    /// The worker ended before reporting (a crash, a kill at the clock, an
    /// allocation past the hard cap).
    Died(Death),
}
