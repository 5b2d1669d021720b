//! The wire rules generated clients and sdkgen's generator must agree on, in one place:
//! the generator depends on this crate without its `client` feature for them, so the
//! validator, the snippets and the client can never drift apart. It uses only
//! `percent-encoding` and `url`.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986 unreserved characters is encoded, so a value can never add a
/// segment (`/`), start a query (`?`) or a fragment (`#`), or smuggle in an encoded form
/// that a server decodes back into one of those.
pub const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// `value` percent-encoded as exactly one path segment; `None` for `.`, `..` and the
/// empty string, which URL parsers treat as "this directory", "parent directory" or no
/// segment at all.
pub fn segment(value: &str) -> Option<String> {
    (!value.is_empty() && value != "." && value != "..").then(|| utf8_percent_encode(value, SEGMENT).to_string())
}

/// Why `value` is not an absolute `https://` URL with a host, or `None` when it is one.
/// Stricter than a URL parser: no whitespace or control characters anywhere, and no
/// empty authority (`https:///x`, which parsers repair into `https://x/`).
pub fn https_url_problem(value: &str) -> Option<String> {
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!("{value:?} holds whitespace or control characters"));
    }
    let Some(rest) = value.strip_prefix("https://") else {
        return Some(format!("{value:?} is not an absolute https:// URL"));
    };
    if rest.is_empty() || rest.starts_with(['/', '?', '#', ':', '@']) {
        return Some(format!("{value:?} has no host"));
    }
    match url::Url::parse(value) {
        Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => None,
        Ok(_) => Some(format!("{value:?} has no host")),
        Err(e) => Some(format!("{value:?} is not an absolute URL ({e})")),
    }
}

/// A value passed to an OData function, by the literal form its type takes: the client
/// writes its calls with it, and the generator the wire paths of its snippets.
#[derive(Debug, Clone, PartialEq)]
pub enum FunctionArg<'a> {
    /// A string or an enum member: `'text'`, a `'` inside doubled.
    Text(&'a str),
    /// A number, a boolean, a date-time or a Guid: written as it is.
    Bare(String),
    /// A double: `NaN`, `INF` and `-INF` as OData spells them.
    Double(f64),
    /// An ISO 8601 duration: `duration'PT1H'`.
    Duration(&'a str),
    /// No value, for a nullable parameter.
    Null,
}

impl FunctionArg<'_> {
    /// The literal as it goes in the path, percent-encoded but for its own quotes.
    pub fn literal(&self) -> String {
        let encode = |s: &str| utf8_percent_encode(s, SEGMENT).to_string();
        match self {
            FunctionArg::Text(s) => format!("'{}'", encode(&s.replace('\'', "''"))),
            FunctionArg::Bare(s) => encode(s),
            FunctionArg::Double(d) if d.is_nan() => "NaN".to_owned(),
            FunctionArg::Double(d) if d.is_infinite() => if *d > 0.0 { "INF" } else { "-INF" }.to_owned(),
            FunctionArg::Double(d) => encode(&format!("{d:?}")),
            FunctionArg::Duration(s) => format!("duration'{}'", encode(s)),
            FunctionArg::Null => "null".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls_need_a_host_and_no_spaces() {
        for good in ["https://bot.contoso.com/api/calls", "https://example.com/cb?x=1&y='2'#\"frag\"", "https://[::1]:8443/x"] {
            assert_eq!(https_url_problem(good), None, "{good}");
        }
        for bad in [
            "http://bot.contoso.com",
            "https://",
            "https:///x",
            "https://a b",
            "ftp://x",
            "/api",
            "",
            "HTTPS://x",
            "https://@x",
            "https://x\n",
        ] {
            assert!(https_url_problem(bad).is_some(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_segment_is_one_segment() {
        assert_eq!(segment("a/b?c#d%"), Some("a%2Fb%3Fc%23d%25".to_owned()));
        assert_eq!(segment("57dab8b1-894c_~."), Some("57dab8b1-894c_~.".to_owned()));
        for bad in ["", ".", ".."] {
            assert_eq!(segment(bad), None);
        }
    }
}
