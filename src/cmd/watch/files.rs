//! Watching the solutions folder for saves of one file.
//!
//! The folder is watched, not the file: editors often save by writing a
//! temporary file and renaming it over the old one, which would end a watch
//! on the file itself. Raw events go to a small debounce thread that keeps
//! only those naming the followed file and sends one `FileChanged` after
//! they have been quiet for `DEBOUNCE`.

use super::events::WatchEvent;
use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a file must be quiet before it is graded.
pub const DEBOUNCE: Duration = Duration::from_millis(200);
/// ...once a writer has closed it: the save is complete unless another
/// write follows at once.
pub const AFTER_CLOSE: Duration = Duration::from_millis(30);

/// A running watch; dropping it stops the watcher and then the thread.
pub struct FileWatch {
    _watcher: RecommendedWatcher,
    followed: Arc<Mutex<OsString>>,
}

impl FileWatch {
    /// Watches `file`'s folder and sends `FileChanged` on `tx` after each save.
    pub fn start(file: &Path, tx: Sender<WatchEvent>) -> Result<FileWatch> {
        let dir = file.parent().context("the solution file has no folder")?;
        let followed = Arc::new(Mutex::new(file_name(file)));
        let (raw_tx, raw_rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(raw_tx).context("cannot start the file watcher")?;
        watcher.watch(dir, RecursiveMode::NonRecursive).with_context(|| format!("cannot watch {}", dir.display()))?;
        let shared = Arc::clone(&followed);
        std::thread::Builder::new()
            .name("watch-debounce".into())
            .spawn(move || debounce(&raw_rx, &shared, &tx))
            .context("cannot start the debounce thread")?;
        Ok(FileWatch { _watcher: watcher, followed })
    }

    /// Follows another file of the same folder from now on.
    pub fn follow(&self, file: &Path) {
        *lock(&self.followed) = file_name(file);
    }
}

/// Turns raw events into debounced `FileChanged` events until either side hangs up.
fn debounce(raw: &Receiver<notify::Result<Event>>, followed: &Mutex<OsString>, tx: &Sender<WatchEvent>) {
    while let Ok(first) = raw.recv() {
        let closed = match first {
            Err(e) => {
                if tx.send(WatchEvent::WatchError(e.to_string())).is_err() {
                    return;
                }
                continue;
            }
            Ok(event) if !concerns(&event, &lock(followed)) => continue,
            Ok(event) => closed_after_write(&event),
        };
        // Wait until the followed file has been quiet for DEBOUNCE, or for
        // AFTER_CLOSE after its writer closed it.
        let mut quiet = if closed { AFTER_CLOSE } else { DEBOUNCE };
        loop {
            match raw.recv_timeout(quiet) {
                Ok(Ok(event)) if concerns(&event, &lock(followed)) => {
                    quiet = if closed_after_write(&event) { AFTER_CLOSE } else { DEBOUNCE };
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if tx.send(WatchEvent::FileChanged).is_err() {
            return;
        }
    }
}

fn closed_after_write(event: &Event) -> bool {
    matches!(event.kind, EventKind::Access(AccessKind::Close(AccessMode::Write)))
}

/// Whether `event` may have changed the content of the file named `name`.
/// Opening and reading it (as grading does) does not count, nor does a
/// change of its permissions or times.
fn concerns(event: &Event, name: &OsString) -> bool {
    let writes = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    };
    writes && event.paths.iter().any(|p| p.file_name() == Some(name.as_os_str()))
}

fn file_name(file: &Path) -> OsString {
    file.file_name().map(OsString::from).unwrap_or_default()
}

/// The followed name is a plain value: a panic elsewhere cannot leave it half-written.
fn lock(m: &Mutex<OsString>) -> std::sync::MutexGuard<'_, OsString> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, MetadataKind, RenameMode};
    use std::path::PathBuf;

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        Event { kind, paths: paths.iter().map(PathBuf::from).collect(), attrs: Default::default() }
    }

    #[test]
    fn only_writes_to_the_followed_file_count() {
        let name = OsString::from("count_events.rs");
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(concerns(&event(write, &["/s/count_events.rs"]), &name));
        assert!(!concerns(&event(write, &["/s/heavy_hitters.rs"]), &name));
        assert!(!concerns(
            &event(EventKind::Access(AccessKind::Open(AccessMode::Any)), &["/s/count_events.rs"]),
            &name
        ));
        let chmod = EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions));
        assert!(!concerns(&event(chmod, &["/s/count_events.rs"]), &name));
        assert!(concerns(&event(EventKind::Create(CreateKind::File), &["/s/count_events.rs"]), &name));
    }

    #[test]
    fn a_rename_over_the_followed_file_counts() {
        let name = OsString::from("count_events.rs");
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(concerns(&event(rename, &["/s/.count_events.rs.swp", "/s/count_events.rs"]), &name));
        let to = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        assert!(concerns(&event(to, &["/s/count_events.rs"]), &name));
    }
}
