//! How each kind of program is started as a worker, and what it may
//! touch: a compiled Rust worker, a Python worker, a PySpark worker. The
//! processes themselves are this module's parent's (`worker`).

use crate::compile::Program;
use crate::process::confine::{self, Confinement, Limits};
use crate::worker::Launch;
use anyhow::{Context, Result};
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
        Program::Python { .. } => python(program, limits),
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
        confinement: Confinement { read, execute, network: false, ..Confinement::default() },
        scratch_in: None,
        startup: None,
    }
}

/// The launch of a Python solution: the interpreter reads its own
/// installation, the worker's module and the solution file, and nothing
/// else; it executes nothing but itself. A PySpark worker gets what Spark
/// needs on top (see [`crate::spark::grants`]).
fn python(program: &Program, mut limits: Limits) -> Result<Launch> {
    let Program::Python { runner, solution, shown_as, entry, shape, args, spark } = program else {
        anyhow::bail!("not a Python program: {program:?}");
    };
    let python = crate::python::interpreter()?;
    let runner_dir = runner.parent().context("the worker module has no folder")?.to_path_buf();
    let mut read = confine::system_libraries();
    read.extend(python.prefixes.iter().cloned());
    read.push(runner_dir.clone());
    read.push(solution.clone());
    let mut execute: Vec<PathBuf> =
        [Some(python.executable.clone()), confine::interpreter(&python.executable)].into_iter().flatten().collect();
    let mut env = vec![
        ("PYTHONHASHSEED".to_string(), "0".to_string()),
        ("PYTHONIOENCODING".into(), "utf-8".into()),
        ("LANG".into(), "C.UTF-8".into()),
    ];
    let mut argv: Vec<std::ffi::OsString> = vec!["-I".into(), "-S".into(), "-B".into()];
    let mut launch_program = python.executable.clone();
    let (mut connect_ports, mut startup) = (Vec::new(), None);
    // A PySpark worker is a Spark Connect client of dekata's engine, and
    // confined as any Python worker: it starts no process, writes nothing,
    // and reaches one port, the engine's.
    if let Some(spark) = spark {
        let runtime = &spark.runtime;
        // The environment's python, by its own path: that is how Python
        // finds the environment's packages. No `-S`: pyspark is one.
        launch_program = runtime.python.clone();
        argv = vec!["-I".into(), "-B".into()];
        read.push(runtime.venv.clone());
        execute.push(runtime.venv.clone());
        read.extend(
            ["/dev/urandom", "/etc/hosts", "/etc/nsswitch.conf", "/etc/resolv.conf", "/etc/gai.conf"]
                .map(PathBuf::from),
        );
        connect_ports.push(spark.port);
        limits = crate::spark::limits(limits);
        startup = Some(crate::spark::STARTUP);
        env.push(("MALLOC_ARENA_MAX".into(), "2".into()));
        // The client imports pandas, and with it numpy, whose BLAS would
        // start a thread per core that spins beside the engine's JVM; a
        // client that only builds plans needs none of them.
        for threads in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] {
            env.push((threads.into(), "1".into()));
        }
    }
    let args = serde_json::to_string(&args).context("cannot write the kata's arguments for Python")?;
    let call = serde_json::to_string(&shape.call()).context("cannot write the call for Python")?;
    crate::python::compile_workers(&python, &runner_dir);
    argv.extend(["-c".into(), crate::python::BOOT.into(), runner_dir.clone().into_os_string()]);
    argv.extend([solution.into(), shown_as.into(), entry.into(), call.into(), args.into()]);
    if let Some(spark) = spark {
        argv.push(spark.worker_json().into());
    }
    Ok(Launch {
        program: launch_program,
        args: argv,
        env,
        limits,
        confinement: Confinement { read, execute, network: false, connect_ports, ..Confinement::default() },
        scratch_in: None,
        startup,
    })
}
