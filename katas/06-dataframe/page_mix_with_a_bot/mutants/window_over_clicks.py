# expect: plan_rejected
# The answer most people write first: each click gets its user's total
# from F.count over Window.partitionBy("user_id"), then the clicks are
# counted per page. Right, and the window's Exchange hashpartitioning
# (user_id, 4) moves the clicks themselves: the bot's all go to one task.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    user = Window.partitionBy("user_id")
    return (
        clicks.filter(F.col("user_id").isNotNull())
        .withColumn("user_clicks", F.count(F.lit(1)).over(user))
        .groupBy("user_id", "page", "user_clicks")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .filter(F.col("page").isNotNull())
    )
