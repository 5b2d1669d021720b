//! JavaScript snippets: `@microsoft/microsoft-graph-client` 3.x, plain objects with wire names.

use super::{fill, ExampleView};
use crate::lang::javascript;
use crate::model::TypedValue;
use askama::Template;

#[derive(Template)]
#[template(path = "javascript/page/snippet.js")]
struct Page {
    var: String,
    body: String,
    path: String,
    version: String,
}

pub fn page(view: &ExampleView) -> String {
    let members: Vec<(String, TypedValue)> = view.set_params().map(|(p, v)| (p.name.clone(), v.clone())).collect();
    let body = javascript::value(&TypedValue::Object { type_name: String::new(), members }, 0);
    fill(&Page {
        var: javascript::local(&view.action.name),
        body,
        path: javascript::string(&view.wire_path),
        version: javascript::string(&view.model.api.version),
    })
}
