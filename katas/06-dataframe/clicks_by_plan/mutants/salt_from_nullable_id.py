# expect: wrong_answer
# Salts with click_id % 16 as it is: a click whose click_id is null gets a
# null salt, and a null never equals a user's salt, so the click is lost.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    salt = (F.col("click_id") % SALTS).cast("int")
    salted_clicks = clicks.withColumn("salt", salt)
    salted_users = users.withColumn("salt", F.explode(F.sequence(F.lit(0), F.lit(SALTS - 1))))
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
