//! `sdkgen serve`: HTTP in, snippet out, as a service shaped like Microsoft's snippet
//! service (`POST /?lang=go` with the raw request as an `application/http` body).

use crate::model::Model;
use crate::target::{Language, Style};
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

/// The largest request the service reads; a bigger one is answered 413 unread.
pub const MAX_BODY: usize = 1 << 20;

/// What the service holds at most, and for how long. Every bound is here so that a client
/// (or thousands) can take at most these: connections × [`MAX_BODY`] of bodies being read,
/// `in_flight` renders, and each connection's time.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Open connections; one more is answered 503 with `Retry-After` and closed.
    pub connections: usize,
    /// Requests rendered at once (each on a blocking thread with its own memory).
    pub in_flight: usize,
    /// How long a request waits for a render slot before it is answered 503.
    pub queue: Duration,
    /// A request's head must arrive whole within this (idle keep-alive connections too).
    pub header_timeout: Duration,
    /// A request's body must arrive whole within this, or the answer is 408.
    pub body_timeout: Duration,
    /// After SIGTERM, how long requests under way may take before the service exits anyway.
    pub shutdown: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Limits {
            connections: 512,
            // Rendering is CPU work: more at once than cores only adds memory and latency.
            in_flight: 2 * cores,
            queue: Duration::from_secs(5),
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            shutdown: Duration::from_secs(10),
        }
    }
}

struct Shared {
    model: Model,
    limits: Limits,
    renders: Arc<Semaphore>,
}

fn text(status: StatusCode, body: String) -> Response {
    // `nosniff`: a body that reflects the request is never read as anything but text.
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::X_CONTENT_TYPE_OPTIONS, "nosniff")], body).into_response()
}

/// An answer after which the connection is closed: the request's body was not read whole.
fn closing(status: StatusCode, body: String) -> Response {
    let mut r = text(status, body);
    r.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}

fn busy(body: &str) -> Response {
    let mut r = text(StatusCode::SERVICE_UNAVAILABLE, body.to_owned());
    r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    r
}

/// The route: [`answer`], counted in [`ANSWERED`] once answered.
async fn snippet(state: State<Arc<Shared>>, query: Query<HashMap<String, String>>, headers: HeaderMap, body: Body) -> Response {
    let response = answer(state, query, headers, body).await;
    ANSWERED.fetch_add(1, Ordering::Relaxed);
    response
}

async fn answer(State(shared): State<Arc<Shared>>, Query(q): Query<HashMap<String, String>>, headers: HeaderMap, body: Body) -> Response {
    // Everything that can refuse the request is decided from its head, before the body is
    // read: a refused request never gets `100 Continue` and never costs its body's memory.
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !kind.trim().to_ascii_lowercase().starts_with("application/http") {
        return closing(StatusCode::UNSUPPORTED_MEDIA_TYPE, "the body must be a raw HTTP request: Content-Type: application/http\n".into());
    }
    // Microsoft's service takes `lang=CSharp`: ids are matched in any letter case.
    let language = match Language::parse(&q.get("lang").map(|l| l.to_ascii_lowercase()).unwrap_or_default()) {
        Ok(l) => l,
        Err(e) => return closing(StatusCode::BAD_REQUEST, format!("`lang`: {e}\n")),
    };
    let style = match q.get("style").map(|s| Style::parse(s)).unwrap_or(Ok(Style::Current)) {
        Ok(s) => s,
        Err(e) => return closing(StatusCode::BAD_REQUEST, format!("`style`: {e}\n")),
    };
    let too_large = || closing(StatusCode::PAYLOAD_TOO_LARGE, format!("the body is over {MAX_BODY} bytes\n"));
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return too_large();
    }
    let limits = shared.limits;
    let bytes = match tokio::time::timeout(limits.body_timeout, axum::body::to_bytes(body, MAX_BODY)).await {
        Ok(Ok(b)) => b,
        // A chunked body without a length is cut off at the limit.
        Ok(Err(_)) => return too_large(),
        Err(_) => {
            return closing(
                StatusCode::REQUEST_TIMEOUT,
                format!("the body did not arrive within {} s\n", limits.body_timeout.as_secs_f64()),
            )
        }
    };
    let Ok(body) = String::from_utf8(bytes.to_vec()) else {
        return text(StatusCode::BAD_REQUEST, "the body is not UTF-8\n".into());
    };
    // A slot before the work starts, so the number of renders (and their memory) is
    // bounded whatever the number of clients; a request that waits too long is told to retry.
    let permit = match tokio::time::timeout(limits.queue, Arc::clone(&shared.renders).acquire_owned()).await {
        Ok(Ok(p)) => p,
        _ => return busy("the service is busy; retry after a second\n"),
    };
    let done = tokio::task::spawn_blocking(move || {
        // The slot is held until the work ends, even when the client has gone.
        let _permit = permit;
        crate::import::page::request_snippet(&shared.model, &body, language, style).map_err(|errors| {
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

/// mimalloc's `purge_delay` option (its enum's 16th member, in the v3 headers
/// libmimalloc-sys 0.1.49 builds; the Rust bindings leave it unnamed).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Makes the allocator give freed memory back to the system at once. mimalloc purges freed
/// pages only after a delay and only when the heap is next used, so an idle service kept
/// what a load had taken (`bench/serve.sh`'s 256 clients: 64 MB a while after, 26 MB
/// warm). Harmless where the binary's allocator is another one (the library's tests).
pub fn purge_freed_memory_at_once() {
    // SAFETY: sets an integer option; mimalloc reads options atomically at each purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

/// Requests answered so far (see [`janitor`]).
static ANSWERED: AtomicU64 = AtomicU64::new(0);
/// Bumped by [`janitor`] each time the service goes idle after answering.
static IDLE_EPOCH: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// [`IDLE_EPOCH`] when this worker thread last collected its heap.
    static COLLECTED_AT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Run by each worker thread as it parks: once per idle period (after `janitor` saw
/// one begin), the free pages the thread's heap holds go back to the system. Request
/// bodies are read on these threads; renders run on blocking threads, whose heaps go when
/// they end. Under load nothing happens here (collecting at every park cost a fifth of
/// the throughput).
pub fn collect_when_idle() {
    let epoch = IDLE_EPOCH.load(Ordering::Relaxed);
    COLLECTED_AT.with(|at| {
        if at.get() != epoch {
            at.set(epoch);
            // SAFETY: collects this thread's own heap; no pointer is passed.
            unsafe { libmimalloc_sys::mi_collect(true) }
        }
    });
}

/// Tells the end of a load: a quarter second without an answer, after answers, starts an
/// idle period ([`IDLE_EPOCH`]) and wakes every worker with a task each, so that each
/// parks again and collects ([`collect_when_idle`]).
async fn janitor() {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (mut seen, mut collected_for) = (0, 0);
    loop {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let now = ANSWERED.load(Ordering::Relaxed);
        if now == seen && now != collected_for {
            collected_for = now;
            IDLE_EPOCH.fetch_add(1, Ordering::Relaxed);
            for _ in 0..2 * workers {
                tokio::spawn(tokio::task::yield_now());
            }
        }
        seen = now;
    }
}

/// The service's routes over `model`.
pub fn router(model: Model, limits: Limits) -> Router {
    let shared = Arc::new(Shared { model, limits, renders: Arc::new(Semaphore::new(limits.in_flight)) });
    Router::new().route("/", post(snippet)).with_state(shared)
}

/// The answer to a connection over [`Limits::connections`], written without hyper: the
/// service holds nothing for it but this write and a short drain.
const REFUSED: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain; charset=utf-8\r\n\
X-Content-Type-Options: nosniff\r\nContent-Length: 39\r\nConnection: close\r\n\r\ntoo many connections; retry in a second\n";

async fn refuse(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(REFUSED).await?;
        stream.shutdown().await?;
        // Read what the client sent so closing does not reset the answer away.
        let mut sink = [0u8; 4096];
        let mut left: usize = 64 * 1024;
        while left > 0 {
            let n = stream.read(&mut sink).await?;
            if n == 0 {
                break;
            }
            left = left.saturating_sub(n);
        }
        Ok::<_, std::io::Error>(())
    })
    .await;
}

/// Serves until SIGTERM or SIGINT, then finishes the requests under way (for at most
/// [`Limits::shutdown`]) and returns. `bound` is told the address once the socket listens
/// (port 0 picks a free one). HTTP/1.1 only: an HTTP/2 preface is refused, as the README says.
pub async fn run(model: Model, addr: SocketAddr, limits: Limits, bound: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    bound(listener.local_addr()?);
    let app = router(model, limits);
    let connections = Arc::new(Semaphore::new(limits.connections));
    // Refusals are bounded too: past this many, a connection is just closed.
    let refusals = Arc::new(Semaphore::new(64));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).max_buf_size(64 * 1024);
    let graceful = GracefulShutdown::new();
    tokio::spawn(janitor());
    let stop = stop();
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            if let Ok(r) = Arc::clone(&refusals).try_acquire_owned() {
                tokio::spawn(async move {
                    refuse(stream).await;
                    drop(r);
                });
            }
            continue;
        };
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone())));
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    // Connections finish the request they are in and close; a client that holds one
    // open past the deadline does not hold the process.
    let _ = tokio::time::timeout(limits.shutdown, graceful.shutdown()).await;
    Ok(())
}

#[cfg(unix)]
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

#[cfg(not(unix))]
async fn stop() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
