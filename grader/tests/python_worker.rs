//! The Python worker speaks the Rust protocol: every kind of message it can
//! send is read here with the protocol's own serde types, and every kind of
//! call it can be asked (records read by each form, a job's calls with an
//! input that fails partway, chunks cut by the feed, a chunk resumed) does
//! what the request says. The worker runs unconfined here: what is tested
//! is what it says, not what it may do (dekata's own tests drive it
//! confined, through the binary).

use harness::feed;
use harness::jobs::{Date, JobCall, JobSpec, Procedure};
use harness::prelude::Event;
use harness::protocol::{
    Call, CallWith, Done, EXIT_OUT_OF_MEMORY, EXIT_WORKER_BROKEN, Form, Input, JobRun, Order, Outcome, Output, Reply,
    Request, Resume, RunRequest, parse_reply,
};
use harness::rust_worker::Record;
use harness::streams::RecordKind;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::os::fd::{FromRawFd, IntoRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

const SHOWN_AS: &str = "solutions/answer.py";
/// Tells the workers' folders apart (tests run at once).
static UNIQUE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A Python worker on pipes, with every reply it sent.
struct Worker {
    child: Child,
    requests: std::fs::File,
    replies: BufReader<std::fs::File>,
    said: Vec<Reply>,
    /// The folder of the solution file, removed with the worker.
    dir: PathBuf,
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills two fresh descriptors, owned from here on.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

impl Worker {
    /// Starts the worker on an empty solution file (the text comes with
    /// `load`), calling as `call` says.
    fn start(call: Call, args: Value) -> Worker {
        let mut worker = Worker::spawn(call, args, None);
        match worker.reply() {
            Some(Reply::Hello(hello)) => assert!(hello.awaits_load && !hello.generates, "{hello:?}"),
            other => panic!("the worker's first words are not hello: {other:?}"),
        }
        worker
    }

    /// The worker's process, before its first words; with `session`, a
    /// DataFrame kata's worker given that engine session.
    fn spawn(call: Call, args: Value, session: Option<&str>) -> Worker {
        let dir = std::env::temp_dir().join(format!(
            "dekata-python-worker-{}-{}",
            std::process::id(),
            UNIQUE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let solution = dir.join("answer.py");
        std::fs::write(&solution, "def answer(*args):\n    raise NotImplementedError\n").unwrap();
        let runner = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python").join("dekata_worker.py");
        let (request_read, request_write) = pipe();
        let (reply_read, reply_write) = pipe();
        let (theirs_in, theirs_out) = (request_read.into_raw_fd(), reply_write.into_raw_fd());
        let mut command = Command::new("python3");
        command
            .args(["-I", "-S", "-B"])
            .arg(&runner)
            .arg(&solution)
            .arg(SHOWN_AS)
            .arg("answer")
            .arg(serde_json::to_string(&call).unwrap())
            .arg(args.to_string())
            .args(session)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(move || {
                let a = libc::fcntl(theirs_in, libc::F_DUPFD_CLOEXEC, 10);
                let b = libc::fcntl(theirs_out, libc::F_DUPFD_CLOEXEC, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                let cap = libc::rlimit { rlim_cur: 1 << 30, rlim_max: 1 << 30 };
                libc::setrlimit(libc::RLIMIT_AS, &cap);
                Ok(())
            });
        }
        let child = command.spawn().expect("python3 runs");
        // SAFETY: the child has its copies; these ends are the parent's to close.
        unsafe {
            libc::close(theirs_in);
            libc::close(theirs_out);
        }
        Worker {
            child,
            requests: request_write.into(),
            replies: BufReader::new(reply_read.into()),
            said: Vec::new(),
            dir,
        }
    }

    /// The next reply, read with the protocol's types (`None` at the end).
    fn reply(&mut self) -> Option<Reply> {
        let mut line = String::new();
        if self.replies.read_line(&mut line).unwrap() == 0 {
            return None;
        }
        let reply = parse_reply(line.as_bytes()).unwrap_or_else(|e| panic!("not a protocol reply ({e}): {line}"));
        self.said.push(reply.clone());
        Some(reply)
    }

    fn send(&mut self, request: &Request) {
        let mut line = serde_json::to_vec(request).unwrap();
        line.push(b'\n');
        self.requests.write_all(&line).unwrap();
    }

    fn load(&mut self, source: &str) -> Option<String> {
        self.send(&Request::Load { source: source.to_string(), shown_as: SHOWN_AS.to_string() });
        match self.reply() {
            Some(Reply::Loaded { load_error }) => load_error,
            other => panic!("a load is answered by loaded: {other:?}"),
        }
    }

    /// One run: the request, `copies` copies of `records` (cut into
    /// chunks when `cuts`), then every reply up to done: the items by form,
    /// and done.
    fn run(
        &mut self,
        mut request: RunRequest,
        records: &[Record],
        copies: u32,
        cuts: bool,
    ) -> (Vec<(Form, Value)>, Done) {
        request.input =
            Input::Feed { kind: RecordKind::Events, records: records.len() as u64, feeds: copies, dataset: None };
        self.send(&Request::Run(Box::new(request)));
        let mut lines = Vec::new();
        for _ in 0..copies {
            let mut collect = |bytes: &[u8]| {
                lines.extend_from_slice(bytes);
                Ok(())
            };
            let records = records.iter().cloned();
            if cuts { feed::send_chunked(records, &mut collect) } else { feed::send(records, &mut collect) }.unwrap();
        }
        self.requests.write_all(&lines).unwrap();
        let mut items = Vec::new();
        loop {
            match self.reply().expect("the worker answers every run") {
                Reply::Items { form, items: batch, .. } => items.extend(batch.into_iter().map(|i| (form, i))),
                Reply::Done(done) => return (items, done),
                other => panic!("unexpected reply in a run: {other:?}"),
            }
        }
    }

    /// Quits, and the worker's exit status.
    fn quit(&mut self) -> Option<i32> {
        self.send(&Request::Quit);
        self.child.wait().unwrap().code()
    }
}

fn request() -> RunRequest {
    RunRequest {
        id: 7,
        input: Input::Feed { kind: RecordKind::Events, records: 0, feeds: 1, dataset: None },
        order: Order::Free,
        keep: true,
        heap: false,
        job: None,
        state_limit_bytes: None,
        resume: None,
        args: Vec::new(),
        spark: None,
    }
}

fn event(user_id: u64, ts: i64) -> Record {
    Record::Event(Event {
        event_id: format!("e{user_id}-{ts}"),
        user_id,
        event_type: "click".into(),
        ts,
        ingested_at: ts,
        updated_by: None,
    })
}

fn events() -> Vec<Record> {
    vec![event(1, 10), event(2, 20), event(1, 3_700), event(3, 7_300)]
}

fn records(form: Form) -> Call {
    Call { with: CallWith::Records, form }
}

fn values(items: &[(Form, Value)]) -> Vec<Value> {
    items.iter().map(|(_, v)| v.clone()).collect()
}

#[test]
fn each_form_of_output_comes_back_as_the_protocol_reads_it() {
    let cases: [(Form, &str, Value); 4] = [
        (
            Form::Map,
            "def answer(events, k):\n    return {e['user_id']: k for e in events}\n",
            json!({"key": 1, "value": 5}),
        ),
        (Form::List, "def answer(events, k):\n    return (e['ts'] * k for e in events)\n", json!(50)),
        (Form::Value, "def answer(events, k):\n    return sum(1 for _ in events) + k\n", json!(9)),
        (
            Form::Split,
            "def answer(rows, k):\n    rows = list(rows)\n    return rows[:1], [{'row': rows[1], 'error': 'bad'}]\n",
            json!({"quarantined": serde_json::to_value(match &events()[1] { Record::Event(e) => e.clone(), _ => unreachable!() }).unwrap(), "error": "bad"}),
        ),
    ];
    for (form, source, expected) in cases {
        let mut worker = Worker::start(records(form), json!([5]));
        assert_eq!(worker.load(source), None);
        let (items, done) = worker.run(request(), &events(), 1, false);
        assert_eq!(done.outcome, Outcome::Returned, "{form:?}");
        assert_eq!(done.id, 7);
        assert_eq!(done.measure.events, 4);
        assert!(matches!(done.output, Some(Output::Streamed { .. })), "{done:?}");
        assert!(items.iter().all(|(f, _)| *f == form), "{form:?}: {items:?}");
        assert!(values(&items).contains(&expected), "{form:?}: {items:?}");
        assert_eq!(worker.quit(), Some(0));
    }
}

#[test]
fn a_job_makes_the_calls_it_is_sent_and_its_failing_input_breaks_where_it_is_told() {
    let day = |d| Date::constant(2026, 1, d);
    let spec = JobSpec {
        procedure: Procedure::FailThenRerun,
        start_day: 0,
        days: 1,
        stale: false,
        fail_after: 0.5,
        stale_redelivered: false,
    };
    // Records the calls as rows of the first day: what each was given.
    let source = "
import datetime
def answer(events, start, end, table):
    seen = []
    for e in events:
        seen.append(e['user_id'])
    table.append([{'day': start, 'user_id': len(seen), 'n': (end - start).days}])
";
    let mut worker = Worker::start(Call { with: CallWith::Job, form: Form::List }, json!([]));
    assert_eq!(worker.load(source), None);
    let calls = vec![
        JobCall { start: day(1), end: day(3), fail_at: Some(3) },
        JobCall { start: day(1), end: day(2), fail_at: None },
        JobCall { start: day(2), end: day(3), fail_at: None },
    ];
    let job =
        JobRun { spec, first_day: day(1), stale_rows: vec![json!({"day": "2026-01-01", "user_id": 0, "n": 9})], calls };
    let (items, done) = worker.run(RunRequest { job: Some(job), ..request() }, &events(), 3, false);
    assert_eq!(done.outcome, Outcome::Returned);
    // The stale row, then one row per call that was not cut short; the
    // failing call never reached its append.
    assert_eq!(
        values(&items),
        [
            json!({"day": "2026-01-01", "user_id": 0, "n": 9}),
            json!({"day": "2026-01-01", "user_id": 4, "n": 1}),
            json!({"day": "2026-01-02", "user_id": 4, "n": 1}),
        ]
    );
    assert_eq!(worker.quit(), Some(0));
}

#[test]
fn chunks_end_where_the_feed_cuts_and_a_resumed_chunk_hands_its_checkpoint_back() {
    let source = "
def answer(state, chunk, last):
    state['n'] = state.get('n', 0) + sum(1 for _ in chunk)
    return [state['n']] if last else []
";
    let mut worker = Worker::start(Call { with: CallWith::Chunks, form: Form::List }, json!([]));
    assert_eq!(worker.load(source), None);
    let (items, done) = worker.run(request(), &events(), 1, true);
    assert_eq!(values(&items), [json!(4)]);
    let Some(Output::Streamed { state, .. }) = done.output else { panic!("{done:?}") };
    assert_eq!(state.checkpoints, 2, "three hours, two checkpoints between them");

    let resume = Resume { state: Some(r#"{"n":10}"#.into()), last: false };
    let (items, done) = worker.run(RunRequest { resume: Some(resume), ..request() }, &events()[..2], 1, false);
    assert!(items.is_empty());
    let Some(Output::Streamed { state, .. }) = done.output else { panic!("{done:?}") };
    assert_eq!(state.saved.as_deref(), Some(r#"{"n":12}"#));
    assert_eq!(worker.quit(), Some(0));
}

#[test]
fn every_outcome_and_a_load_error_are_protocol_messages() {
    let mut worker = Worker::start(records(Form::Value), json!([]));
    let load_error = worker.load("def answer(events:\n").expect("a syntax error");
    assert!(load_error.contains("SyntaxError"), "{load_error}");
    let outcomes = [
        ("def answer(events):\n    raise ValueError('no')\n", "panicked"),
        ("def answer(events):\n    raise NotImplementedError\n", "not_implemented"),
        ("def answer(events):\n    return open('/etc/hostname').read()\n", "forbidden"),
        ("import sys\ndef answer(events):\n    sys.exit(2)\n", "exited"),
    ];
    for (source, kind) in outcomes {
        assert_eq!(worker.load(source), None);
        let (_, done) = worker.run(request(), &events(), 1, false);
        let seen = serde_json::to_value(&done.outcome).unwrap();
        assert_eq!(seen["kind"], kind, "{source}: {done:?}");
        if let Outcome::Panicked { location, .. } = &done.outcome {
            assert_eq!(location, &format!("{SHOWN_AS}:2"));
        }
    }
    assert_eq!(worker.quit(), Some(0));
}

#[test]
fn a_heap_that_runs_out_is_said_before_the_worker_ends() {
    let mut worker = Worker::start(records(Form::Value), json!([]));
    assert_eq!(worker.load("def answer(events):\n    return [0] * (1 << 33)\n"), None);
    worker.send(&Request::Run(Box::new(RunRequest {
        input: Input::Feed { kind: RecordKind::Events, records: 0, feeds: 1, dataset: None },
        ..request()
    })));
    worker.requests.write_all(feed::END_LINE).unwrap();
    assert!(matches!(worker.reply(), Some(Reply::OutOfMemory { .. })), "{:?}", worker.said);
    assert_eq!(worker.child.wait().unwrap().code(), Some(EXIT_OUT_OF_MEMORY));
}

#[test]
fn a_worker_that_cannot_reach_its_engine_says_it_is_broken() {
    // Without PySpark on the path (`-S`), the engine's client cannot load.
    let mut worker = Worker::spawn(Call { with: CallWith::Tables, form: Form::List }, json!([]), Some("{}"));
    assert_eq!(worker.reply(), Some(Reply::Broken));
    assert_eq!(worker.child.wait().unwrap().code(), Some(EXIT_WORKER_BROKEN));
}
