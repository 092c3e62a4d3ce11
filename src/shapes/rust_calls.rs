//! How a Rust worker calls a kata's entry function, for every call shape:
//! the body of the closure the worker serves (feed the input, hand the
//! output to the sink). It uses nothing but `std`, because `build.rs`
//! compiles it too: the references built into dekata (`compile::built_in`)
//! are called exactly as a worker cargo builds for a solution file.

/// What the Rust glue of a call is made from.
pub struct Glue<'a> {
    /// The module of the solution.
    pub module: &'a str,
    /// The entry function.
    pub entry: &'a str,
    /// The arguments after the input, as bound (`, arg0, arg1`).
    pub extra: &'a str,
    /// A DataFrame kata's number of tables.
    pub tables: usize,
    /// A DataFrame kata's arguments, as kata.toml writes them.
    pub written_args: &'a [String],
}

/// A shape's Rust call.
#[derive(Clone, Copy)]
pub struct RustCall {
    /// The call of the entry function, fed and sunk.
    pub glue: fn(&Glue) -> String,
    /// Whether the glue reads the run's arguments (`arg0`, ...) before the
    /// call; a DataFrame kata's are written in as kata.toml gives them.
    pub binds_args: bool,
}

pub const EVENTS_TO_MAP: RustCall =
    RustCall { glue: |g| format!("out.map({}::{}(input.events(){}))", g.module, g.entry, g.extra), binds_args: true };

pub const EVENTS_TO_LIST: RustCall =
    RustCall { glue: |g| format!("out.list({}::{}(input.events(){}))", g.module, g.entry, g.extra), binds_args: true };

/// The items are pulled one at a time by the sink, as they are yielded.
pub const EVENTS_TO_ITER: RustCall =
    RustCall { glue: |g| format!("out.list({}::{}(input.events(){}))", g.module, g.entry, g.extra), binds_args: true };

/// The source is read in passes; its items are pulled one at a time by
/// the sink, as they are yielded.
pub const PASSES_TO_ITER: RustCall =
    RustCall { glue: |g| format!("out.list({}::{}(input.source(){}))", g.module, g.entry, g.extra), binds_args: true };

/// One lazy stream per partition of the input; the items are pulled one
/// at a time by the sink, as they are yielded.
pub const STREAMS_TO_ITER: RustCall =
    RustCall { glue: |g| format!("out.list({}::{}(input.streams(){}))", g.module, g.entry, g.extra), binds_args: true };

pub const EVENTS_TO_VALUE: RustCall =
    RustCall { glue: |g| format!("out.value({}::{}(input.events(){}))", g.module, g.entry, g.extra), binds_args: true };

pub const ROWS_TO_SPLIT: RustCall =
    RustCall { glue: |g| format!("out.split({}::{}(input.rows(){}))", g.module, g.entry, g.extra), binds_args: true };

/// Run by each case's `job` procedure.
pub const EVENTS_TO_TABLE: RustCall = RustCall {
    glue: |g| {
        format!(
            "input.range_job(out, |events, start, end, table| {}::{}(events, start, end, table{}))",
            g.module, g.entry, g.extra
        )
    },
    binds_args: true,
};

/// Fed one hour of events at a time, its state checkpointed between chunks.
pub const CHUNKS_TO_LIST: RustCall = RustCall {
    glue: |g| {
        format!("input.chunked(out, |state, chunk, last| {}::{}(state, chunk, last{}))", g.module, g.entry, g.extra)
    },
    binds_args: true,
};

/// The DataFusion worker's call: one DataFrame per table, then the kata's
/// arguments as written in kata.toml.
pub const DATAFRAMES: RustCall = RustCall {
    glue: |g| {
        let frames: String = (0..g.tables).map(|_| "t.next().unwrap(), ").collect();
        let written: String = g.written_args.iter().map(|a| format!("{a}, ")).collect();
        format!(
            "grader_df::run(input, out, |t| {{ let mut t = t.into_iter(); {}::{}({frames}{written}) }})",
            g.module, g.entry
        )
    },
    binds_args: false,
};

/// The call of the shape named `name` as kata.toml names it (build.rs
/// finds each kata's call so).
#[allow(dead_code)]
pub fn of_shape(name: &str) -> Option<RustCall> {
    Some(match name {
        "events_to_map" => EVENTS_TO_MAP,
        "events_to_list" => EVENTS_TO_LIST,
        "events_to_iter" => EVENTS_TO_ITER,
        "events_to_value" => EVENTS_TO_VALUE,
        "passes_to_iter" => PASSES_TO_ITER,
        "streams_to_iter" => STREAMS_TO_ITER,
        "rows_to_split" => ROWS_TO_SPLIT,
        "events_to_table" => EVENTS_TO_TABLE,
        "chunks_to_list" => CHUNKS_TO_LIST,
        "dataframes" => DATAFRAMES,
        _ => return None,
    })
}

/// The closure's body for `module`'s `entry`, with `args` the kata's
/// extra arguments (each run gives their values; a case may set its own),
/// each read as the type the entry function takes.
pub fn body(call: RustCall, module: &str, entry: &str, args: &[String], tables: usize) -> String {
    let bind: String = (0..args.len()).map(|i| format!("let arg{i} = input.arg({i}); ")).collect();
    let extra: String = (0..args.len()).map(|i| format!(", arg{i}")).collect();
    let glue = Glue { module, entry, extra: &extra, tables, written_args: args };
    let body = (call.glue)(&glue);
    if bind.is_empty() || !call.binds_args { body } else { format!("{{ {bind}{body} }}") }
}
