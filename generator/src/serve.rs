//! `sdkgen serve`: HTTP in, snippet out, as a service shaped like Microsoft's snippet
//! service (`POST /?lang=go` with the raw request as an `application/http` body).

use crate::model::Model;
use crate::target::{Language, Style};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

/// The largest request the service reads; a bigger one is answered 413 unread.
pub const MAX_BODY: usize = 1 << 20;

fn text(status: StatusCode, body: String) -> Response {
    // `nosniff`: a body that reflects the request is never read as anything but text.
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::X_CONTENT_TYPE_OPTIONS, "nosniff")], body).into_response()
}

async fn snippet(State(model): State<Arc<Model>>, Query(q): Query<HashMap<String, String>>, headers: HeaderMap, body: String) -> Response {
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !kind.trim().to_ascii_lowercase().starts_with("application/http") {
        return text(StatusCode::UNSUPPORTED_MEDIA_TYPE, "the body must be a raw HTTP request: Content-Type: application/http\n".into());
    }
    // Microsoft's service takes `lang=CSharp`: ids are matched in any letter case.
    let language = match Language::parse(&q.get("lang").map(|l| l.to_ascii_lowercase()).unwrap_or_default()) {
        Ok(l) => l,
        Err(e) => return text(StatusCode::BAD_REQUEST, format!("`lang`: {e}\n")),
    };
    let style = match q.get("style").map(|s| Style::parse(s)).unwrap_or(Ok(Style::Current)) {
        Ok(s) => s,
        Err(e) => return text(StatusCode::BAD_REQUEST, format!("`style`: {e}\n")),
    };
    // Rendering is CPU work: off the reactor, so slow requests never stall the others.
    let done = tokio::task::spawn_blocking(move || {
        crate::import::page::request_snippet(&model, &body, language, style).map_err(|errors| {
            errors.iter().map(|e| crate::diag::located_in("request", &body, e.line, e.column, &e.message)).collect::<String>()
        })
    })
    .await;
    match done {
        Ok(Ok(code)) => text(StatusCode::OK, code),
        Ok(Err(located)) => text(StatusCode::BAD_REQUEST, located),
        Err(_) => text(StatusCode::INTERNAL_SERVER_ERROR, "the snippet could not be made\n".into()),
    }
}

/// The service's routes over `model`.
pub fn router(model: Model) -> Router {
    Router::new().route("/", post(snippet)).layer(DefaultBodyLimit::max(MAX_BODY)).with_state(Arc::new(model))
}

/// Serves until SIGTERM or SIGINT, then finishes the requests under way and returns.
/// `bound` is told the address once the socket listens (port 0 picks a free one).
pub async fn run(model: Model, addr: SocketAddr, bound: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    bound(listener.local_addr()?);
    axum::serve(listener, router(model)).with_graceful_shutdown(stop()).await
}

async fn stop() {
    use tokio::signal::unix::{signal, SignalKind};
    match (signal(SignalKind::terminate()), signal(SignalKind::interrupt())) {
        (Ok(mut term), Ok(mut int)) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        }
        // Without signal handlers the service runs until killed.
        _ => std::future::pending::<()>().await,
    }
}
