# expect: wrong_answer
# Moves the window after the groupBy, as it should, but keeps the count it
# had over the clicks: over the counted rows, F.count(F.lit(1)) is the
# number of pages the user clicked, not the number of clicks.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = (
        clicks.filter(F.col("user_id").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
    user = Window.partitionBy("user_id")
    return per_page.withColumn("user_clicks", F.count(F.lit(1)).over(user)).filter(F.col("page").isNotNull())
