# expect: wrong_answer
# Selects the payment's customer_id and region: on an order no payment
# matches, both come out null.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    methods = payments.select("customer_id", "region", "method").distinct()
    same = (orders["customer_id"] == methods["customer_id"]) & orders["region"].eqNullSafe(methods["region"])
    return orders.join(methods, on=same, how="left").select(
        orders["order_id"], methods["customer_id"], methods["region"], methods["method"]
    )
