"""What every engine dekata talks to has in common (dekata_engine.py, its
own Spark; dekata_remote.py, a cluster's Spark Connect): a folder of its
own, a Unix socket that answers one JSON request per connection from
whoever holds its key, a state file only dekata reads, and an end after an
idle spell or when the Spark under it is gone.

A subclass answers `handle(request)` and says whether it can still serve
(`alive()`).
"""

import abc
import json
import os
import secrets
import shutil
import socket
import socketserver
import sys
import threading
import time


class Daemon(abc.ABC):
    def __init__(self, state, config):
        self.state = state
        self.config = config
        self.idle_seconds = float(config["idle_seconds"])
        # This engine's own folder for the runs' tables and Spark's scratch
        # files: an engine that ends never touches its successor's.
        self.own = os.path.join(state, f"engine-{os.getpid()}")
        os.makedirs(self.own, exist_ok=True)
        self.sessions = {}
        self.lock = threading.Lock()
        self.busy = 0
        self.judging = 0
        # Set when Spark ran out of heap: the engine ends after answering.
        self.retiring = False
        self.last = time.monotonic()
        self.started = time.time()
        # What dekata's socket asks of every request: only dekata reads the
        # state file it is kept in.
        self.key = secrets.token_hex(16)
        self.port = 0

    @abc.abstractmethod
    def handle(self, request):
        """The answer to one request of dekata's."""

    def state_extra(self):
        """What else the state file tells dekata of this engine."""
        return {}

    @abc.abstractmethod
    def alive(self):
        """Whether the Spark under this engine can still serve."""

    def serve(self):
        # Bound under a name of its own, then moved into place: a client
        # never reaches a half-made socket.
        socket_path = os.path.join(self.own, "engine.sock")
        daemon = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                line = self.rfile.readline()
                if not line:
                    return
                with daemon.lock:
                    daemon.busy += 1
                try:
                    request = json.loads(line)
                    if not secrets.compare_digest(str(request.get("key", "")), daemon.key):
                        raise PermissionError("a request without the engine's key")
                    reply = daemon.handle(request)
                except Exception as e:  # noqa: BLE001 - said to dekata, which decides
                    reply = {"error": f"{type(e).__name__}: {e}"}
                    if not daemon.alive():
                        reply = {"failed": {"kind": "engine_ended", "message": str(e)[:400]}}
                finally:
                    with daemon.lock:
                        daemon.busy -= 1
                        daemon.last = time.monotonic()
                self.wfile.write(json.dumps(reply, separators=(",", ":"), default=str).encode() + b"\n")
                if daemon.retiring or ("failed" in reply and reply["failed"]["kind"] == "engine_ended"):
                    with daemon.lock:
                        last = daemon.judging == 0
                    if last:
                        daemon.shutdown()

        class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
            daemon_threads = True

        self.server = Server(socket_path, Handler)
        os.chmod(socket_path, 0o600)
        os.replace(socket_path, os.path.join(self.state, "engine.sock"))
        write_state(self.state, {"pid": os.getpid(), "port": self.port, "started": self.started,
                                 "pyspark": self.config.get("pyspark"), "script": self.config.get("script"),
                                 "key": self.key, "inputs": getattr(self, "inputs", None), **self.state_extra()})
        threading.Thread(target=self.idle_watch, daemon=True).start()
        threading.Thread(target=self.alive_watch, daemon=True).start()
        self.server.serve_forever()

    def idle_watch(self):
        while True:
            time.sleep(1)
            with self.lock:
                idle = self.busy == 0 and time.monotonic() - self.last > self.idle_seconds
            if idle:
                self.shutdown()

    def alive_watch(self):
        while True:
            time.sleep(1)
            if not self.alive():
                # The judgements under way say why first.
                time.sleep(3)
                self.shutdown()

    def shutdown(self):
        # The state file and the socket are this engine's only while the
        # state names it: a successor may have replaced them.
        try:
            with open(os.path.join(self.state, "engine.json"), encoding="utf-8") as f:
                mine = json.load(f).get("pid") == os.getpid()
        except (OSError, ValueError):
            mine = False
        if mine:
            for name in ("engine.json", "engine.sock"):
                try:
                    os.unlink(os.path.join(self.state, name))
                except OSError:
                    pass
        shutil.rmtree(self.own, ignore_errors=True)
        sys.stderr.flush()
        # A JVM this process started is its child, in its process group:
        # dekata's `spark stop` ends the group; here it ends with its
        # standard input.
        os._exit(0)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_state(state, value):
    path = os.path.join(state, "engine.json")
    partial = path + f".partial-{os.getpid()}"
    with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        json.dump(value, f)
    os.replace(partial, path)


def run(kind, argv):
    """The engine's main: `kind(state, config)`, then serve."""
    state, config = argv[1], json.loads(argv[2])
    os.makedirs(state, exist_ok=True)
    try:
        engine = kind(state, config)
    except BaseException as e:  # noqa: BLE001 - said in the log dekata shows
        print(f"dekata engine: cannot start Spark: {type(e).__name__}: {e}", file=sys.stderr)
        sys.stderr.flush()
        os._exit(3)
    engine.serve()
