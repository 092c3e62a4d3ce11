# expect: plan_rejected
# Counts each user's clicks first, as it should, then joins those totals
# back to the clicks themselves: a SortMergeJoin on user_id, with an
# Exchange hashpartitioning(user_id, 4) under the clicks that sends every
# click of the bot to one task.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    known = clicks.filter(F.col("user_id").isNotNull())
    totals = known.groupBy("user_id").agg(F.count(F.lit(1)).alias("user_clicks"))
    return (
        known.join(totals, on="user_id", how="inner")
        .groupBy("user_id", "page", "user_clicks")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .filter(F.col("page").isNotNull())
    )
