# expect: plan_rejected
# Gets the broadcast by raising spark.sql.autoBroadcastJoinThreshold to
# 10 MB instead of hinting: the plan is right, but the session's settings
# are shared by every query on the cluster and are not the query's to change.
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    sales.sparkSession.conf.set("spark.sql.autoBroadcastJoinThreshold", str(10 * 1024 * 1024))
    return (
        sales.join(stores, on="store_id", how="inner")
        .groupBy("city")
        .agg(F.count(F.lit(1)).alias("sales"), F.sum("amount_cents").alias("revenue_cents"))
    )
