# expect: wrong_answer
# Joins on customer_id alone: every order gets all of its customer's
# payment methods, whatever their region.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    methods = payments.select("customer_id", "method").distinct()
    return orders.join(methods, on=orders["customer_id"] == methods["customer_id"], how="left").select(
        orders["order_id"], orders["customer_id"], orders["region"], methods["method"]
    )
