"""dekata's Python worker: one learner's (or a mutant's, or a reference's)
Python solution, served over the worker protocol (grader/src/protocol.rs).

dekata starts it as

    python3 -I -S -B dekata_worker.py SOLUTION SHOWN_AS ENTRY SHAPE ARGS_JSON [SESSION_JSON]

with its request channel on fd 3 and its reply channel on fd 4, already
confined by the kernel (Landlock: no files beyond the standard library, no
other programs, no network). A DataFrame kata's worker (SESSION_JSON given)
runs on PySpark's client from dekata's own environment instead, without
`-S`: before the solution's code runs it connects to dekata's Spark engine
as a Spark Connect client (dekata_spark.py), the one port the kernel lets
it reach; the engine, not this process, executes what it returns. It compiles the solution, says hello, loads
the solution when dekata sends it (once dekata has read its memory), then
serves runs: the parent feeds each run's records (the Rust generator made them),
this worker calls the solution the way the kata's call shape says, measures
its time, and streams the output back for the parent to compare (the parent
measures the process's peak memory and CPU time from outside). Besides
PySpark for the DataFrame katas, the standard library is all it uses.
"""

import datetime
import faulthandler
import json
import os
import sys
import time
import traceback
import types

PROTOCOL = 1
REQUEST_FD, REPLY_FD = 3, 4
# The exit status after a "broken" reply: dekata's own code cannot serve
# (grader::protocol::EXIT_WORKER_BROKEN, the same number).
EXIT_WORKER_BROKEN = 3
# Output items per reply line.
BATCH = 1024
SECONDS_PER_DAY = 86_400
EPOCH = datetime.date(1970, 1, 1)


class SandboxViolation(PermissionError):
    """Something a solution may not do: open a file, start a process,
    signal a process, open a socket."""

    def __init__(self, action, target):
        super().__init__(f"dekata: a solution may not {action} ({target})")
        self.action = action
        self.target = target


class InjectedFailure(BaseException):
    """The input of a failing job run breaks here (a backfill kata's
    `fail_then_rerun` procedure). Not an Exception, so a broad `except
    Exception` in a solution does not swallow it, as it could not swallow a
    real crash."""


class Channel:
    """Requests in on fd 3, replies out on fd 4, a JSON document a line."""

    def __init__(self):
        self.requests = os.fdopen(REQUEST_FD, "rb", buffering=1 << 16)
        self.replies = os.fdopen(REPLY_FD, "wb", buffering=0)

    def receive(self):
        line = self.requests.readline()
        return json.loads(line) if line else None

    def send(self, message):
        self.send_raw(dumps(message))

    def send_raw(self, text):
        data = (text + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = self.replies.write(view)
            view = view[written:]


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=plain)


def plain(value):
    """A value JSON cannot hold as it is, as the Rust side would show it."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return list(value)
    if isinstance(value, types.MappingProxyType):
        return dict(value)
    if hasattr(value, "__iter__") and not isinstance(value, (str, bytes)):
        return list(value)
    raise TypeError(f"<cannot be shown as JSON: {type(value).__name__}>")


class Feeds:
    """The copies of a run's input that follow its request, read lazily."""

    def __init__(self, channel, spec):
        self.channel = channel
        self.records = spec["records"]
        self.left = spec["feeds"]
        self.open = False

    def copy(self):
        """A fresh one-pass iterator over the next copy of the input."""
        self.finish_copy()
        if self.left == 0:
            raise RuntimeError("dekata: the job asked for more copies of its input than were sent")
        self.left -= 1
        self.open = True
        return self._records()

    def _records(self):
        while self.open:
            line = self.channel.requests.readline()
            if not line:
                raise EOFError("dekata: the input ended early")
            message = json.loads(line)
            if message == "end":
                self.open = False
                return
            yield from message["batch"]

    def finish_copy(self):
        """Reads what is left of the current copy (a solution need not
        read its whole input)."""
        while self.open:
            line = self.channel.requests.readline()
            if not line or json.loads(line) == "end":
                self.open = False

    def finish(self):
        self.finish_copy()
        while self.left > 0:
            self.left -= 1
            self.open = True
            self.finish_copy()


class Output:
    """Streams a run's output items to the parent, a batch at a time."""

    def __init__(self, channel, run_id, form):
        self.channel = channel
        self.id = run_id
        self.form = form
        self.batch = []

    def push(self, item):
        self.batch.append(item)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self):
        if not self.batch:
            return
        try:
            items = dumps(self.batch)
        except (TypeError, ValueError):
            items = "[" + ",".join(safe_dumps(i) for i in self.batch) + "]"
        head = dumps({"reply": "items", "id": self.id, "form": self.form})
        self.channel.send_raw(head[:-1] + ',"items":' + items + "}")
        self.batch = []


def safe_dumps(item):
    try:
        return dumps(item)
    except (TypeError, ValueError) as e:
        return dumps(f"<cannot be shown as JSON: {e}>")


# ---------------------------------------------------------------- call shapes

def items_of_map(result, out):
    pairs = result.items() if hasattr(result, "items") else result
    for key, value in pairs:
        out.push({"key": key, "value": value})


def items_of_list(result, out):
    for item in result:
        out.push(item)


def items_of_split(result, out):
    parsed, quarantined = result
    for p in parsed:
        out.push({"parsed": p})
    for q in quarantined:
        out.push({"quarantined": q["row"], "error": q["error"]})


def utc_day(ts):
    return EPOCH + datetime.timedelta(days=ts // SECONDS_PER_DAY)


def day_of(row):
    """A row's partition: its `day`, or an event row's UTC event day."""
    if "day" in row:
        return row["day"]
    return utc_day(row["ts"])


class Table:
    """The output store of a backfill kata: rows partitioned by day."""

    def __init__(self):
        self._partitions = {}

    def append(self, rows):
        """Adds rows to their days' partitions, beside what is there."""
        for row in rows:
            self._partitions.setdefault(day_of(row), []).append(row)

    def overwrite_partition(self, day, rows):
        """Replaces the partition of `day` with `rows`, every one of that day."""
        rows = list(rows)
        for row in rows:
            if day_of(row) != day:
                raise ValueError(
                    f"overwrite_partition({day}) was given a row of {day_of(row)}: "
                    "every row must belong to the partition"
                )
        self._partitions[day] = rows

    def partition(self, day):
        """The rows of one day (empty when the partition does not exist)."""
        return list(self._partitions.get(day, ()))

    def partitions(self):
        return sorted(self._partitions.items())


def run_job(entry, feeds, job, args):
    spec = job["spec"]
    first_day = datetime.date.fromisoformat(job["first_day"])
    start = first_day + datetime.timedelta(days=spec["start_day"])
    end = start + datetime.timedelta(days=max(spec["days"], 0))
    table = Table()
    stale = []
    for row in job.get("stale_rows", []):
        row = dict(row)
        if "day" in row:
            row["day"] = datetime.date.fromisoformat(row["day"])
        stale.append(row)
    table.append(stale)
    procedure = spec.get("procedure", "once")
    if procedure == "once":
        entry(feeds.copy(), start, end, table, *args)
    elif procedure == "twice":
        entry(feeds.copy(), start, end, table, *args)
        entry(feeds.copy(), start, end, table, *args)
    elif procedure == "day_by_day":
        day = start
        while day < end:
            entry(feeds.copy(), day, day + datetime.timedelta(days=1), table, *args)
            day += datetime.timedelta(days=1)
    elif procedure == "fail_then_rerun":
        share = min(max(spec.get("fail_after", 0.5), 0.0), 1.0)
        fail_at = int(feeds.records * share)
        try:
            entry(failing(feeds.copy(), fail_at), start, end, table, *args)
        except InjectedFailure:
            pass
        entry(feeds.copy(), start, end, table, *args)
    else:
        raise RuntimeError(f"dekata: unknown job procedure {procedure!r}")
    return table


def failing(records, fail_at):
    for i, record in enumerate(records):
        if i == fail_at:
            raise InjectedFailure(f"the input failed after {fail_at} records")
        yield record


def run_chunks(entry, feeds, args, out, state_limit):
    """Hourly chunks of event time; the state goes through JSON between
    chunks, as after a restart. Returns the checkpoints seen."""
    seen = {"checkpoints": 0, "largest_bytes": 0}
    saved = "{}"
    records = feeds.copy()
    pending = next(records, None)
    read = 0
    while True:
        chunk = []
        if pending is not None:
            hour = pending["ts"] // 3_600
            while pending is not None and pending["ts"] // 3_600 == hour:
                chunk.append(pending)
                pending = next(records, None)
        read += len(chunk)
        last = pending is None
        state = json.loads(saved)
        saved = None
        emitted = entry(state, iter(chunk), last, *args)
        for item in emitted or ():
            out.push(item)
        if last:
            return seen
        saved = json.dumps(state, separators=(",", ":"))
        seen["checkpoints"] += 1
        seen["largest_bytes"] = max(seen["largest_bytes"], len(saved.encode("utf-8")))
        if state_limit is not None and len(saved) > state_limit:
            seen["stopped_after"] = read
            return seen


def run_chunk(entry, feeds, args, out, resume):
    """One chunk of a job that restarts between chunks: the state from the
    checkpoint dekata hands over, one call, and the new checkpoint back."""
    state = json.loads(resume["state"]) if resume.get("state") is not None else {}
    emitted = entry(state, feeds.copy(), resume["last"], *args)
    for item in emitted or ():
        out.push(item)
    seen = {"checkpoints": 0, "largest_bytes": 0}
    if not resume["last"]:
        seen["saved"] = json.dumps(state, separators=(",", ":"))
    return seen


def call(shape, entry, feeds, args, request, out):
    """Calls the solution as its kata's shape says, streaming its output."""
    if shape == "events_to_map":
        items_of_map(entry(feeds.copy(), *args), out)
    elif shape in ("events_to_list", "events_to_iter"):
        items_of_list(entry(feeds.copy(), *args), out)
    elif shape == "events_to_value":
        out.push(entry(feeds.copy(), *args))
    elif shape == "rows_to_split":
        items_of_split(entry(feeds.copy(), *args), out)
    elif shape == "events_to_table":
        table = run_job(entry, feeds, request["job"], args)
        for _, rows in table.partitions():
            for row in rows:
                out.push(row)
    elif shape == "chunks_to_list" and request.get("resume") is not None:
        return {"state": run_chunk(entry, feeds, args, out, request["resume"])}
    elif shape == "chunks_to_list":
        return {"state": run_chunks(entry, feeds, args, out, request.get("state_limit_bytes"))}
    elif shape == "dataframes":
        return {"relation": ENGINE.spark.run(entry, request["spark"], args)}
    else:
        raise RuntimeError(f"dekata: this worker does not know the call shape {shape!r}")
    return {}


FORMS = {
    "events_to_map": "map",
    "events_to_list": "list",
    "events_to_iter": "list",
    "events_to_value": "value",
    "rows_to_split": "split",
    "events_to_table": "list",
    "chunks_to_list": "list",
    "dataframes": "list",
}


class Engine:
    """The DataFrame katas' Spark Connect client (none for the other katas)."""

    spark = None


ENGINE = Engine()


# ------------------------------------------------------------------ sandbox

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


# -------------------------------------------------------------------- runs

def links(error):
    """The links of an error's traceback, outermost first, walked one by one
    (a runaway recursion leaves millions of frames, too many to format)."""
    tb = error.__traceback__
    while tb is not None:
        yield tb
        tb = tb.tb_next


def where(error, shown_as):
    """The solution's own line that raised, `file:line`."""
    location = ""
    for tb in links(error):
        if tb.tb_frame.f_code.co_filename == shown_as:
            location = f"{shown_as}:{tb.tb_lineno}"
    return location


def raised_by_hand(error, shown_as):
    """Whether the solution's own `raise` statement raised `error` (a
    `raise MemoryError` is not an allocation that failed)."""
    last = None
    for last in links(error):
        pass
    if last is None or last.tb_frame.f_code.co_filename != shown_as:
        return False
    lines = SOURCE.text.splitlines()
    line = lines[last.tb_lineno - 1] if 0 < last.tb_lineno <= len(lines) else ""
    return line.lstrip().startswith("raise")


class Source:
    """The text of the solution being served, for `raised_by_hand`."""

    text = ""


SOURCE = Source()


def run(channel, request, entry, shape, args, shown_as):
    run_id = request["id"]
    feeds = Feeds(channel, request["input"])
    out = Output(channel, run_id, FORMS[shape])
    extra = {}
    wall_start = time.perf_counter()
    cpu_start = time.process_time()
    # A case may give the entry function arguments of its own.
    args = request.get("args", args)
    try:
        extra = call(shape, entry, feeds, args, request, out)
        outcome = {"kind": "returned"}
    except SandboxViolation as e:
        outcome = {"kind": "forbidden", "action": e.action, "target": e.target}
    except SystemExit as e:
        # `sys.exit()` and `sys.exit(None)` exit with status 0.
        outcome = {"kind": "exited", "code": "0" if e.code is None else repr(e.code)}
    except MemoryError as e:
        if not raised_by_hand(e, shown_as):
            out_of_memory(channel)
        outcome = ended(e, shown_as)
    except BaseException as e:  # noqa: BLE001 - sorted below
        outcome = ended(e, shown_as)
    elapsed = time.perf_counter() - wall_start
    cpu = time.process_time() - cpu_start
    feeds.finish()
    done = {
        "reply": "done",
        "id": run_id,
        "outcome": outcome,
        "measure": {
            "events": feeds.records,
            "elapsed_us": int(elapsed * 1e6),
            "cpu_us": int(cpu * 1e6),
            "peak_heap_bytes": 0,
        },
    }
    if outcome["kind"] == "returned":
        out.flush()
        output = {"by": "streamed"}
        output.update({k: v for k, v in (extra or {}).items() if v})
        done["output"] = output
    channel.send(done)


#: The longest exception message a report carries.
MESSAGE_CHARS = 600


def ended(error, shown_as):
    """The outcome of a solution that raised `error`."""
    if isinstance(error, NotImplementedError):
        return {"kind": "not_implemented", "message": shorten(f"NotImplementedError: {error}")}
    text = str(error)
    message = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return {"kind": "panicked", "message": shorten(message), "location": where(error, shown_as)}


def shorten(message):
    """A long message (a Java stack trace inside a Py4J error) cut to its
    first lines."""
    if len(message) <= MESSAGE_CHARS:
        return message
    return message[:MESSAGE_CHARS].rstrip() + " [...]"


def broken(channel):
    """Says that dekata's own code cannot serve, and ends the worker."""
    try:
        channel.send({"reply": "broken"})
    finally:
        os._exit(EXIT_WORKER_BROKEN)


def out_of_memory(channel):
    try:
        channel.send_raw('{"reply":"out_of_memory","bytes":0}')
    finally:
        os._exit(70)


def read_source(solution, shown_as):
    """The solution's text, or why it cannot be read."""
    try:
        with open(solution, encoding="utf-8") as f:
            return f.read(), None
    except (OSError, UnicodeDecodeError) as e:
        return None, f"cannot read {shown_as}: {e}"


def compile_source(source, shown_as):
    """The solution's code object, or its syntax error."""
    try:
        code = compile(source, shown_as, "exec")
        SOURCE.text = source
        return code, None
    except (SyntaxError, ValueError) as e:
        return None, "".join(traceback.format_exception_only(type(e), e)).rstrip()


def load(code, shown_as, entry_name, sandbox):
    """The solution's entry function, or why it could not be loaded."""
    module = types.ModuleType("solution")
    module.__file__ = shown_as
    sys.modules["solution"] = module
    sandbox.armed = True
    try:
        exec(code, module.__dict__)
    except BaseException as e:  # noqa: BLE001
        frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == shown_as]
        lines = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(e), e))
        return None, shorten(f"loading {shown_as} failed:\n{lines.rstrip()}")
    entry = getattr(module, entry_name, None)
    if not callable(entry):
        return None, f"{shown_as} defines no function `{entry_name}` (the kata's entry point)"
    return entry, None


def start_spark(channel, session_json, sandbox):
    """Connects to dekata's Spark engine as a Spark Connect client, before
    any of the solution's code runs (the sandbox's hook is not armed yet).
    If it cannot, says why on stderr, replies "broken" and ends the worker
    with EXIT_WORKER_BROKEN."""
    here = os.path.dirname(os.path.abspath(__file__))
    if here not in sys.path:
        sys.path.insert(0, here)
    try:
        import dekata_spark

        session = json.loads(session_json)
        ENGINE.spark = dekata_spark.Spark(session)
        cap_memory(int(session["python_memory_mib"]))
    except BaseException as e:  # noqa: BLE001 - reported, then the worker ends
        print(f"dekata worker: cannot reach dekata's Spark engine: {type(e).__name__}: {e}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        sys.stderr.flush()
        broken(channel)
    # gRPC's own sockets are not Python's; Python's may reach loopback.
    sandbox.loopback = True


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


def main(argv):
    solution, shown_as, entry_name, shape, args_json = argv[1:6]
    refuse_processes()
    orphan_watch()
    session_json = argv[6] if len(argv) > 6 else None
    args = json.loads(args_json)
    faulthandler.enable(file=sys.stderr)
    channel = Channel()
    readable = [p for p in {sys.prefix, sys.base_prefix, sys.exec_prefix} if p]
    sandbox = Sandbox(readable)
    sys.addaudithook(sandbox.hook)
    # The solution is read and compiled (which runs none of it), and Spark
    # started, before hello; it is loaded (its module's code runs) only
    # when dekata sends it, once it has read this process's memory: what
    # the module holds from its import counts in every memory run.
    source, load_error = read_source(solution, shown_as)
    code = None
    if source is not None:
        code, load_error = compile_source(source, shown_as)
    if code is not None and session_json is not None:
        start_spark(channel, session_json, sandbox)
    entry = None
    hello = {
        "reply": "hello",
        "protocol": PROTOCOL,
        "language": "python",
        "runtime": "CPython " + ".".join(map(str, sys.version_info[:3])),
        "generates": False,
        # The parent reads the peak of this process's resident memory, and
        # its CPU time, from the kernel: nothing in the process can hide
        # from it, and it costs the solution nothing (tracemalloc would
        # slow it down several times).
        "heap_from_outside": True,
        "reloads": True,
        "awaits_load": code is not None,
    }
    if load_error:
        hello["load_error"] = load_error
    channel.send(hello)
    while True:
        request = channel.receive()
        if request is None or request.get("op") == "quit":
            return
        if request.get("op") == "load":
            entry, load_error = reload(channel, request, entry_name, sandbox, session_json)
            shown_as = request["shown_as"]
            reply = {"reply": "loaded"}
            if load_error:
                reply["load_error"] = load_error
            channel.send(reply)
        elif request.get("op") == "run" and entry is not None:
            run(channel, request, entry, shape, args, shown_as)


def reload(channel, request, entry_name, sandbox, session_json):
    """A new text of the solution, in a fresh module (a re-check in watch
    mode keeps the worker, and its Spark session, warm)."""
    code, load_error = compile_source(request["source"], request["shown_as"])
    if code is None:
        return None, load_error
    if session_json is not None and ENGINE.spark is None:
        # The first text did not compile, so Spark never started.
        sandbox.armed = False
        start_spark(channel, session_json, sandbox)
    return load(code, request["shown_as"], entry_name, sandbox)


if __name__ == "__main__":
    main(sys.argv)
    # Skip interpreter shutdown: a solution's leftovers cannot delay it.
    sys.stdout.flush()
    os._exit(0)
