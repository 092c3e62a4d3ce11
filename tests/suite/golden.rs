//! Golden reports: the JSON of a check, with timings and heap sizes (which
//! vary from run to run) scrubbed. Set UPDATE_GOLDEN=1 to rewrite them after
//! a deliberate change, and review the diff.

use crate::common;
use common::*;

fn golden(name: &str, kata: &str, solution: &str) {
    let (_, report) = check_file(kata, &kata_file(kata, solution));
    let actual = serde_json::to_string_pretty(&scrub(report)).unwrap() + "\n";
    assert_golden(name, &actual);
}

#[test]
fn count_events_wrong_key_report() {
    golden("count_events-wrong_key", "count_events", "mutants/wrong_key.rs");
}

#[test]
fn count_events_starter_report() {
    golden("count_events-starter", "count_events", "starter.rs");
}

#[test]
fn heavy_hitters_collect_first_report() {
    golden("heavy_hitters-collect_first", "heavy_hitters", "mutants/collect_first.rs");
}
