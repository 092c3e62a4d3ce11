"""The DataFrame katas in Python: the learner's code is a Spark Connect
client of dekata's engine (dekata_engine.py), and nothing more.

For each run dekata opens a fresh session on the engine, with the case's
tables written where that session reads them, and tells this worker the
session and the tables. The worker hands the solution one DataFrame per
table, and returns the plan of the DataFrame it got back (Spark Connect's
own plan message). It executes nothing itself: dekata has the engine run
that plan, outside this process, and reads the rows and the executed plan
there.

Imported by dekata_worker.py for the DataFrame katas only (a `tables` call).
"""

import base64
import os
import sys

# PySpark's functions and DataFrames take their Spark Connect form only in
# a process that says it is a client.
os.environ["SPARK_CONNECT_MODE_ENABLED"] = "1"

from pyspark import cloudpickle  # noqa: E402
from pyspark.sql.connect.dataframe import DataFrame  # noqa: E402
from pyspark.sql.connect.session import SparkSession  # noqa: E402

#: A PySpark DDL type per column type dekata generates.
TYPES = {"bigint": "bigint", "string": "string", "boolean": "boolean"}


class Spark:
    """The engine's address and the kata's tables, for the worker's life."""

    def __init__(self, session):
        self.url = session["remote"]
        self.schemas = {
            t["name"]: ", ".join(f"`{c}` {TYPES[ty]}" for c, ty in t["columns"]) for t in session["tables"]
        }
        self.order = [t["name"] for t in session["tables"]]
        # Connect once now, so the first run does not pay for it.
        self.session(None)

    def session(self, sid):
        """A client of the engine on session `sid` (a throwaway one if None)."""
        url = f"{self.url}/;user_id=dekata"
        if sid is not None:
            url += f";session_id={sid}"
        return SparkSession.builder.remote(url).create()

    def run(self, entry, spark_run, args):
        """Calls the solution on the run's tables; the plan of its result,
        as base64 of Spark Connect's `Relation` message."""
        spark = self.session(spark_run["session"])
        # The run's session is the one every function of PySpark finds
        # (the engine serves no other): not the throwaway one made above.
        with SparkSession._lock:
            SparkSession._default_session = spark
        SparkSession._active_session.session = spark
        # The solution's module exists only in this process: the functions
        # it hands Spark (UDFs) travel by value.
        solution = sys.modules.get("solution")
        if solution is not None and solution.__name__ not in cloudpickle.list_registry_pickle_by_value():
            cloudpickle.register_pickle_by_value(solution)
        views = spark_run.get("views") or {}
        if views:
            # A cluster's engine holds the tables as temporary views.
            frames = [spark.table(views[name]).alias(name) for name in self.order]
        else:
            reader = spark.read.option("mode", "FAILFAST")
            frames = [
                reader.schema(self.schemas[name]).json(spark_run["inputs"][name]).alias(name) for name in self.order
            ]
        result = entry(*frames, *args)
        if not isinstance(result, DataFrame):
            raise TypeError(f"the function returned {type(result).__name__}, not a pyspark.sql.DataFrame")
        relation = result._plan.to_proto(result.sparkSession.client).root
        return base64.b64encode(relation.SerializeToString()).decode("ascii")
