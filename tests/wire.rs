//! Wire equivalence: the JavaScript snippet, run as printed with the real
//! `@microsoft/microsoft-graph-client` against a recording server, sends exactly the
//! request the HTTP snippet shows, and so does the generated Rust client.

use serde_json::Value;
use std::process::Command;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// What a request comes down to for comparison; bodies are compared as JSON values
/// because SDKs space their JSON differently.
#[derive(Debug, PartialEq)]
struct Wire {
    method: String,
    path: String,
    query: Option<String>,
    body: Option<Value>,
}

fn from_request(r: &Request) -> Wire {
    Wire {
        method: r.method.to_string(),
        path: r.url.path().to_owned(),
        query: r.url.query().map(str::to_owned),
        body: (!r.body.is_empty()).then(|| serde_json::from_slice(&r.body).expect("the body sent is JSON")),
    }
}

/// The HTTP snippet, parsed: request line, then the JSON body after the blank line.
fn from_http_snippet(text: &str) -> Wire {
    let text: String = text.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let (method, url) = head.lines().next().unwrap().split_once(' ').unwrap();
    let after_host = url.strip_prefix("https://").and_then(|u| u.find('/').map(|i| &u[i..])).unwrap();
    let (path, query) = match after_host.split_once('?') {
        Some((p, q)) => (p.to_owned(), Some(q.to_owned())),
        None => (after_host.to_owned(), None),
    };
    Wire { method: method.to_owned(), path, query, body: (!body.trim().is_empty()).then(|| serde_json::from_str(body).unwrap()) }
}

/// Runs a JavaScript snippet as printed. The prelude only sets the client up against the
/// recorder (the SDK's `baseUrl` option) and wraps the snippet for its top-level `await`.
async fn run_javascript(snippet: &str) -> Wire {
    let recorder = MockServer::start().await;
    // Graph answers these actions with 202, no body and no content type.
    Mock::given(any()).respond_with(ResponseTemplate::new(202)).mount(&recorder).await;
    let program = format!(
        "const {{ Client: SdkClient }} = require('@microsoft/microsoft-graph-client');\n\
         const Client = {{ init: (options) => SdkClient.init({{ ...options, baseUrl: process.env.RECORDER }}) }};\n\
         const authProvider = (done) => done(null, 'test-token');\n\
         (async () => {{\n{snippet}\n}})().catch((e) => {{ console.error(e); process.exit(1); }});\n"
    );
    let dir = sdkgen_tests::scratch("js-wire");
    let file = sdkgen_tests::write(&dir, "snippet.js", &program);
    let (ok, out, err) = sdkgen_tests::run(
        Command::new(sdkgen_tests::tool("node")).arg(&file).env("NODE_PATH", sdkgen_tests::node_modules()).env("RECORDER", recorder.uri()),
    );
    assert!(ok, "the snippet failed under Node with the real SDK:\n{out}\n{err}\n--- program ---\n{program}");
    let got = recorder.received_requests().await.unwrap();
    assert_eq!(got.len(), 1, "the snippet sent {} requests", got.len());
    from_request(&got[0])
}

fn snippet(tree: &str, language: &str, example: &str, ext: &str) -> String {
    let p = sdkgen_tests::root().join(tree).join(format!("snippets/page/{language}/{example}.{ext}"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[tokio::test]
async fn javascript_sends_the_http_examples_request_and_so_does_rust() {
    use graph_beta::models::CallRejectRequest;
    let model = sdkgen_tests::shipped_model();
    let action = &model.actions[0];
    for example in &action.examples {
        let http = from_http_snippet(&snippet("generated", "http", &example.name, "http"));
        let js = run_javascript(&snippet("generated", "javascript", &example.name, "js")).await;
        assert_eq!(js, http, "{}: JavaScript vs the HTTP snippet", example.name);

        let server = MockServer::start().await;
        Mock::given(any()).respond_with(ResponseTemplate::new(202)).mount(&server).await;
        let client = graph_beta::GraphClient::new(
            graph_beta::GraphClient::builder().base_url(format!("{}/beta", server.uri())).token("t").build().unwrap(),
        );
        let body: CallRejectRequest = serde_json::from_value(example.request.body.clone().unwrap()).unwrap();
        client.call_reject(example.path_value("id").unwrap(), &body).await.unwrap();
        let rust = from_request(&server.received_requests().await.unwrap()[0]);
        assert_eq!(rust, http, "{}: Rust vs the HTTP snippet", example.name);
    }
}

#[tokio::test]
async fn the_obstacle_course_survives_the_real_sdk_and_the_rust_client() {
    use graph_obstacle::models::ClassSwitchRequest;
    let model = sdkgen_tests::obstacle_model();
    let action = &model.actions[0];
    for example in &action.examples {
        let http = from_http_snippet(&snippet("tests/obstacle/generated", "http", &example.name, "http"));
        let js = run_javascript(&snippet("tests/obstacle/generated", "javascript", &example.name, "js")).await;
        assert_eq!(js, http, "{}: JavaScript vs the HTTP snippet", example.name);

        let server = MockServer::start().await;
        let answer = example.response.body.clone().unwrap_or(serde_json::json!({}));
        Mock::given(any()).respond_with(ResponseTemplate::new(200).set_body_json(&answer)).mount(&server).await;
        let client = graph_obstacle::GraphClient::new(
            graph_obstacle::GraphClient::builder().base_url(format!("{}/obstacle", server.uri())).token("t").build().unwrap(),
        );
        let body: ClassSwitchRequest = serde_json::from_value(example.request.body.clone().unwrap()).unwrap();
        let returned = client.class_switch(example.path_value("in").unwrap(), &body).await.unwrap();
        assert_eq!(serde_json::to_value(&returned).unwrap(), answer, "{}: the typed response", example.name);
        let rust = from_request(&server.received_requests().await.unwrap()[0]);
        assert_eq!(rust, http, "{}: Rust vs the HTTP snippet", example.name);
    }
}
