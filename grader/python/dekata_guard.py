"""The door of dekata's Spark engine: the only Spark Connect port a
learner's worker may reach.

Spark Connect serves every client with the rights of the engine's JVM: it
writes files and tables, takes jars and Python files as artifacts, and
serves any session a client names. A solution needs none of that: it
builds a DataFrame from the tables it is given and returns it. So the
engine's own Spark Connect port is bound to loopback under a number no
worker is told (and no worker's kernel rules let it reach), and this guard,
on the port the workers are given, forwards what a solution may do and
refuses the rest, with words the solution's error shows:

- a request for a session dekata did not open for a run;
- artifacts (jars, class files, Python files, archives);
- a command that writes (files, tables, streams), runs something outside
  Spark (external commands, machine learning, plugins) or makes a view
  other sessions see;
- SQL (as a command, or inside any plan) that is not a query, a setting
  (judged as a change of the graded session), a temporary view or a cache;
- catalog calls that change more than the run's own temporary views.

Requests are forwarded as they came, byte for byte: the guard only reads
them.
"""

from concurrent import futures

import grpc
from google.protobuf.descriptor import FieldDescriptor
from pyspark.sql.connect.proto import base_pb2, catalog_pb2, commands_pb2, relations_pb2

SERVICE = "/spark.connect.SparkConnectService/"

#: What the guard says when it refuses a request.
REFUSED = (
    "dekata's Spark engine refuses this request ({what}): a solution builds its answer as a DataFrame "
    "from the tables it is given and returns it; it does not write files or tables, add artifacts, "
    "or reach another session"
)

#: The requests a solution's client makes, and their messages.
REQUESTS = {
    "ExecutePlan": base_pb2.ExecutePlanRequest,
    "AnalyzePlan": base_pb2.AnalyzePlanRequest,
    "Config": base_pb2.ConfigRequest,
    "Interrupt": base_pb2.InterruptRequest,
    "ReattachExecute": base_pb2.ReattachExecuteRequest,
    "ReleaseExecute": base_pb2.ReleaseExecuteRequest,
    "ReleaseSession": base_pb2.ReleaseSessionRequest,
    "FetchErrorDetails": base_pb2.FetchErrorDetailsRequest,
}

#: What a client still sends on its own for a session whose plan was handed
#: over (the release of an execution's buffered results): it cannot change
#: what is judged.
AFTER_SEAL = {"ReleaseExecute"}

#: The requests that answer with a stream.
STREAMED = {"ExecutePlan", "ReattachExecute"}

#: Commands a solution may send (each with a check of its own where it has
#: a way to write).
COMMANDS = {
    "register_function",
    "register_table_function",
    "register_data_source",
    "create_dataframe_view",
    "sql_command",
    "checkpoint_command",
    "remove_cached_remote_relation_command",
    "get_resources_command",
}

#: Catalog calls that read, or touch only the session's temporary views
#: and its cache.
CATALOG = {
    "current_database",
    "list_databases",
    "list_tables",
    "list_functions",
    "list_columns",
    "get_database",
    "get_table",
    "get_function",
    "database_exists",
    "table_exists",
    "function_exists",
    "drop_temp_view",
    "is_cached",
    "cache_table",
    "uncache_table",
    "current_catalog",
    "list_catalogs",
}

#: Message size limits of the forwarded calls: Spark Connect's own.
MESSAGE_BYTES = 128 * 1024 * 1024
OPTIONS = [
    ("grpc.max_send_message_length", MESSAGE_BYTES),
    ("grpc.max_receive_message_length", MESSAGE_BYTES),
]


class Refused(Exception):
    """A request the guard does not forward, and what it was."""


class Guard:
    """Serves the workers' port on loopback and forwards to Spark Connect's.

    `session_open(sid, after_seal)` says whether dekata opened session `sid`
    for a run and the worker may still reach it: once its plan was handed
    over, only with a request `after_seal` allows;
    `sql_refusal(text)` says what is wrong with a SQL text, or None.
    """

    def __init__(self, inner_port, session_open, sql_refusal):
        self.session_open = session_open
        self.sql_refusal = sql_refusal
        self.channel = grpc.insecure_channel(f"127.0.0.1:{inner_port}", options=OPTIONS)
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=32), options=OPTIONS)
        self.server.add_generic_rpc_handlers([Handler(self)])
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()

    def check(self, name, raw):
        """Raises Refused when the request `raw` of method `name` may not go
        through."""
        kind = REQUESTS.get(name)
        if kind is None:
            raise Refused(name)
        request = kind.FromString(raw)
        if not self.session_open(request.session_id, name in AFTER_SEAL):
            raise Refused("a session dekata did not open for this run")
        self.walk(request)

    def walk(self, message):
        """Every command, SQL text and catalog call inside a request, at any
        depth (a plan can hold SQL as one of its relations)."""
        if isinstance(message, commands_pb2.Command):
            kind = message.WhichOneof("command_type")
            if kind not in COMMANDS:
                raise Refused(f"the command {kind}")
            if kind == "create_dataframe_view" and message.create_dataframe_view.is_global:
                raise Refused("a global temporary view")
            if kind == "checkpoint_command" and not message.checkpoint_command.local:
                raise Refused("a checkpoint written to files")
            if kind == "sql_command" and message.sql_command.sql:
                self.check_sql(message.sql_command.sql)
        elif isinstance(message, relations_pb2.SQL):
            self.check_sql(message.query)
        elif isinstance(message, catalog_pb2.Catalog):
            kind = message.WhichOneof("cat_type")
            if kind not in CATALOG:
                raise Refused(f"the catalog call {kind}")
        for field, value in message.ListFields():
            if field.type != FieldDescriptor.TYPE_MESSAGE:
                continue
            if field.label == FieldDescriptor.LABEL_REPEATED:
                items = value.values() if field.message_type.GetOptions().map_entry else value
                for item in items:
                    if hasattr(item, "ListFields"):
                        self.walk(item)
            else:
                self.walk(value)

    def check_sql(self, text):
        why = self.sql_refusal(text)
        if why is not None:
            raise Refused(why)

    def stop(self):
        self.server.stop(grace=None)
        self.channel.close()


class Handler(grpc.GenericRpcHandler):
    def __init__(self, guard):
        self.guard = guard

    def service(self, details):
        method = details.method
        name = method[len(SERVICE):] if method.startswith(SERVICE) else method
        guard = self.guard

        def refuse(context, what):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, REFUSED.format(what=what))

        if name in STREAMED:
            forward = guard.channel.unary_stream(method)

            def streamed(raw, context):
                try:
                    guard.check(name, raw)
                except Refused as e:
                    refuse(context, str(e))
                    return
                calls = forward(raw, metadata=context.invocation_metadata())
                context.add_callback(calls.cancel)
                yield from relay(calls, context)

            return grpc.unary_stream_rpc_method_handler(streamed)

        if name in REQUESTS:
            forward = guard.channel.unary_unary(method)

            def unary(raw, context):
                try:
                    guard.check(name, raw)
                except Refused as e:
                    refuse(context, str(e))
                    return None
                try:
                    return forward(raw, metadata=context.invocation_metadata())
                except grpc.RpcError as e:
                    pass_on(e, context)
                    return None

            return grpc.unary_unary_rpc_method_handler(unary)

        # Artifacts, and whatever this guard does not know: refused before a
        # byte is read.
        def streamed_in(requests, context):
            refuse(context, f"the call {name}")

        def unary_refused(raw, context):
            refuse(context, f"the call {name}")

        if name == "AddArtifacts":
            return grpc.stream_unary_rpc_method_handler(streamed_in)
        return grpc.unary_unary_rpc_method_handler(unary_refused)


def relay(calls, context):
    try:
        yield from calls
    except grpc.RpcError as e:
        pass_on(e, context)


def pass_on(error, context):
    """Spark's own error, as Spark sent it (its details carry the error's
    class and message, which the client shows)."""
    trailing = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
    if trailing:
        context.set_trailing_metadata(trailing)
    context.abort(error.code(), error.details() or "")
