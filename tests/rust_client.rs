//! The generated Rust client against a real HTTP server on 127.0.0.1 (wiremock).

use graph_beta::models::{CallRejectRequest, CommsNotifications, RejectReason};
use graph_beta::{Error, GraphClient};
use sdkgen_runtime::{AccessToken, TokenError};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "test-token-7f3a";
const CALL: &str = "57dab8b1-894c-409a-b240-bd8beae78896";

fn client(server: &MockServer) -> GraphClient {
    client_with(server, |b| b)
}

fn client_with(server: &MockServer, f: impl FnOnce(graph_beta::ClientBuilder) -> graph_beta::ClientBuilder) -> GraphClient {
    let builder = GraphClient::builder().base_url(format!("{}/beta", server.uri())).token(TOKEN);
    GraphClient::new(f(builder).build().expect("client builds"))
}

/// Graph answers reject with 202, no body and no content type.
fn accepted() -> ResponseTemplate {
    ResponseTemplate::new(202)
}

fn graph_error(status: u16, code: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "error": {
            "code": code,
            "message": format!("{code} happened"),
            "innerError": {"request-id": "req-42", "date": "2026-11-24T05:00:00", "client-request-id": "c-1"}
        }
    }))
}

async fn only_request(server: &MockServer) -> Request {
    let mut got = server.received_requests().await.expect("recording is on");
    assert_eq!(got.len(), 1, "expected exactly one request, got {}", got.len());
    got.remove(0)
}

fn header<'r>(req: &'r Request, name: &str) -> &'r str {
    req.headers.get(name).unwrap_or_else(|| panic!("no {name} header")).to_str().unwrap()
}

#[tokio::test]
async fn both_page_examples_send_the_documented_request() {
    let model = sdkgen_tests::shipped_model();
    let reject = model.actions.iter().find(|a| a.id() == "call-reject").unwrap();
    let examples = &reject.examples;
    assert_eq!(examples.len(), 2);
    // Hand-written expectations, from the page: not derived from the generator.
    let expected = [("call-reject", r#"{"reason":"busy"}"#), ("call-reject-none-reason", r#"{"reason":"none"}"#)];
    for (example, (name, body_text)) in examples.iter().zip(expected) {
        assert_eq!(example.name, name);
        let server = sdkgen_tests::recorder::Recorder::start().await;
        Mock::given(method("POST")).respond_with(accepted()).mount(&server).await;
        let body: CallRejectRequest = serde_json::from_value(example.request.body.clone().unwrap()).unwrap();
        let id = example.path_value("id").unwrap();
        client(&server).call_reject(id, &body).await.expect("202 is success");

        let req = only_request(&server).await;
        assert_eq!(req.method.as_str(), "POST");
        assert_eq!(req.url.path(), format!("/beta/communications/calls/{CALL}/reject"));
        assert_eq!(req.url.query(), None);
        assert_eq!(header(&req, "authorization"), format!("Bearer {TOKEN}"));
        assert_eq!(header(&req, "content-type"), "application/json");
        assert_eq!(String::from_utf8(req.body.clone()).unwrap(), body_text, "{name}: exact body");
    }
}

#[tokio::test]
async fn unset_fields_are_omitted_and_names_are_camel_case() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).respond_with(accepted()).mount(&server).await;
    let c = client(&server);
    c.call_reject(CALL, &CallRejectRequest::default()).await.unwrap();
    let body = CallRejectRequest::new().with_reason(RejectReason::Forbidden).with_callback_uri("https://bot.contoso.com/api/calls");
    c.call_reject(CALL, &body).await.unwrap();
    let got = server.received_requests().await.unwrap();
    assert_eq!(got[0].body, b"{}");
    assert_eq!(
        serde_json::from_slice::<Value>(&got[1].body).unwrap(),
        json!({"reason": "forbidden", "callbackUri": "https://bot.contoso.com/api/calls"})
    );
}

#[tokio::test]
#[allow(deprecated)]
async fn the_deprecated_app_path_is_still_callable() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).and(path(format!("/beta/app/calls/{CALL}/reject"))).respond_with(accepted()).mount(&server).await;
    client(&server).call_reject_via_app(CALL, &CallRejectRequest::default()).await.unwrap();
}

#[tokio::test]
async fn error_statuses_become_typed_errors() {
    for (status, code) in [(400, "BadRequest"), (403, "Forbidden"), (404, "itemNotFound"), (500, "InternalServerError")] {
        let server = sdkgen_tests::recorder::Recorder::start().await;
        Mock::given(method("POST")).respond_with(graph_error(status, code)).mount(&server).await;
        let err = client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
        assert_eq!(err.status(), Some(status));
        let Error::Api(api) = &err else { panic!("{status}: expected Error::Api, got {err:?}") };
        let g = api.error.as_ref().expect("Graph error body parsed");
        assert_eq!(g.code, code);
        assert_eq!(g.message, format!("{code} happened"));
        let inner = g.inner_error.as_ref().unwrap();
        assert_eq!(inner.request_id.as_deref(), Some("req-42"));
        assert_eq!(inner.date.as_deref(), Some("2026-11-24T05:00:00"));
        assert!(err.to_string().contains(&format!("{status}")) && err.to_string().contains("req-42"), "{err}");
        assert_eq!(server.received_requests().await.unwrap().len(), 1, "{status} is not retried");
    }
}

#[tokio::test]
async fn a_non_json_error_body_is_readable() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(502).set_body_raw("<html>upstream down</html>", "text/html"))
        .mount(&server)
        .await;
    let err = client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert!(err.graph_error().is_none());
    let text = err.to_string();
    assert!(text.contains("502 Bad Gateway") && text.contains("<html>upstream down</html>") && text.contains("text/html"), "{text}");
}

/// Graph documents one status per operation but may answer another 2xx; the client
/// treats every 2xx as success (as the rustdoc says) and anything else as an error.
#[tokio::test]
async fn any_success_status_is_success_and_a_redirect_is_not() {
    for status in [200, 202, 204] {
        let server = sdkgen_tests::recorder::Recorder::start().await;
        Mock::given(method("POST")).respond_with(ResponseTemplate::new(status).set_body_string("{}")).mount(&server).await;
        client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_or_else(|e| panic!("{status}: {e}"));
    }
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(304)).mount(&server).await;
    let err = client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert_eq!(err.status(), Some(304));
}

/// Abstract types are enums over their derived types: `@odata.type` is written without
/// the caller setting it, read to pick the variant, and an unknown derived type is kept.
#[test]
fn abstract_types_are_enums_over_their_derived_types() {
    use graph_beta::models::{Entity, MediaInfo, MediaPrompt, Prompt};
    let prompt =
        Prompt::MediaPrompt(Box::new(MediaPrompt::new().with_media_info(MediaInfo::new().with_uri("https://cdn.contoso.com/beep.wav"))));
    let written = serde_json::to_value(&prompt).unwrap();
    assert_eq!(written, json!({"@odata.type": "#microsoft.graph.mediaPrompt", "mediaInfo": {"uri": "https://cdn.contoso.com/beep.wav"}}));
    assert_eq!(serde_json::to_string(&prompt).unwrap().find("@odata.type"), Some(2), "the discriminator comes first");
    let read: Prompt = serde_json::from_value(written.clone()).unwrap();
    assert!(matches!(&read, Prompt::MediaPrompt(p) if p.odata_type.as_deref() == Some("#microsoft.graph.mediaPrompt")));
    assert_eq!(serde_json::to_value(&read).unwrap(), written);
    // Without the `#`, as OData also allows.
    let bare: Entity = serde_json::from_value(json!({"@odata.type": "microsoft.graph.call", "state": "incoming"})).unwrap();
    assert!(matches!(bare, Entity::Call(c) if c.state == Some(graph_beta::models::CallState::Incoming)));
    // A derived type this client does not know yet: kept, and written back unchanged.
    let future = json!({"@odata.type": "#microsoft.graph.hologramSession", "id": "h1", "depth": 3});
    let read: Entity = serde_json::from_value(future.clone()).unwrap();
    assert!(matches!(&read, Entity::Unknown(m) if m["depth"] == 3));
    assert_eq!(serde_json::to_value(&read).unwrap(), future);
}

/// An action without parameters sends no body and no `Content-Type`; DELETE likewise.
#[tokio::test]
async fn no_body_operations_send_no_body() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let c = client(&server);
    c.call_keep_alive(CALL).await.unwrap();
    c.call_delete(CALL).await.unwrap();
    let got = server.received_requests().await.unwrap();
    let seen: Vec<(String, String)> = got.iter().map(|r| (r.method.to_string(), r.url.path().to_owned())).collect();
    assert_eq!(
        seen,
        [
            ("POST".to_owned(), format!("/beta/communications/calls/{CALL}/keepAlive")),
            ("DELETE".to_owned(), format!("/beta/communications/calls/{CALL}")),
        ]
    );
    for r in &got {
        assert!(r.body.is_empty(), "{} sent a body", r.method);
        assert!(r.headers.get("content-type").is_none(), "{} sent a Content-Type", r.method);
    }
}

/// A client with request headers sends them on every request, a header set again is
/// replaced, and a header the client writes itself or one that would end the header
/// block is refused before anything is sent.
#[tokio::test]
async fn request_headers_go_on_every_request_and_bad_ones_are_refused() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let c = client(&server);
    let runtime = c
        .runtime()
        .with_header("Prefer", "first")
        .and_then(|r| r.with_header("ConsistencyLevel", "eventual"))
        .and_then(|r| r.with_header("prefer", r#"outlook.body-content-type="text""#))
        .expect("valid headers");
    let configured = GraphClient::new(runtime);
    configured.call_keep_alive(CALL).await.unwrap();
    configured.call_delete(CALL).await.unwrap();
    // The client it was made from is unchanged.
    c.call_keep_alive(CALL).await.unwrap();
    let got = server.received_requests().await.unwrap();
    assert_eq!(got.len(), 3);
    for r in &got[..2] {
        assert_eq!(header(r, "consistencylevel"), "eventual");
        let prefer: Vec<&str> = r.headers.get_all("prefer").iter().map(|v| v.to_str().unwrap()).collect();
        assert_eq!(prefer, [r#"outlook.body-content-type="text""#], "replaced, not added");
        assert_eq!(header(r, "authorization"), format!("Bearer {TOKEN}"));
    }
    assert!(got[2].headers.get("prefer").is_none() && got[2].headers.get("consistencylevel").is_none());
    for (name, value) in [
        ("Authorization", "Bearer other"),
        ("content-type", "text/plain"),
        ("Host", "evil.example"),
        ("Prefer", "a\r\nX-Injected: 1"),
        ("Bad Name", "x"),
        ("Prefer", "caf\u{e9}"),
    ] {
        match c.runtime().with_header(name, value) {
            Err(sdkgen_runtime::Error::InvalidArgument { name: n, .. }) => assert!(n.contains(name), "{n}"),
            other => panic!("{name}: {value:?} accepted: {other:?}"),
        }
    }
}

/// An operation with a documented result returns it typed, two ids deep.
#[tokio::test]
async fn a_result_comes_back_typed() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let answer = serde_json::json!({
        "@odata.type": "#microsoft.graph.muteParticipantOperation",
        "id": "17e3b46c-f61d-4f4d-9635-c626ef18e6ad",
        "status": "Completed",
        "clientContext": "ctx"
    });
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(200).set_body_json(&answer)).mount(&server).await;
    let body = graph_beta::models::ParticipantMuteRequest::new().with_client_context("ctx");
    let op = client(&server).participant_mute(CALL, "p/1", &body).await.unwrap();
    assert_eq!(op.status, Some(graph_beta::models::OperationStatus::Completed));
    assert_eq!(op.client_context.as_deref(), Some("ctx"));
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(sent.url.path(), format!("/beta/communications/calls/{CALL}/participants/p%2F1/mute"));
}

/// A server whose first answer is a 429 with `Retry-After: 0`; later mocks answer the rest.
async fn throttled_once() -> sdkgen_tests::recorder::Recorder {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST"))
        .respond_with(graph_error(429, "TooManyRequests").insert_header("Retry-After", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn every_request_names_the_crate_and_carries_one_client_request_id_per_call() {
    let server = throttled_once().await;
    Mock::given(method("POST")).respond_with(accepted()).mount(&server).await;
    let client = client(&server);
    for _ in 0..2 {
        client.call_reject(CALL, &CallRejectRequest::default()).await.unwrap();
    }
    let got = server.received_requests().await.unwrap();
    assert_eq!(got.len(), 3, "a retried call, then another");
    // Hand-written: the crate's package name and version, then the runtime's.
    for req in &got {
        assert_eq!(header(req, "user-agent"), "graph-beta/0.1.0 sdkgen-runtime/0.2.1");
    }
    let ids: Vec<&str> = got.iter().map(|r| header(r, "client-request-id")).collect();
    let uuid = |id: &str| id.len() == 36 && id.split('-').map(str::len).eq([8, 4, 4, 4, 12]) && id.as_bytes()[14] == b'4';
    assert!(ids.iter().all(|id| uuid(id)), "UUID v4s: {ids:?}");
    assert_eq!(ids[0], ids[1], "a retry keeps its call's id");
    assert_ne!(ids[1], ids[2], "each call has its own");
    // A caller's own id (and agent) replaces the client's, never joins it.
    let mine = client.runtime().with_header("client-request-id", "mine-1").unwrap().with_header("User-Agent", "app/2").unwrap();
    GraphClient::new(mine).call_reject(CALL, &CallRejectRequest::default()).await.unwrap();
    let last = server.received_requests().await.unwrap().pop().unwrap();
    assert_eq!(last.headers.get_all("client-request-id").iter().collect::<Vec<_>>(), ["mine-1"]);
    assert_eq!(last.headers.get_all("user-agent").iter().collect::<Vec<_>>(), ["app/2"]);
    let refused = GraphClient::builder().token("t").user_agent("bad\nagent").build();
    assert!(matches!(refused, Err(Error::InvalidArgument { .. })), "{refused:?}");
}

#[tokio::test]
async fn throttling_is_retried_then_succeeds() {
    for status in [429, 503, 504] {
        let server = sdkgen_tests::recorder::Recorder::start().await;
        Mock::given(method("POST"))
            .respond_with(graph_error(status, "TooManyRequests").insert_header("Retry-After", "1"))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST")).respond_with(accepted()).mount(&server).await;
        let started = std::time::Instant::now();
        client(&server).call_reject(CALL, &CallRejectRequest::default()).await.expect("second attempt succeeds");
        assert!(started.elapsed() >= Duration::from_millis(950), "Retry-After: 1 was honoured");
        let got = server.received_requests().await.unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].body, got[1].body, "the retry resends the same body");
    }
}

#[tokio::test]
async fn retries_are_bounded() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).respond_with(graph_error(429, "TooManyRequests").insert_header("Retry-After", "0")).mount(&server).await;
    let err = client_with(&server, |b| b.max_retries(2)).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(server.received_requests().await.unwrap().len(), 3, "one try and two retries");
}

#[tokio::test]
async fn a_retry_after_beyond_the_answer_window_is_not_waited_for() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST"))
        .respond_with(graph_error(503, "ServiceUnavailable").insert_header("Retry-After", "120"))
        .mount(&server)
        .await;
    let started = std::time::Instant::now();
    let err = client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn hostile_ids_stay_one_path_segment() {
    let cases = [
        ("../../users", "/beta/communications/calls/..%2F..%2Fusers/reject"),
        ("a/b?c", "/beta/communications/calls/a%2Fb%3Fc/reject"),
        ("x#frag", "/beta/communications/calls/x%23frag/reject"),
        ("50% off", "/beta/communications/calls/50%25%20off/reject"),
    ];
    for (id, wire) in cases {
        let server = sdkgen_tests::recorder::Recorder::start().await;
        Mock::given(method("POST")).respond_with(accepted()).mount(&server).await;
        client(&server).call_reject(id, &CallRejectRequest::default()).await.unwrap();
        let req = only_request(&server).await;
        assert_eq!(req.url.path(), wire, "id {id:?}");
        assert_eq!(req.url.query(), None, "id {id:?} must not start a query");
    }
    for id in ["", ".", ".."] {
        let server = sdkgen_tests::recorder::Recorder::start().await;
        let err = client(&server).call_reject(id, &CallRejectRequest::default()).await.unwrap_err();
        assert!(matches!(err, Error::InvalidArgument { ref name, .. } if name == "id"), "{id:?}: {err:?}");
        assert!(server.received_requests().await.unwrap().is_empty(), "{id:?} was sent");
    }
}

#[tokio::test]
async fn callback_uri_must_be_https_before_sending() {
    for bad in ["http://bot.contoso.com/api/calls", "/api/calls", "bot.contoso.com", ""] {
        let server = sdkgen_tests::recorder::Recorder::start().await;
        let body = CallRejectRequest::new().with_callback_uri(bad);
        let err = client(&server).call_reject(CALL, &body).await.unwrap_err();
        assert!(matches!(err, Error::InvalidArgument { ref name, .. } if name == "callbackUri"), "{bad:?}: {err:?}");
        assert!(server.received_requests().await.unwrap().is_empty(), "{bad:?} was sent");
    }
}

#[tokio::test]
async fn token_sources_are_asked_per_attempt_and_never_shown() {
    let server = throttled_once().await;
    Mock::given(method("POST")).respond_with(graph_error(401, "InvalidAuthenticationToken")).mount(&server).await;
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let source = move || {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move { Ok::<_, TokenError>(AccessToken::new(format!("secret-{n}"))) }
    };
    let c = GraphClient::new(GraphClient::builder().base_url(format!("{}/beta", server.uri())).token_source(source).build().unwrap());
    let err = c.call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert_eq!(calls.load(Ordering::SeqCst), 2, "a fresh token for the retry");
    let got = server.received_requests().await.unwrap();
    assert_eq!(header(&got[0], "authorization"), "Bearer secret-0");
    assert_eq!(header(&got[1], "authorization"), "Bearer secret-1");
    let shown = format!("{err} {err:?} {c:?}");
    assert!(!shown.contains("secret-"), "token leaked: {shown}");
}

#[tokio::test]
async fn a_failing_token_source_is_a_token_error() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let source = || async { Err::<AccessToken, _>(TokenError("refresh token expired".into())) };
    let c = GraphClient::new(GraphClient::builder().base_url(server.uri()).token_source(source).build().unwrap());
    let err = c.call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert!(matches!(err, Error::Token(_)), "{err:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn slow_answers_time_out() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).respond_with(accepted().set_delay(Duration::from_secs(3))).mount(&server).await;
    let err =
        client_with(&server, |b| b.timeout(Duration::from_millis(300))).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    let Error::Transport(t) = &err else { panic!("expected a transport error, got {err:?}") };
    assert!(t.is_timeout(), "{t}");
    assert!(!err.to_string().contains(TOKEN));
}

#[test]
fn the_default_timeout_leaves_time_inside_the_15_second_window() {
    assert!(sdkgen_runtime::DEFAULT_TIMEOUT < Duration::from_secs(15));
    assert_eq!(GraphClient::DEFAULT_BASE_URL, "https://graph.microsoft.com/beta");
}

#[test]
fn reject_reason_round_trips_every_member_and_keeps_unknown_values() {
    for (wire, member) in [
        ("none", RejectReason::None),
        ("busy", RejectReason::Busy),
        ("forbidden", RejectReason::Forbidden),
        ("unknownFutureValue", RejectReason::UnknownFutureValue),
    ] {
        assert_eq!(serde_json::to_value(&member).unwrap(), json!(wire));
        assert_eq!(serde_json::from_value::<RejectReason>(json!(wire)).unwrap(), member);
        assert_eq!(member.to_string(), wire);
    }
    let later: RejectReason = serde_json::from_value(json!("spam")).unwrap();
    assert_eq!(later, RejectReason::Other("spam".into()));
    assert_eq!(serde_json::to_value(&later).unwrap(), json!("spam"));
    // Wire names are case-sensitive: "Busy" is not "busy".
    assert_eq!(serde_json::from_value::<RejectReason>(json!("Busy")).unwrap(), RejectReason::Other("Busy".into()));
}

#[test]
fn the_pages_notifications_deserialize_and_serialize_back_verbatim() {
    use graph_beta::models::{CallDirection, CallState, ChangeType, Modality};
    let incoming_text = sdkgen_tests::fixture("page/notification-incoming.json");
    let deleted_text = sdkgen_tests::fixture("page/notification-deleted.json");

    let incoming: CommsNotifications = serde_json::from_str(&incoming_text).unwrap();
    let n = &incoming.value.as_ref().unwrap()[0];
    assert_eq!(n.change_type, Some(ChangeType::Created));
    assert_eq!(n.resource_url.as_deref(), Some(&*format!("/communications/calls/{CALL}")));
    // `resourceData` is the abstract `entity`: its `@odata.type` picks the variant.
    let sdkgen_runtime::OneOrMany::One(graph_beta::models::Entity::Call(call)) = n.resource_data.as_ref().unwrap() else {
        panic!("not one call")
    };
    assert_eq!(call.state, Some(CallState::Incoming));
    assert_eq!(call.direction, Some(CallDirection::Incoming));
    let source = call.source.as_ref().unwrap();
    assert_eq!(source.identity.as_ref().unwrap().user.as_ref().unwrap().display_name.as_deref(), Some("John"));
    assert_eq!(source.region.as_deref(), Some("westus"));
    assert_eq!(source.language_id.as_deref(), Some("en-US"));
    let target = &call.targets.as_ref().unwrap()[0];
    assert_eq!(target.identity.as_ref().unwrap().application.as_ref().unwrap().display_name.as_deref(), Some("Calling Bot"));
    assert_eq!(call.requested_modalities.as_deref(), Some(&[Modality::Audio, Modality::Video][..]));
    assert_eq!(call.additional_properties.get("@odata.id"), Some(&json!(format!("/communications/calls/{CALL}"))));

    let deleted: CommsNotifications = serde_json::from_str(&deleted_text).unwrap();
    assert_eq!(deleted.value.as_ref().unwrap()[0].change_type, Some(ChangeType::Deleted));

    for (text, typed) in [(&incoming_text, &incoming), (&deleted_text, &deleted)] {
        let original: Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_value(typed).unwrap(), original, "nothing lost on the way back");
    }
}

#[test]
fn the_specs_notifications_are_the_pages() {
    let model = sdkgen_tests::shipped_model();
    let reject = model.actions.iter().find(|a| a.id() == "call-reject").unwrap();
    let n = reject.examples[1].notifications.as_ref().unwrap();
    let page_incoming: Value = serde_json::from_str(&sdkgen_tests::fixture("page/notification-incoming.json")).unwrap();
    let page_deleted: Value = serde_json::from_str(&sdkgen_tests::fixture("page/notification-deleted.json")).unwrap();
    assert_eq!(n.before[0].body, page_incoming);
    assert_eq!(n.after[0].body, page_deleted);
}

// ---- a hostile server: the runtime's promises hold ----

/// A server on 127.0.0.1 that answers every connection with `head` and then, when
/// `endless`, a chunked body that never ends; returns its address and a counter of the
/// body bytes it managed to send (which stops growing once the client hangs up).
async fn raw_server(head: &'static str, endless: bool) -> (String, Arc<AtomicUsize>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else { return };
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 64 << 10];
                let _ = sock.read(&mut buf).await;
                if sock.write_all(head.as_bytes()).await.is_err() || !endless {
                    return;
                }
                let chunk = format!("{:x}\r\n{}\r\n", 16 << 10, "x".repeat(16 << 10));
                // Bounded: 1 GiB at most, so a broken client cannot make this loop forever.
                for _ in 0..(1 << 16) {
                    if sock.write_all(chunk.as_bytes()).await.is_err() {
                        return;
                    }
                    counter.fetch_add(16 << 10, Ordering::SeqCst);
                }
            });
        }
    });
    (addr, sent)
}

fn raw_client(base: &str, f: impl FnOnce(graph_beta::ClientBuilder) -> graph_beta::ClientBuilder) -> GraphClient {
    GraphClient::new(f(GraphClient::builder().base_url(format!("{base}/beta")).token(TOKEN)).build().unwrap())
}

#[tokio::test]
async fn an_endless_error_body_is_cut_and_the_connection_dropped() {
    let (base, sent) =
        raw_server("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n", true).await;
    let started = std::time::Instant::now();
    let err = raw_client(&base, |b| b).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert_eq!(err.status(), Some(500), "{err}");
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let settled = sent.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sent.load(Ordering::SeqCst), settled, "the server is still sending: the connection was not dropped");
    assert!(settled < 64 << 20, "{settled} bytes sent before the client hung up");
}

#[tokio::test]
async fn an_endless_success_body_is_refused_past_the_cap() {
    let (base, _) = raw_server("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n", true).await;
    let err = raw_client(&base, |b| b.max_response_bytes(1 << 20)).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge(n) if n == 1 << 20), "{err:?}");
}

#[tokio::test]
async fn slow_throttling_answers_cannot_stretch_a_call_past_its_deadline() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let slow_503 = graph_error(503, "ServiceUnavailable").insert_header("Retry-After", "1").set_delay(Duration::from_millis(900));
    Mock::given(method("POST")).respond_with(slow_503).mount(&server).await;
    let started = std::time::Instant::now();
    let c = client_with(&server, |b| b.deadline(Duration::from_secs(3)).max_retries(10));
    let err = c.call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    let took = started.elapsed();
    assert!(took < Duration::from_millis(3_300), "took {took:?} against a 3 s deadline");
    assert!(matches!(err, Error::DeadlineExceeded(_) | Error::Api(_)), "{err:?}");
    assert!(server.received_requests().await.unwrap().len() <= 2, "no retry is started that could not finish");
    assert!(sdkgen_runtime::DEFAULT_DEADLINE < Duration::from_secs(15), "the default fits the 15-second window");
}

#[tokio::test]
async fn garbage_negative_and_huge_retry_after_values_are_not_waited_for() {
    for value in ["soon", "-5", "99999999999999999999", "1.5", "Thu, 01 Jan 3000 00:00:00 GMT", ""] {
        let server = sdkgen_tests::recorder::Recorder::start().await;
        Mock::given(method("POST"))
            .respond_with(graph_error(429, "TooManyRequests").insert_header("Retry-After", value))
            .mount(&server)
            .await;
        let started = std::time::Instant::now();
        let err = client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
        assert_eq!(err.status(), Some(429), "{value:?}: {err}");
        assert!(started.elapsed() < Duration::from_secs(1), "{value:?} made the client wait {:?}", started.elapsed());
        let n = server.received_requests().await.unwrap().len();
        assert!(n <= 1 || value.is_empty(), "{value:?}: {n} requests");
    }
}

#[tokio::test]
async fn a_redirect_to_another_host_is_not_followed_and_the_token_stays_home() {
    let other = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).respond_with(accepted()).mount(&other).await;
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let elsewhere = format!("{}/steal", other.uri());
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(307).insert_header("Location", elsewhere.as_str())).mount(&server).await;
    let err = client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap_err();
    assert_eq!(err.status(), Some(307), "{err}");
    assert!(other.received_requests().await.unwrap().is_empty(), "the request followed the redirect to another host");

    // On the same origin a redirect is followed, token and all.
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(path(format!("/beta/communications/calls/{CALL}/reject")))
        .respond_with(ResponseTemplate::new(307).insert_header("Location", "/moved"))
        .mount(&server)
        .await;
    Mock::given(path("/moved")).respond_with(accepted()).mount(&server).await;
    client(&server).call_reject(CALL, &CallRejectRequest::default()).await.unwrap();
    let got = server.received_requests().await.unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(header(&got[1], "authorization"), format!("Bearer {TOKEN}"));
}

/// Every model is `#[non_exhaustive]` (a property, member or derived type Graph adds at the
/// next regeneration breaks no user's struct literal or `match`), so a value is built in
/// one expression with `new()` and a `with_<field>` setter per property, which sets exactly
/// that member: the JSON is the documented body, nothing more.
#[test]
fn models_survive_new_properties_and_build_in_one_expression() {
    for tree in ["generated", "tests/obstacle/generated"] {
        let source = sdkgen_tests::read(&format!("{tree}/rust/src/models.rs"));
        let lines: Vec<&str> = source.lines().collect();
        let items: Vec<usize> =
            (0..lines.len()).filter(|&i| lines[i].starts_with("pub struct ") || lines[i].starts_with("pub enum ")).collect();
        assert!(items.len() > 5, "{tree}: models found");
        for i in items {
            assert_eq!(lines[i - 1], "#[non_exhaustive]", "{tree}: `{}` is non-exhaustive", lines[i]);
        }
    }
    use graph_beta::models::{CallPlayPromptRequest, MediaInfo, MediaPrompt, Prompt};
    let body = CallRejectRequest::new().with_reason(RejectReason::Busy).with_callback_uri("https://bot.contoso.com/api/calls");
    assert_eq!(serde_json::to_value(&body).unwrap(), json!({"reason": "busy", "callbackUri": "https://bot.contoso.com/api/calls"}));
    assert_eq!(serde_json::to_value(CallRejectRequest::new()).unwrap(), json!({}), "new() sets nothing");
    // Nested and boxed members take the value itself (`Into` the field's type).
    let prompt = MediaPrompt::new().with_media_info(MediaInfo::new().with_uri("https://cdn.contoso.com/beep.wav"));
    let body = CallPlayPromptRequest::new().with_prompts(vec![Prompt::MediaPrompt(Box::new(prompt))]).with_client_context("c");
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"prompts": [{"@odata.type": "#microsoft.graph.mediaPrompt", "mediaInfo": {"uri": "https://cdn.contoso.com/beep.wav"}}], "clientContext": "c"})
    );
}

/// The caller's own `reqwest::Client` carries every request (its default header arrives),
/// while the runtime still sends the token, its `User-Agent` over the client's own, a
/// `client-request-id`, and still retries; a redirect that client follows to another
/// host or port arrives there without the token (reqwest drops it).
#[tokio::test]
async fn the_callers_own_http_client_carries_the_requests_and_the_token_stays_home() {
    use graph_beta::ClientBuilder;
    let own = || {
        let mut defaults = sdkgen_runtime::reqwest::header::HeaderMap::new();
        defaults.insert("x-from-own-client", "yes".parse().unwrap());
        sdkgen_runtime::reqwest::Client::builder().default_headers(defaults).user_agent("theirs/1").build().unwrap()
    };
    let server = throttled_once().await;
    Mock::given(method("POST")).respond_with(accepted()).mount(&server).await;
    let with_own = |b: ClientBuilder| b.http_client(own());
    client_with(&server, with_own).call_reject(CALL, &CallRejectRequest::new()).await.unwrap();
    let got = server.received_requests().await.unwrap();
    assert_eq!(got.len(), 2, "the 429 was retried");
    for req in &got {
        assert_eq!(header(req, "x-from-own-client"), "yes", "sent through the caller's client");
        assert_eq!(header(req, "authorization"), format!("Bearer {TOKEN}"));
        assert_eq!(header(req, "user-agent"), "graph-beta/0.1.0 sdkgen-runtime/0.2.1");
        assert_eq!(header(req, "client-request-id").len(), 36);
    }

    let other = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).respond_with(accepted()).mount(&other).await;
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let elsewhere = format!("{}/elsewhere", other.uri());
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(307).insert_header("Location", elsewhere.as_str())).mount(&server).await;
    client_with(&server, with_own).call_reject(CALL, &CallRejectRequest::new()).await.unwrap();
    let followed = other.received_requests().await.unwrap();
    assert_eq!(followed.len(), 1, "the caller's client follows redirects by its own policy");
    assert!(followed[0].headers.get("authorization").is_none(), "the token never reaches another host");
    assert_eq!(header(&followed[0], "x-from-own-client"), "yes");
}

/// An error keeps the response's headers: Graph's `request-id` header (preferred over the
/// body's copy, and found in the body when the header is absent), and a `Retry-After` the
/// client could not honour (30 s against a 12 s deadline), for the caller to back off by.
#[tokio::test]
async fn an_error_carries_the_responses_headers_request_id_and_retry_after() {
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST"))
        .respond_with(
            graph_error(404, "itemNotFound")
                .insert_header("request-id", "hdr-7")
                .insert_header("x-ms-ags-diagnostic", "{\"ServerInfo\":{}}"),
        )
        .mount(&server)
        .await;
    let err = client(&server).call_reject(CALL, &CallRejectRequest::new()).await.unwrap_err();
    let Error::Api(api) = &err else { panic!("expected Error::Api, got {err:?}") };
    assert_eq!(api.request_id(), Some("hdr-7"), "the header wins over the body's req-42");
    assert_eq!(api.header("x-ms-ags-diagnostic"), Some("{\"ServerInfo\":{}}"));
    assert_eq!(api.retry_after(), None);

    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("POST")).respond_with(graph_error(429, "TooManyRequests").insert_header("Retry-After", "30")).mount(&server).await;
    let started = std::time::Instant::now();
    let err = client(&server).call_reject(CALL, &CallRejectRequest::new()).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2), "a wait past the deadline is not started");
    let Error::Api(api) = &err else { panic!("expected Error::Api, got {err:?}") };
    assert_eq!(api.status, 429);
    assert_eq!(api.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(api.request_id(), Some("req-42"), "no header: the body's id");
}

/// A span's or event's name and its fields, as text.
type Trace = (String, Vec<(String, String)>);

/// Every span and event the client emits.
#[derive(Default, Clone)]
struct Traces(Arc<std::sync::Mutex<Vec<Trace>>>);

struct Fields<'a>(&'a mut Vec<(String, String)>);
impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl tracing::Subscriber for Traces {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut all = self.0.lock().unwrap();
        let mut fields = Vec::new();
        span.record(&mut Fields(&mut fields));
        all.push((span.metadata().name().to_owned(), fields));
        tracing::span::Id::from_u64(all.len() as u64)
    }
    fn record(&self, id: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut all = self.0.lock().unwrap();
        values.record(&mut Fields(&mut all[id.into_u64() as usize - 1].1));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Vec::new();
        event.record(&mut Fields(&mut fields));
        self.0.lock().unwrap().push(("event".to_owned(), fields));
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// One `graph.request` span per call: method, the path's template (never the ids in it),
/// status, Graph's request-id and the number of attempts, with an event per retry; no
/// span or event holds the token or an id the caller passed.
#[tokio::test]
async fn each_call_is_one_span_with_the_template_status_and_request_id_never_the_token() {
    let traces = Traces::default();
    let _guard = tracing::subscriber::set_default(traces.clone());
    let server = throttled_once().await;
    Mock::given(method("POST")).respond_with(accepted().insert_header("request-id", "rid-9")).mount(&server).await;
    client(&server).call_reject(CALL, &CallRejectRequest::new().with_reason(RejectReason::Busy)).await.unwrap();
    let all = traces.0.lock().unwrap().clone();
    let spans: Vec<&Vec<(String, String)>> = all.iter().filter(|(name, _)| name == "graph.request").map(|(_, f)| f).collect();
    assert_eq!(spans.len(), 1, "one span per call: {all:?}");
    let field = |name: &str| spans[0].iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    assert_eq!(field("http.request.method"), Some("POST"));
    assert_eq!(field("url.template"), Some("/communications/calls/{id}/reject"));
    assert_eq!(field("http.response.status_code"), Some("202"));
    assert_eq!(field("request_id"), Some("rid-9"));
    assert_eq!(field("attempts"), Some("2"));
    let retries = all.iter().filter(|(name, f)| name == "event" && f.iter().any(|(_, v)| v == "retrying")).count();
    assert_eq!(retries, 1, "one event per retry: {all:?}");
    let text = format!("{all:?}");
    assert!(!text.contains(TOKEN) && !text.contains(CALL), "no token or id in any trace: {text}");
}

/// A hook the caller adds runs around every attempt: it adds a header that arrives, sees
/// each answer's status and headers (the 429 and the 202), and never sees the token,
/// which it can neither replace nor send elsewhere.
#[tokio::test]
async fn a_hook_runs_around_each_attempt_and_never_sees_or_moves_the_token() {
    #[derive(Default)]
    struct Seen {
        saw_authorization: std::sync::atomic::AtomicBool,
        statuses: std::sync::Mutex<Vec<u16>>,
        request_ids: std::sync::Mutex<Vec<String>>,
    }
    struct Stamp(Arc<Seen>, Option<String>);
    impl graph_beta::Hook for Stamp {
        fn before_send(&self, request: &mut sdkgen_runtime::reqwest::Request) {
            if request.headers().contains_key("authorization") {
                self.0.saw_authorization.store(true, Ordering::SeqCst);
            }
            request.headers_mut().insert("x-tenant-hook", "contoso".parse().unwrap());
            request.headers_mut().insert("authorization", "Bearer forged".parse().unwrap());
            if let Some(elsewhere) = &self.1 {
                *request.url_mut() = elsewhere.parse().unwrap();
            }
        }
        fn after_receive(&self, status: sdkgen_runtime::reqwest::StatusCode, headers: &sdkgen_runtime::reqwest::header::HeaderMap) {
            self.0.statuses.lock().unwrap().push(status.as_u16());
            if let Some(id) = headers.get("request-id") {
                self.0.request_ids.lock().unwrap().push(id.to_str().unwrap().to_owned());
            }
        }
    }
    let seen = Arc::new(Seen::default());
    let server = throttled_once().await;
    Mock::given(method("POST")).respond_with(accepted().insert_header("request-id", "rid-1")).mount(&server).await;
    client_with(&server, |b| b.hook(Stamp(seen.clone(), None))).call_reject(CALL, &CallRejectRequest::new()).await.unwrap();
    let got = server.received_requests().await.unwrap();
    assert_eq!(got.len(), 2);
    for req in &got {
        assert_eq!(header(req, "x-tenant-hook"), "contoso");
        assert_eq!(header(req, "authorization"), format!("Bearer {TOKEN}"), "the hook could not replace the token");
    }
    assert!(!seen.saw_authorization.load(Ordering::SeqCst), "no hook sees the token");
    assert_eq!(*seen.statuses.lock().unwrap(), [429, 202]);
    assert_eq!(*seen.request_ids.lock().unwrap(), ["rid-1"]);

    let other = sdkgen_tests::recorder::Recorder::start().await;
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let moved = Stamp(Arc::new(Seen::default()), Some(format!("{}/steal", other.uri())));
    let err = client_with(&server, |b| b.hook(moved)).call_reject(CALL, &CallRejectRequest::new()).await.unwrap_err();
    assert!(matches!(&err, Error::InvalidArgument { name, .. } if name == "hook"), "{err:?}");
    assert!(other.received_requests().await.unwrap().is_empty() && server.received_requests().await.unwrap().is_empty());
}

/// Responses may come gzip-compressed: the client asks for it (`Accept-Encoding: gzip`),
/// reads the JSON inside, and holds the decompressed bytes to its cap, so a small body
/// that inflates past it (a "zip bomb") fails as too large instead of filling memory.
#[tokio::test]
async fn a_gzip_answer_is_read_and_its_inflated_size_is_capped() {
    use std::io::Write as _;
    let gzip = |bytes: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    };
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let call = json!({"id": CALL, "state": "established", "subject": "compressed"});
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("Content-Encoding", "gzip")
                .set_body_raw(gzip(call.to_string().as_bytes()), "application/json"),
        )
        .mount(&server)
        .await;
    let got = client(&server).call_get(CALL).await.unwrap();
    assert_eq!(got.subject.as_deref(), Some("compressed"));
    let req = only_request(&server).await;
    assert!(header(&req, "accept-encoding").contains("gzip"), "{:?}", req.headers);

    // 8 MiB of JSON in about 8 KiB, against a 1 MiB cap.
    let inflated = format!("{{\"subject\": \"{}\"}}", " ".repeat(8 << 20));
    let bomb = gzip(inflated.as_bytes());
    assert!(bomb.len() < 64 << 10, "{} bytes compressed", bomb.len());
    let server = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).insert_header("Content-Encoding", "gzip").set_body_raw(bomb, "application/json"))
        .mount(&server)
        .await;
    let err = client_with(&server, |b| b.max_response_bytes(1 << 20)).call_get(CALL).await.unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge(n) if n == 1 << 20), "{err:?}");
}

/// A list's pages as a `Stream`: the first page from the list call, then each page its
/// `@odata.nextLink` names (query and all), three pages' items in order; a link that
/// leaves the client's root (another port, or another path) ends the stream with an
/// error, and nothing is sent there, so the token never is.
#[tokio::test]
async fn pages_stream_by_next_link_only_under_the_clients_root() {
    use futures_util::StreamExt;
    let server = sdkgen_tests::recorder::Recorder::start().await;
    let list = format!("/beta/communications/calls/{CALL}/participants");
    let page = |ids: &[&str], next: Option<String>| {
        let mut body = json!({"value": ids.iter().map(|id| json!({"id": id})).collect::<Vec<_>>()});
        if let Some(next) = next {
            body["@odata.nextLink"] = json!(next);
        }
        ResponseTemplate::new(200).set_body_json(body)
    };
    let link = |token: &str| format!("{}{list}?$skiptoken={token}", server.uri());
    Mock::given(path(list.as_str()))
        .and(wiremock::matchers::query_param("$skiptoken", "p3"))
        .respond_with(page(&["e"], None))
        .mount(&server)
        .await;
    Mock::given(path(list.as_str()))
        .and(wiremock::matchers::query_param("$skiptoken", "p2"))
        .respond_with(page(&["c", "d"], Some(link("p3"))))
        .mount(&server)
        .await;
    Mock::given(path(list.as_str())).respond_with(page(&["a", "b"], Some(link("p2")))).mount(&server).await;
    let client = client(&server);
    let first = client.participant_list(CALL).await.unwrap();
    let ids: Vec<String> = client.runtime().items(first).map(|p| p.unwrap().id.unwrap()).collect().await;
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    let got = server.received_requests().await.unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].url.query(), Some("$skiptoken=p3"));
    assert!(got.iter().all(|r| header(r, "authorization") == format!("Bearer {TOKEN}")));

    let other = sdkgen_tests::recorder::Recorder::start().await;
    Mock::given(any()).respond_with(page(&["stolen"], None)).mount(&other).await;
    for away in [format!("{}/beta/users?$skiptoken=x", other.uri()), format!("{}/other/users", server.uri())] {
        let first: sdkgen_runtime::CollectionPage<graph_beta::models::Participant> =
            serde_json::from_value(json!({"value": [{"id": "a"}], "@odata.nextLink": away})).unwrap();
        let pages: Vec<_> = client.runtime().pages(first).collect().await;
        assert_eq!(pages.len(), 2, "{away}: the first page, then the refusal");
        assert!(matches!(&pages[1], Err(Error::InvalidArgument { name, .. }) if name == "@odata.nextLink"), "{away}: {:?}", pages[1]);
    }
    assert!(other.received_requests().await.unwrap().is_empty(), "nothing, token or not, went to another origin");
    assert_eq!(server.received_requests().await.unwrap().len(), 3, "nor outside the root on the client's own origin");
}
