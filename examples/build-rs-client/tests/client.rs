//! The build.rs-generated client sends the documented request.

use graph_build_rs_example::models::{CallRejectRequest, RejectReason};
use graph_build_rs_example::GraphClient;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn reject_sends_the_pages_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject"))
        .and(header("authorization", "Bearer t"))
        .and(body_json(serde_json::json!({"reason": "busy"})))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let client = GraphClient::new(GraphClient::builder().base_url(format!("{}/beta", server.uri())).token("t").build().unwrap());
    let body = CallRejectRequest::new().with_reason(RejectReason::Busy);
    client.call_reject("57dab8b1-894c-409a-b240-bd8beae78896", &body).await.unwrap();
}
