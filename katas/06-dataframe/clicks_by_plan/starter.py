from pyspark.sql import DataFrame
from pyspark.sql import functions as F  # noqa: F401


def clicks_by_plan(clicks: DataFrame, users: DataFrame) -> DataFrame:
    """One row per plan: plan, clicks; the hot user's clicks must not all land on one partition."""
    raise NotImplementedError("salt the join key (or count per user first), then count per plan")
