//! The one home of every operating-system call sdkgen makes beyond std, each with the portable fallback other systems get, so the generator builds on Linux, macOS and Windows alike.
//!
//! Linux gets what the output directory's promises were designed on: `renameat2`'s
//! `RENAME_EXCHANGE` (a whole tree swapped in one step), `statx`'s mount-root bit, and
//! opens that never follow a final link (`O_NOFOLLOW`) nor wait on a FIFO (`O_NONBLOCK`).
//! macOS has an exchange too (`renamex_np`'s `RENAME_SWAP`) and the same open flags. Other
//! systems (Windows) get no exchange, so the caller's two-rename fallback runs (a moment
//! with no tree, never a mixed one); a link is refused by a look just before opening, and
//! a mount point is told by nothing, so a tree there is replaced by renames, which a
//! mount would refuse with an error, never half done.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// Opens `path` for reading without blocking on a FIFO or device (the caller checks the
/// open file's type), without taking a terminal, and, unless `follow` is set, without
/// following a link at `path` itself.
pub fn open_read(path: &Path, follow: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | nofollow);
    }
    #[cfg(not(unix))]
    if !follow && std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "a link; not followed"));
    }
    options.open(path)
}

/// Creates `path` for writing, failing if anything is there already, a link included.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // `create_new` already refuses an existing link; this keeps that true whatever
        // the file system's `O_EXCL` does.
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

#[cfg(test)]
thread_local! {
    /// Set by a test on its own thread: [`exchange`] then answers as a system without one.
    pub static NO_EXCHANGE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Exchanges the entries at `a` and `b` in one step (both must exist). Where the system
/// has no such call, an error for which [`no_exchange`] holds.
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(test)]
    if NO_EXCHANGE.with(|n| n.get()) {
        return Err(io::Error::from(io::ErrorKind::Unsupported));
    }
    sys_exchange(a, b)
}

#[cfg(any(target_os = "linux", target_os = "macos"))]
fn sys_exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput));
    let (ca, cb) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths; the call only reads them.
    #[cfg(target_os = "linux")]
    let r = unsafe { libc::renameat2(libc::AT_FDCWD, ca.as_ptr(), libc::AT_FDCWD, cb.as_ptr(), libc::RENAME_EXCHANGE) };
    // SAFETY: as above.
    #[cfg(target_os = "macos")]
    let r = unsafe { libc::renamex_np(ca.as_ptr(), cb.as_ptr(), libc::RENAME_SWAP) };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn sys_exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Whether `e` says the system or the file system cannot exchange two entries (an old
/// kernel, a file system without it, a system without the call).
pub fn no_exchange(e: &io::Error) -> bool {
    // (ENOTSUP and EOPNOTSUPP are one number on Linux, two on macOS.)
    #[cfg(unix)]
    let refused = e.raw_os_error().is_some_and(|c| c == libc::EINVAL || c == libc::ENOSYS || c == libc::EOPNOTSUPP || c == libc::ENOTSUP);
    #[cfg(not(unix))]
    let refused = false;
    refused || e.kind() == io::ErrorKind::Unsupported
}

/// Whether `e` says the entry is busy: a mount point, which no rename can move.
pub fn is_busy(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::ResourceBusy
}

/// The kernel's word on whether `path` is the root of a mount; `None` where it gives none
/// (Linux before 5.8, other systems).
pub fn mount_root(path: &Path) -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
        // SAFETY: an all-zero statx is a valid value of the plain C struct.
        let mut st: libc::statx = unsafe { std::mem::zeroed() };
        // SAFETY: `c` is NUL-terminated and `st` outlives the call, which only writes it.
        let r = unsafe { libc::statx(libc::AT_FDCWD, c.as_ptr(), libc::AT_SYMLINK_NOFOLLOW, libc::STATX_BASIC_STATS, &mut st) };
        let bit = libc::STATX_ATTR_MOUNT_ROOT as u64;
        (r == 0 && st.stx_attributes_mask & bit != 0).then_some(st.stx_attributes & bit != 0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        None
    }
}

/// The device a file is on, where the system numbers devices (Unix).
pub fn device(meta: &Metadata) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(meta.dev())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// A file's device and inode (`dev:ino`) where the system has them, else empty.
pub fn node(meta: &Metadata) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        format!("{}:{}", meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        String::new()
    }
}
