# expect: wrong_answer
# Takes max(order_id) and max(order_ts) per key in one aggregate: each
# maximum comes from its own row, so the order_id is the key's greatest,
# not the latest order's.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_order_payment(orders: DataFrame, payments: DataFrame) -> DataFrame:
    key = ["customer_id", "region"]
    latest = orders.groupBy(*key).agg(F.max("order_id").alias("order_id"), F.max("order_ts").alias("order_ts"))
    by_added = Window.partitionBy(*key).orderBy(F.col("added_ts").desc(), F.col("method").asc())
    primary = (
        payments.filter(F.coalesce(F.col("is_primary"), F.lit(False)))
        .withColumn("rank", F.row_number().over(by_added))
        .filter(F.col("rank") == 1)
        .select(*key, F.col("method").alias("primary_method"))
    )
    return latest.join(primary, on=key, how="left")
