# expect: wrong_answer
# Cleans the stores with dropna() before the join: the sales of a store
# whose city is null vanish, where they belong in a row whose city is null.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    return (
        sales.join(F.broadcast(stores.dropna()), on="store_id", how="inner")
        .groupBy("city")
        .agg(F.count(F.lit(1)).alias("sales"), F.sum("amount_cents").alias("revenue_cents"))
    )
