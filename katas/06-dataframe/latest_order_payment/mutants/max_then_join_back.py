# expect: wrong_answer
# Takes max(order_ts) per key with groupBy, then joins it back to the
# orders on (key, order_ts) to find the order: every order at that time
# comes back, so two orders at the same second, or one order delivered
# twice, give the key two rows.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_order_payment(orders: DataFrame, payments: DataFrame) -> DataFrame:
    key = ["customer_id", "region"]
    newest = orders.groupBy(*key).agg(F.max("order_ts").alias("order_ts"))
    latest = orders.join(newest, on=[*key, "order_ts"], how="inner").select(
        "customer_id", "region", "order_id", "order_ts"
    )
    by_added = Window.partitionBy(*key).orderBy(F.col("added_ts").desc(), F.col("method").asc())
    primary = (
        payments.filter(F.coalesce(F.col("is_primary"), F.lit(False)))
        .withColumn("rank", F.row_number().over(by_added))
        .filter(F.col("rank") == 1)
        .select(*key, F.col("method").alias("primary_method"))
    )
    return latest.join(primary, on=key, how="left")
