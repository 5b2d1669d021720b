//! Go naming: keywords get the `Escaped` suffix (Kiota's Go rule); strings are interpreted literals.

use super::{c_like_escape, ident, Case, Reserved};

pub const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Not keywords, but a snippet's locals must not shadow them: Go's predeclared names and
/// the packages snippets import. Escaped like keywords; not highlighted as keywords.
pub const SNIPPET_NAMES: &[&str] = &["context", "error", "string", "bool", "int", "nil", "true", "false", "len", "new", "make"];

/// Kiota's Go rule: `funcEscaped`.
pub const RESERVED: Reserved = Reserved { words: KEYWORDS, names: SNIPPET_NAMES, prefix: "", suffix: "Escaped" };

pub fn escape(name: String) -> String {
    RESERVED.escape(name)
}

pub fn pascal(name: &str) -> String {
    super::kiota(name, Case::Pascal, "N")
}

/// `SetClientContext`: a model's setter for a wire name.
pub fn setter(name: &str) -> String {
    format!("Set{}", property(name))
}

/// A model property's Go name: Pascal case, and a Go keyword (`type`, `range`) escaped as
/// Kiota escapes it (msgraph-beta-sdk-go's `SetTypeEscaped`, `SetRangeEscaped`).
pub fn property(name: &str) -> String {
    let escaped = KEYWORDS.contains(&ident(name, Case::Camel, "n").as_str());
    format!("{}{}", pascal(name), if escaped { "Escaped" } else { "" })
}

pub fn local(name: &str) -> String {
    escape(ident(name, Case::Camel, "n"))
}

/// Kiota's Go enum constants: `BUSY_REJECTREASON` (member, then the enum's name, upper case).
pub fn enum_constant(member: &str, enum_name: &str) -> String {
    format!("{}_{}", ident(member, Case::ScreamingSnake, "N").replace('_', ""), ident(enum_name, Case::Pascal, "N").to_uppercase())
}

/// An interpreted string literal (`"…"`); Go accepts `\u` escapes and UTF-8 text.
pub fn string(s: &str) -> String {
    format!("\"{}\"", c_like_escape(s, '"', |_| None))
}

use super::Locals;
use crate::model::{Primitive, TypeKind, TypedValue};

/// The Go type of an element in the SDK (`graphmodels.Modality`, `string`,
/// `graphmodels.ParticipantInfoable`).
pub fn type_name(kind: &TypeKind, models: &str) -> String {
    match kind {
        TypeKind::Primitive(p) => match p {
            Primitive::String => "string".to_owned(),
            Primitive::Guid => "uuid.UUID".to_owned(),
            Primitive::Duration => "serialization.ISODuration".to_owned(),
            Primitive::Boolean => "bool".to_owned(),
            Primitive::Int32 => "int32".to_owned(),
            Primitive::Int64 => "int64".to_owned(),
            Primitive::Double => "float64".to_owned(),
            Primitive::DateTimeOffset => "time.Time".to_owned(),
            Primitive::Date => "serialization.DateOnly".to_owned(),
            Primitive::Binary => "[]byte".to_owned(),
            Primitive::TimeOfDay => "serialization.TimeOnly".to_owned(),
        },
        TypeKind::Enum(n) => format!("{models}.{}", pascal(n)),
        TypeKind::Complex(n) => format!("{models}.{}able", pascal(n)),
    }
}

/// How a setter takes a value: scalars and enums by pointer to a variable, objects and
/// slices as they are.
pub enum Arg {
    Pointer(String),
    Direct(String),
}

impl Arg {
    /// The setter's argument, declaring the variable a pointer needs.
    pub fn into_arg(self, hint: &str, locals: &mut Locals, stmts: &mut Vec<String>) -> String {
        match self {
            Arg::Direct(e) => e,
            Arg::Pointer(e) => {
                let name = locals.fresh(&local(hint));
                stmts.push(format!("{name} := {e}"));
                format!("&{name}")
            }
        }
    }
}

/// The import each text-encoded primitive's parser needs.
pub const TEXT_IMPORTS: [(Primitive, &str); 6] = [
    (Primitive::DateTimeOffset, "\"time\""),
    (Primitive::Guid, "\"github.com/google/uuid\""),
    (Primitive::Duration, "\"github.com/microsoft/kiota-abstractions-go/serialization\""),
    (Primitive::Date, "\"github.com/microsoft/kiota-abstractions-go/serialization\""),
    (Primitive::Binary, "\"encoding/base64\""),
    (Primitive::TimeOfDay, "\"github.com/microsoft/kiota-abstractions-go/serialization\""),
];

/// The Go value of `v`, with any statements it needs appended to `stmts`.
pub fn value(v: &TypedValue, models: &str, locals: &mut Locals, stmts: &mut Vec<String>) -> Arg {
    match v {
        TypedValue::Null => Arg::Direct("nil".into()),
        TypedValue::Bool(b) => Arg::Pointer(b.to_string()),
        TypedValue::Number { value, ty: Some(Primitive::Int64) } => Arg::Pointer(format!("int64({value})")),
        TypedValue::Number { value, ty: Some(Primitive::Double) } => Arg::Pointer(format!("float64({value})")),
        TypedValue::Number { value, .. } if value.is_f64() => Arg::Pointer(format!("float64({value})")),
        // An untyped number (an open type's dynamic member) too large for an int32.
        TypedValue::Number { value, ty: None } if value.as_i64().is_some_and(|i| i32::try_from(i).is_err()) => {
            Arg::Pointer(format!("int64({value})"))
        }
        TypedValue::Number { value, .. } => Arg::Pointer(format!("int32({value})")),
        TypedValue::String(s) => Arg::Pointer(string(s)),
        TypedValue::Text { value, ty: Primitive::Guid } => Arg::Pointer(format!("uuid.MustParse({})", string(value))),
        // The parsers return an error too; the spec's validator has already checked the text.
        TypedValue::Text { value, ty: Primitive::DateTimeOffset } => {
            let name = locals.fresh("dateTime");
            stmts.push(format!("{name}, _ := time.Parse(time.RFC3339, {})", string(value)));
            Arg::Pointer(name)
        }
        TypedValue::Text { value, ty: Primitive::Duration } => {
            let name = locals.fresh("duration");
            stmts.push(format!("{name}, _ := serialization.ParseISODuration({})", string(value)));
            Arg::Direct(name)
        }
        TypedValue::Text { value, ty: Primitive::Date } => {
            let name = locals.fresh("date");
            stmts.push(format!("{name}, _ := serialization.ParseDateOnly({})", string(value)));
            Arg::Direct(name)
        }
        TypedValue::Text { value, ty: Primitive::TimeOfDay } => {
            let name = locals.fresh("timeOfDay");
            stmts.push(format!("{name}, _ := serialization.ParseTimeOnly({})", string(value)));
            Arg::Direct(name)
        }
        // The setter takes the bytes themselves, which the SDK writes back as base64.
        TypedValue::Text { value, ty: Primitive::Binary } => {
            let name = locals.fresh("bytes");
            stmts.push(format!("{name}, _ := base64.StdEncoding.DecodeString({})", string(value)));
            Arg::Direct(name)
        }
        TypedValue::Text { value, .. } => Arg::Pointer(string(value)),
        TypedValue::Enum { enum_name, member } => Arg::Pointer(format!("{models}.{}", enum_constant(member, enum_name))),
        TypedValue::List { item, items } => {
            let t = item.as_ref().map(|k| type_name(k, models)).unwrap_or_else(|| "interface{}".into());
            let elems: Vec<String> = items
                .iter()
                .map(|i| match value(i, models, locals, stmts) {
                    Arg::Direct(e) | Arg::Pointer(e) => e,
                })
                .collect();
            Arg::Direct(format!("[]{t}{{\n\t{},\n}}", elems.join(",\n\t")))
        }
        TypedValue::Object { type_name, members, .. } if type_name.is_empty() => {
            let elems: Vec<String> = members
                .iter()
                .map(|(k, m)| {
                    let e = match value(m, models, locals, stmts) {
                        Arg::Direct(e) | Arg::Pointer(e) => e,
                    };
                    format!("{}: {e}", string(k))
                })
                .collect();
            Arg::Direct(format!("map[string]interface{{}}{{\n\t{},\n}}", elems.join(",\n\t")))
        }
        TypedValue::Object { type_name, members, additional } => {
            let name = locals.fresh(&local(type_name));
            stmts.push(format!("{name} := {models}.New{}()", pascal(type_name)));
            let props = super::dedupe(members.iter().map(|(k, _)| property(k)).collect(), &[], true);
            let mut extra = Vec::new();
            for ((k, m), prop) in members.iter().zip(props) {
                if additional.contains(k) {
                    let e = match value(m, models, locals, stmts) {
                        Arg::Direct(e) | Arg::Pointer(e) => e,
                    };
                    extra.push(format!("{}: {e}", string(k)));
                    continue;
                }
                let setter = if k == "@odata.type" { "SetOdataType".to_owned() } else { format!("Set{prop}") };
                let arg = value(m, models, locals, stmts).into_arg(k, locals, stmts);
                stmts.push(format!("{name}.{setter}({arg})"));
            }
            if !extra.is_empty() {
                let data = locals.fresh("additionalData");
                stmts.push(format!("{data} := map[string]interface{{}}{{\n\t{},\n}}", extra.join(",\n\t")));
                stmts.push(format!("{name}.SetAdditionalData({data})"));
            }
            Arg::Direct(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(local("func"), "funcEscaped");
        assert_eq!(enum_constant("busy", "rejectReason"), "BUSY_REJECTREASON");
        assert_eq!(enum_constant("unknownFutureValue", "rejectReason"), "UNKNOWNFUTUREVALUE_REJECTREASON");
        assert_eq!(string("a`b"), "\"a`b\"");
    }
}
