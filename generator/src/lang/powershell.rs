//! PowerShell naming: values in single-quoted strings (nothing expands there), hashtable keys PascalCase.

use super::{ident, singular, Case};

/// A verbatim string: inside `'…'` PowerShell expands nothing; the only special
/// characters are the single quotes, including the typographic ones it also treats as
/// quotes, and each is doubled.
pub fn string(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// A hashtable key: the SDK's PascalCase name when the wire name is a plain identifier,
/// otherwise the wire name quoted (the cmdlets accept either spelling).
pub fn key(name: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric());
    if plain {
        ident(name, Case::Pascal, "N")
    } else {
        string(name)
    }
}

/// `$callId`: the variable a page-style snippet passes for a path parameter.
pub fn variable(name: &str) -> String {
    format!("${}", ident(name, Case::Camel, "n"))
}

/// `CallId`: a cmdlet parameter name.
pub fn parameter(name: &str) -> String {
    ident(name, Case::Pascal, "N")
}

/// `Invoke-MgRejectCommunicationCall`: verb, then the action, then the singular nouns of
/// the path's literal segments before the action.
pub fn cmdlet(prefix: &str, action: &str, literal_segments: &[&str]) -> String {
    let nouns: String = literal_segments.iter().map(|s| ident(&singular(s), Case::Pascal, "N")).collect();
    format!("Invoke-{prefix}{}{nouns}", ident(action, Case::Pascal, "N"))
}

use crate::model::TypedValue;

const UNIT: &str = "    ";

/// How a generation of the module spells hashtable keys: the v1 module's docs use the
/// PascalCase property names, today's use the wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Pascal,
    Wire,
}

/// A key as `keys` spells it: bare when it is a plain name, quoted otherwise.
pub fn key_as(keys: Keys, name: &str) -> String {
    match keys {
        Keys::Pascal => key(name),
        Keys::Wire if name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric()) => {
            name.to_owned()
        }
        Keys::Wire => string(name),
    }
}

/// A PowerShell value for a `-BodyParameter` hashtable, keys spelled as `keys`: every
/// string single-quoted.
pub fn value_as(keys: Keys, v: &TypedValue, depth: usize) -> String {
    let pad = |d| super::pad(UNIT, d);
    match v {
        TypedValue::Null => "$null".into(),
        TypedValue::Bool(true) => "$true".into(),
        TypedValue::Bool(false) => "$false".into(),
        TypedValue::Number { value, .. } => value.to_string(),
        TypedValue::String(s) => string(s),
        TypedValue::Enum { member, .. } => string(member),
        TypedValue::List { items, .. } => {
            let body: Vec<String> = items.iter().map(|i| format!("{}{}\n", pad(depth + 1), value_as(keys, i, depth + 1))).collect();
            format!("@(\n{}{})", body.concat(), pad(depth))
        }
        TypedValue::Object { members, .. } => hashtable_as(keys, members, depth),
    }
}

/// `@{ Key = value … }`, one member a line.
pub fn hashtable(members: &[(String, TypedValue)], depth: usize) -> String {
    hashtable_as(Keys::Pascal, members, depth)
}

/// [`hashtable`] with keys spelled as `keys`.
pub fn hashtable_as(keys: Keys, members: &[(String, TypedValue)], depth: usize) -> String {
    let pad = |d| super::pad(UNIT, d);
    let body: Vec<String> =
        members.iter().map(|(k, m)| format!("{}{} = {}\n", pad(depth + 1), key_as(keys, k), value_as(keys, m, depth + 1))).collect();
    format!("@{{\n{}{}}}", body.concat(), pad(depth))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(string("it's $(x) `n"), "'it''s $(x) `n'");
        assert_eq!(string("\u{2019}"), "'\u{2019}\u{2019}'");
        assert_eq!(key("reason"), "Reason");
        assert_eq!(key("$x"), "'$x'");
        assert_eq!(variable("call-id"), "$callId");
        assert_eq!(cmdlet("Mg", "reject", &["communications", "calls"]), "Invoke-MgRejectCommunicationCall");
        assert_eq!(cmdlet("MgBeta", "reject", &["communications", "calls"]), "Invoke-MgBetaRejectCommunicationCall");
    }
}
