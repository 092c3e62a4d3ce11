# expect: wrong_answer
# Leaves out the clicks on no page but not those of no user: the null
# user_id becomes a user of its own, with a top three.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def top_pages_with_ties(clicks: DataFrame, n: int) -> DataFrame:
    by_clicks = Window.partitionBy("user_id").orderBy(F.col("clicks").desc())
    return (
        clicks.filter(F.col("page").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .withColumn("rank", F.rank().over(by_clicks).cast("bigint"))
        .filter(F.col("rank") <= n)
    )
