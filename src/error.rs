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
