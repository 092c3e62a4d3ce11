# expect: plan_rejected
# Puts the hint on the wrong side: F.broadcast(sales) makes every executor
# hold all sixty thousand sales, six times the broadcast budget, and shuffles
# nothing to save it.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    return (
        F.broadcast(sales)
        .join(stores, on="store_id", how="inner")
        .groupBy("city")
        .agg(F.count(F.lit(1)).alias("sales"), F.sum("amount_cents").alias("revenue_cents"))
    )
