"""dekata's Spark engine: one warm Spark, shared by every PySpark check of
a workspace, that a learner's code reaches only as a Spark Connect client.

dekata starts it (src/spark/engine.rs) as

    python -I -B dekata_engine.py STATE_DIR CONFIG_JSON

in a process group of its own, confined by the kernel to its environment,
Java and STATE_DIR. It starts a JVM whose Spark serves Spark Connect on
127.0.0.1, then answers dekata on a Unix socket (STATE_DIR/engine.sock), one
JSON request per connection:

- `ping`: that it serves, on which port, since when;
- `open`: a fresh session for one run, with the graded settings, and the
  run's tables written as JSON lines where that session reads them;
- `judge`: executes the plan a learner's worker returned, in that session
  (its temporary views resolve), and reads back the rows and what the
  executed plan did: each join's strategy and rows, the rows each
  partition of each shuffle received, which input tables it read and how
  many literal rows it carried, the graded settings it changed;
- `close`: ends a session and removes its tables;
- `stop`: ends the engine.

It ends on its own after CONFIG_JSON's `idle_seconds` without a request.
Nothing here runs a learner's Python: a learner's UDFs run in Spark's own
Python workers, children of this confined process.
"""

import base64
import os
import re
import shutil
import sys
import threading
import uuid

from py4j.protocol import Py4JError, Py4JJavaError
from pyspark.sql import SparkSession
from pyspark.sql.classic.dataframe import DataFrame

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dekata_daemon import Daemon, free_port, run  # noqa: E402
from dekata_guard import REFUSED, Guard, Refused  # noqa: E402
from pyspark.sql.connect.proto import relations_pb2  # noqa: E402
from dekata_observe import not_read, observe  # noqa: E402

#: Settings of the engine itself: quiet, local, loopback only.
LOCAL = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.blockManager.host": "127.0.0.1",
    "spark.connect.grpc.binding.address": "127.0.0.1",
    "spark.plugins": "org.apache.spark.sql.connect.SparkConnectPlugin",
    # A small input file still splits into a partition per core.
    "spark.sql.files.openCostInBytes": "1024",
    "spark.sql.session.timeZone": "UTC",
    "spark.log.level": "ERROR",
    "spark.sql.execution.arrow.pyspark.enabled": "false",
    # Generating and compiling Java for every stage costs more than it
    # saves on a case's few thousand rows (some 12% of the engine's CPU
    # over a kata's validation); the plan's operators, joins and exchanges
    # are the same either way. A cluster (`--remote`) keeps its own.
    "spark.sql.codegen.wholeStage": "false",
}

JAVA_OPTIONS = "-XX:-UsePerfData -XX:TieredStopAtLevel=1 -Xss4m"

#: The user every learner's session belongs to (the worker connects as it).
USER = "dekata"

#: How a JVM's task that ran out of heap ends it in local mode.
SPARK_OOM_EXIT = 52



class Engine(Daemon):
    def __init__(self, state, config):
        super().__init__(state, config)
        self.partitions = int(config["partitions"])
        self.heap_mib = int(config["driver_memory_mib"])
        self.inputs = os.path.join(self.own, "inputs")
        os.makedirs(self.inputs, exist_ok=True)
        # Spark Connect's own port, which no worker is told: workers reach
        # Spark through the guard's (self.port, below).
        inner_port = free_port()
        scratch = os.path.join(self.own, "scratch")
        os.makedirs(scratch, exist_ok=True)
        conf = {
            **LOCAL,
            "spark.connect.grpc.binding.port": str(inner_port),
            "spark.default.parallelism": str(self.partitions),
            "spark.local.dir": os.path.join(scratch, "spark"),
            "spark.sql.warehouse.dir": os.path.join(scratch, "warehouse"),
            "spark.driver.memory": f"{self.heap_mib}m",
            "spark.driver.extraJavaOptions": f"{JAVA_OPTIONS} -Djava.io.tmpdir={scratch}",
        }
        # Spark's Python workers, which run a solution's UDFs, are started
        # with the program this names.
        os.environ["PYSPARK_PYTHON"] = config["udf_python"]
        os.environ["DEKATA_UDF_SCRATCH"] = scratch
        builder = SparkSession.builder.master(f"local[{self.partitions}]").appName("dekata-engine")
        for key, value in conf.items():
            builder = builder.config(key, value)
        self.spark = builder.getOrCreate()
        self.spark.sparkContext.setLogLevel("ERROR")
        self.jvm = self.spark._jvm
        package = self.jvm.org.apache.spark.sql.connect.service
        self.service = package.SparkConnectService
        # The Scala object itself, whose session manager has no static
        # forwarder.
        self.sessions_of = getattr(getattr(package, "SparkConnectService$"), "MODULE$").sessionManager()
        self.guard = Guard(inner_port, self.session_open, self.sql_refusal)
        self.port = self.guard.port

    def session_open(self, sid, after_seal=False):
        """Whether dekata opened session `sid` for a run (and has not closed
        it) and, unless the request is one `after_seal` allows, has not
        sealed it."""
        with self.lock:
            session = self.sessions.get(sid)
            return session is not None and (after_seal or not session.get("sealed", False))

    def sql_refusal(self, text):
        """What is wrong with a solution's SQL, or None: it may query, set
        (a change of the graded session is judged as such), make a temporary
        view of its own session, and cache; nothing that writes or loads."""
        try:
            plan = self.spark._jsparkSession.sessionState().sqlParser().parsePlan(text)
        except Py4JJavaError:
            # Spark says what is wrong with it, to the solution.
            return None
        for node in plan_nodes(plan):
            kind = node.getClass().getSimpleName()
            if kind in SQL_COMMANDS:
                if kind == "CreateViewCommand" and node.viewType().toString() != "LocalTempView":
                    return "SQL that makes a view other sessions see"
                continue
            if self.is_command(node) or ACTS.match(kind):
                return f"the SQL statement {kind}"
        return None

    def is_command(self, node):
        for name in COMMAND_CLASSES:
            try:
                if self.jvm.java.lang.Class.forName(name).isInstance(node):
                    return True
            except Py4JError:
                continue
        return False

    # ------------------------------------------------------------ requests

    def handle(self, request):
        op = request.get("op")
        if op == "ping":
            return {"serving": self.alive() and not self.retiring, "pid": os.getpid(), "port": self.port, "started": self.started,
                    "sessions": len(self.sessions), "idle_seconds": self.idle_seconds}
        if op == "open":
            return self.open(request)
        if op == "seal":
            return self.seal(request["session"])
        if op == "judge":
            return self.judge(request)
        if op == "cancel":
            self.spark.sparkContext._jsc.sc().cancelJobsWithTag(f"dekata-{request['session']}")
            return {"cancelled": True}
        if op == "close":
            self.close(request["session"])
            return {"closed": True}
        if op == "stop":
            threading.Thread(target=self.shutdown, daemon=True).start()
            return {"stopping": True}
        return {"error": f"unknown request {op!r}"}

    def open(self, request):
        """A fresh session with the graded settings, on the run's tables:
        dekata wrote them, one JSON-lines file per table, into a folder of
        its own under this engine's inputs, which becomes the session's."""
        given = os.path.realpath(request["folder"])
        if os.path.dirname(given) != os.path.realpath(self.inputs) or not os.path.isdir(given):
            return {"error": f"the tables' folder is not one of this engine's inputs: {given}"}
        sid = str(uuid.uuid4())
        holder = self.service.getOrCreateIsolatedSession(USER, sid, self.jvm.scala.Option.empty())
        conf = holder.session().conf()
        settings = dict(request["settings"])
        for key, value in settings.items():
            conf.set(key, value)
        folder = os.path.join(self.inputs, sid)
        os.rename(given, folder)
        paths = {t["name"]: os.path.join(folder, t["name"] + ".json") for t in request["tables"]}
        with self.lock:
            self.sessions[sid] = {
                "settings": settings,
                "paths": paths,
                "count_partitions": bool(request.get("count_partitions", True)),
            }
        return {"session": sid, "inputs": paths}

    def seal(self, sid):
        """Closes session `sid` to the worker: its plan was handed over, and
        nothing the worker sends from now on (it goes on to its next run)
        reaches the session that plan is judged in."""
        with self.lock:
            session = self.sessions.get(sid)
            if session is not None:
                session["sealed"] = True
        return {"sealed": session is not None}

    def close(self, sid):
        with self.lock:
            self.sessions.pop(sid, None)
        try:
            key = self.jvm.org.apache.spark.sql.connect.service.SessionKey(USER, sid)
            self.sessions_of.closeSession(key, False)
        except Exception:  # noqa: BLE001 - the learner's code may have released it already
            pass
        shutil.rmtree(os.path.join(self.inputs, sid), ignore_errors=True)

    def judge(self, request):
        sid = request["session"]
        session = self.sessions.get(sid)
        if session is None:
            return {"failed": {"kind": "query", "message": "dekata: no such session"}}
        relation = base64.b64decode(request["relation"])
        # Every job of this judgement carries the session's tag, so that
        # dekata can cancel them at its time limit.
        tag = f"dekata-{sid}"
        with self.lock:
            self.judging += 1
        try:
            jsc = self.spark.sparkContext._jsc.sc()
            jsc.addJobTag(tag)
            reply = self.judged(sid, session, relation)
            jsc.removeJobTag(tag)
        except Exception as e:  # noqa: BLE001 - Spark is gone
            reply = self.ended() if not self.alive() else {"error": f"{type(e).__name__}: {e}"}
        with self.lock:
            # Whether another judgement was under way: when Spark ended,
            # it may have been that one's query.
            alone = self.judging == 1
            self.judging -= 1
        failed = reply.get("failed")
        if failed is not None and failed.get("engine_ended") and alone:
            failed["engine_ended"] = False
        return reply

    def judged(self, sid, session, relation):
        try:
            key = self.jvm.org.apache.spark.sql.connect.service.SessionKey(USER, sid)
            found = self.sessions_of.getIsolatedSessionIfPresent(key)
            if found.isEmpty():
                return {"failed": {"kind": "query", "message": STOPPED}}
            holder = found.get()
            try:
                # The plan may hold SQL, which Spark runs as it reads it.
                self.guard.walk(relations_pb2.Relation.FromString(relation))
            except Refused as e:
                return {"failed": {"kind": "query", "message": REFUSED.format(what=e)}}
            # The session is sealed (see `seal`): its settings now are the
            # ones the plan runs with, whatever the worker does next. A change
            # reverted before the end is still a change.
            changed_before = self.changed(holder, session["settings"])
            proto = self.jvm.org.apache.spark.connect.proto.Relation.parseFrom(bytearray(relation))
            planner = self.jvm.org.apache.spark.sql.connect.planner.SparkConnectPlanner(
                holder, self.jvm.scala.Option.empty()
            )
            logical = planner.transformRelation(proto)
            dataset = self.jvm.org.apache.spark.sql.classic.Dataset.ofRows(holder.session(), logical)
            frame = DataFrame(dataset, self.spark)
            columns = list(frame.columns)
            rows = [row.asDict() for row in frame.collect()]
            problems = [{"kind": "duplicate_column", "name": n} for i, n in enumerate(columns) if n in columns[:i]]
            changed = self.changed(holder, session["settings"])
            changed += [c for c in changed_before if c["key"] not in {d["key"] for d in changed}]
            plan = observe(self, dataset, f"dekata-{sid}", changed, self.counts_partitions(session))
            plan["inputs_not_read"] = not_read(dataset, session["paths"])
            plan["plan_bytes"] = len(relation)
            return {"rows": rows, "plan": plan, "problems": problems}
        except Py4JJavaError as e:
            if out_of_memory(e):
                # When Spark itself ended, the heap may have been filled by
                # another session's query: dekata runs the case again. A
                # JVM that ran out of heap is not trusted with another
                # query: this engine ends once it has answered.
                ended = not self.alive()
                self.retiring = True
                return {"failed": {"kind": "out_of_memory", "heap_mib": self.heap_mib, "engine_ended": ended}}
            if not self.alive():
                return self.ended()
            return {"failed": {"kind": "query", "message": java_message(e)}}
        except Exception as e:  # noqa: BLE001 - PySpark's own errors of the query (a UDF's, an analysis error)
            if not self.alive():
                return self.ended()
            return {"failed": {"kind": "query", "message": f"{type(e).__name__}: {e}"}}

    def ended(self):
        """The JVM is gone: out of heap (Spark's exit status for it), or
        ended for another reason."""
        proc = getattr(self.spark.sparkContext._gateway, "proc", None)
        code = proc.poll() if proc is not None else None
        if code is None:
            try:
                code = proc.wait(timeout=15)
            except Exception:  # noqa: BLE001 - still up: its context alone stopped
                code = None
        if code == SPARK_OOM_EXIT:
            return {"failed": {"kind": "out_of_memory", "heap_mib": self.heap_mib, "engine_ended": True}}
        return {"failed": {"kind": "engine_ended", "engine_ended": True, "message": f"Spark ended (exit status {code})"}}

    @staticmethod
    def counts_partitions(session):
        return session.get("count_partitions", True)

    def changed(self, holder, settings):
        """The graded settings the learner's session no longer has."""
        conf = holder.session().conf()
        out = []
        for key, value in sorted(settings.items()):
            try:
                now = conf.get(key)
            except Py4JError:
                now = None
            if now != value:
                out.append({"key": key, "graded": value, "now": now})
        return out

    def alive(self):
        """Whether Spark can still serve: its JVM runs and its context has
        not stopped (a task's OutOfMemoryError can stop it)."""
        proc = getattr(self.spark.sparkContext._gateway, "proc", None)
        if proc is not None and proc.poll() is not None:
            return False
        try:
            return not self.spark.sparkContext._jsc.sc().isStopped()
        except Exception:  # noqa: BLE001 - unreachable: not serving
            return False




STOPPED = (
    "the solution stopped the Spark session (spark.stop()): the session belongs to the grader, "
    "which gives every run a new one; return a DataFrame and leave the session running"
)


#: SQL commands a solution may run: settings, its own temporary views, and
#: caching (node classes of the parsed statement).
SQL_COMMANDS = {"SetCommand", "ResetCommand", "CreateViewCommand", "CacheTableAsSelect", "CacheTable",
                "UncacheTable"}

#: What every other statement that acts rather than queries is.
COMMAND_CLASSES = (
    "org.apache.spark.sql.catalyst.plans.logical.Command",
    "org.apache.spark.sql.catalyst.plans.logical.ParsedStatement",
    "org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement",
)


#: Statements that act on files, tables or the catalog, by the names of
#: their nodes (not all of them are Commands: `InsertIntoDir` is not).
ACTS = re.compile(
    r"^(Insert|Write|Create|Drop|Alter|Add|Load|Truncate|Repair|Refresh|Msck|Analyze|Append|Overwrite|Replace"
    r"|Delete|Update|Merge|Rename|Comment|Use|SetCatalog|SetNamespace)"
)


def plan_nodes(plan):
    """Every node of a parsed plan, its subqueries' too."""
    pending, seen = [plan], 0
    while pending and seen < 10_000:
        node = pending.pop()
        seen += 1
        yield node
        children = node.children()
        pending.extend(children.apply(i) for i in range(children.size()))
        try:
            subqueries = node.subqueries()
            pending.extend(subqueries.apply(i) for i in range(subqueries.size()))
        except Py4JError:
            pass


def out_of_memory(error):
    """Whether a Java exception (or one of its causes) is an OutOfMemoryError."""
    try:
        cause = error.java_exception
        seen = 0
        while cause is not None and seen < 20:
            if cause.getClass().getName() == "java.lang.OutOfMemoryError":
                return True
            cause = cause.getCause()
            seen += 1
    except Py4JError:
        return False
    return False


def java_message(error):
    """A Java exception's own message, without the Java stack."""
    try:
        return str(error.java_exception.getMessage())
    except Py4JError:
        return str(error).splitlines()[0]


if __name__ == "__main__":
    run(Engine, sys.argv)
