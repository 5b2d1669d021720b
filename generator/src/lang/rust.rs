//! Rust naming: keywords become raw identifiers, or get `_` where Rust allows no raw form.

use super::{dedupe, ident, Case};

/// Strict and reserved keywords of Rust 2021 (and 2024's `gen`).
pub const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
    "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield", "gen", "union",
];

/// Keywords that cannot be written as `r#name`.
const NO_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// A Rust identifier as text: `r#type` for keywords, `self_` where no raw form exists.
/// One line of a doc comment: control and bidi characters written as `\u{…}` (rustc
/// refuses a bidi control in a comment, and a reader must see what is there).
pub fn doc_line(line: &str) -> String {
    format!(" {}", crate::diag::escape_controls(line))
}

pub fn escape(name: String) -> String {
    if NO_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Builds a `proc_macro2::Ident` from [`escape`]'s output.
pub fn to_ident(escaped: &str) -> proc_macro2::Ident {
    match escaped.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(escaped, proc_macro2::Span::call_site()),
    }
}

/// Type names: PascalCase, unique across the crate (`taken` holds names the emitter uses).
pub fn type_names(names: &[&str], taken: &[&str]) -> Vec<String> {
    let cased = names.iter().map(|n| ident(n, Case::Pascal, "T")).collect();
    dedupe(cased, taken, false).into_iter().map(escape).collect()
}

/// Field, method and parameter names: snake_case, unique in their scope.
pub fn field_names(names: &[&str], taken: &[&str]) -> Vec<String> {
    let cased = names.iter().map(|n| ident(n, Case::Snake, "n")).collect();
    dedupe(cased, taken, false).into_iter().map(escape).collect()
}

/// Enum variants: PascalCase, unique within the enum.
pub fn variant_names(names: &[&str], taken: &[&str]) -> Vec<String> {
    let cased = names.iter().map(|n| ident(n, Case::Pascal, "V")).collect();
    dedupe(cased, taken, false).into_iter().map(escape).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_collisions() {
        assert_eq!(field_names(&["type", "self", "callbackUri", "in"], &[]), ["r#type", "self_", "callback_uri", "r#in"]);
        assert_eq!(type_names(&["Self", "class"], &[]), ["Self_", "Class"]);
        assert_eq!(variant_names(&["value", "Value", "other"], &["Other"]), ["Value", "Value2", "Other2"]);
        assert_eq!(to_ident("r#type").to_string(), "r#type");
    }
}
