# expect: wrong_answer
# Leaves the sum without an alias: its column comes out as
# `sum(amount_cents)`, not `revenue_cents`.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    return (
        sales.join(F.broadcast(stores), on="store_id", how="inner")
        .groupBy("city")
        .agg(F.count(F.lit(1)).alias("sales"), F.sum("amount_cents"))
    )
