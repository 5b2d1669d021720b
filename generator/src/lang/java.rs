//! Java naming: reserved words get the `Escaped` suffix Kiota's Java refiner uses.

use super::{c_like_escape, ident, Case, Reserved};

pub const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "true",
    "false",
    "null",
    "var",
    "yield",
    "record",
    "_",
];

/// Kiota's Java rule: `defaultEscaped`.
pub const RESERVED: Reserved = Reserved { words: KEYWORDS, names: &[], prefix: "", suffix: "Escaped" };

pub fn escape(name: String) -> String {
    RESERVED.escape(name)
}

pub fn pascal(name: &str) -> String {
    escape(super::kiota(name, Case::Pascal, "N"))
}

/// A request builder's method: the segment with only its first letter lowered
/// (`chromeOSOnboardingSettings()`), as both SDK generations spell it (the 5.x jar has
/// `userExperienceAnalyticsAppHealthOSVersionPerformance()`, 6.x `chromeOSOnboardingSettings()`).
pub fn builder(name: &str) -> String {
    escape(super::kiota(name, Case::Camel, "n"))
}

pub fn camel(name: &str) -> String {
    escape(ident(name, Case::Camel, "n"))
}

/// The legacy SDK's enum members: `BUSY`.
pub fn upper(name: &str) -> String {
    escape(ident(name, Case::ScreamingSnake, "N"))
}

/// A string literal. javac turns `\uXXXX` into the character before it lexes anything,
/// so control characters get octal escapes instead; everything else stays UTF-8 text.
pub fn string(s: &str) -> String {
    format!("\"{}\"", c_like_escape(s, '"', octal_controls))
}

/// `\001` for control characters other than the ones with a letter escape.
pub(crate) fn octal_controls(c: char) -> Option<String> {
    let n = c as u32;
    ((n < 0x20 && !matches!(c, '\n' | '\r' | '\t')) || n == 0x7f).then(|| format!("\\{n:03o}"))
}

/// `setIsEscaped`: a Kiota model's setter for a wire name. The `set` prefix keeps a
/// keyword from needing escaping, and nothing is trimmed from the name.
pub fn setter(name: &str) -> String {
    format!("set{}", super::kiota(name, Case::Pascal, "N"))
}

/// `withReason`: the legacy parameter-set builder's method for a parameter.
pub fn with_method(name: &str) -> String {
    format!("with{}", super::kiota(name, Case::Pascal, "N"))
}

use super::Locals;
use crate::model::{Primitive, TypeKind, TypedValue};

/// The legacy SDK's Java type of an element.
pub fn type_name(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Primitive(p) => match p {
            Primitive::String => "String",
            Primitive::Boolean => "Boolean",
            Primitive::Int32 => "Integer",
            Primitive::Int64 => "Long",
            Primitive::Double => "Double",
            Primitive::DateTimeOffset => "OffsetDateTime",
            Primitive::Guid => "UUID",
            Primitive::Duration => "PeriodAndDuration",
            Primitive::Date => "LocalDate",
            Primitive::Binary => "byte[]",
            Primitive::TimeOfDay => "LocalTime",
        }
        .to_owned(),
        TypeKind::Enum(n) | TypeKind::Complex(n) => pascal(n),
    }
}

/// Whether [`value`] spells `v` as a variable it declared (objects and lists).
pub fn declares(v: &TypedValue) -> bool {
    matches!(v, TypedValue::List { .. } | TypedValue::Object { .. })
}

/// Which Java SDK a value is spelled for: the legacy request-builder SDK (public fields,
/// `BUSY`) or today's Kiota SDK (setters, `Busy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sdk {
    Legacy,
    Kiota,
}

/// A Java expression for `v`; objects and lists need statements first (Java has no
/// object initializers), which are appended to `stmts` as whole lines.
pub fn value(v: &TypedValue, hint: &str, locals: &mut Locals, stmts: &mut Vec<String>) -> String {
    value_for(Sdk::Legacy, v, hint, locals, stmts)
}

/// [`value`] for either SDK.
pub fn value_for(sdk: Sdk, v: &TypedValue, hint: &str, locals: &mut Locals, stmts: &mut Vec<String>) -> String {
    match v {
        TypedValue::Null => "null".into(),
        TypedValue::Bool(b) => b.to_string(),
        TypedValue::Number { value, ty: Some(Primitive::Int64) } => format!("{value}L"),
        TypedValue::Number { value, ty: Some(Primitive::Double) } => format!("{value}d"),
        TypedValue::Number { value, .. } if value.is_f64() => format!("{value}d"),
        TypedValue::Number { value, .. } if value.as_i64().is_some_and(|i| i32::try_from(i).is_err()) => format!("{value}L"),
        TypedValue::Number { value, .. } => value.to_string(),
        TypedValue::String(s) => string(s),
        TypedValue::Text { value, ty: Primitive::Guid } => format!("UUID.fromString({})", string(value)),
        TypedValue::Text { value, ty: Primitive::DateTimeOffset } => format!("OffsetDateTime.parse({})", string(value)),
        TypedValue::Text { value, ty: Primitive::Duration } if sdk == Sdk::Legacy => {
            format!("DatatypeFactory.newInstance().newDuration({})", string(value))
        }
        TypedValue::Text { value, ty: Primitive::Duration } => format!("PeriodAndDuration.ofDuration(Duration.parse({}))", string(value)),
        // 5.x's `com.microsoft.graph.core.DateOnly` takes the year, month and day.
        TypedValue::Text { value, ty: Primitive::Date } if sdk == Sdk::Legacy => match crate::validate::date_parts(value) {
            Some((y, m, d)) => format!("new DateOnly({y}, {m}, {d})"),
            None => string(value),
        },
        TypedValue::Text { value, ty: Primitive::Date } => format!("LocalDate.parse({})", string(value)),
        TypedValue::Text { value, ty: Primitive::Binary } => format!("Base64.getDecoder().decode({})", string(value)),
        // 5.x's `com.microsoft.graph.core.TimeOfDay` takes the hour, minute and second.
        TypedValue::Text { value, ty: Primitive::TimeOfDay } if sdk == Sdk::Legacy => match crate::validate::time_parts(value) {
            Some((h, m, s, None)) => format!("new TimeOfDay({h}, {m}, {s})"),
            _ => format!("TimeOfDay.parse({})", string(value)),
        },
        TypedValue::Text { value, ty: Primitive::TimeOfDay } => format!("LocalTime.parse({})", string(value)),
        TypedValue::Text { value, .. } => string(value),
        TypedValue::Enum { enum_name, member } if sdk == Sdk::Legacy => format!("{}.{}", pascal(enum_name), upper(member)),
        TypedValue::Enum { enum_name, member } => format!("{}.{}", pascal(enum_name), pascal(member)),
        TypedValue::List { item, items } => {
            let t = item.as_ref().map(type_name).unwrap_or_else(|| "Object".into());
            let name = locals.fresh(&format!("{}List", camel(hint)));
            stmts.push(format!("LinkedList<{t}> {name} = new LinkedList<{t}>();"));
            for i in items {
                let e = value_for(sdk, i, hint, locals, stmts);
                stmts.push(format!("{name}.add({e});"));
            }
            name
        }
        TypedValue::Object { type_name, members, additional } => {
            let t = if type_name.is_empty() { "HashMap<String, Object>".to_owned() } else { pascal(type_name) };
            let name = locals.fresh(&camel(if type_name.is_empty() { hint } else { type_name }));
            stmts.push(format!("{t} {name} = new {t}();"));
            let fields = super::dedupe(members.iter().map(|(k, _)| super::kiota(k, Case::Camel, "n")).collect(), &[], true);
            // Kiota's backing store drops a nested model whose additional data was changed
            // through `getAdditionalData().put` once it sits in a collection; a whole map
            // given to `setAdditionalData` is kept (and is how Microsoft's snippets do it).
            let mut extra = Vec::new();
            for ((k, m), field) in members.iter().zip(fields) {
                let e = value_for(sdk, m, k, locals, stmts);
                let setter = setter(&field);
                match sdk {
                    _ if type_name.is_empty() => stmts.push(format!("{name}.put({}, {e});", string(k))),
                    Sdk::Legacy if k == "@odata.type" => stmts.push(format!("{name}.oDataType = {e};")),
                    Sdk::Legacy if additional.contains(k) => {
                        stmts.push(format!("{name}.additionalDataManager().put({}, new JsonPrimitive({e}));", string(k)))
                    }
                    Sdk::Legacy => stmts.push(format!("{name}.{} = {e};", escape(field))),
                    Sdk::Kiota if k == "@odata.type" => stmts.push(format!("{name}.setOdataType({e});")),
                    Sdk::Kiota if additional.contains(k) => extra.push((string(k), e)),
                    Sdk::Kiota => stmts.push(format!("{name}.{setter}({e});")),
                }
            }
            if !extra.is_empty() {
                let data = locals.fresh("additionalData");
                stmts.push(format!("HashMap<String, Object> {data} = new HashMap<String, Object>();"));
                stmts.extend(extra.into_iter().map(|(k, e)| format!("{data}.put({k}, {e});")));
                stmts.push(format!("{name}.setAdditionalData({data});"));
            }
            name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(camel("default"), "defaultEscaped");
        assert_eq!(upper("unknownFutureValue"), "UNKNOWN_FUTURE_VALUE");
        assert_eq!(string("x\"y"), r#""x\"y""#);
        assert_eq!(string("\u{1}\u{2028}"), "\"\\001\\u2028\"");
        assert_eq!(setter("isEscaped"), "setIsEscaped");
        assert_eq!(with_method("default"), "withDefault");
    }
}
