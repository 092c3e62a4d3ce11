# expect: wrong_answer
# Sorts with F.col("ts").desc_nulls_first(), as DataFusion's and
# Postgres's `ORDER BY ts DESC` do by default: a click with no ts beats
# every click with one.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc_nulls_first(), F.col("click_id").desc()
    )
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
