//! The Rust worker: the child side of the worker protocol (see `protocol`).
//!
//! `dekata` compiles each solution (a learner's file, a mutant, a kata's
//! reference) into a binary of its own whose `main` is [`serve`], given one
//! closure that calls the solution. The binary holds one solution only, so a
//! learner's process never contains the reference, and its results never
//! leave the process except through the reply channel, which safe code
//! cannot reach.
//!
//! The worker serves runs until told to quit: it generates each run's input
//! itself (streams are lazy and seeded, the fast path), measures the call's
//! time and peak heap, and summarises the output with the sink.

mod channel;
pub mod input;

pub use input::{Input, Record, Records, Tables, materialise};

use crate::meter;
use crate::protocol::{self, Done, Hello, Measure, Outcome, Output, Reply, Request, RunRequest};
use crate::sink::Sink;
use crate::streams::StreamSpec;
use channel::Channel;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

static SERVING: AtomicBool = AtomicBool::new(false);
static LAST_PANIC: Mutex<Option<(String, String)>> = Mutex::new(None);

/// The worker's `main`: says hello, then serves runs of `entry` until the
/// parent says quit or goes away. Exits with
/// [`protocol::EXIT_WORKER_BROKEN`] when it cannot serve (see [`fail`]).
pub fn serve<F>(entry: F) -> !
where
    F: Fn(Input, &mut Sink) + Send + 'static,
{
    // A solution that calls this again would reset the heap meter and
    // answer in the worker's name: refuse.
    if SERVING.swap(true, Ordering::SeqCst) {
        panic!("{SERVING_TWICE}");
    }
    // No process and no program of its own, from before any of the
    // solution's code runs and before the first thread starts.
    if let Err(e) = crate::seccomp::install_from_env() {
        fail(&e);
    }
    orphan_watch();
    // The solution runs on a thread of its own, whose stack guard std
    // knows without reading /proc (which the sandbox hides), so a stack
    // overflow is reported as one.
    let serving = std::thread::Builder::new()
        .name("solution".to_string())
        .stack_size(SOLUTION_STACK)
        .spawn(move || serve_here(entry))
        .unwrap_or_else(|e| fail(&format!("cannot start the solution's thread: {e}")));
    let _ = serving.join();
    std::process::exit(0)
}

/// Ends the worker when `dekata` is gone (killed, or interrupted before it
/// could stop its workers): a solution busy in an endless loop would never
/// read the closed channel. The parent changes when the original one dies.
fn orphan_watch() {
    let parent = std::os::unix::process::parent_id();
    let _ = std::thread::Builder::new().name("orphan-watch".to_string()).stack_size(64 * 1024).spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_millis(250));
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(0);
            }
        }
    });
}

fn serve_here<F>(entry: F) -> !
where
    F: Fn(Input, &mut Sink),
{
    let mut channel = Channel::open().unwrap_or_else(|e| fail(&format!("{NO_CHANNEL}: {e}")));
    meter::report_oom_to(protocol::REPLY_FD);
    std::panic::set_hook(Box::new(record_panic));
    let hello = Hello {
        protocol: protocol::PROTOCOL_VERSION,
        language: "rust".to_string(),
        runtime: "rust".to_string(),
        generates: true,
        heap_from_outside: false,
        load_error: None,
        reloads: false,
        awaits_load: false,
    };
    send(&mut channel, &Reply::Hello(hello));
    let mut selection = Selection::default();
    loop {
        match channel.receive() {
            Ok(Some(Request::Run(run))) => {
                let done = run_one(&entry, &run, &mut selection);
                send(&mut channel, &Reply::Done(done));
            }
            Ok(Some(Request::Quit)) | Ok(None) => std::process::exit(0),
            // A compiled solution is replaced by building a new worker.
            Ok(Some(Request::Load { .. })) => fail("a compiled worker cannot load source"),
            Err(e) => fail(&format!("cannot read a request: {e}")),
        }
    }
}

fn send(channel: &mut Channel, reply: &Reply) {
    if let Err(e) = channel.send(reply) {
        fail(&format!("cannot send a reply: {e}"));
    }
}

/// Ends a worker that cannot serve: says why on stderr, for people, and
/// [`Reply::Broken`] on the reply channel, for the parent, which judges
/// by the reply alone; then exits with [`protocol::EXIT_WORKER_BROKEN`].
fn fail(message: &str) -> ! {
    eprintln!("dekata worker: {message}");
    say_broken();
    std::process::exit(protocol::EXIT_WORKER_BROKEN);
}

/// Writes [`Reply::Broken`] straight to the reply descriptor, which the
/// parent opened before the worker started: it works before the channel is
/// taken over and after it failed, and does nothing when the descriptor is
/// not open.
fn say_broken() {
    let mut line = serde_json::to_vec(&Reply::Broken).unwrap_or_default();
    line.push(b'\n');
    // SAFETY: write(2) of a valid buffer; a descriptor that is not open
    // makes it fail with EBADF, which is ignored.
    let _ = unsafe { libc::write(protocol::REPLY_FD, line.as_ptr().cast(), line.len()) };
}

/// The stream a shrink selects from, made once and kept while the parent
/// keeps asking about the same stream.
#[derive(Default)]
struct Selection {
    stream: Option<StreamSpec>,
    records: Vec<Record>,
}

impl Selection {
    fn pick(&mut self, stream: &StreamSpec, ranges: &[[u64; 2]]) -> Vec<Record> {
        if self.stream.as_ref() != Some(stream) {
            self.records = Vec::new();
            // A selection that ends early in a long stream of events or
            // rows (one chunk of a resumable job, on a fresh worker) needs
            // only the records up to its end: the streams are lazy.
            let end = ranges.iter().map(|r| r[1]).max().unwrap_or(0);
            if end < stream.len() / 2 {
                return select(&input::prefix(stream, end), ranges);
            }
            self.records = materialise(stream);
            self.stream = Some(stream.clone());
        }
        select(&self.records, ranges)
    }
}

/// The records of `ranges` (half-open, ascending) out of `records`.
fn select(records: &[Record], ranges: &[[u64; 2]]) -> Vec<Record> {
    let len = records.len();
    let clamp = |i: u64| usize::try_from(i).unwrap_or(usize::MAX).min(len);
    ranges.iter().flat_map(|[a, b]| records[clamp(*a)..clamp(*b).max(clamp(*a))].iter().cloned()).collect()
}

fn run_one<F: Fn(Input, &mut Sink)>(entry: &F, run: &RunRequest, selection: &mut Selection) -> Done {
    let job = run.job.as_ref().map(|j| (j.spec.clone(), j.first_day));
    let (input, events) = match &run.input {
        protocol::Input::Generate { stream, select: None } => (Input::generated(stream, job), stream.len()),
        protocol::Input::Generate { stream, select: Some(ranges) } => {
            let picked = selection.pick(stream, ranges);
            let n = picked.len() as u64;
            (Input::listed(stream, picked, job), n)
        }
        protocol::Input::Given { stream, records } => {
            let picked: Vec<Record> = records
                .iter()
                .map(|v| crate::given::parse_value(v.clone(), stream.record, stream.dataset))
                .collect::<Result<_, _>>()
                .unwrap_or_else(|problem| fail(&format!("{GIVEN_UNREADABLE}: {problem:?}")));
            let n = picked.len() as u64;
            (Input::listed(stream, picked, job), n)
        }
        protocol::Input::Feed { .. } | protocol::Input::Pull { .. } => fail(FEED_UNSUPPORTED),
    };
    let input = input.resuming(run.resume.clone()).with_args(run.args.clone());
    let mut sink = Sink::new(run.order, run.keep);
    sink.limit_state(run.state_limit_bytes);
    let baseline = meter::reset_peak();
    let cpu_before = cpu_time_us();
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| entry(input, &mut sink)));
    let elapsed = started.elapsed();
    let cpu = cpu_time_us().saturating_sub(cpu_before);
    let peak = meter::peak().saturating_sub(baseline);
    let measure = Measure {
        events,
        elapsed_us: u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
        cpu_us: cpu,
        peak_heap_bytes: peak as u64,
        peak_resident_bytes: None,
    };
    let (outcome, output) = match result {
        Ok(()) => (Outcome::Returned, Some(Output::Summary(sink.finish()))),
        Err(_) => (panic_outcome(), None),
    };
    Done { id: run.id, outcome, measure, output }
}

/// What the last panic said, as an outcome: the starter's `todo!()` is
/// told apart from a real panic here, where the panic happened.
fn panic_outcome() -> Outcome {
    let (message, location) = LAST_PANIC
        .lock()
        .ok()
        .and_then(|mut p| p.take())
        .unwrap_or_else(|| ("a panic without a message".to_string(), String::new()));
    if message.starts_with("not yet implemented") || message.starts_with("not implemented") {
        Outcome::NotImplemented { message }
    } else {
        Outcome::Panicked { message, location }
    }
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

/// CPU time of the whole process (every thread), user and system.
fn cpu_time_us() -> u64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is valid.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            return 0;
        }
        usage.assume_init()
    };
    let us = |t: libc::timeval| (t.tv_sec as u64).saturating_mul(1_000_000).saturating_add(t.tv_usec as u64);
    us(usage.ru_utime).saturating_add(us(usage.ru_stime))
}

/// The solution's stack: what a main thread usually gets.
const SOLUTION_STACK: usize = 8 * 1024 * 1024;

const SERVING_TWICE: &str = "dekata: the worker is already running; a solution cannot start it again";
const NO_CHANNEL: &str = "the request and reply channels (file descriptors 3 and 4) are not open: \
this program is started by `dekata check`, not by hand";
const GIVEN_UNREADABLE: &str = "a given record does not read as the kata's input";
const FEED_UNSUPPORTED: &str = "this worker generates its own input; it was sent a feed";

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::os::fd::AsRawFd;
    use std::os::unix::net::UnixStream;
    use std::os::unix::process::CommandExt;

    /// Set in the child of the test below: this test binary, run again, is
    /// a worker that cannot serve.
    const CHILD: &str = "DEKATA_TEST_BROKEN_WORKER";

    #[test]
    fn broken_worker_child() {
        if std::env::var_os(CHILD).is_some() {
            fail("a test of fail()");
        }
    }

    #[test]
    fn a_worker_that_cannot_serve_says_so_on_its_channel_and_exits_broken() {
        let (mut parent, child) = UnixStream::pair().unwrap();
        let fd = child.as_raw_fd();
        let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
        cmd.args(["--exact", "rust_worker::tests::broken_worker_child", "--nocapture"]).env(CHILD, "1");
        // SAFETY: dup2 and fcntl are async-signal-safe.
        unsafe {
            cmd.pre_exec(move || {
                let moved = if fd == protocol::REPLY_FD {
                    libc::fcntl(fd, libc::F_SETFD, 0)
                } else {
                    libc::dup2(fd, protocol::REPLY_FD)
                };
                if moved < 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) }
            });
        }
        let out = cmd.output().unwrap();
        drop(child);
        let mut said = String::new();
        parent.read_to_string(&mut said).unwrap();
        assert_eq!(said, "{\"reply\":\"broken\"}\n");
        assert_eq!(out.status.code(), Some(protocol::EXIT_WORKER_BROKEN));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("dekata worker: a test of fail()"), "{stderr}");
    }
}
