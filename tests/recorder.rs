//! Requests on the wire: a recorder that answers as Graph does, the request an HTTP
//! snippet shows, and runners that execute snippets with the real SDK packages.

use crate::{node_modules, root, scratch, tool, write};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// What a request comes down to for comparison. Bodies are JSON values because SDKs
/// space their JSON differently; `Authorization` is only whether one was sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Wire {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// The request headers an example may set ([`watched`]), names in lower case,
    /// sorted: what each SDK's request configuration must put on the wire, and nothing
    /// it may add on its own.
    pub headers: Vec<(String, String)>,
    pub body: Option<Value>,
}

/// The headers compared: Graph's request headers an example may set
/// (`sdkgen::model::GRAPH_REQUEST_HEADERS`) but those a client sets on its own on every
/// request: `client-request-id` and `return-client-request-id` (the SDKs' telemetry
/// handlers) and `Accept-Language` (node's `fetch` sends `*`).
pub fn watched(name: &str) -> bool {
    const SET_BY_CLIENTS: &[&str] = &["client-request-id", "return-client-request-id", "Accept-Language"];
    sdkgen::model::GRAPH_REQUEST_HEADERS.iter().filter(|h| !SET_BY_CLIENTS.contains(h)).any(|h| h.eq_ignore_ascii_case(name))
}

/// A query string compared as what it says: each name and value percent-decoded (the
/// Kiota SDKs send `%24top=5` where the page prints `$top=5`, and encode what a page
/// leaves raw), pairs in order of name, as a server reads them.
pub fn normalized_query(query: &str) -> String {
    let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').map_or((decode(p), String::new()), |(k, v)| (decode(k), decode(v))))
        .collect();
    pairs.sort();
    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// A path compared as a server reads it: each percent-escape decoded but those of `/`,
/// `?`, `#` and `%`, which would change where a segment ends (an SDK may send a function's
/// `StartDateTime='10:00'` as `10%3A00` or as it is; a value's `a%2Fb` stays one segment,
/// never `a/b`).
pub fn normalized_path(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
            .flatten();
        match escaped {
            Some(b) if !matches!(b, b'/' | b'?' | b'#' | b'%') => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn watched_headers<'h>(pairs: impl Iterator<Item = (&'h str, &'h str)>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        pairs.filter(|(n, _)| watched(n)).map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_owned())).collect();
    out.sort();
    out
}

/// One captured request: the comparable part and whether `Authorization` was sent.
#[derive(Debug, Clone)]
pub struct Captured {
    pub wire: Wire,
    pub authorization: Option<String>,
}

/// The request as the server sees it once `Content-Encoding` is undone: Graph accepts
/// gzip-compressed bodies, and the Go SDK sends them.
pub fn from_request(r: &Request) -> Captured {
    let encoding = r.headers.get("content-encoding").and_then(|v| v.to_str().ok()).unwrap_or("");
    let raw = if encoding.eq_ignore_ascii_case("gzip") {
        let mut out = Vec::new();
        match std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&r.body[..]), &mut out) {
            Ok(_) => out,
            Err(_) => r.body.clone(),
        }
    } else {
        r.body.clone()
    };
    let body = (!raw.is_empty())
        .then(|| serde_json::from_slice(&raw).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&raw).into_owned())));
    Captured {
        wire: Wire {
            method: r.method.to_string(),
            path: normalized_path(r.url.path()),
            query: r.url.query().map(normalized_query),
            headers: watched_headers(r.headers.iter().filter_map(|(n, v)| Some((n.as_str(), v.to_str().ok()?)))),
            body,
        },
        authorization: r.headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned),
    }
}

/// The HTTP snippet, parsed: request line, headers, then the JSON body after the blank line.
pub fn from_http_snippet(text: &str) -> Wire {
    let text: String = text.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let (method, url) = head.lines().next().expect("a request line").split_once(' ').expect("method and URL");
    let after_host = url.strip_prefix("https://").and_then(|u| u.find('/').map(|i| &u[i..])).expect("an absolute https URL");
    let (path, query) = match after_host.split_once('?') {
        Some((p, q)) => (normalized_path(p), Some(normalized_query(q))),
        None => (normalized_path(after_host), None),
    };
    // A header the snippet prints that is not compared would pass unchecked: refuse it.
    let printed: Vec<(&str, &str)> = head.lines().skip(1).map(|l| l.split_once(':').expect("a header line")).collect();
    for (name, _) in &printed {
        assert!(
            watched(name) || ["content-type", "content-length"].contains(&name.to_ascii_lowercase().as_str()),
            "the HTTP snippet prints `{name}`, which the wire comparison does not watch"
        );
    }
    Wire {
        method: method.to_owned(),
        path,
        query,
        headers: watched_headers(printed.into_iter()),
        body: (!body.trim().is_empty()).then(|| serde_json::from_str(body).expect("the HTTP body is JSON")),
    }
}

/// How the recorder answers: the example's documented status and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub body: Option<Value>,
}

impl Answer {
    /// 202, no body, no content type: how Graph answers `call: reject`.
    pub const ACCEPTED: Answer = Answer { status: 202, body: None };

    /// The example's documented response.
    pub fn of(example: &sdkgen::model::Example) -> Answer {
        Answer { status: example.response.status, body: example.response.body.clone() }
    }
}

/// A wiremock server that is dropped on a plain thread. wiremock's `Drop` runs
/// `futures::executor::block_on(verify())` on a tokio RwLock; on a runtime thread whose
/// cooperative budget the test has used up, that lock keeps answering "yield" and the
/// drop spins forever (seen in CI-length runs of the SDK matrix and the OpenAPI peer test).
/// Off the runtime there is no budget, and the drop returns.
pub struct Recorder(Option<MockServer>);

impl Recorder {
    pub async fn start() -> Recorder {
        Recorder(Some(MockServer::start().await))
    }
}

impl std::ops::Deref for Recorder {
    type Target = MockServer;
    fn deref(&self) -> &MockServer {
        self.0.as_ref().expect("present until dropped")
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if let Some(server) = self.0.take() {
            let _ = std::thread::spawn(move || drop(server)).join();
        }
    }
}

/// A recorder on 127.0.0.1 that answers every request with `answer` (a body as
/// `application/json`), so SDKs that read a result read the documented one.
pub async fn recorder(answer: &Answer) -> Recorder {
    let server = Recorder::start().await;
    let mut response = ResponseTemplate::new(answer.status);
    if let Some(body) = &answer.body {
        response = response.set_body_raw(serde_json::to_vec(body).expect("JSON"), "application/json");
    }
    Mock::given(any()).respond_with(response).mount(&server).await;
    server
}

/// The one request a run sent, or an error saying how many there were.
pub async fn only_request(server: &MockServer) -> Result<Captured, String> {
    let got = server.received_requests().await.unwrap_or_default();
    match got.as_slice() {
        [one] => Ok(from_request(one)),
        other => Err(format!("{} requests were sent", other.len())),
    }
}

/// One snippet of a batch: its code as printed and how its recorder answers.
#[derive(Clone, Copy)]
pub struct Job<'a> {
    pub code: &'a str,
    pub answer: &'a Answer,
}

/// The line a batch runner prints after each snippet: `sdkgen-batch <i> ok`, or
/// `sdkgen-batch <i> error <message>` with the message's line breaks written `\n`.
pub const BATCH_MARK: &str = "sdkgen-batch";

/// A batch runner's deadline: one hung snippet fails the run instead of hanging CI.
const BATCH_LIMIT: std::time::Duration = std::time::Duration::from_secs(900);

/// One recorder per snippet of a batch, started before the process that runs them all.
pub async fn recorders(answers: impl Iterator<Item = &Answer>) -> Vec<Recorder> {
    let mut out = Vec::new();
    for answer in answers {
        out.push(recorder(answer).await);
    }
    out
}

/// Runs a batch of snippets, one process for them all, and reads back each one's outcome:
/// the runner's line for it, then the one request its recorder got. `command` builds the
/// process for the snippets at the given positions; its runner numbers its lines by
/// place in that list. A process that dies inside a snippet (a `log.Fatal`, an
/// `exit`) fails that snippet with its output, and the snippets after it run in a new
/// process, so one snippet's death never turns another's cell red.
pub async fn run_batch(what: &str, servers: &[Recorder], mut command: impl FnMut(&[usize]) -> Command) -> Vec<Result<Captured, String>> {
    let mut said: Vec<Option<Result<(), String>>> = vec![None; servers.len()];
    let mut remaining: Vec<usize> = (0..servers.len()).collect();
    while !remaining.is_empty() {
        let (ok, out, err) = crate::run_within(&mut command(&remaining), BATCH_LIMIT);
        for line in out.lines() {
            let Some(rest) = line.strip_prefix(BATCH_MARK).and_then(|r| r.strip_prefix(' ')) else { continue };
            let (place, outcome) = rest.split_once(' ').unwrap_or((rest, ""));
            let Some(&i) = place.parse::<usize>().ok().and_then(|p| remaining.get(p)) else { continue };
            said[i] = Some(match outcome.strip_prefix("error ") {
                Some(message) => Err(message.replace("\\n", "\n")),
                None if outcome == "ok" => Ok(()),
                None => Err(format!("unreadable outcome line `{line}`")),
            });
        }
        let Some(at) = remaining.iter().position(|&i| said[i].is_none()) else { break };
        said[remaining[at]] = Some(Err(format!("the process ended inside this snippet (exit ok: {ok}):\n{out}{err}")));
        remaining.drain(..=at);
    }
    let mut results = Vec::with_capacity(servers.len());
    for (server, said) in servers.iter().zip(said) {
        results.push(match said.expect("every snippet has an outcome") {
            Ok(()) => only_request(server).await,
            Err(message) => Err(format!("{what} with the real SDK failed:\n{message}")),
        });
    }
    results
}

/// Runs a JavaScript snippet as printed with `@microsoft/microsoft-graph-client`
/// ([`run_javascript_all`] with one snippet).
pub async fn run_javascript(snippet: &str, answer: &Answer) -> Result<Captured, String> {
    run_javascript_all(&[Job { code: snippet, answer }]).await.pop().expect("one result per snippet")
}

/// Runs JavaScript snippets as printed with `@microsoft/microsoft-graph-client`, all in one
/// node process, each against its own recorder. The prelude only sets the client up
/// against the snippet's recorder (the SDK's `baseUrl` option) and wraps each snippet in
/// an async function of its own (for its top-level `await`, and so that one snippet's
/// names never meet another's).
pub async fn run_javascript_all(jobs: &[Job<'_>]) -> Vec<Result<Captured, String>> {
    let servers = recorders(jobs.iter().map(|j| j.answer)).await;
    let dir = scratch("js-run");
    run_batch("Node", &servers, |subset| {
        let mut program = String::from(
            "const { Client: SdkClient } = require('@microsoft/microsoft-graph-client');\n\
             const authProvider = (done) => done(null, 'test-token');\n\
             const snippets = [];\n",
        );
        for &i in subset {
            program.push_str(&format!(
                "snippets.push(async () => {{\n\
                 const Client = {{ init: (options) => SdkClient.init({{ ...options, baseUrl: {:?} }}) }};\n\
                 {}\n}});\n",
                servers[i].uri(),
                jobs[i].code
            ));
        }
        program.push_str(&format!(
            "(async () => {{\n\
             for (const [i, snippet] of snippets.entries()) {{\n\
             try {{ await snippet(); console.log(`{BATCH_MARK} ${{i}} ok`); }}\n\
             catch (e) {{ console.log(`{BATCH_MARK} ${{i}} error ${{String(e && e.stack || e).replace(/\\n/g, '\\\\n')}}`); }}\n\
             }}\n\
             }})();\n"
        ));
        let file = write(&dir, "snippets.js", &program);
        let mut cmd = Command::new(tool("node"));
        cmd.arg(&file).env("NODE_PATH", node_modules());
        cmd
    })
    .await
}

/// The Python virtual environment scripts/setup-test-deps.sh builds.
pub fn python_venv() -> PathBuf {
    let p = root().join(".cache/venv/bin/python");
    assert!(p.is_file(), "{} is missing: run scripts/test.sh, which installs tests/python/requirements.txt", p.display());
    p
}

/// Runs a Python snippet as printed with `msgraph-beta-sdk` ([`run_python_all`] with one).
pub async fn run_python(snippet: &str, version: &str, answer: &Answer) -> Result<Captured, String> {
    run_python_all(&[Job { code: snippet, answer }], version).await.pop().expect("one result per snippet")
}

/// Runs Python snippets as printed with `msgraph-beta-sdk`, all in one interpreter
/// (tests/python/run_snippet.py), each against its own recorder.
pub async fn run_python_all(jobs: &[Job<'_>], version: &str) -> Vec<Result<Captured, String>> {
    let servers = recorders(jobs.iter().map(|j| j.answer)).await;
    let dir = scratch("py-run");
    let files: Vec<PathBuf> = jobs.iter().enumerate().map(|(i, job)| write(&dir, &format!("snippet{i}.py"), job.code)).collect();
    run_batch("Python", &servers, |subset| {
        let mut cmd = Command::new(python_venv());
        cmd.arg(root().join("tests/python/run_snippet.py"));
        for &i in subset {
            cmd.arg(&files[i]).arg(format!("{}/{version}", servers[i].uri()));
        }
        cmd
    })
    .await
}

/// A resolved Java classpath (scripts/setup-test-deps.sh asks Maven for it).
pub fn java_classpath(kind: &str) -> String {
    let p = root().join(format!(".cache/java/{kind}.classpath"));
    std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/test.sh, which resolves tests/java/{kind}/pom.xml", p.display()))
        .trim()
        .to_owned()
}
