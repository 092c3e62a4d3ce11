from pyspark.sql import DataFrame, Window  # noqa: F401
from pyspark.sql import functions as F  # noqa: F401


def page_mix_with_a_bot(clicks: DataFrame) -> DataFrame:
    """One row per (user_id, page): user_id, page, clicks, user_clicks; the bot's clicks must not all cross the shuffle to one task."""
    raise NotImplementedError("count per (user, page) first, then each user's total over those counts")
