//! The worker's end of the two channels: requests in on fd 3, replies out
//! on fd 4, one JSON document per line. Both descriptors are opened by the
//! parent before the worker starts; nothing in a solution can name them.

use crate::protocol::{REPLY_FD, REQUEST_FD, Reply, Request};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::FromRawFd;

pub struct Channel {
    requests: BufReader<File>,
    replies: File,
    line: String,
}

impl Channel {
    /// Takes over fds 3 and 4; fails when either is not open.
    pub fn open() -> std::io::Result<Channel> {
        for fd in [REQUEST_FD, REPLY_FD] {
            // SAFETY: F_GETFD only asks whether the descriptor is open.
            if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        // SAFETY: both descriptors are open (checked above) and owned by
        // this process for its whole life: the parent opened them for it.
        let (requests, replies) = unsafe { (File::from_raw_fd(REQUEST_FD), File::from_raw_fd(REPLY_FD)) };
        Ok(Channel { requests: BufReader::with_capacity(64 * 1024, requests), replies, line: String::new() })
    }

    /// The next request, or `None` when the parent closed the channel.
    pub fn receive(&mut self) -> std::io::Result<Option<Request>> {
        self.line.clear();
        if self.requests.read_line(&mut self.line)? == 0 {
            return Ok(None);
        }
        serde_json::from_str(&self.line).map(Some).map_err(std::io::Error::other)
    }

    /// Sends one reply as one line.
    pub fn send(&mut self, reply: &Reply) -> std::io::Result<()> {
        let mut bytes = serde_json::to_vec(reply).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        self.replies.write_all(&bytes)
    }
}
