# expect: wrong_answer
# Salts the aggregate as well as the join, counting per (plan, salt), and
# never adds a plan's salts together: up to sixteen rows per plan.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    salt = F.coalesce(F.col("click_id") % SALTS, F.lit(0)).cast("int")
    salted_clicks = clicks.withColumn("salt", salt)
    salted_users = users.withColumn("salt", F.explode(F.sequence(F.lit(0), F.lit(SALTS - 1))))
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan", "salt")
        .agg(F.count(F.lit(1)).alias("clicks"))
        .drop("salt")
    )
