//! `dekata spark status|stop`: the Spark engine PySpark checks share.

use crate::spark::engine::{self, Place};
use crate::workspace::Workspace;
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(clap::Subcommand)]
pub enum Action {
    /// Whether the engine serves, where, and for how long it stays idle
    Status {
        #[command(flatten)]
        json: crate::cmd::shared::Json,
    },
    /// End the engine now, and dekata's clients of clusters (the next PySpark check starts a new one)
    Stop,
}

/// Succeeds whether or not an engine serves.
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let place = Place::of(ws, None);
    match args.action {
        Action::Status { json } => {
            let serving = engine::serving(&place);
            if json.on {
                let value = match &serving {
                    Some((engine, ping)) => serde_json::json!({
                        "serving": true,
                        "pid": engine.state.pid,
                        "remote": format!("sc://127.0.0.1:{}", engine.state.port),
                        "sessions": ping["sessions"],
                        "idle_seconds": ping["idle_seconds"],
                        "folder": ws.display(&place.dir),
                    }),
                    None => serde_json::json!({"serving": false, "folder": ws.display(&place.dir)}),
                };
                println!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                match &serving {
                    Some((engine, ping)) => println!(
                        "The Spark engine serves Spark Connect at sc://127.0.0.1:{} (process {}), with {} open \
                         session(s); it ends after {} s without a check. Its folder and log: {}",
                        engine.state.port,
                        engine.state.pid,
                        ping["sessions"],
                        ping["idle_seconds"],
                        ws.display(&place.dir)
                    ),
                    None => println!("{NOT_SERVING}"),
                }
            }
        }
        Action::Stop => {
            // dekata's own engine, and the clients of clusters (`--remote`).
            let stopped: Vec<bool> = Place::all(ws).iter().map(|dir| engine::stop(dir)).collect();
            if stopped.contains(&true) {
                println!("The Spark engine was stopped.");
            } else {
                println!("{NOT_SERVING}");
            }
        }
    }
    Ok(true)
}

const NOT_SERVING: &str =
    "No Spark engine is running. The first PySpark check starts one (about ten seconds) and keeps it warm.";
