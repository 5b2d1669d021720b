//! C# snippets: the request-builder SDK (`Microsoft.Graph.Beta` 0.x–4.x) in the page's layout,
//! and today's Kiota SDK (5.x).

use super::{fill, Body, ExampleView};
use crate::lang::{csharp, Locals};
use crate::model::{ODataOption, OperationKind, QueryValue};

/// A query option's value as a C# literal: a list as `new string []{ … }`.
fn query_literal(v: &QueryValue) -> String {
    match v {
        QueryValue::List(items) => format!("new string []{{ {} }}", items.iter().map(|i| csharp::string(i)).collect::<Vec<_>>().join(",")),
        QueryValue::Int(n) => n.to_string(),
        QueryValue::Bool(b) => b.to_string(),
        QueryValue::Text(t) => csharp::string(t),
    }
}
use askama::Template;

#[derive(Template)]
#[template(path = "csharp/page/snippet.cs")]
struct Page {
    vars: Vec<(String, String)>,
    result: bool,
    request: String,
    method: String,
    /// What `Request(…)` takes: the query options v4 has no method for.
    request_args: String,
    /// `.Header(…)` arguments, escaped.
    headers: Vec<(String, String)>,
    /// `.Select(…)`, `.Top(…)`: the request's query methods.
    fluent: Vec<String>,
    call: String,
}

pub fn page(view: &ExampleView) -> String {
    let mut locals = Locals::with(&["graphClient", "authProvider", "result"]);
    let mut vars = Vec::new();
    let mut args = Vec::new();
    for p in &view.params {
        match &p.value {
            Some(v) => {
                let name = locals.fresh(&csharp::local(&p.param.name));
                vars.push((name.clone(), csharp::value_for(csharp::Sdk::V4, v, 0)));
                args.push(name);
            }
            None => args.push("null".to_owned()),
        }
    }
    if let Body::Entity(v) = &view.body {
        let name = locals.fresh(&csharp::local(&view.action.bound_to));
        vars.push((name.clone(), csharp::value_for(csharp::Sdk::V4, v, 0)));
        args.push(name);
    }
    // v4 takes the referenced object (to add) or its id (to set), and writes
    // `{BaseUrl}/directoryObjects/{id}` itself.
    if let Body::Reference(_) = &view.body {
        let id = csharp::string(&view.reference_id());
        if view.action.kind == OperationKind::SetReference {
            let name = locals.fresh("id");
            vars.push((name.clone(), id));
            args.push(name);
        } else {
            let name = locals.fresh("directoryObject");
            vars.push((name.clone(), format!("new DirectoryObject\n{{\n\tId = {id}\n}}")));
            args.push(name);
        }
    }
    let request = view.chain(
        "graphClient",
        |n| format!(".{}", csharp::pascal(n)),
        |c, key, _| format!(".{}[{}]", csharp::pascal(c), csharp::string(&format!("{{{key}}}"))),
    );
    let method = match view.action_segment() {
        Some(a) => format!(".{}({})", csharp::pascal(a), args.join(",")),
        // `$count` is the collection's `Count` request builder.
        None if view.action.kind == OperationKind::Count => ".Count".to_owned(),
        // A collection's references are `References`, one entity's `Reference`.
        None if view.action.kind == OperationKind::AddReference => ".References".to_owned(),
        None if view.is_reference() => ".Reference".to_owned(),
        None => String::new(),
    };
    let call = match view.action.kind {
        OperationKind::Action | OperationKind::Create => {
            format!("PostAsync({})", if view.action.kind == OperationKind::Create { &args[0] } else { "" })
        }
        // v4's function builders take the arguments in the function's order (`method` above).
        OperationKind::Get | OperationKind::List | OperationKind::Function | OperationKind::Count => "GetAsync()".to_owned(),
        OperationKind::Update => format!("UpdateAsync({})", args.first().map_or("", String::as_str)),
        OperationKind::Delete | OperationKind::RemoveReference => "DeleteAsync()".to_owned(),
        OperationKind::AddReference => format!("AddAsync({})", args[0]),
        OperationKind::SetReference => format!("PutAsync({})", args[0]),
    };
    let headers = view.config.headers.iter().map(|(n, v)| (csharp::string(n), csharp::string(v))).collect();
    // v4 has a request method per option but `$count` and `$search`, which go in as
    // `QueryOption`s given to `Request(…)`, as an operation's own parameters do.
    let mut fluent = Vec::new();
    let mut options = Vec::new();
    for q in &view.config.query {
        let text = csharp::string(&q.value.text());
        match (q.option.odata(), &q.value) {
            (Some(ODataOption::Count | ODataOption::Search) | None, _) => {
                options.push(format!("\tnew QueryOption({}, {text})", csharp::string(&q.option.wire())))
            }
            (Some(ODataOption::OrderBy), _) => fluent.push(format!("OrderBy({text})")),
            (_, QueryValue::Int(n)) => fluent.push(format!("{}({n})", csharp::pascal(q.option.name()))),
            _ => fluent.push(format!("{}({text})", csharp::pascal(q.option.name()))),
        }
    }
    let request_args = if options.is_empty() {
        String::new()
    } else {
        let name = locals.fresh("queryOptions");
        vars.push((name.clone(), format!("new List<QueryOption>()\n{{\n{}\n}}", options.join(",\n"))));
        format!(" {name} ")
    };
    fill(&Page { vars, result: view.result.is_some(), request, method, request_args, headers, fluent, call })
}

#[derive(Template)]
#[template(path = "csharp/current/snippet.cs")]
struct Current {
    usings: Vec<String>,
    body: Option<String>,
    result: bool,
    call: String,
}

/// Today's SDK (`Microsoft.Graph.Beta` 5.x): a `…PostRequestBody` (or model) initializer,
/// then the fluent call with the example's ids.
pub fn current(view: &ExampleView) -> String {
    let ns = csharp::sdk_namespace(&view.model.api.version);
    let mut usings = Vec::new();
    let body = match &view.body {
        Body::None => None,
        Body::Parameters => {
            let builder: Vec<String> = view.builder_segments().iter().map(|s| csharp::pascal(s)).collect();
            usings.push(format!("{ns}.{}", builder.join(".")));
            let set = view.set_params();
            let names = csharp::member_names(&set);
            let members: String = set.iter().zip(names).map(|((_, v), n)| format!("    {n} = {},\n", csharp::value(v, 1))).collect();
            Some(format!("new {}\n{{\n{members}}}", super::kiota::request_body_class(&view.action.name)))
        }
        Body::Entity(v) => Some(csharp::value(v, 0)),
        Body::Reference(url) => Some(format!("new {}\n{{\n    OdataId = {},\n}}", view.reference_class(), csharp::string(url))),
    };
    if !view.named_types().is_empty() || matches!(view.body, Body::Reference(_)) {
        usings.push(format!("{ns}.Models"));
    }
    let mut args: Vec<String> = body.iter().map(|_| "requestBody".to_owned()).collect();
    if !view.config.is_empty() {
        let sets = view.config.query.iter().map(|q| {
            format!("\trequestConfiguration.QueryParameters.{} = {};\n", csharp::pascal(q.option.name()), query_literal(&q.value))
        });
        let adds = view
            .config
            .headers
            .iter()
            .map(|(n, v)| format!("\trequestConfiguration.Headers.Add({}, {});\n", csharp::string(n), csharp::string(v)));
        args.push(format!("(requestConfiguration) =>\n{{\n{}}}", sets.chain(adds).collect::<String>()));
    }
    let arg = args.join(", ");
    let op = match view.action.kind {
        OperationKind::Action => format!(".{}.PostAsync({arg})", csharp::pascal(&view.action.name)),
        OperationKind::Create => format!(".PostAsync({arg})"),
        OperationKind::Get | OperationKind::List => format!(".GetAsync({arg})"),
        OperationKind::Update => format!(".PatchAsync({arg})"),
        OperationKind::Delete => format!(".DeleteAsync({arg})"),
        OperationKind::Count => format!(".Count.GetAsync({arg})"),
        OperationKind::AddReference => format!(".Ref.PostAsync({arg})"),
        OperationKind::RemoveReference => format!(".Ref.DeleteAsync({arg})"),
        OperationKind::SetReference => format!(".Ref.PutAsync({arg})"),
        OperationKind::Function => {
            let builder = csharp::pascal(&view.function_builder());
            let args: Vec<String> = view.kiota_arguments().iter().map(|(_, v)| csharp::value(v, 0)).collect();
            // A collection comes back in the function's own page type, `GetAs…GetResponseAsync`.
            let get = view.function_response().map_or("GetAsync".to_owned(), |r| format!("GetAs{r}Async"));
            if view.action.parameters.is_empty() {
                format!(".{builder}.{get}({arg})")
            } else {
                format!(".{builder}({}).{get}({arg})", args.join(", "))
            }
        }
    };
    let call = view.chain(
        "graphClient",
        |n| format!(".{}", csharp::pascal(n)),
        |c, _, v| format!(".{}[{}]", csharp::pascal(c), csharp::string(v)),
    );
    fill(&Current { usings, body, result: view.result.is_some(), call: format!("{call}{op}") })
}
