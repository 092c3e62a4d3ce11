//! The worker's reply channel, read on a thread, and its request channel,
//! written without SIGPIPE.

use harness::protocol::Reply;
use std::io::{BufRead, BufReader, Read};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::mpsc;
use std::thread;

pub(super) enum Incoming {
    Reply(Reply),
    Garbled(String),
    Closed,
}

/// Reads reply lines on a thread: a line too long or not a reply is
/// garbled (a solution writing on the channel), the end is `Closed`.
pub(super) fn read_replies(socket: UnixStream) -> mpsc::Receiver<Incoming> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut reader = BufReader::with_capacity(256 * 1024, socket);
        loop {
            let mut line = Vec::new();
            match (&mut reader).take(MAX_LINE).read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => {
                    let _ = tx.send(Incoming::Closed);
                    return;
                }
                Ok(_) if line.last() != Some(&b'\n') => {
                    let _ = tx.send(Incoming::Garbled(format!("a reply line of more than {MAX_LINE} bytes")));
                    return;
                }
                Ok(_) => {
                    let incoming = match harness::protocol::parse_reply(&line) {
                        Ok(reply) => Incoming::Reply(reply),
                        Err(_) => Incoming::Garbled(String::from_utf8_lossy(&line[..line.len().min(200)]).into_owned()),
                    };
                    let stop = matches!(incoming, Incoming::Garbled(_));
                    if tx.send(incoming).is_err() || stop {
                        return;
                    }
                }
            }
        }
    });
    rx
}

const MAX_LINE: u64 = 256 * 1024 * 1024;

/// Writes all of `bytes` without raising SIGPIPE when the worker is gone.
pub(super) fn send_all(socket: &UnixStream, mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        // SAFETY: send(2) on a socket we own, with a valid buffer.
        let n = unsafe { libc::send(socket.as_raw_fd(), bytes.as_ptr().cast(), bytes.len(), libc::MSG_NOSIGNAL) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        bytes = &bytes[n as usize..];
    }
    Ok(())
}
