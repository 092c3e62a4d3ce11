# expect: wrong_answer
# Orders the window with orderBy("clicks"), which is ascending: rank 1 is
# the page the user clicked least.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def top_pages_with_ties(clicks: DataFrame, n: int) -> DataFrame:
    by_clicks = Window.partitionBy("user_id").orderBy("clicks")
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .withColumn("rank", F.rank().over(by_clicks).cast("bigint"))
        .filter(F.col("rank") <= n)
    )
