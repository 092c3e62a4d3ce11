//! The reference's results on a kata's cases: from the cache, or from the
//! reference's own worker, built and started only when something is not
//! cached (or a shrink needs it).

use super::asked::{self, stream_spec};
use super::cache;
use super::request::Request;
use super::run;
use super::side::Side;
use crate::catalog::Case;
use crate::compile;
use crate::error::Internal;
use crate::language::Language;
use crate::results::{Measured, Observed};
use anyhow::Result;
use harness::protocol::Outcome;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// How long a reference may take on one case before dekata gives up on it
/// (wall clock; a reference has no CPU limit).
const REFERENCE_CLOCK: crate::worker::Clock = crate::worker::Clock { wall: Duration::from_secs(300), cpu: None };

/// Reference workers kept between checks of one kata (`grading::Warm`),
/// and the results already read, by cache key: validate asks for the same
/// truth once per mutant.
#[derive(Default)]
pub struct Kept {
    rust: Option<Side>,
    python: Option<Side>,
    exact: Option<Side>,
    read: HashMap<String, Arc<Measured>>,
}

/// The kata's references: the one whose output is the truth, and the one
/// in each language whose time and heap set that language's limits.
///
/// The truth is the Rust reference's output, except for a DataFrame kata
/// graded in Python: its truth is the PySpark reference's, so that a Python
/// learner never builds DataFusion (`validate` proves both agree).
pub struct References<'a> {
    req: &'a Request<'a>,
    rust: Option<Side>,
    python: Option<Side>,
    /// An estimating kata's exact program (`truth.rs`).
    exact: Option<Side>,
    /// The language of the solution being graded.
    language: Language,
    read: HashMap<String, Arc<Measured>>,
}

impl<'a> References<'a> {
    pub fn new(req: &'a Request<'a>, language: Language, kept: Kept) -> References<'a> {
        References { req, rust: kept.rust, python: kept.python, exact: kept.exact, language, read: kept.read }
    }

    /// The running reference workers, to keep for the next check.
    pub fn into_kept(mut self) -> Kept {
        Kept {
            rust: self.rust.take(),
            python: self.python.take(),
            exact: self.exact.take(),
            read: std::mem::take(&mut self.read),
        }
    }

    /// The program whose output is the expected one: an estimating kata's
    /// exact program, else the reference in the truth's language.
    fn truth(&self) -> Who {
        if self.req.kata.truth().is_some() {
            return Who::Exact;
        }
        Who::Reference(match self.req.truth {
            Some(language) => language,
            None if self.req.kata.needs_engine() => self.language,
            None => Language::Rust,
        })
    }

    /// The side whose output is the expected one, built and started the
    /// first time (shrinking asks it about candidates).
    pub fn side(&mut self) -> Result<&mut Side> {
        self.side_of(self.truth())
    }

    /// The program's worker, built and started the first time.
    fn side_of(&mut self, who: Who) -> Result<&mut Side> {
        match who {
            Who::Reference(Language::Rust) => self.rust_side(),
            Who::Reference(Language::Python) => self.python_side(),
            Who::Exact => {
                if self.exact.is_none() {
                    let program = compile::truth(self.req.ws, self.req.kata, self.req.color)?;
                    self.exact = Some(Side::new(program, asked::limits(self.req.kata), asked::STARTUP));
                }
                Ok(self.exact.as_mut().expect("set above"))
            }
        }
    }

    fn rust_side(&mut self) -> Result<&mut Side> {
        if self.rust.is_none() {
            let program = compile::reference(self.req.ws, self.req.kata, self.req.color)?;
            self.rust = Some(Side::new(program, asked::limits(self.req.kata), asked::STARTUP));
        }
        Ok(self.rust.as_mut().expect("set above"))
    }

    fn python_side(&mut self) -> Result<&mut Side> {
        if self.python.is_none() {
            let program = compile::python(self.req.ws, self.req.kata, &self.req.kata.reference(Language::Python))?;
            self.python = Some(Side::new(program, asked::limits(self.req.kata), asked::STARTUP));
        }
        Ok(self.python.as_mut().expect("set above"))
    }

    /// The expected result on `case`, on the stream a solution in
    /// `language` gets.
    pub fn expected(&mut self, case: &Case, language: Language) -> Result<Arc<Measured>> {
        let truth = self.truth();
        self.result(case, language, truth)
    }

    /// The result whose time and heap set the limits for a solution in
    /// `language`: its own language's reference.
    pub fn baseline(&mut self, case: &Case, language: Language) -> Result<Arc<Measured>> {
        self.result(case, language, Who::Reference(language))
    }

    /// The reference in `side_language` on the stream of a solution in
    /// `language`, cached (shared, not copied: a kept output of thousands
    /// of records is read once per mutant).
    fn result(&mut self, case: &Case, language: Language, who: Who) -> Result<Arc<Measured>> {
        let (req, kata) = (self.req, self.req.kata);
        let stream = stream_spec(kata, case, req.seed, language);
        let ask = asked::ask(kata, case);
        let scale = case.memory.as_ref().map(|m| m.scale);
        let described = serde_json::json!({
            "side": who.key(),
            "stream": &stream,
            "scale": scale,
            "keep": ask.keep,
            "heap": ask.heap,
            "job": &ask.job,
            "order": ask.order,
            "args": ask.args,
        });
        let mut described = described;
        // A cluster's results, at its scale, are its own.
        if kata.needs_engine()
            && let Some(remote) = crate::spark::remote()?
        {
            described["remote"] = serde_json::json!({"url": remote.url, "scale": remote.scale});
        }
        let source = match who {
            Who::Reference(l) => kata.reference(l),
            Who::Exact => kata.truth().expect("an exact program is asked for only when it exists"),
        };
        let key = cache::key(&kata.toml_path(), &source, &described)?;
        let name = format!("{}-{}", case.name, who.key());
        let remembered = format!("{name}/{key}");
        if let Some(hit) = self.read.get(&remembered) {
            return Ok(Arc::clone(hit));
        }
        let mut claim = None;
        loop {
            if let Some(hit) = cache::load(req.ws, &kata.id, &name, &key) {
                let hit = Arc::new(hit);
                self.read.insert(remembered, Arc::clone(&hit));
                return Ok(hit);
            }
            if claim.is_some() {
                break;
            }
            // Another thread may be running this very case: it is waited
            // for, and its result read.
            claim = Some(cache::claim(req.ws, &kata.id, &name, &key));
        }
        let side = self.side_of(who)?;
        let measured = match run::run_case(side, &stream, scale, &ask, REFERENCE_CLOCK)? {
            Observed::Measured(m) if m.outcome == Outcome::Returned => m,
            other => return Err(failed(req, case, &source, &other).into()),
        };
        cache::store(req.ws, &kata.id, &name, &key, &measured)?;
        let measured = Arc::new(measured);
        self.read.insert(remembered, Arc::clone(&measured));
        Ok(measured)
    }

    /// The baseline timed again now, uncached: to confirm a limit that a
    /// busy machine might have made too tight, or too loose.
    pub fn retime(&mut self, case: &Case, language: Language) -> Result<Measured> {
        let (req, kata) = (self.req, self.req.kata);
        let stream = stream_spec(kata, case, req.seed, language);
        let ask = asked::ask(kata, case);
        let side = self.side_of(Who::Reference(language))?;
        let scale = case.memory.as_ref().map(|m| m.scale);
        match run::run_case(side, &stream, scale, &ask, REFERENCE_CLOCK)? {
            Observed::Measured(m) if m.outcome == Outcome::Returned => Ok(m),
            other => Err(failed(req, case, &kata.reference(language), &other).into()),
        }
    }
}

/// A program whose results are the expected output or the limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Reference(Language),
    /// An estimating kata's exact program.
    Exact,
}

impl Who {
    fn key(self) -> &'static str {
        match self {
            Who::Reference(l) => l.key(),
            Who::Exact => "truth",
        }
    }
}

fn failed(req: &Request<'_>, case: &Case, source: &std::path::Path, how: &Observed) -> Internal {
    let what = match how {
        Observed::Measured(m) => format!("{:?}", m.outcome),
        Observed::Died(d) => format!("{:?}; stderr:\n{}", d.exit, d.stderr),
    };
    Internal::new(format!(
        "the reference solution of `{}` failed on case `{}` ({}): this is a problem with the kata, \
         not with your solution.\n{what}",
        req.kata.id,
        case.name,
        req.ws.display(source),
    ))
}
