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

/// How dekata's process ends: CONTRACT.md's exit statuses, and the words
/// that lead a failed request's message on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything asked for passed (or was shown).
    Passed,
    /// A solution failed: a compile error, a wrong answer, a limit.
    Failed,
    /// The request is bad: an unknown kata, a malformed kata file.
    BadRequest,
    /// dekata itself failed, or one of its tools.
    Internal,
    /// Something the user can install is missing.
    Setup,
}

impl Exit {
    /// The status of a command's result.
    pub fn of(result: &anyhow::Result<bool>) -> Exit {
        match result {
            Ok(true) => Exit::Passed,
            Ok(false) => Exit::Failed,
            Err(e) if e.downcast_ref::<BadRequest>().is_some() => Exit::BadRequest,
            Err(e) if e.downcast_ref::<Setup>().is_some() => Exit::Setup,
            Err(_) => Exit::Internal,
        }
    }

    /// The process's exit status.
    pub fn status(self) -> u8 {
        match self {
            Exit::Passed => 0,
            Exit::Failed => 1,
            Exit::BadRequest => 2,
            Exit::Internal => 3,
            Exit::Setup => 4,
        }
    }

    /// What leads an error's message on stderr.
    pub fn lead(self) -> &'static str {
        match self {
            Exit::BadRequest => "dekata: error:",
            Exit::Setup => "dekata: setup needed:",
            _ => "dekata: internal error:",
        }
    }
}
