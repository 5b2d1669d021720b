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
    /// The same path with each value as its `{name}`: what a trace may show (ids and
    /// function arguments can be personal data; the template never is).
    template: String,
}

/// A finished request path and its template (`/communications/calls/{id}/reject`): reads
/// as the path (`Deref<Target = str>`), while the client's trace span shows the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPath {
    path: String,
    template: String,
}

impl RequestPath {
    /// The path with every `{name}` filled in and encoded.
    pub fn as_str(&self) -> &str {
        &self.path
    }

    /// The path with each caller-supplied value shown as its `{name}`.
    pub fn template(&self) -> &str {
        &self.template
    }
}

impl std::ops::Deref for RequestPath {
    type Target = str;
    fn deref(&self) -> &str {
        &self.path
    }
}

impl std::fmt::Display for RequestPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)
    }
}

impl PartialEq<&str> for RequestPath {
    fn eq(&self, other: &&str) -> bool {
        self.path == *other
    }
}

/// What a client call is sent to: a [`RequestPath`] (which carries its template for the
/// trace), or a plain path a caller wrote, whose template the client cannot know (the
/// trace then shows none).
pub trait RequestTarget {
    /// The path to send.
    fn path(&self) -> &str;
    /// The path's template, when it has one.
    fn template(&self) -> Option<&str> {
        None
    }
}

impl RequestTarget for RequestPath {
    fn path(&self) -> &str {
        &self.path
    }
    fn template(&self) -> Option<&str> {
        Some(&self.template)
    }
}

impl RequestTarget for str {
    fn path(&self) -> &str {
        self
    }
}

impl RequestTarget for String {
    fn path(&self) -> &str {
        self
    }
}

impl PathBuilder {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a segment from the spec.
    pub fn literal(mut self, segment: &str) -> Self {
        for part in [&mut self.path, &mut self.template] {
            part.push('/');
            part.push_str(segment);
        }
        self
    }

    /// Appends a caller-supplied value as one encoded segment.
    pub fn value(mut self, name: &str, value: &str) -> Result<Self, Error> {
        let encoded = encode_segment(name, value)?;
        self.path.push('/');
        self.path.push_str(&encoded);
        self.template.push_str(&format!("/{{{name}}}"));
        Ok(self)
    }

    /// Appends an OData function call, `name(a='x',b=3)`, as one segment. `name` and the
    /// parameter names come from the spec; each value is written as the literal its type
    /// takes and percent-encoded, so it cannot end the call, the segment or the path.
    pub fn function(mut self, name: &str, args: &[(&str, FunctionArg<'_>)]) -> Self {
        self.path.push('/');
        self.path.push_str(name);
        self.path.push('(');
        self.template.push('/');
        self.template.push_str(name);
        self.template.push('(');
        for (i, (param, value)) in args.iter().enumerate() {
            if i > 0 {
                self.path.push(',');
                self.template.push(',');
            }
            self.path.push_str(param);
            self.path.push('=');
            self.path.push_str(&value.literal());
            self.template.push_str(&format!("{param}={{{param}}}"));
        }
        self.path.push(')');
        self.template.push(')');
        self
    }

    /// A query parameter of the operation's own (`startDateTime`), after the path: its
    /// value percent-encoded whole, so `&`, `=`, `#` and `+` stay inside it; `None` adds
    /// nothing. The template keeps the path only: values can be personal data.
    pub fn query(mut self, name: &str, value: Option<&str>) -> Self {
        if let Some(value) = value {
            self.path.push(if self.path.contains('?') { '&' } else { '?' });
            self.path.push_str(name);
            self.path.push('=');
            self.path.push_str(&percent_encoding::utf8_percent_encode(value, crate::rules::SEGMENT).to_string());
        }
        self
    }

    /// The finished path, starting with `/`, and its template.
    pub fn finish(self) -> RequestPath {
        RequestPath { path: self.path, template: self.template }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters_follow_the_path_each_value_encoded_whole() {
        let path = PathBuilder::new()
            .literal("me")
            .literal("calendarView")
            .query("startDateTime", Some("2026-01-05T09:00:00+01:00"))
            .query("tag", None)
            .query("q", Some("a&b=#c d/é"))
            .finish();
        assert_eq!(path.as_str(), "/me/calendarView?startDateTime=2026-01-05T09%3A00%3A00%2B01%3A00&q=a%26b%3D%23c%20d%2F%C3%A9");
        assert_eq!(path.template(), "/me/calendarView", "no value in the template");
    }

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
    fn the_template_shows_each_value_by_its_name_and_never_the_value() {
        let path = PathBuilder::new()
            .literal("users")
            .value("user-id", "adele@contoso.com")
            .unwrap()
            .function("reminderView", &[("StartDateTime", FunctionArg::Text("2026-01-01")), ("EndDateTime", FunctionArg::Text("x"))])
            .finish();
        let id = encode_segment("user-id", "adele@contoso.com").unwrap();
        assert_eq!(path, format!("/users/{id}/reminderView(StartDateTime='2026-01-01',EndDateTime='x')").as_str());
        assert_eq!(path.template(), "/users/{user-id}/reminderView(StartDateTime={StartDateTime},EndDateTime={EndDateTime})");
        assert_eq!(RequestTarget::template(&path), Some(path.template()));
        assert_eq!(RequestTarget::template("/me"), None);
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
