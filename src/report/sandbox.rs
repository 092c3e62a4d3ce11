//! The one line a report gives when the kernel confined a solution less
//! than dekata asked: without Landlock, without the process filter, or
//! both.

use crate::process::confine::{NoFilter, Processes};

/// The line, if there is something to say: `files` is why Landlock was
/// not in force (already worded by `process::confine`), `processes` how the
/// process filter fared.
pub fn line(files: Option<String>, processes: Option<Processes>) -> Option<String> {
    let processes = match processes {
        Some(Processes::Unfiltered(NoFilter::TurnedOff)) => Some(FILTER_TURNED_OFF),
        Some(Processes::Unfiltered(NoFilter::Unsupported)) => Some(NO_FILTER),
        _ => None,
    };
    match (files, processes) {
        (None, None) => None,
        (Some(files), None) => Some(files),
        (None, Some(processes)) => Some(processes.to_string()),
        (Some(files), Some(processes)) => Some(format!("{files}; {processes}")),
    }
}

const FILTER_TURNED_OFF: &str = "DEKATA_SECCOMP=off, so the solution ran without the process filter (it could \
start processes and run programs the file sandbox lets it read)";
const NO_FILTER: &str = "this kernel has no seccomp filter, so the solution ran without the process filter \
(it could start processes and run programs the file sandbox lets it read)";
