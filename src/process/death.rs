//! How a worker ended when it did not finish its run: its exit, and the
//! facts read about it (a failed allocation, a garbled channel, a stack
//! overflow, dekata's own worker saying it was broken).

use std::os::unix::process::ExitStatusExt;
use std::time::Duration;

/// How a worker process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    /// Killed by the parent at the wall clock.
    TimedOut,
}

/// A worker that ended without finishing its run (or before saying hello).
#[derive(Clone, Debug)]
pub struct Death {
    pub exit: Exit,
    /// It reported a failed allocation of this many bytes first.
    pub out_of_memory: Option<u64>,
    /// ...in its engine's heap (a PySpark worker's JVM) of this many MiB.
    pub engine_heap_mib: Option<u64>,
    /// It wrote something on its reply channel that is not a reply.
    pub garbled: Option<String>,
    /// The tail of what it wrote on stderr.
    pub stderr: String,
    /// How long the run had been going.
    pub wall: Duration,
    /// Its runtime said its stack overflowed (see [`STACK_OVERFLOW`]).
    pub stack_overflow: bool,
    /// dekata's own worker code could not serve: it said so with
    /// `Reply::Broken` (and exits with `protocol::EXIT_WORKER_BROKEN`).
    pub worker_broken: bool,
}

/// What Rust's runtime prints on stderr when a thread overflows its stack,
/// just before it kills the process with a signal. The one fact about a
/// death that can only be read as text: the words are the Rust runtime's
/// own, and none of dekata's code runs after the overflow to say it in
/// another way.
pub const STACK_OVERFLOW: &str = "has overflowed its stack";

pub fn to_exit(status: std::process::ExitStatus) -> Exit {
    match (status.code(), status.signal()) {
        (Some(code), _) => Exit::Code(code),
        (None, Some(sig)) => Exit::Signal(sig),
        (None, None) => Exit::Code(-1),
    }
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
