//! Runtime support shared by every client sdkgen generates: transport, tokens, errors and retries.
//!
//! Generated crates stay short and readable because everything that is not derived from
//! the spec lives here, hand-written and tested once (the progenitor / progenitor-client
//! split).
#![deny(missing_docs)]

mod client;
mod collection;
mod error;
mod one_or_many;
mod path;
mod rules;
mod token;
mod validate;
mod wire_enum;

pub use client::{
    Client, ClientBuilder, DEFAULT_BASE_URL, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT,
    ERROR_BODY_CAP,
};
pub use collection::CollectionPage;
pub use error::{ApiError, Error, GraphError, InnerError};
pub use one_or_many::OneOrMany;
pub use path::{encode_segment, FunctionArg, PathBuilder};
pub use token::{AccessToken, TokenError, TokenFuture, TokenSource};
pub use validate::require_https_url;
pub use wire_enum::WireEnum;

/// Re-exported so generated code names one dependency only.
pub use reqwest::Method;
pub use serde;
pub use serde_json;
