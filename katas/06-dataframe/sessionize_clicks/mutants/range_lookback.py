# expect: wrong_answer
# Decides where a session starts by counting the user's clicks in the half
# hour before each click, rangeBetween(-1800, -1) over ts: a gap of exactly
# 1800 seconds continues, as it should, but a click at the same second as a
# session's first click sees nothing before it either, and starts a second
# session at the same time.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

GAP_SECONDS = 1800


def sessionize_clicks(clicks: DataFrame) -> DataFrame:
    by_time = Window.partitionBy("user_id").orderBy("ts")
    recent = F.count(F.lit(1)).over(by_time.rangeBetween(-GAP_SECONDS, -1))
    by_user = Window.partitionBy("user_id").orderBy("ts", "click_id")
    so_far = by_user.rowsBetween(Window.unboundedPreceding, Window.currentRow)
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("ts").isNotNull())
        .withColumn("starts", F.when(recent == 0, 1).otherwise(0))
        .withColumn("session", F.sum("starts").over(so_far))
        .groupBy("user_id", "session")
        .agg(
            F.min("ts").alias("session_start"),
            F.max("ts").alias("session_end"),
            F.count(F.lit(1)).alias("clicks"),
        )
        .drop("session")
    )
