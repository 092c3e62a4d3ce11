# expect: plan_rejected
# Joins on user_id as it is: Spark hash-partitions the clicks by user for
# the SortMergeJoin, and the hot user's clicks all land on one partition.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    return (
        clicks.join(users, on="user_id", how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
