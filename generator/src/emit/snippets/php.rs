//! PHP snippets: today's SDK only (`microsoft/microsoft-graph-beta`, Kiota), in the layout
//! of today's docs snippets: `use` lines, the body built by setters, then the fluent call.

use super::{fill, Body, ExampleView};
use crate::lang::{php, Locals};
use crate::model::OperationKind;
use askama::Template;

#[derive(Template)]
#[template(path = "php/current/snippet.php")]
struct Current {
    uses: Vec<String>,
    lines: Vec<String>,
    result: bool,
    call: String,
}

pub fn current(view: &ExampleView) -> String {
    let root = match view.model.api.sdk_suffix() {
        None => "Microsoft\\Graph".to_owned(),
        Some(v) => format!("Microsoft\\Graph\\{}", php::pascal(v)),
    };
    let mut uses = vec![format!("{root}\\GraphServiceClient")];
    let mut locals = Locals::with(&["graphServiceClient", "tokenRequestContext", "scopes", "requestBody", "result", "this"]);
    let mut lines = Vec::new();
    let body = match &view.body {
        Body::None => None,
        Body::Parameters => {
            let class = super::kiota::request_body_class(&view.action.name);
            let namespace: Vec<String> = view.builder_segments().iter().map(|s| php::pascal(s)).collect();
            uses.push(format!("{root}\\Generated\\{}\\{class}", namespace.join("\\")));
            lines.push(format!("$requestBody = new {class}();"));
            let set = view.set_params();
            let setters = crate::lang::dedupe(set.iter().map(|(n, _)| php::setter(n)).collect(), &[], true);
            for ((name, v), setter) in set.iter().zip(setters) {
                let e = php::value(v, name, &mut locals, &mut lines);
                lines.push(format!("$requestBody->{setter}({e});"));
            }
            Some("$requestBody")
        }
        Body::Entity(v) => {
            php::object_into(v, "requestBody", &mut locals, &mut lines);
            Some("$requestBody")
        }
        Body::Reference(url) => {
            let class = view.reference_class();
            uses.push(format!("{root}\\Generated\\Models\\{class}"));
            lines.push(format!("$requestBody = new {class}();"));
            lines.push(format!("$requestBody->setOdataId({});", php::string(url)));
            Some("$requestBody")
        }
    };
    uses.extend(view.named_types().iter().map(|t| format!("{root}\\Generated\\Models\\{}", php::pascal(t))));
    let mut args: Vec<String> = body.iter().map(|b| b.to_string()).collect();
    if !view.config.is_empty() {
        let class = super::kiota::request_configuration(&view.request_builder(), view.verb());
        let namespace: Vec<String> = view.builder_segments().iter().map(|s| php::pascal(s)).collect();
        uses.push(format!("{root}\\Generated\\{}\\{class}", namespace.join("\\")));
        let var = locals.fresh("requestConfiguration");
        let headers = locals.fresh("headers");
        lines.push(format!("${var} = new {class}();"));
        if !view.config.headers.is_empty() {
            lines.push(format!("${headers} = ["));
            for (n, v) in &view.config.headers {
                lines.push(format!("\t{} => {},", php::string(n), php::string(v)));
            }
            lines.push("];".to_owned());
            lines.push(format!("${var}->headers = ${headers};"));
        }
        if !view.config.query.is_empty() {
            let params = locals.fresh("queryParameters");
            lines.push(format!("${params} = {class}::createQueryParameters();"));
            for q in &view.config.query {
                let value = match &q.value {
                    crate::model::QueryValue::List(items) => {
                        format!("[{}]", items.iter().map(|i| php::string(i)).collect::<Vec<_>>().join(", "))
                    }
                    crate::model::QueryValue::Int(n) => n.to_string(),
                    crate::model::QueryValue::Bool(b) => b.to_string(),
                    crate::model::QueryValue::Text(t) => php::string(t),
                };
                lines.push(format!("${params}->{} = {value};", q.option.name()));
            }
            lines.push(format!("${var}->queryParameters = ${params};"));
        }
        args.push(format!("${var}"));
    }
    let arg = args.join(", ");
    let op = match view.action.kind {
        OperationKind::Action => format!("->{}()->post({arg})", php::camel(&view.action.name)),
        OperationKind::Create => format!("->post({arg})"),
        OperationKind::Get | OperationKind::List => format!("->get({arg})"),
        OperationKind::Update => format!("->patch({arg})"),
        OperationKind::Delete => format!("->delete({arg})"),
        OperationKind::Count => format!("->count()->get({arg})"),
        OperationKind::AddReference => format!("->ref()->post({arg})"),
        OperationKind::RemoveReference => format!("->ref()->delete({arg})"),
        OperationKind::SetReference => format!("->ref()->put({arg})"),
        OperationKind::Function => {
            let mut args = Vec::new();
            for (name, v) in view.kiota_arguments() {
                args.push(php::value(&v, name, &mut locals, &mut lines));
            }
            format!("->{}({})->get({arg})", php::camel(&view.function_builder()), args.join(", "))
        }
    };
    let call = view.chain(
        "$graphServiceClient",
        |n| format!("->{}()", php::camel(n)),
        |c, key, v| format!("->{}()->{}({})", php::camel(c), super::kiota::by_key(key, crate::lang::Case::Camel), php::string(v)),
    );
    // Requests return promises; `wait()` sends the request and gives the result.
    fill(&Current { uses, lines, result: view.result.is_some(), call: format!("{call}{op}->wait()") })
}
