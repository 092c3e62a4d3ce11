//! The process filter of a worker: a seccomp BPF program that lets a
//! worker make threads and nothing else of the kind. It refuses
//! - `fork`, `vfork`, and `clone` without `CLONE_THREAD` (a new process):
//!   the kernel kills the whole worker (`SECCOMP_RET_KILL_PROCESS`), so
//!   its parent sees SIGSYS and can say that the sandbox refused;
//! - `execve` and `execveat` (running a program) in the same way;
//! - `clone3` with `ENOSYS`: its flags sit behind a pointer a filter cannot
//!   read, and glibc then makes its threads with `clone`, which is checked;
//! - every system call of another ABI (32-bit x86, x32) by a kill, so none
//!   goes around the numbers checked here.
//!
//! The rules live here, once: `dekata` builds the program with
//! [`program`] and hands its bytes to every worker it starts (in
//! [`ENV`], hex); the worker installs them with [`install`] at its start,
//! before any of a solution's code runs and before it starts a thread
//! (a filter binds the thread that installs it and the threads it makes).
//! The Rust worker does that in `worker::serve`; the Python worker with
//! `prctl` through ctypes, the same two calls.

/// The environment variable that carries the program to a worker, as hex.
pub const ENV: &str = "DEKATA_SECCOMP";

/// `SECCOMP_RET_*`: what the kernel does with a call.
const ALLOW: u32 = 0x7fff_0000;
const KILL_PROCESS: u32 = 0x8000_0000;
const ERRNO: u32 = 0x0005_0000;

/// BPF instruction classes and modes (`linux/bpf_common.h`).
/// `BPF_LD | BPF_W | BPF_ABS`.
const LD_W_ABS: u16 = 0x20;
/// `BPF_JMP | BPF_JEQ | BPF_K`, and the same for `JGE` and `JSET`.
const JEQ_K: u16 = 0x15;
const JGE_K: u16 = 0x35;
const JSET_K: u16 = 0x45;
/// `BPF_RET | BPF_K`.
const RET_K: u16 = 0x06;

/// Offsets into `struct seccomp_data`: the call's number, its ABI, and the
/// low 32 bits of its first argument.
const NR: u32 = 0;
const ARCH: u32 = 4;
const ARG0_LOW: u32 = if cfg!(target_endian = "little") { 16 } else { 20 };

const CLONE_THREAD: u32 = 0x0001_0000;

/// The ABI this worker's calls must come in, and the calls it refuses.
#[cfg(target_arch = "x86_64")]
mod abi {
    /// `AUDIT_ARCH_X86_64`.
    pub const ARCH: u32 = 0xC000_003E;
    /// x32 calls are x86_64 calls with this bit set.
    pub const FOREIGN_FROM: Option<u32> = Some(0x4000_0000);
    pub const NEW_PROCESS: &[i64] = &[libc::SYS_fork, libc::SYS_vfork];
}

#[cfg(target_arch = "aarch64")]
mod abi {
    /// `AUDIT_ARCH_AARCH64`.
    pub const ARCH: u32 = 0xC000_00B7;
    pub const FOREIGN_FROM: Option<u32> = None;
    /// aarch64 has no `fork` or `vfork`: only `clone`.
    pub const NEW_PROCESS: &[i64] = &[];
}

/// One BPF instruction (`struct sock_filter`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Insn {
    pub code: u16,
    pub jt: u8,
    pub jf: u8,
    pub k: u32,
}

/// Where a jump goes: the next instruction, or one of the returns at the
/// program's end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum To {
    Next,
    Allow,
    Kill,
    NoSys,
}

enum Op {
    Load(u32),
    Jump { code: u16, k: u32, yes: To, no: To },
}

/// The filter's instructions, or `None` on an architecture it does not
/// know (the worker then runs without it, and the report says so).
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
pub fn instructions() -> Option<Vec<Insn>> {
    let nr = |n: i64| u32::try_from(n).expect("system call numbers are small");
    let mut ops =
        vec![Op::Load(ARCH), Op::Jump { code: JEQ_K, k: abi::ARCH, yes: To::Next, no: To::Kill }, Op::Load(NR)];
    if let Some(from) = abi::FOREIGN_FROM {
        ops.push(Op::Jump { code: JGE_K, k: from, yes: To::Kill, no: To::Next });
    }
    for &call in abi::NEW_PROCESS.iter().chain(&[libc::SYS_execve, libc::SYS_execveat]) {
        ops.push(Op::Jump { code: JEQ_K, k: nr(call), yes: To::Kill, no: To::Next });
    }
    ops.push(Op::Jump { code: JEQ_K, k: nr(libc::SYS_clone3), yes: To::NoSys, no: To::Next });
    ops.push(Op::Jump { code: JEQ_K, k: nr(libc::SYS_clone), yes: To::Next, no: To::Allow });
    ops.push(Op::Load(ARG0_LOW));
    ops.push(Op::Jump { code: JSET_K, k: CLONE_THREAD, yes: To::Allow, no: To::Kill });
    Some(assemble(&ops))
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub fn instructions() -> Option<Vec<Insn>> {
    None
}

/// The operations, then the three returns, with each jump's offsets.
fn assemble(ops: &[Op]) -> Vec<Insn> {
    let end = ops.len();
    let at = |to: To, i: usize| -> u8 {
        let target = match to {
            To::Next => i + 1,
            To::Allow => end,
            To::Kill => end + 1,
            To::NoSys => end + 2,
        };
        u8::try_from(target - (i + 1)).expect("the filter is short")
    };
    let mut out: Vec<Insn> = ops
        .iter()
        .enumerate()
        .map(|(i, op)| match *op {
            Op::Load(offset) => Insn { code: LD_W_ABS, jt: 0, jf: 0, k: offset },
            Op::Jump { code, k, yes, no } => Insn { code, jt: at(yes, i), jf: at(no, i), k },
        })
        .collect();
    for k in [ALLOW, KILL_PROCESS, ERRNO | libc::ENOSYS as u32] {
        out.push(Insn { code: RET_K, jt: 0, jf: 0, k });
    }
    out
}

/// The program as the kernel reads it (`struct sock_filter`s in this
/// machine's byte order), or `None` where there is no filter.
pub fn program() -> Option<Vec<u8>> {
    let insns = instructions()?;
    let mut bytes = Vec::with_capacity(insns.len() * 8);
    for i in insns {
        bytes.extend_from_slice(&i.code.to_ne_bytes());
        bytes.push(i.jt);
        bytes.push(i.jf);
        bytes.extend_from_slice(&i.k.to_ne_bytes());
    }
    Some(bytes)
}

/// Bytes as lower-case hex, for [`ENV`].
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex back to bytes; `None` when it is not.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// Installs `program` (the bytes of [`program`]) on the calling thread and
/// the threads it starts from now on. Fails where the kernel has no
/// seccomp filters.
pub fn install(program: &[u8]) -> std::io::Result<()> {
    if program.is_empty() || !program.len().is_multiple_of(8) || program.len() / 8 > usize::from(u16::MAX) {
        return Err(std::io::Error::other("a seccomp program is a whole number of 8-byte instructions"));
    }
    let mut filters: Vec<libc::sock_filter> = program
        .chunks_exact(8)
        .map(|c| libc::sock_filter {
            code: u16::from_ne_bytes([c[0], c[1]]),
            jt: c[2],
            jf: c[3],
            k: u32::from_ne_bytes([c[4], c[5], c[6], c[7]]),
        })
        .collect();
    let fprog = libc::sock_fprog { len: filters.len() as u16, filter: filters.as_mut_ptr() };
    // SAFETY: prctl with integer arguments, then with a pointer to a
    // sock_fprog whose filter array lives until the call returns (the
    // kernel copies it).
    unsafe {
        if libc::prctl(
            libc::PR_SET_NO_NEW_PRIVS,
            1 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        ) != 0
        {
            return Err(std::io::Error::last_os_error());
        }
        if libc::prctl(
            libc::PR_SET_SECCOMP,
            libc::SECCOMP_MODE_FILTER as libc::c_ulong,
            &fprog as *const libc::sock_fprog,
        ) != 0
        {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Installs the program the environment carries, if it carries one: the
/// Rust worker's first act. `Err` only for a program that is not hex; a
/// kernel without seccomp filters leaves the worker unfiltered, which
/// `dekata` reads from `/proc` and reports.
pub fn install_from_env() -> Result<(), String> {
    let Some(text) = std::env::var_os(ENV) else { return Ok(()) };
    let bytes = text.to_str().and_then(from_hex).ok_or_else(|| format!("{ENV} is not a hex program"))?;
    let _ = install(&bytes);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the kernel would do with one call: a BPF interpreter for the
    /// instructions this filter uses.
    fn verdict(insns: &[Insn], arch: u32, nr: i64, arg0: u64) -> u32 {
        let mut data = [0u8; 64];
        data[0..4].copy_from_slice(&(nr as u32).to_ne_bytes());
        data[4..8].copy_from_slice(&arch.to_ne_bytes());
        data[16..24].copy_from_slice(&arg0.to_ne_bytes());
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let i = insns[pc];
            pc += 1;
            let jump = |taken: bool| usize::from(if taken { i.jt } else { i.jf });
            match i.code {
                LD_W_ABS => {
                    let at = i.k as usize;
                    acc = u32::from_ne_bytes(data[at..at + 4].try_into().unwrap());
                }
                JEQ_K => pc += jump(acc == i.k),
                JGE_K => pc += jump(acc >= i.k),
                JSET_K => pc += jump(acc & i.k != 0),
                RET_K => return i.k,
                other => panic!("an instruction the interpreter does not know: {other:#x}"),
            }
        }
    }

    fn check(nr: i64, arg0: u64) -> u32 {
        verdict(&instructions().unwrap(), abi::ARCH, nr, arg0)
    }

    #[test]
    fn threads_pass_and_processes_are_killed() {
        let thread_flags = (libc::CLONE_VM
            | libc::CLONE_FS
            | libc::CLONE_FILES
            | libc::CLONE_SIGHAND
            | libc::CLONE_THREAD
            | libc::CLONE_SYSVSEM
            | libc::CLONE_SETTLS
            | libc::CLONE_PARENT_SETTID
            | libc::CLONE_CHILD_CLEARTID) as u64;
        assert_eq!(check(libc::SYS_clone, thread_flags), ALLOW);
        // glibc's fork, and posix_spawn's vfork-like clone.
        let fork_flags = (libc::CLONE_CHILD_SETTID | libc::CLONE_CHILD_CLEARTID | libc::SIGCHLD) as u64;
        assert_eq!(check(libc::SYS_clone, fork_flags), KILL_PROCESS);
        let spawn_flags = (libc::CLONE_VM | libc::CLONE_VFORK | libc::SIGCHLD) as u64;
        assert_eq!(check(libc::SYS_clone, spawn_flags), KILL_PROCESS);
        // CLONE_THREAD in the upper half of the argument does not count.
        assert_eq!(check(libc::SYS_clone, u64::from(CLONE_THREAD) << 32), KILL_PROCESS);
        assert_eq!(check(libc::SYS_clone3, 0), ERRNO | libc::ENOSYS as u32);
        for call in abi::NEW_PROCESS.iter().chain(&[libc::SYS_execve, libc::SYS_execveat]) {
            assert_eq!(check(*call, 0), KILL_PROCESS, "call {call}");
        }
        for call in [libc::SYS_read, libc::SYS_write, libc::SYS_mmap, libc::SYS_exit_group, libc::SYS_prctl] {
            assert_eq!(check(call, 0), ALLOW, "call {call}");
        }
    }

    #[test]
    fn another_abi_is_killed() {
        let insns = instructions().unwrap();
        assert_eq!(verdict(&insns, 0x4000_0003, libc::SYS_read, 0), KILL_PROCESS, "32-bit x86");
        if let Some(from) = abi::FOREIGN_FROM {
            assert_eq!(verdict(&insns, abi::ARCH, i64::from(from) + libc::SYS_read, 0), KILL_PROCESS, "x32");
        }
    }

    #[test]
    fn the_program_round_trips_through_hex() {
        let bytes = program().unwrap();
        assert_eq!(bytes.len() % 8, 0);
        assert_eq!(from_hex(&to_hex(&bytes)), Some(bytes));
        assert_eq!(from_hex("abc"), None);
        assert_eq!(from_hex("zz"), None);
    }

    /// The probe's environment variable: what a filtered copy of this test
    /// binary tries (see `the_kernel_applies_the_filter`).
    const PROBE: &str = "DEKATA_SECCOMP_PROBE";

    /// Run as a child of `the_kernel_applies_the_filter` only.
    #[test]
    fn probe() {
        let Some(what) = std::env::var_os(PROBE) else { return };
        install(&program().unwrap()).expect("the kernel takes the filter");
        match what.to_str().unwrap() {
            "thread" => {
                let joined = std::thread::spawn(|| 7).join().unwrap();
                assert_eq!(joined, 7);
                println!("thread ran");
            }
            "spawn" => {
                let _ = std::process::Command::new("/bin/true").status();
                println!("spawn returned");
            }
            other => panic!("unknown probe {other}"),
        }
    }

    fn run_probe(what: &str) -> std::process::Output {
        std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "seccomp::tests::probe", "--nocapture", "--test-threads=1"])
            .env(PROBE, what)
            .output()
            .unwrap()
    }

    #[test]
    fn the_kernel_applies_the_filter() {
        use std::os::unix::process::ExitStatusExt;
        // SAFETY: asks whether this kernel has seccomp; no pointers.
        if unsafe { libc::prctl(libc::PR_GET_SECCOMP) } < 0 {
            eprintln!("this kernel has no seccomp: skipped");
            return;
        }
        let thread = run_probe("thread");
        assert!(thread.status.success(), "{thread:?}");
        assert!(String::from_utf8_lossy(&thread.stdout).contains("thread ran"), "{thread:?}");
        let spawn = run_probe("spawn");
        assert_eq!(spawn.status.signal(), Some(libc::SIGSYS), "{spawn:?}");
        assert!(!String::from_utf8_lossy(&spawn.stdout).contains("spawn returned"), "{spawn:?}");
    }
}
