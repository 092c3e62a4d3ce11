//! One case on one side: the request (the stream the worker generates, or
//! the records the parent feeds it), the memory case's shorter run first,
//! and the result as measured.

use super::side::{RunEnd, Side};
use crate::results::{Measured, Observed};
use crate::worker::Clock;
use crate::worker::Feeder;
use anyhow::Result;
use grader::jobs::JobSpec;
use grader::protocol::{Input, JobRun, Order, Outcome, RunRequest};
use grader::streams::{RecordKind, StreamSpec};
use grader::worker::Record;
use std::sync::Arc;

/// What a run is asked, beside its input.
#[derive(Clone, Debug)]
pub struct Ask {
    pub order: Order,
    pub keep: bool,
    pub heap: bool,
    pub job: Option<JobRun>,
    pub state_limit_bytes: Option<u64>,
}

/// The records of a run: the whole stream, or some of its records (by
/// index, with the records themselves for workers that are fed).
#[derive(Clone)]
pub enum Records {
    Stream(StreamSpec),
    Selected { stream: StreamSpec, ranges: Vec<[u64; 2]>, records: Arc<Vec<Record>> },
}

impl Records {
    fn stream(&self) -> &StreamSpec {
        match self {
            Records::Stream(s) | Records::Selected { stream: s, .. } => s,
        }
    }
}

/// The request for one run, and the feed to send after it when the worker
/// does not generate its input.
pub fn request(records: &Records, ask: &Ask, generates: bool) -> (RunRequest, Option<Feeder>) {
    let copies = ask.job.as_ref().map_or(1, |j| replays(&j.spec));
    let stream = records.stream().clone();
    let (input, feed) = if generates {
        let select = match records {
            Records::Stream(_) => None,
            Records::Selected { ranges, .. } => Some(ranges.clone()),
        };
        (Input::Generate { stream, select }, None)
    } else {
        let (count, feed): (u64, Feeder) = match records {
            Records::Stream(spec) if spec.record == RecordKind::Tables => {
                let all = Arc::new(grader::worker::materialise(spec));
                (all.len() as u64, listed_feed(all, copies))
            }
            Records::Stream(spec) => (spec.len(), generated_feed(spec.clone(), copies)),
            Records::Selected { records, .. } => (records.len() as u64, listed_feed(Arc::clone(records), copies)),
        };
        let input = Input::Feed { kind: stream.record, records: count, feeds: copies, dataset: stream.dataset };
        (input, Some(feed))
    };
    let request = RunRequest {
        id: 0,
        input,
        order: ask.order,
        keep: ask.keep,
        heap: ask.heap,
        job: ask.job.clone(),
        state_limit_bytes: ask.state_limit_bytes,
    };
    (request, feed)
}

/// How many copies of its input a job's procedure reads.
fn replays(job: &JobSpec) -> u32 {
    use grader::jobs::Procedure;
    match job.procedure {
        Procedure::Once => 1,
        Procedure::Twice | Procedure::FailThenRerun => 2,
        Procedure::DayByDay => u32::try_from(job.days.max(0)).unwrap_or(u32::MAX),
    }
}

fn generated_feed(spec: StreamSpec, copies: u32) -> Feeder {
    Box::new(move |send| {
        for _ in 0..copies {
            grader::feed::send(grader::feed::records(&spec), send)?;
        }
        Ok(())
    })
}

fn listed_feed(records: Arc<Vec<Record>>, copies: u32) -> Feeder {
    Box::new(move |send| {
        for _ in 0..copies {
            grader::feed::send(records.iter().cloned(), send)?;
        }
        Ok(())
    })
}

/// Runs a case: with a memory check, first on the stream `scale` times
/// shorter, then on the whole stream.
pub fn run_case(side: &mut Side, stream: &StreamSpec, scale: Option<u64>, ask: &Ask, clock: Clock) -> Result<Observed> {
    let generates = side.generates()?;
    let scaled = match scale {
        Some(scale) if scale > 1 => {
            let small = stream.with_events(stream.events / scale);
            let small_ask = Ask { keep: false, ..ask.clone() };
            let (request, feed) = request(&Records::Stream(small), &small_ask, generates);
            match side.run(request, feed, clock)? {
                RunEnd::Died(death) => return Ok(Observed::Died(death)),
                RunEnd::Finished(f) if !matches!(f.outcome, Outcome::Returned) => {
                    return Ok(Observed::Measured(Measured {
                        outcome: f.outcome,
                        measure: f.measure,
                        scaled: None,
                        output: None,
                    }));
                }
                RunEnd::Finished(f) => Some(f.measure),
            }
        }
        _ => None,
    };
    let (request, feed) = request(&Records::Stream(stream.clone()), ask, generates);
    Ok(match side.run(request, feed, clock)? {
        RunEnd::Died(death) => Observed::Died(death),
        RunEnd::Finished(mut f) => {
            // A DataFrame case's size is its first table's rows (what a
            // generating worker reports), not every table's rows fed.
            if stream.record == RecordKind::Tables {
                f.measure.events = stream.events;
            }
            Observed::Measured(Measured { outcome: f.outcome, measure: f.measure, scaled, output: f.output })
        }
    })
}
