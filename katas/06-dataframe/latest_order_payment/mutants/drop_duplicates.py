# expect: wrong_answer
# Keeps one order per key with dropDuplicates(["customer_id", "region"]):
# it keeps whichever order Spark meets first, not the latest. (Sorting
# first does not make it right either: the shuffle that groups the keys
# does not keep the sort.)
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_order_payment(orders: DataFrame, payments: DataFrame) -> DataFrame:
    key = ["customer_id", "region"]
    latest = orders.dropDuplicates(key).select("customer_id", "region", "order_id", "order_ts")
    by_added = Window.partitionBy(*key).orderBy(F.col("added_ts").desc(), F.col("method").asc())
    primary = (
        payments.filter(F.coalesce(F.col("is_primary"), F.lit(False)))
        .withColumn("rank", F.row_number().over(by_added))
        .filter(F.col("rank") == 1)
        .select(*key, F.col("method").alias("primary_method"))
    )
    return latest.join(primary, on=key, how="left")
