//! The message catalogue: every text a person reads, in Dutch (the default)
//! and English.
//!
//! The messages are Project Fluent files, `locales/<lang>/*.ftl`, embedded at
//! build time; `locales/GLOSSARY.md` lists the terms both languages use. The
//! language is chosen once per process ([`set_lang`]; the `sop` binary takes
//! `--lang`, else `LC_ALL` / `LC_MESSAGES` / `LANG`), and can be fixed for a
//! stretch of code on one thread with [`with_lang`]: what goes into the
//! archive (a record's warnings, an unread document's reason, a bundle's diff)
//! is always written in Dutch, whoever ran the command.
//!
//! ```
//! use sop_i18n::{t, with_lang, Lang};
//! let s = with_lang(Lang::En, || t!("err-file-unreadable", path = "a.pdf"));
//! assert!(s.contains("a.pdf"));
//! ```
//!
//! This crate depends on nothing of the workspace; every crate may use it.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Dutch: the default, and the language of everything archived.
    Nl,
    /// English, on request.
    En,
}

impl Lang {
    /// Every language the catalogue has, the default first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The code as `--lang` takes it: `nl`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// `nl`, `en`, or a locale such as `nl_NL.UTF-8`, `en-GB`; `None` for
    /// anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['_', '-', '.', '@']).next().unwrap_or("");
        match primary {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a locale variable asks for: Dutch for a Dutch locale,
    /// English for any other language; `None` when it names no language
    /// (empty, `C`, `POSIX`), so that the default holds.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        let primary = v.split(['_', '-', '.', '@']).next().unwrap_or("");
        if primary.is_empty() || primary.eq_ignore_ascii_case("c") || primary.eq_ignore_ascii_case("posix") {
            return None;
        }
        Some(if primary.eq_ignore_ascii_case("nl") { Lang::Nl } else { Lang::En })
    }

    fn index(self) -> usize {
        match self {
            Lang::Nl => 0,
            Lang::En => 1,
        }
    }
}

/// The language the environment asks for, in POSIX order: the first of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty. Dutch when
/// none names a language.
pub fn lang_from_env() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.trim().is_empty() {
                return Lang::from_locale(&v).unwrap_or(Lang::Nl);
            }
        }
    }
    Lang::Nl
}

/// The language a command line asks for with `--lang X` or `--lang=X`
/// (before a `--`), else the environment's. An unknown value is left to the
/// argument parser to refuse; the environment's language is used meanwhile.
pub fn lang_from_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Lang {
    let mut it = args.iter().map(|a| a.as_ref().to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = if a == "--lang" { it.next() } else { a.strip_prefix("--lang=").map(str::to_string) };
        if let Some(l) = value.as_deref().and_then(Lang::parse) {
            return l;
        }
    }
    lang_from_env()
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the process's language (once, at start).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang.index() as u8, Ordering::Relaxed);
}

/// The language messages are given in on this thread now.
pub fn lang() -> Lang {
    OVERRIDE.with(|o| o.get()).unwrap_or(if CURRENT.load(Ordering::Relaxed) == 1 { Lang::En } else { Lang::Nl })
}

/// Runs `f` with messages in `lang` on this thread (for what is archived:
/// always Dutch), then restores the previous language, also on a panic.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|o| o.replace(Some(lang))));
    f()
}

/// A named argument of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Number(n) => write!(f, "{n}"),
        }
    }
}

macro_rules! arg_text {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg { Arg::Text(v.to_string()) }
        }
    )*};
}
arg_text!(&str, String, &String, &&str, std::borrow::Cow<'_, str>, char);

macro_rules! arg_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg { Arg::Number(v as f64) }
        }
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Arg { Arg::Number(*v as f64) }
        }
    )*};
}
arg_number!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

impl From<&Path> for Arg {
    fn from(v: &Path) -> Arg {
        Arg::Text(v.display().to_string())
    }
}
impl From<&PathBuf> for Arg {
    fn from(v: &PathBuf) -> Arg {
        Arg::Text(v.display().to_string())
    }
}
impl From<PathBuf> for Arg {
    fn from(v: PathBuf) -> Arg {
        Arg::Text(v.display().to_string())
    }
}
impl From<std::path::Display<'_>> for Arg {
    fn from(v: std::path::Display<'_>) -> Arg {
        Arg::Text(v.to_string())
    }
}

/// A message in the current language: `t!("key")`, `t!("key", path = p, n = 3)`.
#[macro_export]
macro_rules! t {
    ($key:literal $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::tr($key, &[$((stringify!($name), $crate::Arg::from($val))),*])
    };
}

/// A coded warning: `notice!("hgw-no-mark", label = l)`. Its message is
/// `warn-<code>` in the catalogue; scripts read the code and the parameters.
#[macro_export]
macro_rules! notice {
    ($code:literal $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::Coded { code: $code, args: vec![$((stringify!($name), $crate::Arg::from($val))),*] }
    };
}

/// A warning as a code with its arguments (see [`notice!`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Coded {
    pub code: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Coded {
    /// The sentence as records keep it: Dutch, whatever the process's language.
    pub fn sentence(&self) -> String {
        self.sentence_in(Lang::Nl)
    }

    /// The sentence in a given language.
    pub fn sentence_in(&self, lang: Lang) -> String {
        tr_in(lang, &format!("warn-{}", self.code), &self.args)
    }

    /// The parameters for scripts: numbers as JSON numbers, the rest as text.
    pub fn params(&self) -> std::collections::BTreeMap<String, serde_json::Value> {
        self.args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Text(s) => serde_json::Value::from(s.as_str()),
                    Arg::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => serde_json::Value::from(*n as i64),
                    Arg::Number(n) => serde_json::Value::from(*n),
                };
                (k.to_string(), value)
            })
            .collect()
    }
}

/// The catalogue's files, per language (name, Dutch source, English source).
pub const FILES: &[(&str, &str, &str)] = &[
    ("cli.ftl", include_str!("../locales/nl/cli.ftl"), include_str!("../locales/en/cli.ftl")),
    ("help.ftl", include_str!("../locales/nl/help.ftl"), include_str!("../locales/en/help.ftl")),
    ("batch.ftl", include_str!("../locales/nl/batch.ftl"), include_str!("../locales/en/batch.ftl")),
    ("archive.ftl", include_str!("../locales/nl/archive.ftl"), include_str!("../locales/en/archive.ftl")),
    ("record.ftl", include_str!("../locales/nl/record.ftl"), include_str!("../locales/en/record.ftl")),
    ("diff.ftl", include_str!("../locales/nl/diff.ftl"), include_str!("../locales/en/diff.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [build(Lang::Nl), build(Lang::En)])
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("nl and en are valid language ids");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Plain text: no Unicode isolation marks around arguments (terminals,
    // Markdown and JSON would show them).
    bundle.set_use_isolating(false);
    for (_, nl, en) in FILES {
        let source = if lang == Lang::Nl { nl } else { en };
        // A syntax error loses that one message (the unit tests forbid any).
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A message in the current language ([`lang`]).
pub fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    tr_in(lang(), key, args)
}

/// A message in a given language. A key the language lacks falls back to
/// Dutch, and a key no language has is returned as it is (the unit tests
/// keep both from happening).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    for l in [lang, Lang::Nl] {
        let bundle = &bundles()[l.index()];
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
    }
    key.to_string()
}

/// An operating-system error in the current language (the system's own text
/// is English): what kind of problem it is, by its kind.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => t!("io-not-found"),
        K::PermissionDenied => t!("io-permission-denied"),
        K::AlreadyExists => t!("io-already-exists"),
        K::IsADirectory => t!("io-is-a-directory"),
        K::NotADirectory => t!("io-not-a-directory"),
        K::StorageFull => t!("io-storage-full"),
        K::ReadOnlyFilesystem => t!("io-read-only"),
        K::InvalidData | K::UnexpectedEof => t!("io-invalid-data"),
        K::TimedOut => t!("io-timed-out"),
        _ => t!("io-other", detail = e.to_string()),
    }
}

/// Whether the catalogue has a message `key` in `lang`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundles()[lang.index()].has_message(key)
}

/// Every message id of a language with the variables it uses, sorted (for
/// the tests that hold both languages to the same messages).
pub fn messages(lang: Lang) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    let mut out = Vec::new();
    for (_, nl, en) in FILES {
        let source = if lang == Lang::Nl { *nl } else { *en };
        let parsed = fluent_syntax::parser::parse(source).unwrap_or_else(|(partial, _)| partial);
        for entry in parsed.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                vars.sort();
                vars.dedup();
                out.push((m.id.name.to_string(), vars));
            }
        }
    }
    out.sort();
    out
}

fn pattern_vars(p: &fluent_syntax::ast::Pattern<&str>, vars: &mut Vec<String>) {
    use fluent_syntax::ast::PatternElement;
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &fluent_syntax::ast::Expression<&str>, vars: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression};
    let inline = |i: &InlineExpression<&str>, vars: &mut Vec<String>| match i {
        InlineExpression::VariableReference { id } => vars.push(id.name.to_string()),
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                if let InlineExpression::VariableReference { id } = a {
                    vars.push(id.name.to_string());
                }
            }
        }
        _ => {}
    };
    match e {
        Expression::Inline(i) => inline(i, vars),
        Expression::Select { selector, variants } => {
            inline(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

#[cfg(test)]
mod tests;
