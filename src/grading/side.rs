//! One side of a grading: a program and the worker that serves it, started
//! when first needed and started again after it dies.

use crate::compile::Program;
use crate::worker::confine::{Limits, Sandbox};
use crate::worker::{Death, Feeder, Ran, Started, Worker, launch};
use anyhow::Result;
use grader::protocol::{Measure, Outcome, Output, OutputSummary, RunRequest};
use grader::sink::Sink;
use std::time::Duration;

/// How one run of a solution ended, its output summarised.
#[derive(Clone, Debug)]
pub enum RunEnd {
    Finished(Finished),
    Died(Death),
}

/// A run that reported back.
#[derive(Clone, Debug)]
pub struct Finished {
    pub outcome: Outcome,
    pub measure: Measure,
    pub output: Option<OutputSummary>,
}

pub struct Side {
    program: Program,
    limits: Limits,
    worker: Option<Worker>,
    /// How long a worker may take to say hello.
    startup: Duration,
    /// Whether the kernel confined this side's workers.
    pub sandbox: Option<Sandbox>,
}

impl Side {
    pub fn new(program: Program, limits: Limits, startup: Duration) -> Side {
        Side { program, limits, worker: None, startup, sandbox: None }
    }

    /// Starts the worker unless it runs; the death of one that would not
    /// start.
    fn ready(&mut self) -> Result<std::result::Result<&mut Worker, Death>> {
        if self.worker.as_ref().is_some_and(|w| !w.alive()) {
            self.worker = None;
        }
        if self.worker.is_none() {
            let launch = launch::launch(&self.program, self.limits)?;
            match Worker::start(&launch, self.startup)? {
                Started::Ready(w) => {
                    self.sandbox = Some(w.sandbox.clone());
                    self.worker = Some(w);
                }
                Started::Died(death) => return Ok(Err(death)),
            }
        }
        Ok(Ok(self.worker.as_mut().expect("started above")))
    }

    /// The solution could not be loaded (a Python syntax error): why.
    pub fn load_error(&mut self) -> Result<Option<String>> {
        Ok(match self.ready()? {
            Ok(w) => w.hello.load_error.clone(),
            Err(_) => None,
        })
    }

    /// The language the worker speaks, once started.
    pub fn generates(&mut self) -> Result<bool> {
        Ok(match self.ready()? {
            Ok(w) => w.hello.generates,
            Err(_) => false,
        })
    }

    /// One run; streamed output is summarised here, as the worker's own
    /// sink would have.
    pub fn run(&mut self, request: RunRequest, feed: Option<Feeder>, wall: Duration) -> Result<RunEnd> {
        let (order, keep) = (request.order, request.keep);
        let worker = match self.ready()? {
            Ok(w) => w,
            Err(death) => return Ok(RunEnd::Died(death)),
        };
        let mut sink: Option<Sink> = None;
        let mut on_items = |form, items| sink.get_or_insert_with(|| Sink::new(order, keep)).streamed(form, items);
        let ran = worker.run(request, feed, wall, &mut on_items)?;
        Ok(match ran {
            Ran::Died(death) => {
                self.worker = None;
                RunEnd::Died(death)
            }
            Ran::Done(done) => {
                let output = match done.output {
                    Some(Output::Summary(summary)) => Some(summary),
                    Some(Output::Streamed { plan }) => {
                        let mut sink = sink.unwrap_or_else(|| Sink::new(order, keep));
                        if let Some(plan) = plan {
                            sink.plan(plan);
                        }
                        Some(sink.finish())
                    }
                    None => None,
                };
                RunEnd::Finished(Finished { outcome: done.outcome, measure: done.measure, output })
            }
        })
    }

    /// Stops the worker, if one runs.
    pub fn stop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.quit();
        }
    }
}

impl Drop for Side {
    fn drop(&mut self) {
        self.stop();
    }
}
