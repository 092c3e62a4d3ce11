# expect: wrong_answer
# Groups the clicks into fixed thirty-minute windows of the clock with
# F.window instead of by the gaps between clicks: a burst that crosses a
# window's edge is cut in two, and a session longer than thirty minutes
# can never be one row.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def sessionize_clicks(clicks: DataFrame) -> DataFrame:
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("ts").isNotNull())
        .groupBy("user_id", F.window(F.col("ts").cast("timestamp"), "30 minutes"))
        .agg(
            F.min("ts").alias("session_start"),
            F.max("ts").alias("session_end"),
            F.count(F.lit(1)).alias("clicks"),
        )
        .drop("window")
    )
