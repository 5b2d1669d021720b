//! Runtime support shared by every client sdkgen generates: transport, tokens, errors and retries.
//!
//! Generated crates stay short and readable because everything that is not derived from
//! the spec lives here, hand-written and tested once (the progenitor / progenitor-client
//! split).
#![deny(missing_docs)]

#[cfg(feature = "client")]
mod budget;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod collection;
#[cfg(feature = "client")]
mod error;
#[cfg(feature = "client")]
mod one_or_many;
#[cfg(feature = "client")]
mod path;
pub mod rules;
#[cfg(feature = "client")]
mod token;
#[cfg(feature = "client")]
mod validate;
#[cfg(feature = "client")]
mod wire_enum;

#[cfg(feature = "client")]
pub use budget::memory_bound;
#[cfg(feature = "client")]
pub use client::{
    Client, ClientBuilder, Hook, DEFAULT_BASE_URL, DEFAULT_DEADLINE, DEFAULT_LARGEST_VALUE, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RESPONSE_MEMORY, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT, ERROR_BODY_CAP,
};
#[cfg(feature = "client")]
pub use collection::CollectionPage;
#[cfg(feature = "client")]
pub use error::{ApiError, Error, GraphError, InnerError};
#[cfg(feature = "client")]
pub use one_or_many::OneOrMany;
#[cfg(feature = "client")]
pub use path::{encode_segment, FunctionArg, PathBuilder, RequestPath, RequestTarget};
/// The HTTP stack the client runs on, re-exported so that a `reqwest::Client` given to
/// [`ClientBuilder::http_client`] is always of the version the runtime was built with.
#[cfg(feature = "client")]
pub use reqwest;
#[cfg(feature = "client")]
pub use token::{AccessToken, TokenError, TokenFuture, TokenSource};
#[cfg(feature = "client")]
pub use validate::require_https_url;
#[cfg(feature = "client")]
pub use wire_enum::WireEnum;

/// Re-exported so generated code names one dependency only.
#[cfg(feature = "client")]
pub use reqwest::Method;
#[cfg(feature = "client")]
pub use serde;
#[cfg(feature = "client")]
pub use serde_json;
