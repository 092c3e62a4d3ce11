//! What a worker uses, read from the kernel (`/proc`), outside the
//! worker's reach.

/// One process as `/proc/<pid>/stat` shows it.
pub(super) struct Process {
    pub pid: i32,
    pub ppid: i32,
    pub pgrp: i32,
    /// utime, stime, and the times of children already reaped, in clock
    /// ticks.
    pub cpu_ticks: u64,
}

/// Every process the kernel lists, read from `/proc`.
pub(super) fn processes() -> impl Iterator<Item = Process> {
    let entries = std::fs::read_dir("/proc").into_iter().flatten().flatten();
    entries.filter_map(|entry| {
        let pid = entry.file_name().to_string_lossy().parse::<i32>().ok()?;
        let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
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
    })
}

/// The CPU time (user and system) of every process in the group `pgid`,
/// as the kernel counts it, in microseconds.
pub fn group_cpu_us(pgid: u32) -> u64 {
    // SAFETY: sysconf takes no pointers.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let total: u64 = processes().filter(|p| i64::from(p.pgrp) == i64::from(pgid)).map(|p| p.cpu_ticks).sum();
    total * 1_000_000 / ticks
}
