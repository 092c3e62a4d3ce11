//! The reference's results on a kata's cases: from the cache, or from the
//! reference's own worker, built and started only when something is not
//! cached (or a shrink needs it).

use super::run;
use super::side::Side;
use super::{Request, cache, stream_spec};
use crate::language::Language;
use crate::catalog::Case;
use crate::compile;
use crate::error::Internal;
use crate::results::{Measured, Observed};
use anyhow::Result;
use grader::protocol::Outcome;
use std::time::Duration;

/// How long a reference may take on one case before dekata gives up on it.
const REFERENCE_WALL: Duration = Duration::from_secs(300);

pub struct References<'a> {
    req: &'a Request<'a>,
    side: Option<Side>,
}

impl<'a> References<'a> {
    pub fn new(req: &'a Request<'a>) -> References<'a> {
        References { req, side: None }
    }

    /// The reference's side, built and started the first time.
    pub fn side(&mut self) -> Result<&mut Side> {
        if self.side.is_none() {
            let program = compile::reference(self.req.ws, self.req.kata, self.req.color)?;
            self.side = Some(Side::new(program, super::limits(self.req.kata), super::RUST_STARTUP));
        }
        Ok(self.side.as_mut().expect("set above"))
    }

    /// The reference's result on `case`: its output is the expected one,
    /// its time and heap the baseline of the limits.
    pub fn expected(&mut self, case: &Case) -> Result<Measured> {
        let (req, kata) = (self.req, self.req.kata);
        let stream = stream_spec(kata, case, req.seed);
        let ask = super::ask(kata, case);
        let scale = case.memory.as_ref().map(|m| m.scale);
        let described = serde_json::json!({
            "side": "rust",
            "stream": &stream,
            "scale": scale,
            "keep": ask.keep,
            "heap": ask.heap,
            "job": &ask.job,
            "order": ask.order,
        });
        let key = cache::key(&kata.toml_path(), &kata.reference(Language::Rust), &described)?;
        if let Some(hit) = cache::load(req.ws, &kata.id, &case.name, &key) {
            return Ok(hit);
        }
        let measured = match run::run_case(self.side()?, &stream, scale, &ask, REFERENCE_WALL)? {
            Observed::Measured(m) if m.outcome == Outcome::Returned => m,
            other => return Err(failed(req, case, &other).into()),
        };
        cache::store(req.ws, &kata.id, &case.name, &key, &measured)?;
        Ok(measured)
    }

    pub fn stop(&mut self) {
        if let Some(side) = self.side.as_mut() {
            side.stop();
        }
    }
}

fn failed(req: &Request<'_>, case: &Case, how: &Observed) -> Internal {
    let what = match how {
        Observed::Measured(m) => format!("{:?}", m.outcome),
        Observed::Died(d) => format!("{:?}; stderr:\n{}", d.exit, d.stderr),
    };
    Internal::new(format!(
        "the reference solution of `{}` failed on case `{}` ({}): this is a problem with the kata, \
         not with your solution.\n{what}",
        req.kata.id,
        case.name,
        req.ws.display(&req.kata.reference(Language::Rust)),
    ))
}
