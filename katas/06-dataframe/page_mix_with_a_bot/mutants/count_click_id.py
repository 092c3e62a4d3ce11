# expect: wrong_answer
# Counts the clicks with F.count("click_id"): a count of a column skips its
# nulls, so a click whose click_id is null counts neither on its page nor
# in its user's total.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = (
        clicks.filter(F.col("user_id").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count("click_id").alias("clicks"))
    )
    user = Window.partitionBy("user_id")
    return per_page.withColumn("user_clicks", F.sum("clicks").over(user)).filter(F.col("page").isNotNull())
