//! Python snippets: today's SDK only (`msgraph-beta-sdk`), async, keyword-argument models.

use super::{fill, Body, ExampleView};
use crate::lang::python;
use crate::model::OperationKind;
use askama::Template;

#[derive(Template)]
#[template(path = "python/current/snippet.py")]
struct Current {
    package: String,
    imports: Vec<(String, String)>,
    body: Option<String>,
    /// The request configuration's statements, when there is one.
    config: Vec<String>,
    result: bool,
    call: String,
}

pub fn current(view: &ExampleView) -> String {
    let package = match view.model.api.sdk_suffix() {
        None => "msgraph".to_owned(),
        Some(v) => format!("msgraph_{}", v.to_lowercase()),
    };
    let mut imports = Vec::new();
    let body = match &view.body {
        Body::None => None,
        Body::Parameters => {
            let segments: Vec<String> = view.builder_segments().iter().map(|s| python::snake(s)).collect();
            let class = super::kiota::request_body_class(&view.action.name);
            let module = format!("{}_post_request_body", crate::lang::ident(&view.action.name, crate::lang::Case::Snake, "n"));
            imports.push((format!("{package}.generated.{}.{module}", segments.join(".")), class.clone()));
            let set = view.set_params();
            let names = crate::lang::dedupe(set.iter().map(|(n, _)| python::snake(n)).collect(), &[], true);
            let members: String = set.iter().zip(names).map(|((_, v), n)| format!("\t{n} = {},\n", python::value(v, 1))).collect();
            Some(format!("{class}(\n{members})"))
        }
        Body::Entity(v) => Some(python::value(v, 0)),
        Body::Reference(url) => {
            let class = view.reference_class();
            imports.push((format!("{package}.generated.models.{}", python::model_module(class)), class.to_owned()));
            Some(format!("{class}(\n\todata_id = {},\n)", python::string(url)))
        }
    };
    for t in view.named_types() {
        imports.push((format!("{package}.generated.models.{}", python::model_module(&t)), python::pascal(&t)));
    }
    let mut config = Vec::new();
    let mut args: Vec<&str> = body.iter().map(|_| "request_body").collect();
    if !view.config.is_empty() {
        imports.push(("kiota_abstractions.base_request_configuration".to_owned(), "RequestConfiguration".to_owned()));
        if view.config.query.is_empty() {
            config.push("request_configuration = RequestConfiguration()".to_owned());
        } else {
            // The builder's nested `…GetQueryParameters` class, from the builder's module.
            let builder = view.request_builder();
            let segments: Vec<String> = view.builder_segments().iter().map(|s| python::snake(s)).collect();
            let module = crate::lang::kiota(&builder, crate::lang::Case::Snake, "n");
            imports.push((format!("{package}.generated.{}.{module}", segments.join(".")), builder.clone()));
            config.push(format!("query_params = {builder}.{}(", super::kiota::query_parameters(&builder, view.verb())));
            for q in &view.config.query {
                let value = match &q.value {
                    crate::model::QueryValue::List(items) => {
                        format!("[{}]", items.iter().map(|i| python::string(i)).collect::<Vec<_>>().join(","))
                    }
                    crate::model::QueryValue::Int(n) => n.to_string(),
                    crate::model::QueryValue::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
                    crate::model::QueryValue::Text(t) => python::string(t),
                };
                config.push(format!("\t\t{} = {value},", python::snake(q.option.name())));
            }
            config.push(")".to_owned());
            config.push(String::new());
            config.push("request_configuration = RequestConfiguration(\nquery_parameters = query_params,\n)".to_owned());
        }
        for (n, v) in &view.config.headers {
            config.push(format!("request_configuration.headers.add({}, {})", python::string(n), python::string(v)));
        }
        args.push("request_configuration = request_configuration");
    }
    let arg = args.join(", ");
    let op = match view.action.kind {
        OperationKind::Action => format!(".{}.post({arg})", python::snake(&view.action.name)),
        OperationKind::Create => format!(".post({arg})"),
        OperationKind::Get | OperationKind::List => format!(".get({arg})"),
        OperationKind::Update => format!(".patch({arg})"),
        OperationKind::Delete => format!(".delete({arg})"),
        OperationKind::Count => format!(".count.get({arg})"),
        OperationKind::AddReference => format!(".ref.post({arg})"),
        OperationKind::RemoveReference => format!(".ref.delete({arg})"),
        OperationKind::SetReference => format!(".ref.put({arg})"),
        // A function without parameters is a property (`.delta`), one with them a method.
        OperationKind::Function if view.action.parameters.is_empty() => format!(".{}.get({arg})", python::snake(&view.action.name)),
        OperationKind::Function => {
            let args: Vec<String> = view.kiota_arguments().iter().map(|(_, v)| python::value(v, 0)).collect();
            format!(".{}({}).get({arg})", python::snake(&view.function_builder()), args.join(", "))
        }
    };
    let mut call = view.chain(
        "graph_client",
        |n| format!(".{}", python::snake(n)),
        |c, key, v| format!(".{}.{}({})", python::snake(c), super::kiota::by_key(key, crate::lang::Case::Snake), python::string(v)),
    );
    // msgraph-beta-sdk's `GraphServiceClient.me` is a method, not a property as in
    // msgraph-sdk (1.66.0's `def me(self) -> UserItemRequestBuilder` has no `@property`):
    // `graph_client.me.messages` fails there before sending, so the beta snippet calls it.
    if view.model.api.sdk_suffix().is_some() && matches!(view.path.first(), Some(super::PathPart::Nav(n)) if n == "me") {
        call = call.replacen("graph_client.me", "graph_client.me()", 1);
    }
    fill(&Current { package, imports, body, config, result: view.result.is_some(), call: format!("{call}{op}") })
}
