"""dekata's engine for a Spark cluster it does not own: a Spark Connect
client of the cluster's endpoint (`--remote sc://HOST:PORT`), answering
dekata on the same socket, with the same requests, as dekata_engine.py.

dekata starts it as

    python -I -B dekata_remote.py STATE_DIR CONFIG_JSON

where CONFIG_JSON names the endpoint (`remote`), the scale (`scale`) and,
if the user gave it, the driver's monitoring address (`ui`).
For each run it opens a session of its own on the cluster, with the
graded settings and the run's tables as temporary views, cached there:
the first table (the facts: orders, clicks, sales), `scale` times over,
each copy's ids moved out of the others' way; the others (stores, users,
payments) as they are. The learner's worker, a client of the same session,
builds its DataFrame from those views and returns its plan; this engine
executes it and reads what the cluster says it did: the rows, and from the
query's metrics each join's strategy and rows and the literal rows it
carried. The rows each shuffle's partitions received are not in those
metrics: for a kata that judges them, they are read from the driver's
monitoring API (its REST API, `/api/v1`), as each task of the query's
shuffle-reading stages read them. That API is found at start, at the
address given or at the driver's default ports, and only where it
serves the very application the Spark Connect endpoint runs in. The
reference runs the same way, on the same cluster, at the same scale: it
is the truth.
"""

import base64
import json
import os
import re
import sys
import threading
import time
import urllib.request
import uuid

os.environ["SPARK_CONNECT_MODE_ENABLED"] = "1"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dekata_daemon import Daemon, run  # noqa: E402
from dekata_observe import clean  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql.connect.dataframe import DataFrame  # noqa: E402
from pyspark.sql.connect.plan import LogicalPlan  # noqa: E402
from pyspark.sql.connect.proto import relations_pb2  # noqa: E402
from pyspark.sql.connect.session import SparkSession  # noqa: E402

USER = "dekata"

TYPES = {"bigint": "bigint", "string": "string", "boolean": "boolean"}

#: How far apart the ids of two copies of a scaled table are.
ID_STRIDE = 10**12

JOINS = {"BroadcastHashJoin", "SortMergeJoin", "ShuffledHashJoin", "BroadcastNestedLoopJoin", "CartesianProduct"}


class Given(LogicalPlan):
    """A plan a worker returned, as Spark Connect's message."""

    def __init__(self, relation):
        super().__init__(None)
        self.relation = relation

    def plan(self, session):
        return self.relation


class Remote(Daemon):
    def __init__(self, state, config):
        super().__init__(state, config)
        self.url = config["remote"].rstrip("/")
        self.scale = max(1, int(config.get("scale", 1)))
        self.port = int(self.url.rsplit(":", 1)[1])
        # Reached once now: a cluster that does not answer ends the start.
        probe = self.client(str(uuid.uuid4()))
        probe.range(1).collect()
        try:
            app = probe.conf.get("spark.app.id")
        except Exception:  # noqa: BLE001 - then no monitoring API can be matched to it
            app = None
        self.app = app
        self.ui, self.ui_tried = find_ui(config.get("ui"), host_of(self.url), app)

    def state_extra(self):
        return {"ui": self.ui, "ui_tried": self.ui_tried}

    def client(self, sid):
        return SparkSession.builder.remote(f"{self.url}/;user_id={USER};session_id={sid}").create()

    def alive(self):
        return True

    def handle(self, request):
        op = request.get("op")
        if op == "ping":
            return {"serving": True, "pid": os.getpid(), "port": self.port, "started": self.started,
                    "sessions": len(self.sessions), "idle_seconds": self.idle_seconds, "remote": self.url,
                    "ui": self.ui}
        if op == "open":
            return self.open(request)
        if op == "judge":
            return self.judge(request)
        if op == "cancel":
            session = self.sessions.get(request["session"])
            if session is not None:
                session["spark"].interruptAll()
            return {"cancelled": True}
        if op == "close":
            self.close(request["session"])
            return {"closed": True}
        if op == "stop":
            threading.Thread(target=self.shutdown, daemon=True).start()
            return {"stopping": True}
        return {"error": f"unknown request {op!r}"}

    def open(self, request):
        sid = str(uuid.uuid4())
        spark = self.client(sid)
        settings = dict(request["settings"])
        for key, value in settings.items():
            spark.conf.set(key, value)
        rows = {t["name"]: [] for t in request["tables"]}
        for record in request["records"]:
            rows[record["table"]].append(record["row"])
        views, frames = {}, []
        for i, table in enumerate(request["tables"]):
            name = table["name"]
            columns = [c for c, _ in table["columns"]]
            schema = ", ".join(f"`{c}` {TYPES[ty]}" for c, ty in table["columns"])
            frame = spark.createDataFrame([tuple(r.get(c) for c in columns) for r in rows[name]], schema=schema)
            if i == 0 and self.scale > 1:
                frame = scaled(frame, columns, table["columns"][0][1], self.scale)
            frame = frame.cache()
            frame.count()
            view = f"dekata_{name}"
            frame.createOrReplaceTempView(view)
            views[name] = view
            frames.append(frame)
        self.sessions[sid] = {"spark": spark, "settings": settings, "views": views, "frames": frames,
                              "count_partitions": bool(request.get("count_partitions")) and self.ui is not None}
        return {"session": sid, "inputs": {}, "views": views}

    def close(self, sid):
        session = self.sessions.pop(sid, None)
        if session is None:
            return
        for frame in session["frames"]:
            try:
                frame.unpersist()
            except Exception:  # noqa: BLE001 - the session may be gone already
                pass
        try:
            session["spark"].stop()
        except Exception:  # noqa: BLE001 - the learner's code may have stopped it
            pass

    def judge(self, request):
        session = self.sessions.get(request["session"])
        if session is None:
            return {"failed": {"kind": "query", "message": "dekata: no such session"}}
        raw = base64.b64decode(request["relation"])
        relation = relations_pb2.Relation.FromString(raw)
        spark = session["spark"]
        # The query's jobs carry a tag of this judgement's own, chosen after
        # the worker returned: the stages whose tasks are read are its.
        tag = f"dekata-judge-{uuid.uuid4().hex}"
        counting = session["count_partitions"]
        if counting:
            spark.addTag(tag)
        try:
            frame = DataFrame(Given(relation), spark)
            columns = list(frame.columns)
            rows = [row.asDict() for row in frame.collect()]
            info = frame.executionInfo
        except Exception as e:  # noqa: BLE001 - the query's own error, as the cluster said it
            return {"failed": {"kind": "query", "message": f"{type(e).__name__}: {e}"}}
        finally:
            if counting:
                spark.removeTag(tag)
        problems = [{"kind": "duplicate_column", "name": n} for i, n in enumerate(columns) if n in columns[:i]]
        plan = observed(info, changed(spark, session["settings"]), session["settings"])
        try:
            keys = join_keys(frame._explain_string(mode="simple"))
        except Exception:  # noqa: BLE001 - the keys are only shown
            keys = []
        equi = [j for j in plan["joins"] if j["mode"] not in ("BroadcastNestedLoopJoin", "CartesianProduct")]
        for join, on in zip(equi, keys if len(keys) == len(equi) else []):
            join["on"] = on
        for join in equi:
            if not join["on"]:
                join["on"] = "keys the cluster did not show"

        read = named_tables(relation)
        plan["inputs_not_read"] = sorted(name for name, view in session["views"].items() if view not in read)
        plan["plan_bytes"] = len(raw)
        if counting:
            try:
                plan["repartitions"] = self.shuffle_reads(spark, tag)
            except Exception as e:  # noqa: BLE001 - the API failed or changed under the query
                # As if the cluster had ended under the query: the run is
                # made again on a new engine, which looks for the API again.
                return {"failed": {"kind": "engine", "engine_ended": True,
                                   "message": f"the driver's monitoring API at {self.ui} failed: {e}"}}
        return {"rows": rows, "plan": plan, "problems": problems}

    def shuffle_reads(self, spark, tag):
        """The rows each task of each shuffle-reading stage of the query
        tagged `tag` read, from the driver's monitoring API: one entry per
        stage, a task per partition (the graded settings coalesce none and
        split none)."""
        # The status store hears of jobs from Spark's listener bus, in the
        # order they ran and later than the query returns. A marker job run
        # now is heard after every event of the query's: once the store has
        # it, it has all of the query's.
        marker = f"{tag}-heard"
        spark.addTag(marker)
        try:
            spark.range(1).collect()
        finally:
            spark.removeTag(marker)
        deadline = time.monotonic() + STORE_WAIT_SECONDS
        while True:
            jobs = self.rest("jobs")
            if any(j.get("status") == "SUCCEEDED" and tagged(j, marker) for j in jobs):
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"the driver's status store did not hear of the query within {STORE_WAIT_SECONDS} s")
            time.sleep(0.05)
        stages = sorted({s for j in jobs if tagged(j, tag) and not tagged(j, marker) for s in j.get("stageIds", [])})
        found = []
        for stage in stages:
            attempts = [a for a in self.rest(f"stages/{stage}") if a.get("status") == "COMPLETE"]
            if not attempts:
                # Skipped: its shuffle was written by an earlier stage.
                continue
            attempt = max(attempts, key=lambda a: a.get("attemptId", 0))
            if not attempt.get("shuffleReadRecords"):
                continue
            count = int(attempt["numTasks"])
            tasks = self.rest(f"stages/{stage}/{attempt['attemptId']}/taskList?length={2 * count + 16}")
            partitions = [0] * count
            for task in tasks:
                if task.get("status") != "SUCCESS" or not 0 <= task.get("index", -1) < count:
                    continue
                read = (task.get("taskMetrics") or {}).get("shuffleReadMetrics") or {}
                partitions[task["index"]] = int(read.get("recordsRead", 0))
            found.append({"on": "", "stage": stage, "partitions": partitions})
        return found

    def rest(self, path):
        return fetch(f"{self.ui}/api/v1/applications/{self.app}/{path}")


#: How long the driver's status store may take to hear of a query.
STORE_WAIT_SECONDS = 30

#: The driver's monitoring ports tried when none is given: Spark's own
#: default and the next ones it takes when that one is in use.
DEFAULT_UI_PORTS = range(4040, 4044)


def tagged(job, tag):
    """Whether a job of the monitoring API carries `tag` (Spark Connect
    wraps a session's tags in names of its own)."""
    return any(tag in t for t in job.get("jobTags") or [])


def host_of(url):
    """`HOST` of `sc://HOST:PORT`."""
    return url[len("sc://"):].rsplit(":", 1)[0]


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read().decode("utf-8"))


def find_ui(given, host, app):
    """The monitoring API of the driver that runs application `app`: at
    `given`, or else at the driver's default ports on `host`. Returns it (or
    None) and the addresses tried."""
    tried = [given.rstrip("/")] if given else [f"http://{host}:{port}" for port in DEFAULT_UI_PORTS]
    for base in tried:
        try:
            apps = fetch(f"{base}/api/v1/applications")
        except Exception:  # noqa: BLE001 - nothing (or not Spark's API) answers there
            continue
        if app is not None and any(a.get("id") == app for a in apps):
            return base, tried
    return None, tried


def scaled(frame, columns, id_type, scale):
    """`frame` `scale` times over; each copy's first column (the table's id)
    moved by a stride of its own, so that copies stay distinct rows."""
    copies = frame.withColumn("_dekata_copy", F.explode(F.sequence(F.lit(0), F.lit(scale - 1))))
    first = columns[0]
    if id_type == "bigint":
        copies = copies.withColumn(first, F.col(first) + F.col("_dekata_copy") * F.lit(ID_STRIDE))
    return copies.select(*columns)


def join_keys(explained):
    """The keys of each equi-join of a physical plan's text, in order:
    `store_id = store_id`."""
    keys = []
    for match in re.finditer(r"(?:BroadcastHashJoin|SortMergeJoin|ShuffledHashJoin) \[(.*?)\], \[(.*?)\]", explained):
        left = [clean(k) for k in match.group(1).split(", ")]
        right = [clean(k) for k in match.group(2).split(", ")]
        keys.append(", ".join(f"{a} = {b}" for a, b in zip(left, right)))
    return keys


def changed(spark, settings):
    out = []
    for key, value in sorted(settings.items()):
        try:
            now = spark.conf.get(key)
        except Exception:  # noqa: BLE001 - unset
            now = None
        if now != value:
            out.append({"key": key, "graded": value, "now": now})
    return out


def named_tables(relation):
    """The tables and views a plan reads by name."""
    found = set()

    def walk(message):
        if isinstance(message, relations_pb2.Read) and message.HasField("named_table"):
            found.add(message.named_table.unparsed_identifier.strip("`"))
        for field, value in message.ListFields():
            if field.message_type is None:
                continue
            if field.label == field.LABEL_REPEATED:
                for item in value.values() if field.message_type.GetOptions().map_entry else value:
                    if hasattr(item, "ListFields"):
                        walk(item)
            else:
                walk(value)

    walk(relation)
    return found


def observed(info, changed_settings, settings):
    """What the cluster's metrics of the executed query say: each join's
    strategy and the rows of its sides, the literal rows, the plan as a
    tree of metrics."""
    metrics = info.metrics if info is not None else None
    nodes = list(getattr(metrics, "_metrics", []) or [])
    by_id = {m.plan_id: m for m in nodes}
    children = {}
    for m in nodes:
        if m.parent_plan_id != m.plan_id:
            children.setdefault(m.parent_plan_id, []).append(m)

    def value(node, name):
        for v in node.metrics:
            if v.name == name:
                return int(v.value)
        return None

    def rows_of(node, seen=0):
        for name in ("numOutputRows", "shuffleRecordsWritten"):
            counted = value(node, name)
            if counted is not None:
                return counted
        kids = children.get(node.plan_id, [])
        return rows_of(kids[0], seen + 1) if kids and seen < 100 else 0

    def broadcasts(node, seen=0):
        if "Broadcast" in node.name and node.name not in JOINS:
            return True
        return seen < 100 and any(broadcasts(k, seen + 1) for k in children.get(node.plan_id, []))

    joins = []
    literal = 0
    for node in nodes:
        if node.name == "LocalTableScan":
            literal += value(node, "numOutputRows") or 0
        if node.name not in JOINS:
            continue
        kids = children.get(node.plan_id, [])
        if len(kids) < 2:
            continue
        left, right = kids[0], kids[-1]
        build, probe = right, left
        if node.name != "SortMergeJoin" and broadcasts(left) and not broadcasts(right):
            build, probe = left, right
        joins.append({"mode": node.name, "on": "", "build_rows": rows_of(build), "probe_rows": rows_of(probe)})
    partitions = int(settings.get("spark.sql.shuffle.partitions", "0") or 0)
    target = partitions
    for change in changed_settings:
        if change["key"] == "spark.sql.shuffle.partitions":
            try:
                target = int(change["now"])
            except (TypeError, ValueError):
                target = 0
    text = ""
    try:
        text = metrics.toText() if metrics is not None else ""
    except Exception:  # noqa: BLE001 - the tree is only shown
        text = "\n".join(f"{m.name}" for m in nodes)
    del by_id
    return {
        "joins": joins,
        "repartitions": [],
        "text": text,
        "target_partitions": target,
        "graded_partitions": partitions,
        "settings_changed": changed_settings,
        "literal_rows": literal,
    }


if __name__ == "__main__":
    run(Remote, sys.argv)
