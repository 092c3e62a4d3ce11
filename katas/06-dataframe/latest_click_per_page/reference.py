from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    # Newest first, nulls last on both keys. desc() is desc_nulls_last in
    # Spark; DataFusion's and Postgres's SQL DESC put nulls first, so say it.
    newest_first = Window.partitionBy("user_id", "page").orderBy(
        F.col("ts").desc_nulls_last(), F.col("click_id").desc_nulls_last()
    )
    return (
        # A click of nobody, or on no page, belongs to no pair.
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        # row_number, not rank: two clicks tied on ts and on a null click_id
        # still give one row (they look alike in every output column).
        .withColumn("rn", F.row_number().over(newest_first))
        .filter(F.col("rn") == 1)
        .select("user_id", "page", "click_id", "ts")
    )
