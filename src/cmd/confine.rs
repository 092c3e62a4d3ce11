//! `dekata confine` (hidden): runs a program under a Landlock ruleset of
//! its own, for a program that dekata does not start itself.
//!
//! dekata's Spark engine names it as the Python of Spark's own Python
//! workers, which run a solution's UDFs. Those then have no more rights
//! than the learner's worker: they read Python and the folders the engine
//! names (Spark's scratch files, where a large UDF arrives), write nothing,
//! connect to no TCP port (the engine's Spark Connect port included), and
//! run no other program. They may still listen: Spark's JVM connects to
//! its Python daemon.

use crate::process::confine::{self, Confinement, Limits};
use anyhow::{Context, Result};
use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::Command;

#[derive(clap::Args)]
pub struct Args {
    /// A folder or file the program may read (repeatable)
    #[arg(long = "read")]
    read: Vec<PathBuf>,
    /// The program and its arguments
    #[arg(last = true, required = true)]
    program: Vec<OsString>,
}

/// Replaces this process with the confined program; returns only if it
/// could not.
pub fn run(args: Args) -> Result<bool> {
    let program = PathBuf::from(&args.program[0]);
    let real = program.canonicalize().with_context(|| format!("cannot find {}", program.display()))?;
    let mut execute = vec![real.clone()];
    execute.extend(confine::interpreter(&real));
    let mut read = args.read;
    read.extend(confine::system_libraries());
    let confinement = Confinement {
        read,
        execute,
        write: vec![PathBuf::from("/dev/null")],
        network: false,
        listen: true,
        processes: true,
        ..Confinement::default()
    };
    let prepared = confinement.prepare()?;
    let mut cmd = Command::new(&program);
    cmd.args(&args.program[1..]);
    prepared.apply(&mut cmd, inherited_limits());
    let failed = cmd.exec();
    Err(failed).with_context(|| format!("cannot run {}", program.display()))
}

/// The limits this process already has (a confined program cannot raise
/// them), with a small cap on the files it writes: it writes none.
fn inherited_limits() -> Limits {
    let current = |resource| {
        let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: getrlimit fills a valid struct.
        unsafe { libc::getrlimit(resource, &mut lim) };
        lim.rlim_cur
    };
    Limits {
        address_space_bytes: current(libc::RLIMIT_AS),
        cpu_seconds: current(libc::RLIMIT_CPU),
        file_size_bytes: 1024 * 1024,
    }
}
