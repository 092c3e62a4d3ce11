"""Makes the class archive a PySpark worker's JVM starts from.

dekata runs this once after installing PySpark, outside any sandbox, as

    python -I -B dekata_spark_warmup.py SESSION_JSON

with SESSION_JSON naming the archive to write (`make_class_archive`). It
starts a session exactly as a worker does, runs the kinds of query the
katas run (JSON tables with schemas, joins shuffled and broadcast, windows,
aggregations, the plan and task metrics read back), and ends: the JVM
writes every class it loaded into the archive as it exits, and later JVMs
map them instead of loading them again.
"""

import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import dekata_spark  # noqa: E402
from pyspark.sql import Window  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402


def warm_up(session_json):
    session = json.loads(session_json)
    with tempfile.TemporaryDirectory(prefix="dekata-warmup-") as scratch:
        spark = dekata_spark.Spark(session, scratch)
        records = []
        for i in range(2000):
            records.append({"table": "left", "row": {"id": i, "key": i % 50, "name": f"n{i % 7}", "flag": i % 3 == 0}})
        for k in range(50):
            records.append({"table": "right", "row": {"key": k, "label": None if k % 5 == 0 else f"l{k}"}})

        def query(left, right):
            ranked = left.withColumn(
                "rank", F.row_number().over(Window.partitionBy("key").orderBy(F.desc("id")))
            ).withColumn("previous", F.lag("id").over(Window.partitionBy("key").orderBy("id")))
            small = right.select("key", F.col("label").alias("other"))
            joined = ranked.join(right, on="key", how="left").join(F.broadcast(small), on="key")
            return joined.groupBy("label").agg(F.count(F.lit(1)).alias("n"), F.sum("id").alias("total"))

        for _ in range(2):
            spark.run(query, iter(records), [])
        # The JVM writes the archive as it exits: it exits when its standard
        # input closes, and this process waits for that.
        jvm = spark.session.sparkContext._gateway.proc
        spark.session.stop()
        jvm.stdin.close()
        jvm.wait(timeout=600)


if __name__ == "__main__":
    warm_up(sys.argv[1])
