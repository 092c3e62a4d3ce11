# expect: wrong_answer
# Joins on a list of names, on=["customer_id", "region"]: that is ==, and
# NULL == NULL is not true, so an order whose region is unknown never meets
# its customer's unknown-region methods.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    methods = payments.select("customer_id", "region", "method").distinct()
    return orders.join(methods, on=["customer_id", "region"], how="left").select(
        "order_id", "customer_id", "region", "method"
    )
