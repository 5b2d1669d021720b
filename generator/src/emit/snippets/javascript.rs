//! JavaScript snippets: `@microsoft/microsoft-graph-client` 3.x, plain objects with wire names.

use super::{fill, Body, ExampleView};
use crate::lang::javascript;
use crate::model::{OperationKind, TypedValue};
use askama::Template;

#[derive(Template)]
#[template(path = "javascript/page/snippet.js")]
struct Page {
    body: Option<(String, String)>,
    result: bool,
    path: String,
    version: String,
    call: String,
}

pub fn page(view: &ExampleView) -> String {
    let name = match view.action.kind {
        OperationKind::Action => &view.action.name,
        _ => &view.action.bound_to,
    };
    let var = javascript::local(name);
    let body = match &view.body {
        Body::None => None,
        _ => Some((
            var.clone(),
            javascript::value(&TypedValue::Object { type_name: String::new(), members: view.set_params(), additional: Vec::new() }, 0),
        )),
    };
    let call = match view.action.kind {
        OperationKind::Action if body.is_some() => format!("post({var})"),
        OperationKind::Action => "post()".to_owned(),
        OperationKind::Create => format!("post({var})"),
        OperationKind::Get | OperationKind::List => "get()".to_owned(),
        OperationKind::Update => format!("update({var})"),
        OperationKind::Delete => "delete()".to_owned(),
        OperationKind::Function => unreachable!("{}", super::NO_FUNCTION_EXAMPLES),
    };
    fill(&Page {
        body,
        result: view.result.is_some(),
        path: javascript::string(&view.wire_path),
        version: javascript::string(&view.model.api.version),
        call,
    })
}
