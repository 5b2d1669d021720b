//! Python naming: keywords get a trailing `_` (the SDK's `RejectReason.None_`), snake_case members.

use super::{c_like_escape, Case, Reserved};

pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
];

/// The SDK's own rule: a trailing `_` (`RejectReason.None_`).
pub const RESERVED: Reserved = Reserved { words: KEYWORDS, names: &[], prefix: "", suffix: "_" };

pub fn escape(name: String) -> String {
    RESERVED.escape(name)
}

pub fn snake(name: &str) -> String {
    escape(super::kiota(name, Case::Snake, "n"))
}

pub fn pascal(name: &str) -> String {
    escape(super::kiota(name, Case::Pascal, "N"))
}

/// `RejectReason.Busy`, `RejectReason.None_`: Kiota's Python enum members.
pub fn enum_member(enum_name: &str, member: &str) -> String {
    format!("{}.{}", pascal(enum_name), pascal(member))
}

/// The SDK module that defines a model or enum: `reject_reason` for `rejectReason`
/// (a keyword gets the `_` suffix, as every Python name does).
pub fn model_module(name: &str) -> String {
    snake(name)
}

const UNIT: &str = "\t";

/// A Python expression for `v`: model constructors with keyword arguments,
/// `odata_type` for `@odata.type`, `additional_data` for other annotations.
pub fn value(v: &crate::model::TypedValue, depth: usize) -> String {
    use crate::model::TypedValue;
    let pad = |d| super::pad(UNIT, d);
    match v {
        TypedValue::Null => "None".into(),
        TypedValue::Bool(true) => "True".into(),
        TypedValue::Bool(false) => "False".into(),
        TypedValue::Number { value, ty: Some(crate::model::Primitive::Double) } if !value.is_f64() => format!("{value}.0"),
        TypedValue::Number { value, .. } => value.to_string(),
        // Kiota's Python writer takes ISO text for a UUID, datetime or timedelta member and
        // writes it unchanged, so the wire keeps the example's spelling.
        // The model's member is `bytes`, which the SDK writes back as base64.
        TypedValue::Text { value, ty: crate::model::Primitive::Binary } => bytes(value),
        TypedValue::String(s) | TypedValue::Text { value: s, .. } => string(s),
        TypedValue::Enum { enum_name, member } => enum_member(enum_name, member),
        TypedValue::List { items, .. } => {
            let body: Vec<String> = items.iter().map(|i| format!("{}{},\n", pad(depth + 1), value(i, depth + 1))).collect();
            format!("[\n{}{}]", body.concat(), pad(depth))
        }
        TypedValue::Object { type_name, members, .. } if type_name.is_empty() => {
            let body: Vec<String> =
                members.iter().map(|(k, m)| format!("{}{} : {},\n", pad(depth + 1), string(k), value(m, depth + 1))).collect();
            format!("{{\n{}{}}}", body.concat(), pad(depth))
        }
        TypedValue::Object { type_name, members, additional } => {
            let names = super::dedupe(
                members.iter().map(|(k, _)| super::kiota(k, Case::Snake, "n")).collect(),
                &["odata_type", "additional_data"],
                true,
            );
            let mut body = String::new();
            let mut extra = String::new();
            for ((k, m), name) in members.iter().zip(names) {
                if k == "@odata.type" {
                    body.push_str(&format!("{}odata_type = {},\n", pad(depth + 1), value(m, depth + 1)));
                } else if additional.contains(k) {
                    extra.push_str(&format!("{}{} : {},\n", pad(depth + 2), string(k), value(m, depth + 2)));
                } else {
                    body.push_str(&format!("{}{} = {},\n", pad(depth + 1), escape(name), value(m, depth + 1)));
                }
            }
            if !extra.is_empty() {
                body.push_str(&format!("{}additional_data = {{\n{extra}{}}},\n", pad(depth + 1), pad(depth + 1)));
            }
            format!("{}(\n{body}{})", pascal(type_name), pad(depth))
        }
    }
}

/// A bytes literal of base64 `text`'s bytes (`b'Hello\x00'`): printable ASCII as it is but
/// `'` and `\`, every other byte escaped, so no byte can end or change the literal.
pub fn bytes(text: &str) -> String {
    use base64::Engine;
    let raw = base64::engine::general_purpose::STANDARD.decode(text).unwrap_or_default();
    let mut out = String::from("b'");
    for b in raw {
        match b {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('\'');
    out
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
