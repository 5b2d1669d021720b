//! C# snippets: the request-builder SDK (`Microsoft.Graph.Beta` 0.x–4.x) in the page's layout.

use super::{fill, ExampleView, PathPart};
use crate::lang::{csharp, Locals};
use askama::Template;

#[derive(Template)]
#[template(path = "csharp/page/snippet.cs")]
struct Page {
    vars: Vec<(String, String)>,
    request: String,
    method: String,
    args: String,
}

/// The `graphClient.Communications.Calls["{call-id}"]` chain.
fn request(view: &ExampleView) -> String {
    let mut out = String::from("graphClient");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => out.push_str(&format!(".{}", csharp::pascal(n))),
            PathPart::Item { collection, .. } => {
                let id = csharp::string(&format!("{{{}}}", PathPart::placeholder(collection)));
                out.push_str(&format!(".{}[{id}]", csharp::pascal(collection)));
            }
        }
    }
    out
}

pub fn page(view: &ExampleView) -> String {
    let mut locals = Locals::with(&["graphClient", "authProvider"]);
    let mut vars = Vec::new();
    let mut args = Vec::new();
    for p in &view.params {
        match &p.value {
            Some(v) => {
                let name = locals.fresh(&csharp::local(&p.param.name));
                vars.push((name.clone(), csharp::value(v, 0)));
                args.push(name);
            }
            None => args.push("null".to_owned()),
        }
    }
    fill(&Page { vars, request: request(view), method: csharp::pascal(&view.action.name), args: args.join(",") })
}

#[derive(Template)]
#[template(path = "csharp/current/snippet.cs")]
struct Current {
    usings: Vec<String>,
    body_type: String,
    members: Vec<(String, String)>,
    request: String,
    action: String,
}

/// Today's SDK (`Microsoft.Graph.Beta` 5.x): a `…PostRequestBody` initializer, then the
/// fluent call with the example's id.
pub fn current(view: &ExampleView) -> String {
    let ns = csharp::sdk_namespace(&view.model.api.version);
    let builder: Vec<String> = view.builder_segments().iter().map(|s| csharp::pascal(s)).collect();
    let mut usings = vec![format!("{ns}.{}", builder.join("."))];
    if !view.named_types().is_empty() {
        usings.push(format!("{ns}.Models"));
    }
    let set: Vec<(String, crate::model::TypedValue)> = view.set_params().map(|(p, v)| (p.name.clone(), v.clone())).collect();
    let names = csharp::member_names(&set);
    let members = set.iter().zip(names).map(|((_, v), n)| (n, csharp::value(v, 1))).collect();
    let mut request = String::from("graphClient");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => request.push_str(&format!(".{}", csharp::pascal(n))),
            PathPart::Item { collection, value, .. } => {
                request.push_str(&format!(".{}[{}]", csharp::pascal(collection), csharp::string(value)))
            }
        }
    }
    fill(&Current {
        usings,
        body_type: format!("{}PostRequestBody", csharp::pascal(&view.action.name)),
        members,
        request,
        action: csharp::pascal(&view.action.name),
    })
}
