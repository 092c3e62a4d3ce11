//! The generators hold O(1) state: a million events cost no more heap than
//! a thousand. Measured with the same counting allocator the harness uses.

use harness::meter::{CountingAlloc, peak, reset_peak};
use harness::streams::{EventStream, Family, StreamParams, StreamSpec};

#[global_allocator]
static HEAP: CountingAlloc = CountingAlloc;

/// The counters are global: tests that measure must not overlap.
static MEASURING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn peak_while_draining(events: u64, families: &[Family]) -> usize {
    let spec = StreamSpec {
        record: Default::default(),
        seed: 1,
        events,
        families: families.to_vec(),
        params: StreamParams::default(),
        dataset: None,
    };
    let base = reset_peak();
    let mut n = 0u64;
    for e in EventStream::new(&spec) {
        n += e.user_id & 1;
    }
    std::hint::black_box(n);
    peak() - base
}

#[test]
fn generators_run_in_constant_memory() {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let families = [Family::Retries, Family::Nulls, Family::Ties, Family::OutOfOrder, Family::Late, Family::Skew];
    let small = peak_while_draining(1_000, &families);
    let large = peak_while_draining(1_000_000, &families);
    assert!(large < 64 * 1024, "a million events peaked at {large} bytes");
    assert!(large <= small * 2 + 4096, "peak grew from {small} to {large} bytes");
}

#[test]
fn the_meter_sees_a_materialised_stream() {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let base = reset_peak();
    let v: Vec<u64> = (0..1_000_000u64).collect();
    let p = peak() - base;
    drop(v);
    // Other threads of the test harness may free a few bytes meanwhile.
    let slack = 64 * 1024;
    assert!(p + slack >= 8_000_000, "a vector of 8,000,000 bytes peaked at {p}");
}
