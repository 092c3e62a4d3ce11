//! Starting worker processes and talking to them: the parent side of the
//! worker protocol (`harness::protocol`).
//!
//! A [`Worker`] is one process that serves one side of a kata: a learner's
//! solution, a mutant, or the reference. It starts in its own process group,
//! under resource limits and (where the kernel has it) a Landlock ruleset
//! (`process::confine`), with its request and reply channels on fds 3 and 4 and its
//! standard output and error drained into bounded buffers (`process::capture`).
//! Each run has a wall clock; past it, the whole group is killed. A worker
//! that dies or is killed is done: the next run starts a new one.
//!
//! How each kind of program is started and confined is `launch`'s; the
//! process machinery it stands on (confinement, capture, usage, reaping) is
//! `crate::process`'s.

pub mod launch;
mod replies;

pub use crate::process::death::{Death, Exit};

use crate::process::capture::Drain;
use crate::process::confine::{self, Confinement, Limits, Processes, Sandbox};
use crate::process::death::{STACK_OVERFLOW, to_exit};
use crate::process::{reaper, resident, usage};
use anyhow::{Context, Result};
use harness::protocol::{Done, Form, Hello, Reply, Request, RunRequest};
use replies::{Incoming, read_replies, send_all};
use serde_json::Value;
use std::ffi::OsString;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// How to start one worker.
#[derive(Clone, Debug)]
pub struct Launch {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// The worker's whole environment (nothing is inherited).
    pub env: Vec<(String, String)>,
    pub limits: Limits,
    pub confinement: Confinement,
    /// Where to make the worker a scratch folder of its own (a PySpark
    /// worker's JVM writes temporary files): it may write there, finds it
    /// as `$TMPDIR` and `$HOME`, and it is removed when the worker ends.
    pub scratch_in: Option<PathBuf>,
    /// How long it may take to say hello, when longer than usual (a JVM).
    pub startup: Option<Duration>,
}

/// How long one run may go on: a wall clock, and for a worker whose CPU
/// time is read from outside, the CPU time its whole group may use.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub wall: Duration,
    pub cpu: Option<Duration>,
}

/// How often a run's CPU time is read.
const CPU_POLL: Duration = Duration::from_millis(250);

/// What one run gave.
pub enum Ran {
    Done(Done),
    Died(Death),
}

/// Records to send after a request: a function that writes the feed's
/// lines (`harness::protocol::FeedLine`s as JSON, each ending in a newline).
pub type Feeder = Box<dyn FnOnce(&mut dyn FnMut(&[u8]) -> std::io::Result<()>) -> std::io::Result<()> + Send>;

/// The next line of one of a run's streams, as the worker asks for it
/// (`Reply::Pull`): a batch, or the end of that stream.
pub type Puller = Box<dyn FnMut(u32) -> Vec<u8> + Send>;

/// How a run's records reach a worker that does not generate them.
pub enum Feed {
    /// Written after the request, all of it, on a thread of their own.
    Push(Feeder),
    /// Written a line at a time, when the worker asks.
    Pull(Puller),
}

/// A running worker.
pub struct Worker {
    child: Child,
    pgid: i32,
    requests: UnixStream,
    replies: mpsc::Receiver<Incoming>,
    stderr: Drain,
    pub hello: Hello,
    pub sandbox: Sandbox,
    /// Whether the kernel keeps it from starting processes.
    pub processes: Processes,
    /// Its resident memory when it said hello, before any of a solution's
    /// code ran.
    at_hello: Option<resident::Resident>,
    /// Removed once the worker's processes are killed and gone.
    scratch: Option<tempfile::TempDir>,
    alive: bool,
    rng: u64,
}

/// What starting a worker gave.
pub enum Started {
    Ready(Worker),
    Died(Death),
}

impl Worker {
    /// Starts a worker and waits (up to `wait`) for its hello.
    pub fn start(launch: &Launch, wait: Duration) -> Result<Started> {
        let (parent_requests, child_requests) = UnixStream::pair().context("cannot create the request channel")?;
        let (parent_replies, child_replies) = UnixStream::pair().context("cannot create the reply channel")?;
        let scratch = match &launch.scratch_in {
            Some(dir) => {
                reaper::remove_stale_scratch(dir);
                Some(
                    tempfile::Builder::new()
                        .prefix(&reaper::scratch_prefix())
                        .tempdir_in(dir)
                        .with_context(|| format!("cannot make a scratch folder in {}", dir.display()))?,
                )
            }
            None => None,
        };
        let mut confinement = launch.confinement.clone();
        let mut env = launch.env.clone();
        if let Some(dir) = &scratch {
            confinement.write.push(dir.path().to_path_buf());
            for key in ["TMPDIR", "HOME", "DEKATA_SCRATCH"] {
                env.push((key.to_string(), dir.path().display().to_string()));
            }
        }
        let wait = launch.startup.map_or(wait, |w| w.max(wait));
        let prepared = confinement.prepare()?;
        env.extend(prepared.filter_env().cloned());
        let mut cmd = Command::new(&launch.program);
        cmd.args(&launch.args)
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .current_dir("/")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        // Above the numbers the child's channels take (3 and 4), so that
        // moving one there never overwrites another.
        let request_fd = confine::above_channels(child_requests.into())?;
        let reply_fd = confine::above_channels(child_replies.into())?;
        let (rq, rp) = (request_fd.as_raw_fd(), reply_fd.as_raw_fd());
        // SAFETY: dup2 is async-signal-safe; the descriptors stay open in
        // the parent until the child has started (they are dropped below).
        unsafe {
            cmd.pre_exec(move || {
                for (from, to) in [(rq, harness::protocol::REQUEST_FD), (rp, harness::protocol::REPLY_FD)] {
                    if libc::dup2(from, to) < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                Ok(())
            });
        }
        prepared.apply(&mut cmd, launch.limits);
        let started = Instant::now();
        reaper::adopt_orphans();
        let mut child =
            reaper::spawn(&mut cmd).with_context(|| format!("cannot start {}", launch.program.display()))?;
        drop((request_fd, reply_fd));
        let pgid = child.id() as i32;
        let stdout = child.stdout.take().context("the worker's stdout")?;
        let stderr = child.stderr.take().context("the worker's stderr")?;
        // The solution's stdout is drained (so a flood cannot stall it) and
        // never read for results.
        let _ = Drain::start(stdout);
        let stderr = Drain::start(stderr);
        let replies = read_replies(parent_replies);
        let mut worker = Worker {
            child,
            pgid,
            requests: parent_requests,
            replies,
            stderr,
            hello: Hello {
                protocol: 0,
                language: String::new(),
                runtime: String::new(),
                generates: false,
                heap_from_outside: false,
                load_error: None,
                reloads: false,
                awaits_load: false,
            },
            sandbox: prepared.sandbox.clone(),
            processes: Processes::Allowed,
            at_hello: None,
            scratch,
            alive: true,
            rng: harness::rng::mix64(started.elapsed().as_nanos() as u64 ^ u64::from(std::process::id())),
        };
        match worker.next_reply(started + wait, started) {
            Ok(Reply::Hello(hello)) if hello.protocol == harness::protocol::PROTOCOL_VERSION => {
                worker.hello = hello;
                worker.processes = prepared.processes_of(worker.pid());
                worker.at_hello = Some(resident::Resident::start(worker.pid(), worker.starts_processes()));
                Ok(Started::Ready(worker))
            }
            Ok(Reply::Hello(hello)) => Ok(Started::Died(worker.end(
                Exit::Code(-1),
                None,
                Some(format!(
                    "the worker speaks protocol {}, not {}",
                    hello.protocol,
                    harness::protocol::PROTOCOL_VERSION
                )),
                started,
            ))),
            Ok(other) => Ok(Started::Died(worker.end(Exit::Code(-1), None, Some(format!("{other:?}")), started))),
            Err(death) => Ok(Started::Died(death)),
        }
    }

    /// Runs one request: sends it (and its feed), passes streamed output
    /// items to `on_items`, and waits for its end, at most `wall`.
    pub fn run(
        &mut self,
        mut request: RunRequest,
        feed: Option<Feed>,
        clock: Clock,
        on_items: &mut dyn FnMut(Form, Vec<Value>),
    ) -> Result<Ran> {
        anyhow::ensure!(self.alive, "a worker that ended was asked to run");
        let cpu_start = clock.cpu.map_or(0, |_| self.cpu_us());
        self.rng = harness::rng::mix64(self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15));
        request.id = self.rng >> 1;
        let id = request.id;
        let started = Instant::now();
        if let Some(death) = self.send(&Request::Run(Box::new(request)), started)? {
            return Ok(Ran::Died(death));
        }
        let mut puller = None;
        match feed {
            Some(Feed::Push(feed)) => {
                let socket = self.requests.try_clone().context("cannot share the request channel")?;
                thread::spawn(move || {
                    let mut write = |line: &[u8]| send_all(&socket, line);
                    let _ = feed(&mut write);
                });
            }
            Some(Feed::Pull(pull)) => puller = Some(pull),
            None => {}
        }
        let deadline = started + clock.wall;
        let cpu = clock.cpu.map(|budget| (budget, cpu_start));
        loop {
            match self.next_reply_within(deadline, cpu, started) {
                Ok(Reply::Items { id: got, form, items }) if got == id => on_items(form, items),
                Ok(Reply::Pull { id: got, stream }) if got == id && puller.is_some() => {
                    let line = puller.as_mut().map(|pull| pull(stream)).unwrap_or_default();
                    if let Some(death) = self.send_before(&line, deadline, started)? {
                        return Ok(Ran::Died(death));
                    }
                }
                Ok(Reply::Done(done)) if done.id == id => return Ok(Ran::Done(done)),
                Ok(other) => return Ok(Ran::Died(self.unexpected(&other, started))),
                Err(death) => return Ok(Ran::Died(death)),
            }
        }
    }

    /// Loads a new text of the solution into a worker that reloads (see
    /// `Hello::reloads`): its load error, if any, or how it died.
    pub fn load(
        &mut self,
        source: String,
        shown_as: String,
        wait: Duration,
    ) -> Result<std::result::Result<Option<String>, Death>> {
        anyhow::ensure!(self.alive && self.hello.reloads, "this worker cannot load a new solution");
        let started = Instant::now();
        if let Some(death) = self.send(&Request::Load { source, shown_as }, started)? {
            return Ok(Err(death));
        }
        Ok(match self.next_reply(started + wait, started) {
            Ok(Reply::Loaded { load_error }) => {
                self.hello.load_error = load_error.clone();
                Ok(load_error)
            }
            Ok(other) => Err(self.unexpected(&other, started)),
            Err(death) => Err(death),
        })
    }

    /// Sends one request line; how the worker ended if it could not take it.
    fn send(&mut self, request: &Request, started: Instant) -> Result<Option<Death>> {
        let mut line = serde_json::to_vec(request)?;
        line.push(b'\n');
        Ok(send_all(&self.requests, &line).is_err().then(|| self.wait_for_end(started)))
    }

    /// Sends a line the worker asked for, before `deadline`: a worker that
    /// asks and does not read is out of time, not a parent stuck writing.
    fn send_before(&mut self, line: &[u8], deadline: Instant, started: Instant) -> Result<Option<Death>> {
        let left = deadline.saturating_duration_since(Instant::now()).max(Duration::from_millis(1));
        self.requests.set_write_timeout(Some(left)).context("cannot time the request channel")?;
        let sent = send_all(&self.requests, line);
        let _ = self.requests.set_write_timeout(None);
        Ok(match sent {
            Ok(()) => None,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                Some(self.end(Exit::TimedOut, None, None, started))
            }
            Err(_) => Some(self.wait_for_end(started)),
        })
    }

    /// Ends a worker that replied out of turn: it no longer speaks the
    /// protocol.
    fn unexpected(&mut self, reply: &Reply, started: Instant) -> Death {
        let text = format!("an unexpected message: {}", serde_json::to_string(reply).unwrap_or_default());
        self.end(Exit::Code(-1), None, Some(text), started)
    }

    /// Whether the worker can take another run.
    /// Pauses every process of the worker (`SIGSTOP`), or lets them go on.
    pub fn pause(&self, stop: bool) {
        // SAFETY: a plain signal to the worker's own process group.
        unsafe {
            libc::kill(-self.pgid, if stop { libc::SIGSTOP } else { libc::SIGCONT });
        }
    }

    pub fn alive(&self) -> bool {
        self.alive
    }

    /// The worker's process id (its group's too).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether it may start processes (no process filter in force): then
    /// its descendants, and the strays dekata holds, count as its own.
    fn starts_processes(&self) -> bool {
        self.processes != Processes::Refused
    }

    /// The CPU time of the worker's processes (`usage::family`), in
    /// microseconds, as the kernel counts it.
    pub fn cpu_us(&self) -> u64 {
        usage::family_cpu_us(self.pid(), self.starts_processes())
    }

    /// The most resident memory the worker's processes held at once since
    /// it said hello, above what they held then.
    pub fn resident_since_hello(&self) -> Option<u64> {
        self.at_hello.as_ref().map(resident::Resident::peak_since)
    }

    /// The next reply before `deadline`; a death otherwise.
    fn next_reply(&mut self, deadline: Instant, started: Instant) -> std::result::Result<Reply, Death> {
        self.next_reply_within(deadline, None, started)
    }

    /// The next reply before `deadline`, the worker's group using at most
    /// `cpu` of CPU time from `cpu_start` (checked four times a second); a
    /// death otherwise.
    fn next_reply_within(
        &mut self,
        deadline: Instant,
        cpu: Option<(Duration, u64)>,
        started: Instant,
    ) -> std::result::Result<Reply, Death> {
        let received = match cpu {
            None => self.replies.recv_timeout(deadline.saturating_duration_since(Instant::now())),
            Some((budget, cpu_start)) => loop {
                let step = deadline.min(Instant::now() + CPU_POLL);
                match self.replies.recv_timeout(step.saturating_duration_since(Instant::now())) {
                    Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() < deadline => {
                        let used = self.cpu_us().saturating_sub(cpu_start);
                        if used > budget.as_micros() as u64 {
                            break Err(mpsc::RecvTimeoutError::Timeout);
                        }
                    }
                    other => break other,
                }
            },
        };
        match received {
            Ok(Incoming::Reply(Reply::OutOfMemory { bytes, engine_heap_mib })) => {
                let mut death = self.wait_for_end(started);
                death.out_of_memory = Some(bytes);
                death.engine_heap_mib = engine_heap_mib;
                Err(death)
            }
            Ok(Incoming::Reply(Reply::Broken)) => {
                let mut death = self.wait_for_end(started);
                death.worker_broken = true;
                Err(death)
            }
            Ok(Incoming::Reply(reply)) => Ok(reply),
            Ok(Incoming::Garbled(text)) => Err(self.end(Exit::Code(-1), None, Some(text), started)),
            Ok(Incoming::Closed) | Err(mpsc::RecvTimeoutError::Disconnected) => Err(self.wait_for_end(started)),
            Err(mpsc::RecvTimeoutError::Timeout) => Err(self.end(Exit::TimedOut, None, None, started)),
        }
    }

    /// The worker closed its channel: how it ended (killed if it lingers).
    fn wait_for_end(&mut self, started: Instant) -> Death {
        let exit = match self.child.wait_timeout(Duration::from_secs(2)) {
            Ok(Some(status)) => to_exit(status),
            _ => Exit::TimedOut,
        };
        self.end(exit, None, None, started)
    }

    /// Kills what is left of the worker's group and says how it ended.
    fn end(&mut self, exit: Exit, oom: Option<u64>, garbled: Option<String>, started: Instant) -> Death {
        let wall = started.elapsed();
        self.kill();
        // Let the drain take the last words.
        thread::sleep(Duration::from_millis(20));
        let stderr = self.stderr.snapshot().text();
        Death {
            exit,
            out_of_memory: oom,
            engine_heap_mib: None,
            garbled,
            stack_overflow: stderr.contains(STACK_OVERFLOW),
            worker_broken: false,
            stderr,
            wall,
        }
    }

    fn kill(&mut self) {
        self.alive = false;
        // SAFETY: kill(2) with a negative pid signals the process group we made.
        unsafe {
            libc::kill(-self.pgid, libc::SIGKILL);
        }
        let _ = self.child.wait();
        reaper::release(self.pgid);
        // The scratch folder goes once nothing of the group can write in
        // it any more (a JVM takes a moment to die).
        if let Some(scratch) = self.scratch.take() {
            reaper::wait_for_group_end(self.pgid, Duration::from_secs(5));
            let path = scratch.path().to_path_buf();
            if scratch.close().is_err() {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }

    /// Ends the worker at once, without asking: nothing it holds is wanted
    /// (a resumable job's chunk is over and its checkpoint read).
    pub fn discard(mut self) {
        self.kill();
    }

    /// Asks the worker to quit, and makes sure nothing of it is left.
    pub fn quit(mut self) {
        if self.alive {
            let mut line = serde_json::to_vec(&Request::Quit).unwrap_or_default();
            line.push(b'\n');
            let _ = send_all(&self.requests, &line);
            let _ = self.child.wait_timeout(Duration::from_millis(200));
        }
        self.kill();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if self.alive {
            self.kill();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How a stand-in worker ended: a shell running `script`, its reply
    /// channel on fd 4, that never says hello.
    fn death_of(script: &str) -> Death {
        let launch = Launch {
            program: PathBuf::from("/bin/sh"),
            args: vec!["-c".into(), script.into()],
            env: Vec::new(),
            limits: Limits { address_space_bytes: 1 << 32, cpu_seconds: 10, file_size_bytes: 1 << 20 },
            confinement: Confinement {
                read: vec!["/".into()],
                execute: vec!["/".into()],
                processes: true,
                ..Confinement::default()
            },
            scratch_in: None,
            startup: None,
        };
        match Worker::start(&launch, Duration::from_secs(10)).unwrap() {
            Started::Died(death) => death,
            Started::Ready(_) => panic!("the stand-in said hello"),
        }
    }

    #[test]
    fn a_worker_is_broken_when_it_says_so_on_its_channel_not_on_stderr() {
        let said = death_of(r#"printf '{"reply":"broken"}\n' >&4; echo 'dekata worker: no engine' >&2; exit 3"#);
        assert!(said.worker_broken);
        assert_eq!(said.exit, Exit::Code(harness::protocol::EXIT_WORKER_BROKEN));
        let written = death_of("echo 'dekata worker: no engine' >&2; exit 3");
        assert!(!written.worker_broken, "stderr is the solution's too");
        assert_eq!(written.exit, Exit::Code(3));
    }
}
