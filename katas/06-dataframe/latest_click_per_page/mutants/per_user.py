# expect: wrong_answer
# Partitions the window by user_id alone: each user gets one row, their
# latest click on any page, where each of their pages should get one.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id").orderBy(
        F.col("ts").desc(), F.col("click_id").desc()
    )
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
