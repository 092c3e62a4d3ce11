# expect: wrong_answer
# Breaks a tie on ts with click_id ascending: of two clicks at the same
# second, the smaller click_id wins.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc(), F.col("click_id").asc_nulls_last()
    )
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
