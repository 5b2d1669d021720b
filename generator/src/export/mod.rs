//! The spec written out for the tools around sdkgen (`sdkgen export`).

pub mod openapi;

use crate::outdir::OutError;
use std::io::{Read, Write};
use std::path::Path;

/// Writes `text` to `path`, replacing only a file sdkgen wrote (its first 4 KiB hold
/// `mark`): anything else there is refused and left alone. The file is written beside
/// `path` first and renamed over it, so a reader never sees half a document.
pub fn write_own(path: &Path, text: &str, mark: &str) -> Result<(), OutError> {
    may_replace(path, mark)?;
    let io = |e: std::io::Error| OutError::Io { path: path.to_path_buf(), error: e };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.sdkgen-{}", std::process::id()));
    let written = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp).and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(io(e));
    }
    Ok(())
}

/// Whether `path` is free or a regular file sdkgen wrote (its first 4 KiB hold `mark`),
/// and so may be written; refused otherwise.
pub fn may_replace(path: &Path, mark: &str) -> Result<(), OutError> {
    let io = |e: std::io::Error| OutError::Io { path: path.to_path_buf(), error: e };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(e)),
        Ok(meta) => {
            let shown = crate::diag::shown_path(path);
            if !meta.is_file() {
                return Err(OutError::Refused(format!("{shown} exists and is not a regular file; refusing to write there")));
            }
            let mut head = Vec::new();
            std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head)).map_err(io)?;
            if !String::from_utf8_lossy(&head).contains(mark) {
                return Err(OutError::Refused(format!(
                    "{shown} exists and was not written by sdkgen; refusing to overwrite it (move it or choose another --out)"
                )));
            }
            Ok(())
        }
    }
}
