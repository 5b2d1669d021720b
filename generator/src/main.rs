//! The `sdkgen` command line: argument parsing only; the library does the work.

use clap::{Args, Parser, Subcommand};
use sdkgen::cli::{self, Exit};
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
}

#[derive(Args)]
struct Common {
    /// The spec: a directory of *.yaml files, or one file.
    #[arg(long, default_value = "spec")]
    spec: PathBuf,
    /// The directory generated files go to.
    #[arg(long, default_value = "generated")]
    out: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Generate(c) => cli::generate(&c.spec, &c.out),
        Command::Check(c) => cli::check(&c.spec, &c.out),
    };
    ExitCode::from(match exit {
        Exit::Ok => 0,
        Exit::Stale => 1,
        Exit::SpecError => 2,
        Exit::Io => 3,
    })
}
