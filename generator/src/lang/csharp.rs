//! C# naming: reserved words get `@`, strings are regular `"…"` literals.

use super::{c_like_escape, ident, Case, Reserved};

pub const KEYWORDS: &[&str] = &[
    "abstract",
    "as",
    "base",
    "bool",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "checked",
    "class",
    "const",
    "continue",
    "decimal",
    "default",
    "delegate",
    "do",
    "double",
    "else",
    "enum",
    "event",
    "explicit",
    "extern",
    "false",
    "finally",
    "fixed",
    "float",
    "for",
    "foreach",
    "goto",
    "if",
    "implicit",
    "in",
    "int",
    "interface",
    "internal",
    "is",
    "lock",
    "long",
    "namespace",
    "new",
    "null",
    "object",
    "operator",
    "out",
    "override",
    "params",
    "private",
    "protected",
    "public",
    "readonly",
    "ref",
    "return",
    "sbyte",
    "sealed",
    "short",
    "sizeof",
    "stackalloc",
    "static",
    "string",
    "struct",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "uint",
    "ulong",
    "unchecked",
    "unsafe",
    "ushort",
    "using",
    "virtual",
    "void",
    "volatile",
    "while",
];

/// `@class`: C#'s verbatim-identifier prefix makes any keyword an identifier.
pub const RESERVED: Reserved = Reserved { words: KEYWORDS, names: &[], prefix: "@", suffix: "" };

pub fn escape(name: String) -> String {
    RESERVED.escape(name)
}

pub fn pascal(name: &str) -> String {
    escape(super::kiota(name, Case::Pascal, "N"))
}

pub fn local(name: &str) -> String {
    escape(ident(name, Case::Camel, "n"))
}

/// A regular string literal; `\u` escapes keep control characters readable.
pub fn string(s: &str) -> String {
    format!("\"{}\"", c_like_escape(s, '"', |_| None))
}

use crate::model::{Primitive, TypeKind, TypedValue};

const UNIT: &str = "    ";

/// The C# type of an element (`RejectReason`, `string`).
pub fn type_name(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Primitive(p) => match p {
            Primitive::String => "string",
            Primitive::Boolean => "bool",
            Primitive::Int32 => "int",
            Primitive::Int64 => "long",
            Primitive::Double => "double",
            Primitive::DateTimeOffset => "DateTimeOffset",
            Primitive::Guid => "Guid",
            Primitive::Duration => "TimeSpan",
            Primitive::Date => "Date",
            Primitive::Binary => "byte[]",
            Primitive::TimeOfDay => "Time",
        }
        .to_owned(),
        TypeKind::Enum(n) | TypeKind::Complex(n) => pascal(n),
    }
}

/// The root namespace of the Kiota SDK for an API version (`Microsoft.Graph.Beta`).
pub fn sdk_namespace(version: &str) -> String {
    match crate::model::sdk_suffix(version) {
        None => "Microsoft.Graph".to_owned(),
        Some(v) => format!("Microsoft.Graph.{}", ident(v, Case::Pascal, "V")),
    }
}

/// `RejectReason.Busy`.
pub fn enum_member(enum_name: &str, member: &str) -> String {
    format!("{}.{}", pascal(enum_name), pascal(member))
}

/// Which C# SDK a value is spelled for: v4 (`Microsoft.Graph`'s own `TimeOfDay`) or
/// today's Kiota SDK (`Microsoft.Kiota.Abstractions.Time`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sdk {
    V4,
    Kiota,
}

/// A C# expression for `v` in today's SDK (see [`value_for`]).
pub fn value(v: &TypedValue, depth: usize) -> String {
    value_for(Sdk::Kiota, v, depth)
}

/// A C# expression for `v`: object and collection initializers, `OdataType` for the
/// discriminator, `AdditionalData` for other annotations and dynamic members; `depth` is the indentation of the line it starts on.
pub fn value_for(sdk: Sdk, v: &TypedValue, depth: usize) -> String {
    let pad = |d| super::pad(UNIT, d);
    let value = |v: &TypedValue, depth: usize| value_for(sdk, v, depth);
    match v {
        TypedValue::Null => "null".into(),
        TypedValue::Bool(b) => b.to_string(),
        TypedValue::Number { value, ty: Some(Primitive::Int64) } => format!("{value}L"),
        TypedValue::Number { value, ty: Some(Primitive::Double) } => format!("{value}d"),
        TypedValue::Number { value, .. } => value.to_string(),
        TypedValue::String(s) => string(s),
        TypedValue::Text { value, ty: Primitive::Guid } => format!("Guid.Parse({})", string(value)),
        TypedValue::Text { value, ty: Primitive::DateTimeOffset } => format!("DateTimeOffset.Parse({})", string(value)),
        // TimeSpan.Parse does not read ISO 8601; XmlConvert does.
        TypedValue::Text { value, ty: Primitive::Duration } => format!("System.Xml.XmlConvert.ToTimeSpan({})", string(value)),
        // Kiota's `Microsoft.Kiota.Abstractions.Date` and v4's `Microsoft.Graph.Date` both
        // take the year, month and day.
        TypedValue::Text { value, ty: Primitive::Date } => match crate::validate::date_parts(value) {
            Some((y, m, d)) => format!("new Date({y}, {m}, {d})"),
            None => string(value),
        },
        TypedValue::Text { value, ty: Primitive::Binary } => format!("Convert.FromBase64String({})", string(value)),
        TypedValue::Text { value: text, ty: Primitive::TimeOfDay } => match crate::validate::time_parts(text) {
            // Whole seconds: both SDKs' types take the hour, minute and second (a fraction
            // is the text's, parsed).
            Some((h, m, s, None)) if sdk == Sdk::V4 => format!("new TimeOfDay({h}, {m}, {s})"),
            Some((h, m, s, None)) => format!("new Time({h}, {m}, {s})"),
            _ if sdk == Sdk::V4 => format!("new TimeOfDay(DateTime.Parse({}))", string(text)),
            _ => format!("new Time(DateTime.Parse({}))", string(text)),
        },
        TypedValue::Text { value, .. } => string(value),
        TypedValue::Enum { enum_name, member } => enum_member(enum_name, member),
        TypedValue::List { item, items } => {
            // Kiota declares enum collections with nullable elements (`List<Modality?>`).
            let t = match item {
                Some(k @ TypeKind::Enum(_)) => format!("{}?", type_name(k)),
                Some(k) => type_name(k),
                None => "object".into(),
            };
            let body: Vec<String> = items.iter().map(|i| format!("{}{},\n", pad(depth + 1), value(i, depth + 1))).collect();
            format!("new List<{t}>\n{}{{\n{}{}}}", pad(depth), body.concat(), pad(depth))
        }
        TypedValue::Object { type_name, members, additional } => {
            let t = if type_name.is_empty() { "Dictionary<string, object>".to_owned() } else { pascal(type_name) };
            let mut body = String::new();
            let mut extra = String::new();
            let names = member_names(members);
            for ((k, m), name) in members.iter().zip(names) {
                if k == "@odata.type" && !type_name.is_empty() {
                    // Kiota models carry the discriminator as a property.
                    body.push_str(&format!("{}OdataType = {},\n", pad(depth + 1), value(m, depth + 1)));
                } else if additional.contains(k) || type_name.is_empty() {
                    extra.push_str(&format!("{}{{ {}, {} }},\n", pad(depth + 2), string(k), value(m, depth + 2)));
                } else {
                    body.push_str(&format!("{}{name} = {},\n", pad(depth + 1), value(m, depth + 1)));
                }
            }
            if !extra.is_empty() && !type_name.is_empty() {
                body.push_str(&format!(
                    "{}AdditionalData = new Dictionary<string, object>\n{}{{\n{extra}{}}},\n",
                    pad(depth + 1),
                    pad(depth + 1),
                    pad(depth + 1)
                ));
            } else if type_name.is_empty() {
                body = extra.replace(&pad(depth + 2), &pad(depth + 1));
            }
            format!("new {t}\n{}{{\n{body}{}}}", pad(depth), pad(depth))
        }
    }
}

/// Property names of an object's members, unique even where wire names differ only in
/// case (`value` and `Value`).
pub fn member_names(members: &[(String, TypedValue)]) -> Vec<String> {
    let cased = members.iter().map(|(k, _)| super::kiota(k, Case::Pascal, "N")).collect();
    super::dedupe(cased, &[], true).into_iter().map(escape).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(local("class"), "@class");
        assert_eq!(pascal("namespace"), "Namespace");
        assert_eq!(string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        let tones = TypedValue::List { item: Some(TypeKind::Enum("tone".into())), items: vec![] };
        assert!(value(&tones, 0).starts_with("new List<Tone?>"), "enum collections as Kiota declares them");
        // A derived value sets the discriminator as Kiota's property, not AdditionalData.
        let prompt = TypedValue::Object {
            type_name: "mediaPrompt".into(),
            members: vec![("@odata.type".into(), TypedValue::String("#microsoft.graph.mediaPrompt".into()))],
            additional: vec![],
        };
        let text = value(&prompt, 0);
        assert!(text.starts_with("new MediaPrompt") && text.contains("OdataType = \"#microsoft.graph.mediaPrompt\","), "{text}");
        assert!(!text.contains("AdditionalData"), "{text}");
        // A dynamic member goes in AdditionalData; a Guid is built as one.
        let identity = TypedValue::Object {
            type_name: "identity".into(),
            members: vec![
                ("tenantId".into(), TypedValue::String("t".into())),
                ("id".into(), TypedValue::Text { value: "0622673d-9f69-49b3-9d4f-5ec64f42ecce".into(), ty: Primitive::Guid }),
            ],
            additional: vec!["tenantId".into()],
        };
        let text = value(&identity, 0);
        assert!(text.contains("AdditionalData = new Dictionary<string, object>") && text.contains("{ \"tenantId\", \"t\" },"), "{text}");
        assert!(text.contains("Id = Guid.Parse(\"0622673d-9f69-49b3-9d4f-5ec64f42ecce\"),") && !text.contains("TenantId ="), "{text}");
    }
}
