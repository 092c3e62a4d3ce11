# expect: plan_rejected
# Dodges the shuffle of the clicks by broadcasting the per-user totals and
# joining them to every click: fine for a thousand users, over the budget
# when there are tens of thousands.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    known = clicks.filter(F.col("user_id").isNotNull())
    totals = known.groupBy("user_id").agg(F.count(F.lit(1)).alias("user_clicks"))
    return (
        known.join(F.broadcast(totals), on="user_id", how="inner")
        .groupBy("user_id", "page", "user_clicks")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .filter(F.col("page").isNotNull())
    )
