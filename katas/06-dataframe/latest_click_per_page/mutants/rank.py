# expect: wrong_answer
# Numbers the clicks with F.rank() instead of F.row_number(): two clicks
# tied on ts whose click_ids are both null share rank 1, and the pair gets
# two rows.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc(), F.col("click_id").desc()
    )
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .withColumn("rn", F.rank().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
