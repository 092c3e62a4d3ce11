# expect: plan_rejected
# Hides the skew by setting spark.sql.shuffle.partitions to 1: the window's
# shuffle sends everything to one task, so no partition is hotter than
# another, and there is no parallelism either.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    clicks.sparkSession.conf.set("spark.sql.shuffle.partitions", "1")
    user = Window.partitionBy("user_id")
    return (
        clicks.filter(F.col("user_id").isNotNull())
        .withColumn("user_clicks", F.count(F.lit(1)).over(user))
        .groupBy("user_id", "page", "user_clicks")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .filter(F.col("page").isNotNull())
    )
