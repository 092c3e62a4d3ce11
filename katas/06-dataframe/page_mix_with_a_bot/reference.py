from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    # Stage one: count per (user, page). Spark counts within each task
    # before the shuffle (partial_count under the Exchange), so the bot
    # crosses it as one row per page per task, not as its clicks.
    # F.count(F.lit(1)) counts rows: a click whose click_id is null counts.
    per_page = (
        clicks.filter(F.col("user_id").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
    # Stage two: each user's total, summed over the counted rows (a handful
    # per user). The window shuffles by user, but the bot is a few rows by
    # now. A sum, not a count: a count here would count pages.
    user = Window.partitionBy("user_id")
    return (
        per_page.withColumn("user_clicks", F.sum("clicks").over(user))
        # The null page's row is in the total; it makes no row of its own.
        .filter(F.col("page").isNotNull())
    )
