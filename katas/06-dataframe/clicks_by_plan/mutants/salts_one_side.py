# expect: wrong_answer
# Salts the clicks but not the users: each user keeps one row, with salt 0,
# so fifteen clicks in sixteen find no user and are lost.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    salted_clicks = clicks.withColumn("salt", F.coalesce(F.col("click_id") % SALTS, F.lit(0)).cast("int"))
    salted_users = users.withColumn("salt", F.lit(0))
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
