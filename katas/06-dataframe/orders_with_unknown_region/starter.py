from pyspark.sql import DataFrame
from pyspark.sql import functions as F  # noqa: F401


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    """One row per order and payment method of its customer in its region: order_id, customer_id, region, method."""
    raise NotImplementedError("join each order to its customer's payment methods in the same region, a null region meeting a null region")
