//! Fingerprints the grader's sources (the harness library, its engine side
//! for DataFrame katas, and the prelude) so that cached reference results are thrown
//! away whenever either changes; and bundles them with the catalogue
//! (`katas/`) and `Cargo.lock`, so that an installed dekata can set up a
//! practice folder anywhere (`src/install.rs` unpacks the bundle).

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::Path;

fn main() {
    let mut files = Vec::new();
    for dir in ["grader", "grader-df", "prelude"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    let mut h = DefaultHasher::new();
    for f in files {
        h.write(f.to_string_lossy().as_bytes());
        if let Ok(bytes) = std::fs::read(&f) {
            h.write(&bytes);
        }
    }
    println!("cargo:rustc-env=DEKATA_GRADER_FINGERPRINT={:016x}", h.finish());
    bundle();
}

/// Every file an installed dekata needs beside itself, in one blob:
/// for each file, its path's length (u32, little-endian), the path, its
/// length (u64) and its bytes.
fn bundle() {
    let mut files = Vec::new();
    for dir in ["katas", "grader", "grader-df", "prelude"] {
        collect(Path::new(dir), &mut files);
    }
    println!("cargo:rerun-if-changed=katas");
    println!("cargo:rerun-if-changed=Cargo.lock");
    files.push(Path::new("Cargo.lock").to_path_buf());
    files.sort();
    let mut blob = Vec::new();
    let mut h = DefaultHasher::new();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else { continue };
        let path = f.to_string_lossy().replace('\\', "/");
        h.write(path.as_bytes());
        h.write(&bytes);
        blob.extend_from_slice(&(path.len() as u32).to_le_bytes());
        blob.extend_from_slice(path.as_bytes());
        blob.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        blob.extend_from_slice(&bytes);
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("install.bundle"), blob).expect("the bundle is written");
    println!("cargo:rustc-env=DEKATA_BUNDLE_FINGERPRINT={:016x}", h.finish());
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "target" && n != "__pycache__") {
                collect(&p, out);
            }
        } else {
            out.push(p);
        }
    }
}
