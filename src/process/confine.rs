//! What a worker process may do, enforced by the kernel from before its
//! first instruction: resource limits, and a Landlock ruleset.
//!
//! The ruleset is built in the parent and applied in the child between
//! `fork` and `exec`, with two raw system calls (`prctl` and
//! `landlock_restrict_self`), so it binds the worker's program from its
//! start, before any of a solution's code can run. It grants:
//! - read access to what the program needs to load (its own file, the
//!   system's shared libraries, for Python its standard library and
//!   dekata's worker modules, the solution file itself);
//! - execute access to the program's own file only, so no other program
//!   can be started;
//! - no write access anywhere, so no file can be created or changed;
//! - no network, and (kernel ABI 6 and later) no signals to processes
//!   outside the worker, so `dekata` itself cannot be killed.
//!
//! The kata's folder, its reference and dekata's cache of reference
//! results are outside every grant. On a kernel without Landlock the worker
//! runs with the resource limits alone, and the report says so.
//!
//! On top of that, a worker that may not start processes gets
//! `harness::seccomp`'s filter (no `fork`, no new process by `clone`, no
//! `execve`), handed over in its environment and installed by the worker
//! itself at its start, before any of a solution's code: the filter would
//! refuse the worker's own `exec` if it were applied here. Whether it is
//! in force is read from the kernel once the worker says hello.

use anyhow::{Context, Result};
use landlock::{
    ABI, Access, AccessFs, AccessNet, BitFlags, CompatLevel, Compatible, NetPort, PathBeneath, PathFd, Ruleset,
    RulesetAttr, RulesetCreatedAttr, Scope,
};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The ABI whose rights dekata asks for (tested here); older kernels give
/// what they have.
const ABI_ASKED: ABI = ABI::V6;

/// Resource limits for one worker.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The address-space cap (`RLIMIT_AS`): a runaway allocation fails.
    pub address_space_bytes: u64,
    /// The CPU backstop (`RLIMIT_CPU`) for the worker's whole life; each
    /// run's own limit is the parent's clock.
    pub cpu_seconds: u64,
    /// The most a worker may write to any file (`RLIMIT_FSIZE`).
    pub file_size_bytes: u64,
}

/// What a worker may touch on the file system and the network.
#[derive(Clone, Debug, Default)]
pub struct Confinement {
    /// Files and folders it may read (and list).
    pub read: Vec<PathBuf>,
    /// Files it may execute (its own program).
    pub execute: Vec<PathBuf>,
    /// Folders it may write in (the JVM's scratch folder for Spark katas).
    pub write: Vec<PathBuf>,
    /// Whether it may use TCP (the JVM's gateway for Spark katas).
    pub network: bool,
    /// Without the network: the TCP ports it may still connect to (a
    /// PySpark worker's Spark engine, on loopback).
    pub connect_ports: Vec<u16>,
    /// Without the network: whether it may still listen on TCP ports
    /// (Spark's Python daemon, which Spark's JVM connects to). It connects
    /// only to `connect_ports` all the same.
    pub listen: bool,
    /// Whether it may start processes and run programs (a PySpark
    /// worker's JVM); otherwise the process filter refuses them.
    pub processes: bool,
}

/// Whether the kernel keeps a worker from starting processes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Processes {
    /// The process filter is in force.
    Refused,
    /// The worker may start processes (a PySpark worker's JVM).
    Allowed,
    /// The filter was not applied: why.
    Unfiltered(NoFilter),
}

/// Why a worker runs without the process filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoFilter {
    /// `DEKATA_SECCOMP=off`.
    TurnedOff,
    /// The kernel (or this machine's architecture) has no seccomp filter.
    Unsupported,
}

/// Whether the kernel confines the worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sandbox {
    Landlock,
    /// Not available; why, for the report.
    Unavailable(String),
}

/// A ruleset ready to be applied in a child.
pub struct Prepared {
    ruleset: Option<OwnedFd>,
    pub sandbox: Sandbox,
    /// The process filter to hand the worker (its environment variable),
    /// or why there is none.
    filter: Result<Option<(String, String)>, NoFilter>,
}

impl Confinement {
    /// Builds the Landlock ruleset (when the kernel has Landlock).
    pub fn prepare(&self) -> Result<Prepared> {
        let filter = self.filter();
        let abi = kernel_abi();
        if abi <= 0 {
            return Ok(Prepared { ruleset: None, sandbox: Sandbox::Unavailable(NO_LANDLOCK.to_string()), filter });
        }
        if std::env::var_os("DEKATA_LANDLOCK").is_some_and(|v| v == "off") {
            return Ok(Prepared { ruleset: None, sandbox: Sandbox::Unavailable(TURNED_OFF.to_string()), filter });
        }
        let mut ruleset = Ruleset::default()
            .set_compatibility(CompatLevel::BestEffort)
            .handle_access(AccessFs::from_all(ABI_ASKED))
            .context("cannot describe the worker's file-system rights")?;
        if !self.network {
            let handled =
                if self.listen { BitFlags::from(AccessNet::ConnectTcp) } else { AccessNet::from_all(ABI_ASKED) };
            ruleset = ruleset.handle_access(handled).context("cannot describe network rights")?;
        }
        if abi >= 6 {
            ruleset = ruleset.scope(Scope::from_all(ABI_ASKED)).context("cannot describe the worker's scope")?;
        }
        let mut created = ruleset.create().context("cannot create the worker's Landlock ruleset")?;
        let read: BitFlags<AccessFs> = AccessFs::ReadFile | AccessFs::ReadDir;
        let write = AccessFs::from_all(ABI_ASKED) & !AccessFs::Execute;
        for (paths, access) in [
            (&self.read, read),
            (&self.execute, BitFlags::from(AccessFs::ReadFile) | AccessFs::Execute),
            (&self.write, write | read),
        ] {
            for path in paths {
                // A path that does not exist on this machine grants nothing.
                let Ok(fd) = PathFd::new(path) else { continue };
                let access = if path.is_dir() { access } else { access & file_rights() };
                created = created
                    .add_rule(PathBeneath::new(fd, access))
                    .with_context(|| format!("cannot grant {} to the worker", path.display()))?;
            }
        }
        if !self.network {
            for port in &self.connect_ports {
                created = created
                    .add_rule(NetPort::new(*port, AccessNet::ConnectTcp))
                    .with_context(|| format!("cannot let the worker connect to port {port}"))?;
            }
        }
        let fd: Option<OwnedFd> = created.into();
        let fd = fd.map(above_channels).transpose()?;
        let sandbox = match fd {
            Some(_) => Sandbox::Landlock,
            None => Sandbox::Unavailable(NO_LANDLOCK.to_string()),
        };
        Ok(Prepared { ruleset: fd, sandbox, filter })
    }

    /// The process filter's environment variable for a worker that may not
    /// start processes.
    fn filter(&self) -> Result<Option<(String, String)>, NoFilter> {
        if self.processes {
            return Ok(None);
        }
        if std::env::var_os(harness::seccomp::ENV).is_some_and(|v| v == "off") {
            return Err(NoFilter::TurnedOff);
        }
        let program = filter_hex().ok_or(NoFilter::Unsupported)?;
        Ok(Some((harness::seccomp::ENV.to_string(), program.to_string())))
    }
}

/// The process filter's program as hex, built once.
fn filter_hex() -> Option<&'static str> {
    static HEX: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    HEX.get_or_init(|| harness::seccomp::program().map(|p| harness::seccomp::to_hex(&p))).as_deref()
}

/// The same open file under a descriptor number of 10 or more (closed on
/// exec): a child's setup moves its channels onto 3 and 4, and must not
/// overwrite a descriptor it still needs.
pub fn above_channels(fd: OwnedFd) -> std::io::Result<OwnedFd> {
    use std::os::fd::FromRawFd;
    // SAFETY: F_DUPFD_CLOEXEC duplicates a descriptor we own; the new one is
    // owned by the returned OwnedFd.
    let high = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 10) };
    if high < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(unsafe { OwnedFd::from_raw_fd(high) })
}

fn file_rights() -> BitFlags<AccessFs> {
    AccessFs::Execute | AccessFs::ReadFile | AccessFs::WriteFile | AccessFs::Truncate | AccessFs::IoctlDev
}

/// The kernel's Landlock ABI, or 0 (or less) without Landlock.
fn kernel_abi() -> i64 {
    const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
    // SAFETY: asking for the ABI version takes no pointers.
    unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<libc::c_void>(),
            0usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    }
}

impl Prepared {
    /// The environment variable that hands the worker its process filter.
    pub fn filter_env(&self) -> Option<&(String, String)> {
        self.filter.as_ref().ok().and_then(Option::as_ref)
    }

    /// Whether the worker `pid`, once it said hello, is kept from starting
    /// processes, read from the kernel (`Seccomp:` in its status).
    pub fn processes_of(&self, pid: u32) -> Processes {
        match &self.filter {
            Ok(None) => Processes::Allowed,
            Err(why) => Processes::Unfiltered(*why),
            Ok(Some(_)) if filtered(pid) => Processes::Refused,
            Ok(Some(_)) => Processes::Unfiltered(NoFilter::Unsupported),
        }
    }

    /// Makes `cmd`'s child apply the limits and the ruleset before `exec`.
    pub fn apply(&self, cmd: &mut Command, limits: Limits) {
        let ruleset = self.ruleset.as_ref().map(|fd| fd.as_raw_fd());
        // A worker that may start processes is their subreaper: one that
        // leaves its parent (a double fork, `setsid`) stays its descendant,
        // counted with it (`usage::family`).
        let subreaper = matches!(self.filter, Ok(None));
        // SAFETY: only async-signal-safe calls (setrlimit, prctl, and the
        // landlock system call) run between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if subreaper && libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                set_limit(libc::RLIMIT_AS, limits.address_space_bytes, limits.address_space_bytes)?;
                // SIGXCPU at the soft limit, SIGKILL a second later.
                set_limit(libc::RLIMIT_CPU, limits.cpu_seconds, limits.cpu_seconds.saturating_add(1))?;
                set_limit(libc::RLIMIT_FSIZE, limits.file_size_bytes, limits.file_size_bytes)?;
                set_limit(libc::RLIMIT_CORE, 0, 0)?;
                if let Some(fd) = ruleset {
                    if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    if libc::syscall(libc::SYS_landlock_restrict_self, fd, 0u32) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                Ok(())
            });
        }
    }
}

/// Whether the process `pid` runs under a seccomp filter.
fn filtered(pid: u32) -> bool {
    super::usage::status_field(pid as i32, "Seccomp:").is_some_and(|mode| mode == "2")
}

fn set_limit(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> std::io::Result<()> {
    let lim = libc::rlimit { rlim_cur: soft as libc::rlim_t, rlim_max: hard as libc::rlim_t };
    // SAFETY: setrlimit with a valid struct; async-signal-safe.
    if unsafe { libc::setrlimit(resource, &lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// The system's shared libraries, which every dynamically linked program
/// reads before its `main`.
pub fn system_libraries() -> Vec<PathBuf> {
    ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/etc/ld.so.cache"].iter().map(PathBuf::from).collect()
}

/// The dynamic loader a program names (its ELF `PT_INTERP`), which the
/// kernel executes along with it; `None` for a static program or a file
/// that is not a 64-bit little-endian ELF.
pub fn interpreter(program: &Path) -> Option<PathBuf> {
    // The headers and the loader's name sit at the file's start: a worker
    // binary of many MiB is read whole only when they do not.
    use std::io::Read;
    let mut head = Vec::with_capacity(HEAD_BYTES as usize);
    std::fs::File::open(program).ok()?.take(HEAD_BYTES).read_to_end(&mut head).ok()?;
    match interpreter_in(&head) {
        None if head.len() as u64 == HEAD_BYTES => interpreter_in(&std::fs::read(program).ok()?),
        found => found,
    }
}

/// How much of a program [`interpreter`] reads first.
const HEAD_BYTES: u64 = 64 * 1024;

fn interpreter_in(bytes: &[u8]) -> Option<PathBuf> {
    let u16_at = |at: usize| bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap_or_default()));
    let u64_at = |at: usize| bytes.get(at..at + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()));
    // ELF magic, 64-bit class, little-endian.
    if bytes.get(..6)? != b"\x7fELF\x02\x01" {
        return None;
    }
    let table = usize::try_from(u64_at(0x20)?).ok()?;
    let entry_size = usize::from(u16_at(0x36)?);
    for i in 0..usize::from(u16_at(0x38)?) {
        let header = table + i * entry_size;
        if u32_at(header)? == PT_INTERP {
            let offset = usize::try_from(u64_at(header + 8)?).ok()?;
            let size = usize::try_from(u64_at(header + 32)?).ok()?;
            let path = bytes.get(offset..offset + size)?;
            let path = path.split(|b| *b == 0).next()?;
            return Some(PathBuf::from(std::str::from_utf8(path).ok()?));
        }
    }
    None
}

const PT_INTERP: u32 = 3;

const TURNED_OFF: &str = "DEKATA_LANDLOCK=off, so the solution ran without the file and process sandbox \
(resource limits still applied)";
const NO_LANDLOCK: &str = "this kernel has no Landlock, so the solution ran without the file and process \
sandbox (resource limits still applied)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dynamic_program_names_its_loader_from_its_first_bytes() {
        let me = std::env::current_exe().unwrap();
        let loader = interpreter(&me).expect("a test binary is dynamically linked");
        assert!(loader.is_absolute() && loader.exists(), "{}", loader.display());
        // Its headers alone are enough; a file that is not ELF has none.
        let head: Vec<u8> = std::fs::read(&me).unwrap().into_iter().take(HEAD_BYTES as usize).collect();
        assert_eq!(interpreter_in(&head), Some(loader));
        assert_eq!(interpreter_in(b"#!/bin/sh\n"), None);
    }
}
