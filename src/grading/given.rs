//! A reviewer's input, run as it is: the truth's reference and the answer
//! under review each run the given records, in workers of their own, with
//! the case's arguments and job, and the parent compares what they did.

use super::asked::{STARTUP, ask, limits, stream_spec};
use super::reference::{Kept, References};
use super::request::Request;
use super::run::Records;
use super::shrink::{Produced, produce};
use super::side::Side;
use crate::catalog::Case;
use crate::compile::{self, Compiled};
use crate::error::Internal;
use crate::language::Language;
use crate::worker::Clock;
use anyhow::Result;
use harness::compare::{grain_violation, outputs_agree};
use harness::rust_worker::Record;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// How long either side may take on a reviewer's input: it is small.
const GIVEN_CLOCK: Clock = Clock { wall: Duration::from_secs(120), cpu: Some(Duration::from_secs(30)) };

/// What one side did with the input.
#[derive(Clone, Debug, PartialEq)]
pub enum Did {
    /// Its output, canonically sorted.
    Output(Vec<Value>),
    /// It raised or panicked, with its message.
    Raised(String),
    /// It did not finish (died, ran out of time).
    Unfinished,
}

impl From<Produced> for Did {
    fn from(p: Produced) -> Did {
        match p {
            Produced::Items(items) => Did::Output(items),
            Produced::Panicked(message) => Did::Raised(message),
            Produced::Nothing => Did::Unfinished,
        }
    }
}

/// Both sides on the given input.
#[derive(Clone, Debug, PartialEq)]
pub struct GivenRun {
    pub reference: Did,
    pub answer: Did,
}

impl GivenRun {
    /// Whether the answer went wrong where the reference did not: another
    /// output, a broken grain, or a failure of its own.
    pub fn answer_breaks(&self, compare: &harness::protocol::CompareSpec) -> bool {
        match (&self.reference, &self.answer) {
            (Did::Output(expected), Did::Output(actual)) => {
                !outputs_agree(expected, actual, compare) || grain_violation(actual, &compare.grain).is_some()
            }
            (Did::Output(_), Did::Raised(_) | Did::Unfinished) => true,
            _ => false,
        }
    }
}

/// Runs `records` through the reference and through `req.solution` (the
/// answer under review, a trusted file of the kata), as `case` is run.
pub fn run_given(req: &Request<'_>, case: &Case, records: Vec<Record>) -> Result<GivenRun> {
    let kata = req.kata;
    let language = Language::of(req.solution);
    let program = match compile::learner(req.ws, kata, req.solution, None, false)? {
        Compiled::Built { program, .. } => program,
        Compiled::Rejected { stderr } => {
            return Err(Internal::new(format!("{}: the answer under review does not build:\n{stderr}", kata.id)).into());
        }
    };
    // A job's days are counted from the input's own first day.
    let mut case = case.clone();
    if let Some(first) = records.iter().filter_map(event_ts).min() {
        case.params.start_ts = first;
    }
    let mut answer = Side::new(program, limits(kata), STARTUP);
    let mut references = References::new(req, language, Kept::default());
    let stream = stream_spec(kata, &case, req.seed, language).with_events(records.len() as u64);
    let ask = ask(kata, &case).for_counterexample();
    let records = Records::Given { stream, records: Arc::new(records) };
    let reference = references.side()?;
    let generates = reference.generates()?;
    let theirs = produce(reference, &records, &ask, generates, GIVEN_CLOCK, &kata.compare)?;
    let generates = answer.generates()?;
    let ours = produce(&mut answer, &records, &ask, generates, GIVEN_CLOCK, &kata.compare)?;
    Ok(GivenRun { reference: theirs.into(), answer: ours.into() })
}

fn event_ts(record: &Record) -> Option<i64> {
    match record {
        Record::Event(e) => Some(e.ts),
        _ => None,
    }
}
