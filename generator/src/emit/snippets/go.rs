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
