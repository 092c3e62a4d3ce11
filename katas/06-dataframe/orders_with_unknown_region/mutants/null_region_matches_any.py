# expect: wrong_answer
# Reads an unknown region as "could be anywhere": a null region on either
# side matches every region of the customer.
from pyspark.sql import DataFrame


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    methods = payments.select("customer_id", "region", "method").distinct()
    region_matches = (
        (orders["region"] == methods["region"]) | orders["region"].isNull() | methods["region"].isNull()
    )
    return (
        orders.join(methods, on=(orders["customer_id"] == methods["customer_id"]) & region_matches, how="left")
        .select(orders["order_id"], orders["customer_id"], orders["region"], methods["method"])
        .distinct()
    )
