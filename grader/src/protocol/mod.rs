//! The worker protocol: what `dekata` and a worker process say to each other.
//!
//! A worker runs one side of a kata (a learner's solution, or the kata's
//! reference) and nothing else. It is started with two extra file
//! descriptors: it reads requests on [`REQUEST_FD`] and writes replies on
//! [`REPLY_FD`], one JSON document per line. Standard output and standard
//! error belong to the solution: `dekata` drains them into a bounded buffer
//! and never reads a result from them.
//!
//! 1. The worker says [`Reply::Hello`] first: its language, whether it
//!    generates streams itself, and whether the solution loaded.
//! 2. The parent sends [`Request::Run`]s, one at a time. A run is one call
//!    of the solution on one input:
//!    - [`Input::Generate`]: the worker makes the stream from its
//!      [`StreamSpec`] (workers that link the generator; the fast path), or
//!      only the records at the given indices of it (shrinking);
//!    - [`Input::Feed`]: the parent sends the records right after the
//!      request, as [`FeedLine`]s (workers in other languages).
//! 3. The worker answers each run with [`Reply::Done`], after any number of
//!    [`Reply::Items`] batches when it leaves summarising its output to the
//!    parent (see [`Output`]).
//!
//! If an allocation fails, the Rust worker writes [`Reply::OutOfMemory`]
//! without allocating, and dies. When dekata's own worker code cannot serve
//! (its channel, its sandbox, its engine failed it), the worker writes
//! [`Reply::Broken`] if its reply channel is open, and exits with
//! [`EXIT_WORKER_BROKEN`]. Any other end of the process before `Done` is
//! judged from its exit status.

mod plan;

pub use plan::{JoinSeen, PlanReport, RepartitionSeen, SettingChanged};

use crate::jobs::{Date, JobCall, JobSpec};
use crate::streams::{RecordKind, StreamSpec};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Bumped when a message changes shape.
pub const PROTOCOL_VERSION: u32 = 1;
/// The worker reads requests here.
pub const REQUEST_FD: i32 = 3;
/// The worker writes replies here.
pub const REPLY_FD: i32 = 4;
/// The status a Python worker ends with after it said
/// [`Reply::OutOfMemory`] (a Rust worker aborts). dekata judges the reply,
/// not the status.
pub const EXIT_OUT_OF_MEMORY: i32 = 70;
/// The exit status of a worker whose own code could not serve, after its
/// [`Reply::Broken`] (the Python worker's `EXIT_WORKER_BROKEN` is the same
/// number). The parent judges by the reply: a solution may exit with any
/// status.
pub const EXIT_WORKER_BROKEN: i32 = 3;

/// Whether output order matters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    #[default]
    Free,
    Ordered,
}

/// How two outputs are compared.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompareSpec {
    pub order: Order,
    /// Numbers within this absolute difference are equal (0: exact); with
    /// `relative_tolerance`, the absolute floor of an estimate's bound.
    pub float_tolerance: f64,
    /// Fields of an output item that together must be unique in the output.
    /// For map outputs the item is `{"key": .., "value": ..}`.
    pub grain: Vec<String>,
    /// An estimate's error bound: every number of the output (integer or
    /// float) may differ from the truth's by this share of it (0: exact).
    /// Items are matched by their `grain`, or in canonical order without one.
    #[serde(skip_serializing_if = "is_zero")]
    pub relative_tolerance: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// A message from the parent to a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    Run(Box<RunRequest>),
    /// Replace the solution with a new text of it (workers that can load
    /// source, see [`Hello::reloads`]): a re-check in `watch` keeps the
    /// worker, and with it a PySpark session, warm. Answered by
    /// [`Reply::Loaded`].
    Load {
        source: String,
        /// How tracebacks and reports name the file.
        shown_as: String,
    },
    /// Finish: the worker exits with status 0.
    Quit,
}

/// One call of the solution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRequest {
    /// Echoed in the replies.
    pub id: u64,
    pub input: Input,
    /// How the output is canonicalised (order-free outputs get an
    /// order-free digest).
    pub order: Order,
    /// Return the output's items (small cases, shrinking), not only its
    /// digest.
    pub keep: bool,
    /// Measure the peak heap of the call. Always cheap in Rust; in Python
    /// it switches `tracemalloc` on, which slows allocation.
    pub heap: bool,
    /// Job katas: how the job is run, and the day the range counts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<JobRun>,
    /// Resumable katas: stop once a checkpointed state is larger than
    /// this (it grows with the stream; see [`StateSeen`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_limit_bytes: Option<u64>,
    /// Resumable katas: this run is one chunk of a job that restarts
    /// between chunks (a fresh worker each time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Resume>,
    /// The entry function's arguments after its input (a session's gap,
    /// a sketch's width), as JSON: the kata's, or a case's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<Value>,
    /// DataFrame katas in PySpark: the engine's session this run's tables
    /// are in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spark: Option<SparkRun>,
}

/// The engine's session a PySpark run builds its DataFrames in, and where
/// each table's rows are (JSON lines the engine reads).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SparkRun {
    pub session: String,
    /// Where the engine wrote each table, by table name (dekata's own
    /// engine).
    pub inputs: std::collections::BTreeMap<String, String>,
    /// The temporary view that holds each table, by table name (a
    /// cluster's Spark Connect, `--remote`).
    #[serde(default)]
    pub views: std::collections::BTreeMap<String, String>,
}

/// One chunk of a resumable job: the state to restore (the previous
/// chunk's checkpoint; `None`, the state's default), and whether the chunk
/// is the last. The worker calls the solution once, on the run's records,
/// and returns the state's new checkpoint in [`StateSeen::saved`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    pub state: Option<String>,
    pub last: bool,
}

/// A job kata's procedure, with the concrete first day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobRun {
    pub spec: JobSpec,
    pub first_day: Date,
    /// For workers that are fed: the rows the store starts with (the
    /// grader's stale rows, made here so every language gets the same).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stale_rows: Vec<Value>,
    /// For workers that are fed: the calls the procedure makes, one per
    /// copy of the input fed ([`crate::jobs::calls`]); a worker that
    /// generates its input works them out itself, by the same function.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<JobCall>,
}

/// How a worker that is fed calls the solution, and the form of what it
/// sends back: a kata's call shape in a worker's terms. dekata works it out
/// from the shape and hands it to the worker when it starts; the worker
/// only does what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub with: CallWith,
    /// The form of the [`Reply::Items`] the worker sends.
    pub form: Form,
}

/// What a call of the solution is given, and what the worker reads back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallWith {
    /// `entry(records, *args)`, once; its result read as the form says: a
    /// mapping's pairs, a list's items, one value, or a split's parsed and
    /// quarantined rows.
    Records,
    /// A backfill job: `entry(records, start, end, table, *args)` once per
    /// call of [`JobRun::calls`], each on the next copy of the input; then
    /// the store's rows, partition by partition.
    Job,
    /// A resumable job: `entry(state, chunk, last, *args)` once per chunk
    /// of the feed (chunks end at [`FeedLine::Cut`]), the state written to
    /// JSON and read back between chunks; or once, from the checkpoint a
    /// [`Resume`] hands over. The items each call returns.
    Chunks,
    /// A DataFrame kata: `entry(*tables, *args)` on the run's Spark
    /// session; the plan of the DataFrame it returns.
    Tables,
    /// `entry(streams, *args)`, once, where `streams` is a list of lazy
    /// iterators, one per partition of the input ([`crate::partitions`]):
    /// the worker pulls each one's records as it is read ([`Input::Pull`]).
    /// The result read as the form says.
    Streams,
    /// `entry(source, *args)`, once, where `source.open()` starts a new
    /// pass over the input: each pass reads the next copy of the feed. The
    /// first argument is the budget of passes, and the parent feeds that
    /// many copies; a pass more is refused. The result read as the form says.
    Passes,
}

/// Where a run's records come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Input {
    /// The worker generates the stream; with `select`, only the records at
    /// those indices (half-open ranges, ascending), in stream order.
    Generate {
        stream: StreamSpec,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        select: Option<Vec<[u64; 2]>>,
    },
    /// The records are in the request itself, as a counterexample shows
    /// them ([`crate::given`]): a reviewer's input to `dekata review`.
    /// `stream` says what they are (their kind, the dataset, its start).
    Given { stream: StreamSpec, records: Vec<Value> },
    /// The input is `streams` streams (the partitions of `records`
    /// records) that the worker pulls from: it asks for the next batch of
    /// one with [`Reply::Pull`], and the parent answers with one
    /// [`FeedLine`], a batch or the end of that stream.
    Pull { kind: RecordKind, records: u64, streams: u32 },
    /// The parent sends `feeds` copies of the same `records` records after
    /// the request (a job kata replays its input: twice, day by day...).
    Feed {
        kind: RecordKind,
        records: u64,
        feeds: u32,
        /// DataFrame katas: which tables the rows belong to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dataset: Option<crate::tables::Dataset>,
    },
}

/// One line of a feed: a batch of records (events and rows as their JSON
/// objects; table rows as `{"table": name, "row": {...}}`), or the end of
/// one copy of the input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedLine {
    Batch(Vec<Value>),
    /// The end of one chunk of a resumable job's input, between chunks
    /// ([`crate::chunks`]); sent only to a worker that chunks the input
    /// itself ([`RunRequest::resume`] unset).
    Cut,
    End,
}

/// A message from a worker to the parent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum Reply {
    Hello(Hello),
    /// Output items, for a worker that leaves canonicalisation to the
    /// parent ([`Output::Streamed`]).
    Items {
        id: u64,
        form: Form,
        items: Vec<Value>,
    },
    Done(Done),
    /// The next batch of stream `stream` of the run's input, please
    /// ([`Input::Pull`]).
    Pull {
        id: u64,
        stream: u32,
    },
    /// An allocation failed at the process's hard cap (or, for a PySpark
    /// worker, its engine's heap was exhausted).
    OutOfMemory {
        bytes: u64,
        /// The heap that ran out was the engine's (a PySpark worker's JVM),
        /// of this many MiB, not the process's address space.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        engine_heap_mib: Option<u64>,
    },
    /// The answer to [`Request::Load`].
    Loaded {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        load_error: Option<String>,
    },
    /// dekata's own worker code cannot serve (it says why on stderr, for
    /// people) and is about to exit with [`EXIT_WORKER_BROKEN`]: the
    /// failure is dekata's, not the solution's.
    Broken,
}

/// Reads one reply line. (A function of the grader's, so that it is built
/// with the grader's optimisations: a worker may stream large outputs.)
pub fn parse_reply(line: &[u8]) -> serde_json::Result<Reply> {
    serde_json::from_slice(line)
}

/// The worker's first message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hello {
    pub protocol: u32,
    /// `rust` or `python`.
    pub language: String,
    /// The runtime, for reports (`CPython 3.11.7`).
    pub runtime: String,
    /// Whether the worker serves [`Input::Generate`].
    pub generates: bool,
    /// Whether the parent measures the peak heap from outside (the
    /// kernel's count of the worker's resident memory) instead of the
    /// worker counting its own allocations.
    #[serde(default)]
    pub heap_from_outside: bool,
    /// Set when the solution could not be loaded (a syntax error, a missing
    /// entry function): the check ends with `compile_error`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_error: Option<String>,
    /// Whether the worker serves [`Request::Load`].
    #[serde(default)]
    pub reloads: bool,
    /// Whether the worker said hello before loading its solution, and
    /// waits for a [`Request::Load`] of it: the parent reads the worker's
    /// memory before any of the solution's code runs, import included.
    #[serde(default)]
    pub awaits_load: bool,
}

/// How one run ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Done {
    pub id: u64,
    pub outcome: Outcome,
    pub measure: Measure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Output>,
}

/// How the solution's call ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    Returned,
    /// A panic (Rust) or an uncaught exception (Python).
    Panicked {
        message: String,
        location: String,
    },
    /// The starter's `todo!()` or `NotImplementedError`.
    NotImplemented {
        message: String,
    },
    /// The solution tried something a worker may not do (open a file,
    /// start a process, signal another process) and was stopped.
    Forbidden {
        action: String,
        target: String,
    },
    /// The solution asked its process to exit (Python's `sys.exit()`)
    /// instead of returning.
    Exited {
        code: String,
    },
}

/// Time and heap of one call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Records in the input.
    pub events: u64,
    /// Wall-clock time of the call.
    pub elapsed_us: u64,
    /// CPU time of the call (all threads of the worker).
    #[serde(default)]
    pub cpu_us: u64,
    /// The most heap the call held at once beyond what was held before it.
    pub peak_heap_bytes: u64,
    /// A memory run of a worker that counts its own heap: the most
    /// resident memory its process held at once, as the kernel counts it,
    /// beyond what it held when it said hello (before any of the
    /// solution's code ran). Read by the parent; statics count as they are
    /// touched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak_resident_bytes: Option<u64>,
}

/// A run's output: summarised by the worker, or streamed to the parent in
/// [`Reply::Items`] batches for the parent to summarise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Output {
    Summary(OutputSummary),
    Streamed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        plan: Option<PlanReport>,
        #[serde(default, skip_serializing_if = "StateSeen::is_empty")]
        state: StateSeen,
        /// What the worker saw wrong that the items cannot show (two
        /// columns of one name collapse into one key of a row).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        problems: Vec<Problem>,
        /// A PySpark worker: the plan of the DataFrame the solution
        /// returned (Spark Connect's `Relation`, base64), for the engine
        /// to execute and judge; the worker sends no rows.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        relation: Option<String>,
    },
}

/// What kind of output streamed items are, so that the parent's sink
/// treats them as the worker's own sink would.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// `{"key": k, "value": v}` entries of a map.
    Map,
    /// Elements of a list, rows of a table or of a DataFrame.
    List,
    /// One value, compared whole.
    Value,
    /// `{"parsed": p}` and `{"quarantined": row, "error": text}` items.
    Split,
}

/// A canonical summary of an output: its size, an order-aware or
/// order-free digest, and, for small cases, the items themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputSummary {
    pub items: u64,
    pub digest: String,
    pub kept: Option<Vec<Value>>,
    /// Problems the sink saw in the output itself (e.g. an empty error).
    #[serde(default)]
    pub problems: Vec<Problem>,
    #[serde(default)]
    pub problem_count: u64,
    /// Parsing katas: the fields each quarantined row's error names, by
    /// the row's digest (see `sink::Faults`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faults: Vec<Fault>,
    /// DataFrame katas: what the engine's physical plan did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanReport>,
    /// Resumable katas: the checkpoints of the state between chunks.
    #[serde(default, skip_serializing_if = "StateSeen::is_empty")]
    pub state: StateSeen,
}

/// The checkpoints a resumable job's state went through.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StateSeen {
    pub checkpoints: u64,
    /// The largest checkpoint, in bytes of JSON.
    pub largest_bytes: u64,
    /// Set when a checkpoint went over the case's limit and the run was
    /// stopped: the records read by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_after: Option<u64>,
    /// After one chunk of a resumable job (see [`Resume`]): the state's
    /// checkpoint, as JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<String>,
}

impl StateSeen {
    pub fn is_empty(&self) -> bool {
        self.checkpoints == 0 && self.saved.is_none()
    }
}

/// Something an output gets wrong whatever the reference says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// A quarantined row whose error is empty.
    EmptyError { row: Value },
    /// A quarantined row whose error names no field of the row or schema.
    NamesNoField { error: String, row: Value },
    /// A DataFrame result with two columns of one name.
    DuplicateColumn { name: String },
}

/// The fields a quarantined row's error names, keyed by the row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    /// The digest of the quarantined row's canonical text.
    pub row: String,
    /// Schema fields and row keys the error text names as whole words.
    pub fields: Vec<String>,
    /// The row, for a report (its first few hundred characters), and the
    /// error as written.
    #[serde(default)]
    pub shown: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A float a Python worker (or PySpark's rows) writes reads back as
    /// the same double: `repr` is the shortest text that round-trips, and
    /// so must the parse be, or an exact comparison fails on a digit.
    #[test]
    fn a_float_from_another_language_reads_back_exactly() {
        let fractions: Vec<f64> =
            (1..=200u32).flat_map(|n| (0..=n).map(move |k| f64::from(k) / f64::from(n))).collect();
        let text = serde_json::to_string(&fractions).unwrap();
        let line = format!(r#"{{"reply":"items","id":1,"form":"list","items":{text}}}"#);
        let Reply::Items { items, .. } = parse_reply(line.as_bytes()).unwrap() else { panic!("items") };
        let read: Vec<f64> = items.iter().map(|v| v.as_f64().unwrap()).collect();
        assert_eq!(read, fractions);
    }

    /// The Python worker writes this line as it is.
    #[test]
    fn a_broken_worker_says_so_in_one_line() {
        let line = serde_json::to_string(&Reply::Broken).unwrap();
        assert_eq!(line, r#"{"reply":"broken"}"#);
        assert_eq!(parse_reply(line.as_bytes()).unwrap(), Reply::Broken);
    }
}
