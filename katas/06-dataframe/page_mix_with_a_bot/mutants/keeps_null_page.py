# expect: wrong_answer
# Counts the clicks whose page is null into the user's total, as it
# should, and then keeps their row too: a row whose page is null.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = (
        clicks.filter(F.col("user_id").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
    user = Window.partitionBy("user_id")
    return per_page.withColumn("user_clicks", F.sum("clicks").over(user))
