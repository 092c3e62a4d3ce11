//! One case on one side: the request (the stream the worker generates, or
//! the records the parent feeds it), the memory case's shorter run first,
//! and the result as measured.

use super::side::{Finished, RunEnd, Side};
use crate::results::{Measured, Observed};
use crate::worker::Clock;
use crate::worker::{Feed, Feeder};
use anyhow::Result;
use harness::protocol::{Input, JobRun, Measure, Order, Outcome, Resume, RunRequest};
use harness::rust_worker::Record;
use harness::sink::Sink;
use harness::streams::{RecordKind, StreamSpec};
use std::sync::Arc;

/// What a run is asked, beside its input.
#[derive(Clone, Debug)]
pub struct Ask {
    pub order: Order,
    pub keep: bool,
    pub heap: bool,
    pub job: Option<JobRun>,
    pub state_limit_bytes: Option<u64>,
    /// Resumable katas: run one chunk at a time, each on a fresh worker.
    pub resumable: bool,
    /// Resumable katas run whole (a memory case): the worker reads the
    /// input chunk by chunk, so a feed marks where each chunk ends.
    pub worker_chunks: bool,
    /// The entry function's arguments after its input.
    pub args: Vec<serde_json::Value>,
    /// A source read in passes: its budget, the copies a fed worker gets.
    pub passes: Option<u32>,
    /// The input is split into sorted streams that a fed worker pulls from
    /// (the merge katas).
    pub pulled: bool,
}

impl Ask {
    /// As a counterexample's runs ask it: every item kept, nothing measured
    /// (the shrink's candidates, and the rule mutants run on its result).
    pub fn for_counterexample(&self) -> Ask {
        Ask { keep: true, heap: false, state_limit_bytes: None, ..self.clone() }
    }
}

/// The records of a run: the whole stream, or some of its records (by
/// index, with the records themselves for workers that are fed).
#[derive(Clone)]
pub enum Records {
    Stream(StreamSpec),
    Selected {
        stream: StreamSpec,
        ranges: Vec<[u64; 2]>,
        records: Arc<Vec<Record>>,
    },
    /// Records given whole (a reviewer's input), of the kind `stream` says.
    Given {
        stream: StreamSpec,
        records: Arc<Vec<Record>>,
    },
}

impl Records {
    fn stream(&self) -> &StreamSpec {
        match self {
            Records::Stream(s) | Records::Selected { stream: s, .. } | Records::Given { stream: s, .. } => s,
        }
    }
}

/// The request for one run, and the feed to send after it when the worker
/// does not generate its input. A fed job's request carries the calls its
/// procedure makes, one per copy of the input fed.
pub fn request(records: &Records, ask: &Ask, generates: bool) -> (RunRequest, Option<Feed>) {
    let stream = records.stream().clone();
    let mut job = ask.job.clone();
    let (input, feed) = if generates {
        match records {
            Records::Stream(_) => (Input::Generate { stream, select: None }, None),
            Records::Selected { ranges, .. } => (Input::Generate { stream, select: Some(ranges.clone()) }, None),
            Records::Given { records, .. } => {
                (Input::Given { stream, records: records.iter().map(Record::to_value).collect() }, None)
            }
        }
    } else if ask.pulled {
        let events = match records {
            Records::Stream(spec) => harness::rust_worker::materialise(spec),
            Records::Selected { records, .. } | Records::Given { records, .. } => records.to_vec(),
        };
        let count = events.len() as u64;
        let parts = harness::partitions::split(
            events.into_iter().filter_map(|r| if let Record::Event(e) = r { Some(e) } else { None }),
            stream.params.partitions,
        );
        let streams = u32::try_from(parts.len()).unwrap_or(u32::MAX);
        let input = Input::Pull { kind: stream.record, records: count, streams };
        (input, Some(Feed::Pull(Box::new(harness::feed::puller(parts)))))
    } else {
        // Every copy a fed job reads ends as a generating worker's does.
        let tail = Arc::new(ask.job.as_ref().map(redelivered).unwrap_or_default());
        let listed = match records {
            Records::Stream(spec) if spec.record == RecordKind::Tables => {
                Some(Arc::new(harness::rust_worker::materialise(spec)))
            }
            Records::Stream(_) => None,
            Records::Selected { records, .. } | Records::Given { records, .. } => Some(Arc::clone(records)),
        };
        let count = listed.as_ref().map_or(stream.len(), |all| all.len() as u64) + tail.len() as u64;
        let copies = match &mut job {
            Some(run) => {
                run.calls = harness::jobs::calls(&run.spec, run.first_day, || count);
                u32::try_from(run.calls.len()).unwrap_or(u32::MAX)
            }
            None => ask.passes.unwrap_or(1),
        };
        let feeding = Feeding { copies, tail, cuts: ask.worker_chunks };
        let feed = match listed {
            Some(all) => listed_feed(all, feeding),
            None => generated_feed(stream.clone(), feeding),
        };
        let input = Input::Feed { kind: stream.record, records: count, feeds: copies, dataset: stream.dataset };
        (input, Some(Feed::Push(feed)))
    };
    let request = RunRequest {
        id: 0,
        input,
        order: ask.order,
        keep: ask.keep,
        heap: ask.heap,
        job,
        state_limit_bytes: ask.state_limit_bytes,
        resume: None,
        args: ask.args.clone(),
        spark: None,
    };
    (request, feed)
}

/// How a fed worker's input is sent: how many copies, the records every
/// copy ends with, and whether chunks are marked.
struct Feeding {
    copies: u32,
    tail: Arc<Vec<Record>>,
    cuts: bool,
}

impl Feeding {
    fn send(
        &self,
        records: impl Iterator<Item = Record>,
        send: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let records = records.chain(self.tail.iter().cloned());
        if self.cuts { harness::feed::send_chunked(records, send) } else { harness::feed::send(records, send) }
    }
}

/// The records a job's input ends with (the stale rows delivered again,
/// [`harness::jobs::redeliveries`]): a generating worker appends them
/// itself, a fed one reads them at the end of every copy.
fn redelivered(job: &JobRun) -> Vec<Record> {
    let (start, end) = harness::jobs::range_of(&job.spec, job.first_day);
    harness::jobs::redeliveries(&job.spec, start, end).into_iter().map(Record::Event).collect()
}

fn generated_feed(spec: StreamSpec, feeding: Feeding) -> Feeder {
    Box::new(move |send| {
        for _ in 0..feeding.copies {
            feeding.send(harness::feed::records(&spec), send)?;
        }
        Ok(())
    })
}

fn listed_feed(records: Arc<Vec<Record>>, feeding: Feeding) -> Feeder {
    Box::new(move |send| {
        for _ in 0..feeding.copies {
            feeding.send(records.iter().cloned(), send)?;
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
            match run_records(side, &Records::Stream(small), &small_ask, generates, clock)? {
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
    Ok(match run_records(side, &Records::Stream(stream.clone()), ask, generates, clock)? {
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

/// One run of `records`: one request, or for a resumable job one request
/// per chunk.
pub fn run_records(side: &mut Side, records: &Records, ask: &Ask, generates: bool, clock: Clock) -> Result<RunEnd> {
    if ask.resumable {
        return run_chunked(side, records, ask, clock);
    }
    let (request, feed) = request(records, ask, generates);
    side.run(request, feed, clock)
}

/// A resumable job, as a job that restarts between chunks: the events
/// split into hours of event time, each hour run on a fresh worker from the
/// checkpoint the previous one left, so that nothing but the checkpoint
/// (no global, no static) carries over. Outputs are joined, measures added
/// up, and the checkpoints' sizes noted as a worker notes them.
fn run_chunked(side: &mut Side, records: &Records, ask: &Ask, clock: Clock) -> Result<RunEnd> {
    let (stream, events) = indexed_events(records);
    let chunks = hourly_chunks(&events);
    let mut sink = Sink::new(ask.order, ask.keep);
    sink.limit_state(ask.state_limit_bytes);
    let mut measure = Measure::default();
    let mut state: Option<String> = None;
    let mut read = 0u64;
    for (i, chunk) in chunks.iter().enumerate() {
        let last = i + 1 == chunks.len();
        side.restart();
        let generates = side.generates()?;
        let picked: Vec<Record> = chunk.iter().map(|(_, r)| r.clone()).collect();
        let indices: Vec<u64> = chunk.iter().map(|(i, _)| *i).collect();
        let selected =
            Records::Selected { stream: stream.clone(), ranges: ranges(&indices), records: Arc::new(picked) };
        let chunk_ask = Ask { keep: true, resumable: false, worker_chunks: false, ..ask.clone() };
        let (mut request, feed) = request(&selected, &chunk_ask, generates);
        request.resume = Some(Resume { state: state.take(), last });
        let finished = match side.run(request, feed, clock)? {
            RunEnd::Died(death) => return Ok(RunEnd::Died(death)),
            RunEnd::Finished(f) => f,
        };
        measure.elapsed_us += finished.measure.elapsed_us;
        measure.cpu_us += finished.measure.cpu_us;
        measure.peak_heap_bytes = measure.peak_heap_bytes.max(finished.measure.peak_heap_bytes);
        read += chunk.len() as u64;
        measure.events = read;
        if !matches!(finished.outcome, Outcome::Returned) {
            return Ok(RunEnd::Finished(Finished { outcome: finished.outcome, measure, output: None }));
        }
        let output = finished.output.unwrap_or_else(|| Sink::new(ask.order, true).finish());
        for item in output.kept.unwrap_or_default() {
            sink.push(item);
        }
        if last {
            break;
        }
        let saved = output.state.saved.unwrap_or_default();
        if !sink.checkpoint(saved.len() as u64, read) {
            break;
        }
        state = Some(saved);
    }
    side.restart();
    Ok(RunEnd::Finished(Finished { outcome: Outcome::Returned, measure, output: Some(sink.finish()) }))
}

/// The events of a run with their indices in the case's stream.
fn indexed_events(records: &Records) -> (StreamSpec, Vec<(u64, Record)>) {
    match records {
        Records::Stream(spec) => (
            spec.clone(),
            harness::rust_worker::materialise(spec).into_iter().enumerate().map(|(i, r)| (i as u64, r)).collect(),
        ),
        Records::Given { stream, records } => {
            (stream.clone(), records.iter().cloned().enumerate().map(|(i, r)| (i as u64, r)).collect())
        }
        Records::Selected { stream, ranges, records } => {
            let indices = ranges.iter().flat_map(|[a, b]| *a..*b);
            let listed: Vec<Record> = if records.is_empty() && ranges.iter().any(|[a, b]| b > a) {
                let all = harness::rust_worker::materialise(stream);
                ranges.iter().flat_map(|[a, b]| all[*a as usize..(*b as usize).min(all.len())].to_vec()).collect()
            } else {
                records.to_vec()
            };
            (stream.clone(), indices.zip(listed).collect())
        }
    }
}

/// Consecutive events of one chunk of event time ([`harness::chunks`]), as
/// a worker that chunks its input groups them; an empty input is one empty
/// chunk.
fn hourly_chunks(events: &[(u64, Record)]) -> Vec<Vec<(u64, Record)>> {
    let chunk_of = Record::chunk;
    let mut chunks: Vec<Vec<(u64, Record)>> = Vec::new();
    for (i, record) in events {
        match chunks.last_mut() {
            Some(chunk) if chunk.last().is_some_and(|(_, r)| chunk_of(r) == chunk_of(record)) => {
                chunk.push((*i, record.clone()))
            }
            _ => chunks.push(vec![(*i, record.clone())]),
        }
    }
    if chunks.is_empty() {
        chunks.push(Vec::new());
    }
    chunks
}

/// Ascending indices as half-open ranges.
pub fn ranges(indices: &[u64]) -> Vec<[u64; 2]> {
    let mut out: Vec<[u64; 2]> = Vec::new();
    for &i in indices {
        match out.last_mut() {
            Some(last) if last[1] == i => last[1] = i + 1,
            _ => out.push([i, i + 1]),
        }
    }
    out
}
