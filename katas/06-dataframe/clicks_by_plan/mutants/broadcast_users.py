# expect: plan_rejected
# Dodges the shuffle with F.broadcast(users): twenty thousand rows, twice
# the memory budget for a broadcast table.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    return (
        clicks.join(F.broadcast(users), on="user_id", how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
