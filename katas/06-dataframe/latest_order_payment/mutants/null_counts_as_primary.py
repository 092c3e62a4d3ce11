# expect: wrong_answer
# Keeps the payments that are "not false": `~eqNullSafe(False)` is true
# for a null is_primary as well, so a method nobody marked counts as primary.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_order_payment(orders: DataFrame, payments: DataFrame) -> DataFrame:
    key = ["customer_id", "region"]
    by_recency = Window.partitionBy(*key).orderBy(F.col("order_ts").desc(), F.col("order_id").desc())
    latest = (
        orders.withColumn("rank", F.row_number().over(by_recency))
        .filter(F.col("rank") == 1)
        .select("customer_id", "region", "order_id", "order_ts")
    )
    by_added = Window.partitionBy(*key).orderBy(F.col("added_ts").desc(), F.col("method").asc())
    primary = (
        payments.filter(~F.col("is_primary").eqNullSafe(False))
        .withColumn("rank", F.row_number().over(by_added))
        .filter(F.col("rank") == 1)
        .select(*key, F.col("method").alias("primary_method"))
    )
    return latest.join(primary, on=key, how="left")
