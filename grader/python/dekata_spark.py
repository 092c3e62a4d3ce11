"""The DataFrame katas in Python: PySpark in local mode, set up like a
cluster's session, fed the case's tables with explicit schemas, and read
back: the rows of the solution's DataFrame, and what its executed plan did
(each join's strategy and rows, and the rows each partition of each shuffle
received, counted by Spark's own task metrics).

Imported by dekata_worker.py for the `dataframes` call shape only: the
other katas need the standard library alone. dekata tells it the session
(tables, settings, memory) as JSON; see src/spark/mod.rs.
"""

import json
import os
import re
import resource
import shutil

from py4j.protocol import Py4JError, Py4JJavaError
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

#: Settings that make a local run quiet, self-contained and quick to start.
#: Not graded: a query has no reason to touch them.
LOCAL = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.execution.arrow.pyspark.enabled": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    # A small input file still splits into a partition per core.
    "spark.sql.files.openCostInBytes": "1024",
    "spark.sql.session.timeZone": "UTC",
    "spark.log.level": "ERROR",
}

#: The JVM's flags: no performance-data file in /tmp (outside the
#: sandbox's grants), fewer threads, quick to start.
JAVA_OPTIONS = "-XX:-UsePerfData -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m"

TYPES = {"bigint": T.LongType(), "string": T.StringType(), "boolean": T.BooleanType()}

#: What a solution that stopped the session is told.
STOPPED = (
    "the solution stopped the Spark session (spark.stop()): the session belongs to the grader, "
    "which starts it again for the next run; return a DataFrame and leave the session running"
)

#: What Spark's executor exits with when a task runs out of heap.
SPARK_OOM_EXIT = 52


def archive_option(session):
    """The JVM flag for the class archive: read the one dekata made (a JVM
    then starts in about half the time), or make it at exit (the warm-up
    run, see dekata_spark_warmup.py)."""
    if session.get("make_class_archive"):
        return f"-XX:ArchiveClassesAtExit={session['make_class_archive']}"
    if session.get("class_archive"):
        return f"-XX:SharedArchiveFile={session['class_archive']}"
    return ""


class EngineOutOfMemory(Exception):
    """The JVM ran out of heap on the solution's query."""


class EngineEnded(Exception):
    """The JVM ended (or stopped its SparkContext) during the query: the
    worker cannot serve another run."""

    def __init__(self, code):
        super().__init__(f"Spark's JVM ended during the query (exit status {code})")
        self.code = code


class Spark:
    """One session for the worker's life: the kata's cases (and, in watch
    mode, every re-check) reuse it."""

    def __init__(self, session, scratch):
        self.tables = session["tables"]
        self.settings = dict(session["settings"])
        self.partitions = int(session["partitions"])
        self.heap_mib = int(session["driver_memory_mib"])
        self.inputs = os.path.join(scratch, "inputs")
        self.conf = {
            **LOCAL,
            **self.settings,
            "spark.default.parallelism": str(self.partitions),
            "spark.local.dir": os.path.join(scratch, "spark"),
            "spark.sql.warehouse.dir": os.path.join(scratch, "warehouse"),
            "spark.driver.memory": f"{self.heap_mib}m",
            "spark.driver.extraJavaOptions": f"{JAVA_OPTIONS} {archive_option(session)} -Djava.io.tmpdir={scratch}",
        }
        self.schemas = {
            t["name"]: T.StructType([T.StructField(c, TYPES[ty], True) for c, ty in t["columns"]])
            for t in self.tables
        }
        self.runs = 0
        self.start()
        cap_python_memory(int(session["python_memory_mib"]))

    def start(self):
        """Starts the session (again, in the same JVM, after a solution
        stopped it)."""
        builder = SparkSession.builder.master(f"local[{self.partitions}]").appName("dekata")
        for key, value in self.conf.items():
            builder = builder.config(key, value)
        self.session = builder.getOrCreate()
        self.session.sparkContext.setLogLevel("ERROR")
        # Every setting as the session starts, so that what one run changes
        # (a graded setting, or any other) never reaches the next.
        self.initial = dict(self.session.conf.getAll)

    def stopped(self):
        """Whether the solution stopped the session (`spark.stop()`): PySpark
        then drops its handle on the JVM's context, which stays up."""
        return self.session.sparkContext._jsc is None

    def reset(self):
        """Puts back what a previous run may have changed: the session
        itself, every setting as the session started, the cache, temporary
        views, old inputs."""
        if self.stopped():
            self.start()
        now = dict(self.session.conf.getAll)
        for key in now:
            if key not in self.initial:
                try:
                    self.session.conf.unset(key)
                except Exception:  # noqa: BLE001 - a setting that cannot be unset was never changed
                    pass
        for key, value in self.initial.items():
            if now.get(key) != value:
                try:
                    self.session.conf.set(key, value)
                except Exception:  # noqa: BLE001 - a static setting cannot have changed
                    pass
        self.session.catalog.clearCache()
        for table in self.session.catalog.listTables():
            if table.isTemporary:
                self.session.catalog.dropTempView(table.name)
        shutil.rmtree(self.inputs, ignore_errors=True)

    def frames(self, records):
        """One DataFrame per table of the dataset, in its order: the rows as
        JSON lines in the scratch folder, read with the table's schema."""
        folder = os.path.join(self.inputs, f"run-{self.runs}")
        os.makedirs(folder)
        paths = {t["name"]: os.path.join(folder, t["name"] + ".json") for t in self.tables}
        files = {name: open(path, "w", encoding="utf-8") for name, path in paths.items()}
        try:
            for record in records:
                out = files[record["table"]]
                out.write(json.dumps(record["row"], separators=(",", ":")))
                out.write("\n")
        finally:
            for f in files.values():
                f.close()
        reader = self.session.read.option("mode", "FAILFAST")
        return [
            reader.schema(self.schemas[t["name"]]).json(paths[t["name"]]).alias(t["name"])
            for t in self.tables
        ]

    def run(self, entry, records, args):
        """Calls the solution, collects its DataFrame, and reads its plan.
        Returns the rows (dicts), the plan report and the output's problems.
        When the engine rather than the query failed (its heap ran out, its
        JVM ended), raises EngineOutOfMemory or EngineEnded instead."""
        try:
            return self.query(entry, records, args)
        except Exception as e:  # noqa: BLE001 - re-raised unless the engine is to blame
            self.after_failure(e)
            raise

    def query(self, entry, records, args):
        self.reset()
        self.runs += 1
        frames = self.frames(records)
        result = entry(*frames, *args)
        if self.stopped():
            raise RuntimeError(STOPPED)
        if not isinstance(result, DataFrame):
            raise TypeError(f"the function returned {type(result).__name__}, not a pyspark.sql.DataFrame")
        rows = result.collect()
        columns = result.columns
        problems = [
            {"kind": "duplicate_column", "name": name} for i, name in enumerate(columns) if name in columns[:i]
        ]
        plan = observe(self.session, result, f"dekata-run-{self.runs}", self.changed(result), self.partitions)
        return [row.asDict() for row in rows], plan, problems

    def changed(self, result):
        """The fixed settings the query changed, on the session or on the
        session its result belongs to."""
        out = []
        sessions = [self.session]
        if result.sparkSession is not self.session:
            sessions.append(result.sparkSession)
        for key, value in sorted(self.settings.items()):
            for session in sessions:
                now = session.conf.get(key, None)
                if now != value:
                    out.append({"key": key, "graded": value, "now": now})
                    break
        return out

    def after_failure(self, error):
        """Why a query failed, when the engine rather than the query is the
        reason: its heap ran out, or its JVM ended. Raises that instead."""
        if self.stopped():
            raise RuntimeError(STOPPED) from None
        if isinstance(error, Py4JJavaError) and out_of_memory(error):
            raise EngineOutOfMemory() from None
        code = self.jvm_exit()
        if code == SPARK_OOM_EXIT:
            raise EngineOutOfMemory() from None
        if code is not None:
            raise EngineEnded(code) from None

    def jvm_exit(self):
        """The JVM's exit status if it has ended (a task's OutOfMemoryError
        ends the executor, which in local mode is the whole JVM), a note if
        it stopped its SparkContext; None while it serves."""
        proc = getattr(self.session.sparkContext._gateway, "proc", None)
        if proc is None:
            return None
        code = proc.poll()
        if code is not None:
            return code
        try:
            stopped = self.session.sparkContext._jsc.sc().isStopped()
        except (Py4JError, OSError):
            stopped = True
        if not stopped:
            return None
        # Unreachable, or shutting down: it is ending, and its exit status
        # says why (Spark's handler of an uncaught OutOfMemoryError exits
        # with its own status once it has stopped the context).
        try:
            return proc.wait(timeout=15)
        except Exception:  # noqa: BLE001 - still up: the context alone stopped
            return "none: it stopped its SparkContext"


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


def cap_python_memory(mib):
    """Lowers this process's address-space cap to what it holds now plus
    the kata's allowance, so a runaway Python driver fails as the other
    Python katas do. The JVM, started already, keeps its own cap."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return
    cap = size + mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


# ----------------------------------------------------------- the executed plan

def observe(session, frame, run, changed, partitions):
    """What the executed plan did: its joins (strategy and rows), and for
    each shuffle exchange, the rows each of its partitions received (`run`
    names the counting jobs)."""
    plan = frame._jdf.queryExecution().executedPlan()
    joins, exchanges = [], []
    walk(plan, joins, exchanges)
    target = partitions
    for change in changed:
        if change["key"] == "spark.sql.shuffle.partitions":
            try:
                target = int(change["now"])
            except (TypeError, ValueError):
                target = 0
    return {
        "joins": joins,
        "repartitions": [
            {"on": keys(e.outputPartitioning()), "partitions": partition_rows(session, e, f"{run}-exchange-{i}")}
            for i, e in enumerate(exchanges)
        ],
        "text": final(plan).treeString(),
        "target_partitions": target,
        "graded_partitions": partitions,
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


def walk(node, joins, exchanges):
    """Collects the joins and the shuffle exchanges that ran, including
    those under an adaptive plan's stages and inside a cached DataFrame's
    plan (a reused exchange is a leaf, so each is seen once)."""
    node = final(node)
    kind = node.getClass().getSimpleName()
    if is_stage(kind):
        walk(node.plan(), joins, exchanges)
        return
    if kind == "InMemoryTableScanExec":
        walk(node.relation().cachedPlan(), joins, exchanges)
        return
    if kind in JOINS:
        joins.append(join_seen(node, JOINS[kind]))
    if kind == "ShuffleExchangeExec":
        exchanges.append(node)
    for child in seq(node.children()):
        walk(child, joins, exchanges)


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


def partition_rows(session, exchange, group):
    """The rows each partition of a shuffle exchange received, exactly.

    The tasks of the query itself do not tell: a sort-merge join whose one
    side of a partition is empty never reads the other side's rows there.
    So each partition's rows are read once more, by a job of one task per
    partition over the shuffle's files (already written), and counted from
    those tasks' shuffle-read metrics."""
    jvm = session._jvm
    execution = jvm.org.apache.spark.sql.execution
    count = exchange.numPartitions()
    specs = session.sparkContext._gateway.new_array(execution.ShufflePartitionSpec, count)
    for i in range(count):
        specs[i] = execution.CoalescedPartitionSpec(i, i + 1, jvm.scala.Option.empty())
    context = session.sparkContext
    context.setJobGroup(group, "dekata counts the rows of each partition of a shuffle")
    try:
        exchange.getShuffleRDD(specs).count()
    finally:
        context.setLocalProperty("spark.jobGroup.id", None)
    tracker = context.statusTracker()
    store = context._jsc.sc().statusStore()
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
