# expect: wrong_answer
# Cleans the clicks with dropna(subset=["user_id", "page"]) before
# counting: the clicks on no page make no row, as they should, but they are
# gone from the user's total too.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = clicks.dropna(subset=["user_id", "page"]).groupBy("user_id", "page").agg(F.count(F.lit(1)).alias("clicks"))
    user = Window.partitionBy("user_id")
    return per_page.withColumn("user_clicks", F.sum("clicks").over(user))
