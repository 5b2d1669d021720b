//! What each subcommand does, as library functions the binary and the tests share.

use crate::config::Config;
use crate::diag::{eprint, escape_controls, located_in, shown_path};
use crate::emit::snippets::{self, ExampleView};
use crate::outdir::{self, OutError};
use crate::target::{Language, Style};
use crate::Selection;
use std::io::Write;
use std::path::Path;

/// How a command ended; the binary maps it to the documented exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Stale,
    SpecError,
    Io,
    /// Refused for safety: the output directory holds others' files, or would swallow
    /// the spec. Nothing was written.
    Refused,
}

/// `sdkgen --version`: the tool's version and the spec format it reads.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (spec format 1)");

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--quiet`: only errors are printed.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

/// A progress or summary line, unless `--quiet`.
fn note(text: &str) {
    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        eprint(text);
    }
}

fn print(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// `sdkgen generate`: validates first, so a spec error leaves `out` exactly as it was;
/// then replaces sdkgen's files in `out` in one atomic step (see [`crate::outdir`]).
pub fn generate(config: &Config, selection: &Selection, force: bool) -> Exit {
    let (spec, out) = (config.spec.as_path(), config.out.as_path());
    if let Err(e) = outdir::check_apart(spec, out) {
        return report_out_error(&e);
    }
    // A whole run whose inputs and output are as a previous run left them has nothing to
    // do (see `crate::stamp`).
    let inputs = if selection.is_everything() { crate::stamp::fingerprint(spec, &config.settings) } else { None };
    if let Some(n) = inputs.as_deref().and_then(|i| crate::stamp::current(out, i)) {
        note(&format!(
            "sdkgen: {n} files in {}: 0 written, 0 removed, {n} unchanged (inputs as last run; every file's hash checked)\n",
            shown_path(out)
        ));
        return Exit::Ok;
    }
    let model = match load_or_report(spec) {
        Ok(m) => m,
        Err(exit) => return exit,
    };
    let owns = |p: &str| selection.owns(p);
    let produce = |sink: &mut dyn crate::output::Sink| crate::generate_owned(model, selection, &config.settings, sink);
    match outdir::write_streamed(out, &outdir::WriteOptions { owns: &owns, force, mark: None }, produce) {
        Ok(report) => {
            let kept = if report.kept_foreign > 0 { format!(", {} of others' kept", report.kept_foreign) } else { String::new() };
            note(&format!(
                "sdkgen: {} files in {}: {} written, {} removed, {} unchanged{kept}\n",
                report.written + report.unchanged,
                shown_path(out),
                report.written,
                report.removed.len(),
                report.unchanged,
            ));
            if let Some(i) = &inputs {
                crate::stamp::record(out, i);
            }
            Exit::Ok
        }
        Err(e) => report_out_error(&e),
    }
}

fn report_out_error(e: &OutError) -> Exit {
    match e {
        OutError::Refused(_) => {
            eprint(&format!("sdkgen: {e}\n"));
            Exit::Refused
        }
        OutError::Io { .. } => {
            eprint(&format!("sdkgen: I/O error: {e}\n"));
            Exit::Io
        }
    }
}

fn load_or_report(spec: &Path) -> Result<crate::model::Model, Exit> {
    // Nothing there at all is no spec error: say where sdkgen looked and how to start.
    if std::fs::symlink_metadata(spec).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        eprint(&format!(
            "sdkgen: no spec at {}: nothing to generate from\n  help: start a project here with `sdkgen init`, or name the spec with `--spec PATH` (or its sdkgen.toml with `--config FILE`)\n",
            shown_path(spec)
        ));
        return Err(Exit::Io);
    }
    crate::modelcache::load(spec).map_err(|e| report_spec_errors(&e))
}

/// Prints spec (or configuration) errors; the exit status they mean (3 when a file
/// could not be read at all, 2 for invalid input).
pub fn report_spec_errors(e: &crate::diag::SpecErrors) -> Exit {
    eprint(&e.render());
    if e.io {
        Exit::Io
    } else {
        Exit::SpecError
    }
}

/// `sdkgen check`: writes nothing; prints a unified diff when `out` is stale. Only
/// sdkgen's own files are compared: others' files are neither stale nor touched. It always
/// renders the spec and compares, never taking the stamp's word ([`crate::stamp`]): it is
/// the proof CI relies on, and a stamp, a manifest and a tree edited together would agree
/// with one another while differing from the spec.
pub fn check(config: &Config, selection: &Selection) -> Exit {
    let (spec, out) = (config.spec.as_path(), config.out.as_path());
    let model = match load_or_report(spec) {
        Ok(m) => m,
        Err(exit) => return exit,
    };
    let cmd = &config.settings.regenerate;
    let owns = |p: &str| selection.owns(p);
    let produce = |sink: &mut dyn crate::output::Sink| crate::generate_owned(model, selection, &config.settings, sink);
    let report = match outdir::check_streamed(out, &owns, produce) {
        Ok(r) => r,
        Err(e) => return report_out_error(&e),
    };
    if report.diff.is_empty() {
        note(&format!("sdkgen: {} is up to date ({} files)\n", shown_path(out), report.files));
        Exit::Ok
    } else {
        print(&report.diff);
        eprint(&format!("sdkgen: {} is stale; run `{cmd}`\n", shown_path(out)));
        Exit::Stale
    }
}

/// `sdkgen export openapi`: the spec as OpenAPI 3.1 JSON, to `out` (only over a file
/// sdkgen wrote) or stdout.
pub fn export_openapi(config: &Config, out: Option<&Path>) -> Exit {
    let model = match load_or_report(&config.spec) {
        Ok(m) => m,
        Err(exit) => return exit,
    };
    let doc = crate::export::openapi::document(&model, &config.settings.regenerate);
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    match out {
        None => {
            print(&text);
            Exit::Ok
        }
        Some(path) => match crate::outdir::write_file(path, &text, crate::export::openapi::OWNER) {
            Ok(crate::outdir::FileWrite::Unchanged) => {
                note(&format!("sdkgen: {} is up to date\n", shown_path(path)));
                Exit::Ok
            }
            Ok(crate::outdir::FileWrite::Written) => {
                note(&format!("sdkgen: wrote {} ({} operations)\n", shown_path(path), model.actions.len()));
                Exit::Ok
            }
            Err(e) => report_out_error(&e),
        },
    }
}

/// A text input (metadata, a page, a request): a regular file of at most `cap` bytes, in
/// UTF-8; otherwise the reason is printed and the exit status returned.
fn read_text(path: &Path, cap: u64) -> Result<String, Exit> {
    match crate::spec::read_capped(path, cap).map(String::from_utf8) {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(_)) => {
            eprint(&format!("sdkgen: {} is not UTF-8 text\n", shown_path(path)));
            Err(Exit::SpecError)
        }
        Err(e) => {
            eprint(&format!("sdkgen: {e}\n"));
            Err(Exit::Io)
        }
    }
}

/// `sdkgen import csdl`: spec files from Graph's metadata into `out`, replacing only files
/// an import wrote; a report of what could not be expressed on stderr.
pub fn import_csdl(
    metadata: &Path,
    select: &[String],
    filter: &crate::import::PathFilter,
    out: &Path,
    report: bool,
    dry_run: bool,
) -> Exit {
    let text = match read_text(metadata, 256 << 20) {
        Ok(t) => t,
        Err(exit) => return exit,
    };
    let lock = match import_lock(metadata, &text, select, filter, out) {
        Ok(l) => l,
        Err(exit) => return exit,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let csdl = match crate::import::csdl::parse(text) {
        Ok(c) => c,
        Err(e) => {
            eprint(&format!("sdkgen: {}:{}: not CSDL: {}\n", shown_path(metadata), e.line, e.message));
            return Exit::SpecError;
        }
    };
    // Headers name the command that re-runs the import from its lock, never a machine's path.
    let mut import = match crate::import::import(&csdl, select, filter, "sdkgen import") {
        Ok(i) => i,
        Err(e) => {
            eprint(&format!("sdkgen: {e}\n"));
            return Exit::SpecError;
        }
    };
    let mut files: Vec<(String, String)> = std::mem::take(&mut import.files).into_iter().collect();
    if std::fs::symlink_metadata(out.join("api.yaml")).is_err() {
        files.push(("api.yaml".into(), crate::import::API.to_owned()));
    }

    let lock = (crate::import::lock::FILE.to_owned(), lock.text());
    // The import's files go through the output directory's writer, as `generate`'s do:
    // staged and swapped in whole, the spec's hand-written files kept, a link or another's
    // file where the import would write refused before anything changes.
    let opts = crate::outdir::WriteOptions { owns: &crate::import::replaceable, force: true, mark: Some(crate::import::MARK) };
    let plan = match crate::outdir::plan(out, &opts, files.iter().chain([&lock]).map(|(r, t)| (r.as_str(), t.as_str()))) {
        Ok(p) => p,
        Err(e) => return report_out_error(&e),
    };
    // The spec the import joins, validated whole before anything is written: a type that is
    // also hand-written, or another API version's `api.yaml`, is a located error.
    if let Err(exit) = check_joined(out, &files, &plan.removed) {
        return exit;
    }
    if dry_run {
        return print_import_plan(out, &plan);
    }
    let written = crate::outdir::write_streamed(out, &opts, |sink| {
        for (rel, text) in std::mem::take(&mut files).into_iter().chain([lock]) {
            sink.put(rel, text);
        }
    });
    let removed = match written {
        Ok(r) => r.removed,
        Err(e) => return report_out_error(&e),
    };
    for rel in &removed {
        eprint(&format!("sdkgen: removed {}: the previous import wrote it and this one does not\n", escape_controls(rel)));
    }
    print_import_summary(&import, plan.files.len(), out, report);
    Exit::Ok
}

/// The lock that lets `sdkgen import` run this again: the metadata by a path relative to
/// the spec directory and by hash, so it reads the same in every checkout.
fn import_lock(
    metadata: &Path,
    text: &str,
    select: &[String],
    filter: &crate::import::PathFilter,
    out: &Path,
) -> Result<crate::import::lock::Lock, Exit> {
    let Some(relative) = crate::import::lock::relative(out, metadata) else {
        eprint(&format!(
            "sdkgen: {} and {} share no root, so the import lock cannot name the metadata relative to the spec\n",
            shown_path(metadata),
            shown_path(out)
        ));
        return Err(Exit::Io);
    };
    use sha2::Digest;
    Ok(crate::import::lock::Lock {
        sdkgen: env!("CARGO_PKG_VERSION").to_owned(),
        metadata: relative,
        sha256: crate::manifest::hex(&sha2::Sha256::digest(text.as_bytes())),
        select: select.to_vec(),
        include: filter.include.clone(),
        exclude: filter.exclude.clone(),
    })
}

/// What an import left out, by reason (each one with `--report`), then what it wrote.
fn print_import_summary(import: &crate::import::Import, files: usize, out: &Path, report: bool) {
    if report {
        for s in &import.not_imported {
            // Both hold the metadata's names: no control character reaches the terminal.
            eprint(&format!("sdkgen: not imported: {}: {}\n", escape_controls(&s.element), escape_controls(&s.reason)));
        }
    }
    let groups = crate::import::by_reason(&import.not_imported);
    if !groups.is_empty() {
        let listed = if report { "each listed above" } else { "`--report` lists each" };
        let mut text = format!("sdkgen: {} elements not imported, by reason ({listed}):\n", import.not_imported.len());
        for (n, reason) in groups {
            text.push_str(&format!("  {n:>6}  {}\n", escape_controls(reason)));
        }
        note(&text);
    }
    note(&format!(
        "sdkgen: wrote {} files in {}: {} operations, {} types, {} enums; {} elements not imported{}\n",
        files,
        shown_path(out),
        import.operations,
        import.types,
        import.enums,
        import.not_imported.len(),
        if import.excluded > 0 { format!("; {} operations left out by the path filters", import.excluded) } else { String::new() }
    ));
}

/// What an import would do to `out`, one line per file on stdout (`new`, `replace`,
/// `same`, `remove`), for `import csdl --dry-run`; nothing is written.
fn print_import_plan(out: &Path, plan: &crate::outdir::Plan) -> Exit {
    use crate::outdir::Change;
    let mut text = String::new();
    let mut counts = [0usize; 4];
    for (rel, change) in &plan.files {
        let (word, i) = match change {
            Change::New => ("new", 0),
            Change::Replace => ("replace", 1),
            Change::Same => ("same", 2),
        };
        counts[i] += 1;
        // File names come from the metadata's names: no control character reaches the terminal.
        text.push_str(&format!("{word:<8} {}\n", escape_controls(rel)));
    }
    for rel in &plan.removed {
        counts[3] += 1;
        text.push_str(&format!("remove   {}\n", escape_controls(rel)));
    }
    print!("{text}");
    note(&format!(
        "sdkgen: dry run, nothing written: {} new, {} replaced, {} unchanged, {} removed in {}\n",
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        shown_path(out)
    ));
    Exit::Ok
}

/// `sdkgen import csdl METADATA --list`: what the metadata offers, before importing: each
/// addressable entity type (matching the `--select` patterns, when given) with its address
/// and the operations bound to it, one line each on stdout.
pub fn import_list(metadata: &Path, select: &[String], filter: &crate::import::PathFilter) -> Exit {
    let text = match read_text(metadata, 256 << 20) {
        Ok(t) => t,
        Err(exit) => return exit,
    };
    let csdl = match crate::import::csdl::parse(text.strip_prefix('\u{feff}').unwrap_or(&text)) {
        Ok(c) => c,
        Err(e) => {
            eprint(&format!("sdkgen: {}:{}: not CSDL: {}\n", shown_path(metadata), e.line, e.message));
            return Exit::SpecError;
        }
    };
    let rows = match crate::import::offered(&csdl, select) {
        Ok(r) => r,
        Err(e) => {
            eprint(&format!("sdkgen: {e}\n"));
            return Exit::SpecError;
        }
    };
    let shown = |s: &str| crate::diag::escape_controls(&crate::diag::clip(s));
    let width = rows.iter().map(|r| shown(&r.name).chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for r in &rows {
        // Names from the metadata, which may hold anything: no control character reaches the terminal.
        out.push_str(&format!("{:<width$}  {}  {} bound operation(s)\n", shown(&r.name), shown(&r.address), r.bound));
    }
    // With a selection, the operations an import of it would make, filters applied.
    let (mut operations, mut addresses) = (0, 0);
    if !select.is_empty() {
        match crate::import::import(&csdl, select, filter, "sdkgen import") {
            Ok(import) => {
                out.push_str("\noperations an import of this selection makes:\n");
                let mut planned = import.planned;
                planned.sort_by(|a, b| (&a.2, &a.1).cmp(&(&b.2, &b.1)));
                addresses = planned.len();
                operations = planned.iter().map(|(_, _, file)| file).collect::<std::collections::BTreeSet<_>>().len();
                for (method, path, _) in &planned {
                    out.push_str(&format!("  {method:<6} {}\n", shown(path)));
                }
            }
            Err(e) => {
                eprint(&format!("sdkgen: {e}\n"));
                return Exit::SpecError;
            }
        }
    }
    print!("{out}");
    let ops = if select.is_empty() { String::new() } else { format!("; {operations} operations at {addresses} addresses") };
    note(&format!("sdkgen: {} addressable entity types{ops}\n", rows.len()));
    Exit::Ok
}

/// `sdkgen import`: the import recorded in `spec`'s lock, run again with the same metadata
/// (found relative to the spec) and selection; a changed metadata document is imported and
/// said so, with both hashes.
pub fn reimport(spec: &Path) -> Exit {
    let lock_path = spec.join(crate::import::lock::FILE);
    let text = match std::fs::symlink_metadata(&lock_path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprint(&format!(
                "sdkgen: no import lock at {}: `sdkgen import csdl METADATA --select … --out {}` imports and writes one\n",
                shown_path(&lock_path),
                shown_path(spec)
            ));
            return Exit::SpecError;
        }
        _ => match read_text(&lock_path, 1 << 20) {
            Ok(t) => t,
            Err(exit) => return exit,
        },
    };
    let lock = match crate::import::lock::Lock::parse(&text) {
        Ok(l) => l,
        Err(e) => {
            eprint(&format!("sdkgen: {}: not an import lock: {e}\n", shown_path(&lock_path)));
            return Exit::SpecError;
        }
    };
    let metadata = spec.join(&lock.metadata);
    let now = match crate::outdir::read_regular(&metadata) {
        Ok(bytes) => {
            use sha2::Digest;
            crate::manifest::hex(&sha2::Sha256::digest(&bytes))
        }
        Err(e) => {
            eprint(&format!("sdkgen: cannot read {} (the lock's metadata): {e}\n", shown_path(&metadata)));
            return Exit::Io;
        }
    };
    if now != lock.sha256 {
        note(&format!(
            "sdkgen: {} changed since the lock (sha256 {} → {}): importing the new document\n",
            shown_path(&metadata),
            &lock.sha256[..12.min(lock.sha256.len())],
            &now[..12]
        ));
    }
    let filter = crate::import::PathFilter { include: lock.include.clone(), exclude: lock.exclude.clone() };
    import_csdl(&metadata, &lock.select, &filter, spec, false, false)
}

/// Validates the spec `out` would hold after writing `files` (and removing the earlier
/// import's files), in memory: errors are printed located, and nothing is written.
fn check_joined(out: &Path, files: &[(String, String)], removed: &[String]) -> Result<(), Exit> {
    // What this import writes replaces what is there, and the earlier import's files the
    // write removes go; the rest stay.
    let replaced: std::collections::BTreeSet<std::path::PathBuf> =
        files.iter().map(|(rel, _)| rel).chain(removed).map(|rel| out.join(rel)).collect();
    let replaced = |p: &Path| replaced.contains(p);
    let added: Vec<(std::path::PathBuf, String)> = files.iter().map(|(rel, text)| (out.join(rel), text.clone())).collect();
    let raw = crate::spec::load_joined(out, &replaced, &added).map_err(|e| report_spec_errors(&e))?;
    let version = raw.files.iter().find_map(|(id, f)| f.api.as_ref().map(|a| (*id, &a.value.version)));
    if let Some((id, v)) = version.filter(|(_, v)| v.value != "v1.0") {
        let pos = crate::spec::pos_of(id, &raw.sources.files[id].1, &v.referenced);
        let d = crate::diag::Diagnostic {
            pos: Some(pos),
            key: "api.version".into(),
            message: format!("this import is Graph v1.0's metadata, but the spec it joins is `{}`", v.value),
            label: "the spec's version".into(),
            help: Some("import into a spec directory of its own, or one whose api.yaml says `version: v1.0`".into()),
        };
        return Err(report_spec_errors(&crate::diag::SpecErrors { diagnostics: vec![d], sources: raw.sources, io: false }));
    }
    crate::validate::validate(raw).map(|_| ()).map_err(|e| report_spec_errors(&e))
}

/// `sdkgen import page`: a page's examples as an `extensions:` file, checked against the
/// spec as loaded, less the file it replaces, before anything is written.
pub fn import_page(spec: &Path, page: &Path, out: Option<&Path>) -> Exit {
    use crate::import::page;
    // The spec as it stands, but for the file this import replaces.
    let model = match crate::spec::load_without(spec, out).and_then(crate::validate::validate) {
        Ok(m) => m,
        Err(e) => return report_spec_errors(&e),
    };
    let text = match read_text(page, 32 << 20) {
        Ok(t) => t,
        Err(exit) => return exit,
    };
    let shown = shown_path(page);
    let located = |line: usize, column: usize, message: &str| located_in(&shown, &text, line, column, message);
    let stem = page.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "page".into());
    let stem: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let header = format!("{}; from {}. Do not edit; re-import the page.\n", page::MARK, crate::output::comment_safe(&shown_path(page)));
    let (yaml, origins) = match page::extension(&model, &text, &stem, &header) {
        Ok(x) => x,
        Err(e) => {
            eprint(&located(e.line, e.column, &e.message));
            return Exit::SpecError;
        }
    };
    for (line, note) in &origins.notes {
        eprint(&format!("sdkgen: note: {}:{line}: {note}\n", shown_path(page)));
    }
    if let Err(errors) = crate::validate::extend(model, &shown, &yaml) {
        for d in &errors.diagnostics {
            let (line, column) = page::locate(&text, &origins, &d.key).unwrap_or((1, 1));
            eprint(&located(line, column, &format!("{} (key {})", d.message, d.key)));
        }
        return Exit::SpecError;
    }
    match out {
        None => {
            print(&yaml);
            Exit::Ok
        }
        Some(path) => match crate::outdir::write_file(path, &yaml, page::MARK) {
            Ok(crate::outdir::FileWrite::Unchanged) => {
                note(&format!("sdkgen: {} is up to date\n", shown_path(path)));
                Exit::Ok
            }
            Ok(crate::outdir::FileWrite::Written) => {
                note(&format!("sdkgen: wrote {} ({} examples)\n", shown_path(path), origins.examples.len()));
                Exit::Ok
            }
            Err(e) => report_out_error(&e),
        },
    }
}

/// `sdkgen docs --pages`: include files for every named request block of every page in
/// `pages`, into `out`; a report line per example on stdout; `Stale` (exit 1) when any
/// example failed, so a docs CI fails.
pub fn docs_pages(config: &Config, pages: &Path, out: &Path) -> Exit {
    let model = match load_or_report(&config.spec) {
        Ok(m) => m,
        Err(exit) => return exit,
    };
    let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(pages) {
        Ok(entries) => entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect(),
        Err(e) => {
            eprint(&format!("sdkgen: cannot read {}: {e}\n", shown_path(pages)));
            return Exit::Io;
        }
    };
    files.sort();
    let cmd = &config.settings.regenerate;
    // One write for the whole run, as `generate`'s: staged and swapped in when complete, so
    // a refusal or an I/O error changes nothing. Others' files in `out` are kept (a docs
    // repository's includes hold Microsoft's); an example that would overwrite one fails
    // alone. Nothing is removed: one `out` may serve several page directories.
    let opts = outdir::WriteOptions { owns: &|_| false, force: true, mark: Some(crate::emit::docs::INCLUDE_MARK) };
    let mut writer = match outdir::Writer::open(out, &opts) {
        Ok(w) => w,
        Err(e) => return report_out_error(&e),
    };
    // The report, printed once the write has landed: a "wrote" line is then true.
    let mut report = PagesReport::default();
    // Each block name's first place: a second block of the name (in any letter case, `_`
    // for `-`) would overwrite the first's include files.
    let mut first_at: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for file in &files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = match crate::spec::read_capped(file, 32 << 20).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            _ => {
                report.fail(format!("{name}: failed: not a readable UTF-8 file\n"));
                continue;
            }
        };
        let examples = match crate::import::page::scan(&text) {
            Ok(e) => e,
            Err(e) => {
                report.fail(format!("{name}:{}:{}: failed: {}\n", e.line, e.column, e.message));
                continue;
            }
        };
        let named: Vec<_> = examples.into_iter().filter(|e| !e.ignored && e.name.is_some()).collect();
        if named.is_empty() {
            report.text.push_str(&format!("{name}: no request blocks\n"));
        }
        for ex in named {
            let example = ex.name.clone().unwrap_or_default();
            let at = format!("{name}:{}: {example}", ex.request.line);
            if !crate::validate::is_file_name(&example) {
                report.fail(format!("{at}: failed: the block name cannot be a file name\n"));
                continue;
            }
            let place = format!("{name}:{}", ex.request.line);
            if let Some(first) = first_at.get(&crate::model::include_stem(&example)) {
                report.fail(format!(
                    "{at}: failed: the block name is also used at {first}, and the two would write the same include files\n"
                ));
                continue;
            }
            first_at.insert(crate::model::include_stem(&example), place);
            let includes = match example_includes(&model, &ex, &example, cmd) {
                Ok(i) => i,
                Err(reason) => {
                    report.fail(format!("{at}: failed: {reason}\n"));
                    continue;
                }
            };
            if let Some((theirs, _)) = includes.iter().find(|(rel, _)| writer.is_foreign(rel)) {
                let shown = shown_path(&out.join(theirs));
                report.fail(format!("{at}: failed: {shown} exists and was not written by sdkgen; refusing to overwrite it\n"));
                continue;
            }
            let count = includes.len();
            for (rel, text) in includes {
                crate::output::Sink::put(&mut writer, rel, text);
            }
            report.text.push_str(&format!("{at}: wrote {count} include files\n"));
            report.written += 1;
        }
    }
    if let Err(e) = writer.finish() {
        return report_out_error(&e);
    }
    print(&report.text);
    note(&format!("sdkgen: {} pages, {} examples written, {} failed\n", files.len(), report.written, report.failed));
    if report.failed > 0 {
        Exit::Stale
    } else {
        Exit::Ok
    }
}

/// A page's example as its include files, one per language of today's tabs: (path under
/// `--out`, text); why not when the spec cannot describe it.
fn example_includes(
    model: &crate::model::Model,
    ex: &crate::import::page::PageExample,
    name: &str,
    cmd: &str,
) -> Result<Vec<(String, String)>, String> {
    let languages: Vec<Language> = Language::ALL.into_iter().filter(|l| *l != Language::Http && *l != Language::ObjC).collect();
    let snippets = crate::import::page::example_snippets(model, ex, &languages, Style::Current)?;
    Ok(snippets
        .iter()
        .map(|(language, code)| (crate::emit::docs::include_name(name, *language), crate::emit::docs::include_text(cmd, *language, code)))
        .collect())
}

/// `docs --pages`' report: a line per page or example, and the counts.
#[derive(Default)]
struct PagesReport {
    text: String,
    written: usize,
    failed: usize,
}

impl PagesReport {
    fn fail(&mut self, line: String) {
        self.text.push_str(&line);
        self.failed += 1;
    }
}

/// `sdkgen serve`: the spec loaded once, then snippets over HTTP until SIGTERM/SIGINT.
pub fn serve(spec: &Path, addr: std::net::SocketAddr, limits: crate::serve::Limits) -> Exit {
    let model = match load_or_report(spec) {
        Ok(m) => m,
        Err(exit) => return exit,
    };
    crate::serve::purge_freed_memory_at_once();
    // Renders run on blocking threads, at most `in_flight` at once (each waits for a slot
    // first); a thread idle for a second ends, and its heap's memory goes back with it.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(limits.in_flight)
        .thread_keep_alive(std::time::Duration::from_secs(1))
        .on_thread_park(crate::serve::collect_when_idle)
        .build();
    let runtime = match runtime {
        Ok(r) => r,
        Err(e) => {
            eprint(&format!("sdkgen: cannot start the service: {e}\n"));
            return Exit::Io;
        }
    };
    let operations = model.actions.len();
    let served = runtime.block_on(crate::serve::run(model, addr, limits, |at| {
        // Always printed (even with --quiet): callers read the port from it.
        eprintln!("sdkgen: serving {operations} operations on http://{at}/ (POST /?lang=…, Content-Type: application/http)");
    }));
    match served {
        Ok(()) => {
            note("sdkgen: stopped\n");
            Exit::Ok
        }
        Err(e) => {
            eprint(&format!("sdkgen: cannot serve on {addr}: {e}\n"));
            Exit::Io
        }
    }
}

/// `sdkgen snippet --http`: the snippet for a raw HTTP request as a docs page prints it,
/// resolved against the spec (its operation, path values, body typed by the model).
pub fn snippet_http(spec: &Path, http: &Path, language: Language, style: Style) -> Exit {
    use std::io::Read;
    let model = match load_or_report(spec) {
        Ok(m) => m,
        Err(exit) => return exit,
    };
    let (shown, text) = if http.as_os_str() == "-" {
        let mut t = String::new();
        if let Err(e) = std::io::stdin().take(1 << 20).read_to_string(&mut t) {
            eprint(&format!("sdkgen: cannot read the request from stdin: {e}\n"));
            return Exit::Io;
        }
        ("<stdin>".to_owned(), t)
    } else {
        match read_text(http, 1 << 20) {
            Ok(t) => (shown_path(http), t),
            Err(exit) => return exit,
        }
    };
    match crate::import::page::request_snippet(&model, &text, language, style) {
        Ok(code) => {
            print(&code);
            Exit::Ok
        }
        Err(errors) => {
            for e in errors {
                eprint(&located_in(&shown, &text, e.line, e.column, &e.message));
            }
            Exit::SpecError
        }
    }
}

/// `sdkgen snippet`: one snippet's code on stdout, without the file header.
pub fn snippet(spec: &Path, example: &str, language: Language, style: Style) -> Exit {
    let model = match load_or_report(spec) {
        Ok(m) => m,
        Err(exit) => return exit,
    };
    for action in &model.actions {
        if let Some(ex) = action.examples.iter().find(|e| e.name == example) {
            let view = ExampleView::new(&model, action, ex);
            print(&snippets::render(&view, language, style));
            return Exit::Ok;
        }
    }
    let known: Vec<&str> = model.actions.iter().flat_map(|a| a.examples.iter().map(|e| e.name.as_str())).collect();
    eprint(&format!("sdkgen: no example named `{example}`; the spec has: {}\n", known.join(", ")));
    Exit::SpecError
}

/// The one-action spec `sdkgen init` writes: `call: reject` with one example and only
/// the two types it needs (the shipped spec's type file is the whole call family's).
const STARTER_SPEC: [(&str, &str); 3] = [
    ("spec/api.yaml", include_str!("../starter/api.yaml")),
    ("spec/types/call.yaml", include_str!("../starter/types.yaml")),
    ("spec/actions/call-reject.yaml", include_str!("../starter/call-reject.yaml")),
];

/// `sdkgen init`: a starter `sdkgen.toml` and spec in `dir`; never overwrites anything.
pub fn init(dir: &Path) -> Exit {
    let config = crate::config::starter();
    let mut files = vec![(crate::config::FILE, config.as_str())];
    files.extend(STARTER_SPEC);
    for (rel, _) in &files {
        let path = dir.join(rel);
        if std::fs::symlink_metadata(&path).is_ok() {
            eprint(&format!("sdkgen: {} exists; init writes only into a directory without sdkgen.toml or spec/\n", shown_path(&path)));
            return Exit::Refused;
        }
    }
    for (rel, text) in files {
        let path = dir.join(rel);
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| {
            std::fs::OpenOptions::new().write(true).create_new(true).open(&path).and_then(|mut f| f.write_all(text.as_bytes()))
        });
        if let Err(e) = written {
            eprint(&format!("sdkgen: I/O error: {}: {e}\n", shown_path(&path)));
            return Exit::Io;
        }
    }
    note(&format!(
        "sdkgen: wrote {} and a one-action spec in {}; run `sdkgen generate` there\n",
        crate::config::FILE,
        shown_path(&dir.join("spec"))
    ));
    Exit::Ok
}
