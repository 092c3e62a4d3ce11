# expect: wrong_answer
# Joins with a column expression instead of on=[...]: the result keeps
# both sides' customer_id and region, so the output has each twice.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_order_payment(orders: DataFrame, payments: DataFrame) -> DataFrame:
    key = ["customer_id", "region"]
    by_recency = Window.partitionBy(*key).orderBy(F.col("order_ts").desc(), F.col("order_id").desc())
    latest = (
        orders.withColumn("rank", F.row_number().over(by_recency))
        .filter(F.col("rank") == 1)
        .drop("rank")
    )
    by_added = Window.partitionBy(*key).orderBy(F.col("added_ts").desc(), F.col("method").asc())
    primary = (
        payments.filter(F.coalesce(F.col("is_primary"), F.lit(False)))
        .withColumn("rank", F.row_number().over(by_added))
        .filter(F.col("rank") == 1)
        .select(*key, F.col("method").alias("primary_method"))
    )
    same_key = (latest["customer_id"] == primary["customer_id"]) & (latest["region"] == primary["region"])
    return latest.join(primary, on=same_key, how="left")
