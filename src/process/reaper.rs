//! Processes a worker leaves behind.
//!
//! A worker runs in its own process group, and killing the group ends it
//! with its children (a PySpark worker's JVM). A process that leaves the
//! group (`setsid`, `setpgid`, started through a JVM the solution drives)
//! would outlive that. So dekata makes itself the "subreaper" of its
//! descendants: an orphan is re-parented to dekata instead of to init, and
//! after a worker ends, every child of dekata that is neither in dekata's
//! own group (its cargo and pip) nor in a live worker's group is killed and
//! reaped.

use std::collections::BTreeSet;
use std::sync::{Mutex, Once};

/// The process groups of workers that are running.
static LIVE: Mutex<BTreeSet<i32>> = Mutex::new(BTreeSet::new());

/// Becomes the subreaper of every process dekata starts, once.
pub fn adopt_orphans() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: prctl with integer arguments.
        unsafe {
            libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        }
    });
}

/// Starts a worker (the leader of its own group) and records its group,
/// under the same lock a sweep holds: a sweep never sees a worker that is
/// started but not yet recorded.
pub fn spawn(cmd: &mut std::process::Command) -> std::io::Result<std::process::Child> {
    let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    return_free_memory();
    let child = cmd.spawn()?;
    live.insert(child.id() as i32);
    Ok(child)
}

/// Hands the memory the allocator holds free back to the kernel. A worker
/// is started by `fork` (its confinement runs between fork and exec), and
/// a fork copies the page tables of all of dekata's resident memory, freed
/// or not: after a kata whose expected outputs filled a few hundred MiB,
/// every later start paid for them (half the system time of a catalogue
/// validation went to copying and tearing down those tables).
fn return_free_memory() {
    // SAFETY: glibc's malloc_trim takes no pointers and is thread-safe.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Keeps the process group `pgid` (dekata's Spark engine, which leads a
/// session of its own and outlives this process) from every sweep.
pub fn keep(pgid: i32) {
    LIVE.lock().unwrap_or_else(|e| e.into_inner()).insert(pgid);
}

/// A worker's group was killed: what is left of it, and anything else a
/// worker left behind, is killed and reaped.
pub fn release(pgid: i32) {
    LIVE.lock().unwrap_or_else(|e| e.into_inner()).remove(&pgid);
    sweep();
}

/// Waits (at most `patience`) until no process of the group `pgid` is
/// left, reaping the ones that were re-parented to dekata meanwhile.
pub fn wait_for_group_end(pgid: i32, patience: std::time::Duration) {
    let until = std::time::Instant::now() + patience;
    // SAFETY: signal 0 only asks whether the group has a process.
    while unsafe { libc::kill(-pgid, 0) } == 0 && std::time::Instant::now() < until {
        sweep();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// The start of the name of a scratch folder this dekata makes: it names
/// the process, so that a later dekata can tell a folder left by one that
/// was killed.
pub fn scratch_prefix() -> String {
    format!("worker-{}-", std::process::id())
}

/// Removes the scratch folders in `dir` of dekata processes that have
/// ended (killed before they could remove them).
pub fn remove_stale_scratch(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) =
            name.strip_prefix("worker-").and_then(|r| r.split('-').next()).and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether `p` is a stray: a child of dekata (re-parented to it as the
/// subreaper) outside its own group and every live worker's group.
pub(super) fn is_stray(p: &super::usage::Process) -> bool {
    // SAFETY: getpid and getpgrp take no arguments.
    let (me, my_group) = unsafe { (libc::getpid(), libc::getpgrp()) };
    p.ppid == me && p.pgrp != my_group && !LIVE.lock().unwrap_or_else(|e| e.into_inner()).contains(&p.pgrp)
}

/// Kills and reaps the children of dekata outside its own group and every
/// live worker's group.
fn sweep() {
    let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: getpid and getpgrp take no arguments.
    let (me, my_group) = unsafe { (libc::getpid(), libc::getpgrp()) };
    for (pid, pgid) in children_of(me) {
        if pgid == my_group || live.contains(&pgid) {
            continue;
        }
        // SAFETY: signalling and reaping a child of this process.
        unsafe {
            libc::kill(pid, libc::SIGKILL);
            libc::waitpid(pid, std::ptr::null_mut(), 0);
        }
    }
}

/// The children of `parent`, each with its process group, from /proc.
fn children_of(parent: i32) -> Vec<(i32, i32)> {
    super::usage::processes().filter(|p| p.ppid == parent).map(|p| (p.pid, p.pgrp)).collect()
}
