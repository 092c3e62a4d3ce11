# expect: wrong_answer
# Keeps one click per pair with dropDuplicates(["user_id", "page"]): it
# keeps whichever click of the pair Spark meets first, not the latest.
# Nothing in dropDuplicates looks at ts.
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    return (
        clicks.filter(F.col("user_id").isNotNull() & F.col("page").isNotNull())
        .dropDuplicates(["user_id", "page"])
        .select("user_id", "page", "click_id", "ts")
    )
