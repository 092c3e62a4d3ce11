"""What the plan a learner's worker returned did, read by dekata's Spark
engine (dekata_engine.py) from the executed query through Py4J: each
join's strategy and rows, the rows each partition of each shuffle
received, the input tables the plan reads and the literal rows it
carries. Nothing here runs in a learner's process.
"""

import os
import re
import time

def observe(engine, dataset, group, changed, count_partitions):
    """What the executed plan did: its joins (strategy and rows), and for
    each shuffle exchange, the rows each of its partitions received (when
    `count_partitions`: a kata with a skew rule)."""
    plan = dataset.queryExecution().executedPlan()
    joins, exchanges, literals = [], [], []
    walk(plan, joins, exchanges, literals)
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
        # The rows the plan carries as literal tables (a DataFrame made
        # from local rows).
        "literal_rows": sum(metric(node, "numOutputRows") for node in literals),
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


def walk(plan, joins, exchanges, literals):
    """One pass over the plan that ran: its joins, its shuffle exchanges,
    and its literal tables (each Py4J call is a round trip)."""
    for kind, node in nodes(plan):
        if kind in JOINS:
            joins.append(join_seen(node, JOINS[kind]))
        elif kind == "ShuffleExchangeExec":
            exchanges.append(node)
        elif kind == "LocalTableScanExec":
            literals.append(node)


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
    # The status store hears of tasks from Spark's listener bus, after the
    # job has returned and later still when other queries keep it busy: a
    # partition is read only once its task's end has been heard.
    deadline = time.monotonic() + STORE_WAIT_SECONDS
    while True:
        rows, heard = read_partition_rows(context, jsc, group, count)
        if heard == count or time.monotonic() > deadline:
            return rows
        time.sleep(0.02)


#: How long the status store may take to hear of a count's tasks.
STORE_WAIT_SECONDS = 30


def read_partition_rows(context, jsc, group, count):
    """The rows each partition's task of group `group` read, as the status
    store has them, and how many partitions' tasks it has heard end."""
    tracker = context.statusTracker()
    store = jsc.statusStore()
    rows = [0] * count
    heard = set()
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
                    heard.add(task.index())
    return rows, len(heard)
