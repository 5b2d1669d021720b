//! C# naming: reserved words get `@`, strings are regular `"…"` literals.

use super::{c_like_escape, ident, Case};

pub const KEYWORDS: &[&str] = &[
    "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
    "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
    "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
    "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
    "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
    "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
    "using", "virtual", "void", "volatile", "while",
];

/// `@class`: C#'s verbatim-identifier prefix makes any keyword an identifier.
pub fn escape(name: String) -> String {
    if KEYWORDS.contains(&name.as_str()) {
        format!("@{name}")
    } else {
        name
    }
}

pub fn pascal(name: &str) -> String {
    escape(ident(name, Case::Pascal, "N"))
}

pub fn local(name: &str) -> String {
    escape(ident(name, Case::Camel, "n"))
}

/// A regular string literal; `\u` escapes keep control characters readable.
pub fn string(s: &str) -> String {
    format!("\"{}\"", c_like_escape(s, '"', |_| None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(local("class"), "@class");
        assert_eq!(pascal("namespace"), "Namespace");
        assert_eq!(string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
