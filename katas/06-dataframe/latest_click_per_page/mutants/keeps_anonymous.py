# expect: wrong_answer
# Leaves out the clicks on no page but not those of no user: the null
# user_id becomes a user of its own, with a latest click on each page.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc(), F.col("click_id").desc()
    )
    return (
        clicks.filter(F.col("page").isNotNull())
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
