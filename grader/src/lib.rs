//! The dekata harness library.
//!
//! Everything a compiled kata harness needs lives here, one stage per module:
//! `streams` makes the seeded inputs (`tables` those of the DataFrame katas,
//! which `grader-df` loads into the engine), `meter` counts heap bytes, `sink` turns
//! an output into canonical items and a digest, `compare` and `diff` explain a
//! mismatch, `shrink` finds a small counterexample, and `harness` is the
//! child process's `main`. `protocol` holds the types the `dekata` command and
//! the child exchange; `prelude` is what a learner's file sees.

pub mod compare;
pub mod diff;
pub mod harness;
pub mod jobs;
pub mod meter;
pub mod prelude;
pub mod protocol;
pub mod questions;
pub mod rng;
pub mod shrink;
pub mod sink;
pub mod streams;
pub mod tables;
