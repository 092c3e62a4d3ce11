# expect: wrong_answer
# Counts the clicks with F.count("click_id"): a count of a column skips
# its nulls, so a click whose click_id is null is not counted.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    salt = F.coalesce(F.col("click_id") % SALTS, F.lit(0)).cast("int")
    salted_clicks = clicks.withColumn("salt", salt)
    salted_users = users.withColumn("salt", F.explode(F.sequence(F.lit(0), F.lit(SALTS - 1))))
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan")
        .agg(F.count("click_id").alias("clicks"))
    )
