# expect: wrong_answer
# Numbers the pages with F.row_number() instead of F.rank(): of pages tied
# at the cut, only as many as fit in n stay, whichever the sort puts first.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def top_pages_with_ties(clicks: DataFrame, n: int) -> DataFrame:
    by_clicks = Window.partitionBy("user_id").orderBy(F.col("clicks").desc())
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .withColumn("rank", F.row_number().over(by_clicks).cast("bigint"))
        .filter(F.col("rank") <= n)
    )
