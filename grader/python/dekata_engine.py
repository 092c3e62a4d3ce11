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
import json
import os
import re
import shutil
import socket
import socketserver
import sys
import threading
import time
import uuid

from py4j.protocol import Py4JError, Py4JJavaError
from pyspark.sql import SparkSession
from pyspark.sql.classic.dataframe import DataFrame

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
}

JAVA_OPTIONS = "-XX:-UsePerfData -XX:TieredStopAtLevel=1 -Xss4m"

#: The user every learner's session belongs to (the worker connects as it).
USER = "dekata"

#: How a JVM's task that ran out of heap ends it in local mode.
SPARK_OOM_EXIT = 52

TYPES = {"bigint": "bigint", "string": "string", "boolean": "boolean"}


class Engine:
    def __init__(self, state, config):
        self.state = state
        self.config = config
        self.partitions = int(config["partitions"])
        self.heap_mib = int(config["driver_memory_mib"])
        self.idle_seconds = float(config["idle_seconds"])
        # This engine's own folder for the runs' tables and Spark's scratch
        # files: an engine that ends never touches its successor's.
        self.own = os.path.join(state, f"engine-{os.getpid()}")
        self.inputs = os.path.join(self.own, "inputs")
        self.sessions = {}
        self.lock = threading.Lock()
        self.busy = 0
        self.judging = 0
        # Set when Spark ran out of heap: the engine ends after answering.
        self.retiring = False
        self.last = time.monotonic()
        self.started = time.time()
        self.port = free_port()
        scratch = os.path.join(self.own, "scratch")
        os.makedirs(scratch, exist_ok=True)
        conf = {
            **LOCAL,
            "spark.connect.grpc.binding.port": str(self.port),
            "spark.default.parallelism": str(self.partitions),
            "spark.local.dir": os.path.join(scratch, "spark"),
            "spark.sql.warehouse.dir": os.path.join(scratch, "warehouse"),
            "spark.driver.memory": f"{self.heap_mib}m",
            "spark.driver.extraJavaOptions": f"{JAVA_OPTIONS} -Djava.io.tmpdir={scratch}",
        }
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

    # ------------------------------------------------------------ requests

    def handle(self, request):
        op = request.get("op")
        if op == "ping":
            return {"serving": self.jvm_alive() and not self.retiring, "pid": os.getpid(), "port": self.port, "started": self.started,
                    "sessions": len(self.sessions), "idle_seconds": self.idle_seconds}
        if op == "open":
            return self.open(request)
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
        """A fresh session with the graded settings, and the run's tables."""
        sid = str(uuid.uuid4())
        holder = self.service.getOrCreateIsolatedSession(USER, sid, self.jvm.scala.Option.empty())
        conf = holder.session().conf()
        settings = dict(request["settings"])
        for key, value in settings.items():
            conf.set(key, value)
        folder = os.path.join(self.inputs, sid)
        os.makedirs(folder)
        paths = {t["name"]: os.path.join(folder, t["name"] + ".json") for t in request["tables"]}
        files = {name: open(path, "w", encoding="utf-8") for name, path in paths.items()}
        rows = {name: 0 for name in paths}
        try:
            for record in request["records"]:
                rows[record["table"]] += 1
                out = files[record["table"]]
                out.write(json.dumps(record["row"], separators=(",", ":")))
                out.write("\n")
        finally:
            for f in files.values():
                f.close()
        with self.lock:
            self.sessions[sid] = {
                "settings": settings,
                "paths": paths,
                "rows": rows,
                "count_partitions": bool(request.get("count_partitions", True)),
            }
        return {"session": sid, "inputs": paths}

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
            reply = self.ended() if not self.jvm_alive() else {"error": f"{type(e).__name__}: {e}"}
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
            plan = observe(self, dataset, f"dekata-{sid}", changed, self.counts_partitions(session))
            plan["inputs_not_read"] = not_read(dataset, session["paths"])
            plan["literal_rows"] = literal_rows(dataset)
            plan["plan_bytes"] = len(relation)
            return {"rows": rows, "plan": plan, "problems": problems}
        except Py4JJavaError as e:
            if out_of_memory(e):
                # When Spark itself ended, the heap may have been filled by
                # another session's query: dekata runs the case again. A
                # JVM that ran out of heap is not trusted with another
                # query: this engine ends once it has answered.
                ended = not self.jvm_alive()
                self.retiring = True
                return {"failed": {"kind": "out_of_memory", "heap_mib": self.heap_mib, "engine_ended": ended}}
            if not self.jvm_alive():
                return self.ended()
            return {"failed": {"kind": "query", "message": java_message(e)}}
        except Exception as e:  # noqa: BLE001 - PySpark's own errors of the query (a UDF's, an analysis error)
            if not self.jvm_alive():
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

    # ------------------------------------------------------------- its life

    def serve(self):
        # Bound under a name of its own, then moved into place: a client
        # never reaches a half-made socket.
        socket_path = os.path.join(self.own, "engine.sock")
        engine = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                line = self.rfile.readline()
                if not line:
                    return
                with engine.lock:
                    engine.busy += 1
                try:
                    reply = engine.handle(json.loads(line))
                except Exception as e:  # noqa: BLE001 - said to dekata, which decides
                    reply = {"error": f"{type(e).__name__}: {e}"}
                    if not engine.jvm_alive():
                        reply = {"failed": {"kind": "engine_ended", "message": str(e)[:400]}}
                finally:
                    with engine.lock:
                        engine.busy -= 1
                        engine.last = time.monotonic()
                self.wfile.write(json.dumps(reply, separators=(",", ":"), default=str).encode() + b"\n")
                if engine.retiring or ("failed" in reply and reply["failed"]["kind"] == "engine_ended"):
                    with engine.lock:
                        last = engine.judging == 0
                    if last:
                        engine.shutdown()

        class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
            daemon_threads = True

        self.server = Server(socket_path, Handler)
        os.chmod(socket_path, 0o600)
        os.replace(socket_path, os.path.join(self.state, "engine.sock"))
        write_state(self.state, {"pid": os.getpid(), "port": self.port, "started": self.started,
                                 "pyspark": self.config.get("pyspark"), "script": self.config.get("script")})
        threading.Thread(target=self.idle_watch, daemon=True).start()
        threading.Thread(target=self.jvm_watch, daemon=True).start()
        self.server.serve_forever()

    def idle_watch(self):
        while True:
            time.sleep(1)
            with self.lock:
                idle = self.busy == 0 and time.monotonic() - self.last > self.idle_seconds
            if idle:
                self.shutdown()

    def jvm_watch(self):
        while True:
            time.sleep(1)
            if not self.jvm_alive():
                # The judgements under way say why first.
                time.sleep(3)
                self.shutdown()

    def jvm_alive(self):
        """Whether Spark can still serve: its JVM runs and its context has
        not stopped (a task's OutOfMemoryError can stop it)."""
        proc = getattr(self.spark.sparkContext._gateway, "proc", None)
        if proc is not None and proc.poll() is not None:
            return False
        try:
            return not self.spark.sparkContext._jsc.sc().isStopped()
        except Exception:  # noqa: BLE001 - unreachable: not serving
            return False

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
        # The JVM is this process's child, in its process group: dekata's
        # `spark stop` ends the group; here it ends with its standard input.
        os._exit(0)


STOPPED = (
    "the solution stopped the Spark session (spark.stop()): the session belongs to the grader, "
    "which gives every run a new one; return a DataFrame and leave the session running"
)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_state(state, value):
    path = os.path.join(state, "engine.json")
    partial = path + f".partial-{os.getpid()}"
    with open(partial, "w", encoding="utf-8") as f:
        json.dump(value, f)
    os.replace(partial, path)


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


# ----------------------------------------------------------- the executed plan

def observe(engine, dataset, group, changed, count_partitions):
    """What the executed plan did: its joins (strategy and rows), and for
    each shuffle exchange, the rows each of its partitions received (when
    `count_partitions`: a kata with a skew rule)."""
    plan = dataset.queryExecution().executedPlan()
    joins, exchanges = [], []
    walk(plan, joins, exchanges)
    target = engine.partitions
    for change in changed:
        if change["key"] == "spark.sql.shuffle.partitions":
            try:
                target = int(change["now"])
            except (TypeError, ValueError):
                target = 0
    return {
        "joins": joins,
        "repartitions": [
            {"on": keys(e.outputPartitioning()), "partitions": partition_rows(engine, e, f"{group}-exchange-{i}")}
            for i, e in enumerate(exchanges)
            if count_partitions
        ],
        "text": final(plan).treeString(),
        "target_partitions": target,
        "graded_partitions": engine.partitions,
        "settings_changed": changed,
    }


JOINS = {
    "BroadcastHashJoinExec": "BroadcastHashJoin",
    "SortMergeJoinExec": "SortMergeJoin",
    "ShuffledHashJoinExec": "ShuffledHashJoin",
    "BroadcastNestedLoopJoinExec": "BroadcastNestedLoopJoin",
    "CartesianProductExec": "CartesianProduct",
}


def is_stage(kind):
    """An adaptive query stage (shuffle, broadcast, result, cache): a leaf of
    the adaptive plan that wraps the plan it ran."""
    return kind.endswith("QueryStageExec")


def final(plan):
    """The plan that ran: an adaptive plan's final one."""
    if plan.getClass().getSimpleName() == "AdaptiveSparkPlanExec":
        return plan.executedPlan()
    return plan


def nodes(node):
    """Every node of the plan that ran, through adaptive stages and cached
    DataFrames' plans (a reused exchange is a leaf, so each is seen once)."""
    node = final(node)
    kind = node.getClass().getSimpleName()
    if is_stage(kind):
        yield from nodes(node.plan())
        return
    if kind == "InMemoryTableScanExec":
        yield from nodes(node.relation().cachedPlan())
        return
    yield kind, node
    for child in seq(node.children()):
        yield from nodes(child)


def walk(plan, joins, exchanges):
    for kind, node in nodes(plan):
        if kind in JOINS:
            joins.append(join_seen(node, JOINS[kind]))
        if kind == "ShuffleExchangeExec":
            exchanges.append(node)


def not_read(dataset, paths):
    """The input tables the query does not read: no relation of its
    analyzed plan (before the optimizer drops a scan an empty table makes
    needless) is the table's file."""
    read = set()
    for leaf in seq(dataset.queryExecution().analyzed().collectLeaves()):
        if leaf.getClass().getSimpleName() != "LogicalRelation":
            continue
        relation = leaf.relation()
        if relation.getClass().getSimpleName() != "HadoopFsRelation":
            continue
        for path in seq(relation.location().rootPaths()):
            read.add(os.path.realpath(str(path.toUri().getPath())))
    return sorted(name for name, path in paths.items() if os.path.realpath(path) not in read)


def literal_rows(dataset):
    """The rows the executed plan carries as literal tables (a DataFrame
    made from local rows)."""
    total = 0
    for kind, node in nodes(dataset.queryExecution().executedPlan()):
        if kind == "LocalTableScanExec":
            total += metric(node, "numOutputRows")
    return total


def join_seen(node, mode):
    children = seq(node.children())
    left, right = children[0], children[-1]
    on = ""
    if mode not in ("BroadcastNestedLoopJoin", "CartesianProduct"):
        pairs = zip(seq(node.leftKeys()), seq(node.rightKeys()))
        on = ", ".join(f"{clean(str(a))} = {clean(str(b))}" for a, b in pairs)
    # A sort-merge join streams its left side past its right (buffered)
    # one; a hash join builds on its build side.
    build, probe = right, left
    if mode not in ("SortMergeJoin", "CartesianProduct") and node.buildSide().toString() == "BuildLeft":
        build, probe = left, right
    return {"mode": mode, "on": on, "build_rows": rows_of(build), "probe_rows": rows_of(probe)}


def rows_of(node):
    """The rows a plan node produced: its own count, else its first
    descendant's that counts."""
    kind = node.getClass().getSimpleName()
    if is_stage(kind):
        return rows_of(node.plan())
    if kind == "BroadcastExchangeExec":
        return metric(node, "numOutputRows")
    if kind == "ShuffleExchangeExec":
        return metric(node, "shuffleRecordsWritten")
    counted = metric(node, "numOutputRows", None)
    if counted is not None:
        return counted
    children = seq(node.children())
    return rows_of(children[0]) if children else 0


def metric(node, name, default=0):
    found = node.metrics().get(name)
    return int(found.get().value()) if found.isDefined() else default


def keys(partitioning):
    kind = partitioning.getClass().getSimpleName()
    if kind == "HashPartitioning":
        return ", ".join(clean(str(e)) for e in seq(partitioning.expressions()))
    if kind == "SinglePartition$":
        return "(everything, to one partition)"
    if kind == "RoundRobinPartitioning":
        return "(round robin)"
    return clean(str(partitioning))


def seq(scala_seq):
    return [scala_seq.apply(i) for i in range(scala_seq.size())]


def clean(expression):
    """`user_id#12L` as `user_id`."""
    return re.sub(r"#\d+L?", "", expression)


def partition_rows(engine, exchange, group):
    """The rows each partition of a shuffle exchange received, exactly.

    The tasks of the query itself do not tell: a sort-merge join whose one
    side of a partition is empty never reads the other side's rows there.
    So each partition's rows are read once more, by a job of one task per
    partition over the shuffle's files (already written), and counted from
    those tasks' shuffle-read metrics."""
    jvm = engine.jvm
    execution = jvm.org.apache.spark.sql.execution
    count = exchange.numPartitions()
    context = engine.spark.sparkContext
    specs = context._gateway.new_array(execution.ShufflePartitionSpec, count)
    for i in range(count):
        specs[i] = execution.CoalescedPartitionSpec(i, i + 1, jvm.scala.Option.empty())
    jsc = context._jsc.sc()
    # Job groups are per thread: each judge runs on a thread of its own.
    jsc.setJobGroup(group, "dekata counts the rows of each partition of a shuffle", False)
    try:
        exchange.getShuffleRDD(specs).count()
    finally:
        jsc.clearJobGroup()
    tracker = context.statusTracker()
    store = jsc.statusStore()
    rows = [0] * count
    for job in tracker.getJobIdsForGroup(group):
        info = tracker.getJobInfo(job)
        for stage in info.stageIds if info else []:
            stage_info = tracker.getStageInfo(stage)
            if stage_info is None:
                continue
            for task in seq(store.taskList(stage, stage_info.currentAttemptId, 1_000_000)):
                metrics = task.taskMetrics()
                if metrics.isDefined() and task.status() == "SUCCESS" and task.index() < count:
                    rows[task.index()] = metrics.get().shuffleReadMetrics().recordsRead()
    return rows


def main(argv):
    state, config = argv[1], json.loads(argv[2])
    os.makedirs(state, exist_ok=True)
    try:
        engine = Engine(state, config)
    except BaseException as e:  # noqa: BLE001 - said in the log dekata shows
        print(f"dekata engine: cannot start Spark: {type(e).__name__}: {e}", file=sys.stderr)
        sys.stderr.flush()
        os._exit(3)
    engine.serve()


if __name__ == "__main__":
    main(sys.argv)
