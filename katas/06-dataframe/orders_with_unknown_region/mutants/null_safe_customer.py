# expect: wrong_answer
# eqNullSafe on both keys: the orders without a customer meet the payments
# without one, as if nobody were one customer.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    methods = payments.select("customer_id", "region", "method").distinct()
    same = orders["customer_id"].eqNullSafe(methods["customer_id"]) & orders["region"].eqNullSafe(methods["region"])
    return orders.join(methods, on=same, how="left").select(
        orders["order_id"], orders["customer_id"], orders["region"], methods["method"]
    )
