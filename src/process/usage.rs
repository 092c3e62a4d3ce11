//! What a worker uses, read from the kernel (`/proc`), outside the
//! worker's reach: its processes, and their CPU time.

/// One process as `/proc/<pid>/stat` shows it.
pub(super) struct Process {
    pub pid: i32,
    pub ppid: i32,
    pub pgrp: i32,
    /// utime, stime, and the times of children already reaped, in clock
    /// ticks.
    pub cpu_ticks: u64,
}

/// A field of `/proc/<pid>/status` (`VmHWM:`, `Seccomp:`), its value
/// trimmed: the one reader of that file.
pub(crate) fn status_field(pid: i32, field: &str) -> Option<String> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    Some(line[field.len()..].trim().to_string())
}

/// Every process the kernel lists, read from `/proc`.
pub(super) fn processes() -> impl Iterator<Item = Process> {
    let entries = std::fs::read_dir("/proc").into_iter().flatten().flatten();
    entries.filter_map(|entry| process(entry.file_name().to_string_lossy().parse::<i32>().ok()?))
}

/// One process, from `/proc/<pid>/stat`.
fn process(pid: i32) -> Option<Process> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command's closing parenthesis: state, ppid, pgrp, ...
    let (_, rest) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    Some(Process {
        pid,
        ppid: fields.get(1)?.parse().ok()?,
        pgrp: fields.get(2)?.parse().ok()?,
        cpu_ticks: ticks(11) + ticks(12) + ticks(13) + ticks(14),
    })
}

/// The processes of the worker `pid` (the leader of its group): every
/// process of its group, every descendant (one that left the group with
/// `setsid` included), and the strays dekata holds as their subreaper
/// (`reaper::is_stray`), with their descendants, when `strays` (a worker
/// that can start processes). A worker that may not start processes is one
/// process; a PySpark worker is its Python, its JVM, and whatever they
/// started.
pub(super) fn family(pid: i32, strays: bool) -> Vec<Process> {
    let all: Vec<Process> = processes().collect();
    let mut inside: std::collections::BTreeSet<i32> = all
        .iter()
        .filter(|p| p.pid == pid || p.pgrp == pid || (strays && super::reaper::is_stray(p)))
        .map(|p| p.pid)
        .collect();
    // Descendants, to any depth: a pass per generation.
    loop {
        let before = inside.len();
        for p in &all {
            if inside.contains(&p.ppid) {
                inside.insert(p.pid);
            }
        }
        if inside.len() == before {
            break;
        }
    }
    all.into_iter().filter(|p| inside.contains(&p.pid)).collect()
}

/// The processes counted as the worker `pid`'s: its [`family`], strays
/// included, when it may start processes; else the one process (the
/// process filter keeps it from starting any, so nothing else of
/// `/proc` need be read).
pub(super) fn counted(pid: i32, starts_processes: bool) -> Vec<Process> {
    if starts_processes { family(pid, true) } else { process(pid).into_iter().collect() }
}

/// The CPU time (user and system) of the worker `pid`'s processes
/// ([`family`]), as the kernel counts it, in microseconds.
pub fn family_cpu_us(pid: u32, starts_processes: bool) -> u64 {
    // SAFETY: sysconf takes no pointers.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let total: u64 = counted(pid as i32, starts_processes).iter().map(|p| p.cpu_ticks).sum();
    total * 1_000_000 / ticks
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::CommandExt;

    #[test]
    fn a_descendant_that_left_the_group_is_still_in_the_family() {
        // Started as dekata starts a worker, so that another test's sweep
        // of leftovers (`reaper::release`) spares it.
        let mut child = super::super::reaper::spawn(
            std::process::Command::new("sh").args(["-c", "setsid sleep 30 & sleep 30"]).process_group(0),
        )
        .expect("sh runs");
        let pid = child.id() as i32;
        let mut left = None;
        // Wait (a while, not a deadline to meet) for the shell's children.
        for _ in 0..3_000 {
            let family = family(pid, false);
            left = family.iter().find(|p| p.pgrp != pid).map(|p| p.pid);
            if left.is_some() && family.len() >= 3 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let family: Vec<i32> = family(pid, false).iter().map(|p| p.pid).collect();
        // SAFETY: signalling processes this test started.
        unsafe {
            if let Some(left) = left {
                libc::kill(left, libc::SIGKILL);
            }
            libc::kill(-pid, libc::SIGKILL);
        }
        let _ = child.wait();
        super::super::reaper::release(pid);
        let left = left.expect("the setsid child was seen, in a group of its own");
        assert!(family.contains(&left), "{family:?} lacks {left}");
        assert!(family.contains(&pid), "{family:?}");
    }
}
