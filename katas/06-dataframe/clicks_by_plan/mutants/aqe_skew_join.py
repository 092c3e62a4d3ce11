# expect: plan_rejected
# "Let AQE handle it": turns adaptive skew-join handling on and lowers its
# thresholds so that it splits the hot partition. The plan is even, but the
# query changed the session's settings, and on a cluster its thresholds
# (256 MB by default) are not the query's to tune.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    conf = clicks.sparkSession.conf
    conf.set("spark.sql.adaptive.skewJoin.enabled", "true")
    conf.set("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "1k")
    conf.set("spark.sql.adaptive.skewJoin.skewedPartitionFactor", "2")
    conf.set("spark.sql.adaptive.advisoryPartitionSizeInBytes", "16k")
    return (
        clicks.join(users, on="user_id", how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
