//! A submission's private copy. A learner's file is graded only if it is
//! the learner's own: a plain file in the learner's folder, with no other
//! name, resolving neither outside that folder nor into the katas. Its
//! bytes are read once, from a descriptor opened without following links,
//! and copied into a folder of its own under the workspace's target folder
//! (`target/dekata/submissions/<digest of the file's whole path>/`), which
//! is what is built or loaded: two learners never share a file, a build or
//! a binary, and a file changed after it was checked is not what runs.

use super::skip::Reason;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The largest submission graded: far above any kata's solution, far
/// below a table of answers for many seeds.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Where a submission's copy may come from: the real paths of its learner's
/// folder and of the kata catalogue.
pub struct Bounds<'a> {
    pub learner_dir: &'a Path,
    pub katas: &'a Path,
}

/// A submission taken for grading, or why not.
#[derive(Debug, PartialEq)]
pub enum Taken {
    /// The private copy (a real path), named like the original.
    Copy(PathBuf),
    Refused {
        reason: Reason,
        link_to: Option<PathBuf>,
    },
}

fn refused(reason: Reason) -> Result<Taken> {
    Ok(Taken::Refused { reason, link_to: None })
}

/// Checks `file` and copies it into its private folder.
pub fn take(ws: &Workspace, file: &Path, bounds: &Bounds<'_>) -> Result<Taken> {
    let meta = std::fs::symlink_metadata(file).with_context(|| format!("cannot read {}", file.display()))?;
    if meta.file_type().is_symlink() {
        let link_to = std::fs::read_link(file).with_context(|| format!("cannot read the link {}", file.display()))?;
        return Ok(Taken::Refused { reason: Reason::Symlink, link_to: Some(link_to) });
    }
    let real = std::fs::canonicalize(file).with_context(|| format!("cannot resolve {}", file.display()))?;
    if real.starts_with(bounds.katas) {
        return refused(Reason::InKatas);
    }
    if !real.starts_with(bounds.learner_dir) {
        return refused(Reason::OutsideLearnerFolder);
    }
    let bytes = match read_own(file)? {
        Ok(bytes) => bytes,
        Err(reason) => return refused(reason),
    };
    let name = file.file_name().with_context(|| format!("{} has no file name", file.display()))?;
    let copy = ws.target.join("submissions").join(crate::digest::hex128(real.as_os_str().as_bytes())).join(name);
    write_if_changed(&copy, &bytes)?;
    let copy = std::fs::canonicalize(&copy).with_context(|| format!("cannot resolve {}", copy.display()))?;
    Ok(Taken::Copy(copy))
}

/// The file's bytes, read through a descriptor opened without following a
/// link (one put there since the file was looked at is refused) and
/// checked on that descriptor: a plain file with one name, at most
/// [`MAX_BYTES`] long.
fn read_own(file: &Path) -> Result<std::result::Result<Vec<u8>, Reason>> {
    let opened = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(file);
    let mut handle = match opened {
        Ok(f) => f,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Ok(Err(Reason::Symlink)),
        Err(e) => return Err(e).with_context(|| format!("cannot open {}", file.display())),
    };
    let meta = handle.metadata().with_context(|| format!("cannot read {}", file.display()))?;
    if !meta.is_file() {
        return Ok(Err(Reason::NotASubmission));
    }
    if meta.nlink() > 1 {
        return Ok(Err(Reason::HardLink));
    }
    let mut bytes = Vec::new();
    (&mut handle)
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", file.display()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Ok(Err(Reason::TooLarge));
    }
    Ok(Ok(bytes))
}

/// Writes the copy only when its bytes change, so that a build of the same
/// submission is reused, atomically.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    crate::atomic::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Here {
        _dir: tempfile::TempDir,
        ws: Workspace,
        katas: PathBuf,
        class: PathBuf,
    }

    fn here() -> Here {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let katas = root.join("katas");
        let class = root.join("class");
        for d in [&katas, &class.join("alice"), &class.join("bob")] {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(katas.join("reference.rs"), "the reference").unwrap();
        let ws = Workspace { root: root.clone(), install: root.clone(), target: root.join("target"), own_katas: None };
        Here { _dir: dir, ws, katas, class }
    }

    fn take_in(h: &Here, learner: &str, file: &str) -> Taken {
        let learner_dir = h.class.join(learner);
        take(&h.ws, &learner_dir.join(file), &Bounds { learner_dir: &learner_dir, katas: &h.katas }).unwrap()
    }

    #[test]
    fn each_submission_gets_a_copy_of_its_own() {
        let h = here();
        std::fs::write(h.class.join("alice").join("k.rs"), "same text").unwrap();
        std::fs::write(h.class.join("bob").join("k.rs"), "same text").unwrap();
        let (Taken::Copy(a), Taken::Copy(b)) = (take_in(&h, "alice", "k.rs"), take_in(&h, "bob", "k.rs")) else {
            panic!("both are plain files");
        };
        assert_ne!(a.parent(), b.parent(), "one folder per submission");
        assert!(a.starts_with(h.ws.target.join("submissions")), "{}", a.display());
        assert_eq!(a.file_name().unwrap(), "k.rs");
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "same text");
        // The same file again: the same copy; a changed file, a changed copy.
        assert_eq!(take_in(&h, "alice", "k.rs"), Taken::Copy(a.clone()));
        std::fs::write(h.class.join("alice").join("k.rs"), "new text").unwrap();
        assert_eq!(take_in(&h, "alice", "k.rs"), Taken::Copy(a.clone()));
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new text");
    }

    #[test]
    fn links_and_outsiders_are_refused() {
        let h = here();
        let alice = h.class.join("alice");
        std::fs::write(h.class.join("bob").join("k.rs"), "bob's").unwrap();
        std::os::unix::fs::symlink(h.katas.join("reference.rs"), alice.join("ref.rs")).unwrap();
        std::os::unix::fs::symlink("../bob/k.rs", alice.join("bobs.rs")).unwrap();
        std::fs::hard_link(h.class.join("bob").join("k.rs"), alice.join("hard.rs")).unwrap();
        let link = |to: &str| Taken::Refused { reason: Reason::Symlink, link_to: Some(PathBuf::from(to)) };
        assert_eq!(take_in(&h, "alice", "ref.rs"), link(h.katas.join("reference.rs").to_str().unwrap()));
        assert_eq!(take_in(&h, "alice", "bobs.rs"), link("../bob/k.rs"));
        assert_eq!(take_in(&h, "alice", "hard.rs"), Taken::Refused { reason: Reason::HardLink, link_to: None });
        // A file named as alice's but outside her folder, and one in the katas.
        let outside = Bounds { learner_dir: &alice, katas: &h.katas };
        let bob = take(&h.ws, &h.class.join("bob").join("k.rs"), &outside).unwrap();
        assert_eq!(bob, Taken::Refused { reason: Reason::OutsideLearnerFolder, link_to: None });
        let katas = Bounds { learner_dir: &h.ws.root, katas: &h.katas };
        let reference = take(&h.ws, &h.katas.join("reference.rs"), &katas).unwrap();
        assert_eq!(reference, Taken::Refused { reason: Reason::InKatas, link_to: None });
    }

    #[test]
    fn a_file_too_large_is_refused() {
        let h = here();
        std::fs::write(h.class.join("alice").join("k.py"), vec![b'#'; MAX_BYTES as usize + 1]).unwrap();
        assert_eq!(take_in(&h, "alice", "k.py"), Taken::Refused { reason: Reason::TooLarge, link_to: None });
    }
}
