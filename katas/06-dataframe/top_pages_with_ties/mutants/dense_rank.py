# expect: wrong_answer
# Ranks with F.dense_rank(): after a tie the next rank does not skip. Counts
# 4, 4, 2, 1 rank 1, 1, 2, 3, and the page with one click, fourth by SQL
# RANK, stays in the top three.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def top_pages_with_ties(clicks: DataFrame, n: int) -> DataFrame:
    by_clicks = Window.partitionBy("user_id").orderBy(F.col("clicks").desc())
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .withColumn("rank", F.dense_rank().over(by_clicks).cast("bigint"))
        .filter(F.col("rank") <= n)
    )
