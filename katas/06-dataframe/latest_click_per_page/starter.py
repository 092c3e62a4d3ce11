from pyspark.sql import DataFrame, Window  # noqa: F401
from pyspark.sql import functions as F  # noqa: F401


def latest_click_per_page(clicks: DataFrame) -> DataFrame:
    """The latest click of each (user_id, page): user_id, page, click_id, ts."""
    raise NotImplementedError("rank each (user_id, page)'s clicks by ts then click_id, newest first with nulls last, and keep the first")
