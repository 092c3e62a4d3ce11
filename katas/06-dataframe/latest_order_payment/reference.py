from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_order_payment(orders: DataFrame, payments: DataFrame) -> DataFrame:
    key = ["customer_id", "region"]
    # Rank 1 per key: the latest order, ties to the greater order_id. A
    # ranked window, not dropDuplicates: only the window says which row stays.
    by_recency = Window.partitionBy(*key).orderBy(F.col("order_ts").desc(), F.col("order_id").desc())
    latest = (
        orders.withColumn("rank", F.row_number().over(by_recency))
        .filter(F.col("rank") == 1)
        .select("customer_id", "region", "order_id", "order_ts")
    )
    # Rank 1 per key among the primary methods: the newest, ties to the
    # alphabetically first. A null is_primary counts as false.
    by_added = Window.partitionBy(*key).orderBy(F.col("added_ts").desc(), F.col("method").asc())
    primary = (
        payments.filter(F.coalesce(F.col("is_primary"), F.lit(False)))
        .withColumn("rank", F.row_number().over(by_added))
        .filter(F.col("rank") == 1)
        .select(*key, F.col("method").alias("primary_method"))
    )
    # A left join on both keys: a key with no primary method keeps its row,
    # with a null primary_method; joining on a list keeps one copy of each key.
    return latest.join(primary, on=key, how="left")
