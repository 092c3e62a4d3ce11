# expect: wrong_answer
# Orders the window by ts alone: of two clicks at the latest second, row 1
# goes to whichever the sort meets first, which the input order decides.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc()
    )
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
