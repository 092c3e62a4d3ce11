# expect: wrong_answer
# Never filters out the clicks whose user_id is null: groupBy keeps null
# as a key, so they come back as one more user, whose user_id is null.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    per_page = clicks.groupBy("user_id", "page").agg(F.count(F.lit(1)).alias("clicks"))
    user = Window.partitionBy("user_id")
    return per_page.withColumn("user_clicks", F.sum("clicks").over(user)).filter(F.col("page").isNotNull())
