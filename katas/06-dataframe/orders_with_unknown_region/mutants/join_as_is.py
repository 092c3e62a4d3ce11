# expect: wrong_answer
# Returns the join on an expression as it comes: order_ts rides along, and
# customer_id and region appear twice, once from each side.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    methods = payments.select("customer_id", "region", "method").distinct()
    same = (orders["customer_id"] == methods["customer_id"]) & orders["region"].eqNullSafe(methods["region"])
    return orders.join(methods, on=same, how="left")
