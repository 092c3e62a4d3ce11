from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

GAP_SECONDS = 1800


def sessionize_clicks(clicks: DataFrame) -> DataFrame:
    # Each user's clicks in time order; click_id makes the order unique, so
    # clicks at the same second have a fixed order and the running sum below
    # moves one row at a time.
    by_user = Window.partitionBy("user_id").orderBy("ts", "click_id")
    so_far = by_user.rowsBetween(Window.unboundedPreceding, Window.currentRow)
    # A click starts a session when it is the user's first, or comes more
    # than GAP_SECONDS after the one before (exactly GAP_SECONDS continues).
    starts = F.col("previous_ts").isNull() | (F.col("ts") - F.col("previous_ts") > GAP_SECONDS)
    return (
        # A click of nobody, or of no time, has no place in a session.
        clicks.filter(F.col("user_id").isNotNull() & F.col("ts").isNotNull())
        .withColumn("previous_ts", F.lag("ts").over(by_user))
        .withColumn("starts", F.when(starts, 1).otherwise(0))
        # A running count of starts numbers each user's sessions.
        .withColumn("session", F.sum("starts").over(so_far))
        .groupBy("user_id", "session")
        .agg(
            F.min("ts").alias("session_start"),
            F.max("ts").alias("session_end"),
            F.count(F.lit(1)).alias("clicks"),
        )
        .drop("session")
    )
