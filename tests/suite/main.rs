//! dekata's integration tests, one binary: every test drives the real
//! `dekata` binary. One binary is linked once, and its tests share the two
//! cores: while one waits (a JVM's start, a worker's pipe, a watch's
//! debounce), another computes. Tests run in the order of their names, so
//! the catalogue's validations, the longest, start first (`catalog`).
//!
//! Tests that use dekata's Spark engine hold `common::spark_engine` (shared)
//! or `common::spark_engine_alone` (a test that stops or restarts it).

mod common;

mod catalog;
mod cli;
mod dataframe;
mod drill;
mod evasion;
mod fidelity;
mod golden;
mod grade_integrity;
mod grade_shards;
mod hostile;
mod hostile_python;
mod instructor;
mod interview;
mod isolation;
mod layout;
mod practice;
mod practice_folder;
mod python_track;
mod review;
mod rules;
mod spark;
mod watch;
mod wheel;
