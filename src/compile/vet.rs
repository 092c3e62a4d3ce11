//! What a learner's Rust file may not contain, checked before it is built.
//!
//! A solution is compiled into a worker binary of its own, beside the
//! grader's runtime. Four kinds of code could reach past the solution's own
//! logic: `unsafe` (to allocate behind the heap meter's back, or to write
//! to the worker's reply channel), macros that read files or the build's
//! environment at compile time (to compile the kata's reference in),
//! module tricks (`#[path]`, outline `mod x;`, `extern crate`), and paths
//! into the grader (the meter, the worker) or into the generated crate
//! around the solution (`crate::`, an escaping `super::`).
//!
//! The file is tokenised with syn (proc-macro2), and every token tree is
//! walked, macro bodies and attributes included, so a macro cannot build a
//! forbidden construct out of tokens that are not checked. A refusal names
//! the construct, its line, and why.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// A construct the file may not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The construct as written, e.g. `unsafe`, `include_str!`, `grader::meter`.
    pub construct: String,
    pub line: usize,
    pub column: usize,
    pub why: &'static str,
}

impl Refusal {
    /// The refusal as a compiler-style message for the report.
    pub fn render(&self, file: &str) -> String {
        format!(
            "error: `{}` is not allowed in a solution\n --> {file}:{}:{}\n  = {}\n",
            self.construct, self.line, self.column, self.why
        )
    }
}

/// Every refused construct of `source`, in the order they appear. A file
/// that cannot even be tokenised is left to the compiler to explain.
pub fn vet(source: &str) -> Vec<Refusal> {
    let Ok(tokens) = syn::parse_str::<TokenStream>(source) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk(tokens, 0, &mut found);
    found
}

/// Walks one token stream at module depth `depth` (how many `super::` a
/// path may climb without leaving the solution).
fn walk(stream: TokenStream, depth: usize, found: &mut Vec<Refusal>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        match token {
            TokenTree::Group(group) => {
                // `mod name { .. }` opens a module: one more level to climb.
                let opens_module = group.delimiter() == Delimiter::Brace
                    && i >= 2
                    && ident_is(&tokens[i - 2], "mod")
                    && matches!(tokens[i - 1], TokenTree::Ident(_));
                // A macro_rules body may be expanded anywhere: no climbing.
                let macro_body = i >= 3 && ident_is(&tokens[i - 3], "macro_rules");
                let inner = if macro_body {
                    0
                } else if opens_module {
                    depth + 1
                } else {
                    depth
                };
                if let Some(attr) = attribute_path(&tokens, i)
                    && attr == "path"
                {
                    found.push(refusal(token, "#[path]", PATH_ATTRIBUTE));
                }
                walk(group.stream(), inner, found);
            }
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").unwrap_or(&name);
                if let Some(why) = forbidden_word(name) {
                    let bang = next.is_some_and(|t| punct_is(t, '!'));
                    let shown = if bang { format!("{name}!") } else { name.to_string() };
                    found.push(refusal(token, &shown, why));
                    continue;
                }
                match name {
                    "extern" if next.is_some_and(|t| ident_is(t, "crate")) => {
                        found.push(refusal(token, "extern crate", EXTERN_CRATE));
                    }
                    "mod" => {
                        // `mod name;`: a module loaded from another file.
                        let outline = matches!(tokens.get(i + 1), Some(TokenTree::Ident(_)))
                            && tokens.get(i + 2).is_some_and(|t| punct_is(t, ';'));
                        if outline {
                            let module = tokens[i + 1].to_string();
                            found.push(refusal(token, &format!("mod {module};"), OUTLINE_MODULE));
                        }
                    }
                    "grader" if !mid_path(&tokens, i) => {
                        if let Some(r) = grader_path(&tokens, i) {
                            found.push(r);
                        }
                    }
                    "crate" if starts_path(&tokens, i) => {
                        found.push(refusal(token, "crate::", CRATE_PATH));
                    }
                    "super" if !continues_super_chain(&tokens, i) => {
                        let climbs = super_chain(&tokens, i);
                        if climbs > depth {
                            found.push(refusal(token, &"super::".repeat(climbs), SUPER_PATH));
                        }
                    }
                    _ => {}
                }
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

/// The reason a word is refused wherever it appears.
fn forbidden_word(name: &str) -> Option<&'static str> {
    match name {
        "unsafe" => Some(UNSAFE),
        "include" | "include_str" | "include_bytes" => Some(INCLUDE),
        "env" | "option_env" => Some(ENV),
        "dekata_harness" | "dekata_runtime" | "dekata_grader" | "dekata_prelude" | "grader_df" => {
            Some(GRADER_INTERNALS)
        }
        _ => None,
    }
}

/// `grader` must be followed by `::prelude` or `::jobs` (or a braced list
/// of those): anything else names the grader's internals, or aliases it.
fn grader_path(tokens: &[TokenTree], i: usize) -> Option<Refusal> {
    let token = &tokens[i];
    if !path_sep_at(tokens, i + 1) {
        return Some(refusal(token, "grader", GRADER_ALIAS));
    }
    match tokens.get(i + 3) {
        Some(TokenTree::Ident(next)) if PUBLIC_MODULES.contains(&next.to_string().as_str()) => None,
        Some(TokenTree::Group(list)) if list.delimiter() == Delimiter::Brace => {
            let items: Vec<TokenTree> = list.stream().into_iter().collect();
            let mut first = true;
            for t in &items {
                if first {
                    let public = matches!(t, TokenTree::Ident(id) if PUBLIC_MODULES.contains(&id.to_string().as_str()));
                    if !public {
                        return Some(refusal(token, &format!("grader::{{{}}}", list.stream()), GRADER_INTERNALS));
                    }
                }
                first = punct_is(t, ',');
            }
            None
        }
        Some(other) => Some(refusal(token, &format!("grader::{other}"), GRADER_INTERNALS)),
        None => Some(refusal(token, "grader::", GRADER_INTERNALS)),
    }
}

/// How many `super ::` pairs follow from `i` on.
fn super_chain(tokens: &[TokenTree], mut i: usize) -> usize {
    let mut n = 0;
    while tokens.get(i).is_some_and(|t| ident_is(t, "super")) && path_sep_at(tokens, i + 1) {
        n += 1;
        i += 3;
    }
    n
}

/// The attribute name when `tokens[i]` is the bracket group of `#[name ..]`
/// or `#![name ..]`.
fn attribute_path(tokens: &[TokenTree], i: usize) -> Option<String> {
    let TokenTree::Group(group) = &tokens[i] else { return None };
    if group.delimiter() != Delimiter::Bracket {
        return None;
    }
    let hash = match i.checked_sub(1).map(|p| &tokens[p]) {
        Some(t) if punct_is(t, '#') => true,
        Some(t) if punct_is(t, '!') => i >= 2 && punct_is(&tokens[i - 2], '#'),
        _ => false,
    };
    if !hash {
        return None;
    }
    match group.stream().into_iter().next() {
        Some(TokenTree::Ident(id)) => Some(id.to_string()),
        _ => None,
    }
}

/// Whether `crate` at `i` begins a path (`crate::x`, `$crate::x`), not a
/// visibility (`pub(crate)`).
fn starts_path(tokens: &[TokenTree], i: usize) -> bool {
    path_sep_at(tokens, i + 1)
}

fn path_sep_at(tokens: &[TokenTree], i: usize) -> bool {
    matches!((tokens.get(i), tokens.get(i + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':')
}

/// Whether the ident at `i` is a later segment of a path (`std::env`,
/// `x::grader`), not its start (`grader::`, `::grader::`, `use ::grader`).
fn mid_path(tokens: &[TokenTree], i: usize) -> bool {
    if i < 3 || !path_sep_at(tokens, i - 2) {
        return false;
    }
    match &tokens[i - 3] {
        TokenTree::Ident(id) => !KEYWORDS.contains(&id.to_string().as_str()),
        TokenTree::Punct(p) => p.as_char() == '>',
        TokenTree::Group(_) => true,
        TokenTree::Literal(_) => false,
    }
}

/// Whether the `super` at `i` follows another `super::` (the chain was
/// counted from its first link).
fn continues_super_chain(tokens: &[TokenTree], i: usize) -> bool {
    i >= 3 && path_sep_at(tokens, i - 2) && ident_is(&tokens[i - 3], "super")
}

fn ident_is(t: &TokenTree, name: &str) -> bool {
    matches!(t, TokenTree::Ident(id) if id == name)
}

fn punct_is(t: &TokenTree, c: char) -> bool {
    matches!(t, TokenTree::Punct(p) if p.as_char() == c)
}

fn refusal(token: &TokenTree, construct: &str, why: &'static str) -> Refusal {
    let start = token.span().start();
    Refusal { construct: construct.to_string(), line: start.line, column: start.column + 1, why }
}

/// Keywords that may stand before a path's leading `::`.
const KEYWORDS: [&str; 22] = [
    "use", "pub", "in", "as", "return", "break", "let", "mut", "move", "dyn", "impl", "for", "where", "if", "match",
    "while", "else", "box", "ref", "static", "const", "type",
];

/// The grader's modules a solution may name.
const PUBLIC_MODULES: [&str; 2] = ["prelude", "jobs"];

const UNSAFE: &str = "`unsafe` code could allocate behind the heap meter's back or write to the grader's \
own channel; a solution needs none. Safe Rust is enough for every kata.";
const INCLUDE: &str = "include!, include_str! and include_bytes! compile another file into the solution (the \
kata's reference, say); a solution is one file of its own.";
const ENV: &str = "env! and option_env! read the environment the grader is built in (with the paths of the \
kata's files); a solution has no use for the environment, at build time or at run time.";
const PATH_ATTRIBUTE: &str = "#[path] loads a module from any file (the kata's reference, say); a solution is \
one file of its own.";
const OUTLINE_MODULE: &str = "`mod name;` loads a module from another file; write the module inline, as \
`mod name { ... }`.";
const EXTERN_CRATE: &str = "extern crate brings in crates the solution is not given (the grader's own); \
`use grader::prelude::*;` and std are what a solution has.";
const GRADER_ALIAS: &str = "the grader may be named only as `grader::prelude` (or `grader::jobs`); an alias \
or a bare `grader` could reach its internals.";
const GRADER_INTERNALS: &str = "this path leads into the grader's internals (the heap meter, the worker, the \
protocol), which decide the grade; a solution may use `grader::prelude` and `grader::jobs` only.";
const CRATE_PATH: &str = "`crate::` names the generated program around the solution, not the solution; \
refer to your own items by name (or `self::`).";
const SUPER_PATH: &str = "this `super::` climbs out of the solution into the generated program around it; \
within the file, `super::` may only reach the file's own modules.";

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(src: &str) -> Vec<String> {
        vet(src).into_iter().map(|r| r.construct).collect()
    }

    #[test]
    fn honest_code_passes() {
        let src = "use grader::prelude::*;\nuse grader::jobs::add_days;\nuse grader::{prelude::*, jobs::days};\n\
                   pub(crate) fn f() {}\nmod inner { use super::*; pub fn g() { super::f() } }\n\
                   #[derive(Default, Serialize)] pub struct S { x: u64 }\n\
                   macro_rules! twice { ($e:expr) => { $e + $e } }\n\
                   pub fn h() -> u64 { twice!(1) + std::cmp::max(1, 2) }\n";
        assert_eq!(refused(src), Vec::<String>::new());
    }

    #[test]
    fn the_four_routes_are_refused() {
        assert_eq!(refused("pub fn f() { crate::reference::count_events(std::iter::empty()); }"), ["crate::"]);
        assert_eq!(
            refused("mod copied { include!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/r.rs\")); }"),
            ["include!", "env!"]
        );
        assert_eq!(refused("fn f() { grader::meter::reset_peak(); }"), ["grader::meter"]);
        assert_eq!(refused("fn f() { unsafe { std::alloc::System.alloc(l) }; }"), ["unsafe"]);
    }

    #[test]
    fn variations_are_refused_too() {
        assert_eq!(refused("fn f() { super::reference::x() }"), ["super::"]);
        assert_eq!(refused("mod a { fn f() { super::super::x() } }"), ["super::super::"]);
        assert_eq!(refused("use grader as g;"), ["grader"]);
        assert_eq!(refused("use ::grader::worker;"), ["grader::worker"]);
        assert_eq!(refused("use grader::{prelude::*, meter};"), ["grader::{prelude ::*, meter}"]);
        assert_eq!(refused("macro_rules! m { ($i:ident) => { $i!(\"X\") } } fn f() { m!(env); }"), ["env"]);
        assert_eq!(refused("macro_rules! m { () => { unsafe { } } }"), ["unsafe"]);
        assert_eq!(refused("macro_rules! m { () => { super::HEAP } }"), ["super::"]);
        assert_eq!(refused("macro_rules! m { () => { $crate::main() } }"), ["crate::"]);
        assert_eq!(refused("#[path = \"/k/reference.rs\"] mod r;"), ["#[path]", "mod r;"]);
        assert_eq!(refused("extern crate dekata_harness as rt;"), ["extern crate", "dekata_harness"]);
        assert_eq!(refused("fn f() { r#include_str!(\"x\"); }"), ["include_str!"]);
        assert_eq!(refused("fn f() { let p = std::env::var(\"HOME\"); }"), ["env"]);
        assert_eq!(refused("fn f() { self::super::x() }"), ["super::"]);
        assert_eq!(refused("fn f() { let g = ::grader::meter::peak(); }"), ["grader::meter"]);
        assert_eq!(refused("fn f() { other::grader::x() }"), Vec::<String>::new());
    }

    #[test]
    fn refusals_say_where_and_why() {
        let r = &vet("use grader::prelude::*;\n\nfn f() {\n    unsafe { }\n}\n")[0];
        assert_eq!((r.line, r.column), (4, 5));
        let text = r.render("solutions/x.rs");
        assert!(text.contains("solutions/x.rs:4:5") && text.contains("heap meter"), "{text}");
    }
}
