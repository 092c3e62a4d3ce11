"""What a Python solution may not do, and the process limits around it:
the audit hook that says why an action is refused (the kernel enforces the
same), dekata's process filter, the memory cap of a PySpark driver, and
the watch that ends an orphaned worker. Part of dekata's Python worker
(dekata_worker.py)."""

import os
import time


class SandboxViolation(PermissionError):
    """Something a solution may not do: open a file, start a process,
    signal a process, open a socket."""

    def __init__(self, action, target):
        super().__init__(f"dekata: a solution may not {action} ({target})")
        self.action = action
        self.target = target


class Sandbox:
    """An audit hook that stops what a solution may not do, with a clear
    error. The kernel (Landlock) enforces the same; this says why."""

    BLOCKED = {
        "os.system": "start a process",
        "os.exec": "start a process",
        "os.posix_spawn": "start a process",
        "os.spawn": "start a process",
        "os.fork": "fork its process",
        "os.forkpty": "fork its process",
        "subprocess.Popen": "start a process",
        "os.kill": "signal a process",
        "os.killpg": "signal a process",
        "socket.connect": "use the network",
        "socket.bind": "use the network",
    }

    def __init__(self, readable):
        self.readable = tuple(os.path.realpath(p) + os.sep for p in readable)
        # A PySpark worker's connections to its engine, on loopback.
        self.writable = ()
        self.loopback = False
        self.armed = False

    def hook(self, event, args):
        if not self.armed:
            return
        action = self.BLOCKED.get(event)
        if action is not None:
            if self.loopback and event == "socket.connect" and on_loopback(args[1]):
                return
            raise SandboxViolation(action, f"{event}{tuple(args)!r}"[:200])
        if event == "open":
            path, mode = args[0], args[1]
            if isinstance(path, int):
                return
            target = os.fsdecode(path) if isinstance(path, (str, bytes)) else str(path)
            if isinstance(mode, str):
                writes = any(c in mode for c in "wax+")
            else:
                flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
                writes = bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND))
            real = os.path.realpath(target)
            if real.startswith(self.writable):
                return
            if writes or not real.startswith(self.readable):
                raise SandboxViolation("open files", target)


def on_loopback(address):
    """Whether a socket address is this machine's loopback."""
    host = address[0] if isinstance(address, tuple) and address else None
    return host in ("127.0.0.1", "localhost", "::1")


def refuse_processes():
    """Installs dekata's process filter, which the kernel then enforces:
    no new process, no other program (grader/src/seccomp.rs builds it and
    dekata hands it over in $DEKATA_SECCOMP). It binds the thread that
    installs it and every thread started after, so it comes first, before
    the worker starts a thread and before any of the solution's code. A
    kernel without seccomp leaves the worker unfiltered: dekata reads that
    from /proc and says so."""
    program = os.environ.pop("DEKATA_SECCOMP", None)
    if not program:
        return
    import ctypes

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    code = bytes.fromhex(program)
    buffer = ctypes.create_string_buffer(code, len(code))
    fprog = Program(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    ulong = ctypes.c_ulong
    pr_set_no_new_privs, pr_set_seccomp, seccomp_mode_filter = 38, 22, 2
    if libc.prctl(pr_set_no_new_privs, ulong(1), ulong(0), ulong(0), ulong(0)) != 0:
        return
    libc.prctl(pr_set_seccomp, ulong(seccomp_mode_filter), ctypes.byref(fprog), ulong(0), ulong(0))


def cap_memory(mib):
    """Lowers this process's address-space cap to what it holds now plus
    the kata's allowance, so a runaway Python driver fails as the other
    Python katas do."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return
    cap = size + mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def orphan_watch():
    """Ends the worker when dekata is gone (killed, or interrupted before
    it could stop its workers): a solution busy in a loop would never notice the closed channel. The parent changes when
    the original one dies."""
    import threading

    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.25)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()
