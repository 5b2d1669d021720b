//! Per-language naming and escaping: one module per target language, reserved words as data.
//!
//! Emitters never build an identifier or a literal themselves; they ask the module of
//! their language, so every value from the spec is escaped for the literal it lands in.

pub mod cli;
pub mod csharp;
pub mod go;
pub mod http;
pub mod java;
pub mod javascript;
pub mod markdown;
pub mod objc;
pub mod php;
pub mod powershell;
pub mod python;
pub mod rust;

use heck::{ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// Casing conventions, applied after `words` has made a name identifier-safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
}

/// How a language turns a reserved word into an identifier: each language module holds
/// its reserved words and its rule as data and spells names through [`Reserved::escape`].
pub struct Reserved {
    /// The language's keywords (also what the preview highlights).
    pub words: &'static [&'static str],
    /// Not keywords, but names an identifier must not take: what the snippets declare
    /// themselves and what the language predeclares.
    pub names: &'static [&'static str],
    pub prefix: &'static str,
    pub suffix: &'static str,
}

impl Reserved {
    /// `name`, or the rule applied to it when it is a keyword or a reserved name.
    pub fn escape(&self, name: String) -> String {
        if self.words.contains(&name.as_str()) || self.names.contains(&name.as_str()) {
            format!("{}{name}{}", self.prefix, self.suffix)
        } else {
            name
        }
    }
}

/// Re-cases a spec name, keeping only ASCII letters and digits (non-ASCII and symbols such
/// as `$` become word breaks) so the result is an identifier in every target language.
/// A name left empty becomes `value`; one starting with a digit gets `prefix` in front.
/// A name as Kiota's generators spell it in the SDKs: a plain identifier keeps its letters
/// and only its first one changes case (`localIPAddress` → `LocalIPAddress`), and snake case
/// puts `_` before every capital (`local_i_p_address`); anything else falls back to
/// [`ident`]'s word splitting.
pub fn kiota(name: &str, case: Case, prefix: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.bytes().all(|b| b.is_ascii_alphanumeric());
    let mut chars = name.chars();
    match (plain, case, chars.next()) {
        (true, Case::Pascal, Some(first)) => format!("{}{}", first.to_ascii_uppercase(), chars.as_str()),
        (true, Case::Camel, Some(first)) => format!("{}{}", first.to_ascii_lowercase(), chars.as_str()),
        (true, Case::Snake, Some(_)) => name
            .char_indices()
            .flat_map(|(i, c)| {
                let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                sep.into_iter().chain(std::iter::once(c.to_ascii_lowercase()))
            })
            .collect(),
        _ => ident(name, case, prefix),
    }
}

pub fn ident(name: &str, case: Case, prefix: &str) -> String {
    let cleaned = words(name);
    let base = if cleaned.is_empty() { "value".to_owned() } else { cleaned };
    let cased = match case {
        Case::Pascal => base.to_upper_camel_case(),
        Case::Camel => base.to_lower_camel_case(),
        Case::Snake => base.to_snake_case(),
        Case::ScreamingSnake => base.to_shouty_snake_case(),
    };
    if cased.starts_with(|c: char| c.is_ascii_digit()) {
        let p = match case {
            Case::Pascal | Case::ScreamingSnake => prefix.to_uppercase(),
            Case::Camel | Case::Snake => prefix.to_lowercase(),
        };
        format!("{p}{cased}")
    } else {
        cased
    }
}

/// The spec name with everything but ASCII letters and digits turned into spaces, and a
/// boundary kept before each upper-case letter so `$x` and `x` case the same way.
fn words(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_owned()
}

/// Makes each name unique in a scope, in order: a clash (names differing only in case or
/// symbols, such as `value` and `Value`) gets `2`, `3`, … appended, and names in
/// `taken` (members the emitter adds itself) are never produced.
pub fn dedupe(names: Vec<String>, taken: &[&str], fold_case: bool) -> Vec<String> {
    let key = |s: &str| if fold_case { s.to_lowercase() } else { s.to_owned() };
    let mut seen: std::collections::BTreeSet<String> = taken.iter().map(|t| key(t)).collect();
    names
        .into_iter()
        .map(|n| {
            let mut candidate = n.clone();
            let mut i = 2;
            while seen.contains(&key(&candidate)) {
                candidate = format!("{n}{i}");
                i += 1;
            }
            seen.insert(key(&candidate));
            candidate
        })
        .collect()
}

/// The singular of a path segment (`calls` → `call`, `policies` → `policy`), for the
/// SDKs' item names (`{call-id}`, `ByCallId`, `CommunicationCall`).
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with("ss") {
        word.to_owned()
    } else {
        word.strip_suffix('s').unwrap_or(word).to_owned()
    }
}

/// Whether `c` may never sit raw in a literal of any language: every C0 and C1 control,
/// DEL, bidi controls, the line and paragraph separators and the byte-order mark (valid
/// raw in some languages, but they make the code read other than it runs, or not parse:
/// Go rejects a raw U+FEFF). Each language's literal writer escapes these its own way.
pub fn must_escape(c: char) -> bool {
    c.is_control() || crate::diag::is_unsafe(c)
}

/// Escapes for C-family double-quoted strings (C#, Java, Go, JavaScript, Objective-C):
/// quotes, backslashes and every control character; `extra` handles language-specific
/// characters first (return `None` for "no special treatment").
pub fn c_like_escape(s: &str, quote: char, extra: impl Fn(char) -> Option<String>) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if let Some(e) = extra(c) {
            out.push_str(&e);
            continue;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if must_escape(c) => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kiota_keeps_a_plain_names_letters() {
        assert_eq!(kiota("localIPAddress", Case::Pascal, "N"), "LocalIPAddress");
        assert_eq!(kiota("LocalIPAddress", Case::Camel, "n"), "localIPAddress");
        assert_eq!(kiota("localIPAddress", Case::Snake, "n"), "local_i_p_address");
        assert_eq!(kiota("clientContext", Case::Snake, "n"), "client_context");
        assert_eq!(kiota("callback-uri", Case::Pascal, "N"), ident("callback-uri", Case::Pascal, "N"));
    }

    #[test]
    fn idents_survive_awkward_names() {
        assert_eq!(ident("callbackUri", Case::Snake, "n"), "callback_uri");
        assert_eq!(ident("$x", Case::Pascal, "n"), "X");
        assert_eq!(ident("1st", Case::Pascal, "n"), "N1st");
        assert_eq!(ident("1st", Case::Snake, "n"), "n1st");
        assert_eq!(ident("", Case::Camel, "n"), "value");
        assert_eq!(ident("é", Case::Camel, "n"), "value");
        assert_eq!(ident("unknownFutureValue", Case::ScreamingSnake, "n"), "UNKNOWN_FUTURE_VALUE");
    }

    #[test]
    fn dedupe_keeps_first_and_numbers_the_rest() {
        let got = dedupe(vec!["value".into(), "Value".into(), "value".into()], &["other"], true);
        assert_eq!(got, ["value", "Value2", "value3"]);
        assert_eq!(dedupe(vec!["other".into()], &["other"], false), ["other2"]);
    }
}

/// Local variable names a snippet declares, kept unique within the snippet.
#[derive(Debug, Default)]
pub struct Locals {
    used: std::collections::BTreeSet<String>,
}

impl Locals {
    /// Reserves `names` (the snippet's own variables such as `graphClient`).
    pub fn with(names: &[&str]) -> Self {
        Locals { used: names.iter().map(|n| n.to_string()).collect() }
    }

    /// `base`, or `base2`, `base3`… when taken.
    pub fn fresh(&mut self, base: &str) -> String {
        let mut name = base.to_owned();
        let mut i = 2;
        while self.used.contains(&name) {
            name = format!("{base}{i}");
            i += 1;
        }
        self.used.insert(name.clone());
        name
    }
}

/// Indentation of `depth` levels of `unit`.
pub fn pad(unit: &str, depth: usize) -> String {
    unit.repeat(depth)
}
