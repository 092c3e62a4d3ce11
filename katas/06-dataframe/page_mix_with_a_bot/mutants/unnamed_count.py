# expect: wrong_answer
# Counts with groupBy("user_id", "page").count(): the column comes out as
# `count`, not `clicks`.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = clicks.filter(F.col("user_id").isNotNull()).groupBy("user_id", "page").count()
    user = Window.partitionBy("user_id")
    return per_page.withColumn("user_clicks", F.sum("count").over(user)).filter(F.col("page").isNotNull())
