//! The output directory, handled so that a run never loses a file it did not write.
//!
//! A run (1) takes a lock beside the directory, (2) reads what is there without
//! following links, sorting entries into sdkgen's own files (named by the previous
//! manifest or headed by sdkgen's header) and everything else, (3) refuses a directory
//! holding anything else unless forced, and then keeps those files, (4) takes the new
//! files as they are made ([`Writer`], a [`Sink`]): while each is the same as on disk
//! nothing is written; from the first change on, it builds the new tree in a sibling
//! staging directory (unchanged and kept files hard-linked, changed ones written) and
//! (5) swaps it in with one atomic `renameat2(RENAME_EXCHANGE)`, so a run killed at any
//! moment leaves the previous complete tree or the new one. A directory that cannot be
//! renamed (a mount point) has its tree built inside it and each top-level entry swapped
//! in by one exchange (`swap_entries`). Only paths are held in memory, never the tree's
//! contents. `generate`, both importers and `docs --pages` write through it; which files
//! are sdkgen's is [`WriteOptions::mark`]. A command whose output is one file
//! (`export openapi`, `import page`) writes it with [`write_file`], under the same lock,
//! ownership test and staging names.

mod file;
mod swap;

use crate::output::{Sink, Tree};
pub use file::{write_file, FileWrite};
use std::collections::{BTreeSet, HashSet};
use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use swap::{inner_staging_name, is_inner_staging, is_mount_point, remove_leftovers, staging_name, swap_entries, swap_in};

/// How many foreign paths a refusal lists before saying "and N more".
const LISTED: usize = 10;

/// Why a run could not write the output directory.
#[derive(Debug)]
pub enum OutError {
    /// Refused for safety (the directory holds other files, or would swallow the spec);
    /// nothing was written.
    Refused(String),
    /// An I/O error on a named path; nothing was changed when it happened before the swap.
    Io { path: PathBuf, error: io::Error },
}

impl fmt::Display for OutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutError::Refused(why) => f.write_str(why),
            OutError::Io { path, error } => write!(f, "{}: {error}", crate::diag::shown_path(path)),
        }
    }
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> OutError + '_ {
    move |error| OutError::Io { path: path.to_path_buf(), error }
}

/// What is in an output directory, read without following any link.
#[derive(Debug, Default)]
pub struct Scan {
    /// sdkgen's own regular files (read when compared, never held).
    pub ours: BTreeSet<String>,
    /// Everything else (files, links, sockets, FIFOs), by relative path.
    pub foreign: BTreeSet<String>,
    /// Every directory, relative (the root excluded).
    pub dirs: BTreeSet<String>,
    /// Files of Cargo's lock and target directory from building the generated crate in
    /// place: kept like others' files, but no reason to refuse the directory.
    pub build_outputs: BTreeSet<String>,
}

/// `rust/Cargo.lock` and what is under `rust/target/`: what `cargo build` leaves in a
/// generated crate.
fn build_output(rel: &str) -> bool {
    let dir = crate::layout::RUST_DIR;
    rel.strip_prefix(dir).and_then(|r| r.strip_prefix('/')).is_some_and(|r| r == "Cargo.lock" || r.starts_with("target/"))
}

/// Reads `root` (nothing when it does not exist) as `generate` owns it. Symbolic links are
/// never followed and never read; special files are never opened, so a FIFO cannot block a
/// run.
pub fn scan(root: &Path) -> Result<Scan, OutError> {
    scan_owned(root, None)
}

/// [`scan`] for a command whose files carry `mark` at [`crate::export::owned`]'s fixed
/// place (`None`: `generate`'s headers and manifest).
fn scan_owned(root: &Path, mark: Option<&str>) -> Result<Scan, OutError> {
    let mut scan = Scan::default();
    match fs::symlink_metadata(root) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(scan),
        Err(e) => return Err(io_at(root)(e)),
        Ok(m) if !m.is_dir() => return Err(OutError::Refused(format!("{} exists and is not a directory", crate::diag::shown_path(root)))),
        Ok(_) => {}
    }
    let listed = if mark.is_none() { previous_manifest(root) } else { BTreeSet::new() };
    let mut stack = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel_dir)) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(io_at(&dir))? {
            let entry = entry.map_err(io_at(&dir))?;
            let path = entry.path();
            let name = entry.file_name();
            let rel = if rel_dir.is_empty() { lossy(&name) } else { format!("{rel_dir}/{}", lossy(&name)) };
            let kind = entry.file_type().map_err(io_at(&path))?;
            if rel_dir.is_empty() && is_inner_staging(&name) {
                // An in-place run's staging directory (a mount point's), never part of the tree.
                continue;
            }
            if kind.is_dir() {
                scan.dirs.insert(rel.clone());
                stack.push((path, rel));
            } else if build_output(&rel) {
                // Cargo's own files from building the crate in place: kept, not refused.
                scan.build_outputs.insert(rel);
            } else if kind.is_file() && name.to_str().is_some() {
                let ours = match mark {
                    None => is_ours(&path, listed.contains(&rel))? || is_headerless_copy(&path, &rel)?,
                    Some(mark) => is_marked(&path, mark)?,
                };
                if ours {
                    scan.ours.insert(rel);
                } else {
                    scan.foreign.insert(rel);
                }
            } else {
                scan.foreign.insert(rel);
            }
        }
    }
    Ok(scan)
}

/// Whether a regular file carries `mark` at its fixed place; only its first 4 KiB are read.
fn is_marked(path: &Path, mark: &str) -> Result<bool, OutError> {
    let mut file = File::open(path).map_err(io_at(path))?;
    let mut head = [0u8; 4096];
    let n = read_up_to(&mut file, &mut head).map_err(io_at(path))?;
    Ok(crate::export::owned(&String::from_utf8_lossy(&head[..n]), mark))
}

fn lossy(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
}

/// The paths the previous run's manifest lists; empty when there is none or it is not
/// sdkgen's.
fn previous_manifest(root: &Path) -> BTreeSet<String> {
    let path = root.join(crate::manifest::PATH);
    let Ok(meta) = fs::symlink_metadata(&path) else { return BTreeSet::new() };
    if !meta.is_file() || meta.len() > MAX_MANIFEST_BYTES {
        return BTreeSet::new();
    }
    let Some(listed) = read_regular(&path).ok().and_then(|b| crate::manifest::read_listing(&b)) else { return BTreeSet::new() };
    let mut set: BTreeSet<String> = listed.files.into_iter().map(|f| f.path).collect();
    set.insert(crate::manifest::PATH.to_owned());
    set
}

/// Whether a regular file is sdkgen's: listed by the manifest (and sdkgen's manifest
/// itself) or starting with sdkgen's header. Only its first bytes are read.
fn is_ours(path: &Path, listed: bool) -> Result<bool, OutError> {
    if listed {
        return Ok(true);
    }
    let mut file = File::open(path).map_err(io_at(path))?;
    let mut head = [0u8; 512];
    let n = read_up_to(&mut file, &mut head).map_err(io_at(path))?;
    let head = &head[..n];
    // The header is the first line, or follows `---` (front matter) or `<!DOCTYPE html>`.
    let headed = head.split(|b| *b == b'\n').take(3).any(is_header);
    let manifest = path.file_name() == Some(std::ffi::OsStr::new(crate::manifest::PATH))
        && head.windows(24).any(|w| w == br#""generatedBy": "sdkgen","#);
    Ok(headed || manifest)
}

/// Whether `line` is a header sdkgen writes: in one of the registry's comment syntaxes,
/// its mark right after the comment opens. One of a file's first lines is, which is how a
/// file is recognised as sdkgen's when no manifest names it.
fn is_header(line: &[u8]) -> bool {
    crate::target::CommentSyntax::ALL
        .iter()
        .any(|s| line.strip_prefix(s.open().as_bytes()).is_some_and(|rest| rest.starts_with(crate::output::MARK.as_bytes())))
}

/// Whether the file is sdkgen's header-less file at its place, byte for byte: replacing
/// it with the same bytes loses nothing.
fn is_headerless_copy(path: &Path, rel: &str) -> Result<bool, OutError> {
    let (place, text) = crate::emit::rust::HEADERLESS;
    if rel != place || fs::symlink_metadata(path).map_err(io_at(path))?.len() != text.len() as u64 {
        return Ok(false);
    }
    Ok(read_regular(path).map_err(io_at(path))? == text.as_bytes())
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// What a write did.
#[derive(Debug, Default)]
pub struct WriteReport {
    /// How many files were written (new or changed); a large spec's list would be long.
    pub written: usize,
    pub removed: Vec<String>,
    pub unchanged: usize,
    /// Files sdkgen did not write that were kept (only with `force`).
    pub kept_foreign: usize,
}

/// Options of one write.
pub struct WriteOptions<'a> {
    /// Which of sdkgen's files this run may write or remove (a narrowed run owns fewer).
    pub owns: &'a (dyn Fn(&str) -> bool + Sync),
    /// Write even though the directory holds files sdkgen did not write (they are kept).
    pub force: bool,
    /// Whose files are sdkgen's: `None` for `generate`'s (its header in any comment syntax,
    /// or its manifest's listing); `Some(mark)` for a command whose files carry `mark` at
    /// [`crate::export::owned`]'s fixed place (the importers', `docs --pages`').
    pub mark: Option<&'a str>,
}

/// Makes sdkgen's files in `out` exactly `tree` (within `owns`), atomically: see the
/// module's documentation. Every path of `tree` must be a safe relative path.
pub fn write(out: &Path, tree: &Tree, opts: &WriteOptions) -> Result<WriteReport, OutError> {
    write_streamed(out, opts, |sink| {
        for (path, text) in tree {
            sink.put(path.clone(), text.clone());
        }
    })
}

/// Makes sdkgen's files in `out` exactly what `produce` makes (within `owns`), as
/// [`write()`] does, writing each file while the next is being made.
pub fn write_streamed(out: &Path, opts: &WriteOptions, produce: impl FnOnce(&mut dyn Sink)) -> Result<WriteReport, OutError> {
    let writer = Writer::open(out, opts)?;
    pipe(writer, produce).finish()
}

/// What a write of `files` into `out` would do to each path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Replace,
    Same,
}

/// What a write would do, decided from the same reading of `out` a write makes.
#[derive(Debug, Default)]
pub struct Plan {
    /// Each file put, in the order given.
    pub files: Vec<(String, Change)>,
    /// sdkgen's files (within `owns`) the write would remove, sorted.
    pub removed: Vec<String>,
}

/// What [`write()`] would do with `files` in `out`, or the refusal it would end in, with
/// nothing written: a dry run's report, and the check a command makes before its slower
/// work.
pub fn plan<'t>(out: &Path, opts: &WriteOptions, files: impl IntoIterator<Item = (&'t str, &'t str)>) -> Result<Plan, OutError> {
    let (parent, name) = split_out(out)?;
    let target = parent.join(&name);
    let _lock = if parent.exists() { Some(lock(&parent, false)?) } else { None };
    let scan = scan_owned(&target, opts.mark)?;
    refuse_unforced(&target, &scan, opts)?;
    let mut plan = Plan::default();
    let mut clashes = BTreeSet::new();
    let mut seen = HashSet::new();
    for (rel, text) in files {
        check_relative(rel)?;
        if let Some(clash) = scan.clash(rel) {
            clashes.insert(clash.to_owned());
            continue;
        }
        seen.insert(rel);
        let change = if !scan.ours.contains(rel) {
            Change::New
        } else if read_regular(&target.join(rel)).is_ok_and(|bytes| bytes == text.as_bytes()) {
            Change::Same
        } else {
            Change::Replace
        };
        plan.files.push((rel.to_owned(), change));
    }
    refuse_clashes(&target, &clashes)?;
    plan.removed = scan.ours.iter().filter(|k| (opts.owns)(k) && !seen.contains(k.as_str())).cloned().collect();
    Ok(plan)
}

/// Runs `produce` on this thread and hands what it makes to `sink` on another, so making
/// files and writing them use two cores; the sink comes back once everything is in it.
pub fn pipe<S: Sink + Send>(mut sink: S, produce: impl FnOnce(&mut dyn Sink)) -> S {
    struct Channel(std::sync::mpsc::SyncSender<(String, String)>);
    impl Sink for Channel {
        fn put(&mut self, path: String, text: String) {
            // The receiver only goes away when its thread panicked; join reports that.
            let _ = self.0.send((path, text));
        }
    }
    let (tx, rx) = std::sync::mpsc::sync_channel::<(String, String)>(256);
    std::thread::scope(|scope| {
        let consumer = scope.spawn(move || {
            for (path, text) in rx {
                sink.put(path, text);
            }
            sink
        });
        produce(&mut Channel(tx));
        consumer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The output directory being rewritten, file by file: see the module's documentation.
/// The first error stops all writing; [`Writer::finish`] reports it.
pub struct Writer<'a> {
    opts: &'a WriteOptions<'a>,
    _lock: Lock,
    target: PathBuf,
    staging: PathBuf,
    /// Whether `staging` lies inside `target` (a mount point, which cannot be renamed).
    in_place: bool,
    /// Whether `staging` exists: only once a file differs, or at the end when removals
    /// need a new tree.
    staging_made: bool,
    scan: Scan,
    /// The paths put so far that were sdkgen's before (the others are new): what is
    /// left of sdkgen's old files at the end is removed.
    seen_ours: HashSet<String>,
    /// The directories new files went into, for telling which old ones were emptied.
    new_dirs: HashSet<String>,
    /// Files found unchanged before the staging directory existed: linked when it is made.
    unchanged_early: Vec<String>,
    /// Directories made in staging, so each costs one `mkdir`.
    made_dirs: HashSet<String>,
    /// Others' files where this run would write its own (refused at the end).
    clashes: BTreeSet<String>,
    report: WriteReport,
    error: Option<OutError>,
}

impl<'a> Writer<'a> {
    /// Locks and reads `out`; refuses a directory holding others' files unless forced.
    pub fn open(out: &Path, opts: &'a WriteOptions<'a>) -> Result<Self, OutError> {
        let (parent, name) = split_out(out)?;
        let in_place = is_mount_point(&parent, &parent.join(&name));
        Self::open_at(parent, name, opts, in_place)
    }

    /// [`Writer::open`], building the new tree inside `out` when `in_place` (see
    /// [`swap_entries`]), beside it otherwise.
    fn open_at(parent: PathBuf, name: OsString, opts: &'a WriteOptions<'a>, in_place: bool) -> Result<Self, OutError> {
        fs::create_dir_all(&parent).map_err(io_at(&parent))?;
        let lock = lock(&parent, true)?;
        let target = parent.join(&name);
        remove_leftovers(&parent, &name, &target)?;
        let scan = scan_owned(&target, opts.mark)?;
        refuse_unforced(&target, &scan, opts)?;
        let report = WriteReport { kept_foreign: scan.foreign.len(), ..WriteReport::default() };
        Ok(Writer {
            opts,
            _lock: lock,
            staging: if in_place { target.join(inner_staging_name()) } else { parent.join(staging_name(&name)) },
            in_place,
            target,
            staging_made: false,
            scan,
            seen_ours: HashSet::new(),
            new_dirs: HashSet::new(),
            unchanged_early: Vec::new(),
            made_dirs: HashSet::new(),
            clashes: BTreeSet::new(),
            report,
            error: None,
        })
    }

    /// Whether putting `rel` would clash with a file sdkgen did not write (at `rel`, or where
    /// a directory holding it goes): for a command that skips such a file and goes on,
    /// where a clash would otherwise refuse the whole write.
    pub fn is_foreign(&self, rel: &str) -> bool {
        self.scan.clash(rel).is_some()
    }

    fn put_file(&mut self, rel: String, text: &str) -> Result<(), OutError> {
        check_relative(&rel)?;
        let was_ours = self.scan.ours.contains(&rel);
        // A new path put twice fails at `create_new` below.
        if was_ours && !self.seen_ours.insert(rel.clone()) {
            return Err(OutError::Refused(format!("internal error: {rel} was generated twice; nothing was written")));
        }
        if let Some((dir, _)) = rel.rsplit_once('/') {
            if !self.new_dirs.contains(dir) {
                self.new_dirs.insert(dir.to_owned());
            }
        }
        if let Some(clash) = self.scan.clash(&rel) {
            self.clashes.insert(clash.to_owned());
        }
        if !self.clashes.is_empty() {
            return Ok(());
        }
        let old = self.target.join(&rel);
        let unchanged = was_ours && read_regular(&old).is_ok_and(|bytes| bytes == text.as_bytes());
        if unchanged {
            self.report.unchanged += 1;
            if self.staging_made {
                self.link(&rel)?;
            } else {
                self.unchanged_early.push(rel);
            }
            return Ok(());
        }
        self.make_staging()?;
        let path = self.staging.join(&rel);
        self.make_parent(&rel)?;
        // `create_new`: a path in staging is never written through (it could be a link
        // into the live tree).
        let mut f = fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(io_at(&path))?;
        io::Write::write_all(&mut f, text.as_bytes()).map_err(io_at(&path))?;
        self.report.written += 1;
        Ok(())
    }

    /// Makes the staging directory, with the files found unchanged so far linked in.
    fn make_staging(&mut self) -> Result<(), OutError> {
        if self.staging_made {
            return Ok(());
        }
        fs::create_dir(&self.staging).map_err(io_at(&self.staging))?;
        self.staging_made = true;
        if let Ok(meta) = fs::metadata(&self.target) {
            let _ = fs::set_permissions(&self.staging, meta.permissions());
        }
        for rel in std::mem::take(&mut self.unchanged_early) {
            self.link(&rel)?;
        }
        Ok(())
    }

    /// Hard-links the live tree's `rel` into staging.
    fn link(&mut self, rel: &str) -> Result<(), OutError> {
        self.make_parent(rel)?;
        let (from, to) = (self.target.join(rel), self.staging.join(rel));
        fs::hard_link(&from, &to).map_err(io_at(&from))
    }

    fn make_parent(&mut self, rel: &str) -> Result<(), OutError> {
        match rel.rsplit_once('/') {
            Some((dir, _)) => self.make_dir(dir),
            None => Ok(()),
        }
    }

    fn make_dir(&mut self, dir: &str) -> Result<(), OutError> {
        if self.made_dirs.contains(dir) {
            return Ok(());
        }
        let path = self.staging.join(dir);
        fs::create_dir_all(&path).map_err(io_at(&path))?;
        for d in std::iter::once(dir).chain(ancestors(dir)) {
            self.made_dirs.insert(d.to_owned());
        }
        Ok(())
    }

    /// Completes the new tree (kept files linked, sdkgen's dropped files left out) and
    /// swaps it in; on any error, or a clash with others' files, nothing has changed.
    pub fn finish(mut self) -> Result<WriteReport, OutError> {
        let result = self.complete();
        if result.is_err() && self.staging_made {
            let _ = fs::remove_dir_all(&self.staging);
        }
        result
    }

    fn complete(&mut self) -> Result<WriteReport, OutError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        refuse_clashes(&self.target, &self.clashes)?;
        let removed: BTreeSet<String> =
            self.scan.ours.iter().filter(|k| (self.opts.owns)(k) && !self.seen_ours.contains(*k)).cloned().collect();
        self.report.removed = removed.iter().cloned().collect();
        if !self.staging_made && removed.is_empty() {
            return Ok(std::mem::take(&mut self.report));
        }
        self.make_staging()?;
        let emptied = emptied_dirs(&self.scan, &self.new_dirs, &removed);
        let dirs: Vec<String> = self.scan.dirs.iter().filter(|d| !emptied.contains(*d)).cloned().collect();
        for dir in dirs {
            self.make_dir(&dir)?;
        }
        let scan = std::mem::take(&mut self.scan);
        let kept: Vec<&String> = scan.ours.iter().filter(|k| !removed.contains(*k) && !self.seen_ours.contains(*k)).collect();
        for rel in scan.foreign.iter().chain(&scan.build_outputs).chain(kept) {
            self.link(rel)?;
        }
        if self.in_place {
            swap_entries(&self.staging, &self.target)?;
        } else {
            swap_in(&self.staging, &self.target)?;
        }
        self.staging_made = false;
        Ok(std::mem::take(&mut self.report))
    }
}

impl Sink for Writer<'_> {
    fn put(&mut self, path: String, text: String) {
        if self.error.is_none() {
            if let Err(e) = self.put_file(path, &text) {
                self.error = Some(e);
            }
        }
    }
}

/// The directories `rel` lies in, innermost first (`a/b/c` → `a/b`, `a`).
fn ancestors(rel: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(rel.rsplit_once('/').map(|(d, _)| d), |d| d.rsplit_once('/').map(|(p, _)| p))
}

/// Directories that held only removed files (directly or below): the new tree drops them.
/// `new_dirs` are the directories new files went into.
fn emptied_dirs(scan: &Scan, new_dirs: &HashSet<String>, removed: &BTreeSet<String>) -> BTreeSet<String> {
    let survivors = scan.foreign.iter().chain(&scan.build_outputs).chain(scan.ours.iter().filter(|k| !removed.contains(*k)));
    let mut live: HashSet<&str> = survivors.flat_map(|rel| ancestors(rel)).collect();
    live.extend(new_dirs.iter().flat_map(|d| std::iter::once(d.as_str()).chain(ancestors(d))));
    let had_removed: BTreeSet<&str> = removed.iter().flat_map(|rel| ancestors(rel)).collect();
    had_removed.into_iter().filter(|d| !live.contains(d)).map(str::to_owned).collect()
}

/// The output directory as (its parent, its name), absolute. A link the user named as the
/// output directory is resolved, so the swap replaces the real directory, not the link.
fn split_out(out: &Path) -> Result<(PathBuf, OsString), OutError> {
    let out = if fs::symlink_metadata(out).map(|m| m.file_type().is_symlink()).unwrap_or(false) {
        fs::canonicalize(out).map_err(io_at(out))?
    } else {
        std::path::absolute(out).map_err(io_at(out))?
    };
    let out = normalise(&out);
    match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) => Ok((parent.to_path_buf(), name.to_os_string())),
        _ => Err(OutError::Refused(format!("{} cannot be an output directory", crate::diag::shown_path(&out)))),
    }
}

/// `a/./b/../c` → `a/c`, lexically (the path may not exist yet).
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Every generated path is relative, uses `/`, and has only plain components: it cannot
/// leave the output directory. The spec's names were validated before; this is the last
/// check before anything touches the disk.
fn check_relative(rel: &str) -> Result<(), OutError> {
    let ok = !rel.is_empty()
        && !rel.starts_with('/')
        && rel.split('/').all(|c| !c.is_empty() && c != "." && c != ".." && !c.contains('\\') && !c.chars().any(char::is_control));
    if !ok {
        return Err(OutError::Refused(format!(
            "internal error: generated path {:?} would leave the output directory; nothing was written",
            crate::diag::clip(rel)
        )));
    }
    match rel.split('/').find(|c| c.len() > NAME_MAX) {
        Some(long) => Err(OutError::Refused(format!(
            "a file name of {} bytes ({}…) is longer than file systems allow ({NAME_MAX}); nothing was written",
            long.len(),
            crate::diag::escape_controls(&long.chars().take(40).collect::<String>())
        ))),
        None => Ok(()),
    }
}

/// The longest file name (one path component, in bytes) Linux, macOS and Windows file
/// systems all take.
pub const NAME_MAX: usize = 255;

impl Scan {
    /// The foreign entry where `rel` goes, or where a directory holding it goes: a clash
    /// that refuses the write (or, for `docs --pages`, the example).
    fn clash<'r>(&self, rel: &'r str) -> Option<&'r str> {
        if self.foreign.is_empty() {
            return None;
        }
        std::iter::once(rel).chain(ancestors(rel)).find(|p| self.foreign.contains(*p))
    }
}

/// A directory holding others' files is refused unless the run is forced.
fn refuse_unforced(target: &Path, scan: &Scan, opts: &WriteOptions) -> Result<(), OutError> {
    if scan.foreign.is_empty() || opts.force {
        return Ok(());
    }
    let advice = "use an empty or sdkgen-only directory, or pass --force to write anyway (those files are kept)";
    Err(OutError::Refused(refusal(target, &scan.foreign, "", advice)))
}

/// Others' files where the run would write its own are refused, forced or not.
fn refuse_clashes(target: &Path, clashes: &BTreeSet<String>) -> Result<(), OutError> {
    if clashes.is_empty() {
        return Ok(());
    }
    let advice = "move or delete them first: sdkgen never overwrites a file it did not write, even with --force";
    Err(OutError::Refused(refusal(target, clashes, " where it would write its own", advice)))
}

/// "`out` holds N file(s) sdkgen did not write`place`; …", the first of them listed, then `advice`.
fn refusal(out: &Path, foreign: &BTreeSet<String>, place: &str, advice: &str) -> String {
    let mut msg = format!(
        "{} holds {} file(s) sdkgen did not write{place}; refusing to write there (nothing was changed):\n",
        crate::diag::shown_path(out),
        foreign.len()
    );
    for f in foreign.iter().take(LISTED) {
        msg.push_str(&format!("  {}\n", crate::diag::escape_controls(f)));
    }
    if foreign.len() > LISTED {
        msg.push_str(&format!("  … and {} more\n", foreign.len() - LISTED));
    }
    msg.push_str(advice);
    msg
}

/// Holds the lock on a directory until dropped.
pub struct Lock(#[allow(dead_code)] File);

/// Locks `dir` (the output directory's parent, which outlives the swap): exclusively for
/// a writer, shared for a reader. A second writer waits and says so.
pub fn lock(dir: &Path, exclusive: bool) -> Result<Lock, OutError> {
    let f = File::open(dir).map_err(io_at(dir))?;
    let first = if exclusive { f.try_lock() } else { f.try_lock_shared() };
    match first {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            crate::diag::eprint(&format!("sdkgen: waiting for another sdkgen run in {}\n", crate::diag::shown_path(dir)));
            let r = if exclusive { f.lock() } else { f.lock_shared() };
            r.map_err(io_at(dir))?;
        }
        Err(fs::TryLockError::Error(e)) => return Err(io_at(dir)(e)),
    }
    Ok(Lock(f))
}

/// What `check` found: a unified diff (empty when `out` is current) and how many files
/// the run generated.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub diff: String,
    pub files: usize,
}

/// For `check`: compares sdkgen's files in `out` (within `owns`) with what `produce`
/// makes, file by file as they are made, under a shared lock so a concurrent `generate`
/// is never seen half-way. Nothing is written.
pub fn check_streamed(
    out: &Path,
    owns: &(dyn Fn(&str) -> bool + Sync),
    produce: impl FnOnce(&mut dyn Sink),
) -> Result<CheckReport, OutError> {
    let (parent, name) = split_out(out)?;
    let (_lock, scan) = if parent.exists() { (Some(lock(&parent, false)?), scan(&parent.join(&name))?) } else { (None, Scan::default()) };
    let checker = Checker { root: parent.join(&name), ours: &scan.ours, owns, seen: HashSet::new(), report: CheckReport::default() };
    let Checker { root, seen, mut report, .. } = pipe(checker, produce);
    for rel in scan.ours.iter().filter(|k| owns(k) && !seen.contains(*k)) {
        let old = read_lossy(&root.join(rel)).map_err(io_at(&root.join(rel)))?;
        crate::output::diff_file(rel, Some(&old), None, &mut report.diff);
    }
    Ok(report)
}

struct Checker<'a> {
    root: PathBuf,
    ours: &'a BTreeSet<String>,
    owns: &'a (dyn Fn(&str) -> bool + Sync),
    seen: HashSet<String>,
    report: CheckReport,
}

impl Sink for Checker<'_> {
    fn put(&mut self, path: String, text: String) {
        self.report.files += 1;
        if !(self.owns)(&path) {
            return;
        }
        // A file that cannot be read counts as missing: the diff shows it whole.
        let old = if self.ours.contains(&path) { read_lossy(&self.root.join(&path)).ok() } else { None };
        crate::output::diff_file(&path, old.as_deref(), Some(&text), &mut self.report.diff);
        self.seen.insert(path);
    }
}

fn read_lossy(path: &Path) -> io::Result<String> {
    Ok(String::from_utf8_lossy(&read_regular(path)?).into_owned())
}

/// The largest manifest a run reads (a 10,000-operation spec's is about 150 MB).
pub const MAX_MANIFEST_BYTES: u64 = 512 << 20;

/// A regular file's bytes. Never follows a link and never blocks on a FIFO or device put
/// where a file of sdkgen's was (the open is non-blocking, the type checked on the open
/// file), so a file swapped after the directory was read cannot hang or mislead a run.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = crate::platform::open_read(path, false)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Refuses an output directory that is, contains or lies inside the spec.
pub fn check_apart(spec: &Path, out: &Path) -> Result<(), OutError> {
    let real = |p: &Path| fs::canonicalize(p).ok().or_else(|| std::path::absolute(p).ok().map(|a| normalise(&a)));
    let (Some(spec), Some(out)) = (real(spec), real(out)) else { return Ok(()) };
    let (s, o) = (crate::diag::shown_path(&spec), crate::diag::shown_path(&out));
    if spec.starts_with(&out) {
        return Err(OutError::Refused(format!("the output directory {o} is or contains the spec {s}; refusing to write there")));
    }
    if out.starts_with(&spec) {
        return Err(OutError::Refused(format!("the output directory {o} is inside the spec {s}; refusing to write there")));
    }
    Ok(())
}

// The tests use Unix's links and inodes.
#[cfg(all(test, unix))]
mod tests;
