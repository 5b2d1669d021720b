//! One output file (`export openapi --out`, `import page --out`) written with the promises the output directory keeps: locked, owned by its mark, never through a link, whole or not at all.

use super::swap::{remove_leftovers, staging_name};
use super::{io_at, is_marked, lock, normalise, OutError, NAME_MAX};
use std::fs;
use std::io::{Read, Write};
use std::path::Path;

/// What [`write_file`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum FileWrite {
    Written,
    /// The file already held these bytes: nothing was written.
    Unchanged,
}

/// Makes `path` hold `text`, when it is free or a regular file carrying `mark` at its
/// fixed place ([`crate::export::owned`]); anything else there (someone's file, a link, a
/// directory) is refused and left alone. Under the lock `generate` takes on the same
/// directory; the text goes to a staging file beside `path` (never through a link) and is
/// renamed over it, so a reader, or a run killed at any moment, sees the old file or the
/// new one. A killed run's staging file is removed by the next.
pub fn write_file(path: &Path, text: &str, mark: &str) -> Result<FileWrite, OutError> {
    // `path` itself is never resolved: a link there is refused below, not followed.
    let path = normalise(&std::path::absolute(path).map_err(io_at(path))?);
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(OutError::Refused(format!("{} cannot be an output file", crate::diag::shown_path(&path))));
    };
    let name = name.to_os_string();
    let staging = parent.join(staging_name(&name));
    if staging.file_name().map_or(0, |n| n.len()) > NAME_MAX {
        return Err(OutError::Refused(format!(
            "{}: the file name is too long to be written beside itself first ({NAME_MAX} bytes at most, with sdkgen's staging suffix); nothing was written",
            crate::diag::shown_path(&path)
        )));
    }
    fs::create_dir_all(parent).map_err(io_at(parent))?;
    let _lock = lock(parent, true)?;
    remove_leftovers(parent, &name, &path)?;
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_at(&path)(e)),
        Ok(meta) => {
            let shown = crate::diag::shown_path(&path);
            if !meta.is_file() {
                return Err(OutError::Refused(format!("{shown} exists and is not a regular file; refusing to write there")));
            }
            if !is_marked(&path, mark)? {
                return Err(OutError::Refused(format!(
                    "{shown} exists and was not written by sdkgen; refusing to overwrite it (move it or choose another --out)"
                )));
            }
            if holds(&path, text.as_bytes()).map_err(io_at(&path))? {
                return Ok(FileWrite::Unchanged);
            }
        }
    }
    let written = crate::platform::create_new(&staging).and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()));
    if let Err(e) = written.and_then(|()| fs::rename(&staging, &path)) {
        let _ = fs::remove_file(&staging);
        return Err(io_at(&path)(e));
    }
    Ok(FileWrite::Written)
}

/// Whether the regular file at `path` holds exactly `bytes` (no more is read than that).
fn holds(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    let mut file = crate::platform::open_read(path, false)?;
    let mut old = Vec::with_capacity(bytes.len() + 1);
    (&mut file).take(bytes.len() as u64 + 1).read_to_end(&mut old)?;
    Ok(old == bytes)
}
