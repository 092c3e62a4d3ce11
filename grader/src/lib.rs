//! The dekata grader: everything between a kata's description and a
//! verdict that is not the `dekata` command itself.
//!
//! One stage per module: `streams` makes the seeded inputs (`tables` those of
//! the DataFrame katas, which `grader-df` loads into the engine), `jobs` runs
//! backfill jobs by their procedure, `sink` turns an output into canonical
//! items and a digest, `compare` and `diff` explain a mismatch, `shrink`
//! finds a small counterexample, `feed` sends records to a worker that does
//! not generate them, `record` is one input record of any kind and `given`
//! reads records a reviewer wrote, `questions` holds the interviewer's
//! follow-ups. `protocol` is what `dekata` and a worker process say to each
//! other; `worker` is the Rust worker's runtime and `meter` its heap
//! counter; `seccomp` the filter that keeps a worker from starting
//! processes. `prelude` is what a solution sees (the `dekata-prelude` crate).

pub mod chunks;
pub mod compare;
pub mod datasets;
pub mod diff;
pub mod feed;
pub mod given;
pub mod jobs;
pub mod meter;
pub mod partitions;
pub mod prelude;
pub mod protocol;
pub mod questions;
pub mod record;
pub mod rng;
pub mod rust_worker;
pub mod seccomp;
pub mod shrink;
pub mod sink;
pub mod streams;
pub mod tables;
