//! Compiling DataFrame katas, which link Apache DataFusion.
//!
//! They live in a generated package of their own, `target/dekata/harness-df`
//! with its own target directory, so that no other kata (and no test of
//! dekata itself) pays for building the engine. The first DataFrame check
//! builds the engine once, with cargo's progress on stderr.
//!
//! Every binary that links the engine costs seconds to link and a large
//! file on disk, so there are few of them: one per kata for the files in
//! the kata's own folder (the reference, the starter and every mutant, one
//! module each, picked at run time by the harness's variant argument), and
//! one per learner's solution file.

use crate::catalog::Kata;
use crate::compile::{self, Compiled, Harness};
use crate::mutants;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// The DataFusion release every DataFrame kata is graded on.
pub const ENGINE: &str = "55.2.0";

pub fn build(ws: &Workspace, kata: &Kata, solution: &Path, color: bool) -> Result<Compiled> {
    let package = ws.target.join("harness-df");
    let target_dir = ws.target.join("build-df");
    write_package(ws, &package)?;
    let solution = std::fs::canonicalize(solution)
        .with_context(|| format!("cannot resolve the solution path {}", solution.display()))?;
    let reference = std::fs::canonicalize(kata.reference())
        .with_context(|| format!("cannot resolve {}", kata.reference().display()))?;
    let kata_dir = std::fs::canonicalize(&kata.dir).with_context(|| format!("cannot resolve {}", kata.dir.display()))?;

    let (name, glue, variant) = if solution.starts_with(&kata_dir) {
        let modules = kata_modules(kata)?;
        let Some((variant, _)) = modules.iter().find(|(_, path)| *path == solution) else {
            bail!("{} is in the kata's folder but is not its reference, starter or a mutant", solution.display());
        };
        (format!("{}__kata", kata.id), catalogue_glue(kata, &modules, &reference), Some(variant.clone()))
    } else {
        (compile::binary_name(kata, &solution), compile::glue(kata, &solution, &reference), None)
    };
    prune_stale(&package, &target_dir);
    compile::write_if_changed(&package.join("src").join("bin").join(format!("{name}.rs")), &glue)?;

    build_engine_once(ws, &package, &target_dir)?;
    let built = compile::build_bin(ws, &package, &target_dir, &name, color)?;
    Ok(built.map(|binary| Harness { binary, variant }))
}

/// Removes the harness built for one learner's solution file (after a
/// class's submission is graded): it would not be used again.
pub fn forget(ws: &Workspace, kata: &Kata, solution: &Path) {
    let Ok(solution) = std::fs::canonicalize(solution) else { return };
    let name = compile::binary_name(kata, &solution);
    let _ = std::fs::remove_file(ws.target.join("harness-df").join("src").join("bin").join(format!("{name}.rs")));
    remove_binary(&ws.target.join("build-df"), &name);
}

/// Removes the harnesses of solution files that no longer exist (a class
/// folder graded and deleted, a test's temporary checkout): each binary
/// that links the engine takes a couple of hundred MB.
fn prune_stale(package: &Path, target_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(package.join("src").join("bin")) else { return };
    for entry in entries.flatten() {
        let glue = entry.path();
        let Ok(text) = std::fs::read_to_string(&glue) else { continue };
        let gone = text
            .lines()
            .filter_map(|l| l.strip_prefix("#[path = \"").and_then(|l| l.strip_suffix("\"]")))
            .any(|path| !Path::new(path).exists());
        let Some(name) = glue.file_stem().map(|n| n.to_string_lossy().into_owned()) else { continue };
        if !gone {
            continue;
        }
        let _ = std::fs::remove_file(&glue);
        remove_binary(target_dir, &name);
    }
}

/// Removes a built harness binary with its intermediate files.
fn remove_binary(target_dir: &Path, name: &str) {
    let debug = target_dir.join("debug");
    let _ = std::fs::remove_file(debug.join(name));
    let _ = std::fs::remove_file(debug.join(format!("{name}.d")));
    let prefix = format!("{}-", name.replace('-', "_"));
    for dir in ["deps", "incremental"] {
        let Ok(found) = std::fs::read_dir(debug.join(dir)) else { continue };
        for item in found.flatten().filter(|i| i.file_name().to_string_lossy().starts_with(&prefix)) {
            let _ = if item.path().is_dir() {
                std::fs::remove_dir_all(item.path())
            } else {
                std::fs::remove_file(item.path())
            };
        }
    }
}

/// The kata's own solutions as (variant, canonical path): the reference,
/// the starter, and each mutant by its file stem.
fn kata_modules(kata: &Kata) -> Result<Vec<(String, PathBuf)>> {
    let canonical = |p: PathBuf| std::fs::canonicalize(&p).with_context(|| format!("cannot resolve {}", p.display()));
    let mut modules = vec![
        ("reference".to_string(), canonical(kata.reference())?),
        ("starter".to_string(), canonical(kata.starter())?),
    ];
    for m in mutants::load(kata)? {
        modules.push((format!("mutant_{}", m.name), canonical(m.path)?));
    }
    Ok(modules)
}

/// The `main` of a kata's own binary: every solution in its folder as a
/// module; the learner's side is the one the variant argument names.
fn catalogue_glue(kata: &Kata, modules: &[(String, PathBuf)], reference: &Path) -> String {
    let mut text = format!(
        "// Generated by dekata for the kata `{id}`: its reference, starter and mutants.\n\
         #![allow(unused)]\n\n\
         #[global_allocator]\n\
         static HEAP: grader::meter::CountingAlloc = grader::meter::CountingAlloc;\n",
        id = kata.id
    );
    for (variant, path) in modules {
        let module = module_ident(variant);
        let path = if variant == "reference" { reference } else { path.as_path() };
        text.push_str(&format!("\n#[path = {:?}]\nmod {module};\n", path.display().to_string()));
    }
    let arms: String = modules
        .iter()
        .map(|(variant, _)| format!("            Some({variant:?}) => {},\n", compile::call(kata, &module_ident(variant))))
        .collect();
    text.push_str(&format!(
        "\nfn main() {{\n    \
             let variant = grader::harness::variant();\n    \
             grader::harness::main(\n        \
                 |input, out| match variant.as_deref() {{\n{arms}            \
                     other => panic!(\"dekata: this kata's harness has no solution {{other:?}}\"),\n        \
                 }},\n        \
                 |input, out| {},\n    \
             );\n\
         }}\n",
        compile::call(kata, "reference")
    ));
    text
}

fn module_ident(variant: &str) -> String {
    variant.replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "_")
}

fn write_package(ws: &Workspace, package: &Path) -> Result<()> {
    std::fs::create_dir_all(package.join("src").join("bin"))
        .with_context(|| format!("cannot create {}", package.display()))?;
    let engine_crate = std::fs::canonicalize(ws.grader_df()).unwrap_or_else(|_| ws.grader_df());
    let manifest = format!(
        "# Generated by dekata: the package that holds the DataFrame kata harnesses.\n\
         [package]\n\
         name = \"dekata-harness-df\"\n\
         version = \"0.0.0\"\n\
         edition = \"2024\"\n\
         publish = false\n\n\
         [dependencies]\n\
         dekata-grader = {{ path = {grader:?} }}\n\
         dekata-grader-df = {{ path = {engine:?} }}\n\
         datafusion = {{ version = \"={ENGINE}\", default-features = false }}\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\n\
         serde_json = \"1\"\n\n\
         # Quick to build: the engine unoptimised (about three minutes the first\n\
         # time on two cores), no debug info, line tables only for panics.\n\
         [profile.dev]\n\
         debug = \"line-tables-only\"\n\
         incremental = true\n\n\
         [profile.dev.package.\"*\"]\n\
         debug = false\n\n\
         [workspace]\n",
        grader = std::fs::canonicalize(ws.grader()).unwrap_or_else(|_| ws.grader()).display().to_string(),
        engine = engine_crate.display().to_string(),
    );
    compile::write_if_changed(&package.join("Cargo.toml"), &manifest)?;
    // The engine's dependency versions are pinned by grader-df's lock file.
    compile::seed_lock(package, &engine_crate.join("Cargo.lock"))
}

/// The first DataFrame check builds the engine: a few minutes, once.
fn build_engine_once(ws: &Workspace, package: &Path, target_dir: &Path) -> Result<()> {
    let once = compile::LibraryBuild {
        marker: format!(".engine-built-{ENGINE}-{}", env!("DEKATA_GRADER_FINGERPRINT")),
        package: "dekata-grader-df",
        announce: FIRST_BUILD.replace("{version}", ENGINE),
        source: ws.grader_df(),
    };
    if let Some(seconds) = once.run(package, target_dir)? {
        eprintln!("{}", BUILT.replace("{seconds}", &format!("{seconds:.0}")));
    }
    Ok(())
}

const FIRST_BUILD: &str = "Building the DataFrame engine (Apache DataFusion {version}) with the grader: \
about three minutes on two cores the first time, seconds after an update of dekata. Later DataFrame \
checks reuse it; no other kata needs it.";
const BUILT: &str = "The DataFrame engine is ready ({seconds} s).";
