# expect: wrong_answer
# Names the user's total `total_clicks`: right numbers under a name the
# caller does not read, which asked for `user_clicks`.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = (
        clicks.filter(F.col("user_id").isNotNull())
        .groupBy("user_id", "page")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
    user = Window.partitionBy("user_id")
    return per_page.withColumn("total_clicks", F.sum("clicks").over(user)).filter(F.col("page").isNotNull())
