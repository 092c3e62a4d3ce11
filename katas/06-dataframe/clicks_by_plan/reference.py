from pyspark.sql import DataFrame
from pyspark.sql import functions as F

#: Each user's clicks spread over this many salted keys.
SALTS = 16


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    # Salt the big side: each click gets one of SALTS salts. From click_id,
    # not F.rand(): a task that is retried gets the same salts again. A click
    # whose click_id is null still needs a salt, or it meets no user: 0.
    salt = F.coalesce(F.col("click_id") % SALTS, F.lit(0)).cast("int")
    salted_clicks = clicks.withColumn("salt", salt)
    # Replicate the small side: each user once per salt, so that every
    # salted click still finds its user.
    salted_users = users.withColumn("salt", F.explode(F.sequence(F.lit(0), F.lit(SALTS - 1))))
    # Joining on (user_id, salt) hash-partitions on both: the hot user's
    # clicks spread over SALTS keys instead of landing on one partition.
    return (
        salted_clicks.join(salted_users, on=["user_id", "salt"], how="inner")
        .groupBy("plan")
        .agg(F.count(F.lit(1)).alias("clicks"))
    )
