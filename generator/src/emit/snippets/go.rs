//! Go snippets: msgraph-beta-sdk-go, valid Go in the page's layout and in today's docs' layout.

use super::{fill, Body, ExampleView, PathPart};
use crate::lang::{go, Case, Locals};
use crate::model::OperationKind;
use askama::Template;

/// The body's statements: `requestBody := …` then its setters (parameters), or the
/// model's construction (an entity, whose variable is returned).
fn body_lines(view: &ExampleView, constructor: &str, locals: &mut Locals, lines: &mut Vec<String>) -> Option<String> {
    match &view.body {
        Body::None => None,
        Body::Parameters => {
            lines.push(format!("requestBody := {constructor}"));
            for (name, v) in view.set_params() {
                let arg = go::value(&v, "graphmodels", locals, lines).into_arg(&name, locals, lines);
                lines.push(format!("requestBody.{}({arg})", go::setter(&name)));
            }
            Some("requestBody".to_owned())
        }
        Body::Entity(v) => match go::value(v, "graphmodels", locals, lines) {
            go::Arg::Direct(e) | go::Arg::Pointer(e) => Some(e),
        },
        // `graphmodels.NewReferenceCreate()` (or `…Update`) and its `@odata.id`, a pointer.
        Body::Reference(url) => {
            lines.push(format!("requestBody := graphmodels.New{}()", view.reference_class()));
            let var = locals.fresh("odataId");
            lines.push(format!("{var} := {}", go::string(url)));
            lines.push(format!("requestBody.SetOdataId(&{var})"));
            Some("requestBody".to_owned())
        }
    }
}

/// The request configuration's statements (`headers := abstractions.NewRequestHeaders()`,
/// then the builder package's `…RequestConfiguration` holding them), and its variable;
/// `None` when there is nothing to configure, where the SDK takes `nil`.
fn config_lines(view: &ExampleView, package: &str, locals: &mut Locals, lines: &mut Vec<String>) -> Option<String> {
    if view.config.is_empty() {
        return None;
    }
    if !lines.is_empty() {
        lines.push(String::new());
    }
    let mut fields = Vec::new();
    if !view.config.headers.is_empty() {
        let headers = locals.fresh("headers");
        lines.push(format!("{headers} := abstractions.NewRequestHeaders()"));
        for (n, v) in &view.config.headers {
            lines.push(format!("{headers}.Add({}, {})", go::string(n), go::string(v)));
        }
        lines.push(String::new());
        fields.push(format!("Headers: {headers},"));
    }
    let segments = view.builder_segments();
    if !view.config.query.is_empty() {
        // Scalars are pointers in the struct: each gets a variable first.
        let mut members = Vec::new();
        for q in &view.config.query {
            let field = go::pascal(q.option.name());
            let value = match &q.value {
                crate::model::QueryValue::List(items) => {
                    format!("[] string {{{}}}", items.iter().map(|i| go::string(i)).collect::<Vec<_>>().join(","))
                }
                scalar => {
                    let literal = match scalar {
                        crate::model::QueryValue::Int(n) => format!("int32({n})"),
                        crate::model::QueryValue::Bool(b) => b.to_string(),
                        other => go::string(&other.text()),
                    };
                    let var = locals.fresh(&format!("request{field}"));
                    lines.push(format!("{var} := {literal}"));
                    format!("&{var}")
                }
            };
            members.push(format!("\t{field}: {value},"));
        }
        let params = locals.fresh("requestParameters");
        let class = super::kiota::query_parameters(&view.request_builder(), view.verb());
        lines.push(format!("{params} := &{package}.{}{{", super::kiota::go_flat(&segments, &class)));
        lines.extend(members);
        lines.push("}".to_owned());
        lines.push(String::new());
        fields.push(format!("QueryParameters: {params},"));
    }
    let class = super::kiota::request_configuration(&view.request_builder(), view.verb());
    let var = locals.fresh("configuration");
    lines.push(format!("{var} := &{package}.{}{{", super::kiota::go_flat(&segments, &class)));
    lines.extend(fields.into_iter().map(|f| format!("\t{f}")));
    lines.push("}".to_owned());
    Some(var)
}

/// A function's builder and its arguments, `.ReminderViewWithStartDateTimeWithEndDateTime(&endDateTime, &startDateTime)`:
/// each argument a pointer, so a variable first (Kiota's order, see
/// [`ExampleView::kiota_arguments`]).
fn function_builder(view: &ExampleView, locals: &mut Locals, lines: &mut Vec<String>) -> String {
    let mut args = Vec::new();
    for (name, v) in view.kiota_arguments() {
        args.push(go::value(&v, "graphmodels", locals, lines).into_arg(name, locals, lines));
    }
    format!(".{}({})", go::pascal(&view.function_builder()), args.join(", "))
}

/// `.Reject().Post(context.Background(), requestBody, nil)` and the other operations; a
/// function's call after its builder (`function`, from [`function_builder`]). `page`: the
/// page's SDK generation, whose function calls are `Get`.
fn operation(view: &ExampleView, body: Option<&str>, config: Option<&str>, function: &str, page: bool) -> String {
    let body = body.map(|b| format!("{b}, ")).unwrap_or_default();
    let config = config.unwrap_or("nil");
    match view.action.kind {
        OperationKind::Action => format!(".{}().Post(context.Background(), {body}{config})", go::pascal(&view.action.name)),
        OperationKind::Create => format!(".Post(context.Background(), {body}{config})"),
        OperationKind::Get | OperationKind::List => format!(".Get(context.Background(), {config})"),
        OperationKind::Update => format!(".Patch(context.Background(), {body}{config})"),
        OperationKind::Delete => format!(".Delete(context.Background(), {config})"),
        OperationKind::Count => format!(".Count().Get(context.Background(), {config})"),
        OperationKind::AddReference => format!(".Ref().Post(context.Background(), {body}{config})"),
        OperationKind::RemoveReference => format!(".Ref().Delete(context.Background(), {config})"),
        OperationKind::SetReference => format!(".Ref().Put(context.Background(), {body}{config})"),
        OperationKind::Function => match view.function_response().filter(|_| !page) {
            Some(response) => format!("{function}.GetAs{response}(context.Background(), {config})"),
            None => format!("{function}.Get(context.Background(), {config})"),
        },
    }
}

#[derive(Template)]
#[template(path = "go/page/snippet.go")]
struct Page {
    body_lines: Vec<String>,
    path_vars: Vec<(String, String)>,
    result: bool,
    call: String,
}

pub fn page(view: &ExampleView) -> String {
    let package = format!("graph{}", view.builder_segments().first().map(|l| go::pascal(l).to_lowercase()).unwrap_or_default());
    let mut locals = Locals::with(&[
        "graphClient",
        "requestAdapter",
        "requestBody",
        "msgraphsdk",
        "graphmodels",
        "abstractions",
        "result",
        "err",
        &package,
    ]);
    let mut lines = Vec::new();
    let body =
        body_lines(view, &format!("{package}.New{}()", super::kiota::request_body_class(&view.action.name)), &mut locals, &mut lines);
    let config = config_lines(view, &package, &mut locals, &mut lines);
    let function = if view.is_function() { function_builder(view, &mut locals, &mut lines) } else { String::new() };
    let mut path_vars = Vec::new();
    let mut call = String::from("graphClient");
    for part in &view.path {
        match part {
            PathPart::Nav(n) => call.push_str(&format!(".{}()", go::pascal(n))),
            PathPart::Item { collection, key, .. } => {
                let var = locals.fresh(&go::local(&super::kiota::key_word(key)));
                path_vars.push((var.clone(), go::string(key)));
                call.push_str(&format!(".{}ById({var})", go::pascal(collection)));
            }
        }
    }
    call.push_str(&operation(view, body.as_deref(), config.as_deref(), &function, true));
    fill(&Page { body_lines: lines, path_vars, result: view.result.is_some(), call })
}

#[derive(Template)]
#[template(path = "go/current/snippet.go")]
struct Current {
    module: String,
    /// The SDK module's major version, as Microsoft's includes name it: `msgraph-sdk-go`
    /// is at v1, `msgraph-beta-sdk-go` at v0.
    major: &'static str,
    builder: Option<(String, String)>,
    uses_models: bool,
    /// Packages the body's Guid, date-time and duration values are built with.
    text_imports: Vec<&'static str>,
    body_lines: Vec<String>,
    /// Whether the request configuration's headers need `kiota-abstractions-go`.
    abstractions: bool,
    result: bool,
    call: String,
}

/// Today's SDK (msgraph-beta-sdk-go): the docs' import block, the body from the
/// request-builder package, then the fluent call; a result is checked and used, so the
/// snippet compiles as printed.
pub fn current(view: &ExampleView) -> String {
    let module = match view.model.api.sdk_suffix() {
        None => "github.com/microsoftgraph/msgraph-sdk-go".to_owned(),
        Some(v) => format!("github.com/microsoftgraph/msgraph-{}-sdk-go", v.to_lowercase()),
    };
    let segments = view.builder_segments();
    let builder_package = go::pascal(&segments[0]).to_lowercase();
    let builder_alias = format!("graph{builder_package}");
    let constructor = format!("{builder_alias}.New{}PostRequestBody()", segments[1..].iter().map(|s| go::pascal(s)).collect::<String>());
    let mut locals = Locals::with(&[
        "graphClient",
        "requestBody",
        "msgraphsdk",
        "graphmodels",
        "abstractions",
        "context",
        "log",
        "result",
        "err",
        &builder_alias,
    ]);
    let mut lines = Vec::new();
    let body = body_lines(view, &constructor, &mut locals, &mut lines);
    let config = config_lines(view, &builder_alias, &mut locals, &mut lines);
    let function = if view.is_function() { function_builder(view, &mut locals, &mut lines) } else { String::new() };
    let builder = (matches!(view.body, Body::Parameters) || config.is_some()).then_some((builder_alias, builder_package));
    let call = view.chain(
        "graphClient",
        |n| format!(".{}()", go::pascal(n)),
        |c, key, v| format!(".{}().{}({})", go::pascal(c), super::kiota::by_key(key, Case::Pascal), go::string(v)),
    );
    fill(&Current {
        module,
        major: if view.model.api.sdk_suffix().is_none() { "v1" } else { "v0" },
        builder,
        uses_models: !view.named_types().is_empty() || matches!(view.body, Body::Reference(_)),
        text_imports: go::TEXT_IMPORTS.iter().filter(|(p, _)| view.body_has_text(*p)).map(|(_, i)| *i).collect(),
        body_lines: lines,
        result: view.result.is_some(),
        abstractions: !view.config.headers.is_empty(),
        call: format!("{call}{}", operation(view, body.as_deref(), config.as_deref(), &function, false)),
    })
}
