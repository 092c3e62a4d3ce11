//! Heap accounting for the harness process.
//!
//! [`CountingAlloc`] wraps the system allocator and keeps the bytes currently
//! allocated and the peak since the last [`reset_peak`], in atomics, so that
//! threads a solution spawns are counted too. The harness installs it as the
//! global allocator of the child process (the `dekata` command itself does
//! not use it).
//!
//! The hard memory cap is not enforced here: the parent sets `RLIMIT_AS` on
//! the child, so a runaway allocation fails in the system allocator. When it
//! does, [`CountingAlloc`] writes an `out_of_memory` reply to the reply
//! channel, without allocating, before Rust's allocation-error handler
//! aborts the process. The parent reads it and reports `memory_exceeded`.
//!
//! Nothing here is reachable from a solution: its file can name only the
//! prelude crate, and `dekata` refuses any path to this one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs::File;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static OOM_FD: AtomicI32 = AtomicI32::new(-1);

/// A global allocator that counts current and peak heap bytes.
pub struct CountingAlloc;

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        } else {
            grow(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        } else {
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            out_of_memory(new_size);
        } else if new_size >= layout.size() {
            grow(new_size - layout.size());
        } else {
            CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        p
    }
}

fn grow(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    // Most allocations set no new peak: a plain load rules them out
    // before the (costlier) read-modify-write.
    if now > PEAK.load(Ordering::Relaxed) {
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

/// Bytes allocated now.
pub fn current() -> usize {
    CURRENT.load(Ordering::Relaxed)
}

/// The most bytes allocated at once since the last [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Starts a new measurement: the peak becomes the current level, which is
/// returned as the baseline to subtract from a later [`peak`].
pub fn reset_peak() -> usize {
    let now = current();
    PEAK.store(now, Ordering::Relaxed);
    now
}

/// Names the file descriptor that receives the out-of-memory reply if an
/// allocation fails. The descriptor must stay open for the life of the
/// process.
pub fn report_oom_to(fd: i32) {
    OOM_FD.store(fd, Ordering::Relaxed);
}

/// Writes `{"reply":"out_of_memory","bytes":N}` and a newline; allocates
/// nothing.
fn out_of_memory(size: usize) {
    let fd = OOM_FD.load(Ordering::Relaxed);
    if fd < 0 {
        return;
    }
    let mut line = [0u8; 80];
    let mut n = 0;
    for &b in OOM_LINE_HEAD.as_bytes() {
        line[n] = b;
        n += 1;
    }
    let mut digits = [0u8; 20];
    let mut d = 0;
    let mut v = size;
    loop {
        digits[d] = b'0' + (v % 10) as u8;
        d += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    while d > 0 {
        d -= 1;
        line[n] = digits[d];
        n += 1;
    }
    for &b in b"}\n" {
        line[n] = b;
        n += 1;
    }
    // SAFETY: the descriptor is owned by the harness and outlives this call;
    // ManuallyDrop keeps this temporary File from closing it.
    let file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    let _ = (&*file).write_all(&line[..n]);
}

const OOM_LINE_HEAD: &str = "{\"reply\":\"out_of_memory\",\"bytes\":";
