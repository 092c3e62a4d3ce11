# expect: wrong_answer
# Cleans the sales first with dropna(subset=["amount_cents"]): a sale
# with no amount adds nothing to the revenue, but it is still a sale.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    return (
        sales.dropna(subset=["amount_cents"])
        .join(F.broadcast(stores), on="store_id", how="inner")
        .groupBy("city")
        .agg(F.count(F.lit(1)).alias("sales"), F.sum("amount_cents").alias("revenue_cents"))
    )
