//! JavaScript snippets: `@microsoft/microsoft-graph-client` 3.x, plain objects with wire names.

use super::{fill, Body, ExampleView};
use crate::lang::javascript;
use crate::model::{OperationKind, TypedValue};
use askama::Template;

/// Whether `v` holds an integer outside ±(2^53 − 1), which a JavaScript number rounds.
fn holds_inexact_number(v: &serde_json::Value) -> bool {
    const MAX_SAFE: u64 = (1 << 53) - 1;
    match v {
        serde_json::Value::Number(n) => {
            n.as_u64().map_or_else(|| n.as_i64().is_some_and(|i| i.unsigned_abs() > MAX_SAFE), |u| u > MAX_SAFE)
        }
        serde_json::Value::Array(items) => items.iter().any(holds_inexact_number),
        serde_json::Value::Object(map) => map.values().any(holds_inexact_number),
        _ => false,
    }
}

#[derive(Template)]
#[template(path = "javascript/page/snippet.js")]
struct Page {
    body: Option<(String, String)>,
    /// Why the body is JSON text rather than an object, when it is.
    note: Option<&'static str>,
    result: bool,
    path: String,
    version: String,
    /// `.header(…)` arguments, escaped: the client's request configuration.
    headers: Vec<(String, String)>,
    /// `.select(…)`, `.top(…)`: the client's query methods, one per option.
    query: Vec<String>,
    call: String,
}

pub fn page(view: &ExampleView) -> String {
    let name = match view.action.kind {
        OperationKind::Action => &view.action.name,
        _ => &view.action.bound_to,
    };
    let var = javascript::local(name);
    // A number a JavaScript number cannot hold exactly (an Int64 past 2^53) would go out
    // as another number: such a body is the example's JSON text, which the client sends
    // as it is (with `Content-Type: application/json`).
    let exact = view.example.request.body.as_ref().filter(|b| holds_inexact_number(b));
    let note = exact.map(|_| "The body holds an integer beyond 2^53, which a JavaScript number cannot hold: it is sent as JSON text.");
    let body = match (&view.body, exact) {
        (Body::None, _) => None,
        (_, Some(json)) => Some((var.clone(), javascript::string(&json.to_string()))),
        _ => Some((
            var.clone(),
            javascript::value(&TypedValue::Object { type_name: String::new(), members: view.set_params(), additional: Vec::new() }, 0),
        )),
    };
    let call = match view.action.kind {
        OperationKind::Action if body.is_some() => format!("post({var})"),
        OperationKind::Action => "post()".to_owned(),
        OperationKind::Create | OperationKind::AddReference => format!("post({var})"),
        OperationKind::SetReference => format!("put({var})"),
        // A function's arguments are in the path (`wire_path`), as the page writes it.
        OperationKind::Get | OperationKind::List | OperationKind::Function | OperationKind::Count => "get()".to_owned(),
        OperationKind::Update => format!("update({var})"),
        OperationKind::Delete | OperationKind::RemoveReference => "delete()".to_owned(),
    };
    fill(&Page {
        body,
        note,
        result: view.result.is_some(),
        path: javascript::string(&view.wire_path),
        version: javascript::string(&view.model.api.version),
        headers: view.config.headers.iter().map(|(n, v)| (javascript::string(n), javascript::string(v))).collect(),
        query: view
            .config
            .query
            .iter()
            .map(|q| {
                let arg = match &q.value {
                    crate::model::QueryValue::Int(n) => n.to_string(),
                    crate::model::QueryValue::Bool(b) => b.to_string(),
                    v => javascript::query_value(&v.text()),
                };
                match &q.option {
                    // An operation's own parameter has no method of the client's: `query` adds it.
                    crate::model::QueryName::Own(name) => format!("query({{ {name}: {arg} }})"),
                    crate::model::QueryName::OData(o) => format!("{}({arg})", o.name()),
                }
            })
            .collect(),
        call,
    })
}
