//! Helpers shared by the end-to-end tests: where the repository's pieces are, the
//! generated snippets, and the external tools the proofs need.

pub mod checks;
pub mod recorder;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (this crate lives in `tests/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The shipped spec, loaded and validated; panics with the rendered errors otherwise.
pub fn shipped_model() -> sdkgen::model::Model {
    model_at("spec")
}

/// The obstacle-course spec.
pub fn obstacle_model() -> sdkgen::model::Model {
    model_at("tests/obstacle/spec.yaml")
}

fn model_at(rel: &str) -> sdkgen::model::Model {
    sdkgen::load_model(&root().join(rel)).unwrap_or_else(|e| panic!("{rel} is invalid:\n{e}"))
}

/// A fixture file's text.
/// A file of the repository, by its path from the root.
pub fn read(rel: &str) -> String {
    let p = root().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn fixture(rel: &str) -> String {
    let p = root().join("tests/fixtures").join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// One generated snippet file.
#[derive(Debug, Clone)]
pub struct SnippetFile {
    /// Relative to the repository root.
    pub path: String,
    pub style: String,
    pub language: String,
    pub example: String,
    /// The file as written, header included.
    pub code: String,
}

/// Every snippet file of the shipped output, of the obstacle course and of the goldens
/// per construct (`tests/cases/<construct>/`), in path order.
pub fn snippet_files() -> Vec<SnippetFile> {
    let mut out = Vec::new();
    let mut trees = vec!["generated".to_owned(), "tests/obstacle/generated".to_owned()];
    trees.extend(case_names().into_iter().map(|c| format!("tests/cases/{c}")));
    for tree in &trees {
        let files = sdkgen::output::read_tree(&root().join(tree)).expect("generated tree readable");
        for (rel, code) in files {
            if let Some(sdkgen::layout::FileKind::Snippet { style, language, example, .. }) = sdkgen::layout::FileKind::parse(&rel) {
                out.push(SnippetFile {
                    path: format!("{tree}/{rel}"),
                    style: style.id().to_owned(),
                    language: language.id().to_owned(),
                    example: example.to_owned(),
                    code,
                });
            }
        }
    }
    out
}

/// The constructs with golden snippets: each `tests/cases/<construct>.yaml`, by name.
pub fn case_names() -> Vec<String> {
    let dir = root().join("tests/cases");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".yaml")).map(str::to_owned))
        .collect();
    names.sort();
    names
}

/// Finds a program on PATH or fails the test loudly: a missing checker is a failure,
/// never a skip.
pub fn tool(name: &str) -> PathBuf {
    let paths = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&paths)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("`{name}` is not on PATH; the proofs need it (scripts/test.sh installs or checks every tool)"))
}

/// Where scripts/test.sh installs the pinned npm packages.
pub fn node_modules() -> PathBuf {
    let p = root().join(".cache/js/node_modules");
    assert!(
        p.join("@microsoft/microsoft-graph-client/package.json").is_file(),
        "{} has no @microsoft/microsoft-graph-client: run scripts/test.sh, which installs the pinned npm packages",
        p.display()
    );
    p
}

/// Runs a command, returning (success, stdout, stderr).
pub fn run(cmd: &mut Command) -> (bool, String, String) {
    let o = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    (o.status.success(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// [`run`] with a deadline: a child still running after `limit` is killed and reported
/// as failed, so a hung tool fails its test instead of hanging CI.
pub fn run_within(cmd: &mut Command, limit: std::time::Duration) -> (bool, String, String) {
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    // Drain both pipes on threads, so a chatty child never blocks on a full pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut text);
            }
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("child status") {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let (stdout, mut stderr) = (out.join().unwrap_or_default(), err.join().unwrap_or_default());
    if status.is_none() {
        stderr.push_str(&format!("\n(killed after {} s: {cmd:?})", limit.as_secs()));
    }
    (status.is_some_and(|s| s.success()), stdout, stderr)
}

/// A fresh scratch directory under the (ignored) artifacts folder: `name` plus a number
/// unique in this process, because tests run in parallel and must not share files.
pub fn scratch(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let p = root().join("tests/artifacts").join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).expect("artifacts folder writable");
    p
}

/// Writes `text` to `dir/name`, returning the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("scratch file writable");
    p
}
