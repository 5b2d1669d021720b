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

/// One line of a doc comment: control and bidi characters written as `\u{…}` (rustc
/// refuses a bidi control in a comment, and a reader must see what is there).
pub fn doc_line(line: &str) -> String {
    format!(" {}", crate::diag::escape_controls(line))
}

/// Doc text as rustdoc's Markdown should show it: `<` and `&` outside code spans and
/// fenced blocks become `&lt;` and `&amp;`, which render as themselves. Spec text is
/// never HTML: a description holding `<script>` would otherwise be a tag on the crate's
/// documentation pages.
pub fn doc_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fenced = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() <= 3 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fenced = !fenced;
            out.push_str(line);
            continue;
        }
        if fenced {
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        while let Some(c) = rest.chars().next() {
            if c == '`' {
                // A code span runs to the next run of as many backticks; without one the
                // backticks are plain text.
                let run = rest.len() - rest.trim_start_matches('`').len();
                let after = &rest[run..];
                let closing = after.match_indices(&rest[..run]).find(|(at, _)| {
                    let end = at + run;
                    !after[end..].starts_with('`') && (*at == 0 || !after[..*at].ends_with('`'))
                });
                match closing {
                    Some((at, _)) => {
                        out.push_str(&rest[..run + at + run]);
                        rest = &rest[run + at + run..];
                    }
                    None => {
                        out.push_str(&rest[..run]);
                        rest = after;
                    }
                }
                continue;
            }
            match c {
                '<' => out.push_str("&lt;"),
                '&' => out.push_str("&amp;"),
                c => out.push(c),
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A Rust identifier as text: `r#type` for keywords, `self_` where no raw form exists.
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

    #[test]
    fn doc_text_is_never_html_outside_code() {
        assert_eq!(doc_markdown("<script>alert(1)</script> & more"), "&lt;script>alert(1)&lt;/script> &amp; more");
        assert_eq!(doc_markdown("keep `Vec<T> & x` as code, not <b>"), "keep `Vec<T> & x` as code, not &lt;b>");
        assert_eq!(doc_markdown("``a ` <b>`` then <i>"), "``a ` <b>`` then &lt;i>");
        assert_eq!(doc_markdown("an unclosed ` tick <b>"), "an unclosed ` tick &lt;b>");
        assert_eq!(doc_markdown("```no_run\nlet x: Result<(), E> = f();\n```\n<p>"), "```no_run\nlet x: Result<(), E> = f();\n```\n&lt;p>");
    }

    use super::*;

    #[test]
    fn keywords_and_collisions() {
        assert_eq!(field_names(&["type", "self", "callbackUri", "in"], &[]), ["r#type", "self_", "callback_uri", "r#in"]);
        assert_eq!(type_names(&["Self", "class"], &[]), ["Self_", "Class"]);
        assert_eq!(variant_names(&["value", "Value", "other"], &["Other"]), ["Value", "Value2", "Other2"]);
        assert_eq!(to_ident("r#type").to_string(), "r#type");
    }
}
