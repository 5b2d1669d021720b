//! Request paths built from literal segments and caller-supplied values, one segment each.

use crate::error::Error;

/// Percent-encodes `value` as exactly one path segment.
///
/// `.` and `..` (and the empty string) cannot be one segment: URL parsers treat them as
/// "this directory" and "parent directory", so they are refused rather than sent.
pub fn encode_segment(name: &str, value: &str) -> Result<String, Error> {
    crate::rules::segment(value)
        .ok_or_else(|| Error::InvalidArgument { name: name.to_owned(), reason: format!("{value:?} cannot be used as a path segment") })
}

/// Builds `/a/b/{value}/c` paths; literal segments come from the spec and are trusted,
/// values are encoded with [`encode_segment`].
#[derive(Debug, Default, Clone)]
pub struct PathBuilder {
    path: String,
}

impl PathBuilder {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a segment from the spec.
    pub fn literal(mut self, segment: &str) -> Self {
        self.path.push('/');
        self.path.push_str(segment);
        self
    }

    /// Appends a caller-supplied value as one encoded segment.
    pub fn value(mut self, name: &str, value: &str) -> Result<Self, Error> {
        let encoded = encode_segment(name, value)?;
        self.path.push('/');
        self.path.push_str(&encoded);
        Ok(self)
    }

    /// The finished path, starting with `/`.
    pub fn finish(self) -> String {
        self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_query_characters_are_encoded() {
        assert_eq!(encode_segment("id", "a/b?c#d").unwrap(), "a%2Fb%3Fc%23d");
        assert_eq!(encode_segment("id", "../../users").unwrap(), "..%2F..%2Fusers");
        assert_eq!(encode_segment("id", "50%").unwrap(), "50%25");
        assert_eq!(encode_segment("id", "é").unwrap(), "%C3%A9");
    }

    #[test]
    fn dot_segments_and_empty_are_refused() {
        for bad in ["", ".", ".."] {
            let err = encode_segment("id", bad).unwrap_err();
            assert!(err.to_string().contains("`id`"), "{err}");
        }
    }
}
