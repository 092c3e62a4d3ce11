"""dekata's Python worker: one learner's (or a mutant's, or a reference's)
Python solution, served over the worker protocol (grader/src/protocol/mod.rs).
It only executes: dekata decides what each run is, this process calls the
solution as it is told and sends back what it returned.

dekata starts it as

    python3 -I -S -B dekata_worker.py SOLUTION SHOWN_AS ENTRY CALL_JSON ARGS_JSON [SESSION_JSON]

or, so that this module too is read from the bytecode dekata compiled
for it (a script is compiled afresh at every start), as
`python3 -I -S -B -c BOOT FOLDER SOLUTION ...` (src/python.rs, `BOOT`).

with its request channel on fd 3 and its reply channel on fd 4, already
confined by the kernel (Landlock: no files beyond the standard library, no
other programs, no network). CALL_JSON is how the kata's entry function is
called and the form of its output (protocol.rs, `Call`). A DataFrame
kata's worker (SESSION_JSON given) runs on PySpark's client from dekata's
own environment instead, without `-S`: before the solution's code runs it
connects to dekata's Spark engine as a Spark Connect client
(dekata_spark.py), the one port the kernel lets it reach; the engine, not
this process, executes what it returns.

It compiles the solution, says hello, loads the solution when dekata sends
it (once dekata has read its memory), then serves runs: dekata feeds each
run's records (the Rust generator made them), this worker calls the
solution (dekata_calls.py), measures its time, and streams the output back
for dekata to compare (dekata measures the process's peak memory and CPU
time from outside). Its sandbox is dekata_sandbox.py. Besides PySpark for
the DataFrame katas, the standard library is all it uses.
"""

import faulthandler
import json
import os
import sys
import time
import traceback
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dekata_calls import Feeds, Output, call, dumps  # noqa: E402
from dekata_sandbox import (  # noqa: E402
    Sandbox,
    SandboxViolation,
    cap_memory,
    orphan_watch,
    refuse_processes,
)

PROTOCOL = 1
REQUEST_FD, REPLY_FD = 3, 4
#: The status of a worker that ends after saying `out_of_memory`
#: (grader/src/protocol/mod.rs, `EXIT_OUT_OF_MEMORY`).
EXIT_OUT_OF_MEMORY = 70
#: The status after a "broken" reply: dekata's own code cannot serve
#: (grader/src/protocol/mod.rs, `EXIT_WORKER_BROKEN`).
EXIT_WORKER_BROKEN = 3


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


class Engine:
    """The DataFrame katas' Spark Connect client (none for the other katas)."""

    spark = None


ENGINE = Engine()


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


def run(channel, request, entry, how, args, shown_as):
    run_id = request["id"]
    feeds = Feeds(channel.requests, request["input"])
    out = Output(channel, run_id, how["form"])
    extra = {}
    wall_start = time.perf_counter()
    cpu_start = time.process_time()
    # A case may give the entry function arguments of its own.
    args = request.get("args", args)
    try:
        extra = call(how, entry, feeds, args, request, out, ENGINE.spark)
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
        os._exit(EXIT_OUT_OF_MEMORY)


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


def main(argv):
    solution, shown_as, entry_name, call_json, args_json = argv[1:6]
    refuse_processes()
    orphan_watch()
    session_json = argv[6] if len(argv) > 6 else None
    how = json.loads(call_json)
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
            run(channel, request, entry, how, args, shown_as)


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


def serve(argv):
    """The worker's whole life: its runs, then an exit that skips
    interpreter shutdown, so that a solution's leftovers cannot delay it."""
    main(argv)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    serve(sys.argv)
