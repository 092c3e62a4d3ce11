# expect: wrong_answer
# Aggregates in two stages, sales per store and then the stores' cities,
# but never adds the stores of one city together: one row per store, so a
# city with several stores has several rows.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    per_store = sales.groupBy("store_id").agg(
        F.count(F.lit(1)).alias("sales"), F.sum("amount_cents").alias("revenue_cents")
    )
    return per_store.join(F.broadcast(stores), on="store_id", how="inner").select("city", "sales", "revenue_cents")
