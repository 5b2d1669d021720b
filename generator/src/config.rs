//! `sdkgen.toml`: where the spec and the output live, and the command file headers name.
//!
//! Headers name the regenerating command from here, never from how sdkgen was invoked,
//! so output is the same for any spelling of the same directories, and a path holding a
//! newline cannot put code after a comment.

use crate::diag::{Diagnostic, Pos, Sources, SpecErrors};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The configuration file's name, looked for in the current directory and above.
pub const FILE: &str = "sdkgen.toml";
/// The command headers name when no configuration says otherwise.
pub const DEFAULT_REGENERATE: &str = "sdkgen generate";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    spec: Option<String>,
    out: Option<String>,
    regenerate: Option<String>,
}

/// Settings for one run; flags override them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Relative paths in the file are relative to the file's directory.
    pub spec: PathBuf,
    pub out: PathBuf,
    /// The command generated files name in their header.
    pub regenerate: String,
    /// The file these came from, if any.
    pub file: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config { spec: "spec".into(), out: "generated".into(), regenerate: DEFAULT_REGENERATE.into(), file: None }
    }
}

/// `sdkgen.toml` in `dir` or the nearest directory above it.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let dir = std::path::absolute(dir).ok()?;
    dir.ancestors().map(|d| d.join(FILE)).find(|p| p.is_file())
}

/// Loads `explicit`, or the file [`find`] finds from the current directory, or the
/// defaults when there is none. Errors are located like the spec's.
pub fn load(explicit: Option<&Path>) -> Result<Config, SpecErrors> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match std::env::current_dir().ok().and_then(|d| find(&d)) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let mut sources = Sources::default();
    let text = match std::fs::read(&path) {
        Ok(bytes) if bytes.len() > 1 << 20 => return Err(config_error(format!("{} is larger than 1 MiB", crate::diag::shown_path(&path)))),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => Ok(t),
            Err(_) => return Err(config_error(format!("{} is not UTF-8", crate::diag::shown_path(&path)))),
        },
        Err(e) => Err(format!("cannot read {}: {e}", crate::diag::shown_path(&path))),
    };
    let text = match text {
        Ok(t) => t,
        Err(message) => {
            let d = Diagnostic { pos: None, key: FILE.into(), message, label: String::new(), help: None };
            return Err(SpecErrors { diagnostics: vec![d], sources, io: true });
        }
    };
    let id = sources.add(path.display().to_string(), text);
    let text = &sources.files[id].1;
    let fail = |sources: Sources, message: String, key: &str, span: Option<std::ops::Range<usize>>| {
        let pos = span.map(|s| {
            let before = &text[..s.start.min(text.len())];
            let line = before.matches('\n').count() as u64 + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
            Pos { file: id, line, column, bytes: s }
        });
        let d = Diagnostic { pos, key: key.to_owned(), message, label: "here".into(), help: Some("keys: spec, out, regenerate".into()) };
        SpecErrors { diagnostics: vec![d], sources, io: false }
    };
    let raw: RawConfig = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let message = e.message().lines().next().unwrap_or("invalid configuration").to_owned();
            let key = message.split('`').nth(1).unwrap_or("-").to_owned();
            return Err(fail(sources.clone(), message, &key, e.span()));
        }
    };
    if let Some(cmd) = &raw.regenerate {
        if cmd.trim().is_empty() || cmd.chars().any(|c| crate::diag::is_unsafe(c) || c == '`') {
            let span = text.find("regenerate").map(|s| s..s + "regenerate".len());
            let message = "`regenerate` must be one line of plain text (no control characters, bidi controls or backticks)".to_owned();
            return Err(fail(sources.clone(), message, "regenerate", span));
        }
    }
    // A file in the current directory keeps paths relative, as a user typed them.
    let mut base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    if std::env::current_dir().ok().zip(std::path::absolute(&base).ok()).is_some_and(|(cwd, b)| cwd == b) {
        base = PathBuf::new();
    }
    let defaults = Config::default();
    Ok(Config {
        spec: raw.spec.map_or(base.join(&defaults.spec), |s| base.join(s)),
        out: raw.out.map_or(base.join(&defaults.out), |s| base.join(s)),
        regenerate: raw.regenerate.unwrap_or(defaults.regenerate),
        file: Some(path),
    })
}

fn config_error(message: String) -> SpecErrors {
    let d = Diagnostic { pos: None, key: FILE.into(), message, label: String::new(), help: None };
    SpecErrors { diagnostics: vec![d], sources: Sources::default(), io: false }
}
