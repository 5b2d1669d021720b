//! Objective-C naming: `MSGraph` class prefix, `@"…"` string literals.

use super::{c_like_escape, ident, Case, Reserved};

pub const KEYWORDS: &[&str] = &[
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float", "for", "goto",
    "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "id", "self", "super", "nil", "Nil", "YES", "NO", "BOOL", "SEL", "Class", "IMP",
    "in", "out", "inout", "bycopy", "byref", "oneway",
];

/// Names the snippet itself declares: escaped like keywords, not highlighted as keywords.
pub const SNIPPET_NAMES: &[&str] = &["error", "data", "urlRequest", "httpClient", "payloadDictionary", "meDataTask"];

pub const RESERVED: Reserved = Reserved { words: KEYWORDS, names: SNIPPET_NAMES, prefix: "", suffix: "Value" };

pub fn local(name: &str) -> String {
    RESERVED.escape(ident(name, Case::Camel, "n"))
}

/// `MSGraphRejectReason`.
pub fn class(name: &str) -> String {
    format!("MSGraph{}", ident(name, Case::Pascal, "N"))
}

/// The models library's enum factory selector: the member's own name, made an identifier.
pub fn selector(member: &str) -> String {
    local(member)
}

/// An `NSString` literal.
pub fn string(s: &str) -> String {
    // C allows no universal character names below U+00A0, so control characters get
    // octal escapes; `?` is escaped so `??=` can never be a trigraph.
    let extra = |c: char| {
        if c == '?' {
            Some("\\?".to_owned())
        } else {
            super::java::octal_controls(c)
                .or_else(|| matches!(c, '\u{80}'..='\u{9f}').then(|| c.to_string().bytes().map(|b| format!("\\{b:03o}")).collect()))
        }
    };
    format!("@\"{}\"", c_like_escape(s, '"', extra))
}

use crate::model::TypedValue;

/// An Objective-C object literal NSJSONSerialization accepts: `@"…"`, `@(1)`, `@YES`,
/// `[NSNull null]`, `@[…]`, `@{…}`; enum members nested in other values as their wire
/// strings.
pub fn value(v: &TypedValue) -> String {
    match v {
        TypedValue::Null => "[NSNull null]".into(),
        TypedValue::Bool(true) => "@YES".into(),
        TypedValue::Bool(false) => "@NO".into(),
        TypedValue::Number { value, .. } => format!("@({value})"),
        TypedValue::String(s) | TypedValue::Text { value: s, .. } => string(s),
        TypedValue::Enum { member, .. } => string(member),
        TypedValue::List { items, .. } => format!("@[{}]", items.iter().map(value).collect::<Vec<_>>().join(", ")),
        TypedValue::Object { members, .. } => {
            format!("@{{{}}}", members.iter().map(|(k, m)| format!("{}: {}", string(k), value(m))).collect::<Vec<_>>().join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(class("rejectReason"), "MSGraphRejectReason");
        assert_eq!(selector("none"), "none");
        assert_eq!(selector("default"), "defaultValue");
        // `??=` would be a trigraph in old C; escaping `?` keeps every compiler honest.
        assert_eq!(string("a??=b\"c"), r#"@"a\?\?=b\"c""#);
    }
}
