//! How each kind of program is started as a worker, and what it may touch.

use super::Launch;
use super::confine::{self, Confinement, Limits};
use crate::compile::Program;
use anyhow::Result;
use std::path::PathBuf;

/// Limits every worker gets; the address-space cap comes from the kata.
pub fn limits(hard_memory_mib: u64, cpu_seconds: u64) -> Limits {
    Limits {
        address_space_bytes: hard_memory_mib * 1024 * 1024,
        cpu_seconds,
        // Workers write no files; pipes are not files.
        file_size_bytes: 1024 * 1024,
    }
}

/// The launch of `program` with `limits`.
pub fn launch(program: &Program, limits: Limits) -> Result<Launch> {
    match program {
        Program::Native { binary, variant } => Ok(native(binary.clone(), variant.clone(), limits)),
        Program::Python { .. } => crate::python::launch(program, limits),
    }
}

/// A compiled Rust worker: it reads its own file and the shared libraries,
/// executes nothing else, and writes nothing.
fn native(binary: PathBuf, variant: Option<String>, limits: Limits) -> Launch {
    let mut read = confine::system_libraries();
    read.push(binary.clone());
    let execute = [Some(binary.clone()), confine::interpreter(&binary)].into_iter().flatten().collect();
    Launch {
        program: binary,
        args: variant.into_iter().map(Into::into).collect(),
        env: Vec::new(),
        limits,
        confinement: Confinement { read, execute, write: Vec::new(), network: false },
        scratch_in: None,
        startup: None,
    }
}
