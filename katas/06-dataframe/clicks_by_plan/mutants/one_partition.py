# expect: plan_rejected
# Hides the skew by setting spark.sql.shuffle.partitions to 1: every
# shuffle sends everything to one task, so no partition is hotter than
# another, and there is no parallelism either. (coalesce(1) on the input
# would not even do that: the join's exchange splits it into four again.)
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    clicks.sparkSession.conf.set("spark.sql.shuffle.partitions", "1")
    return (
        clicks.join(users, on="user_id", how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
