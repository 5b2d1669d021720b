//! `sdkgen serve` against the running binary, with a plain HTTP/1.1 client: snippets for raw
//! requests, located 400s, the body limit, concurrent clients, and a clean stop on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The running service and its address, read from the line it prints once listening.
struct Service {
    child: Child,
    addr: String,
}

impl Service {
    fn start() -> Service {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sdkgen"))
            .args(["serve", "--addr", "127.0.0.1:0", "--spec"])
            .arg(root().join("spec"))
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).unwrap_or_else(|| panic!("{line}")).to_owned();
        // Keep draining stderr so the service never blocks on it.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        Service { child, addr }
    }

    /// One request on a fresh connection: (status, body).
    fn post(&self, query: &str, content_type: &str, body: &[u8]) -> (u16, String) {
        let (status, _, body) = self.exchange(query, content_type, body);
        (status, body)
    }

    /// The status, the response's head (lower case) and its body.
    fn exchange(&self, query: &str, content_type: &str, body: &[u8]) -> (u16, String, String) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        let head = format!(
            "POST /{query} HTTP/1.1\r\nHost: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            body.len()
        );
        s.write_all(head.as_bytes()).unwrap();
        // A body over the limit may be refused before it is all read.
        let _ = s.write_all(body);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out).into_owned();
        let status = text.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
        let (head, body) =
            text.split_once("\r\n\r\n").map_or((text.clone(), String::new()), |(h, b)| (h.to_ascii_lowercase(), b.to_owned()));
        (status, head, body)
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const REJECT: &str = "POST https://graph.microsoft.com/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject\nContent-Type: application/json\n\n{\n  \"reason\": \"busy\"\n}\n";

fn cli_snippet(lang: &str, style: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_sdkgen"))
        .args(["snippet", "--example", "call-reject", "--lang", lang, "--style", style, "--spec"])
        .arg(root().join("spec"))
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_service_answers_snippets_and_located_errors() {
    let service = Service::start();
    for (lang, style) in [("go", "current"), ("csharp", "page"), ("python", "current"), ("http", "current")] {
        let (status, body) = service.post(&format!("?lang={lang}&style={style}"), "application/http", REJECT.as_bytes());
        assert_eq!(status, 200, "{body}");
        assert_eq!(body, cli_snippet(lang, style), "{lang} {style}: as `sdkgen snippet` prints it");
    }
    let (status, body) = service.post("?lang=go", "application/http", b"POST /communications/calls/x/reject\n\n{\"reason\": \"sleepy\"}\n");
    assert_eq!(status, 400);
    assert!(
        body.contains("request:3:2") && body.contains("`sleepy` is not a member of enum `rejectReason`") && body.contains('^'),
        "{body}"
    );
    let (status, body) = service.post("?lang=go", "application/http", b"POST /nowhere\n");
    assert!(status == 400 && body.contains("no operation of the spec is `POST /nowhere`"), "{body}");
    // A reflected line is text, never sniffed, and holds no raw control character.
    let (status, head, body) = service.exchange("?lang=go", "application/http", b"POST /nowhere\x1b[2J<script>\n");
    assert_eq!(status, 400, "{body}");
    assert!(head.contains("x-content-type-options: nosniff") && head.contains("content-type: text/plain"), "{head}");
    assert!(!body.contains('\u{1b}'), "{body:?}");
    let (status, body) = service.post("?lang=cobol", "application/http", REJECT.as_bytes());
    assert!(status == 400 && body.contains("`lang`: unknown language"), "{body}");
    let (status, _) = service.post("?lang=go", "application/json", REJECT.as_bytes());
    assert_eq!(status, 415);
    let (status, _) = service.post("?lang=go", "application/http", &vec![b'a'; 2 << 20]);
    assert_eq!(status, 413, "a body over 1 MiB is refused");
    let (status, body) = service.post("?lang=go", "application/http", &[0xff, 0xfe, b'\n']);
    assert_eq!(status, 400, "not UTF-8: {body}");
}

#[test]
fn concurrent_clients_each_get_their_own_snippet() {
    let service = std::sync::Arc::new(Service::start());
    let expected = std::sync::Arc::new(cli_snippet("javascript", "current"));
    let workers: Vec<_> = (0..16)
        .map(|i| {
            let (service, expected) = (service.clone(), expected.clone());
            std::thread::spawn(move || {
                for j in 0..10 {
                    if (i + j) % 3 == 0 {
                        let (status, _) = service.post(
                            "?lang=javascript",
                            "application/http",
                            b"POST /communications/calls/x/reject\n\n{\"reason\": 1}\n",
                        );
                        assert_eq!(status, 400);
                    } else {
                        let (status, body) = service.post("?lang=javascript", "application/http", REJECT.as_bytes());
                        assert_eq!((status, body.as_str()), (200, expected.as_str()));
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
}

#[test]
fn sigterm_stops_the_service_cleanly() {
    let mut service = Service::start();
    assert_eq!(service.post("?lang=go", "application/http", REJECT.as_bytes()).0, 200);
    let pid = service.child.id() as i32;
    // SAFETY: kill(2) on the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = service.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "still running 10 s after SIGTERM");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(TcpStream::connect(&service.addr).is_err(), "nothing listens after the stop");
}
