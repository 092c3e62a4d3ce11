//! A confined process group, seen from outside: how it is fenced in
//! (`confine`: rlimits, Landlock, the seccomp filter), what it prints
//! (`capture`: bounded drains of stdout and stderr), what it uses (`usage`
//! and `resident`: CPU and memory read from `/proc`, never from inside), and
//! who reaps what it leaves behind (`reaper`), and how it ended (`death`).
//!
//! Nothing here knows the worker protocol: `worker` starts its processes
//! with these parts, and so does the Spark engine.

pub mod capture;
pub mod confine;
pub mod death;
pub mod reaper;
pub mod resident;
pub mod usage;
