//! How fast the generator makes streams: events (and rows) per second on
//! a million-record stream, as a memory case's solution would read it
//! (record by record, each dropped after use). Run with
//! `cargo bench -p dekata-harness --bench generation`.
//!
//! Each figure is the best of several runs, beside the time to make and
//! drop the same number of small strings (three per event, as an event
//! holds), measured in the same run as a baseline for this machine. Every
//! allocation goes through the heap meter, as in a worker.

use harness::streams::{EventStream, Family, RecordKind, RowStream, StreamParams, StreamSpec};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// As in a worker: every allocation counted.
#[global_allocator]
static HEAP: harness::meter::CountingAlloc = harness::meter::CountingAlloc;

const EVENTS: u64 = 1_000_000;
const RUNS: usize = 7;

fn spec(record: RecordKind, families: &[Family], users: u64) -> StreamSpec {
    StreamSpec {
        record,
        seed: 42,
        events: EVENTS,
        families: families.to_vec(),
        params: StreamParams { users, ..StreamParams::default() },
        dataset: None,
    }
}

fn best(mut run: impl FnMut() -> u64) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            black_box(run());
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(name: &str, took: Duration, baseline: Duration) {
    let rate = EVENTS as f64 / took.as_secs_f64();
    println!(
        "{name:<42} {:>7.1} ms  {:>6.2} M records/s  {:>5.2}x the string baseline",
        took.as_secs_f64() * 1e3,
        rate / 1e6,
        took.as_secs_f64() / baseline.as_secs_f64()
    );
}

fn main() {
    let baseline = best(|| {
        let mut n = 0u64;
        for i in 0..EVENTS {
            let a = format!("e{i:07}");
            let b = String::from("add_to_cart");
            let c = Some(String::from("etl"));
            n += (a.len() + b.len() + c.map_or(0, |c| c.len())) as u64;
        }
        n
    });
    report("baseline: 3 small strings per event", baseline, baseline);
    let cases: [(&str, RecordKind, &[Family], u64); 5] = [
        ("events: clean, retries (count_events)", RecordKind::Events, &[Family::Clean, Family::Retries], 10),
        ("events: retries, nulls, ties", RecordKind::Events, &[Family::Retries, Family::Nulls, Family::Ties], 1000),
        ("events: out_of_order, late", RecordKind::Events, &[Family::OutOfOrder, Family::Late], 1000),
        ("events: skew", RecordKind::Events, &[Family::Skew], 1000),
        ("rows: missing fields, wrong types", RecordKind::Rows, &[Family::MissingFields, Family::WrongTypes], 1000),
    ];
    let s = spec(RecordKind::Events, &[Family::Retries, Family::Nulls, Family::Ties], 1000);
    let took = best(|| {
        let mut line = Vec::with_capacity(1024 * 160);
        let mut bytes = 0u64;
        for (i, e) in EventStream::new(&s).enumerate() {
            if i % 1024 == 0 {
                bytes += line.len() as u64;
                line.clear();
            }
            serde_json::to_writer(&mut line, &e).unwrap_or_default();
            line.push(b',');
        }
        bytes
    });
    report("events as JSON feed lines (a Python feed)", took, baseline);
    for (name, record, families, users) in cases {
        let s = spec(record, families, users);
        let took = match record {
            RecordKind::Rows => best(|| RowStream::new(&s).map(|r| r.len() as u64).sum()),
            _ => best(|| EventStream::new(&s).map(|e| e.user_id).sum()),
        };
        report(name, took, baseline);
    }
}
