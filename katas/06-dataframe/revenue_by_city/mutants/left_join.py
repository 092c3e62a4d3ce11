# expect: wrong_answer
# A left join keeps the sales of unknown stores: they pile up under a city
# of null.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    return (
        sales.join(F.broadcast(stores), on="store_id", how="left")
        .groupBy("city")
        .agg(F.count(F.lit(1)).alias("sales"), F.sum("amount_cents").alias("revenue_cents"))
    )
