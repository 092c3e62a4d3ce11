//! Fingerprints the grader's sources (the harness library, its engine side
//! for DataFrame katas, and the prelude) so that cached reference results are thrown
//! away whenever either changes; and bundles them with the catalogue
//! (`katas/`) and `Cargo.lock`, so that an installed dekata can set up a
//! practice folder anywhere (`src/install.rs` unpacks the bundle); and
//! writes the built-in references: the catalogue's trusted Rust programs,
//! compiled into the companion binary `dekata-references`, with the table
//! dekata checks them against (`src/compile/built_in.rs`).

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::Path;

#[path = "src/shapes/rust_calls.rs"]
#[allow(dead_code)]
mod rust_calls;

fn main() {
    let mut files = Vec::new();
    for dir in ["grader", "grader-df", "prelude"] {
        collect(Path::new(dir), &mut files);
    }
    // File by file, not the folders: the bytecode dekata compiles for the
    // Python worker (grader/python/__pycache__) is no change of the grader.
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
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
    built_in();
}

/// For every kata of `katas/` that a plain worker runs (not a DataFrame
/// kata), its `reference.rs` and, if it has one, its `truth.rs`: a module
/// and a dispatch arm in `built_in_serve.rs` (the companion's), and an
/// entry of `built_in_table.rs` (dekata's) with the call and the source the
/// program was built from. A kata.toml this cannot read is left out: dekata
/// reports it when it loads the catalogue, and builds nothing in for it.
fn built_in() {
    let mut tomls = Vec::new();
    collect(Path::new("katas"), &mut tomls);
    tomls.retain(|p| p.file_name().is_some_and(|n| n == "kata.toml"));
    tomls.sort();
    let (mut modules, mut arms, mut table) = (String::new(), String::new(), String::new());
    for toml_path in tomls {
        let Some(kata) = std::fs::read_to_string(&toml_path).ok().and_then(|t| t.parse::<toml::Table>().ok()) else {
            continue;
        };
        let text = |key: &str| kata.get(key).and_then(|v| v.as_str()).map(str::to_string);
        let (Some(id), Some(shape), Some(entry)) = (text("id"), text("shape"), text("entry")) else { continue };
        let args: Option<Vec<String>> = match kata.get("args") {
            None => Some(Vec::new()),
            Some(v) => v.as_array().and_then(|a| a.iter().map(|x| x.as_str().map(str::to_string)).collect()),
        };
        let (Some(call), Some(args)) = (rust_calls::of_shape(&shape), args) else { continue };
        if shape == "dataframes" {
            continue;
        }
        let dir = toml_path.parent().expect("a kata.toml is in a folder");
        for role in ["reference", "truth"] {
            let Ok(path) = std::fs::canonicalize(dir.join(format!("{role}.rs"))) else { continue };
            let path = path.display().to_string();
            let key = format!("{id}__{role}");
            let body = rust_calls::body(call, &key, &entry, &args, 0);
            modules.push_str(&format!("#[path = {path:?}]\nmod {key};\n"));
            arms.push_str(&format!("        {key:?} => harness::rust_worker::serve(|input, out| {body}),\n"));
            table.push_str(&format!(
                "    BuiltIn {{ key: {key:?}, call: {body:?}, source: include_str!({path:?}) }},\n"
            ));
        }
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let serve = format!(
        "{modules}\n/// Serves the program `key`, if it is built in (and then never returns).\n\
         pub fn serve(key: &str) {{\n    match key {{\n{arms}        _ => {{}}\n    }}\n}}\n"
    );
    std::fs::write(out.join("built_in_serve.rs"), serve).expect("the companion's programs are written");
    std::fs::write(out.join("built_in_table.rs"), format!("pub const BUILT_IN: &[BuiltIn] = &[\n{table}];\n"))
        .expect("the built-in table is written");
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
