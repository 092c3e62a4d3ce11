# expect: wrong_answer
# Cleans the users with dropna(subset=["plan"]) before the join: the
# clicks of a user without a plan vanish, where they belong in a row whose
# plan is null.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    salt = F.coalesce(F.col("click_id") % SALTS, F.lit(0)).cast("int")
    salted_clicks = clicks.withColumn("salt", salt)
    salted_users = users.dropna(subset=["plan"]).withColumn("salt", F.explode(F.sequence(F.lit(0), F.lit(SALTS - 1))))
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
