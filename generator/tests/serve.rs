//! `sdkgen serve` against the running binary, with a plain HTTP/1.1 client: snippets for raw
//! requests, located 400s, concurrent clients, a clean stop on SIGTERM, and every limit that
//! keeps it up (connections, renders in flight, head and body timeouts, 413 unread, HTTP/1.1).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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
        Service::with(&[])
    }

    /// The service with these limits (`--max-connections 4`, …).
    fn with(limits: &[&str]) -> Service {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sdkgen"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(limits)
            .arg("--spec")
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

/// Waits for `s` to be closed by the service and returns what it sent before, or panics
/// when it is still open after `within`.
fn closed_within(s: &mut TcpStream, within: Duration) -> String {
    s.set_read_timeout(Some(within)).unwrap();
    let start = Instant::now();
    let mut out = Vec::new();
    match s.read_to_end(&mut out) {
        Ok(_) => {}
        // A reset is a close too.
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!("still open after {:?} ({e}); sent {:?}", start.elapsed(), String::from_utf8_lossy(&out)),
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn an_oversized_body_is_refused_from_its_head_without_100_continue() {
    let service = Service::start();
    let mut s = TcpStream::connect(&service.addr).unwrap();
    let head = format!(
        "POST /?lang=go HTTP/1.1\r\nHost: x\r\nContent-Type: application/http\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n",
        64 << 20
    );
    s.write_all(head.as_bytes()).unwrap();
    // Not one byte of the 64 MiB is sent: the answer must come from the head alone.
    let answer = closed_within(&mut s, Duration::from_secs(5));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(!answer.contains("100 Continue"), "a refused body is never asked for: {answer}");
    // A chunked body with no length is cut at the limit as it arrives.
    let mut s = TcpStream::connect(&service.addr).unwrap();
    s.write_all(b"POST /?lang=go HTTP/1.1\r\nHost: x\r\nContent-Type: application/http\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 256 << 10, "a".repeat(256 << 10));
    for _ in 0..5 {
        if s.write_all(chunk.as_bytes()).is_err() {
            break;
        }
    }
    let answer = closed_within(&mut s, Duration::from_secs(5));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

#[test]
fn idle_and_slow_clients_are_cut_off_while_others_are_answered() {
    let service = Service::with(&["--header-timeout", "1", "--body-timeout", "1"]);
    // Idle: connected, nothing sent.
    let mut idle = TcpStream::connect(&service.addr).unwrap();
    // Slowloris: a head trickled a byte at a time, never finished.
    let mut trickle = TcpStream::connect(&service.addr).unwrap();
    let trickler = {
        let mut t = trickle.try_clone().unwrap();
        std::thread::spawn(move || {
            for b in b"POST /?lang=go HTTP/1.1\r\nHost: x\r\nX-Slow: ".iter().chain([b'a'; 200].iter()) {
                if t.write_all(&[*b]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    // A whole head, then a body that stops half way.
    let mut slow_body = TcpStream::connect(&service.addr).unwrap();
    slow_body
        .write_all(b"POST /?lang=go HTTP/1.1\r\nHost: x\r\nContent-Type: application/http\r\nContent-Length: 100\r\n\r\nPOST /comm")
        .unwrap();
    // Meanwhile a normal client is answered at once.
    let start = Instant::now();
    assert_eq!(service.post("?lang=go", "application/http", REJECT.as_bytes()).0, 200);
    assert!(start.elapsed() < Duration::from_secs(1), "{:?}", start.elapsed());
    assert_eq!(closed_within(&mut idle, Duration::from_secs(4)), "", "an idle connection is closed, unanswered");
    closed_within(&mut trickle, Duration::from_secs(4));
    let answer = closed_within(&mut slow_body, Duration::from_secs(4));
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("x-content-type-options: nosniff"), "{answer}");
    trickler.join().unwrap();
}

#[test]
fn connections_past_the_cap_are_told_to_retry_and_the_service_recovers() {
    let service = Service::with(&["--max-connections", "4"]);
    let held: Vec<_> = (0..4).map(|_| TcpStream::connect(&service.addr).unwrap()).collect();
    // The four are accepted before the fifth comes.
    std::thread::sleep(Duration::from_millis(300));
    let (status, head, body) = service.exchange("?lang=go", "application/http", REJECT.as_bytes());
    assert_eq!(status, 503, "{head}{body}");
    assert!(head.contains("retry-after: 1") && head.contains("nosniff"), "{head}");
    drop(held);
    let start = Instant::now();
    loop {
        let (status, _) = service.post("?lang=go", "application/http", REJECT.as_bytes());
        if status == 200 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "no answer 5 s after the held connections closed: {status}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn renders_past_the_cap_wait_then_are_told_to_retry() {
    let service = std::sync::Arc::new(Service::with(&["--max-in-flight", "1", "--queue-timeout", "0.001"]));
    // A request near the body limit with an error on every line: the slowest render there is.
    let heavy: std::sync::Arc<Vec<u8>> = std::sync::Arc::new(
        format!("POST /communications/calls/x/reject\n\n[{}1]\n", "{\"reason\": \"sleepy\"},".repeat(40_000)).into_bytes(),
    );
    let mut told_to_retry = false;
    for _round in 0..20 {
        let answers: Vec<(u16, String)> = (0..6)
            .map(|_| {
                let (service, heavy) = (service.clone(), heavy.clone());
                std::thread::spawn(move || {
                    let (status, head, _) = service.exchange("?lang=go", "application/http", &heavy);
                    (status, head)
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        for (status, head) in &answers {
            assert!(*status == 400 || *status == 503, "{status} {head}");
            if *status == 503 {
                assert!(head.contains("retry-after: 1"), "{head}");
                told_to_retry = true;
            }
        }
        if told_to_retry {
            break;
        }
    }
    assert!(told_to_retry, "six heavy requests at once, one render slot: some must be told to retry");
    assert_eq!(service.post("?lang=go", "application/http", REJECT.as_bytes()).0, 200, "and the service is still there");
}

#[test]
fn http2_is_not_spoken() {
    let service = Service::start();
    let mut s = TcpStream::connect(&service.addr).unwrap();
    s.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00").unwrap();
    let answer = closed_within(&mut s, Duration::from_secs(5));
    // An HTTP/2 server's first bytes are a SETTINGS frame (type 4 at offset 3).
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 "), "{answer:?}");
    assert_eq!(service.post("?lang=go", "application/http", REJECT.as_bytes()).0, 200);
}

#[test]
fn a_client_holding_a_request_open_does_not_hold_sigterm_past_the_deadline() {
    let mut service = Service::with(&["--shutdown-deadline", "1", "--header-timeout", "60", "--body-timeout", "60"]);
    let mut s = TcpStream::connect(&service.addr).unwrap();
    s.write_all(b"POST /?lang=go HTTP/1.1\r\nHost: x\r\nContent-Type: application/http\r\nContent-Length: 100\r\n\r\nPOST").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill(2) on the child this test started.
    assert_eq!(unsafe { libc::kill(service.child.id() as i32, libc::SIGTERM) }, 0);
    let start = Instant::now();
    loop {
        if let Some(status) = service.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "still running 5 s after SIGTERM with a 1 s deadline");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(start.elapsed() >= Duration::from_millis(900), "the request under way was given its deadline");
}

const LANGS: [&str; 10] = ["http", "csharp", "javascript", "objc", "java", "go", "powershell", "python", "php", "cli"];

/// A `/proc/PID/status` figure of the service, in KiB.
fn status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap_or_else(|| panic!("no {field}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn memory_taken_under_load_is_given_back_after_it() {
    let service = std::sync::Arc::new(Service::start());
    let pid = service.child.id();
    // Warm: every language once, so what is built on first use is in the baseline.
    for lang in LANGS {
        assert_eq!(service.post(&format!("?lang={lang}"), "application/http", REJECT.as_bytes()).0, 200);
    }
    std::thread::sleep(Duration::from_millis(1500));
    let warm = status_kib(pid, "VmRSS");
    // Load: 64 clients at once, each body half a MiB (the request padded with blank lines),
    // so the service holds well over a hundred MB while requests wait for a render slot.
    let padded = std::sync::Arc::new(format!("{REJECT}{}", "\n".repeat(512 << 10)));
    let workers: Vec<_> = (0..64)
        .map(|_| {
            let (service, padded) = (service.clone(), padded.clone());
            std::thread::spawn(move || {
                let (status, body) = service.post("?lang=go", "application/http", padded.as_bytes());
                assert!(status == 200 || status == 503, "{status} {body}");
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let peak = status_kib(pid, "VmHWM");
    assert!(peak > warm + (64 << 10), "the load took memory: {warm} KiB warm, {peak} KiB at its peak");
    // Given back within seconds of the load's end (idle render threads end after 1 s, each
    // worker collects its heap once the service is idle): at most a third of what the load
    // took above the warm figure is still held (measured: a twelfth to a sixth; before,
    // half to three quarters).
    let held = |now: u64| now.saturating_sub(warm) * 3 <= peak - warm;
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut now = status_kib(pid, "VmRSS");
    while !held(now) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        now = status_kib(pid, "VmRSS");
    }
    assert!(held(now), "{warm} KiB warm, {peak} KiB at the peak, still {now} KiB 5 s after the load");
}
