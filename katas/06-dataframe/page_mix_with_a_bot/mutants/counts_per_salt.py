# expect: wrong_answer
# Salts the count, per (user, page, salt), as if Spark could not split a
# count by itself, and never adds a page's salts back together: up to
# sixteen rows per (user, page), each with part of its clicks.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

SALTS = 16


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    salt = F.coalesce(F.col("click_id") % SALTS, F.lit(0)).cast("int")
    per_salt = (
        clicks.filter(F.col("user_id").isNotNull())
        .withColumn("salt", salt)
        .groupBy("user_id", "page", "salt")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
    user = Window.partitionBy("user_id")
    return (
        per_salt.withColumn("user_clicks", F.sum("clicks").over(user))
        .filter(F.col("page").isNotNull())
        .drop("salt")
    )
