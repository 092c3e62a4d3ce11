# expect: wrong_answer
# Leaves out the clicks of no user but not those on no page: each user
# gets a row for the null page too.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc(), F.col("click_id").desc()
    )
    return (
        clicks.filter(F.col("user_id").isNotNull())
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
