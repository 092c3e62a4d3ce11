from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def top_pages_with_ties(clicks: DataFrame, n: int) -> DataFrame:
    # F.rank is SQL RANK: pages with equal counts share a rank and the rank
    # after a tie skips (1, 1, 3), so every page tied at rank n stays and no
    # page below the top n sneaks in behind a tie.
    by_clicks = Window.partitionBy("user_id").orderBy(F.col("clicks").desc())
    return (
        # A click of nobody, or on no page, has no place in a ranking.
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        # F.count(F.lit(1)) counts rows: a click with a null click_id or ts counts.
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .withColumn("rank", F.rank().over(by_clicks).cast("bigint"))
        .filter(F.col("rank") <= n)
    )
