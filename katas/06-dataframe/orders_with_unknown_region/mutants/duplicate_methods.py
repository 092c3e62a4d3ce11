# expect: wrong_answer
# Joins the payments as they are: a method the customer added twice in the
# region gives the order two identical rows.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    same = (orders["customer_id"] == payments["customer_id"]) & orders["region"].eqNullSafe(payments["region"])
    return orders.join(payments, on=same, how="left").select(
        orders["order_id"], orders["customer_id"], orders["region"], payments["method"]
    )
