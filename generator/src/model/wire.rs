//! How values are spelled in a request path: a function's literals, the segments' escapes, placeholders.

use super::{Primitive, TypedValue};

/// A function argument as it goes in the path: the runtime's rule, so the client and the
/// snippets send the same bytes (`'O''Neil'`, percent-encoded but for its quotes).
pub fn function_literal(value: &TypedValue) -> String {
    use crate::rules::FunctionArg;
    match value {
        TypedValue::Null => FunctionArg::Null.literal(),
        TypedValue::Bool(b) => FunctionArg::Bare(b.to_string()).literal(),
        TypedValue::Number { value, .. } => FunctionArg::Bare(value.to_string()).literal(),
        TypedValue::String(s) => FunctionArg::Text(s).literal(),
        TypedValue::Text { value, ty: Primitive::Duration } => FunctionArg::Duration(value).literal(),
        TypedValue::Text { value, .. } => FunctionArg::Bare(value.clone()).literal(),
        TypedValue::Enum { member, .. } => FunctionArg::Text(member).literal(),
        // A function parameter is one primitive or enum value (validation), which a
        // checked argument cannot turn into a list or an object.
        TypedValue::List { .. } | TypedValue::Object { .. } => FunctionArg::Null.literal(),
    }
}

/// `encoded` with the escapes of the ASCII characters RFC 3986 lets a path segment hold
/// as they are (`:`, `@` and the sub-delimiters `!$&'()*+,;=`) undone; every other escape
/// (a space, `/`, `?`, `#`, `%`, non-ASCII text) kept.
pub fn readable_in_path(encoded: &str) -> String {
    const READABLE: &[u8] = b":@!$&'()*+,;=";
    let bytes = encoded.as_bytes();
    let mut out = String::with_capacity(encoded.len());
    let mut i = 0;
    while i < bytes.len() {
        let decoded = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
            .flatten()
            .filter(|b| READABLE.contains(b));
        match decoded {
            Some(b) => {
                out.push(char::from(b));
                i += 3;
            }
            None => {
                let c = encoded[i..].chars().next().unwrap_or_default();
                out.push(c);
                i += c.len_utf8().max(1);
            }
        }
    }
    out
}

/// Whether a path value is a placeholder as docs print them (`{call-id}`): braces around
/// ASCII letters, digits and `-`. Such a value is shown as it is, never percent-encoded.
pub fn is_placeholder(value: &str) -> bool {
    value
        .strip_prefix('{')
        .and_then(|v| v.strip_suffix('}'))
        .is_some_and(|inner| !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// Percent-encodes a value as one path segment (RFC 3986 unreserved characters stay);
/// the same rule as the runtime crate's, so snippets and the client agree on the wire.
pub fn encode_segment(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, crate::rules::SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a path segment may hold as it is is shown so; what would end the segment, the
    /// path or the escape itself, and non-ASCII text, stay escaped.
    #[test]
    fn a_readable_path_undoes_only_the_escapes_a_segment_does_not_need() {
        let literal = function_literal(&TypedValue::String("O'Neil),x=('/../?#é 10:00 50%".into()));
        assert_eq!(literal, "'O%27%27Neil%29%2Cx%3D%28%27%27%2F..%2F%3F%23%C3%A9%2010%3A00%2050%25'");
        assert_eq!(readable_in_path(&literal), "'O''Neil),x=(''%2F..%2F%3F%23%C3%A9%2010:00%2050%25'");
        assert_eq!(readable_in_path("%2"), "%2", "a cut escape stays as it is");
        assert_eq!(readable_in_path("%3a@"), ":@");
    }
}
