# expect: plan_rejected
# Salts with user_id % 16: the salt is the same for every click of one
# user, so the hot user's clicks still share one key and one partition.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    salt = (F.col("user_id") % SALTS).cast("int")
    salted_clicks = clicks.withColumn("salt", salt)
    salted_users = users.withColumn("salt", F.explode(F.sequence(F.lit(0), F.lit(SALTS - 1))))
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
