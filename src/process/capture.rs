//! Bounded capture of a worker's standard output and error: threads drain
//! each stream and keep only a head and a tail, so a flood of output can
//! neither stall the worker on a full pipe nor fill the parent's memory.

use std::io::Read;
use std::sync::{Arc, Mutex};
use std::thread;

/// What was kept of one stream.
#[derive(Debug, Default, Clone)]
pub struct Captured {
    pub head: Vec<u8>,
    pub tail: Vec<u8>,
    pub total: u64,
}

const KEEP: usize = 8 * 1024;

impl Captured {
    /// The kept text, with a note of what was left out.
    pub fn text(&self) -> String {
        let head = String::from_utf8_lossy(&self.head);
        if self.tail.is_empty() {
            return head.into_owned();
        }
        let skipped = self.total - (self.head.len() + self.tail.len()) as u64;
        let tail = String::from_utf8_lossy(&self.tail);
        if skipped == 0 {
            format!("{head}{tail}")
        } else {
            format!("{head}\n[... {skipped} bytes left out ...]\n{tail}")
        }
    }

    fn take(&mut self, mut chunk: &[u8]) {
        self.total += chunk.len() as u64;
        if self.head.len() < KEEP {
            let take = (KEEP - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
        }
        self.tail.extend_from_slice(chunk);
        if self.tail.len() > 2 * KEEP {
            self.tail.drain(..self.tail.len() - KEEP);
        }
    }
}

/// A stream being drained; its capture can be read at any time.
#[derive(Clone, Default)]
pub struct Drain {
    kept: Arc<Mutex<Captured>>,
}

impl Drain {
    pub fn start(mut from: impl Read + Send + 'static) -> Drain {
        let drain = Drain::default();
        let kept = Arc::clone(&drain.kept);
        thread::spawn(move || {
            let mut buf = [0u8; 16 * 1024];
            while let Ok(n) = from.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut k) = kept.lock() {
                    k.take(&buf[..n]);
                }
            }
        });
        drain
    }

    /// What has been kept so far.
    pub fn snapshot(&self) -> Captured {
        let mut c = self.kept.lock().map(|k| k.clone()).unwrap_or_default();
        if c.tail.len() > KEEP {
            c.tail.drain(..c.tail.len() - KEEP);
        }
        c
    }
}
