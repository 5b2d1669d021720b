//! Java naming: reserved words get the `Escaped` suffix Kiota's Java refiner uses.

use super::{c_like_escape, ident, Case};

pub const KEYWORDS: &[&str] = &[
    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "default",
    "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import",
    "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return",
    "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
    "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "_",
];

pub fn escape(name: String) -> String {
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}Escaped")
    } else {
        name
    }
}

pub fn pascal(name: &str) -> String {
    escape(ident(name, Case::Pascal, "N"))
}

pub fn camel(name: &str) -> String {
    escape(ident(name, Case::Camel, "n"))
}

/// The legacy SDK's enum members: `BUSY`.
pub fn upper(name: &str) -> String {
    escape(ident(name, Case::ScreamingSnake, "N"))
}

/// A string literal; Java has no `\u{…}` form, so characters outside the BMP stay as
/// UTF-8 text (sources are compiled as UTF-8).
pub fn string(s: &str) -> String {
    format!("\"{}\"", c_like_escape(s, '"', |_| None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(camel("default"), "defaultEscaped");
        assert_eq!(upper("unknownFutureValue"), "UNKNOWN_FUTURE_VALUE");
        assert_eq!(string("x\"y"), r#""x\"y""#);
    }
}
