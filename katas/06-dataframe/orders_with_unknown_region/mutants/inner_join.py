# expect: wrong_answer
# how="inner": an order no payment method matches vanishes instead of
# keeping its row with a null method.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    methods = payments.select("customer_id", "region", "method").distinct()
    same = (orders["customer_id"] == methods["customer_id"]) & orders["region"].eqNullSafe(methods["region"])
    return orders.join(methods, on=same, how="inner").select(
        orders["order_id"], orders["customer_id"], orders["region"], methods["method"]
    )
