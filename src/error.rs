//! The error kinds that choose dekata's exit status.

use std::fmt;

/// A request dekata cannot serve as asked: an unknown kata, a malformed kata
/// file, a missing solution. Exit status 2.
#[derive(Debug)]
pub struct BadRequest(String);

impl BadRequest {
    pub fn new(message: impl Into<String>) -> BadRequest {
        BadRequest(message.into())
    }
}

impl fmt::Display for BadRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadRequest {}

/// A failure of dekata itself, not of the request or the solution: cargo
/// that cannot run, a kata's reference that fails its own case, an engine
/// that cannot be built. Exit status 3.
#[derive(Debug)]
pub struct Internal(String);

impl Internal {
    pub fn new(message: impl Into<String>) -> Internal {
        Internal(message.into())
    }
}

impl fmt::Display for Internal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Internal {}

/// Something this machine lacks that a request needs, which the learner
/// can install: Java for the PySpark katas, the network for PySpark's
/// one-time install. Exit status 4.
#[derive(Debug)]
pub struct Setup(String);

impl Setup {
    pub fn new(message: impl Into<String>) -> Setup {
        Setup(message.into())
    }
}

impl fmt::Display for Setup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Setup {}
