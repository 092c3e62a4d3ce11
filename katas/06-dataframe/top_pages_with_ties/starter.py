from pyspark.sql import DataFrame, Window  # noqa: F401
from pyspark.sql import functions as F  # noqa: F401


def top_pages_with_ties(clicks: DataFrame, n: int) -> DataFrame:
    """Each user's most-clicked pages, ties kept: user_id, page, clicks, rank."""
    raise NotImplementedError("count clicks per (user_id, page), rank them within each user by count descending, keep rank <= n")
