//! Running a harness child under limits.
//!
//! The child gets its own process group (so that a kill reaches anything it
//! spawned), a hard address-space cap (`RLIMIT_AS`), a CPU-time backstop
//! (`RLIMIT_CPU`), a cap on files it writes (`RLIMIT_FSIZE`), no core dumps
//! and no stdin. Its stdout and stderr are drained by threads that keep only
//! a bounded head and tail, so a flood of output can neither fill a pipe and
//! stall it nor fill memory. The wall clock is enforced here: past the
//! limit the whole group is killed.

use anyhow::{Context, Result};
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// Limits for one child.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub wall: Duration,
    pub address_space_bytes: u64,
    pub file_size_bytes: u64,
}

/// How the child ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    /// Killed by us at the wall-clock limit.
    TimedOut,
}

/// What a child left behind.
#[derive(Debug)]
pub struct Finished {
    pub exit: Exit,
    pub wall: Duration,
    pub stderr: Captured,
}

/// A bounded capture of one output stream.
#[derive(Debug, Default)]
pub struct Captured {
    pub head: Vec<u8>,
    pub tail: Vec<u8>,
    pub total: u64,
}

const KEEP: usize = 8 * 1024;

impl Captured {
    /// The kept text, with a note of what was left out.
    pub fn text(&self) -> String {
        let head = String::from_utf8_lossy(&self.head);
        if self.tail.is_empty() {
            return head.into_owned();
        }
        let skipped = self.total - (self.head.len() + self.tail.len()) as u64;
        let tail = String::from_utf8_lossy(&self.tail);
        if skipped == 0 {
            format!("{head}{tail}")
        } else {
            format!("{head}\n[... {skipped} bytes left out ...]\n{tail}")
        }
    }
}

fn drain(mut from: impl Read + Send + 'static) -> mpsc::Receiver<Captured> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut c = Captured::default();
        let mut buf = [0u8; 16 * 1024];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            c.total += n as u64;
            let mut chunk = &buf[..n];
            if c.head.len() < KEEP {
                let take = (KEEP - c.head.len()).min(chunk.len());
                c.head.extend_from_slice(&chunk[..take]);
                chunk = &chunk[take..];
            }
            c.tail.extend_from_slice(chunk);
            if c.tail.len() > 2 * KEEP {
                c.tail.drain(..c.tail.len() - KEEP);
            }
        }
        if c.tail.len() > KEEP {
            c.tail.drain(..c.tail.len() - KEEP);
        }
        let _ = tx.send(c);
    });
    rx
}

/// Runs `binary args..` under `limits` and waits for it, never longer than
/// the wall limit plus a moment to reap it.
pub fn run(binary: &Path, args: &[&std::ffi::OsStr], limits: Limits) -> Result<Finished> {
    let mut cmd = Command::new(binary);
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    let cpu_seconds = limits.wall.as_secs() + 2;
    let rl = limits;
    // SAFETY: only async-signal-safe calls (setrlimit) run between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            set_limit(libc::RLIMIT_AS, rl.address_space_bytes, rl.address_space_bytes)?;
            // SIGXCPU at the soft limit (reported as a time limit), SIGKILL a second later.
            set_limit(libc::RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)?;
            set_limit(libc::RLIMIT_FSIZE, rl.file_size_bytes, rl.file_size_bytes)?;
            set_limit(libc::RLIMIT_CORE, 0, 0)?;
            Ok(())
        });
    }
    let started = Instant::now();
    let mut child = cmd.spawn().with_context(|| format!("cannot start {}", binary.display()))?;
    let pgid = child.id() as i32;
    let out_rx = drain(child.stdout.take().context("child stdout")?);
    let err_rx = drain(child.stderr.take().context("child stderr")?);

    let exit = match child.wait_timeout(limits.wall).context("cannot wait for the child")? {
        Some(status) => to_exit(status),
        None => {
            kill_group(pgid);
            let _ = child.wait();
            Exit::TimedOut
        }
    };
    let wall = started.elapsed();
    // Whatever the child left running in its group goes too.
    kill_group(pgid);
    let grace = Duration::from_secs(2);
    // The solution's stdout is drained (so a flood cannot stall it) but not
    // reported: results come back through the result file.
    let _ = out_rx.recv_timeout(grace);
    let stderr = err_rx.recv_timeout(grace).unwrap_or_default();
    Ok(Finished { exit, wall, stderr })
}

fn to_exit(status: std::process::ExitStatus) -> Exit {
    match (status.code(), status.signal()) {
        (Some(code), _) => Exit::Code(code),
        (None, Some(sig)) => Exit::Signal(sig),
        (None, None) => Exit::Code(-1),
    }
}

fn kill_group(pgid: i32) {
    // SAFETY: kill(2) with a negative pid signals the process group we made.
    unsafe {
        libc::kill(-pgid, libc::SIGKILL);
    }
}

fn set_limit(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> std::io::Result<()> {
    let lim = libc::rlimit { rlim_cur: soft as libc::rlim_t, rlim_max: hard as libc::rlim_t };
    // SAFETY: setrlimit with a valid struct; async-signal-safe.
    if unsafe { libc::setrlimit(resource, &lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// A signal's name, for messages.
pub fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGABRT => "SIGABRT (abort)",
        libc::SIGSEGV => "SIGSEGV (invalid memory access)",
        libc::SIGBUS => "SIGBUS (bus error)",
        libc::SIGILL => "SIGILL (illegal instruction)",
        libc::SIGFPE => "SIGFPE (arithmetic error)",
        libc::SIGKILL => "SIGKILL (killed)",
        libc::SIGTERM => "SIGTERM (terminated)",
        libc::SIGXCPU => "SIGXCPU (CPU time limit)",
        libc::SIGXFSZ => "SIGXFSZ (file size limit)",
        libc::SIGPIPE => "SIGPIPE (broken pipe)",
        _ => "a signal",
    }
}
