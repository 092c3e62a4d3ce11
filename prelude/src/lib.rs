//! What a solution file sees, and nothing more.
//!
//! A solution's harness depends on this crate under the name `grader`, so
//! `use grader::prelude::*;` brings in the records and helpers the
//! contract promises (CONTRACT.md), and `grader::jobs` the output store and
//! dates of the backfill katas. The grader's machinery (the heap meter, the
//! worker, the protocol) lives in another crate that a solution cannot
//! name: `dekata compile` refuses any path to it before building.

pub mod jobs;
pub mod prelude;
#[doc(hidden)]
pub mod records;
pub mod source;

#[doc(hidden)]
pub mod hash;
