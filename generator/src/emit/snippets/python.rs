//! Python snippets: today's SDK only (`msgraph-beta-sdk`), async, keyword-argument models.

use super::{fill, ExampleView, PathPart};
use crate::lang::python;
use askama::Template;

#[derive(Template)]
#[template(path = "python/current/snippet.py")]
struct Current {
    package: String,
    imports: Vec<(String, String)>,
    body_class: String,
    members: Vec<(String, String)>,
    call: String,
}

pub fn current(view: &ExampleView) -> String {
    let version = view.model.api.version.as_str();
    let package = if version == "v1.0" { "msgraph".to_owned() } else { format!("msgraph_{}", version.to_lowercase()) };
    let segments: Vec<String> = view.builder_segments().iter().map(|s| python::snake(s)).collect();
    let body_class = format!("{}PostRequestBody", crate::lang::ident(&view.action.name, crate::lang::Case::Pascal, "N"));
    let body_module = format!("{}_post_request_body", crate::lang::ident(&view.action.name, crate::lang::Case::Snake, "n"));
    let mut imports = vec![(format!("{package}.generated.{}.{body_module}", segments.join(".")), body_class.clone())];
    for t in view.named_types() {
        imports.push((format!("{package}.generated.models.{}", python::model_module(&t)), python::pascal(&t)));
    }
    let set: Vec<_> = view.set_params().collect();
    let names = crate::lang::dedupe(set.iter().map(|(p, _)| python::snake(&p.name)).collect(), &[], true);
    let members = set.iter().zip(names).map(|((_, v), n)| (n, python::value(v, 1))).collect();
    let mut call = String::from("graph_client");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => call.push_str(&format!(".{}", python::snake(n))),
            PathPart::Item { collection, value, .. } => call.push_str(&format!(
                ".{}.by_{}_id({})",
                python::snake(collection),
                crate::lang::ident(&crate::lang::singular(collection), crate::lang::Case::Snake, "n"),
                python::string(value)
            )),
        }
    }
    call.push_str(&format!(".{}.post(request_body)", python::snake(&view.action.name)));
    fill(&Current { package, imports, body_class, members, call })
}
