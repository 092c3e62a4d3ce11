from pyspark.sql import DataFrame
from pyspark.sql import functions as F  # noqa: F401


def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame:
    """One row per city: city, sales, revenue_cents; the join must broadcast stores."""
    raise NotImplementedError("join sales to stores, broadcasting stores, then total per city")
