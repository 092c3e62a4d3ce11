# expect: wrong_answer
# Takes lag(ts) over Window.orderBy("ts", "click_id") with no partitionBy:
# a click's "previous click" is whoever clicked just before, of any user
# (and Spark moves every click to one partition to compute it).
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

GAP_SECONDS = 1800


def sessionize_clicks(clicks: DataFrame) -> DataFrame:
    by_user = Window.partitionBy("user_id").orderBy("ts", "click_id")
    so_far = by_user.rowsBetween(Window.unboundedPreceding, Window.currentRow)
    starts = F.col("previous_ts").isNull() | (F.col("ts") - F.col("previous_ts") > GAP_SECONDS)
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("ts").isNotNull())
        .withColumn("previous_ts", F.lag("ts").over(Window.orderBy("ts", "click_id")))
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
