from pyspark.sql import DataFrame
from pyspark.sql import functions as F  # noqa: F401


def orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> DataFrame:
    # Each (customer, region, method) once.
    methods = payments.select("customer_id", "region", "method").distinct()
    # == on customer_id: a null customer is nobody and matches nothing.
    # eqNullSafe (<=>) on region: a null region meets a null region, and
    # only a null one. on=["customer_id", "region"] would use == for both.
    same_customer_and_region = (orders["customer_id"] == methods["customer_id"]) & orders["region"].eqNullSafe(
        methods["region"]
    )
    # A left join keeps the orders no payment matches; a join on an
    # expression keeps both sides' keys, so pick the order's.
    return orders.join(methods, on=same_customer_and_region, how="left").select(
        orders["order_id"], orders["customer_id"], orders["region"], methods["method"]
    )
