//! The `sdkgen` command line: argument parsing only; the library does the work.

use clap::{Args, CommandFactory, Parser, Subcommand};
use sdkgen::cli::{self, Exit};
use sdkgen::config::{self, Config};
use sdkgen::target::{Language, Style};
use sdkgen::Selection;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc returns memory freed on another thread to where it can be reused: with the
/// system allocator a 10,000-operation run peaked 45 MB higher in per-thread arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Generates a Rust client, code snippets and docs pages from a YAML spec of Graph actions.
///
/// Settings come from `sdkgen.toml` (here or in a directory above, or `--config`); flags
/// override them.
///
/// Exit status: 0 success; 1 `check` found the output stale; 2 invalid input (a spec or
/// configuration error, or bad command-line usage); 3 an I/O error (the path is named);
/// 4 refused for safety (the output directory holds files sdkgen did not write, or would
/// swallow the spec); nothing is written unless the status is 0.
#[derive(Parser)]
#[command(name = "sdkgen", version = cli::VERSION, about, long_about)]
struct Cli {
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the output directory from the spec (deterministic; sdkgen's stale files removed).
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
        #[arg(long, required_unless_present = "http", conflicts_with = "http")]
        example: Option<String>,
        /// A raw HTTP request as a docs page prints it (a file, or `-` for stdin) instead of
        /// a spec example: resolved against the spec, errors located in the request.
        #[arg(long)]
        http: Option<PathBuf>,
        /// The language.
        #[arg(long, value_parser = languages())]
        lang: Language,
        /// The SDK generation the snippet targets (a language with only one prints that).
        #[arg(long, value_parser = style(), default_value = "current")]
        style: Style,
    },
    /// Write the spec out for other tools.
    #[command(subcommand)]
    Export(Export),
    /// Write spec files from the inputs users already have; with no subcommand, run the
    /// import recorded in the spec's `import.lock` again (the same metadata, found relative
    /// to the spec, and the same selection).
    #[command(args_conflicts_with_subcommands = true)]
    Import {
        #[command(subcommand)]
        what: Option<Import>,
        /// The spec whose lock to re-run [default: from sdkgen.toml, else spec].
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The configuration file [default: sdkgen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Serve snippets over HTTP: `POST /?lang=go[&style=page]` with a raw HTTP request as
    /// the `application/http` body answers the snippet as text/plain; a request the spec does
    /// not describe is a 400 with the located message. Stops on SIGTERM or SIGINT after the
    /// requests under way.
    Serve {
        /// The spec [default: from sdkgen.toml, else spec].
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The configuration file [default: sdkgen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
        /// Where to listen (port 0 picks a free port, printed on stderr).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Open connections at most; one more is answered 503 with Retry-After.
        #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
        max_connections: u32,
        /// Requests rendered at once [default: twice the cores].
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        max_in_flight: Option<u32>,
        /// Seconds a request waits for a render slot before a 503.
        #[arg(long, default_value = "5", value_parser = seconds)]
        queue_timeout: std::time::Duration,
        /// Seconds for a request's head to arrive (idle connections are closed after it).
        #[arg(long, default_value = "10", value_parser = seconds)]
        header_timeout: std::time::Duration,
        /// Seconds for a request's body to arrive, else 408.
        #[arg(long, default_value = "10", value_parser = seconds)]
        body_timeout: std::time::Duration,
        /// Seconds the requests under way get after SIGTERM before the service exits anyway.
        #[arg(long, default_value = "10", value_parser = seconds)]
        shutdown_deadline: std::time::Duration,
    },
    /// For a docs repository: read every page's request blocks (`blockType: request` with a
    /// `name`) and write each example's include files, reporting per page and example what
    /// was written and what could not be, with the reason; exit 1 when any failed.
    Docs {
        /// The spec [default: from sdkgen.toml, else spec].
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The configuration file [default: sdkgen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
        /// The pages (`api-reference/beta/api`): every `*.md` in it.
        #[arg(long)]
        pages: PathBuf,
        /// Where the include files go (`api-reference/beta/includes/snippets`): one
        /// `<language>/<name>-<language>-snippets.md` per example and language; only files
        /// sdkgen wrote are ever replaced.
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a starter sdkgen.toml and a one-action spec that generates cleanly.
    ///
    /// Nothing is overwritten: an existing sdkgen.toml or spec/ is an error (exit 4).
    Init {
        /// Where to write them.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum Import {
    /// Spec YAML from Graph's CSDL metadata (EDMX 4.0): the selected entity types, the
    /// actions bound to them with paths derived from the entity container, and every type
    /// they reach. Re-importing replaces only files the importer wrote; what the metadata
    /// cannot express is counted by reason (`--report` lists each element).
    Csdl {
        /// The metadata document (`v1.0-cleanMetadata.xml`).
        metadata: PathBuf,
        /// An entity type to import (`call`), repeatable; a pattern (`*`, `call*`,
        /// `*Operation`) selects every addressable entity type whose name it matches.
        #[arg(long, required_unless_present = "list")]
        select: Vec<String>,
        /// The spec directory to write into (`types/imported.yaml`, `actions/*.yaml`).
        #[arg(long, required_unless_present = "list")]
        out: Option<PathBuf>,
        /// List every element not imported with its reason (the summary counts them by reason).
        #[arg(long)]
        report: bool,
        /// Import only operations at a path matching this pattern, repeatable: segments
        /// with `*` and `?`, `**` for any number of them (`/communications/**`).
        #[arg(long = "include-path", value_name = "PATTERN")]
        include_path: Vec<String>,
        /// Leave out operations at a path matching this pattern, repeatable (`**/delete`).
        #[arg(long = "exclude-path", value_name = "PATTERN")]
        exclude_path: Vec<String>,
        /// Print what the import would write, replace, leave and remove; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// List the metadata's addressable entity types (those `--select` matches, if
        /// given) with their address and bound operations, and with `--select` every
        /// operation an import would make (path filters applied); import nothing.
        #[arg(long, conflicts_with_all = ["out", "dry_run", "report"])]
        list: bool,
    },
    /// The examples of a Graph reference page (its markdown, or the page's text as a
    /// browser copies it) as spec YAML: an `extensions:` file adding them to the
    /// operations they call, checked against the spec; a page that contradicts it is an
    /// error located in the page.
    Page {
        /// The page (`call-reject.md`).
        page: PathBuf,
        /// The spec the page's operation is in [default: from sdkgen.toml, else spec].
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The configuration file [default: sdkgen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
        /// The file to write (only over one an import wrote); stdout without it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum Export {
    /// The spec as an OpenAPI 3.1 document (JSON): operations, schemas with `allOf`
    /// inheritance and an `@odata.type` discriminator, enums, examples, permissions.
    Openapi {
        /// The spec: a directory of *.yaml files, or one file [default: from sdkgen.toml, else spec].
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The configuration file [default: sdkgen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
        /// The file to write [default: stdout]; a file there that sdkgen did not write is
        /// refused (exit 4).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Parses a registry id with clap, which then lists every id in `--help` and offers them
/// to the shell's completion (a plain function parser offers file names).
#[derive(Clone)]
struct Ids<T: 'static> {
    ids: fn() -> Vec<&'static str>,
    parse: fn(&str) -> Result<T, sdkgen::target::Unknown>,
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Ids<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &std::ffi::OsStr) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        (self.parse)(&text).map_err(|e| {
            let name = arg.map(|a| a.to_string()).unwrap_or_default();
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("invalid value for {name}: {e}\n")).with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new((self.ids)().into_iter().map(clap::builder::PossibleValue::new)))
    }
}

fn languages() -> Ids<Language> {
    Ids { ids: || Language::ALL.map(Language::id).to_vec(), parse: Language::parse }
}

fn style() -> Ids<Style> {
    Ids { ids: || Style::ALL.map(Style::id).to_vec(), parse: Style::parse }
}

fn styles() -> Ids<Styles> {
    Ids { ids: || Style::ALL.map(Style::id).into_iter().chain(["all"]).collect(), parse: parse_styles }
}

/// `--style`'s values: each generation's id, or `all`.
#[derive(Clone, Copy)]
enum Styles {
    One(Style),
    All,
}

fn parse_styles(s: &str) -> Result<Styles, sdkgen::target::Unknown> {
    if s == "all" {
        return Ok(Styles::All);
    }
    Style::parse(s).map(Styles::One).map_err(|mut e| {
        e.known.push_str(", all");
        e
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
    #[arg(long, value_delimiter = ',', value_parser = languages())]
    lang: Vec<Language>,
    /// Only the Rust client crate (with `--lang`, that and those snippets); every other
    /// file is left alone.
    #[arg(long)]
    rust: bool,
    /// Which SDK generation's snippets: the reference page's, today's, or both.
    #[arg(long, value_parser = styles())]
    style: Option<Styles>,
    /// Write into a directory that holds files sdkgen did not write; they are kept.
    #[arg(long)]
    force: bool,
}

impl Common {
    /// The configuration with these flags applied over it.
    fn settings(&self) -> Result<(Config, Selection), Exit> {
        let mut c = settings(self.config.as_ref(), self.spec.clone(), self.out.clone())?;
        if !self.lang.is_empty() {
            c.languages = self.lang.clone();
            c.languages.sort();
            c.languages.dedup();
        }
        match self.style {
            Some(Styles::One(style)) => c.styles = vec![style],
            Some(Styles::All) => c.styles = Style::ALL.to_vec(),
            None => {}
        }
        // The client comes with every file, or on its own with --rust; snippets narrowed
        // by flag or configuration leave it alone.
        let whole = Selection { languages: c.languages.clone(), styles: c.styles.clone(), client: true }.is_everything();
        if self.rust && self.lang.is_empty() {
            c.languages.clear();
        }
        let client = self.rust || whole;
        let selection = Selection { languages: c.languages.clone(), styles: c.styles.clone(), client };
        Ok((c, selection))
    }
}

/// A number of seconds (`2`, `0.5`), more than zero: a zero timeout would refuse everything.
fn seconds(s: &str) -> Result<std::time::Duration, String> {
    match s.parse::<f64>().ok().and_then(|f| std::time::Duration::try_from_secs_f64(f).ok()) {
        Some(d) if !d.is_zero() => Ok(d),
        _ => Err(format!("`{}` is not a number of seconds above 0", s.escape_debug())),
    }
}

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
    cli::set_quiet(cli.quiet);
    let exit = match cli.command {
        Command::Generate(c) => match c.settings() {
            Ok((cfg, selection)) => cli::generate(&cfg, &selection, c.force),
            Err(e) => e,
        },
        Command::Check(c) => match c.settings() {
            Ok((cfg, selection)) => cli::check(&cfg, &selection),
            Err(e) => e,
        },
        Command::Snippet { spec, config, example, http, lang, style } => match settings(config.as_ref(), spec, None) {
            Ok(cfg) => match (example, http) {
                (_, Some(http)) => cli::snippet_http(&cfg.spec, &http, lang, style),
                (Some(example), None) => cli::snippet(&cfg.spec, &example, lang, style),
                (None, None) => Exit::SpecError,
            },
            Err(e) => e,
        },
        Command::Export(Export::Openapi { spec, config, out }) => match settings(config.as_ref(), spec, None) {
            Ok(cfg) => cli::export_openapi(&cfg, out.as_deref()),
            Err(e) => e,
        },
        Command::Import { what: None, spec, config } => match settings(config.as_ref(), spec, None) {
            Ok(cfg) => cli::reimport(&cfg.spec),
            Err(e) => e,
        },
        Command::Import { what: Some(Import::Csdl { metadata, select, list: true, include_path, exclude_path, .. }), .. } => {
            cli::import_list(&metadata, &select, &sdkgen::import::PathFilter { include: include_path, exclude: exclude_path })
        }
        Command::Import { what: Some(Import::Csdl { metadata, select, out, report, dry_run, include_path, exclude_path, .. }), .. } => {
            match out {
                Some(out) => {
                    let filter = sdkgen::import::PathFilter { include: include_path, exclude: exclude_path };
                    cli::import_csdl(&metadata, &select, &filter, &out, report, dry_run)
                }
                // clap requires `--out` unless `--list`, which the arm above took.
                None => {
                    eprintln!("sdkgen: import csdl needs --out (or --list)");
                    Exit::SpecError
                }
            }
        }
        Command::Import { what: Some(Import::Page { page, spec, config, out }), .. } => match settings(config.as_ref(), spec, None) {
            Ok(cfg) => cli::import_page(&cfg.spec, &page, out.as_deref()),
            Err(e) => e,
        },
        Command::Serve {
            spec,
            config,
            addr,
            max_connections,
            max_in_flight,
            queue_timeout,
            header_timeout,
            body_timeout,
            shutdown_deadline,
        } => {
            let defaults = sdkgen::serve::Limits::default();
            let limits = sdkgen::serve::Limits {
                connections: max_connections as usize,
                in_flight: max_in_flight.map_or(defaults.in_flight, |n| n as usize),
                queue: queue_timeout,
                header_timeout,
                body_timeout,
                shutdown: shutdown_deadline,
            };
            match settings(config.as_ref(), spec, None) {
                Ok(cfg) => cli::serve(&cfg.spec, addr, limits),
                Err(e) => e,
            }
        }
        Command::Docs { spec, config, pages, out } => match settings(config.as_ref(), spec, None) {
            Ok(cfg) => cli::docs_pages(&cfg, &pages, &out),
            Err(e) => e,
        },
        Command::Init { dir } => cli::init(&dir),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "sdkgen", &mut std::io::stdout());
            Exit::Ok
        }
    };
    ExitCode::from(match exit {
        Exit::Ok => 0,
        Exit::Stale => 1,
        Exit::SpecError => 2,
        Exit::Io => 3,
        Exit::Refused => 4,
    })
}
