//! The `sdkgen` command line: argument parsing only; the library does the work.

use clap::{Args, Parser, Subcommand};
use sdkgen::cli::{self, Exit};
use sdkgen::emit::snippets::{Language, Style};
use sdkgen::Selection;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generates a Rust client, code snippets and docs pages from a YAML spec of Graph actions.
///
/// Exit status: 0 success; 1 `check` found generated/ stale; 2 invalid input (a spec
/// error, or bad command-line usage); 3 an I/O error.
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
        /// The spec: a directory of *.yaml files, or one file.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
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
    /// The spec: a directory of *.yaml files, or one file.
    #[arg(long, default_value = "spec")]
    spec: PathBuf,
    /// The directory generated files go to.
    #[arg(long, default_value = "generated")]
    out: PathBuf,
    /// Only these languages' snippets (comma-separated); every other file is left alone.
    #[arg(long, value_delimiter = ',', value_parser = parse_language)]
    lang: Vec<Language>,
    /// Which SDK generation's snippets: the reference page's, today's, or both.
    #[arg(long, value_parser = ["page", "current", "all"], default_value = "all")]
    style: String,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Generate(c) => cli::generate(&c.spec, &c.out, &c.selection()),
        Command::Check(c) => cli::check(&c.spec, &c.out, &c.selection()),
        Command::Snippet { spec, example, lang, style } => cli::snippet(&spec, &example, lang, style),
    };
    ExitCode::from(match exit {
        Exit::Ok => 0,
        Exit::Stale => 1,
        Exit::SpecError => 2,
        Exit::Io => 3,
    })
}
