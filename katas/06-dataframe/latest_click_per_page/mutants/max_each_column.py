# expect: wrong_answer
# Takes F.max("ts") and F.max("click_id") per pair in one groupBy: each
# maximum skips its own nulls, so when the latest click has no click_id,
# the click_id that comes out is an older click's.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.max("click_id").alias("click_id"), F.max("ts").alias("ts"))
    )
