//! Python naming: keywords get a trailing `_` (the SDK's `RejectReason.None_`), snake_case members.

use super::{c_like_escape, ident, Case};

pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
];

pub fn escape(name: String) -> String {
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

pub fn snake(name: &str) -> String {
    escape(ident(name, Case::Snake, "n"))
}

pub fn pascal(name: &str) -> String {
    escape(ident(name, Case::Pascal, "N"))
}

/// A single-quoted string.
pub fn string(s: &str) -> String {
    format!("'{}'", c_like_escape(s, '\'', |_| None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(pascal("none"), "None_");
        assert_eq!(snake("callbackUri"), "callback_uri");
        assert_eq!(snake("class"), "class_");
        assert_eq!(string("'\\"), r"'\'\\'");
    }
}
