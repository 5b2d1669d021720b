//! Go naming: keywords get the `Escaped` suffix (Kiota's Go rule); strings are interpreted literals.

use super::{c_like_escape, ident, Case};

pub const KEYWORDS: &[&str] = &[
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
    "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
    // Predeclared names a local variable must not shadow in a snippet.
    "context", "error", "string", "bool", "int", "nil", "true", "false", "len", "new", "make",
];

pub fn escape(name: String) -> String {
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}Escaped")
    } else {
        name
    }
}

pub fn pascal(name: &str) -> String {
    ident(name, Case::Pascal, "N")
}

pub fn local(name: &str) -> String {
    escape(ident(name, Case::Camel, "n"))
}

/// Kiota's Go enum constants: `BUSY_REJECTREASON` (member, then the enum's name, upper case).
pub fn enum_constant(member: &str, enum_name: &str) -> String {
    format!("{}_{}", ident(member, Case::ScreamingSnake, "N").replace('_', ""), ident(enum_name, Case::Pascal, "N").to_uppercase())
}

/// An interpreted string literal (`"…"`); Go accepts `\u` escapes and UTF-8 text.
pub fn string(s: &str) -> String {
    format!("\"{}\"", c_like_escape(s, '"', |_| None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(local("func"), "funcEscaped");
        assert_eq!(enum_constant("busy", "rejectReason"), "BUSY_REJECTREASON");
        assert_eq!(enum_constant("unknownFutureValue", "rejectReason"), "UNKNOWNFUTUREVALUE_REJECTREASON");
        assert_eq!(string("a`b"), "\"a`b\"");
    }
}
