//! The HTTP client generated code calls: base URL, bearer token, timeout and bounded retries.

use crate::collection::CollectionPage;
use crate::error::{ApiError, Error};
use crate::path::RequestTarget;
use crate::token::{AccessToken, SharedTokenSource, TokenSource};
use futures_core::Stream;
use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HOST, RETRY_AFTER, USER_AGENT};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tokio::time::Instant;

/// Graph beta's root.
pub const DEFAULT_BASE_URL: &str = "https://graph.microsoft.com/beta";
/// Well inside the 15 seconds a bot has to answer or reject an incoming call, so a slow
/// attempt fails while there is still time to act on the failure.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(8);
/// The whole call, retries and waits included, ends by this deadline: inside the 15
/// seconds a bot has to answer an incoming call, with time left to act on a failure.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(12);
/// How much of an error response is read; the rest is not, and the connection is dropped
/// (Graph's error bodies are a few hundred bytes; a hostile one could be endless).
pub const ERROR_BODY_CAP: usize = 64 << 10;
/// How much of a success response is read before the call fails.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 << 20;
/// How much memory reading one success response into typed values may take at most
/// (estimated from above before it is read, see [`crate::memory_bound`]).
pub const DEFAULT_MAX_RESPONSE_MEMORY: u64 = 1 << 30;
/// The in-memory size assumed for the largest value a response is read into, until the
/// generated crate says its own ([`Client::with_largest_value`]).
pub const DEFAULT_LARGEST_VALUE: usize = 1 << 10;
/// Same-origin redirects followed at most; a redirect to another origin is never followed
/// (the answer is returned as an error), so the token cannot reach another host.
const MAX_REDIRECTS: usize = 5;
/// How many times a throttled (429), unavailable (503) or timed-out (504) request is sent
/// again.
pub const DEFAULT_MAX_RETRIES: u32 = 3;
const BASE_BACKOFF: Duration = Duration::from_millis(200);
/// The `User-Agent` every request carries unless the client was given another
/// ([`ClientBuilder::user_agent`]; a generated crate puts its own name and version first).
pub const DEFAULT_USER_AGENT: &str = concat!("sdkgen-runtime/", env!("CARGO_PKG_VERSION"));
/// Graph's correlation header: a fresh UUID per call, the same on each of its retries,
/// echoed in Graph's error bodies (`innerError.client-request-id`).
const CLIENT_REQUEST_ID: &str = "client-request-id";

/// Configures a [`Client`].
pub struct ClientBuilder {
    base_url: String,
    token: Option<SharedTokenSource>,
    timeout: Duration,
    deadline: Duration,
    max_retries: u32,
    max_response_bytes: usize,
    max_response_memory: u64,
    user_agent: String,
    http: Option<reqwest::Client>,
    hooks: Vec<Arc<dyn Hook>>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            token: None,
            timeout: DEFAULT_TIMEOUT,
            deadline: DEFAULT_DEADLINE,
            max_retries: DEFAULT_MAX_RETRIES,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            max_response_memory: DEFAULT_MAX_RESPONSE_MEMORY,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            http: None,
            hooks: Vec::new(),
        }
    }
}

impl ClientBuilder {
    /// Sends every request through `http`, the caller's own `reqwest::Client` (its
    /// connection pool, proxy, TLS roots and default headers),
    /// instead of one this builder makes. Everything else stays the runtime's: the token,
    /// `User-Agent` and `client-request-id`, the per-attempt timeout and the whole call's
    /// deadline, retries, and the caps on what is read. Redirects follow `http`'s own
    /// policy, not the runtime's same-origin one; reqwest drops `Authorization` on a
    /// redirect to another host or port, so the token still stays with Graph's origin.
    /// `reqwest` is re-exported ([`crate::reqwest`]) so the version always matches.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Runs `hook` around every attempt of every call ([`Hook`]); hooks run in the order
    /// they were added.
    pub fn hook(mut self, hook: impl Hook + 'static) -> Self {
        self.hooks.push(Arc::new(hook));
        self
    }

    /// Sends requests under this root instead of [`DEFAULT_BASE_URL`].
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Uses one fixed token for every request.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(Arc::new(AccessToken::new(token)));
        self
    }

    /// Asks `source` for a token before every attempt, so expiring tokens are refreshed.
    pub fn token_source(mut self, source: impl TokenSource + 'static) -> Self {
        self.token = Some(Arc::new(source));
        self
    }

    /// The timeout of one attempt (default [`DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The deadline of a whole call, every attempt and wait included (default
    /// [`DEFAULT_DEADLINE`]); a retry that could not finish by then is not started.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// The largest success body read (default [`DEFAULT_MAX_RESPONSE_BYTES`]).
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// The most memory reading one success response into typed values may take (default
    /// [`DEFAULT_MAX_RESPONSE_MEMORY`]). A body is measured before it is read, in one pass
    /// that charges every object the largest value it could become ([`crate::memory_bound`]);
    /// one that could take more fails with [`Error::ResponseTooLargeInMemory`], whatever
    /// its length in bytes.
    pub fn max_response_memory(mut self, bytes: u64) -> Self {
        self.max_response_memory = bytes;
        self
    }

    /// The `User-Agent` sent on every request (default [`DEFAULT_USER_AGENT`]); `build`
    /// refuses one HTTP cannot carry.
    pub fn user_agent(mut self, value: impl Into<String>) -> Self {
        self.user_agent = value.into();
        self
    }

    /// How often a 429 or 503 answer is retried (default [`DEFAULT_MAX_RETRIES`]).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Builds the client. Fails when no token was configured or the base URL is not an
    /// absolute http(s) URL.
    pub fn build(self) -> Result<Client, Error> {
        let base = self.base_url.trim_end_matches('/').to_owned();
        match url::Url::parse(&base) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.query().is_none() => {}
            _ => return Err(Error::InvalidBaseUrl(self.base_url)),
        }
        let token = self
            .token
            .ok_or_else(|| Error::InvalidArgument { name: "token".into(), reason: "no token or token source was configured".into() })?;
        let redirects = reqwest::redirect::Policy::custom(|attempt| {
            let same_origin = attempt.previous().first().is_some_and(|first| first.origin() == attempt.url().origin());
            if !same_origin || attempt.previous().len() > MAX_REDIRECTS {
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let user_agent = HeaderValue::from_str(&self.user_agent).ok().filter(|_| self.user_agent.is_ascii()).ok_or_else(|| {
            Error::InvalidArgument { name: "user_agent".into(), reason: "a header value holds visible ASCII, spaces and tabs only".into() }
        })?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder().redirect(redirects).build().map_err(Error::Transport)?,
        };
        Ok(Client {
            http,
            base_url: base,
            token,
            timeout: self.timeout,
            deadline: self.deadline,
            max_retries: self.max_retries,
            max_response_bytes: self.max_response_bytes,
            max_response_memory: self.max_response_memory,
            largest_value: DEFAULT_LARGEST_VALUE,
            headers: Arc::new(vec![(USER_AGENT, user_agent)]),
            hooks: Arc::new(self.hooks),
        })
    }
}

/// Sends Graph requests. Cheap to clone; clones share one connection pool.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    token: SharedTokenSource,
    timeout: Duration,
    deadline: Duration,
    max_retries: u32,
    max_response_bytes: usize,
    max_response_memory: u64,
    /// The in-memory size of the largest type a response can be read into.
    largest_value: usize,
    /// Request headers sent with every request (see [`Client::with_header`]).
    headers: Arc<Vec<(HeaderName, HeaderValue)>>,
    hooks: Arc<Vec<Arc<dyn Hook>>>,
}

/// Code of the caller's run around every attempt: to add or change a request's headers
/// (a proxy's, a tenant's), to log or count, to read what Graph answered (`request-id`,
/// throttling headers) on success and failure alike. A hook sees each request before the
/// token is added, so no hook can read, log or change `Authorization`; the token is
/// always the client's [`TokenSource`]'s.
pub trait Hook: Send + Sync {
    /// Before an attempt is sent: the request as it will go, less `Authorization`.
    fn before_send(&self, request: &mut reqwest::Request) {
        let _ = request;
    }

    /// When an attempt's answer arrives, before its body is read: its status and headers.
    fn after_receive(&self, status: reqwest::StatusCode, headers: &reqwest::header::HeaderMap) {
        let _ = (status, headers);
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("token", &"<redacted>")
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .field("max_retries", &self.max_retries)
            .field("max_response_memory", &self.max_response_memory)
            .field("largest_value", &self.largest_value)
            .field("headers", &self.headers.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>())
            .field("hooks", &self.hooks.len())
            .finish()
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// This client (sharing its connection pool) with `name: value` on every request: Graph's
    /// request headers, as each SDK's request configuration sets them
    /// (`ConsistencyLevel: eventual`, `Prefer: outlook.body-content-type="text"`,
    /// `If-Match`). A header of that name set before is replaced, `User-Agent` and
    /// `client-request-id` included (then every call sends that one).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a name or value HTTP cannot carry (a newline would
    /// start another header), and for `Authorization`, `Content-Type`, `Content-Length` and
    /// `Host`, which the client writes itself.
    pub fn with_header(&self, name: &str, value: &str) -> Result<Client, Error> {
        let invalid = |reason: &str| Error::InvalidArgument { name: format!("header {name:?}"), reason: reason.to_owned() };
        let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid("not a header name"))?;
        if [AUTHORIZATION, CONTENT_TYPE, CONTENT_LENGTH, HOST].contains(&header) {
            return Err(invalid("the client writes this header itself"));
        }
        // HTTP's obs-text (bytes past ASCII) is legal but read differently by every stack
        // (OkHttp refuses it): only ASCII is sent.
        let ascii = "a header value holds visible ASCII, spaces and tabs only";
        if !value.is_ascii() {
            return Err(invalid(ascii));
        }
        let value = HeaderValue::from_str(value).map_err(|_| invalid(ascii))?;
        let mut headers: Vec<(HeaderName, HeaderValue)> = self.headers.iter().filter(|(n, _)| *n != header).cloned().collect();
        headers.push((header, value));
        Ok(Client { headers: Arc::new(headers), ..self.clone() })
    }

    /// This client (sharing its connection pool) charging each object of a response `bytes`
    /// against [`ClientBuilder::max_response_memory`]: the in-memory size of the largest
    /// type responses are read into. A generated crate's client sets its models' largest
    /// `size_of` here; the default is [`DEFAULT_LARGEST_VALUE`], and a call's result type is
    /// charged at least its own size.
    pub fn with_largest_value(&self, bytes: usize) -> Client {
        Client { largest_value: bytes, ..self.clone() }
    }

    /// The root requests are sent under, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Sends `body` as JSON (nothing when `None`) and expects a 2xx with no body back; a body that comes anyway is read and discarded.
    pub async fn send_no_content<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &(impl RequestTarget + ?Sized),
        body: Option<&B>,
    ) -> Result<(), Error> {
        self.execute(method, path, body).await.map(drop)
    }

    /// Sends `body` as JSON (nothing when `None`) and deserialises the JSON answer of a 2xx
    /// response.
    pub async fn send_json<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &(impl RequestTarget + ?Sized),
        body: Option<&B>,
    ) -> Result<T, Error> {
        let bytes = self.execute(method, path, body).await?;
        let bound = crate::memory_bound(&bytes, self.largest_value.max(std::mem::size_of::<T>()));
        if bound > self.max_response_memory {
            return Err(Error::ResponseTooLargeInMemory { bound, limit: self.max_response_memory });
        }
        serde_json::from_slice(&bytes).map_err(Error::Json)
    }

    /// The page after `page`, by its `@odata.nextLink`, or `None` on the last page. The link
    /// is followed only under this client's own root (same origin, path inside the base
    /// URL's), so the token is never sent elsewhere; any other link is refused unread.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] (named `@odata.nextLink`) for a link outside the client's
    /// root; otherwise as any call.
    pub async fn next_page<T: DeserializeOwned>(&self, page: &CollectionPage<T>) -> Result<Option<CollectionPage<T>>, Error> {
        let Some(link) = &page.next_link else { return Ok(None) };
        let relative = self.under_root(link).ok_or_else(|| Error::InvalidArgument {
            name: "@odata.nextLink".into(),
            reason: "the link leaves the client's root; it is not followed, so the token stays with Graph".into(),
        })?;
        self.send_json(Method::GET, relative.as_str(), None::<&()>).await.map(Some)
    }

    /// The pages of a collection, `first` and each one its `@odata.nextLink` names after it
    /// ([`Client::next_page`]), fetched as the stream is read; an error ends the stream.
    pub fn pages<T: DeserializeOwned + 'static>(
        &self,
        first: CollectionPage<T>,
    ) -> impl Stream<Item = Result<CollectionPage<T>, Error>> + '_ {
        futures_util::stream::unfold(Some(Ok(first)), move |state| async move {
            match state? {
                Err(e) => Some((Err(e), None)),
                Ok(page) => {
                    let next = match self.next_page(&page).await {
                        Ok(Some(next)) => Some(Ok(next)),
                        Ok(None) => None,
                        Err(e) => Some(Err(e)),
                    };
                    Some((Ok(page), next))
                }
            }
        })
    }

    /// The items of every page of a collection, from `first` on ([`Client::pages`]).
    pub fn items<T: DeserializeOwned + 'static>(&self, first: CollectionPage<T>) -> impl Stream<Item = Result<T, Error>> + '_ {
        use futures_util::StreamExt;
        self.pages(first).flat_map(|page| {
            let items: Vec<Result<T, Error>> = match page {
                Ok(page) => page.value.into_iter().map(Ok).collect(),
                Err(e) => vec![Err(e)],
            };
            futures_util::stream::iter(items)
        })
    }

    /// `link`'s path and query relative to the base URL, when `link` is under it: the same
    /// scheme, host and port, and a path inside the base URL's path.
    fn under_root(&self, link: &str) -> Option<String> {
        let base = url::Url::parse(&self.base_url).ok()?;
        let link = url::Url::parse(link).ok()?;
        if link.origin() != base.origin() || link.fragment().is_some() {
            return None;
        }
        let root = base.path().trim_end_matches('/');
        let rest = link.path().strip_prefix(root).filter(|r| r.starts_with('/'))?;
        Some(match link.query() {
            Some(q) => format!("{rest}?{q}"),
            None => rest.to_owned(),
        })
    }

    /// One call: its attempts, inside one `graph.request` span that shows the path's
    /// template (never its values) and records the status, Graph's request-id and the
    /// number of attempts.
    async fn execute<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &(impl RequestTarget + ?Sized),
        body: Option<&B>,
    ) -> Result<Vec<u8>, Error> {
        let span = tracing::info_span!(
            "graph.request",
            http.request.method = %method,
            url.template = path.template(),
            http.response.status_code = tracing::field::Empty,
            request_id = tracing::field::Empty,
            attempts = tracing::field::Empty,
        );
        tracing::Instrument::instrument(self.attempts(method, path.path(), body, &span), span.clone()).await
    }

    async fn attempts<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
        span: &tracing::Span,
    ) -> Result<Vec<u8>, Error> {
        let url = format!("{}{}", self.base_url, path);
        let payload = body.map(serde_json::to_vec).transpose().map_err(Error::Json)?;
        let deadline = Instant::now() + self.deadline;
        let over = || Error::DeadlineExceeded(self.deadline);
        let own_request_id = self.headers.iter().any(|(n, _)| n.as_str() == CLIENT_REQUEST_ID);
        let request_id = HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()).expect("a UUID is a header value");
        let mut attempt = 0;
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(over());
            }
            let token = tokio::time::timeout(remaining, self.token.token()).await.map_err(|_| over())??;
            let mut auth = HeaderValue::from_str(&format!("Bearer {}", token.secret()))
                .map_err(|_| Error::Token(crate::TokenError("the token contains characters not allowed in a header".into())))?;
            auth.set_sensitive(true);
            let remaining = deadline.saturating_duration_since(Instant::now());
            let mut request = self.http.request(method.clone(), &url).timeout(self.timeout.min(remaining));
            for (name, value) in self.headers.iter() {
                request = request.header(name, value);
            }
            if !own_request_id {
                request = request.header(CLIENT_REQUEST_ID, request_id.clone());
            }
            if let Some(bytes) = &payload {
                request = request.header(CONTENT_TYPE, HeaderValue::from_static("application/json")).body(bytes.clone());
            }
            let timed_out = |e: reqwest::Error| if Instant::now() >= deadline { over() } else { Error::Transport(e.without_url()) };
            let mut request = request.build().map_err(|e| Error::Transport(e.without_url()))?;
            let origin = request.url().origin();
            for hook in self.hooks.iter() {
                hook.before_send(&mut request);
            }
            // The token goes only to the origin the call was for, whatever a hook did.
            if request.url().origin() != origin {
                return Err(Error::InvalidArgument {
                    name: "hook".into(),
                    reason: "a hook moved the request to another origin; the token is sent only to the client's".into(),
                });
            }
            // After the hooks: none of them sees the token, and none can replace it.
            request.headers_mut().insert(AUTHORIZATION, auth);
            let mut response = self.http.execute(request).await.map_err(timed_out)?;
            for hook in self.hooks.iter() {
                hook.after_receive(response.status(), response.headers());
            }
            let status = response.status().as_u16();
            span.record("http.response.status_code", status);
            span.record("attempts", attempt + 1);
            if let Some(id) = response.headers().get("request-id").and_then(|v| v.to_str().ok()) {
                span.record("request_id", id);
            }
            // Graph documents one status per operation but may answer another 2xx (`200`
            // for a documented `202`); every 2xx is success, as its SDKs treat it.
            if (200..300).contains(&status) {
                return read_capped(&mut response, self.max_response_bytes, deadline, self.deadline)
                    .await?
                    .ok_or(Error::ResponseTooLarge(self.max_response_bytes));
            }
            let delay = retry_delay(&response, attempt);
            let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
            let headers = response.headers().clone();
            // An error body is read only up to a cap; past it the rest is left unread and
            // the connection dropped with the response.
            let bytes = match read_capped(&mut response, ERROR_BODY_CAP, deadline, self.deadline).await {
                Ok(Some(b)) => b,
                Ok(None) | Err(Error::DeadlineExceeded(_)) => Vec::new(),
                Err(e) => return Err(e),
            };
            drop(response);
            if matches!(status, 429 | 503 | 504) && attempt < self.max_retries {
                // Waited for only when the retry can start before the deadline (a huge
                // value must not overflow the clock either).
                if let Some(delay) = delay.filter(|d| Instant::now().checked_add(*d).is_some_and(|at| at < deadline)) {
                    tracing::debug!(status, delay_ms = delay.as_millis() as u64, "retrying");
                    attempt += 1;
                    tokio::time::sleep(delay).await;
                    continue;
                }
            }
            return Err(Error::Api(Box::new(ApiError::from_parts(status, content_type, &bytes).with_headers(headers))));
        }
    }
}

/// The body, or `None` when it is longer than `cap` (then only `cap` bytes were read).
async fn read_capped(response: &mut reqwest::Response, cap: usize, deadline: Instant, total: Duration) -> Result<Option<Vec<u8>>, Error> {
    let mut out = Vec::new();
    loop {
        let chunk = tokio::time::timeout_at(deadline, response.chunk()).await;
        match chunk {
            Err(_) => return Err(Error::DeadlineExceeded(total)),
            Ok(Err(e)) => return Err(Error::Transport(e.without_url())),
            Ok(Ok(None)) => return Ok(Some(out)),
            Ok(Ok(Some(bytes))) => {
                if out.len() + bytes.len() > cap {
                    return Ok(None);
                }
                out.extend_from_slice(&bytes);
            }
        }
    }
}

/// How long to wait before retrying: `Retry-After` (seconds or an HTTP date) when the
/// service sent one, otherwise exponential backoff; `None` for a value that is not one.
/// The caller waits only when the retry can still start before the call's deadline.
fn retry_delay(response: &reqwest::Response, attempt: u32) -> Option<Duration> {
    let header = response.headers().get(RETRY_AFTER).and_then(|v| v.to_str().ok());
    match header.map(str::trim) {
        Some(value) => parse_retry_after(value, SystemTime::now()),
        None => Some(BASE_BACKOFF * 2u32.saturating_pow(attempt)),
    }
}

pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_accepts_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(5));
        assert_eq!(parse_retry_after(&later, now), Some(Duration::from_secs(5)));
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(5));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn builder_refuses_missing_token_and_bad_base() {
        assert!(Client::builder().build().is_err());
        assert!(matches!(Client::builder().token("t").base_url("not a url").build(), Err(Error::InvalidBaseUrl(_))));
        let c = Client::builder().token("t").base_url("http://127.0.0.1:9/beta/").build().unwrap();
        assert_eq!(c.base_url(), "http://127.0.0.1:9/beta");
    }

    #[test]
    fn debug_never_shows_the_token() {
        let c = Client::builder().token("s3cr3t-token").build().unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(!format!("{:?} {}", AccessToken::new("s3cr3t"), AccessToken::new("s3cr3t")).contains("s3cr3t"));
    }
}
