//! Java snippets: the legacy `microsoft-graph-beta` 0.x SDK (`…ParameterSet` builders).

use super::{fill, ExampleView, PathPart};
use crate::lang::{java, Locals};
use askama::Template;

#[derive(Template)]
#[template(path = "java/page/snippet.java")]
struct Page {
    groups: Vec<Vec<String>>,
    request: String,
    method: String,
    param_set: String,
    withs: Vec<(String, String)>,
}

pub fn page(view: &ExampleView) -> String {
    let mut locals = Locals::with(&["graphClient", "authProvider"]);
    let mut groups = Vec::new();
    let mut withs = Vec::new();
    for p in &view.params {
        let setter = format!("with{}", java::pascal(&p.param.name).trim_end_matches("Escaped"));
        match &p.value {
            Some(v) => {
                let mut stmts = Vec::new();
                let expr = java::value(v, &p.param.name, &mut locals, &mut stmts);
                // Objects and lists are already variables; scalars get one named after
                // the parameter, as the page does (`RejectReason reason = …`).
                let name = if java::declares(v) {
                    expr
                } else {
                    let name = locals.fresh(&java::camel(&p.param.name));
                    let ty = java::type_name(&p.param.ty.kind);
                    let ty = if p.param.ty.collection { format!("LinkedList<{ty}>") } else { ty };
                    stmts.push(format!("{ty} {name} = {expr};"));
                    name
                };
                groups.push(stmts);
                withs.push((setter, name));
            }
            None => withs.push((setter, "null".to_owned())),
        }
    }
    let mut request = String::from("graphClient");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => request.push_str(&format!(".{}()", java::camel(n))),
            PathPart::Item { collection, value, .. } => request.push_str(&format!(".{}({})", java::camel(collection), java::string(value))),
        }
    }
    fill(&Page {
        groups,
        request,
        method: java::camel(&view.action.name),
        param_set: format!("{}{}ParameterSet", java::pascal(&view.action.bound_to), java::pascal(&view.action.name)),
        withs,
    })
}

#[derive(Template)]
#[template(path = "java/current/snippet.java")]
struct Current {
    body_class: String,
    body_var: String,
    lines: Vec<String>,
    request: String,
    action: String,
}

/// Today's SDK (`microsoft-graph-beta` 6.x): a fully qualified `…PostRequestBody` with
/// setters, then `byCallId(…)` and `post(…)`.
pub fn current(view: &ExampleView) -> String {
    let version = view.model.api.version.as_str();
    let root = if version == "v1.0" { "com.microsoft.graph".to_owned() } else { format!("com.microsoft.graph.{}", version.to_lowercase()) };
    // Package names are lower case; a keyword (`switch`) gets the `Escaped` suffix.
    let package: Vec<String> = view
        .builder_segments()
        .iter()
        .map(|s| java::escape(crate::lang::ident(s, crate::lang::Case::Snake, "n").replace('_', "").to_lowercase()))
        .collect();
    let body_class = format!("{root}.{}.{}PostRequestBody", package.join("."), java::pascal(&view.action.name));
    let mut locals = Locals::with(&["graphClient", "requestAdapter"]);
    let body_var = locals.fresh(&format!("{}PostRequestBody", java::camel(&view.action.name).trim_end_matches("Escaped")));
    let mut lines = Vec::new();
    for (p, v) in view.set_params() {
        let e = java::value_for(java::Sdk::Kiota, v, &p.name, &mut locals, &mut lines);
        lines.push(format!("{body_var}.set{}({e});", java::pascal(&p.name).trim_end_matches("Escaped")));
    }
    let mut request = String::from("graphClient");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => request.push_str(&format!(".{}()", java::camel(n))),
            PathPart::Item { collection, value, .. } => request.push_str(&format!(
                ".{}().by{}Id({})",
                java::camel(collection),
                crate::lang::ident(&crate::lang::singular(collection), crate::lang::Case::Pascal, "N"),
                java::string(value)
            )),
        }
    }
    fill(&Current { body_class, body_var, lines, request, action: java::camel(&view.action.name) })
}
