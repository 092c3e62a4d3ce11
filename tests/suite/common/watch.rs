//! `dekata watch` driven through pipes: standard input is not a terminal,
//! so commands are read line by line and each check is printed below a
//! separator line. Waits use generous timeouts and never assert on timing.

use super::Root;
use std::io::{Read, Write};
use std::process::{Child, ChildStdin, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A first check builds the harness; a busy 2-core machine may be slow.
pub const PATIENCE: Duration = Duration::from_secs(180);
/// The line that ends every page: the loop is waiting for the next command.
pub const READY: &str = "Commands (type one, then Enter)";

/// A running `dekata watch` whose output is collected as it comes.
pub struct Watch {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Watch {
    pub fn start(root: &Root, args: &[&str]) -> Watch {
        Watch::command(root, "watch", args)
    }

    /// Another interactive command (`interview`), driven the same way.
    pub fn command(root: &Root, command: &str, args: &[&str]) -> Watch {
        let mut child = super::dekata_command(root.path())
            .arg(command)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dekata watch starts");
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        Watch { stdin: child.stdin.take(), child, stdout, stderr }
    }

    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    /// Waits until `needle` appears at or after byte `from` of stdout;
    /// returns the offset just past it.
    pub fn wait_for(&mut self, needle: &str, from: usize) -> usize {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = self.output();
            if let Some(at) = text.get(from..).and_then(|rest| rest.find(needle)) {
                return from + at + needle.len();
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("dekata watch ended ({status}) before printing {needle:?}:\n{text}\nstderr:\n{}", self.errors());
            }
            if Instant::now() > deadline {
                panic!("no {needle:?} after {PATIENCE:?}:\n{text}\nstderr:\n{}", self.errors());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin still open");
        stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Closes standard input and waits for the process to end.
    pub fn wait_exit(&mut self) -> ExitStatus {
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                panic!("dekata watch did not end:\n{}\nstderr:\n{}", self.output(), self.errors());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn quit(&mut self) -> ExitStatus {
        self.send("q");
        self.wait_exit()
    }

    pub fn errors(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Reads `from` to its end on a thread, into a buffer shared with the test.
fn collect(mut from: impl Read + Send + 'static) -> Arc<Mutex<Vec<u8>>> {
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let shared = Arc::clone(&buffer);
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n) = from.read(&mut chunk) {
            if n == 0 {
                break;
            }
            shared.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    buffer
}
