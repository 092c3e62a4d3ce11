# expect: plan_rejected
# Repartitions the clicks by user_id first, to "keep each user's clicks
# together" before counting: that repartition is the shuffle, and it sends
# every click of the bot to one task. (Every later step then finds the
# rows already partitioned by user and shuffles nothing more.)
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = (
        clicks.filter(F.col("user_id").isNotNull())
        .repartition("user_id")
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
    user = Window.partitionBy("user_id")
    return per_page.withColumn("user_clicks", F.sum("clicks").over(user)).filter(F.col("page").isNotNull())
