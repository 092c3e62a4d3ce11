//! What a worker uses, read from the kernel (`/proc`), outside the
//! worker's reach.

/// The CPU time (user and system) of every process in the group `pgid`,
/// as the kernel counts it, in microseconds.
pub fn group_cpu_us(pgid: u32) -> u64 {
    // SAFETY: sysconf takes no pointers.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let Ok(entries) = std::fs::read_dir("/proc") else { return 0 };
    let mut total = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // After the command's closing parenthesis: state, ppid, pgrp, ...
        let Some((_, rest)) = stat.rsplit_once(')') else { continue };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let field = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
        if field(2) == u64::from(pgid) {
            // utime, stime, and the times of children already reaped.
            total += field(11) + field(12) + field(13) + field(14);
        }
    }
    total * 1_000_000 / ticks
}
