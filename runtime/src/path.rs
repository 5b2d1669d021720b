//! Request paths built from literal segments, caller-supplied values (one segment each)
//! and OData function calls.

use crate::error::Error;
pub use crate::rules::FunctionArg;

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

    /// Appends an OData function call, `name(a='x',b=3)`, as one segment. `name` and the
    /// parameter names come from the spec; each value is written as the literal its type
    /// takes and percent-encoded, so it cannot end the call, the segment or the path.
    pub fn function(mut self, name: &str, args: &[(&str, FunctionArg<'_>)]) -> Self {
        self.path.push('/');
        self.path.push_str(name);
        self.path.push('(');
        for (i, (param, value)) in args.iter().enumerate() {
            if i > 0 {
                self.path.push(',');
            }
            self.path.push_str(param);
            self.path.push('=');
            self.path.push_str(&value.literal());
        }
        self.path.push(')');
        self
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
    fn function_arguments_are_odata_literals_that_stay_inside_the_call() {
        let path = PathBuilder::new()
            .literal("reports")
            .function(
                "find",
                &[
                    ("name", FunctionArg::Text("O'Neil),x=('/../?#")),
                    ("when", FunctionArg::Bare("2020-01-01T00:00:00+01:00".into())),
                    ("count", FunctionArg::Bare(3.to_string())),
                    ("ratio", FunctionArg::Double(0.5)),
                    ("limit", FunctionArg::Double(f64::NEG_INFINITY)),
                    ("wait", FunctionArg::Duration("PT1H")),
                    ("tag", FunctionArg::Null),
                ],
            )
            .finish();
        assert_eq!(
            path,
            "/reports/find(name='O%27%27Neil%29%2Cx%3D%28%27%27%2F..%2F%3F%23',when=2020-01-01T00%3A00%3A00%2B01%3A00,count=3,ratio=0.5,limit=-INF,wait=duration'PT1H',tag=null)"
        );
        assert_eq!(PathBuilder::new().function("delta", &[]).finish(), "/delta()");
    }

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
