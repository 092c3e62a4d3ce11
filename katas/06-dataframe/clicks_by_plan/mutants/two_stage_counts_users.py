# expect: wrong_answer
# Aggregates in two stages, as it should, but the second stage counts the
# per-user rows instead of summing their counts: it answers how many users
# clicked on each plan, not how many clicks.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    per_user = clicks.groupBy("user_id").agg(F.count(F.lit(1)).alias("n"))
    return (
        per_user.join(users, on="user_id", how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
