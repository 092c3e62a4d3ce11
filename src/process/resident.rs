//! A worker's resident memory, as the kernel counts it, read from outside
//! (`/proc`): nothing in the worker can hide or fake it. A worker that may
//! start processes (a PySpark worker's JVM) is counted with all of its
//! processes (`usage::family`).

use std::collections::BTreeMap;

/// Where a worker's memory stood when it was measured from.
pub struct Resident {
    pid: i32,
    starts_processes: bool,
    /// Each process's resident bytes then (its high-water mark was reset
    /// to them).
    base: BTreeMap<i32, u64>,
}

impl Resident {
    /// Resets the high-water mark of the worker `pid`'s processes (with the
    /// strays dekata holds, when it `starts_processes`) and notes where each stands.
    pub fn start(pid: u32, starts_processes: bool) -> Resident {
        let pid = pid as i32;
        let mut base = BTreeMap::new();
        for p in super::usage::counted(pid, starts_processes) {
            // "5" resets the peak resident size to the current one.
            let _ = std::fs::write(format!("/proc/{}/clear_refs", p.pid), "5");
            base.insert(p.pid, status_kib(p.pid, "VmRSS:").unwrap_or(0) * 1024);
        }
        Resident { pid, starts_processes, base }
    }

    /// The most the processes held at once since `start`, above where they
    /// stood then: each process's peak above its start, summed (a process
    /// started since counts whole).
    pub fn peak_since(&self) -> u64 {
        super::usage::counted(self.pid, self.starts_processes)
            .iter()
            .map(|p| {
                let peak = status_kib(p.pid, "VmHWM:").unwrap_or(0) * 1024;
                peak.saturating_sub(self.base.get(&p.pid).copied().unwrap_or(0))
            })
            .sum()
    }
}

/// A `kB` field of `/proc/<pid>/status`.
fn status_kib(pid: i32, field: &str) -> Option<u64> {
    super::usage::status_field(pid, field)?.trim_end_matches("kB").trim().parse().ok()
}
