//! Knowing, without generating, that an output directory already holds what the spec makes.
//!
//! After a whole run, sdkgen keeps a stamp for the output directory in the user's cache
//! (`$XDG_CACHE_HOME/sdkgen/stamps`, else `~/.cache/sdkgen/stamps`; nothing in the
//! repository): a fingerprint of every input (this executable's bytes, the settings, each
//! spec file's path and bytes) and the hash of the manifest it wrote. A later run with the
//! same fingerprint reads the manifest, checks every listed file's hash and that no other
//! file of sdkgen's is there; only when all agree does it skip generating. The stamp never
//! replaces that check, so an edited, deleted or stray file is always repaired. Only
//! `generate` uses it: `check` always renders, so the stamp is never a proof. The cache's
//! files (stamps, and `modelcache`'s compiled models) are read and written here alone.

use crate::manifest::hex;
use crate::outdir;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The fingerprint of a run's inputs; `None` when one cannot be read (then a run
/// generates as usual).
pub fn fingerprint(spec: &Path, settings: &crate::Settings) -> Option<String> {
    inputs(spec, &format!("{settings:?}"))
}

/// The digest of this executable, `extra` and every spec file's path and bytes: what a
/// stamp and a compiled model (`modelcache`) are keyed by.
pub(crate) fn inputs(spec: &Path, extra: &str) -> Option<String> {
    let mut h = Sha256::new();
    // The executable, not its version: templates, emitters and the validator are compiled
    // into it. Its identity on disk (size, modification time, inode), not its bytes:
    // hashing a 12 MB binary cost a one-operation run three times its own work, and a
    // rebuilt or replaced binary gets a new identity. The stamp only ever saves work:
    // `current` still checks every file's hash.
    h.update(executable_identity()?.as_bytes());
    h.update(format!("{extra}\0").as_bytes());
    let mut total = 0u64;
    for file in crate::spec::spec_files(spec).ok()? {
        // Read as loading reads them: regular files only (a FIFO never blocks), capped.
        let bytes = crate::spec::read_capped(&file, crate::spec::MAX_FILE_BYTES).ok()?;
        total += bytes.len() as u64;
        if total > crate::spec::MAX_TOTAL_BYTES {
            return None;
        }
        h.update(format!("{}\0{}\0", file.display(), bytes.len()).as_bytes());
        h.update(&bytes);
    }
    Some(hex(&h.finalize()))
}

/// This executable's size, modification time and (on Unix) device and inode.
fn executable_identity() -> Option<String> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let node = crate::platform::node(&meta);
    Some(format!("{}\0{}.{:09}\0{node}\0", meta.len(), modified.as_secs(), modified.subsec_nanos()))
}

/// The most a stamp (two hex digests) is read of: anything longer is not one.
const MAX_STAMP_BYTES: u64 = 4096;

/// Where the stamp of output directory `out` lives: `$XDG_CACHE_HOME/sdkgen/stamps` when
/// that is an absolute path (the XDG spec says a relative one is ignored: it would put the
/// cache in whatever directory sdkgen runs from), else `$HOME/.cache/sdkgen/stamps`.
fn stamp_path(out: &Path) -> Option<PathBuf> {
    cache_file("stamps", out)
}

/// The file of the user's cache (see [`stamp_path`]) that holds what sdkgen keeps of `kind`
/// for the directory `of`: named by the hash of its canonical path, so one per directory.
pub(crate) fn cache_file(kind: &str, of: &Path) -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| std::env::var_os("HOME").and_then(absolute).map(|h| h.join(".cache")))?;
    let real = std::fs::canonicalize(of).ok()?;
    Some(cache.join("sdkgen").join(kind).join(hex(&Sha256::digest(real.as_os_str().as_encoded_bytes()))))
}

/// Whether the cache file's `sdkgen` and `sdkgen/<kind>` directories are directories, not
/// links: the cache is read and written only inside it, never through a link to
/// somewhere else.
fn inside_cache(stamp: &Path) -> bool {
    let stamps = stamp.parent();
    [stamps, stamps.and_then(Path::parent)].into_iter().all(|d| d.is_some_and(|d| std::fs::symlink_metadata(d).is_ok_and(|m| m.is_dir())))
}

/// Records that `out` now holds what the inputs `fingerprint` make. Best effort: a
/// cache that cannot be written only means the next run generates. Written beside the
/// stamp and renamed over it, so a link, FIFO or half-written file there is replaced,
/// never written through or waited on.
pub fn record(out: &Path, fingerprint: &str) {
    let (Some(path), Ok(manifest)) = (stamp_path(out), outdir::read_regular(&out.join(crate::manifest::PATH))) else { return };
    write_cache_file(&path, format!("{fingerprint} {}\n", hex(&Sha256::digest(&manifest))).as_bytes());
}

/// Writes a file of the cache: beside it under a name of this process, then renamed over
/// it, so a link, FIFO or half-written file there is replaced, never written through or
/// waited on, and a reader sees the old file or the new one whole. Best effort: a cache
/// that cannot be written only means the next run does the work again.
pub(crate) fn write_cache_file(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if !inside_cache(path) {
        return;
    }
    let temp = path.with_extension(format!("{}.tmp", std::process::id()));
    let written = crate::platform::create_new(&temp).and_then(|mut f| std::io::Write::write_all(&mut f, bytes));
    if written.and_then(|()| std::fs::rename(&temp, path)).is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}

/// The stamp's text: a regular file inside the cache, read without following a link or
/// waiting on a FIFO, and only when it is short enough to be a stamp.
fn read_stamp(path: &Path) -> Option<String> {
    String::from_utf8(read_cache_file(path, MAX_STAMP_BYTES)?).ok()
}

/// A file of the cache: a regular file inside it, read without following a link or
/// waiting on a FIFO, and only when it is no longer than `max` bytes.
pub(crate) fn read_cache_file(path: &Path, max: u64) -> Option<Vec<u8>> {
    if !inside_cache(path) {
        return None;
    }
    let mut file = crate::platform::open_read(path, false).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > max {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, max), &mut bytes).ok()?;
    Some(bytes)
}

/// The number of files in `out` when it holds exactly what the inputs `fingerprint`
/// make, as recorded and verified file by file; `None` otherwise.
pub fn current(out: &Path, fingerprint: &str) -> Option<usize> {
    let stamp = read_stamp(&stamp_path(out)?)?;
    let (recorded, manifest_hash) = stamp.trim_end().split_once(' ')?;
    if recorded != fingerprint {
        return None;
    }
    // The directory is read first, without following links: only then is anything in it
    // opened, and only sdkgen's regular files.
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let _lock = outdir::lock(parent, false).ok()?;
    let scan = outdir::scan(out).ok()?;
    if !scan.foreign.is_empty() || !scan.ours.contains(crate::manifest::PATH) {
        return None;
    }
    // Its size first: an endless or huge file where the manifest was is not read.
    let manifest_path = out.join(crate::manifest::PATH);
    if std::fs::symlink_metadata(&manifest_path).ok()?.len() > outdir::MAX_MANIFEST_BYTES {
        return None;
    }
    let manifest = outdir::read_regular(&manifest_path).ok()?;
    if manifest.len() as u64 > outdir::MAX_MANIFEST_BYTES || hex(&Sha256::digest(&manifest)) != manifest_hash {
        return None;
    }
    let listed = crate::manifest::read_listing(&manifest)?;
    drop(manifest);
    let mut expected: BTreeSet<&str> = listed.files.iter().map(|f| f.path.as_str()).collect();
    expected.insert(crate::manifest::PATH);
    if scan.ours.len() != expected.len() || scan.ours.iter().any(|p| !expected.contains(p.as_str())) {
        return None;
    }
    let intact = crate::par::shares(&listed.files, |mine| {
        mine.iter().all(|f| outdir::read_regular(&out.join(&f.path)).is_ok_and(|b| hex(&Sha256::digest(&b)) == f.sha256))
    });
    intact.into_iter().all(|ok| ok).then_some(expected.len())
}
