//! Access tokens and where they come from; the token's text never reaches `Debug` or `Display`.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A bearer token. Its `Debug` and `Display` print a placeholder, never the secret,
/// so a token cannot leak into logs or error messages by formatting.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    /// Wraps a token string.
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The secret itself, for the `Authorization` header only.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(<redacted>)")
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Why a token source could not produce a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenError(pub String);

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not obtain an access token: {}", self.0)
    }
}

impl std::error::Error for TokenError {}

/// The future a [`TokenSource`] returns.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<AccessToken, TokenError>> + Send + 'a>>;

/// Produces a token for each request. Tokens expire, so a source is asked again before
/// every attempt (retries included) rather than once per client.
pub trait TokenSource: Send + Sync {
    /// Returns a currently valid token.
    fn token(&self) -> TokenFuture<'_>;
}

impl TokenSource for AccessToken {
    fn token(&self) -> TokenFuture<'_> {
        let token = self.clone();
        Box::pin(async move { Ok(token) })
    }
}

/// Any `Fn() -> Future<Output = Result<AccessToken, TokenError>>` is a token source, so
/// callers can plug in their own refresh logic with a closure.
impl<F, Fut> TokenSource for F
where
    F: Fn() -> Fut + Send + Sync,
    Fut: Future<Output = Result<AccessToken, TokenError>> + Send + 'static,
{
    fn token(&self) -> TokenFuture<'_> {
        Box::pin((self)())
    }
}

pub(crate) type SharedTokenSource = Arc<dyn TokenSource>;
