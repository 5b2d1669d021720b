//! JavaScript naming: object keys stay wire names (quoted when not identifiers); strings single-quoted.

use super::{c_like_escape, ident, Case};

pub const KEYWORDS: &[&str] = &[
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
    "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new",
    "null", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
    "with", "yield", "implements", "interface", "package", "private", "protected", "public", "arguments", "eval",
    // Names the snippet itself declares.
    "client", "options", "Client", "authProvider",
];

pub fn local(name: &str) -> String {
    let n = ident(name, Case::Camel, "n");
    if KEYWORDS.contains(&n.as_str()) {
        format!("{n}_")
    } else {
        n
    }
}

/// An object key: bare when it is an identifier, a quoted string otherwise.
pub fn key(name: &str) -> String {
    let bare = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if bare {
        name.to_owned()
    } else {
        string(name)
    }
}

/// A single-quoted string, the page's style.
pub fn string(s: &str) -> String {
    format!("'{}'", c_like_escape(s, '\'', |_| None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(key("reason"), "reason");
        assert_eq!(key("@odata.type"), "'@odata.type'");
        assert_eq!(key("1st"), "'1st'");
        assert_eq!(local("function"), "function_");
        assert_eq!(string("it's ${x}\n"), r"'it\'s ${x}\n'");
    }
}
