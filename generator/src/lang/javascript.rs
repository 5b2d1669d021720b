//! JavaScript naming: object keys stay wire names (quoted when not identifiers); strings single-quoted.

use super::{c_like_escape, ident, Case, Reserved};

pub const KEYWORDS: &[&str] = &[
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "let",
    "new",
    "null",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "implements",
    "interface",
    "package",
    "private",
    "protected",
    "public",
    "arguments",
    "eval",
];

/// Names the snippet itself declares: escaped like keywords, not highlighted as keywords.
pub const SNIPPET_NAMES: &[&str] = &["client", "options", "Client", "authProvider"];

pub const RESERVED: Reserved = Reserved { words: KEYWORDS, names: SNIPPET_NAMES, prefix: "", suffix: "_" };

pub fn local(name: &str) -> String {
    RESERVED.escape(ident(name, Case::Camel, "n"))
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

use crate::model::TypedValue;

const UNIT: &str = "  ";

/// A JavaScript expression for `v`: wire names and wire enum strings, as the SDK sends
/// plain objects; objects one member a line, the page's layout.
pub fn value(v: &TypedValue, depth: usize) -> String {
    let pad = |d| super::pad(UNIT, d);
    match v {
        TypedValue::Null => "null".into(),
        TypedValue::Bool(b) => b.to_string(),
        TypedValue::Number { value, .. } => value.to_string(),
        TypedValue::String(s) | TypedValue::Text { value: s, .. } => string(s),
        TypedValue::Enum { member, .. } => string(member),
        TypedValue::List { items, .. } if items.iter().all(|i| !matches!(i, TypedValue::Object { .. } | TypedValue::List { .. })) => {
            format!("[{}]", items.iter().map(|i| value(i, depth)).collect::<Vec<_>>().join(", "))
        }
        TypedValue::List { items, .. } => {
            let body: Vec<String> = items.iter().map(|i| format!("{}{}", pad(depth + 1), value(i, depth + 1))).collect();
            format!("[\n{}\n{}]", body.join(",\n"), pad(depth))
        }
        TypedValue::Object { members, .. } if members.is_empty() => "{}".into(),
        TypedValue::Object { members, .. } => {
            let body: Vec<String> = members.iter().map(|(k, m)| format!("{}{}: {}", pad(depth + 1), key(k), value(m, depth + 1))).collect();
            format!("{{\n{}\n{}}}", body.join(",\n"), pad(depth))
        }
    }
}

/// A query option's value for `@microsoft/microsoft-graph-client`'s `.filter(…)`,
/// `.search(…)` and the like, which append it to the URL as it is: `%`, `&`, `#` and `+`
/// would end or change the option there (a `$filter` holding `a&b` went out as two
/// parameters), so they are percent-encoded first; `fetch` encodes the rest (spaces,
/// quotes) itself.
pub fn query_value(text: &str) -> String {
    const ENDS_AN_OPTION: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b' ')
        .remove(b'!')
        .remove(b'"')
        .remove(b'$')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')')
        .remove(b'*')
        .remove(b',')
        .remove(b'-')
        .remove(b'.')
        .remove(b'/')
        .remove(b':')
        .remove(b';')
        .remove(b'<')
        .remove(b'=')
        .remove(b'>')
        .remove(b'?')
        .remove(b'@')
        .remove(b'[')
        .remove(b'\\')
        .remove(b']')
        .remove(b'^')
        .remove(b'_')
        .remove(b'`')
        .remove(b'{')
        .remove(b'|')
        .remove(b'}')
        .remove(b'~');
    string(&percent_encoding::utf8_percent_encode(text, ENDS_AN_OPTION).to_string())
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
