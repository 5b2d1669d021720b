//! Putting a staged tree in place: one exchange of the whole directory, or, for a mount
//! point, of each top-level entry; the names of staging directories, and the removal of
//! those a killed run left behind.

use super::{io_at, OutError};
use crate::platform;
use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

/// Staging and old-tree siblings are named `.{out}.sdkgen-{pid}-{n}`; the next run
/// removes any a killed run left behind.
const STAGING_MARK: &str = ".sdkgen-";
/// An in-place run's staging directory (see [`swap_entries`]) is `{INNER_STAGING}{pid}-{n}`
/// at the top of the output directory.
const INNER_STAGING: &str = ".sdkgen-staging-";

/// Replaces `target` with `staging` in one step, then deletes the old tree.
pub(super) fn swap_in(staging: &Path, target: &Path) -> Result<(), OutError> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target).map_err(io_at(target));
    }
    match platform::exchange(staging, target) {
        Ok(()) => {}
        // A mount point on the same file system (a bind mount) cannot be renamed either.
        Err(e) if crate::platform::is_busy(&e) => return swap_entries(staging, target),
        // A file system without RENAME_EXCHANGE: two renames, with a moment between them
        // when `target` is absent (never a mixed tree).
        Err(e) if platform::no_exchange(&e) => {
            let old = staging.with_file_name(staging_name(&target.file_name().unwrap_or_default().to_os_string()));
            match fs::rename(target, &old) {
                Err(e) if crate::platform::is_busy(&e) => return swap_entries(staging, target),
                r => r.map_err(io_at(target))?,
            }
            fs::rename(staging, target).map_err(io_at(target))?;
            return fs::remove_dir_all(&old).map_err(io_at(&old));
        }
        Err(e) => {
            let _ = fs::remove_dir_all(staging);
            return Err(io_at(target)(e));
        }
    }
    // `staging` now holds the previous tree.
    fs::remove_dir_all(staging).map_err(io_at(staging))
}

/// Whether `target` is a directory at the root of a mount (a container volume, a tmpfs, a
/// CI cache, a bind mount of a directory on the same file system), which no rename can
/// replace and none can cross. The kernel says so (`statx`'s `STATX_ATTR_MOUNT_ROOT`);
/// where it cannot, another device than the parent's says so.
pub(super) fn is_mount_point(parent: &Path, target: &Path) -> bool {
    if !fs::symlink_metadata(target).is_ok_and(|t| t.is_dir()) {
        return false;
    }
    if let Some(root) = platform::mount_root(target) {
        return root;
    }
    match (fs::metadata(parent), fs::symlink_metadata(target)) {
        (Ok(p), Ok(t)) => platform::device(&p) != platform::device(&t),
        _ => false,
    }
}

/// The swap for a directory that cannot itself be renamed (a mount point): each top-level
/// entry of `staging` replaces its namesake in `target` with one exchange, then what
/// `target` holds beyond them goes with the old entries. A run killed part-way leaves each
/// top-level entry whole, old or new, and never a file half-written.
pub(super) fn swap_entries(staging: &Path, target: &Path) -> Result<(), OutError> {
    let names = |dir: &Path| -> Result<BTreeSet<OsString>, OutError> {
        let mut set = BTreeSet::new();
        for entry in fs::read_dir(dir).map_err(io_at(dir))? {
            set.insert(entry.map_err(io_at(dir))?.file_name());
        }
        Ok(set)
    };
    let new = names(staging)?;
    for name in &new {
        let (from, to) = (staging.join(name), target.join(name));
        if fs::symlink_metadata(&to).is_err() {
            fs::rename(&from, &to).map_err(io_at(&to))?;
            continue;
        }
        match platform::exchange(&from, &to) {
            Ok(()) => {}
            Err(e) if platform::no_exchange(&e) => {
                let old = target.join(inner_staging_name());
                fs::rename(&to, &old).map_err(io_at(&to))?;
                fs::rename(&from, &to).map_err(io_at(&to))?;
                fs::rename(&old, &from).map_err(io_at(&old))?;
            }
            Err(e) => return Err(io_at(&to)(e)),
        }
    }
    let inside = staging.parent() == Some(target);
    for name in names(target)? {
        let staging_itself = inside && staging.file_name() == Some(name.as_os_str());
        if !new.contains(&name) && !staging_itself {
            fs::rename(target.join(&name), staging.join(&name)).map_err(io_at(&target.join(&name)))?;
        }
    }
    // `staging` now holds the previous entries.
    fs::remove_dir_all(staging).map_err(io_at(staging))
}

/// `{pid}-{n}`: unique among this process's staging directories and others'.
pub(super) fn run_suffix() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!("{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

pub(super) fn staging_name(out_name: &OsString) -> OsString {
    let mut s = OsString::from(".");
    s.push(out_name);
    s.push(format!("{STAGING_MARK}{}", run_suffix()));
    s
}

pub(super) fn inner_staging_name() -> OsString {
    OsString::from(format!("{INNER_STAGING}{}", run_suffix()))
}

pub(super) fn is_inner_staging(name: &std::ffi::OsStr) -> bool {
    let rest = name.as_encoded_bytes().strip_prefix(INNER_STAGING.as_bytes());
    rest.is_some_and(|r| !r.is_empty() && r.iter().all(|b| b.is_ascii_digit() || *b == b'-'))
}

/// Removes the staging and old-tree directories (or a single file's staging copy) of runs
/// that were killed: siblings of `target` in `parent`, and in-place ones at the top of
/// `target`.
pub(super) fn remove_leftovers(parent: &Path, name: &OsString, target: &Path) -> Result<(), OutError> {
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(name.as_encoded_bytes());
    prefix.extend_from_slice(STAGING_MARK.as_bytes());
    let sibling = |n: &std::ffi::OsStr| {
        let rest = n.as_encoded_bytes().strip_prefix(prefix.as_slice());
        rest.is_some_and(|r| !r.is_empty() && r.iter().all(|b| b.is_ascii_digit() || *b == b'-'))
    };
    let inside = fs::symlink_metadata(target).is_ok_and(|m| m.is_dir());
    for (dir, theirs) in [(parent, &sibling as &dyn Fn(&std::ffi::OsStr) -> bool), (target, &is_inner_staging)] {
        if dir == target && !inside {
            continue;
        }
        for entry in fs::read_dir(dir).map_err(io_at(dir))? {
            let entry = entry.map_err(io_at(dir))?;
            if !theirs(&entry.file_name()) {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => fs::remove_dir_all(entry.path()).map_err(io_at(&entry.path()))?,
                // A single file's staging copy ([`super::file::write_file`]).
                Ok(t) if t.is_file() && dir == parent => fs::remove_file(entry.path()).map_err(io_at(&entry.path()))?,
                _ => {}
            }
        }
    }
    Ok(())
}
