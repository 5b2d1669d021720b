//! The `sdkgen` binary end to end: spec errors, exit codes, determinism, drift.

use sdkgen::output::{read_tree, Tree};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn sdkgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdkgen")).args(args).current_dir(root()).output().expect("sdkgen runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A directory holding the real generated tree and a file of the user's, to prove a
/// failing run leaves everything as it was.
fn populated_out() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    assert!(sdkgen(&["generate", "--out", out]).status.success());
    std::fs::write(dir.path().join("rust/src/lib.rs"), "// edited by hand\n").unwrap();
    dir
}

#[test]
fn every_bad_spec_is_a_located_error_and_writes_nothing() {
    let corpus = root().join("tests/bad-specs");
    let mut files: Vec<_> = std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 25, "the corpus shrank to {}", files.len());
    let out = populated_out();
    let before = read_tree(out.path()).unwrap();
    for file in files {
        let name = file.file_name().unwrap().to_str().unwrap().to_owned();
        let source = std::fs::read_to_string(&file).unwrap();
        let expect = |what: &str| {
            source
                .lines()
                .find_map(|l| l.strip_prefix(&format!("# expect-{what}: ")))
                .unwrap_or_else(|| panic!("{name} has no `# expect-{what}:` line"))
                .to_owned()
        };
        let rel = format!("tests/bad-specs/{name}");
        for cmd in ["generate", "check"] {
            let o = sdkgen(&[cmd, "--spec", &rel, "--out", out.path().to_str().unwrap()]);
            let err = text(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{cmd} {name}: exit status\n{err}");
            assert!(!err.contains("panicked"), "{name} panicked:\n{err}");
            assert!(err.contains(&format!("error: {}\n", expect("message"))), "{name}: message\n{err}");
            assert!(err.contains(&format!("{rel}:{}\n", expect("location"))), "{name}: file:line:column\n{err}");
            assert!(err.contains(&format!("= key: {}\n", expect("key"))), "{name}: key\n{err}");
            let caret_line = err.lines().any(|l| l.contains('│') && l.contains('^'));
            assert!(caret_line, "{name}: no source line with a caret\n{err}");
            assert!(text(&o.stdout).is_empty(), "{name}: nothing on stdout");
        }
        assert_eq!(read_tree(out.path()).unwrap(), before, "{name} changed the output directory");
    }
}

#[test]
fn generate_is_deterministic_and_idempotent() {
    // Headers name the output directory, so both runs write to the same path.
    let a = tempfile::tempdir().unwrap();
    let out = a.path().join("out");
    let run = || {
        let o = sdkgen(&["generate", "--out", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        o
    };
    run();
    let first = read_tree(&out).unwrap();
    assert!(!first.is_empty());
    std::fs::remove_dir_all(&out).unwrap();
    run();
    assert_eq!(read_tree(&out).unwrap(), first, "two runs differ");
    let again = run();
    assert!(text(&again.stderr).contains(" 0 written, 0 removed"), "{}", text(&again.stderr));
}

#[test]
fn every_generated_file_names_the_command_that_regenerates_it() {
    let dir = tempfile::tempdir().unwrap();
    assert!(sdkgen(&["generate", "--out", dir.path().to_str().unwrap()]).status.success());
    let cmd = format!("{} --out {}", sdkgen::output::REGENERATE, dir.path().display());
    for (path, contents) in read_tree(dir.path()).unwrap() {
        let head: String = contents.lines().take(3).collect::<Vec<_>>().join("\n");
        assert!(head.contains(&format!("`{cmd}`")) || head.contains(&format!("{cmd:?}")), "{path} does not name `{cmd}`:\n{head}");
    }
}

#[test]
fn check_reports_stale_files_with_a_diff_and_generate_repairs_them() {
    let out = populated_out();
    let dir = out.path().to_str().unwrap();
    std::fs::write(out.path().join("stray.txt"), "not ours\n").unwrap();
    let o = sdkgen(&["check", "--out", dir]);
    assert_eq!(o.status.code(), Some(1));
    let diff = text(&o.stdout);
    assert!(diff.contains("--- a/rust/src/lib.rs\n+++ b/rust/src/lib.rs\n"), "{diff}");
    assert!(diff.contains("-// edited by hand"), "{diff}");
    assert!(diff.contains("--- a/stray.txt\n+++ /dev/null"), "{diff}");
    assert!(text(&o.stderr).contains(sdkgen::output::REGENERATE));

    let before: Tree = read_tree(out.path()).unwrap();
    let g = sdkgen(&["generate", "--out", dir]);
    assert!(g.status.success());
    assert!(text(&g.stderr).contains("1 written, 1 removed"), "{}", text(&g.stderr));
    assert_ne!(read_tree(out.path()).unwrap(), before);
    assert!(!out.path().join("stray.txt").exists());
    assert_eq!(sdkgen(&["check", "--out", dir]).status.code(), Some(0));
}

#[test]
fn help_exists_for_every_subcommand_and_documents_exit_status() {
    let top = text(&sdkgen(&["--help"]).stdout);
    assert!(top.contains("Exit status"), "{top}");
    for sub in ["generate", "check"] {
        let o = sdkgen(&[sub, "--help"]);
        assert!(o.status.success());
        assert!(text(&o.stdout).contains("--spec"), "{sub} --help");
    }
    assert_eq!(sdkgen(&["frobnicate"]).status.code(), Some(2));
}

/// The shipped output and the obstacle course's, each against what its spec produces.
#[test]
fn the_checked_in_generated_trees_are_current() {
    for (spec, out) in [("spec", "generated"), ("tests/obstacle/spec.yaml", "tests/obstacle/generated")] {
        let model = sdkgen::load_model(&root().join(spec)).unwrap_or_else(|e| panic!("{e}"));
        let cmd = sdkgen::output::regenerate_command(Path::new(spec), Path::new(out));
        let expected = sdkgen::generate_selected(&model, &sdkgen::Selection::default(), &cmd);
        let on_disk = read_tree(&root().join(out)).unwrap();
        let diff = sdkgen::output::diff_tree(&on_disk, &expected);
        assert!(diff.is_empty(), "{out}/ is stale; run `{cmd}`\n{diff}");
    }
}

#[test]
fn lang_narrows_a_run_to_those_languages_and_leaves_the_rest() {
    let out = populated_out();
    let dir = out.path();
    let d = dir.to_str().unwrap();
    std::fs::write(dir.join("snippets/page/csharp/call-reject.cs"), "stale\n").unwrap();
    std::fs::write(dir.join("snippets/page/java/call-reject.java"), "hand edit\n").unwrap();
    std::fs::remove_file(dir.join("snippets/page/go/call-reject.go")).unwrap();
    std::fs::write(dir.join("snippets/page/go/stray.go"), "x\n").unwrap();
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();

    assert_eq!(sdkgen(&["check", "--lang", "csharp,go", "--out", d]).status.code(), Some(1));
    let o = sdkgen(&["generate", "--lang", "csharp,go", "--out", d]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
    assert!(read("snippets/page/csharp/call-reject.cs").contains("RejectReason.Busy"));
    assert!(read("snippets/page/go/call-reject.go").contains("BUSY_REJECTREASON"));
    assert!(!dir.join("snippets/page/go/stray.go").exists(), "a stray file of a selected language is removed");
    assert_eq!(read("snippets/page/java/call-reject.java"), "hand edit\n", "other languages are left alone");
    assert_eq!(read("rust/src/lib.rs"), "// edited by hand\n", "the client is left alone");
    assert_eq!(read("manifest.json"), manifest, "the manifest is left alone");
    assert_eq!(sdkgen(&["check", "--lang", "csharp,go", "--out", d]).status.code(), Some(0));
    assert_eq!(sdkgen(&["check", "--out", d]).status.code(), Some(1), "the whole tree is still stale");
}

#[test]
fn an_unknown_language_is_a_clear_error_listing_the_known_ones() {
    let o = sdkgen(&["generate", "--lang", "csharp,cobol", "--out", "/nonexistent/never-written"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("unknown language `cobol`"), "{err}");
    assert!(err.contains("http, csharp, javascript, objc, java, go, powershell, python"), "{err}");
    assert!(!Path::new("/nonexistent/never-written").exists());
}

#[test]
fn snippet_prints_one_snippet_without_the_file_header() {
    let o = sdkgen(&["snippet", "--example", "call-reject", "--lang", "java"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let printed = text(&o.stdout);
    let file = std::fs::read_to_string(root().join("generated/snippets/current/java/call-reject.java")).unwrap();
    let (header, body) = file.split_once('\n').unwrap();
    assert!(header.contains("Generated by sdkgen"));
    assert_eq!(printed, body, "stdout is the file without its header");
    assert!(printed.contains("RejectPostRequestBody"), "today's SDK by default");
    let page = sdkgen(&["snippet", "--example", "call-reject", "--lang", "java", "--style", "page"]);
    assert!(text(&page.stdout).contains("CallRejectParameterSet"));

    let o = sdkgen(&["snippet", "--example", "nope", "--lang", "java"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("call-reject, call-reject-none-reason"), "{}", text(&o.stderr));
    assert_eq!(sdkgen(&["snippet", "--example", "call-reject", "--lang", "cobol"]).status.code(), Some(2));
}

#[test]
fn the_manifest_lists_every_generated_file_with_its_hash() {
    use sha2::{Digest, Sha256};
    let tree = read_tree(&root().join("generated")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&tree["manifest.json"]).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), tree.len() - 1, "every file but the manifest itself");
    let mut snippets = 0;
    for f in files {
        let path = f["path"].as_str().unwrap();
        let bytes = std::fs::read(root().join("generated").join(path)).unwrap();
        let hash: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(f["sha256"], hash.as_str(), "{path}");
        if f["kind"] == "snippet" {
            snippets += 1;
            for key in ["action", "example", "language", "style"] {
                assert!(f[key].is_string(), "{path} has no {key}");
            }
            assert_eq!(f["action"], "call-reject");
            let ext = path.rsplit('.').next().unwrap();
            assert!(path.starts_with(&format!("snippets/{}/{}/{}.", f["style"].as_str().unwrap(), f["language"].as_str().unwrap(), f["example"].as_str().unwrap())), "{path}");
            assert!(!ext.is_empty());
        }
    }
    assert_eq!(snippets, 2 * 7 * 2, "two examples, seven languages in each of two styles");
}

#[test]
fn style_narrows_a_run_to_one_sdk_generation() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = sdkgen(&["generate", "--style", "page", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let tree = read_tree(&out).unwrap();
    assert!(!tree.is_empty());
    for path in tree.keys() {
        let page_snippet = path.starts_with("snippets/page/");
        let page_include = path.starts_with("docs/snapshot/includes/");
        assert!(page_snippet || page_include, "{path} is not a page-style snippet or include");
    }
    assert!(tree.contains_key("snippets/page/objc/call-reject.m"));
    assert!(!tree.keys().any(|p| p.contains("/python/")), "Python has no page style");

    let o = sdkgen(&["generate", "--style", "current", "--lang", "python", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let tree = read_tree(&out).unwrap();
    assert!(tree.contains_key("snippets/current/python/call-reject.py"));
    assert!(tree.contains_key("docs/includes/snippets/python/call-reject-python-snippets.md"));
    assert!(tree.contains_key("snippets/page/objc/call-reject.m"), "the earlier page-style files stay");

    let bad = sdkgen(&["generate", "--style", "modern", "--out", out.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("page") && text(&bad.stderr).contains("current"), "{}", text(&bad.stderr));
}
