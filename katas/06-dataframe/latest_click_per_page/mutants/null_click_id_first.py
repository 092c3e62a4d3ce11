# expect: wrong_answer
# Sorts with F.col("click_id").desc_nulls_first(), as SQL `ORDER BY
# click_id DESC` does in DataFusion: on equal ts, a click with no click_id
# beats one with a click_id.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc(), F.col("click_id").desc_nulls_first()
    )
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
