# expect: wrong_answer
# Numbers the users' salts 1 to 16 while the clicks' run 0 to 15: a click
# whose salt is 0 finds no user and is lost.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    salt = F.coalesce(F.col("click_id") % SALTS, F.lit(0)).cast("int")
    salted_clicks = clicks.withColumn("salt", salt)
    salted_users = users.withColumn("salt", F.explode(F.sequence(F.lit(1), F.lit(SALTS))))
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
