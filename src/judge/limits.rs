//! The limits a case holds a solution to: multiples of the reference's
//! own time, heap and state, with floors and slack from the kata.

use super::{Finding, Judged, Verdict};
use crate::catalog::Limits;
use crate::results::Measured;

/// The CPU time a case allows a solution, from its language's reference
/// (`baseline`): the one place a case's time limit is computed.
pub fn case_time_limit_ms(limits: &Limits, baseline: &Measured) -> u64 {
    time_limit_ms(limits, reference_time_us(baseline))
}

/// Whether a solution judged too slow was near enough the limit that the
/// reference is timed again, on this machine as it is now, before the
/// verdict stands (a busy machine slows the reference's cached time's
/// run less than this one).
pub fn worth_retiming(judged: &Judged) -> bool {
    matches!(&judged.finding, Finding::Slow(slow) if slow.cpu_ms < slow.limit_ms * RETIME_WITHIN)
}

/// Within this multiple of the limit, a slow verdict is re-timed.
const RETIME_WITHIN: u64 = 3;

/// Judges a slow solution's time again against the reference timed `now`:
/// within the new limit, the case passes.
pub fn retimed(judged: &mut Judged, limits: &Limits, now: &Measured) {
    let Finding::Slow(slow) = &mut judged.finding else { return };
    let limit = case_time_limit_ms(limits, now);
    slow.retimed = true;
    slow.reference_cpu_ms = now.measure.cpu_us / 1000;
    slow.limit_ms = limit;
    judged.measures.time_limit_ms = limit;
    if slow.cpu_ms <= limit {
        judged.verdict = Verdict::Pass;
        judged.finding = Finding::Passed;
    }
}

/// The time a case allows: a multiple of the reference's, with a floor.
pub fn time_limit_ms(limits: &Limits, reference_us: u64) -> u64 {
    let scaled = (reference_us as f64 / 1000.0 * limits.time_factor).ceil() as u64;
    scaled.max(limits.time_floor_ms)
}

/// The peak heap a memory case allows.
pub fn memory_limit(limits: &Limits, reference_peak: u64) -> u64 {
    (reference_peak as f64 * limits.memory_factor) as u64 + limits.memory_slack_kib * 1024
}

/// The state a resumable case allows: a multiple of the reference's
/// largest checkpoint, with the same slack as the heap.
pub fn state_limit(limits: &Limits, reference_largest: u64) -> u64 {
    memory_limit(limits, reference_largest)
}

/// The reference's time a limit is a multiple of: its CPU time (a result
/// cached before CPU time was measured has only its wall time).
pub fn reference_time_us(baseline: &Measured) -> u64 {
    if baseline.measure.cpu_us > 0 { baseline.measure.cpu_us } else { baseline.measure.elapsed_us }
}
