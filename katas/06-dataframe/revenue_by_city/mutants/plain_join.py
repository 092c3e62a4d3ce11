# expect: plan_rejected
# Joins without asking for a broadcast: with the automatic broadcast off,
# Spark plans a SortMergeJoin and shuffles both sides, sixty thousand sales
# included, to join them with two hundred stores.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    return (
        sales.join(stores, on="store_id", how="inner")
        .groupBy("city")
        .agg(F.count(F.lit(1)).alias("sales"), F.sum("amount_cents").alias("revenue_cents"))
    )
