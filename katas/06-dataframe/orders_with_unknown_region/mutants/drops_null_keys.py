# expect: wrong_answer
# "Cleans" both tables first with dropna on the keys: the orders with an
# unknown region or customer vanish from the answer.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    keys = ["customer_id", "region"]
    methods = payments.dropna(subset=keys).select("customer_id", "region", "method").distinct()
    return (
        orders.dropna(subset=keys)
        .join(methods, on=keys, how="left")
        .select("order_id", "customer_id", "region", "method")
    )
