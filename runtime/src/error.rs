//! The errors a generated client returns, including Graph's own error body, typed.

use crate::token::TokenError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Anything that can go wrong with a call. No variant ever carries the access token.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with a status the operation does not document as success.
    Api(Box<ApiError>),
    /// An argument was refused before anything was sent.
    InvalidArgument {
        /// The parameter's wire name.
        name: String,
        /// Why it was refused.
        reason: String,
    },
    /// The token source failed.
    Token(TokenError),
    /// The request could not be sent or its response not read (connection, TLS, timeout).
    Transport(reqwest::Error),
    /// The request body could not be serialised, or a response body not deserialised.
    Json(serde_json::Error),
    /// The client was configured with a base URL that cannot be used.
    InvalidBaseUrl(String),
    /// The call's deadline (every attempt and wait included) passed before it finished.
    DeadlineExceeded(std::time::Duration),
    /// A success response was longer than the client reads.
    ResponseTooLarge(usize),
    /// A success response could take more memory to read than the client allows
    /// ([`crate::ClientBuilder::max_response_memory`]); nothing of it was read into values.
    ResponseTooLargeInMemory {
        /// The most memory reading it could take, in bytes ([`crate::memory_bound`]).
        bound: u64,
        /// The client's limit, in bytes.
        limit: u64,
    },
}

impl Error {
    /// The HTTP status, when the service answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            _ => None,
        }
    }

    /// Graph's error body, when the service sent one.
    pub fn graph_error(&self) -> Option<&GraphError> {
        match self {
            Error::Api(e) => e.error.as_ref(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(e) => e.fmt(f),
            Error::InvalidArgument { name, reason } => write!(f, "invalid argument `{name}`: {reason}"),
            Error::Token(e) => e.fmt(f),
            Error::Transport(e) => write!(f, "request failed: {e}"),
            Error::Json(e) => write!(f, "JSON error: {e}"),
            Error::InvalidBaseUrl(url) => write!(f, "invalid base URL {url:?}"),
            Error::DeadlineExceeded(d) => write!(f, "the call did not finish within its {d:?} deadline, retries included"),
            Error::ResponseTooLarge(n) => write!(f, "the response is longer than the {n} bytes the client reads"),
            Error::ResponseTooLargeInMemory { bound, limit } => {
                write!(f, "reading the response could take up to {bound} bytes of memory, more than the client's limit of {limit}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Token(e) => Some(e),
            Error::Transport(e) => Some(e),
            Error::Json(e) => Some(e),
            _ => None,
        }
    }
}

impl From<TokenError> for Error {
    fn from(e: TokenError) -> Self {
        Error::Token(e)
    }
}

/// A response whose status was not the documented success. Non-exhaustive: what an error
/// carries may grow without breaking a caller.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status code.
    pub status: u16,
    /// Graph's `error` object, when the body was one.
    pub error: Option<GraphError>,
    /// The body as text (cut at 4 KiB), kept so a non-JSON body can still be read.
    pub body: String,
    /// The response's `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The response's headers (`request-id`, `client-request-id`, `Retry-After`, `Date`
    /// and the rest), as received. See [`ApiError::request_id`] and
    /// [`ApiError::retry_after`].
    pub headers: reqwest::header::HeaderMap,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = reqwest::StatusCode::from_u16(self.status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
        write!(f, "Graph answered {} {reason}", self.status)?;
        match &self.error {
            Some(e) => {
                write!(f, ": {}: {}", shown(&e.code), shown(&e.message))?;
                if let Some(inner) = &e.inner_error {
                    if let Some(id) = &inner.request_id {
                        write!(f, " (request-id {}", shown(id))?;
                        if let Some(date) = &inner.date {
                            write!(f, ", date {}", shown(date))?;
                        }
                        f.write_str(")")?;
                    }
                }
                Ok(())
            }
            None if self.body.is_empty() => f.write_str(" with an empty body"),
            None => {
                let kind = self.content_type.as_deref().unwrap_or("no content type");
                let mut shown: String = self.body.chars().take(200).collect();
                if shown.len() < self.body.len() {
                    shown.push('…');
                }
                write!(f, " with a body that is not a Graph error ({kind}): {shown:?}")
            }
        }
    }
}

/// Server text as an error's `Display` prints it: control and bidi characters escaped
/// (a newline in a message would forge a log line, an ESC drive the terminal) and cut at
/// 500 characters, so a log shows what the server said and nothing it did not.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(512));
    for (i, c) in text.chars().enumerate() {
        if i == 500 {
            out.push('…');
            break;
        }
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}');
        if c.is_control() || bidi {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Graph's error object: `{"error": {"code", "message", "innerError": {...}}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphError {
    /// A machine-readable code such as `BadRequest` or `itemNotFound`.
    pub code: String,
    /// A human-readable message.
    pub message: String,
    /// Correlation data for Microsoft support.
    #[serde(rename = "innerError", alias = "innererror", default, skip_serializing_if = "Option::is_none")]
    pub inner_error: Option<InnerError>,
}

/// The `innerError` of a Graph error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InnerError {
    /// The id of the failed request.
    #[serde(rename = "request-id", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The `client-request-id` the caller sent, echoed.
    #[serde(rename = "client-request-id", default, skip_serializing_if = "Option::is_none")]
    pub client_request_id: Option<String>,
    /// When the error happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Deserialize)]
struct Envelope {
    error: GraphError,
}

const BODY_LIMIT: usize = 4096;

impl ApiError {
    /// Builds the error from a response's parts; the body is parsed as Graph's error
    /// object when it is one and kept as text either way.
    pub fn from_parts(status: u16, content_type: Option<String>, body: &[u8]) -> Self {
        let error = serde_json::from_slice::<Envelope>(body).ok().map(|e| e.error);
        let mut text = String::from_utf8_lossy(body).into_owned();
        if text.len() > BODY_LIMIT {
            let mut cut = BODY_LIMIT;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        ApiError { status, error, body: text, content_type, headers: reqwest::header::HeaderMap::new() }
    }

    /// This error with the response's `headers`.
    pub fn with_headers(self, headers: reqwest::header::HeaderMap) -> Self {
        ApiError { headers, ..self }
    }

    /// A response header's value, when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Graph's id for the request, to quote to Microsoft's support: the `request-id`
    /// header, else the error body's `innerError.request-id`.
    pub fn request_id(&self) -> Option<&str> {
        self.header("request-id").or_else(|| self.error.as_ref()?.inner_error.as_ref()?.request_id.as_deref())
    }

    /// How long Graph asked the caller to wait before trying again (`Retry-After`, in
    /// seconds or as an HTTP date), when it said: what a caller whose retries ran out (or
    /// whose deadline was too near to wait) backs off by.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        crate::client::parse_retry_after(self.header("retry-after")?.trim(), std::time::SystemTime::now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_cannot_forge_a_log_line_or_drive_a_terminal() {
        let e = ApiError {
            status: 400,
            error: Some(GraphError {
                code: "Bad\nRequest".into(),
                message: format!("fine\n2026-01-01 INFO forged\u{1b}[2J\u{202e}{}", "x".repeat(2_000)),
                inner_error: Some(InnerError { request_id: Some("id\r\n".into()), date: None, client_request_id: None }),
            }),
            body: String::new(),
            content_type: None,
            headers: reqwest::header::HeaderMap::new(),
        };
        let shown = e.to_string();
        assert!(!shown.chars().any(|c| c.is_control() || c == '\u{202e}'), "{shown:?}");
        assert!(shown.contains("Bad\\nRequest") && shown.contains("forged\\u{1b}[2J\\u{202e}") && shown.contains("id\\r\\n"), "{shown}");
        assert!(shown.len() < 1_200, "cut: {} bytes", shown.len());
    }

    #[test]
    fn graph_error_body_is_typed() {
        let body = br#"{"error":{"code":"itemNotFound","message":"Call not found","innerError":{"request-id":"r-1","date":"2026-11-24T05:00:00"}}}"#;
        let e = ApiError::from_parts(404, Some("application/json".into()), body);
        let g = e.error.as_ref().unwrap();
        assert_eq!(g.code, "itemNotFound");
        assert_eq!(g.inner_error.as_ref().unwrap().request_id.as_deref(), Some("r-1"));
        assert_eq!(e.to_string(), "Graph answered 404 Not Found: itemNotFound: Call not found (request-id r-1, date 2026-11-24T05:00:00)");
    }

    #[test]
    fn non_json_body_is_readable() {
        let e = ApiError::from_parts(502, Some("text/html".into()), b"<html>bad gateway</html>");
        assert!(e.error.is_none());
        assert_eq!(
            e.to_string(),
            "Graph answered 502 Bad Gateway with a body that is not a Graph error (text/html): \"<html>bad gateway</html>\""
        );
    }

    #[test]
    fn long_bodies_are_cut_on_a_char_boundary() {
        let body = "é".repeat(5000);
        let e = ApiError::from_parts(500, None, body.as_bytes());
        assert!(e.body.len() <= BODY_LIMIT);
        assert!(e.body.chars().all(|c| c == 'é'));
    }
}
