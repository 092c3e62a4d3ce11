//! One side of a grading: a program and the worker that serves it, started
//! when first needed and started again after it dies.

use super::on_engine;
use crate::compile::Program;
use crate::process::confine::{Limits, Processes, Sandbox};
use crate::worker::Clock;
use crate::worker::launch;
use crate::worker::{Death, Feed, Ran, Started, Worker};
use anyhow::{Context, Result};
use harness::protocol::{Done, Form, Measure, Order, Outcome, Output, OutputSummary, RunRequest};
use harness::sink::Sink;
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
    /// Runs the current worker has served.
    served: u32,
    /// How long a worker may take to say hello.
    startup: Duration,
    /// Whether the kernel confined this side's workers.
    pub sandbox: Option<Sandbox>,
    /// Whether the kernel kept them from starting processes.
    pub processes: Option<Processes>,
    /// PySpark runs begun ahead of their turn (`submit`), by
    /// [`ahead_key`], in the order they were begun.
    ahead: Vec<(u64, Begun)>,
}

/// A run begun: ended already (and whether the engine ended under it), or
/// replied to by its worker.
enum Begun {
    Ended(RunEnd, bool),
    Replied(Box<Replied>),
}

/// A run its worker replied to, the engine's judgement of its plan maybe
/// still under way.
struct Replied {
    done: Done,
    sink: Option<Sink>,
    order: Order,
    keep: bool,
    /// Whether the worker's CPU time was read from the kernel.
    outside: bool,
    judging: Option<on_engine::Judging>,
    /// Whether the worker waits paused for the judgement.
    paused: bool,
}

/// What tells a run begun ahead from another: its request and its records.
fn ahead_key(request: &RunRequest, records: &[serde_json::Value]) -> u64 {
    let request = serde_json::to_vec(request).unwrap_or_default();
    let records = serde_json::to_vec(records).unwrap_or_default();
    harness::rng::mix64(harness::rng::fnv1a(&request) ^ harness::rng::fnv1a(&records).rotate_left(17))
}

impl Side {
    pub fn new(program: Program, limits: Limits, startup: Duration) -> Side {
        Side { program, limits, worker: None, served: 0, startup, sandbox: None, processes: None, ahead: Vec::new() }
    }

    /// Starts the worker unless it runs; the death of one that would not
    /// start. A worker that said hello before loading its solution (see
    /// `Hello::awaits_load`) is given it now, after its memory was read.
    fn ready(&mut self) -> Result<std::result::Result<&mut Worker, Death>> {
        if self.worker.as_ref().is_some_and(|w| !w.alive()) {
            self.worker = None;
        }
        if self.worker.is_none() {
            // A PySpark worker may reach one port, the engine's: it is
            // known before the worker starts, so that the first run does
            // not start a second worker for a port learned late.
            if let Program::Python { spark: Some(spark), .. } = &mut self.program
                && spark.port == 0
            {
                spark.port = on_engine::engine(spark)?.state.port;
            }
            let launch = launch::launch(&self.program, self.limits)?;
            self.served = 0;
            let mut worker = match Worker::start(&launch, self.startup)? {
                Started::Ready(w) => w,
                Started::Died(death) => return Ok(Err(death)),
            };
            self.sandbox = Some(worker.sandbox.clone());
            self.processes = Some(worker.processes);
            if worker.hello.awaits_load {
                let (source, shown_as) = source_of(&self.program)?;
                if let Err(death) = worker.load(source, shown_as, self.startup.max(RELOAD_WAIT))? {
                    return Ok(Err(death));
                }
            }
            self.worker = Some(worker);
        }
        Ok(Ok(self.worker.as_mut().expect("started above")))
    }

    /// Switches a running worker to `program`, a new text of the same
    /// solution, when the worker can load source (Python): its load error,
    /// if any, is the next run's to report. A worker that cannot, or that
    /// died, is stopped and the next run starts a fresh one.
    pub fn reload(&mut self, mut program: Program) -> Result<()> {
        // The engine's port the running worker was started with carries
        // over to the new text.
        if let (Program::Python { spark: Some(old), .. }, Program::Python { spark: Some(new), .. }) =
            (&self.program, &mut program)
        {
            new.port = old.port;
        }
        let loaded = match &program {
            Program::Python { .. } => source_of(&program).ok(),
            Program::Native { .. } => None,
        };
        let same_worker = same_worker(&self.program, &program);
        self.program = program;
        // Runs begun ahead ran the former text.
        self.ahead.clear();
        let (worker, (source, shown_as)) = match (self.worker.as_mut(), loaded) {
            (Some(w), Some(loaded)) if w.alive() && w.hello.reloads && same_worker => (w, loaded),
            _ => {
                self.stop();
                return Ok(());
            }
        };
        if worker.load(source, shown_as, RELOAD_WAIT)?.is_err() {
            self.worker = None;
        }
        Ok(())
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
    pub fn run(&mut self, request: RunRequest, feed: Option<Feed>, clock: Clock) -> Result<RunEnd> {
        if !matches!(&self.program, Program::Python { spark: Some(_), .. }) {
            let begun = self.begin(request, feed, None, clock)?;
            return Ok(self.finish(begun).0);
        }
        // A PySpark run, maybe begun ahead of its turn (`submit`). When the
        // engine ends under it for a reason that may not be this run's
        // (another submission's query took it down), the run is made again,
        // once, on a new engine: a verdict is never the engine's.
        let records = on_engine::gather(feed)?;
        let key = ahead_key(&request, &records);
        let begun = match self.ahead.iter().position(|(k, _)| *k == key) {
            Some(i) => self.ahead.remove(i).1,
            None => self.begin(request.clone(), None, Some(records.clone()), clock)?,
        };
        let (end, engine_ended) = self.finish(begun);
        if !engine_ended {
            return Ok(end);
        }
        eprintln!("{}", on_engine::AGAIN);
        let begun = self.begin(request, None, Some(records), clock)?;
        Ok(self.finish(begun).0)
    }

    /// Whether runs may begin ahead of their turn (`submit`): PySpark on
    /// dekata's own engine, which can close a session to the worker.
    pub fn judges_ahead(&self) -> bool {
        matches!(&self.program, Program::Python { spark: Some(s), .. } if s.engine.remote.is_none())
    }

    /// Begins a PySpark run ahead of its turn, so that the engine judges
    /// its plan while the worker goes on to build the next run's: `run`,
    /// asked the same on the same records, takes its result. Other runs
    /// (a memory run, a run on a cluster's engine) are left to `run`.
    pub fn submit(&mut self, request: RunRequest, feed: Option<Feed>, clock: Clock) -> Result<()> {
        if !self.judges_ahead() || request.heap {
            return Ok(());
        }
        let records = on_engine::gather(feed)?;
        let key = ahead_key(&request, &records);
        if self.ahead.iter().any(|(k, _)| *k == key) {
            return Ok(());
        }
        let mut begun = self.begin(request, None, Some(records), clock)?;
        // A run whose worker had to be paused cannot wait for its turn.
        if matches!(&begun, Begun::Replied(r) if r.paused) {
            let (end, engine_ended) = self.finish(begun);
            begun = Begun::Ended(end, engine_ended);
        }
        self.ahead.push((key, begun));
        Ok(())
    }

    /// A run up to its worker's reply: for PySpark, on the run's `records`,
    /// with the engine's judgement of the plan under way. The worker's own
    /// measures (CPU time, memory) are read here, before it runs anything
    /// else.
    fn begin(
        &mut self,
        mut request: RunRequest,
        feed: Option<Feed>,
        records: Option<Vec<serde_json::Value>>,
        clock: Clock,
    ) -> Result<Begun> {
        let (order, keep, heap) = (request.order, request.keep, request.heap);
        // A PySpark run: its tables go to a fresh session on the engine,
        // and a worker connected to another engine (one that ended) is
        // started again.
        let mut opened = None;
        if let (Program::Python { spark: Some(spark), .. }, Some(records)) = (&mut self.program, records) {
            let before = spark.port;
            let mut engine = on_engine::engine(spark)?;
            let session = match on_engine::open(engine.clone(), spark, &mut request, records.clone()) {
                Ok(session) => session,
                Err(_) => {
                    // An engine that cannot open a session is ended, and
                    // the session opened on a new one.
                    crate::spark::engine::stop(&spark.engine.dir);
                    eprintln!("{}", crate::spark::engine::RESTARTING);
                    engine = on_engine::engine(spark)?;
                    on_engine::open(engine.clone(), spark, &mut request, records)?
                }
            };
            spark.port = engine.state.port;
            opened = Some(session);
            if before != spark.port {
                self.stop();
            }
        }
        // A memory run gets a worker that has run nothing yet, measured
        // from its hello: before any of the solution's code (a Python
        // module's import included), so nothing it held or freed before
        // the call can hide what the call holds, and an allocator cannot
        // lend it what earlier runs freed.
        if heap && self.served > 0 {
            self.stop();
        }
        if let Err(death) = self.ready()? {
            return Ok(Begun::Ended(RunEnd::Died(death), false));
        }
        self.served += 1;
        let worker = self.worker.as_mut().expect("ready above");
        // A worker that is measured from outside has its CPU time read from
        // the kernel too: every process of it, and nothing the solution can
        // patch.
        let outside = worker.hello.heap_from_outside;
        let cpu_before = outside.then(|| worker.cpu_us());
        let mut sink: Option<Sink> = None;
        let mut on_items = |form, items| sink.get_or_insert_with(|| Sink::new(order, keep)).streamed(form, items);
        let mut done = match worker.run(request, feed, clock, &mut on_items)? {
            Ran::Died(death) => {
                self.worker = None;
                return Ok(Begun::Ended(RunEnd::Died(death), false));
            }
            Ran::Done(done) => done,
        };
        let worker = self.worker.as_ref().expect("it ran");
        if heap {
            let resident = worker.resident_since_hello().unwrap_or(0);
            if outside {
                done.measure.peak_heap_bytes = resident;
            } else {
                // Beside the worker's own heap meter, which memory outside
                // the heap (a static) never passes through.
                done.measure.peak_resident_bytes = Some(resident);
            }
        }
        if let Some(before) = cpu_before {
            done.measure.cpu_us = worker.cpu_us().saturating_sub(before);
        }
        let relation = match &mut done.output {
            Some(Output::Streamed { relation, .. }) => relation.take(),
            _ => None,
        };
        let (judging, paused) = match (opened, relation) {
            (Some(opened), Some(relation)) => {
                // Nothing the solution left running may touch the session
                // while its plan is judged: the engine closes it to the
                // worker, or else (a cluster's engine, which the worker
                // reaches directly and which has no seal to ask for) the
                // worker is paused until the end.
                let paused = !(self.judges_ahead() && on_engine::seal(&opened));
                if paused {
                    worker.pause(true);
                }
                let wait = clock.cpu.unwrap_or(clock.wall).min(clock.wall);
                (Some(on_engine::Judging::start(opened, relation, wait)), paused)
            }
            _ => (None, false),
        };
        Ok(Begun::Replied(Box::new(Replied { done, sink, order, keep, outside, judging, paused })))
    }

    /// A begun run's end, once the engine has judged its plan, and whether
    /// the engine ended under it.
    fn finish(&mut self, begun: Begun) -> (RunEnd, bool) {
        let Replied { mut done, mut sink, order, keep, outside, judging, paused } = match begun {
            Begun::Ended(end, engine_ended) => return (end, engine_ended),
            Begun::Replied(replied) => *replied,
        };
        if let Some(judging) = judging {
            let (judged, spent) = judging.wait();
            if paused && let Some(worker) = &self.worker {
                worker.pause(false);
            }
            let spent = spent.as_micros() as u64;
            done.measure.elapsed_us += spent;
            if !outside {
                done.measure.cpu_us += spent;
            }
            match judged {
                on_engine::Judged::Rows { rows, plan, problems } => {
                    sink.get_or_insert_with(|| Sink::new(order, keep)).streamed(Form::List, rows);
                    if let Some(Output::Streamed { plan: seen, problems: found, .. }) = &mut done.output {
                        *seen = Some(plan);
                        found.extend(problems);
                    }
                }
                on_engine::Judged::Failed(outcome) => {
                    done.outcome = outcome;
                    done.output = None;
                }
                on_engine::Judged::Died(death) => return (RunEnd::Died(death), false),
                on_engine::Judged::EngineEnded(death) => return (RunEnd::Died(death), true),
            }
        }
        let output = match done.output {
            Some(Output::Summary(summary)) => Some(summary),
            Some(Output::Streamed { plan, state, problems, .. }) => {
                let mut sink = sink.unwrap_or_else(|| Sink::new(order, keep));
                if let Some(plan) = plan {
                    sink.plan(plan);
                }
                for problem in problems {
                    sink.problem(problem);
                }
                sink.state_seen(state);
                Some(sink.finish())
            }
            None => None,
        };
        (RunEnd::Finished(Finished { outcome: done.outcome, measure: done.measure, output }), false)
    }

    /// Ends the worker at once, if one runs, so that the next run starts a
    /// fresh one (a resumable job restarting between chunks).
    pub fn restart(&mut self) {
        if let Some(w) = self.worker.take() {
            w.discard();
        }
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

/// How long a worker may take to load a new text of its solution.
const RELOAD_WAIT: Duration = Duration::from_secs(60);

/// Whether a worker started for `a` can serve `b` by loading `b`'s text:
/// the same Python runner, kata call and session. The file may differ
/// (`validate` grades a kata's own files one after another on one worker);
/// workers are only kept for one learner's or one kata's files, never
/// across learners (`grade` keeps none).
fn same_worker(a: &Program, b: &Program) -> bool {
    match (a, b) {
        (
            Program::Python { runner: r1, entry: e1, shape: s1, args: a1, spark: k1, .. },
            Program::Python { runner: r2, entry: e2, shape: s2, args: a2, spark: k2, .. },
        ) => r1 == r2 && e1 == e2 && s1 == s2 && a1 == a2 && k1 == k2,
        _ => false,
    }
}

/// The text of a Python solution and the name its frames show, for a
/// worker to load.
fn source_of(program: &Program) -> Result<(String, String)> {
    match program {
        Program::Python { solution, shown_as, .. } => {
            let source =
                std::fs::read_to_string(solution).with_context(|| format!("cannot read {}", solution.display()))?;
            Ok((source, shown_as.clone()))
        }
        Program::Native { binary, .. } => anyhow::bail!("{} is compiled: it has no source to load", binary.display()),
    }
}
