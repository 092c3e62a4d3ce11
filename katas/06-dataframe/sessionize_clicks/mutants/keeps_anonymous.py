# expect: wrong_answer
# Keeps the clicks whose user_id is null: to partitionBy, null is a key like
# any other, so the anonymous clicks come out as sessions of a user called
# null.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

GAP_SECONDS = 1800


def sessionize_clicks(clicks: DataFrame) -> DataFrame:
    by_user = Window.partitionBy("user_id").orderBy("ts", "click_id")
    so_far = by_user.rowsBetween(Window.unboundedPreceding, Window.currentRow)
    starts = F.col("previous_ts").isNull() | (F.col("ts") - F.col("previous_ts") > GAP_SECONDS)
    return (
        clicks.filter(F.col("ts").isNotNull())
        .withColumn("previous_ts", F.lag("ts").over(by_user))
        .withColumn("starts", F.when(starts, 1).otherwise(0))
        .withColumn("session", F.sum("starts").over(so_far))
        .groupBy("user_id", "session")
        .agg(
            F.min("ts").alias("session_start"),
            F.max("ts").alias("session_end"),
            F.count(F.lit(1)).alias("clicks"),
        )
        .drop("session")
    )
