# expect: wrong_answer
# Counts the clicks with F.count("click_id"): a count of a column skips
# its nulls, so a click whose click_id is null is not counted.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def top_pages_with_ties(clicks: DataFrame, n: int) -> DataFrame:
    by_clicks = Window.partitionBy("user_id").orderBy(F.col("clicks").desc())
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count("click_id").alias("clicks"))
        .withColumn("rank", F.rank().over(by_clicks).cast("bigint"))
        .filter(F.col("rank") <= n)
    )
