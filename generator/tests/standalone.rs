//! sdkgen in a maintainer's own repository: `init`, a generated crate built outside this
//! workspace and used by another crate against a local server, `cargo install`, shell
//! completions, `--quiet`. Builds run offline from the cargo cache the set-up filled.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn sdkgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdkgen")).args(args).current_dir(dir).output().unwrap()
}

fn ok(o: Output, what: &str) -> Output {
    assert!(o.status.success(), "{what}: {}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    o
}

/// Cargo, offline, with none of the outer cargo's per-package variables. Its final
/// artifacts (binaries, packages) go to a target directory of its own under this
/// repository's, so nothing replaces the workspace's `sdkgen`; its intermediate ones to
/// the workspace's build directory (`CARGO_BUILD_BUILD_DIR`), so what these crates share
/// with the workspace (tokio, serde, the runtime, the generator's dependencies) is
/// compiled once: in directories of their own that took minutes of the suite. (Cargo
/// holds the lock only while it builds, not while tests run.) These builds are outside
/// the workspace, so its profile does not reach them: debug info and incremental state
/// are switched off here, as the workspace has them for dependencies.
fn cargo(dir: &Path, target: &str, args: &[&str]) -> Output {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", repo().join("target").join(target))
        .env("CARGO_BUILD_BUILD_DIR", repo().join("target"))
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env("CARGO_INCREMENTAL", "0");
    for (k, _) in std::env::vars() {
        if k.starts_with("CARGO_PKG_") || k.starts_with("CARGO_BIN_") || k == "CARGO_MANIFEST_DIR" || k == "CARGO_CRATE_NAME" {
            cmd.env_remove(k);
        }
    }
    cmd.output().unwrap()
}

/// Answers one request with 202 and returns the request as received.
fn serve_once(listener: TcpListener) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let (mut sock, _) = listener.accept().unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = sock.read(&mut buf).unwrap();
            got.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&got).to_string();
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let len = head
                    .lines()
                    .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length: ").map(|v| v.trim().parse::<usize>().unwrap()))
                    .unwrap_or(0);
                if body.len() >= len {
                    break;
                }
            }
            if n == 0 {
                break;
            }
        }
        sock.write_all(b"HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n").unwrap();
        String::from_utf8(got).unwrap()
    })
}

const APP: &str = r#"
use graph_beta::models::{CallRejectRequest, RejectReason};
use graph_beta::GraphClient;

#[tokio::main]
async fn main() {
    let base = std::env::args().nth(1).expect("base URL");
    let client = GraphClient::new(GraphClient::builder().base_url(base).token("standalone-token").build().unwrap());
    let body = CallRejectRequest::new().with_reason(RejectReason::Busy);
    client.call_reject("57dab8b1-894c-409a-b240-bd8beae78896", &body).await.unwrap();
    println!("rejected");
}
"#;

#[test]
fn a_generated_crate_builds_outside_the_workspace_and_serves_another_crate() {
    let tmp = tempfile::tempdir().unwrap();
    let proj = tmp.path().join("proj");
    ok(sdkgen(tmp.path(), &["init", "proj"]), "init");
    let o = ok(sdkgen(&proj, &["generate"]), "generate");
    assert!(String::from_utf8_lossy(&o.stderr).contains("written"), "a summary is printed");
    assert!(proj.join("generated/rust/sdkgen-runtime/src/client.rs").exists(), "the starter vendors the runtime");
    let manifest = std::fs::read_to_string(proj.join("generated/rust/Cargo.toml")).unwrap();
    assert!(!manifest.contains("workspace"), "nothing inherited from a workspace:\n{manifest}");

    // The crate builds where it was generated...
    let krate = proj.join("generated/rust");
    std::fs::copy(repo().join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    ok(cargo(&krate, "standalone", &["build", "-q"]), "cargo build in the generated crate");
    // ...and the lock file that build leaves is kept by the next run, without --force.
    ok(sdkgen(&proj, &["generate"]), "generate beside Cargo.lock");
    assert!(krate.join("Cargo.lock").exists());

    let app = tmp.path().join("app");
    std::fs::create_dir_all(app.join("src")).unwrap();
    std::fs::write(app.join("src/main.rs"), APP).unwrap();
    // The repository's lock file pins every crate to what the set-up cached.
    std::fs::copy(repo().join("Cargo.lock"), app.join("Cargo.lock")).unwrap();
    let app_manifest = |extra: &str| {
        format!(
            "[package]\nname = \"app\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\ngraph-beta = {{ path = \"../proj/generated/rust\" }}\ntokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n\n[workspace]\n{extra}"
        )
    };
    let run_app = || {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}/beta", listener.local_addr().unwrap());
        let server = serve_once(listener);
        let bin = repo().join("target/standalone/debug/app");
        let o = ok(Command::new(bin).arg(&base).output().unwrap(), "app");
        assert_eq!(String::from_utf8_lossy(&o.stdout), "rejected\n");
        let request = server.join().unwrap();
        assert!(
            request.starts_with("POST /beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject HTTP/1.1\r\n"),
            "{request}"
        );
        assert!(request.to_ascii_lowercase().contains("authorization: bearer standalone-token\r\n"), "{request}");
        assert!(request.ends_with("\r\n\r\n{\"reason\":\"busy\"}"), "{request}");
    };

    // Vendored: the crate and its runtime copy build with nothing but crates.io's crates.
    std::fs::write(app.join("Cargo.toml"), app_manifest("")).unwrap();
    ok(cargo(&app, "standalone", &["build", "-q"]), "cargo build (vendored runtime)");
    run_app();

    // Versioned: `sdkgen-runtime = "0.2.1"`, pointed here at this repository's crate.
    std::fs::write(
        proj.join("sdkgen.toml"),
        std::fs::read_to_string(proj.join("sdkgen.toml")).unwrap().replace("runtime = \"vendored\"", "runtime = \"versioned\""),
    )
    .unwrap();
    ok(sdkgen(&proj, &["generate"]), "generate (versioned)");
    assert!(!proj.join("generated/rust/sdkgen-runtime").exists(), "the vendored copy, sdkgen's own, is removed");
    let patch = format!("\n[patch.crates-io]\nsdkgen-runtime = {{ path = {:?} }}\n", repo().join("runtime").display().to_string());
    std::fs::write(app.join("Cargo.toml"), app_manifest(&patch)).unwrap();
    ok(cargo(&app, "standalone", &["build", "-q"]), "cargo build (versioned runtime)");
    run_app();
}

#[test]
fn init_never_overwrites_and_quiet_prints_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    ok(sdkgen(tmp.path(), &["init"]), "init");
    std::fs::write(tmp.path().join("sdkgen.toml"), "# mine\n").unwrap();
    let o = sdkgen(tmp.path(), &["init"]);
    assert_eq!(o.status.code(), Some(4));
    assert_eq!(std::fs::read_to_string(tmp.path().join("sdkgen.toml")).unwrap(), "# mine\n");
    let o = ok(sdkgen(tmp.path(), &["generate", "--quiet"]), "generate --quiet");
    assert!(o.stderr.is_empty() && o.stdout.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("generated/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["sdkgenVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest["specFormat"], sdkgen::spec::FORMAT_VERSION);
    assert_eq!(manifest["regenerate"], "sdkgen generate");
}

#[test]
fn the_runtime_version_generated_crates_name_is_the_runtimes() {
    let manifest = std::fs::read_to_string(repo().join("runtime/Cargo.toml")).unwrap();
    assert!(manifest.contains(&format!("\nversion = \"{}\"\n", sdkgen::emit::rust::RUNTIME_VERSION)), "{manifest}");
    assert!(!manifest.contains(".workspace"), "the runtime is publishable on its own");
}

#[test]
fn cargo_install_works_and_version_names_the_spec_format() {
    let root = tempfile::tempdir().unwrap();
    let generator = repo().join("generator");
    let o = cargo(
        &repo(),
        "install-test",
        &["install", "--path", generator.to_str().unwrap(), "--root", root.path().to_str().unwrap(), "--debug", "--locked"],
    );
    let o = ok(o, "cargo install --path generator");
    // No warning a user cannot act on: the workspace's `[patch]` of the runtime was
    // "not used in the crate graph" of an install before the generator depended on it.
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("was not used"), "{stderr}");
    let bin = root.path().join("bin/sdkgen");
    let o = ok(Command::new(&bin).arg("--version").output().unwrap(), "--version");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("sdkgen {} (spec format {})\n", env!("CARGO_PKG_VERSION"), sdkgen::spec::FORMAT_VERSION)
    );
    // Completions: a script bash accepts, naming every subcommand.
    let o = ok(Command::new(&bin).args(["completions", "bash"]).output().unwrap(), "completions");
    let script = String::from_utf8(o.stdout).unwrap();
    for sub in ["generate", "check", "snippet", "init", "completions"] {
        assert!(script.contains(sub), "{sub} missing from the completions");
    }
    let file = root.path().join("sdkgen.bash");
    std::fs::write(&file, &script).unwrap();
    ok(Command::new("bash").arg("-n").arg(&file).output().unwrap(), "bash -n on the completion script");
}

#[test]
fn the_runtime_packages_for_publishing() {
    let o = cargo(&repo(), "package-test", &["package", "-p", "sdkgen-runtime", "--allow-dirty", "--quiet"]);
    ok(o, "cargo package -p sdkgen-runtime (builds the packaged crate on its own)");
}

/// Issue 11's "the generated Rust crate for the whole communications area compiles": the
/// area imported from Graph v1.0's metadata (its actions and entity operations), generated
/// with a vendored runtime, built on its own, with no warning. Its build time is
/// `bench/import.sh`'s.
#[test]
fn the_communications_area_imported_from_graphs_metadata_builds_as_a_crate() {
    let tmp = tempfile::tempdir().unwrap();
    let metadata = repo().join("tests/fixtures/graph-metadata/v1.0-cleanMetadata.xml");
    let mut args = vec!["import", "csdl", metadata.to_str().unwrap(), "--out", "spec"];
    for t in [
        "cloudCommunications",
        "call",
        "participant",
        "onlineMeeting",
        "presence",
        "adhocCall",
        "audioRoutingGroup",
        "commsOperation",
        "contentSharingSession",
    ] {
        args.extend(["--select", t]);
    }
    ok(sdkgen(tmp.path(), &args), "import csdl of the communications area");
    std::fs::write(
        tmp.path().join("sdkgen.toml"),
        "spec = \"spec\"\nout = \"out\"\nruntime = \"vendored\"\ncrate_name = \"graph-communications\"\n",
    )
    .unwrap();
    ok(sdkgen(tmp.path(), &["generate", "-q", "--rust"]), "generate --rust");
    let krate = tmp.path().join("out/rust");
    let client = std::fs::read_to_string(krate.join("src/client.rs")).unwrap();
    for method in [
        "pub async fn call_reject",
        "pub async fn call_list",
        "pub async fn participant_create",
        "pub async fn presence_set_presence",
        "pub async fn cloud_communications_get",
    ] {
        assert!(client.contains(method), "{method} missing from the client");
    }
    std::fs::copy(repo().join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    let o = ok(cargo(&krate, "standalone", &["build"]), "cargo build of the communications crate");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("warning"), "the crate builds without warnings:\n{stderr}");
}

/// An abstract type the spec derives nothing from (as an import of part of Graph's
/// metadata leaves some) is an enum with only `Unknown`; its crate builds, as the whole of
/// v1.0's does (`bench/import.sh`).
#[test]
fn an_abstract_type_with_no_derived_type_builds() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("spec.yaml"),
        "sdkgen: 1\napi:\n  title: T\n  version: v1.0\n  namespace: t.ns\n  baseUrl: https://example.com/v1.0\ntypes:\n  shape:\n    abstract: true\n  thing:\n    properties:\n      shape:\n        type: shape\nactions:\n  - name: get\n    kind: get\n    boundTo: thing\n    summary: Get a thing.\n    paths:\n      - template: /things/{id}\n    pathParameters:\n      id:\n        type: String\n    response:\n      status: 200\n      type: thing\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("sdkgen.toml"),
        "spec = \"spec.yaml\"\nout = \"out\"\nruntime = \"vendored\"\ncrate_name = \"graph-shapes\"\n",
    )
    .unwrap();
    ok(sdkgen(tmp.path(), &["generate", "-q", "--rust"]), "generate --rust");
    let krate = tmp.path().join("out/rust");
    assert!(std::fs::read_to_string(krate.join("src/models.rs")).unwrap().contains("pub enum Shape {"));
    std::fs::copy(repo().join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    let o = ok(cargo(&krate, "standalone", &["build"]), "cargo build of a crate with an underived abstract type");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("warning"), "the crate builds without warnings:\n{stderr}");
}
