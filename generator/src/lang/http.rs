//! Raw HTTP: the request line, headers and a JSON body printed the way Graph's pages print it.

use serde_json::Value;

/// Pretty JSON with a two-space indent, and arrays of scalars on one line with a space
/// inside the brackets (`[ "audio", "video" ]`), as the reference pages print them.
pub fn json(value: &Value) -> String {
    let mut printed = String::new();
    write_json(value, 0, &mut printed);
    // serde_json escapes C0 controls in strings; the other characters that must not sit
    // raw (DEL, C1, bidi controls, separators, the BOM) are written as `\u` escapes too,
    // the same JSON. They can only be inside strings: the printer's own text is ASCII.
    let mut out = String::with_capacity(printed.len());
    for c in printed.chars() {
        if c != '\n' && super::must_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn write_json(value: &Value, depth: usize, out: &mut String) {
    let pad = |d: usize| "  ".repeat(d);
    match value {
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push_str("{\n");
            for (i, (k, v)) in map.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_json(v, depth + 1, out);
                if i + 1 < map.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            let inner: Vec<String> = items.iter().map(Value::to_string).collect();
            out.push_str(&format!("[ {} ]", inner.join(", ")));
        }
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, v) in items.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                write_json(v, depth + 1, out);
                if i + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(depth));
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The `Content-Length` of a body as HTTP sends it: lines joined with CRLF.
pub fn content_length(printed_body: &str) -> usize {
    printed_body.lines().map(str::len).sum::<usize>() + 2 * printed_body.lines().count().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_body_is_24_bytes() {
        let body = json(&serde_json::json!({"reason": "busy"}));
        assert_eq!(body, "{\n  \"reason\": \"busy\"\n}");
        // `{` CRLF `  "reason": "busy"` CRLF `}` = 1 + 2 + 18 + 2 + 1.
        assert_eq!(content_length(&body), 24);
    }

    #[test]
    fn scalar_arrays_stay_inline() {
        let v = serde_json::json!({"m": ["audio", "video"], "n": [{"a": 1}]});
        assert_eq!(json(&v), "{\n  \"m\": [ \"audio\", \"video\" ],\n  \"n\": [\n    {\n      \"a\": 1\n    }\n  ]\n}");
    }
}
