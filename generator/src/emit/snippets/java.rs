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
