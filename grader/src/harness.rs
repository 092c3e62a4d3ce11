//! The `main` of a compiled kata harness (the child process).
//!
//! `dekata` generates a tiny binary per solution that includes the learner's
//! file and the kata's reference as modules and calls [`main`] with one
//! closure for each. The closure receives the case's [`Input`] and a
//! [`Sink`] to hand the output to, e.g.
//! `|input, out| out.map(solution::count_events(input.events()))`.
//!
//! `run SPEC RESULT` measures one side on one case; `shrink SPEC RESULT`
//! runs both sides on ever smaller inputs to find a counterexample.

use crate::compare::{grain_violation, items_equal, sort_canonical};
use crate::meter;
use crate::prelude::Event;
use crate::protocol::{
    Actual, CaseSpec, Measure, Outcome, RunReport, ShrinkReport, ShrinkTarget, Side,
};
use crate::shrink::{Budget, minimise, minimise_grouped};
use crate::sink::{Sink, to_value};
use crate::jobs::{Date, JobSpec, Stale, Table, run_range_job, utc_day};
use crate::prelude::RawRow;
use crate::streams::{EventStream, RecordKind, RowStream, StreamSpec};
use crate::tables::{self, Dataset, TableRow};
use serde_json::Value;
use std::fs::File;
use std::io::Write;
use std::os::fd::AsRawFd;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::time::Instant;

/// The records a solution is called with: generated lazily for a graded
/// run, or an explicit list while shrinking.
pub struct Input {
    source: Source,
    /// Where the records came from, to replay them (job katas run twice).
    origin: Origin,
    job: Option<JobSpec>,
    first_day: Date,
}

enum Origin {
    Generated(StreamSpec),
    Listed(Vec<Record>),
}

enum Source {
    Events(Records<Event, EventStream>),
    Rows(Records<RawRow, RowStream>),
    Tables(Tables),
}

/// The input of a DataFrame kata: every row of every table of its dataset.
pub struct Tables {
    pub dataset: Dataset,
    pub rows: Vec<TableRow>,
}

/// One input record of either kind, for shrinking and counterexamples.
#[derive(Clone)]
enum Record {
    Event(Event),
    Row(RawRow),
    Table(TableRow),
}

impl Input {
    fn generated(spec: &StreamSpec, job: Option<JobSpec>) -> Input {
        let source = match spec.record {
            RecordKind::Events => Source::Events(Records::Generated(EventStream::new(spec))),
            RecordKind::Rows => Source::Rows(Records::Generated(RowStream::new(spec))),
            RecordKind::Tables => {
                let dataset = spec.dataset.unwrap_or_else(|| panic!("{NO_DATASET}"));
                Source::Tables(Tables { dataset, rows: tables::generate(dataset, spec) })
            }
        };
        let first_day = utc_day(spec.params.start_ts);
        Input { source, origin: Origin::Generated(spec.clone()), job, first_day }
    }

    fn listed(spec: &StreamSpec, records: &[Record], job: Option<JobSpec>) -> Input {
        let mut input = Input::listed_source(spec.record, spec.dataset, records);
        input.origin = Origin::Listed(records.to_vec());
        input.job = job;
        input.first_day = utc_day(spec.params.start_ts);
        input
    }

    /// A fresh one-pass copy of the input's events.
    fn replay_events(&self) -> Box<dyn Iterator<Item = Event> + '_> {
        match &self.origin {
            Origin::Generated(spec) => Box::new(EventStream::new(spec)),
            Origin::Listed(records) => Box::new(records.iter().filter_map(|r| match r {
                Record::Event(e) => Some(e.clone()),
                Record::Row(_) | Record::Table(_) => None,
            })),
        }
    }

    /// Runs a backfill job by the case's procedure and hands the store it
    /// leaves, row by row, to the sink.
    pub fn range_job<R, F>(self, out: &mut Sink, job: F)
    where
        R: Stale + serde::Serialize,
        F: Fn(Box<dyn Iterator<Item = Event> + '_>, Date, Date, &mut Table<R>),
    {
        let Some(spec) = self.job.clone() else { panic!("{NO_JOB}") };
        let table = run_range_job(&spec, self.first_day, || self.replay_events(), job);
        for (_, rows) in table.partitions() {
            out.list(rows);
        }
    }

    /// Feeds the events to a resumable job in chunks, one per hour of event
    /// time, with a checkpoint between chunks: the state is written to JSON
    /// and read back, as if the job had stopped and restarted. `last` is
    /// true on the final chunk (an empty input is one empty, last chunk).
    pub fn chunked<S, T, F>(self, out: &mut Sink, step: F)
    where
        S: Default + serde::Serialize + serde::de::DeserializeOwned,
        T: serde::Serialize,
        F: Fn(&mut S, Box<dyn Iterator<Item = Event>>, bool) -> Vec<T>,
    {
        let mut events = self.events().peekable();
        let mut saved = checkpoint(&S::default());
        loop {
            let mut chunk = Vec::new();
            if let Some(first) = events.next() {
                let hour = first.ts.div_euclid(3_600);
                chunk.push(first);
                while let Some(e) = events.next_if(|e| e.ts.div_euclid(3_600) == hour) {
                    chunk.push(e);
                }
            }
            let last = events.peek().is_none();
            let mut state: S = serde_json::from_str(&saved)
                .unwrap_or_else(|e| panic!("the state could not be restored from its checkpoint: {e}"));
            let emitted = step(&mut state, Box::new(chunk.into_iter()), last);
            out.list(emitted);
            if last {
                break;
            }
            saved = checkpoint(&state);
        }
    }

    fn listed_source(kind: RecordKind, dataset: Option<Dataset>, records: &[Record]) -> Input {
        let source = match kind {
            RecordKind::Events => Source::Events(Records::Listed(
                records.iter().filter_map(|r| if let Record::Event(e) = r { Some(e.clone()) } else { None }).collect::<Vec<_>>().into_iter(),
            )),
            RecordKind::Rows => Source::Rows(Records::Listed(
                records.iter().filter_map(|r| if let Record::Row(x) = r { Some(x.clone()) } else { None }).collect::<Vec<_>>().into_iter(),
            )),
            RecordKind::Tables => Source::Tables(Tables {
                dataset: dataset.unwrap_or_else(|| panic!("{NO_DATASET}")),
                rows: records.iter().filter_map(|r| if let Record::Table(x) = r { Some(x.clone()) } else { None }).collect(),
            }),
        };
        Input { source, origin: Origin::Listed(Vec::new()), job: None, first_day: Date::constant(1970, 1, 1) }
    }

    /// The input as a one-pass iterator of events.
    pub fn events(self) -> Records<Event, EventStream> {
        match self.source {
            Source::Events(r) => r,
            _ => panic!("{WRONG_KIND}"),
        }
    }

    /// The input as a one-pass iterator of raw JSON rows.
    pub fn rows(self) -> Records<RawRow, RowStream> {
        match self.source {
            Source::Rows(r) => r,
            _ => panic!("{WRONG_KIND}"),
        }
    }

    /// The input as the rows of a dataset's tables.
    pub fn tables(self) -> Tables {
        match self.source {
            Source::Tables(t) => t,
            _ => panic!("{WRONG_KIND}"),
        }
    }
}

fn checkpoint<S: serde::Serialize>(state: &S) -> String {
    serde_json::to_string(state).unwrap_or_else(|e| panic!("the state could not be checkpointed as JSON: {e}"))
}

const NO_DATASET: &str = "dekata: a DataFrame kata's case names no dataset";
const NO_JOB: &str = "dekata: a job kata's case has no `job` (range and procedure)";
const WRONG_KIND: &str = "dekata: this kata's call shape reads another kind of record than its streams make";

/// A one-pass iterator of records. Solutions see only `impl Iterator`.
pub enum Records<T, G> {
    Generated(G),
    Listed(std::vec::IntoIter<T>),
}

impl<T, G: Iterator<Item = T>> Iterator for Records<T, G> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Records::Generated(s) => s.next(),
            Records::Listed(s) => s.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Records::Generated(s) => s.size_hint(),
            Records::Listed(s) => s.size_hint(),
        }
    }
}

fn materialise(spec: &StreamSpec) -> Vec<Record> {
    match spec.record {
        RecordKind::Events => EventStream::new(spec).map(Record::Event).collect(),
        RecordKind::Rows => RowStream::new(spec).map(Record::Row).collect(),
        RecordKind::Tables => {
            tables::generate(spec.dataset.unwrap_or_else(|| panic!("{NO_DATASET}")), spec).into_iter().map(Record::Table).collect()
        }
    }
}

fn record_value(r: &Record) -> Value {
    match r {
        Record::Event(e) => to_value(e),
        Record::Row(x) => Value::Object(x.clone()),
        Record::Table(t) => t.to_value(),
    }
}

static LAST_PANIC: Mutex<Option<(String, String)>> = Mutex::new(None);

/// Which of the solutions compiled into a many-solution harness the
/// learner's side calls (the optional last argument), e.g. a mutant's name.
pub fn variant() -> Option<String> {
    std::env::args().nth(4)
}

const USAGE: &str = "usage: <harness> run|shrink SPEC.json RESULT.json [VARIANT]\n\
This program is started by `dekata check`; it is not meant to be run by hand.";

/// The harness entry point. Exits 0 after writing its result; exits 3 when
/// it was started wrongly.
pub fn main<L, R>(learner: L, reference: R)
where
    L: Fn(Input, &mut Sink),
    R: Fn(Input, &mut Sink),
{
    let args: Vec<String> = std::env::args().collect();
    let (mode, spec_path, result_path) = match args.as_slice() {
        [_, mode, spec, result] | [_, mode, spec, result, _] => (mode.as_str(), spec, result),
        _ => fail(USAGE),
    };
    let spec: CaseSpec = match std::fs::read(spec_path).map(|b| serde_json::from_slice(&b)) {
        Ok(Ok(spec)) => spec,
        Ok(Err(e)) => fail(&format!("cannot parse the case spec {spec_path}: {e}")),
        Err(e) => fail(&format!("cannot read the case spec {spec_path}: {e}")),
    };
    let mut result = match File::create(result_path) {
        Ok(f) => f,
        Err(e) => fail(&format!("cannot create the result file {result_path}: {e}")),
    };
    meter::report_oom_to(result.as_raw_fd());
    std::panic::set_hook(Box::new(record_panic));

    let json = match mode {
        "run" => {
            let side: &dyn Fn(Input, &mut Sink) = match spec.side {
                Side::Learner => &learner,
                Side::Reference => &reference,
            };
            serde_json::to_vec(&run(&spec, side))
        }
        "shrink" => serde_json::to_vec(&shrink(&spec, &learner, &reference)),
        _ => fail(USAGE),
    };
    let json = json.unwrap_or_else(|e| fail(&format!("cannot encode the result: {e}")));
    if let Err(e) = result.write_all(&json).and_then(|()| result.sync_data()) {
        fail(&format!("cannot write the result file {result_path}: {e}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("dekata harness: {message}");
    std::process::exit(3);
}

fn record_panic(info: &std::panic::PanicHookInfo<'_>) {
    let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = info.payload().downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-text payload".to_string()
    };
    let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
    if let Ok(mut last) = LAST_PANIC.lock() {
        *last = Some((message, location));
    }
}

fn take_panic() -> (String, String) {
    LAST_PANIC
        .lock()
        .ok()
        .and_then(|mut p| p.take())
        .unwrap_or_else(|| ("a panic without a message".to_string(), String::new()))
}

/// Calls one side on a fresh stream and measures time and peak heap.
fn measure(
    side: &dyn Fn(Input, &mut Sink),
    stream: &StreamSpec,
    job: Option<&JobSpec>,
    sink: &mut Sink,
) -> (Outcome, Measure) {
    let input = Input::generated(stream, job.cloned());
    let baseline = meter::reset_peak();
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| side(input, sink)));
    let elapsed = started.elapsed();
    let peak = meter::peak().saturating_sub(baseline);
    let outcome = match result {
        Ok(()) => Outcome::Returned,
        Err(_) => {
            let (message, location) = take_panic();
            Outcome::Panicked { message, location }
        }
    };
    let measure = Measure {
        events: stream.len(),
        elapsed_us: u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
        peak_heap_bytes: peak as u64,
    };
    (outcome, measure)
}

fn run(spec: &CaseSpec, side: &dyn Fn(Input, &mut Sink)) -> RunReport {
    let scaled_down = match spec.scale {
        Some(scale) if scale > 1 => {
            let small = spec.stream.with_events(spec.stream.events / scale);
            let mut sink = Sink::new(spec.compare.order, false);
            let (outcome, measure) = measure(side, &small, spec.job.as_ref(), &mut sink);
            if let Outcome::Panicked { .. } = outcome {
                return RunReport { outcome, measure, scaled_down: None, output: None };
            }
            Some(measure)
        }
        _ => None,
    };
    let mut sink = Sink::new(spec.compare.order, spec.keep_output);
    let (outcome, measure) = measure(side, &spec.stream, spec.job.as_ref(), &mut sink);
    let output = matches!(outcome, Outcome::Returned).then(|| sink.finish());
    RunReport { outcome, measure, scaled_down, output }
}

/// What one side produced on an explicit list of records.
enum Produced {
    Items(Vec<Value>),
    Panicked(String),
}

fn produce(side: &dyn Fn(Input, &mut Sink), records: &[Record], spec: &CaseSpec) -> Produced {
    let mut sink = Sink::new(spec.compare.order, true);
    let input = Input::listed(&spec.stream, records, spec.job.clone());
    match catch_unwind(AssertUnwindSafe(|| side(input, &mut sink))) {
        Ok(()) => {
            let mut items = sink.finish().kept.unwrap_or_default();
            sort_canonical(&mut items, spec.compare.order, spec.compare.float_tolerance);
            Produced::Items(items)
        }
        Err(_) => Produced::Panicked(take_panic().0),
    }
}

fn shrink(spec: &CaseSpec, learner: &dyn Fn(Input, &mut Sink), reference: &dyn Fn(Input, &mut Sink)) -> ShrinkReport {
    let target = spec.shrink_target.unwrap_or(ShrinkTarget::WrongAnswer);
    let all = materialise(&spec.stream);
    let original_records = all.len() as u64;
    let fails = |records: &[Record]| -> bool {
        match (target, produce(learner, records, spec)) {
            (ShrinkTarget::Panic, learned) => matches!(learned, Produced::Panicked(_)),
            (ShrinkTarget::WrongAnswer, Produced::Panicked(_)) => true,
            (ShrinkTarget::WrongAnswer, Produced::Items(actual)) => match produce(reference, records, spec) {
                Produced::Items(expected) => {
                    !items_equal(&expected, &actual, spec.compare.float_tolerance)
                        || grain_violation(&actual, &spec.compare.grain).is_some()
                }
                Produced::Panicked(_) => false,
            },
        }
    };
    if !fails(&all) {
        return ShrinkReport {
            reproduced: false,
            original_records,
            counterexample: Vec::new(),
            expected: Vec::new(),
            actual: Actual::Output { items: Vec::new() },
            grain_violation: None,
            tests_run: 1,
        };
    }
    let shrunk = match spec.stream.dataset {
        // DataFrame runs cost milliseconds each: search whole keys first.
        Some(dataset) => {
            let column = dataset.key_column();
            let key = |r: &Record| match r {
                Record::Table(t) => t.row.get(column).map(Value::to_string).unwrap_or_default(),
                _ => String::new(),
            };
            minimise_grouped(all, key, fails, Budget { max_time: std::time::Duration::from_secs(15), ..Budget::default() })
        }
        None => minimise(all, fails, Budget::default()),
    };
    let expected = match produce(reference, &shrunk.input, spec) {
        Produced::Items(items) => items,
        Produced::Panicked(_) => Vec::new(),
    };
    let (actual, grain) = match produce(learner, &shrunk.input, spec) {
        Produced::Items(items) => {
            let grain = grain_violation(&items, &spec.compare.grain);
            (Actual::Output { items }, grain)
        }
        Produced::Panicked(message) => (Actual::Panicked { message }, None),
    };
    ShrinkReport {
        reproduced: true,
        original_records,
        counterexample: shrunk.input.iter().map(record_value).collect(),
        expected,
        actual,
        grain_violation: grain,
        tests_run: shrunk.tests_run + 1,
    }
}
