//! The import lock beside an imported spec: which metadata (by path and sha256), which selection and which sdkgen wrote it, so `sdkgen import` re-runs the import exactly.

use serde::Deserialize;
use std::path::{Component, Path, PathBuf};

/// The lock's file name in the spec directory (no `.yaml`: the spec loader reads only those).
pub const FILE: &str = "import.lock";

/// What `sdkgen import` needs to run an import again.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// The sdkgen version that wrote it.
    pub sdkgen: String,
    /// The metadata document, relative to the spec directory with `/` separators, so the
    /// lock reads the same in every checkout.
    pub metadata: String,
    /// The metadata's sha256, lower-case hex: a re-import says when the document changed.
    pub sha256: String,
    /// The `--select` patterns, in the order given.
    pub select: Vec<String>,
    /// The `--include-path` patterns.
    #[serde(default)]
    pub include: Vec<String>,
    /// The `--exclude-path` patterns.
    #[serde(default)]
    pub exclude: Vec<String>,
}

impl Lock {
    /// The lock as written: the import's mark (so only a lock sdkgen wrote is replaced),
    /// then YAML with every value quoted.
    pub fn text(&self) -> String {
        let q = super::q;
        let mut out = format!("{}; re-import with `sdkgen import`.\n", super::MARK);
        out.push_str(&format!("sdkgen: {}\nmetadata: {}\nsha256: {}\nselect:\n", q(&self.sdkgen), q(&self.metadata), q(&self.sha256)));
        for s in &self.select {
            out.push_str(&format!("  - {}\n", q(s)));
        }
        for (key, list) in [("include", &self.include), ("exclude", &self.exclude)] {
            if list.is_empty() {
                out.push_str(&format!("{key}: []\n"));
            } else {
                out.push_str(&format!("{key}:\n"));
                for p in list {
                    out.push_str(&format!("  - {}\n", q(p)));
                }
            }
        }
        out
    }

    /// A lock's text read back, or why it is not one.
    pub fn parse(text: &str) -> Result<Lock, String> {
        let lock: Lock = serde_saphyr::from_str(text).map_err(|e| crate::diag::clip(&e.to_string()).into_owned())?;
        if lock.select.is_empty() {
            return Err("`select` names nothing to import".into());
        }
        if Path::new(&lock.metadata).is_absolute() || lock.metadata.contains('\\') {
            return Err(format!("`metadata` must be relative to the spec directory with `/` separators: {:?}", lock.metadata));
        }
        Ok(lock)
    }
}

/// `target` relative to the directory `base`, both made absolute and free of `.`/`..`
/// first: `../data/v1.0.xml`. `None` when they share no root (another drive).
pub fn relative(base: &Path, target: &Path) -> Option<String> {
    let base = absolute(base)?;
    let target = absolute(target)?;
    let (b, t): (Vec<Component>, Vec<Component>) = (base.components().collect(), target.components().collect());
    if b.first() != t.first() {
        return None;
    }
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_owned(), b.len() - common).collect();
    parts.extend(t[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    Some(parts.join("/"))
}

/// `path` absolute, with links resolved where it exists (so two spellings of one place
/// agree) and `.`/`..` folded where it does not.
fn absolute(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let joined = std::env::current_dir().ok()?.join(path);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_reads_back_as_written() {
        let lock = Lock {
            sdkgen: "0.1.0".into(),
            metadata: "../data/v1.0 metadata.xml".into(),
            sha256: "ab".repeat(32),
            select: vec!["call".into(), "*Operation".into()],
            include: vec!["/communications/**".into()],
            exclude: vec![],
        };
        assert_eq!(Lock::parse(&lock.text()), Ok(lock.clone()));
        assert!(lock.text().starts_with(crate::import::MARK));
        let absolute = Lock { metadata: "/home/me/v1.0.xml".into(), ..lock.clone() };
        assert!(Lock::parse(&absolute.text()).unwrap_err().contains("relative"));
        assert!(Lock::parse(&Lock { select: vec![], ..lock }.text()).is_err());
        assert!(Lock::parse("sdkgen: 1\nunknown: 2\n").is_err());
    }

    #[test]
    fn paths_are_relative_to_the_spec_directory() {
        let d = tempfile::tempdir().unwrap();
        let spec = d.path().join("repo/spec");
        let data = d.path().join("data/v1.0.xml");
        std::fs::create_dir_all(&spec).unwrap();
        std::fs::create_dir_all(data.parent().unwrap()).unwrap();
        std::fs::write(&data, "x").unwrap();
        assert_eq!(relative(&spec, &data).as_deref(), Some("../../data/v1.0.xml"));
        assert_eq!(relative(&spec, &spec.join("m.xml")).as_deref(), Some("m.xml"));
    }
}
