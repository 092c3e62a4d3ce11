"""dekata's engine for a Spark cluster it does not own: a Spark Connect
client of the cluster's endpoint (`--remote sc://HOST:PORT`), answering
dekata on the same socket, with the same requests, as dekata_engine.py.

dekata starts it as

    python -I -B dekata_remote.py STATE_DIR CONFIG_JSON

where CONFIG_JSON names the endpoint (`remote`) and the scale (`scale`).
For each run it opens a session of its own on the cluster, with the
graded settings and the run's tables as temporary views, cached there:
the first table (the facts: orders, clicks, sales), `scale` times over,
each copy's ids moved out of the others' way; the others (stores, users,
payments) as they are. The learner's worker, a client of the same session,
builds its DataFrame from those views and returns its plan; this engine
executes it and reads what the cluster says it did: the rows, and from the
query's metrics each join's strategy and rows and the literal rows it
carried. The rows each shuffle's partitions received are not told by a
cluster's metrics: katas that judge them are not run here (dekata says
so). The reference runs the same way, on the same cluster, at the same
scale: it is the truth.
"""

import base64
import os
import re
import sys
import threading
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
        self.client(str(uuid.uuid4())).range(1).collect()

    def client(self, sid):
        return SparkSession.builder.remote(f"{self.url}/;user_id={USER};session_id={sid}").create()

    def alive(self):
        return True

    def handle(self, request):
        op = request.get("op")
        if op == "ping":
            return {"serving": True, "pid": os.getpid(), "port": self.port, "started": self.started,
                    "sessions": len(self.sessions), "idle_seconds": self.idle_seconds, "remote": self.url}
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
        self.sessions[sid] = {"spark": spark, "settings": settings, "views": views, "frames": frames}
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
        try:
            frame = DataFrame(Given(relation), spark)
            columns = list(frame.columns)
            rows = [row.asDict() for row in frame.collect()]
            info = frame.executionInfo
        except Exception as e:  # noqa: BLE001 - the query's own error, as the cluster said it
            return {"failed": {"kind": "query", "message": f"{type(e).__name__}: {e}"}}
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
        return {"rows": rows, "plan": plan, "problems": problems}


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
