//! Every kata in the catalogue is sound: `dekata validate` checks that the
//! reference passes on several seeds, the starter reaches todo!(), every
//! mutant gets exactly its declared verdict, and every case earns its place.

mod common;
use common::*;

/// The DataFrame katas validate in `tests/dataframe.rs`, the only tests
/// that build the engine.
#[test]
fn every_kata_validates() {
    let ids = kata_ids(false);
    assert!(ids.len() >= 15, "{ids:?}");
    // Three at a time on two cores: a grading waits on process starts and
    // pipes, and two left a tenth of the cores idle.
    let mut args = vec!["validate", "--jobs", "3"];
    args.extend(ids.iter().map(String::as_str));
    let out = dekata(&args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", stderr(&out));
    assert!(!text.contains('\u{2717}'), "{text}");
}
