//! The records a solution is called with, and the call shapes that feed
//! them: a one-pass iterator, a backfill job run by a procedure, hourly
//! chunks with a checkpoint between them, or a dataset's tables.
//!
//! A generated glue calls the learner's function from a closure that gets an
//! [`Input`] and a [`Sink`], e.g.
//! `|input, out| out.map(solution::count_events(input.events()))`.

use crate::jobs::{Date, JobSpec, Stale, Table, run_range_job};
use crate::prelude::{Event, RawRow};
use crate::protocol::Resume;
pub use crate::record::Record;
use crate::sink::Sink;
use crate::streams::{EventStream, RecordKind, RowStream, StreamSpec};
use crate::tables::{self, Dataset, TableRow};
use serde_json::Value;

/// The records of one call: a stream generated lazily, or an explicit list
/// (a selection of a stream while shrinking).
pub struct Input {
    source: Source,
    /// Where the records came from, to replay them (job katas run twice).
    origin: Origin,
    job: Option<(JobSpec, Date)>,
    /// Resumable katas: the input is one chunk of a restarted job.
    resume: Option<Resume>,
    /// The entry function's arguments after the input.
    args: Vec<Value>,
}

enum Origin {
    Generated(StreamSpec),
    Listed(Vec<Record>),
}

enum Source {
    Events(Records<Event, EventStream>),
    /// A merge kata's input: the stream split into sorted partitions before
    /// the call (their memory is not the solution's).
    Streams(Vec<Vec<Event>>),
    Rows(Records<RawRow, RowStream>),
    Tables(Tables),
}

/// The input of a DataFrame kata: every row of every table of its dataset.
pub struct Tables {
    pub dataset: Dataset,
    pub rows: Vec<TableRow>,
}

impl Input {
    /// The whole stream, generated lazily.
    pub fn generated(spec: &StreamSpec, job: Option<(JobSpec, Date)>) -> Input {
        let source = match spec.record {
            RecordKind::Events if spec.params.partitions > 0 => {
                Source::Streams(crate::partitions::split(EventStream::new(spec), spec.params.partitions))
            }
            RecordKind::Events => Source::Events(Records::Generated(EventStream::new(spec))),
            RecordKind::Rows => Source::Rows(Records::Generated(RowStream::new(spec))),
            RecordKind::Tables => {
                let dataset = spec.dataset.unwrap_or_else(|| panic!("{NO_DATASET}"));
                Source::Tables(Tables { dataset, rows: tables::generate(dataset, spec) })
            }
        };
        Input { source, origin: Origin::Generated(spec.clone()), job, resume: None, args: Vec::new() }
    }

    /// An explicit list of records of the stream described by `spec`.
    pub fn listed(spec: &StreamSpec, records: Vec<Record>, job: Option<(JobSpec, Date)>) -> Input {
        let source = match spec.record {
            RecordKind::Events if spec.params.partitions > 0 => {
                Source::Streams(crate::partitions::split(events_of(&records).into_iter(), spec.params.partitions))
            }
            RecordKind::Events => Source::Events(Records::Listed(events_of(&records).into_iter())),
            RecordKind::Rows => Source::Rows(Records::Listed(
                records
                    .iter()
                    .filter_map(|r| if let Record::Row(x) = r { Some(x.clone()) } else { None })
                    .collect::<Vec<_>>()
                    .into_iter(),
            )),
            RecordKind::Tables => Source::Tables(Tables {
                dataset: spec.dataset.unwrap_or_else(|| panic!("{NO_DATASET}")),
                rows: records
                    .iter()
                    .filter_map(|r| if let Record::Table(x) = r { Some(x.clone()) } else { None })
                    .collect(),
            }),
        };
        Input { source, origin: Origin::Listed(records), job, resume: None, args: Vec::new() }
    }

    /// The input as one chunk of a resumable job that restarts between
    /// chunks (see [`Input::chunked`]).
    pub fn resuming(mut self, resume: Option<Resume>) -> Input {
        self.resume = resume;
        self
    }

    /// The run's arguments after the input (see [`Input::arg`]).
    pub fn with_args(mut self, args: Vec<Value>) -> Input {
        self.args = args;
        self
    }

    /// The `i`th argument of the entry function after its input, as the
    /// type the function takes (the generated glue asks for each).
    pub fn arg<T: serde::de::DeserializeOwned>(&self, i: usize) -> T {
        let value = self.args.get(i).unwrap_or_else(|| panic!("dekata: the run has no argument {i}"));
        serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("dekata: argument {i} ({value}) does not fit the entry function: {e}"))
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
        let Some((spec, first_day)) = self.job.clone() else { panic!("{NO_JOB}") };
        let table = run_range_job(&spec, first_day, || self.replay_events(), job);
        for (_, rows) in table.partitions() {
            out.list(rows);
        }
    }

    /// Feeds the events to a resumable job in chunks, one per hour of event
    /// time, with a checkpoint between chunks: the state is written to JSON
    /// and read back, as if the job had stopped and restarted. `last` is
    /// true on the final chunk (an empty input is one empty, last chunk).
    /// The sizes of the checkpoints go to the sink: a state that grows with
    /// the stream shows there.
    ///
    /// Graded runs send one chunk at a time, each to a fresh worker (see
    /// [`Input::resuming`]): the solution is called once, on the whole
    /// input, from the checkpoint it is given, and its new checkpoint goes
    /// back in the sink. Nothing but the checkpoint outlives the chunk.
    pub fn chunked<S, T, F>(mut self, out: &mut Sink, step: F)
    where
        S: Default + serde::Serialize + serde::de::DeserializeOwned,
        T: serde::Serialize,
        F: Fn(&mut S, Box<dyn Iterator<Item = Event>>, bool) -> Vec<T>,
    {
        if let Some(resume) = self.resume.take() {
            let mut state: S = match &resume.state {
                Some(saved) => serde_json::from_str(saved)
                    .unwrap_or_else(|e| panic!("the state could not be restored from its checkpoint: {e}")),
                None => S::default(),
            };
            let emitted = step(&mut state, Box::new(self.events()), resume.last);
            out.list(emitted);
            if !resume.last {
                out.saved(checkpoint(&state));
            }
            return;
        }
        let mut events = self.events().peekable();
        let mut saved = checkpoint(&S::default());
        let mut seen = 0u64;
        loop {
            let mut chunk = Vec::new();
            if let Some(first) = events.next() {
                let hour = crate::chunks::chunk_of(first.ts);
                chunk.push(first);
                while let Some(e) = events.next_if(|e| crate::chunks::chunk_of(e.ts) == hour) {
                    chunk.push(e);
                }
            }
            seen += chunk.len() as u64;
            let last = events.peek().is_none();
            let mut state: S = serde_json::from_str(&saved)
                .unwrap_or_else(|e| panic!("the state could not be restored from its checkpoint: {e}"));
            drop(saved);
            let emitted = step(&mut state, Box::new(chunk.into_iter()), last);
            out.list(emitted);
            if last {
                break;
            }
            saved = checkpoint(&state);
            if !out.checkpoint(saved.len() as u64, seen) {
                // The state outgrew what the case allows: checkpointing it
                // again and again would only take quadratic time.
                break;
            }
        }
    }

    /// The input as a one-pass iterator of events.
    pub fn events(self) -> Records<Event, EventStream> {
        match self.source {
            Source::Events(r) => r,
            _ => panic!("{WRONG_KIND}"),
        }
    }

    /// The input as sorted streams, one per partition
    /// ([`crate::partitions`]), each read lazily.
    pub fn streams(self) -> Vec<crate::prelude::Partition> {
        match self.source {
            Source::Streams(parts) => {
                parts.into_iter().map(|p| Box::new(p.into_iter()) as crate::prelude::Partition).collect()
            }
            Source::Events(records) => vec![Box::new(records)],
            _ => panic!("{WRONG_KIND}"),
        }
    }

    /// The input as a source read in passes (see [`crate::prelude::Source`]):
    /// each pass replays the whole input; the first argument after the
    /// source is the budget of passes.
    pub fn source(self) -> crate::prelude::Source {
        let budget: u64 = self.arg(0);
        let open: Box<dyn FnMut() -> crate::prelude::Pass> = match self.origin {
            Origin::Generated(spec) => Box::new(move || Box::new(EventStream::new(&spec))),
            Origin::Listed(records) => {
                let events = std::sync::Arc::new(events_of(&records));
                Box::new(move || {
                    let events = std::sync::Arc::clone(&events);
                    Box::new((0..events.len()).map(move |i| events[i].clone()))
                })
            }
        };
        crate::prelude::Source::new(budget, open)
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

fn events_of(records: &[Record]) -> Vec<Event> {
    records.iter().filter_map(|r| if let Record::Event(e) = r { Some(e.clone()) } else { None }).collect()
}

fn checkpoint<S: serde::Serialize>(state: &S) -> String {
    serde_json::to_string(state).unwrap_or_else(|e| panic!("the state could not be checkpointed as JSON: {e}"))
}

/// The first `n` records of a stream, generated lazily (the tables of a
/// dataset are made whole).
pub fn prefix(spec: &StreamSpec, n: u64) -> Vec<Record> {
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    match spec.record {
        RecordKind::Events => EventStream::new(spec).take(n).map(Record::Event).collect(),
        RecordKind::Rows => RowStream::new(spec).take(n).map(Record::Row).collect(),
        RecordKind::Tables => materialise(spec),
    }
}

/// Every record of a stream, in order (for selections while shrinking).
pub fn materialise(spec: &StreamSpec) -> Vec<Record> {
    match spec.record {
        RecordKind::Events => EventStream::new(spec).map(Record::Event).collect(),
        RecordKind::Rows => RowStream::new(spec).map(Record::Row).collect(),
        RecordKind::Tables => tables::generate(spec.dataset.unwrap_or_else(|| panic!("{NO_DATASET}")), spec)
            .into_iter()
            .map(Record::Table)
            .collect(),
    }
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

#[cfg(test)]
mod prefix_tests {
    use super::*;

    #[test]
    fn a_prefix_is_the_start_of_the_whole_stream() {
        for families in [vec![crate::streams::Family::Clean], vec![crate::streams::Family::Shuffled]] {
            let spec = StreamSpec {
                record: RecordKind::Events,
                seed: 7,
                events: 500,
                families,
                params: Default::default(),
                dataset: None,
            };
            assert_eq!(prefix(&spec, 120), materialise(&spec)[..120].to_vec());
        }
    }
}
