//! Every kata in the catalogue is sound, in every form it has: `dekata
//! validate` checks that the reference passes on several seeds, the starter
//! reaches todo!(), every mutant gets exactly its declared verdict, and
//! every case earns its place. The longest tests of the suite, named to
//! run first.

use crate::common;
use common::*;

/// The katas of patterns 1 to 5, in Rust and in Python.
#[test]
fn every_kata_validates() {
    let ids = kata_ids(false);
    assert!(ids.len() >= 15, "{ids:?}");
    let mut args = vec!["validate", "--jobs", VALIDATE_JOBS];
    args.extend(ids.iter().map(String::as_str));
    let out = dekata(&args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", stderr(&out));
    assert!(!text.contains('\u{2717}'), "{text}");
}

/// The DataFrame katas on DataFusion. The first test to need the engine
/// builds it, once, in the shared target folder.
#[test]
fn every_dataframe_kata_validates() {
    let ids = kata_ids(true);
    assert!(ids.len() >= 4, "{ids:?}");
    let mut args = vec!["validate", "--lang", "rust", "--jobs", VALIDATE_JOBS];
    args.extend(ids.iter().map(String::as_str));
    let out = dekata(&args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", stderr(&out));
    assert!(!text.contains('\u{2717}'), "{text}");
}

/// The DataFrame katas in PySpark: each reference agrees with DataFusion's
/// on every case and three seeds, keeps the plan rules, and every mutant
/// gets exactly its verdict. Two katas at a time share the engine, as a
/// class's submissions do: one kata's worker builds its plan while the
/// engine judges the other's.
#[test]
fn every_dataframe_kata_validates_in_pyspark() {
    let _engine = spark_engine();
    let ids = kata_ids(true);
    let mut args = vec!["validate", "--lang", "python", "--jobs", "2"];
    args.extend(ids.iter().map(String::as_str));
    let out = dekata(&args);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\nstderr:\n{}", stderr(&out));
    assert!(text.contains(&format!("{n} of {n} katas valid.", n = ids.len())), "{text}");
    assert_eq!(text.matches("agreeing with the DataFusion reference").count(), ids.len(), "{text}");
}
