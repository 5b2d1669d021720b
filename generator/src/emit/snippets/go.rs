//! Go snippets: msgraph-beta-sdk-go, valid Go in the page's layout.

use super::{fill, ExampleView, PathPart};
use crate::lang::{go, Locals};
use askama::Template;

#[derive(Template)]
#[template(path = "go/page/snippet.go")]
struct Page {
    body_package: String,
    body_type: String,
    body_lines: Vec<String>,
    path_vars: Vec<(String, String)>,
    call: String,
}

pub fn page(view: &ExampleView) -> String {
    let mut locals = Locals::with(&["graphClient", "requestAdapter", "requestBody", "msgraphsdk", "graphmodels"]);
    let body_package = format!("graph{}", view.literals.first().map(|l| go::pascal(l).to_lowercase()).unwrap_or_default());
    let mut body_lines = Vec::new();
    for (p, v) in view.set_params() {
        let arg = go::value(v, "graphmodels", &mut locals, &mut body_lines).into_arg(&p.name, &mut locals, &mut body_lines);
        body_lines.push(format!("requestBody.Set{}({arg})", go::pascal(&p.name)));
    }
    let mut path_vars = Vec::new();
    let mut call = String::from("graphClient");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => call.push_str(&format!(".{}()", go::pascal(n))),
            PathPart::Item { collection, .. } => {
                let var = locals.fresh(&go::local(&format!("{}Id", crate::lang::singular(collection))));
                path_vars.push((var.clone(), go::string(&PathPart::placeholder(collection))));
                call.push_str(&format!(".{}ById({var})", go::pascal(collection)));
            }
        }
    }
    call.push_str(&format!(".{}().Post(context.Background(), requestBody, nil)", go::pascal(&view.action.name)));
    fill(&Page { body_package, body_type: format!("{}PostRequestBody", go::pascal(&view.action.name)), body_lines, path_vars, call })
}

#[derive(Template)]
#[template(path = "go/current/snippet.go")]
struct Current {
    module: String,
    builder_alias: String,
    builder_package: String,
    uses_models: bool,
    body_type: String,
    body_lines: Vec<String>,
    call: String,
}

/// Today's SDK (msgraph-beta-sdk-go): the docs' import block, the body from the
/// request-builder package, then the fluent call returning `error`.
pub fn current(view: &ExampleView) -> String {
    let version = view.model.api.version.as_str();
    let module = if version == "v1.0" {
        "github.com/microsoftgraph/msgraph-sdk-go".to_owned()
    } else {
        format!("github.com/microsoftgraph/msgraph-{}-sdk-go", version.to_lowercase())
    };
    let segments = view.builder_segments();
    let builder_package = go::pascal(&segments[0]).to_lowercase();
    let builder_alias = format!("graph{builder_package}");
    let body_type = format!("{}PostRequestBody", segments[1..].iter().map(|s| go::pascal(s)).collect::<String>());
    let mut locals = Locals::with(&["graphClient", "requestBody", "msgraphsdk", "graphmodels", "context", &builder_alias]);
    let mut body_lines = Vec::new();
    for (p, v) in view.set_params() {
        let arg = go::value(v, "graphmodels", &mut locals, &mut body_lines).into_arg(&p.name, &mut locals, &mut body_lines);
        body_lines.push(format!("requestBody.Set{}({arg})", go::pascal(&p.name)));
    }
    let mut call = String::from("graphClient");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => call.push_str(&format!(".{}()", go::pascal(n))),
            PathPart::Item { collection, value, .. } => call.push_str(&format!(
                ".{}().By{}Id({})",
                go::pascal(collection),
                go::pascal(&crate::lang::singular(collection)),
                go::string(value)
            )),
        }
    }
    call.push_str(&format!(".{}().Post(context.Background(), requestBody, nil)", go::pascal(&view.action.name)));
    fill(&Current { module, builder_alias, builder_package, uses_models: !view.named_types().is_empty(), body_type, body_lines, call })
}
