//! The `sdkgen` command line: argument parsing only; the library does the work.

use clap::{Args, Parser, Subcommand};
use sdkgen::cli::{self, Exit};
use sdkgen::config::{self, Config};
use sdkgen::emit::snippets::{Language, Style};
use sdkgen::Selection;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generates a Rust client, code snippets and docs pages from a YAML spec of Graph actions.
///
/// Exit status: 0 success; 1 `check` found generated/ stale; 2 invalid input (a spec
/// error, or bad command-line usage); 3 an I/O error (the path is named); 4 refused for
/// safety (the output directory holds files sdkgen did not write, or would swallow the
/// spec); nothing is written.
#[derive(Parser)]
#[command(name = "sdkgen", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the output directory from the spec (deterministic; stale files removed).
    ///
    /// Nothing is written when the spec has an error (exit status 2).
    Generate(Common),
    /// Compare the output directory with what the spec produces; write nothing.
    ///
    /// Exit status 0 when current, 1 with a unified diff when stale, 2 on a spec error.
    Check(Common),
    /// Print one example's snippet in one language to stdout (no file header).
    Snippet {
        /// The spec: a directory of *.yaml files, or one file [default: from sdkgen.toml, else spec].
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The configuration file [default: sdkgen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
        /// The example's name (`call-reject`).
        #[arg(long)]
        example: String,
        /// The language (http, csharp, javascript, objc, java, go, powershell, python).
        #[arg(long, value_parser = parse_language)]
        lang: Language,
        /// The SDK generation the snippet targets (a language with only one prints that).
        #[arg(long, value_parser = parse_style, default_value = "current")]
        style: Style,
    },
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::from_id(s).ok_or_else(|| {
        let known: Vec<&str> = Language::ALL.iter().map(|l| l.id()).collect();
        format!("unknown language `{s}`; known languages: {}", known.join(", "))
    })
}

fn parse_style(s: &str) -> Result<Style, String> {
    Style::from_id(s).ok_or_else(|| {
        let known: Vec<&str> = Style::ALL.iter().map(|l| l.id()).collect();
        format!("unknown style `{s}`; known styles: {}", known.join(", "))
    })
}

#[derive(Args)]
struct Common {
    /// The spec: a directory of *.yaml files, or one file [default: from sdkgen.toml, else spec].
    #[arg(long)]
    spec: Option<PathBuf>,
    /// The directory generated files go to [default: from sdkgen.toml, else generated].
    #[arg(long)]
    out: Option<PathBuf>,
    /// The configuration file [default: sdkgen.toml here or above]; flags override it.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Only these languages' snippets (comma-separated); every other file is left alone.
    #[arg(long, value_delimiter = ',', value_parser = parse_language)]
    lang: Vec<Language>,
    /// Which SDK generation's snippets: the reference page's, today's, or both.
    #[arg(long, value_parser = ["page", "current", "all"], default_value = "all")]
    style: String,
    /// Write into a directory that holds files sdkgen did not write; they are kept.
    #[arg(long)]
    force: bool,
}

impl Common {
    fn selection(&self) -> Selection {
        let mut s = Selection::default();
        if !self.lang.is_empty() {
            s.languages = self.lang.clone();
            s.languages.sort();
            s.languages.dedup();
        }
        if let Some(style) = Style::from_id(&self.style) {
            s.styles = vec![style];
        }
        s
    }
}

/// The configuration with the flags applied over it.
fn settings(config: Option<&PathBuf>, spec: Option<PathBuf>, out: Option<PathBuf>) -> Result<Config, Exit> {
    let mut c = config::load(config.map(PathBuf::as_path)).map_err(|e| cli::report_spec_errors(&e))?;
    if let Some(s) = spec {
        c.spec = s;
    }
    if let Some(o) = out {
        c.out = o;
    }
    Ok(c)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Generate(c) => match settings(c.config.as_ref(), c.spec.clone(), c.out.clone()) {
            Ok(cfg) => cli::generate(&cfg, &c.selection(), c.force),
            Err(e) => e,
        },
        Command::Check(c) => match settings(c.config.as_ref(), c.spec.clone(), c.out.clone()) {
            Ok(cfg) => cli::check(&cfg, &c.selection()),
            Err(e) => e,
        },
        Command::Snippet { spec, config, example, lang, style } => match settings(config.as_ref(), spec, None) {
            Ok(cfg) => cli::snippet(&cfg.spec, &example, lang, style),
            Err(e) => e,
        },
    };
    ExitCode::from(match exit {
        Exit::Ok => 0,
        Exit::Stale => 1,
        Exit::SpecError => 2,
        Exit::Io => 3,
        Exit::Refused => 4,
    })
}
