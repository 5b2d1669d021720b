//! PHP naming (Kiota's PHP SDK, `microsoft/msgraph-beta-sdk-php`): reserved words get the
//! `Escaped` prefix, strings are single-quoted unless a character needs an escape.

use super::{Case, Locals};
use crate::model::{Primitive, TypedValue};

/// PHP's keywords and the names a class, method or namespace segment cannot take
/// (Kiota's `PhpReservedNamesProvider` checks them case-insensitively).
pub const KEYWORDS: &[&str] = &[
    "abstract",
    "and",
    "array",
    "as",
    "bool",
    "break",
    "callable",
    "case",
    "catch",
    "class",
    "clone",
    "const",
    "continue",
    "declare",
    "default",
    "die",
    "do",
    "echo",
    "else",
    "elseif",
    "empty",
    "enddeclare",
    "endfor",
    "endforeach",
    "endif",
    "endswitch",
    "endwhile",
    "enum",
    "eval",
    "exit",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "fn",
    "for",
    "foreach",
    "function",
    "global",
    "goto",
    "if",
    "implements",
    "include",
    "include_once",
    "instanceof",
    "insteadof",
    "int",
    "interface",
    "isset",
    "iterable",
    "list",
    "match",
    "mixed",
    "namespace",
    "never",
    "new",
    "null",
    "object",
    "or",
    "parent",
    "print",
    "private",
    "protected",
    "public",
    "readonly",
    "require",
    "require_once",
    "return",
    "self",
    "static",
    "string",
    "switch",
    "throw",
    "trait",
    "true",
    "try",
    "unset",
    "use",
    "var",
    "void",
    "while",
    "xor",
    "yield",
];

/// Kiota's PHP rule: `Escaped` + the name with its first letter upper case (`EscapedList`).
/// The check ignores case, as PHP does for class and method names.
pub fn escape(name: String) -> String {
    if KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(&name)) {
        let mut chars = name.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase()).into_iter().collect::<String>();
        format!("Escaped{first}{}", chars.as_str())
    } else {
        name
    }
}

/// A class or namespace segment: `RejectReason`, `EscapedList`.
pub fn pascal(name: &str) -> String {
    escape(super::kiota(name, Case::Pascal, "N"))
}

/// A request-builder method: `communications`, `logTeleconferenceDeviceQuality`; a
/// reserved one is `escapedList`.
pub fn camel(name: &str) -> String {
    let n = super::kiota(name, Case::Camel, "n");
    if KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(&n)) {
        format!("escaped{}", super::kiota(&n, Case::Pascal, "N"))
    } else {
        n
    }
}

/// `setCallbackUri`: a model's setter; the property is renamed before its accessors are
/// made, so a reserved name's setter is `setEscapedDefault`.
pub fn setter(name: &str) -> String {
    format!("set{}", pascal(name))
}

/// `$mediaConfig`: a local variable. Any name is valid after `$` except `$this`.
pub fn variable(name: &str) -> String {
    let n = super::ident(name, Case::Camel, "n");
    if n == "this" {
        "thisValue".to_owned()
    } else {
        n
    }
}

/// A string literal: `'…'` (only `\\` and `\'` are escapes there) when every character
/// can be written as itself, otherwise `"…"` with `\u{…}` escapes for control and bidi
/// characters and `$` escaped so nothing is interpolated.
pub fn string(s: &str) -> String {
    let needs_escape = super::must_escape;
    if !s.chars().any(needs_escape) {
        return format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A PHP expression for `v`. Models have no initializers, so an object becomes a
/// variable built by statements appended to `stmts`; `hint` names it (the member it is
/// set on, as today's docs snippets do).
pub fn value(v: &TypedValue, hint: &str, locals: &mut Locals, stmts: &mut Vec<String>) -> String {
    match v {
        TypedValue::Null => "null".into(),
        TypedValue::Bool(b) => b.to_string(),
        TypedValue::Number { value, ty: Some(Primitive::Double) } if !value.is_f64() => format!("{value}.0"),
        TypedValue::Number { value, .. } => value.to_string(),
        TypedValue::String(s) => string(s),
        // Kiota's PHP models type a date-time as \DateTime and a duration as \DateInterval;
        // a Guid is a string.
        TypedValue::Text { value, ty: Primitive::DateTimeOffset } => format!("new \\DateTime({})", string(value)),
        TypedValue::Text { value, ty: Primitive::Date } => format!("new \\Microsoft\\Kiota\\Abstractions\\Types\\Date({})", string(value)),
        TypedValue::Text { value, ty: Primitive::TimeOfDay } => {
            format!("new \\Microsoft\\Kiota\\Abstractions\\Types\\Time({})", string(value))
        }
        // A binary member is a stream in Kiota's PHP models.
        TypedValue::Text { value, ty: Primitive::Binary } => {
            format!("\\GuzzleHttp\\Psr7\\Utils::streamFor(base64_decode({}))", string(value))
        }
        TypedValue::Text { value, ty: Primitive::Duration } => match exact_seconds(value) {
            // `new \DateInterval('PT0.01S')` throws: its constructor takes no fractions. The
            // difference of two instants carries them (`f`, microseconds).
            Some(secs) => format!("(new \\DateTime('@0'))->diff(new \\DateTime('@{secs}'))"),
            None => format!("new \\DateInterval({})", string(value)),
        },
        TypedValue::Text { value, .. } => string(value),
        // PHP enums are classes constructed from the wire value.
        TypedValue::Enum { enum_name, member } => format!("new {}({})", pascal(enum_name), string(member)),
        TypedValue::List { items, .. } => {
            let items: Vec<String> = items.iter().map(|i| value(i, hint, locals, stmts)).collect();
            format!("[{}]", items.join(", "))
        }
        TypedValue::Object { type_name, members, .. } if type_name.is_empty() => {
            let entries: Vec<String> = members.iter().map(|(k, m)| format!("{} => {}", string(k), value(m, k, locals, stmts))).collect();
            format!("[{}]", entries.join(", "))
        }
        TypedValue::Object { .. } => {
            let name = locals.fresh(&variable(hint));
            object_into(v, &name, locals, stmts);
            format!("${name}")
        }
    }
}

/// Builds the model `v` into `$var`: its constructor, `setOdataType`, a setter per member,
/// then one `setAdditionalData` with every member the model has no property for.
pub fn object_into(v: &TypedValue, var: &str, locals: &mut Locals, stmts: &mut Vec<String>) {
    let TypedValue::Object { type_name, members, additional } = v else {
        let e = value(v, var, locals, stmts);
        stmts.push(format!("${var} = {e};"));
        return;
    };
    stmts.push(format!("${var} = new {}();", pascal(type_name)));
    let setters = super::dedupe(members.iter().map(|(k, _)| setter(k)).collect(), &["setOdataType", "setAdditionalData"], true);
    let mut extra = Vec::new();
    for ((k, m), set) in members.iter().zip(setters) {
        let e = value(m, k, locals, stmts);
        if k == "@odata.type" {
            stmts.push(format!("${var}->setOdataType({e});"));
        } else if additional.contains(k) {
            extra.push(format!("{} => {e}", string(k)));
        } else {
            stmts.push(format!("${var}->{set}({e});"));
        }
    }
    if !extra.is_empty() {
        stmts.push(format!("${var}->setAdditionalData([{}]);", extra.join(", ")));
    }
}

/// `1200.015` for `PT20M0.015S`: a duration with fractional seconds and no calendar part
/// (years, months, weeks) as exact decimal seconds; `None` for anything else.
fn exact_seconds(iso: &str) -> Option<String> {
    let rest = iso.strip_prefix('P')?;
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut total: u64 = 0;
    let mut add = |number: &str, unit: u64| -> Option<()> {
        total = total.checked_add(number.parse::<u64>().ok()?.checked_mul(unit)?)?;
        Some(())
    };
    if !date.is_empty() {
        add(date.strip_suffix('D')?, 86_400)?;
    }
    let mut time = time;
    for (designator, unit) in [('H', 3_600), ('M', 60)] {
        if let Some((number, after)) = time.split_once(designator) {
            add(number, unit)?;
            time = after;
        }
    }
    let (whole, fraction) = time.strip_suffix('S')?.split_once('.')?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if fraction.is_empty() || !digits(fraction) || !digits(whole) {
        return None;
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    Some(format!("{}.{fraction}", total.checked_add(whole)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(pascal("list"), "EscapedList");
        assert_eq!(pascal("rejectReason"), "RejectReason");
        assert_eq!(camel("list"), "escapedList");
        assert_eq!(camel("logTeleconferenceDeviceQuality"), "logTeleconferenceDeviceQuality");
        assert_eq!(setter("default"), "setEscapedDefault");
        assert_eq!(setter("callbackUri"), "setCallbackUri");
        assert_eq!(variable("this"), "thisValue");
        assert_eq!(exact_seconds("PT0.01S").as_deref(), Some("0.01"));
        assert_eq!(exact_seconds("P1DT1H20M3.5S").as_deref(), Some("91203.5"));
        assert_eq!(exact_seconds("PT20M"), None);
        assert_eq!(exact_seconds("P1MT0.5S"), None);
        assert_eq!(string("it's a \\ path $x"), r"'it\'s a \\ path $x'");
        assert_eq!(string("a\u{202e}$b\"\n"), "\"a\\u{202e}\\$b\\\"\\n\"");
    }
}
