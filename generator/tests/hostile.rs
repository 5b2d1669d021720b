//! Hostile and careless input, through the real binary: each case builds its own scratch
//! directory (the "script"), runs `sdkgen`, and asserts the exact outcome: exit status,
//! message, and that nothing it did not write was touched.

use sdkgen::output::read_tree;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Runs sdkgen in `dir` (a scratch directory: no sdkgen.toml above it, so the defaults
/// `spec` and `generated` apply), with a time limit so a hang is a failure, not a stall.
fn run(dir: &Path, args: &[&str]) -> Output {
    run_with(dir, args, &[])
}

/// [`run`] with these environment variables set.
fn run_with(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sdkgen"))
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, *v)))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("sdkgen {args:?} hung for 30 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait_with_output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory holding a copy of the shipped spec at `spec/`.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("spec"), &dir.path().join("spec"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Every entry below `root`, links as `-> target`, without following any.
fn listing(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(root).unwrap().display().to_string();
            let t = e.file_type().unwrap();
            if t.is_symlink() {
                out.push(format!("{rel} -> {}", std::fs::read_link(e.path()).unwrap().display()));
            } else if t.is_dir() {
                out.push(format!("{rel}/"));
                stack.push(e.path());
            } else if t.is_file() {
                out.push(format!("{rel} = {:?}", std::fs::read(e.path()).unwrap()));
            } else {
                out.push(format!("{rel} (special)"));
            }
        }
    }
    out.sort();
    out
}

fn generated_ok(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["generate"];
    args.extend_from_slice(extra);
    let o = run(dir, &args);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    o
}

#[test]
fn an_output_directory_holding_a_users_files_is_refused_and_left_alone() {
    let s = scratch();
    let out = s.path().join("generated");
    std::fs::create_dir_all(out.join(".git")).unwrap();
    std::fs::create_dir_all(out.join(".ssh")).unwrap();
    std::fs::write(out.join("notes.md"), "my notes\n").unwrap();
    std::fs::write(out.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(out.join(".ssh/id_ed25519"), "-----BEGIN KEY-----\n").unwrap();
    let before = listing(&out);
    let o = run(s.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(4), "{}", err(&o));
    let e = err(&o);
    assert!(e.contains("holds 3 file(s) sdkgen did not write; refusing to write there (nothing was changed)"), "{e}");
    for f in [".git/HEAD", ".ssh/id_ed25519", "notes.md"] {
        assert!(e.contains(&format!("\n  {f}\n")), "{f} not listed: {e}");
    }
    assert!(e.contains("--force"), "{e}");
    assert_eq!(listing(&out), before, "a refused run changed the directory");
}

#[test]
fn force_writes_beside_a_users_files_and_keeps_them_through_later_runs() {
    let s = scratch();
    let out = s.path().join("generated");
    std::fs::create_dir_all(out.join(".git")).unwrap();
    std::fs::write(out.join(".git/HEAD"), "ref\n").unwrap();
    std::fs::write(out.join("notes.md"), "mine\n").unwrap();
    let o = generated_ok(s.path(), &["--force"]);
    assert!(err(&o).contains("2 of others' kept"), "{}", err(&o));
    // A spec change: sdkgen's files change, the user's stay byte for byte.
    let action = s.path().join("spec/actions/call-reject.yaml");
    let text = std::fs::read_to_string(&action).unwrap().replace("name: call-reject-none-reason", "name: call-reject-renamed");
    std::fs::write(&action, text).unwrap();
    let o = generated_ok(s.path(), &["--force"]);
    assert!(err(&o).contains("removed"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(out.join("notes.md")).unwrap(), "mine\n");
    assert_eq!(std::fs::read_to_string(out.join(".git/HEAD")).unwrap(), "ref\n");
    assert!(out.join("snippets/current/go/call-reject-renamed.go").exists());
    assert!(!out.join("snippets/current/go/call-reject-none-reason.go").exists(), "sdkgen's stale file is removed");
}

#[test]
fn a_users_file_where_sdkgen_would_write_is_never_overwritten_even_with_force() {
    let s = scratch();
    generated_ok(s.path(), &[]);
    let mine = s.path().join("generated/snippets/current/go/call-reject.go");
    std::fs::write(&mine, "package mine // not sdkgen's\n").unwrap();
    // The manifest names the file, so it is still sdkgen's: regenerated.
    generated_ok(s.path(), &[]);
    assert!(std::fs::read_to_string(&mine).unwrap().contains("Generated by sdkgen"));
    // Without the manifest and header, it is the user's.
    std::fs::remove_file(s.path().join("generated/manifest.json")).unwrap();
    std::fs::write(&mine, "package mine\n").unwrap();
    let o = run(s.path(), &["generate", "--force"]);
    assert_eq!(o.status.code(), Some(4), "{}", err(&o));
    assert!(err(&o).contains("snippets/current/go/call-reject.go"), "{}", err(&o));
    assert!(err(&o).contains("never overwrites a file it did not write, even with --force"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "package mine\n");
}

#[test]
fn an_output_directory_that_is_or_holds_the_spec_is_refused() {
    let s = scratch();
    let before = listing(s.path());
    for (out, words) in [(".", "is or contains the spec"), ("spec", "is or contains the spec"), ("spec/out", "is inside the spec")] {
        let o = run(s.path(), &["generate", "--out", out, "--force"]);
        assert_eq!(o.status.code(), Some(4), "--out {out}: {}", err(&o));
        assert!(err(&o).contains(words), "--out {out}: {}", err(&o));
        assert_eq!(listing(s.path()), before, "--out {out} changed something");
    }
}

#[test]
fn links_in_the_output_directory_are_never_followed() {
    let s = scratch();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("precious.txt"), "keep\n").unwrap();
    std::fs::write(elsewhere.path().join("call-reject.go"), "keep too\n").unwrap();
    generated_ok(s.path(), &[]);
    let out = s.path().join("generated");
    symlink(elsewhere.path(), out.join("linked")).unwrap();
    // A link is someone else's entry: refused without --force, kept with it.
    assert_eq!(run(s.path(), &["generate"]).status.code(), Some(4));
    generated_ok(s.path(), &["--force"]);
    assert_eq!(std::fs::read_link(out.join("linked")).unwrap(), elsewhere.path());
    // A link where sdkgen needs a directory: refused even with --force, nothing written through it.
    std::fs::remove_dir_all(out.join("snippets/current/go")).unwrap();
    symlink(elsewhere.path(), out.join("snippets/current/go")).unwrap();
    let o = run(s.path(), &["generate", "--force"]);
    assert_eq!(o.status.code(), Some(4), "{}", err(&o));
    assert_eq!(
        listing(elsewhere.path()),
        ["call-reject.go = [107, 101, 101, 112, 32, 116, 111, 111, 10]", "precious.txt = [107, 101, 101, 112, 10]"]
    );
}

#[test]
fn a_fifo_in_the_output_directory_neither_blocks_nor_is_opened() {
    let s = scratch();
    generated_ok(s.path(), &[]);
    let fifo = s.path().join("generated/pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = run(s.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(4), "{}", err(&o));
    assert!(err(&o).contains("\n  pipe\n"), "{}", err(&o));
    assert_eq!(run(s.path(), &["check"]).status.code(), Some(0), "check ignores others' entries");
}

#[test]
fn a_generated_file_swapped_for_a_fifo_after_a_run_is_neither_read_nor_trusted() {
    // The first run leaves a stamp (its inputs); the second would check every file
    // against the manifest instead of generating, and must not open the FIFO to do so.
    let s = scratch();
    generated_ok(s.path(), &[]);
    let file = s.path().join("generated/snippets/current/go/call-reject.go");
    std::fs::remove_file(&file).unwrap();
    assert!(Command::new("mkfifo").arg(&file).status().unwrap().success());
    for cmd in ["generate", "check"] {
        let o = run(s.path(), &[cmd]);
        assert!(!err(&o).contains("inputs as last run"), "{cmd}: {}", err(&o));
        assert_ne!(o.status.code(), Some(0), "{cmd} passed a FIFO where a snippet was: {}", err(&o));
    }
}

#[test]
fn an_output_path_that_is_a_file_is_refused() {
    let s = scratch();
    std::fs::write(s.path().join("generated"), "a file\n").unwrap();
    let o = run(s.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(4), "{}", err(&o));
    assert!(err(&o).contains("exists and is not a directory"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(s.path().join("generated")).unwrap(), "a file\n");
}

#[test]
fn the_leftovers_of_a_killed_run_are_removed_by_the_next() {
    let s = scratch();
    let stale = s.path().join(".generated.sdkgen-999999-0");
    std::fs::create_dir_all(stale.join("docs")).unwrap();
    std::fs::write(stale.join("docs/x.md"), "half").unwrap();
    let not_ours = s.path().join(".generated.sdkgen-notes");
    std::fs::create_dir_all(&not_ours).unwrap();
    generated_ok(s.path(), &[]);
    assert!(!stale.exists());
    assert!(not_ours.exists(), "only names sdkgen makes are removed");
}

/// A spec of `n` copies of the reject action, so a run lasts long enough to be killed
/// in the middle of writing.
fn big_spec(dir: &Path, n: usize, variant: &str) {
    let src = std::fs::read_to_string(repo().join("spec/actions/call-reject.yaml")).unwrap();
    let actions = dir.join("spec/actions");
    std::fs::remove_dir_all(&actions).ok();
    std::fs::create_dir_all(&actions).unwrap();
    for i in 0..n {
        let text = src
            .replace("name: reject", &format!("name: reject{i}"))
            .replace("/reject\n", &format!("/reject{i}\n"))
            .replace("name: call-reject", &format!("name: {variant}{i}-call-reject"));
        std::fs::write(actions.join(format!("a{i}.yaml")), text).unwrap();
    }
}

/// The staging and old-tree siblings a run keeps beside the output while it writes.
fn staging_siblings(dir: &Path) -> Vec<std::ffi::OsString> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().contains(".sdkgen-")).collect()
}

/// Spawns `sdkgen generate` in `dir`, output discarded: the runs this test kills.
fn spawn_generate(dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_sdkgen"))
        .arg("generate")
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_run_killed_at_any_moment_leaves_the_old_tree_or_the_new_one() {
    let s = scratch();
    let out = s.path().join("generated");
    big_spec(s.path(), 12, "a");
    generated_ok(s.path(), &[]);
    let tree_a = read_tree(&out).unwrap();
    big_spec(s.path(), 12, "b");
    generated_ok(s.path(), &[]);
    let tree_b = read_tree(&out).unwrap();
    assert_ne!(tree_a, tree_b);
    let started = Instant::now();
    // How long a run lasts, measured as the killed runs are made (spawned, under whatever
    // else the machine runs at the time), and again by every round that is let finish: a
    // figure taken once, on a quiet moment, put every kill of a loaded CI machine before
    // the swap.
    let mut full = Duration::ZERO;
    let (mut seen_old, mut seen_new, mut mid_write) = (0, 0, 0);
    for round in 0..40u64 {
        let variant = if round % 2 == 0 { "b" } else { "a" };
        let (old, new) = if variant == "b" { (&tree_a, &tree_b) } else { (&tree_b, &tree_a) };
        big_spec(s.path(), 12, variant);
        // Kill somewhere in the run, spread over its whole length by a fixed sequence; every
        // fifth round is let finish, to keep `full` current.
        let fraction = match round {
            0 => Some(0.0),
            r if r % 5 == 1 => None,
            _ => Some(((round * 7919) % 97) as f64 / 96.0 * 1.1),
        };
        let mut child = spawn_generate(s.path());
        let t = Instant::now();
        match fraction {
            None => {
                let status = child.wait().unwrap();
                assert!(status.success(), "round {round}: an unkilled run failed");
                full = full.max(t.elapsed());
            }
            Some(f) => {
                std::thread::sleep(full.mul_f64(f));
                let _ = child.kill();
                let _ = child.wait();
            }
        }
        // A killed run that had begun writing leaves its staging sibling for the next run.
        let writing = !staging_siblings(s.path()).is_empty();
        let now = read_tree(&out).unwrap();
        if &now == old {
            seen_old += 1;
            mid_write += usize::from(writing);
            // Bring the tree to `new` so the next round starts from it.
            generated_ok(s.path(), &[]);
        } else if &now == new {
            seen_new += 1;
        } else {
            let extra: Vec<_> = now.keys().filter(|k| !old.contains_key(*k) && !new.contains_key(*k)).take(5).collect();
            panic!("round {round} (fraction {fraction:?} of {full:?}): a mixed tree; unexpected files {extra:?}");
        }
        assert!(!listing(&out).iter().any(|l| l.contains(".sdkgen-")), "round {round}: temporary files inside the output");
    }
    // The kills must have reached the window that matters: while the new tree was being
    // staged beside the old one.
    assert!(seen_old > 0 && seen_new > 0 && mid_write > 0, "old tree {seen_old}, new tree {seen_new}, killed while writing {mid_write}");
    generated_ok(s.path(), &[]);
    let leftovers = staging_siblings(s.path());
    assert!(leftovers.is_empty(), "after a clean run: {leftovers:?}");
    eprintln!("old tree {seen_old}, new tree {seen_new}, killed while writing {mid_write}, a run {full:?}");
    assert!(started.elapsed() < Duration::from_secs(120));
}

#[test]
fn concurrent_runs_on_one_directory_serialise_and_leave_a_complete_tree() {
    let s = scratch();
    let expected = {
        let other = scratch();
        generated_ok(other.path(), &[]);
        read_tree(&other.path().join("generated")).unwrap()
    };
    let children: Vec<_> = (0..6)
        .map(|_| Command::new(env!("CARGO_BIN_EXE_sdkgen")).arg("generate").current_dir(s.path()).stderr(Stdio::piped()).spawn().unwrap())
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    }
    assert_eq!(read_tree(&s.path().join("generated")).unwrap(), expected);
}

// ---- reading the spec ----

fn spec_error(dir: &Path, args: &[&str]) -> String {
    let o = run(dir, args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
    assert!(!dir.join("generated").exists(), "a spec error wrote output");
    err(&o)
}

#[test]
fn a_spec_file_linking_outside_the_spec_is_refused_without_showing_its_text() {
    let s = scratch();
    let secrets = tempfile::tempdir().unwrap();
    let secret = secrets.path().join("secret.yaml");
    std::fs::write(&secret, "password: hunter2-TOPSECRET\n").unwrap();
    symlink(&secret, s.path().join("spec/types/leak.yaml")).unwrap();
    let e = spec_error(s.path(), &["generate"]);
    assert!(e.contains("links outside the spec directory"), "{e}");
    assert!(!e.contains("TOPSECRET"), "{e}");
}

#[test]
fn special_files_and_link_loops_in_the_spec_are_errors_not_hangs() {
    let s = scratch();
    assert!(Command::new("mkfifo").arg(s.path().join("spec/pipe.yaml")).status().unwrap().success());
    symlink("loop-b.yaml", s.path().join("spec/loop-a.yaml")).unwrap();
    symlink("loop-a.yaml", s.path().join("spec/loop-b.yaml")).unwrap();
    symlink(".", s.path().join("spec/self")).unwrap();
    let e = spec_error(s.path(), &["generate"]);
    assert!(e.contains("pipe.yaml is not a regular file"), "{e}");
    assert!(e.contains("loop-a.yaml is a broken link or a link loop"), "{e}");
    // Named directly, a FIFO or a device is refused the same way.
    let e = spec_error(s.path(), &["generate", "--spec", "spec/pipe.yaml"]);
    assert!(e.contains("is not a regular file"), "{e}");
    let e = spec_error(s.path(), &["generate", "--spec", "/dev/zero"]);
    assert!(e.contains("/dev/zero is not a regular file"), "{e}");
}

#[test]
fn an_oversized_spec_file_is_refused_before_it_is_read_whole() {
    let s = scratch();
    let f = std::fs::File::create(s.path().join("spec/huge.yaml")).unwrap();
    f.set_len(sdkgen::spec::MAX_FILE_BYTES + 1).unwrap();
    let e = spec_error(s.path(), &["generate"]);
    assert!(e.contains("huge.yaml is larger than 32 MiB, the limit for one spec file"), "{e}");
}

#[test]
fn encodings_empty_documents_and_line_ends_are_located() {
    let s = scratch();
    let cases: [(&str, &[u8], &str, &str); 5] = [
        ("utf16.yaml", b"\xff\xfes\x00d\x00", "the file is UTF-16; spec files must be UTF-8", "utf16.yaml:1:1"),
        ("latin1.yaml", b"sdkgen: 1\napi:\n  title: caf\xe9\n", "the file is not valid UTF-8", "latin1.yaml:3:13"),
        ("markers.yaml", b"---\n# nothing\n...\n", "the file has no content", "markers.yaml:1:1"),
        ("cr-only.yaml", b"sdkgen: 1\rapi:\r  title: x\r  bogus: 1\r", "unknown key `bogus`", "cr-only.yaml:4:3"),
        ("crlf.yaml", b"sdkgen: 1\r\napi:\r\n  title: x\r\n  bogus: 1\r\n", "unknown key `bogus`", "crlf.yaml:4:3"),
    ];
    for (name, bytes, message, location) in cases {
        let dir = s.path().join(name.replace(".yaml", ""));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
        let e = spec_error(s.path(), &["generate", "--spec", dir.join(name).to_str().unwrap()]);
        assert!(e.contains(&format!("error: {message}\n")), "{name}: {e}");
        assert!(e.contains(&format!("{location}\n")), "{name}: {e}");
    }
}

#[test]
fn control_characters_never_reach_the_terminal_and_long_lines_are_cut() {
    let s = scratch();
    let text = b"sdkgen: 1\nenums:\n  e:\n    members:\n      \"\x1b]0;owned\x07\x1b[2J\xe2\x80\xae\": {}\n    bogus\x1b[31m: 1\n";
    std::fs::write(s.path().join("spec/hostile.yaml"), text).unwrap();
    let mut long = b"sdkgen: 1\ntypes: {t: {description: \"".to_vec();
    long.extend(std::iter::repeat_n(b'x', 20 << 20));
    long.extend_from_slice(b"\", nope: 1}}\n");
    std::fs::write(s.path().join("spec/long.yaml"), &long).unwrap();
    let e = spec_error(s.path(), &["generate"]);
    assert!(e.contains(&format!("long.yaml:2:{}\n", (20 << 20) + 30)), "the real column: {e}");
    assert!(!e.chars().any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)), "{e:?}");
    assert!(e.len() < 4_000, "{} bytes of messages for a 20 MB line", e.len());
    assert!(e.contains("\\u{1b}"), "shown escaped: {e}");
}

#[test]
fn library_internals_do_not_reach_messages() {
    let s = scratch();
    let cases: [(&str, &str); 3] = [
        ("sdkgen: 1\n---\nsdkgen: 1\n", "a spec file holds one YAML document; `---` starts a second one here"),
        ("sdkgen: 1.5\n", "expected a whole number"),
        ("sdkgen: 1\nactions:\n  - name: x\n    boundTo: call\n    summary: s\n    paths: [{template: /x}]\n    response: {status: 202}\n    permissions: {delegatedWork: {supported: false}, delegatedPersonal: {supported: false}, application: {supported: false}}\n    examples:\n      - {name: e, title: t, request: {body: {x: .inf}}, response: {status: 202}}\n", "`.inf` is not a finite number; JSON has no infinities or NaN"),
    ];
    for (i, (text, message)) in cases.iter().enumerate() {
        let f = s.path().join(format!("case{i}.yaml"));
        std::fs::write(&f, text).unwrap();
        let e = spec_error(s.path(), &["generate", "--spec", f.to_str().unwrap()]);
        assert!(e.contains(&format!("error: {message}\n")), "case {i}: {e}");
        assert!(!e.contains("from_multiple") && !e.contains("reject_non_finite"), "case {i}: {e}");
    }
}

#[test]
fn a_missing_spec_or_config_is_an_io_error_naming_its_path() {
    let s = tempfile::tempdir().unwrap();
    for (args, says) in [
        (&["generate", "--spec", "no/such/spec"][..], "no spec at no/such/spec: nothing to generate from"),
        (&["check", "--config", "no/such/sdkgen.toml"], "cannot read no/such/sdkgen.toml"),
    ] {
        let o = run(s.path(), args);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", err(&o));
        assert!(err(&o).contains(says), "{}", err(&o));
    }
    // An unwritable output location is an I/O error naming the path, too.
    std::fs::write(s.path().join("file"), "x").unwrap();
    copy_dir(&repo().join("spec"), &s.path().join("spec"));
    let o = run(s.path(), &["generate", "--out", "file/sub"]);
    assert_eq!(o.status.code(), Some(3), "{}", err(&o));
    assert!(err(&o).contains("file"), "{}", err(&o));
}

#[test]
fn a_config_file_is_validated_like_a_spec_and_headers_come_from_it() {
    let s = scratch();
    std::fs::write(s.path().join("sdkgen.toml"), "spec = \"spec\"\nouts = \"x\"\n").unwrap();
    let e = spec_error(s.path(), &["generate"]);
    assert!(e.contains("sdkgen.toml:2:1"), "{e}");
    assert!(e.contains("outs"), "{e}");
    std::fs::write(s.path().join("sdkgen.toml"), "regenerate = \"make gen\\ncompile_error!(\\\"x\\\");\"\n").unwrap();
    let e = spec_error(s.path(), &["generate"]);
    assert!(e.contains("`regenerate` must be one line"), "{e}");
    std::fs::write(s.path().join("sdkgen.toml"), "out = \"gen\"\nregenerate = \"make gen\"\n").unwrap();
    generated_ok(s.path(), &[]);
    let lib = std::fs::read_to_string(s.path().join("gen/rust/src/lib.rs")).unwrap();
    assert!(lib.starts_with("// Generated by sdkgen. Do not edit; regenerate with `make gen`.\n"), "{lib}");
    // Any spelling of the same directories gives the same bytes, from anywhere.
    let abs = s.path().join("gen");
    for (cwd, out) in [(s.path().to_path_buf(), "./gen/".to_owned()), (PathBuf::from("/"), abs.display().to_string())] {
        let cfg = s.path().join("sdkgen.toml");
        let o = run(&cwd, &["check", "--config", cfg.to_str().unwrap(), "--out", &out]);
        assert_eq!(o.status.code(), Some(0), "{cwd:?} {out}: {}", err(&o));
    }
}

/// Where sdkgen keeps the stamp of `out` under the cache directory `cache`.
fn stamp_of(cache: &Path, out: &Path) -> PathBuf {
    cache_file_of(cache, "stamps", out)
}

/// Where sdkgen keeps what it knows of `kind` (`stamps`, `models`) for directory `dir`.
fn cache_file_of(cache: &Path, kind: &str, dir: &Path) -> PathBuf {
    use sha2::Digest;
    let real = std::fs::canonicalize(dir).unwrap();
    let digest = sha2::Sha256::digest(real.as_os_str().as_encoded_bytes());
    cache.join("sdkgen").join(kind).join(digest.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

#[test]
fn the_stamp_cache_is_a_regular_file_inside_the_cache_or_nothing() {
    const SHORTCUT: &str = "inputs as last run";
    let s = scratch();
    let cache = tempfile::tempdir().unwrap();
    let env = [("XDG_CACHE_HOME", cache.path())];
    let generate = || run_with(s.path(), &["generate"], &env);
    assert_eq!(generate().status.code(), Some(0));
    let out = s.path().join("generated");
    let stamp = stamp_of(cache.path(), &out);
    assert!(std::fs::symlink_metadata(&stamp).unwrap().is_file(), "the first run leaves a stamp");
    assert!(err(&generate()).contains(SHORTCUT), "and the second takes its shortcut");

    // A FIFO, a link to someone's file, and a file far larger than a stamp where the stamp
    // goes: none is waited on, written through or read; each run generates as usual and
    // leaves a stamp of its own in its place.
    let theirs = s.path().join("theirs.txt");
    std::fs::write(&theirs, "keep me\n").unwrap();
    let big = s.path().join("big");
    std::fs::File::create(&big).unwrap().set_len(8 << 30).unwrap();
    let plant: [(&str, &dyn Fn()); 3] = [
        ("fifo", &|| assert!(Command::new("mkfifo").arg(&stamp).status().unwrap().success())),
        ("link", &|| symlink(&theirs, &stamp).unwrap()),
        ("huge", &|| std::fs::rename(&big, &stamp).unwrap()),
    ];
    for (what, plant) in plant {
        std::fs::remove_file(&stamp).unwrap();
        plant();
        let start = Instant::now();
        let o = generate();
        assert!(o.status.code() == Some(0) && !err(&o).contains(SHORTCUT), "{what}: {}", err(&o));
        assert!(start.elapsed() < Duration::from_secs(10), "{what}: took {:?}", start.elapsed());
        assert!(std::fs::symlink_metadata(&stamp).unwrap().len() < 200, "{what}: replaced by a stamp");
        assert_eq!(run_with(s.path(), &["check"], &env).status.code(), Some(0), "{what}");
    }
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "keep me\n");

    // The stamps directory as a link to elsewhere: nothing is read or written there.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::remove_dir_all(cache.path().join("sdkgen/stamps")).unwrap();
    symlink(elsewhere.path(), cache.path().join("sdkgen/stamps")).unwrap();
    for _ in 0..2 {
        let o = generate();
        assert!(o.status.code() == Some(0) && !err(&o).contains(SHORTCUT), "{}", err(&o));
    }
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0, "nothing written through the link");

    // A relative XDG_CACHE_HOME is ignored, as the XDG spec says: nothing lands in the
    // working directory; the cache under HOME is used instead.
    let home = tempfile::tempdir().unwrap();
    let relative = [("XDG_CACHE_HOME", Path::new("relcache")), ("HOME", home.path())];
    for _ in 0..2 {
        assert_eq!(run_with(s.path(), &["generate"], &relative).status.code(), Some(0));
    }
    assert!(!s.path().join("relcache").exists(), "a relative cache path wrote into the working directory");
    assert!(stamp_of(&home.path().join(".cache"), &out).is_file());
}

/// The compiled model (`modelcache`) is what a later command reads while its digest is
/// the spec's; an edited spec, a file that does not read back, a link or a FIFO where it
/// goes are each answered from the spec itself, never written through or waited on, and
/// replaced by a compiled model of sdkgen's own.
#[test]
fn the_compiled_model_is_read_only_while_current_and_never_through_a_link() {
    let s = scratch();
    let cache = tempfile::tempdir().unwrap();
    let env = [("XDG_CACHE_HOME", cache.path())];
    let snippet = || {
        let o = run_with(s.path(), &["snippet", "--example", "call-reject", "--lang", "go", "--spec", "spec"], &env);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let first = snippet();
    let model = cache_file_of(cache.path(), "models", &s.path().join("spec"));
    let kept = std::fs::read(&model).unwrap();
    assert!(kept.len() > 1000 && kept[64] == b'\n', "a digest, then the model");
    assert_eq!(snippet(), first);

    // Read, not rebuilt: a value changed in the compiled model (its digest kept) shows.
    const ID: &str = "57dab8b1-894c-409a-b240-bd8beae78896";
    let tampered = String::from_utf8(kept.clone()).unwrap().replace(ID, "from-the-compiled-model");
    std::fs::write(&model, &tampered).unwrap();
    assert!(snippet().contains("ByCallId(\"from-the-compiled-model\")"), "the compiled model is what was read");

    // An edited spec has another digest: its own value, and the file replaced.
    let reject = s.path().join("spec/actions/call-reject.yaml");
    std::fs::write(&reject, std::fs::read_to_string(&reject).unwrap().replace(ID, "edited-in-the-spec")).unwrap();
    assert!(snippet().contains("ByCallId(\"edited-in-the-spec\")"));
    assert!(!std::fs::read_to_string(&model).unwrap().contains("from-the-compiled-model"), "replaced");
    let current = snippet();

    // Broken after its digest, a link to someone's file, a FIFO: the spec answers, the
    // file is replaced, theirs is untouched, nothing waits.
    let theirs = s.path().join("theirs.txt");
    std::fs::write(&theirs, "keep me\n").unwrap();
    let digest_line = std::fs::read(&model).unwrap()[..65].to_vec();
    let plant: [(&str, &dyn Fn()); 3] = [
        ("broken", &|| std::fs::write(&model, [digest_line.as_slice(), b"{\"api\": 1"].concat()).unwrap()),
        ("link", &|| symlink(&theirs, &model).unwrap()),
        ("fifo", &|| assert!(Command::new("mkfifo").arg(&model).status().unwrap().success())),
    ];
    for (what, plant) in plant {
        std::fs::remove_file(&model).unwrap();
        plant();
        let start = Instant::now();
        assert_eq!(snippet(), current, "{what}");
        assert!(start.elapsed() < Duration::from_secs(10), "{what}: took {:?}", start.elapsed());
        let meta = std::fs::symlink_metadata(&model).unwrap();
        assert!(meta.is_file() && meta.len() > 1000, "{what}: replaced by a compiled model");
    }
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "keep me\n");

    // A spec error is never answered from the cache: it is found in the spec.
    std::fs::write(&reject, "sdkgen: 1\nactions: [oops\n").unwrap();
    let o = run_with(s.path(), &["snippet", "--example", "call-reject", "--lang", "go", "--spec", "spec"], &env);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("call-reject.yaml:"), "{}", err(&o));
}
