//! `sdkgen.toml`: where the spec and the output live, and every setting the output
//! depends on (the command file headers name, the Rust crate's name, version and runtime,
//! the languages and styles).
//!
//! Headers name the regenerating command from here, never from how sdkgen was invoked,
//! so output is the same for any spelling of the same directories, and a path holding a
//! newline cannot put code after a comment.

use crate::diag::{Diagnostic, Pos, Sources, SpecErrors};
use crate::settings::{RuntimeMode, Settings};
use crate::target::{Language, Style};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The configuration file's name, looked for in the current directory and above.
pub const FILE: &str = "sdkgen.toml";
pub use crate::settings::DEFAULT_REGENERATE;
/// The keys a configuration file may hold, for messages.
const KEYS: &str = "spec, out, regenerate, crate_name, crate_version, license, description, repository, runtime, languages, styles";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    spec: Option<String>,
    out: Option<String>,
    regenerate: Option<String>,
    crate_name: Option<String>,
    crate_version: Option<String>,
    license: Option<String>,
    description: Option<String>,
    repository: Option<String>,
    runtime: Option<String>,
    languages: Option<Vec<String>>,
    styles: Option<Vec<String>>,
}

/// Settings for one run; flags override them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Relative paths in the file are relative to the file's directory.
    pub spec: PathBuf,
    pub out: PathBuf,
    /// What the output depends on.
    pub settings: Settings,
    /// The languages and styles a run generates when no flag narrows it.
    pub languages: Vec<Language>,
    pub styles: Vec<Style>,
    /// The file these came from, if any.
    pub file: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            spec: "spec".into(),
            out: "generated".into(),
            settings: Settings::default(),
            languages: Language::ALL.to_vec(),
            styles: Style::ALL.to_vec(),
            file: None,
        }
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
    let text = match std::fs::read(&path) {
        Ok(bytes) if bytes.len() > 1 << 20 => return Err(plain(format!("{} is larger than 1 MiB", shown(&path)), false)),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => return Err(plain(format!("{} is not UTF-8", shown(&path)), false)),
        },
        Err(e) => return Err(plain(format!("cannot read {}: {e}", shown(&path)), true)),
    };
    parse(&path, text)
}

fn shown(path: &Path) -> String {
    crate::diag::shown_path(path)
}

fn plain(message: String, io: bool) -> SpecErrors {
    let d = Diagnostic { pos: None, key: FILE.into(), message, label: String::new(), help: None };
    SpecErrors { diagnostics: vec![d], sources: Sources::default(), io }
}

/// The configuration file's text, for locating errors in it.
struct ConfigFile {
    sources: Sources,
    id: usize,
    text: String,
}

impl ConfigFile {
    /// An error at `span` of the file, naming `key`.
    fn fail(&self, message: String, key: &str, span: Option<std::ops::Range<usize>>) -> SpecErrors {
        let pos = span.map(|s| {
            let before = &self.text[..s.start.min(self.text.len())];
            let line = before.matches('\n').count() as u64 + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
            Pos { file: self.id, line, column, bytes: s }
        });
        let d = Diagnostic { pos, key: key.to_owned(), message, label: "here".into(), help: Some(format!("keys: {KEYS}")) };
        SpecErrors { diagnostics: vec![d], sources: self.sources.clone(), io: false }
    }

    /// The span of `key = …`'s key, for errors found after parsing.
    fn at(&self, key: &str) -> Option<std::ops::Range<usize>> {
        let text = &self.text;
        text.match_indices(key)
            .find(|(i, _)| {
                text[..*i].rsplit('\n').next().is_some_and(|l| l.trim().is_empty()) && text[i + key.len()..].trim_start().starts_with('=')
            })
            .map(|(i, _)| i..i + key.len())
    }

    /// `value` checked by `check`, or an error at `key`'s line.
    fn checked<T, V>(&self, key: &str, value: Option<V>, check: impl FnOnce(V) -> Result<T, String>) -> Result<Option<T>, SpecErrors> {
        value.map(check).transpose().map_err(|message| self.fail(message, key, self.at(key)))
    }
}

/// Parses a configuration's text; `path` places relative paths and names the file in
/// messages.
pub fn parse(path: &Path, text: String) -> Result<Config, SpecErrors> {
    let mut sources = Sources::default();
    let id = sources.add(path.display().to_string(), text);
    let text = sources.files[id].1.clone();
    let file = ConfigFile { sources, id, text };
    let raw: RawConfig = match toml::from_str(&file.text) {
        Ok(r) => r,
        Err(e) => {
            let message = e.message().lines().next().unwrap_or("invalid configuration").to_owned();
            let key = message.split('`').nth(1).unwrap_or("-").to_owned();
            return Err(file.fail(message, &key, e.span()));
        }
    };
    let mut config = Config { file: Some(path.to_path_buf()), ..Config::default() };
    let settings = &mut config.settings;
    if let Some(cmd) = file.checked("regenerate", raw.regenerate, regenerate)? {
        settings.regenerate = cmd;
    }
    if let Some(name) = file.checked("crate_name", raw.crate_name, crate_name)? {
        settings.crate_name = Some(name);
    }
    if let Some(version) = file.checked("crate_version", raw.crate_version, crate_version)? {
        settings.crate_version = version;
    }
    if let Some(license) = file.checked("license", raw.license, license)? {
        settings.license = license;
    }
    if let Some(text) = file.checked("description", raw.description, description)? {
        settings.description = Some(text);
    }
    if let Some(url) = file.checked("repository", raw.repository, repository)? {
        settings.repository = Some(url);
    }
    if let Some(mode) = file.checked("runtime", raw.runtime, runtime)? {
        settings.runtime = mode;
    }
    if let Some(languages) = file.checked("languages", raw.languages, |l| ids(&l, Language::parse))? {
        config.languages = languages;
    }
    if let Some(styles) = file.checked("styles", raw.styles, |s| ids(&s, Style::parse))? {
        config.styles = styles;
    }
    // A file in the current directory keeps paths relative, as a user typed them.
    let mut base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    if std::env::current_dir().ok().zip(std::path::absolute(&base).ok()).is_some_and(|(cwd, b)| cwd == b) {
        base = PathBuf::new();
    }
    config.spec = base.join(raw.spec.as_deref().unwrap_or("spec"));
    config.out = base.join(raw.out.as_deref().unwrap_or("generated"));
    Ok(config)
}

fn regenerate(cmd: String) -> Result<String, String> {
    if cmd.trim().is_empty() || cmd.chars().any(|c| crate::diag::is_unsafe(c) || c == '`') {
        return Err("`regenerate` must be one line of plain text (no control characters, bidi controls or backticks)".to_owned());
    }
    Ok(cmd)
}

fn crate_name(name: String) -> Result<String, String> {
    let ok = name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        return Err(format!("{name:?} is not a crate name: ASCII letters, digits, `-` and `_`, starting with a letter"));
    }
    Ok(name)
}

fn crate_version(version: String) -> Result<String, String> {
    if !is_semver(&version) {
        return Err(format!("{version:?} is not a semver version (`1.2.3`, `0.1.0-beta.1`)"));
    }
    Ok(version)
}

/// An SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `LicenseRef-Contoso`): it is
/// written into the crate's `Cargo.toml` as a string, so only its own characters pass.
fn license(expr: String) -> Result<String, String> {
    let ok = !expr.trim().is_empty() && expr.len() <= 128 && expr.bytes().all(|b| b.is_ascii_alphanumeric() || b" .-+():".contains(&b));
    if !ok {
        return Err(format!("{:?} is not an SPDX license expression (`MIT`, `Apache-2.0 OR MIT`)", crate::diag::clip(&expr)));
    }
    Ok(expr)
}

/// The crate's description: one line of plain text, as crates.io shows it.
fn description(text: String) -> Result<String, String> {
    if text.trim().is_empty() || text.chars().count() > 300 || text.chars().any(crate::diag::is_unsafe) {
        return Err("`description` must be one line of plain text, at most 300 characters (no control or bidi characters)".to_owned());
    }
    Ok(text)
}

/// The crate's repository: an absolute `https://` URL with a host and nothing a TOML
/// string or a link would read differently.
fn repository(text: String) -> Result<String, String> {
    match url::Url::parse(&text) {
        Ok(u)
            if u.scheme() == "https"
                && u.host_str().is_some_and(|h| !h.is_empty())
                && text.len() <= 512
                && !text.chars().any(crate::diag::is_unsafe) =>
        {
            Ok(text)
        }
        _ => Err(format!("{:?} is not an absolute https:// URL", crate::diag::clip(&text))),
    }
}

fn runtime(mode: String) -> Result<RuntimeMode, String> {
    match mode.as_str() {
        "versioned" => Ok(RuntimeMode::Versioned),
        "vendored" => Ok(RuntimeMode::Vendored),
        other => Err(format!("unknown runtime mode {other:?}; known: versioned, vendored")),
    }
}

/// Language or style ids, sorted and each once; the first unknown one is the error.
fn ids<T: Ord>(given: &[String], parse: fn(&str) -> Result<T, crate::target::Unknown>) -> Result<Vec<T>, String> {
    let mut out = given.iter().map(|id| parse(id).map_err(|e| e.to_string())).collect::<Result<Vec<T>, String>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

fn is_semver(v: &str) -> bool {
    let (core, pre) = v.split_once('-').map_or((v, None), |(c, p)| (c, Some(p)));
    let nums: Vec<&str> = core.split('.').collect();
    nums.len() == 3
        && nums.iter().all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n.len() == 1 || !n.starts_with('0')))
        && pre.is_none_or(|p| {
            !p.is_empty() && p.split('.').all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        })
}

/// The starter configuration `sdkgen init` writes.
pub const STARTER: &str = r#"# sdkgen's configuration: `sdkgen generate` finds it in this directory or below.
# Relative paths are relative to this file.

# The spec: a directory of *.yaml files (or one file).
spec = "spec"
# Where generated files go. sdkgen writes, replaces and removes only its own files there.
out = "generated"
# The command every generated file's header names.
regenerate = "sdkgen generate"

# The Rust client crate.
# crate_name = "graph-beta"        # default: graph-<api version>
crate_version = "0.1.0"
# The crate's license, an SPDX expression (default: MIT).
# license = "MIT"
# Its crates.io metadata: one line of text, and an https:// URL.
# description = "A Rust client for Microsoft Graph's calls"
# repository = "https://github.com/contoso/graph-calls"
# "vendored" (the default): copy sdkgen-runtime beside the crate, so it builds anywhere;
# "versioned": depend on it by version (from crates.io, or a [patch]).
runtime = "vendored"

# Which snippets (default: all).
# languages = [LANGUAGES]
# styles = [STYLES]
"#;

/// The starter configuration with every language and style the registry has listed.
pub fn starter() -> String {
    let quoted = |ids: Vec<&str>| ids.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ");
    STARTER
        .replace("LANGUAGES", &quoted(Language::ALL.map(Language::id).to_vec()))
        .replace("STYLES", &quoted(Style::ALL.map(Style::id).to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_semver() {
        for good in ["0.1.0", "1.20.3", "0.1.0-beta.1"] {
            assert!(is_semver(good), "{good}");
        }
        for bad in ["1.0", "01.0.0", "1.0.0-", "1.0.0 ", "1.0.0\n[x]", "v1.0.0"] {
            assert!(!is_semver(bad), "{bad}");
        }
    }

    #[test]
    fn the_license_is_an_spdx_expression_and_nothing_else_reaches_cargo_toml() {
        let c = parse(Path::new("/x/sdkgen.toml"), "license = \"Apache-2.0 OR MIT\"\n".into()).unwrap();
        assert_eq!(c.settings.license, "Apache-2.0 OR MIT");
        assert_eq!(parse(Path::new("/x/sdkgen.toml"), String::new()).unwrap().settings.license, "MIT", "the default");
        for bad in [r#"license = "MIT\"\n[evil]""#, r#"license = "MIT # x""#, r#"license = """#, r#"license = "MIT\n""#] {
            let e = parse(Path::new("/x/sdkgen.toml"), format!("{bad}\n")).unwrap_err();
            assert_eq!(e.diagnostics[0].key, "license", "{bad}");
            assert!(e.diagnostics[0].pos.is_some(), "{bad}: located");
            assert!(e.diagnostics[0].message.contains("not an SPDX license expression"), "{bad}: {}", e.diagnostics[0].message);
        }
    }

    /// The crate's description and repository: text that reaches `Cargo.toml` only as a
    /// TOML string (the emitter escapes it there); one line of plain text, an https URL.
    #[test]
    fn the_crates_description_and_repository_are_checked_where_they_are_configured() {
        let c = parse(
            Path::new("/x/sdkgen.toml"),
            "description = 'Graph \"calls\" \\ for bots'\nrepository = \"https://github.com/contoso/calls\"\n".into(),
        )
        .unwrap();
        assert_eq!(c.settings.description.as_deref(), Some("Graph \"calls\" \\ for bots"));
        assert_eq!(c.settings.repository.as_deref(), Some("https://github.com/contoso/calls"));
        for (key, bad, says) in [
            ("description", r#"description = "two\nlines""#, "one line of plain text"),
            ("description", r#"description = "  ""#, "one line of plain text"),
            ("description", "description = \"bidi \u{202e}\"", "one line of plain text"),
            ("repository", r#"repository = "http://github.com/contoso/calls""#, "not an absolute https:// URL"),
            ("repository", r#"repository = "github.com/contoso/calls""#, "not an absolute https:// URL"),
        ] {
            let e = parse(Path::new("/x/sdkgen.toml"), format!("{bad}\n")).unwrap_err();
            assert_eq!(e.diagnostics[0].key, key, "{bad}");
            assert!(e.diagnostics[0].pos.is_some(), "{bad}: located");
            assert!(e.diagnostics[0].message.contains(says), "{bad}: {}", e.diagnostics[0].message);
        }
    }

    #[test]
    fn the_starter_configuration_parses() {
        let starter = starter();
        assert!(starter
            .contains(r#"# languages = ["http", "csharp", "javascript", "objc", "java", "go", "powershell", "python", "php", "cli"]"#));
        let c = parse(Path::new("/x/sdkgen.toml"), starter.replace("# languages", "languages").replace("# styles", "styles")).unwrap();
        assert_eq!(c.languages, Language::ALL.to_vec(), "the commented list, uncommented, is every language");
        let c = parse(Path::new("/x/sdkgen.toml"), starter).unwrap();
        assert_eq!(c.settings.runtime, RuntimeMode::Vendored);
        assert_eq!(c.spec, Path::new("/x/spec"));
    }

    /// A configuration that says nothing of the runtime (and no configuration at all)
    /// vendors it: `sdkgen-runtime` is not on crates.io, so only a vendored crate builds
    /// outside this repository; "versioned" is asked for by name.
    #[test]
    fn the_default_runtime_is_the_one_that_builds_anywhere() {
        assert_eq!(parse(Path::new("/x/sdkgen.toml"), "spec = \"spec\"\n".into()).unwrap().settings.runtime, RuntimeMode::Vendored);
        assert_eq!(crate::Settings::default().runtime, RuntimeMode::Vendored);
        let asked = parse(Path::new("/x/sdkgen.toml"), "runtime = \"versioned\"\n".into()).unwrap();
        assert_eq!(asked.settings.runtime, RuntimeMode::Versioned);
        let tree = crate::generate(&crate::load_model(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).unwrap());
        assert!(tree.contains_key("rust/sdkgen-runtime/src/client.rs") && tree["rust/Cargo.toml"].contains("path = \"sdkgen-runtime\""));
    }
}
