# expect: wrong_answer
# Counts the sales with F.count("sale_id"): a count of a column skips its
# nulls, so a sale whose sale_id is null is not counted.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    return (
        sales.join(F.broadcast(stores), on="store_id", how="inner")
        .groupBy("city")
        .agg(F.count("sale_id").alias("sales"), F.sum("amount_cents").alias("revenue_cents"))
    )
