//! Wire equivalence under the obstacle course: the JavaScript snippet, run as printed with
//! the real `@microsoft/microsoft-graph-client`, and the generated Rust client both send
//! exactly the request the HTTP snippet shows, hostile values and all. (The shipped
//! examples are covered, in every language with a runnable SDK, by `sdk_matrix.rs`.)

use sdkgen_tests::recorder::{from_http_snippet, from_request, run_javascript, Answer};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn snippet(tree: &str, language: &str, example: &str, ext: &str) -> String {
    let p = sdkgen_tests::root().join(tree).join(format!("snippets/current/{language}/{example}.{ext}"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[tokio::test]
async fn the_obstacle_course_survives_the_real_sdk_and_the_rust_client() {
    use graph_obstacle::models::ClassSwitchRequest;
    let model = sdkgen_tests::obstacle_model();
    let action = &model.actions[0];
    for example in &action.examples {
        let http = from_http_snippet(&snippet("tests/obstacle/generated", "http", &example.name, "http"));
        let js = run_javascript(&snippet("tests/obstacle/generated", "javascript", &example.name, "js"), &Answer::of(example))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .wire;
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
        let rust = from_request(&server.received_requests().await.unwrap()[0]).wire;
        assert_eq!(rust, http, "{}: Rust vs the HTTP snippet", example.name);
    }
}
