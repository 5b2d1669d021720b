//! Java snippets: the legacy request-builder SDK (`…ParameterSet` builders) in the page's
//! layout, and today's Kiota SDK (6.x).

use super::{fill, Body, ExampleView};
use crate::lang::{java, Locals};
use crate::model::{ODataOption, OperationKind, QueryValue, TypeKind, TypeRef};
use askama::Template;

#[derive(Template)]
#[template(path = "java/page/snippet.java")]
struct Page {
    groups: Vec<Vec<String>>,
    result: Option<String>,
    request: String,
    /// `(method, Some(parameter set))` for an action with parameters, `(method, None)` for one
    /// without.
    action: Option<(String, Option<String>)>,
    withs: Vec<(String, String)>,
    /// The request options' variable, when the example sends headers or `$count`/`$search`.
    options: Option<String>,
    /// `.select(…)`, `.top(…)`: the request's query methods.
    fluent: Vec<String>,
    call: String,
}

/// The legacy SDK's type of a result: the model, or the collection's page (a function's
/// own, `UserReminderViewCollectionPage`; a navigation's that refers to entities living
/// elsewhere, `DirectoryObjectCollectionWithReferencesPage`).
fn legacy_result(view: &ExampleView, ty: &TypeRef) -> String {
    let name = match &ty.kind {
        TypeKind::Complex(n) | TypeKind::Enum(n) => java::pascal(n),
        TypeKind::Primitive(_) => java::type_name(&ty.kind),
    };
    if view.action.kind == OperationKind::Count {
        // microsoft-graph-beta 0.x's `count()` request is a `PrimitiveRequest<Long>`.
        return "Long".to_owned();
    }
    match (ty.collection, view.is_function()) {
        (true, true) => format!("{}{}CollectionPage", java::pascal(&view.action.bound_to), java::pascal(&view.action.name)),
        (true, false) if view.action.paths[view.example.request.path_index].references => format!("{name}CollectionWithReferencesPage"),
        (true, false) => format!("{name}CollectionPage"),
        (false, _) => name,
    }
}

/// Today's SDK's package of the operation's request builder: its path's segments in lower
/// case, a keyword (`switch`) with the `Escaped` suffix
/// (`com.microsoft.graph.beta.communications.calls.item.reject`).
fn builder_package(view: &ExampleView, root: &str) -> String {
    let package: Vec<String> = view
        .builder_segments()
        .iter()
        .map(|s| java::escape(crate::lang::ident(s, crate::lang::Case::Snake, "n").replace('_', "").to_lowercase()))
        .collect();
    format!("{root}.{}", package.join("."))
}

pub fn page(view: &ExampleView) -> String {
    let mut locals = Locals::with(&["graphClient", "authProvider", "result"]);
    let mut groups = Vec::new();
    let mut withs = Vec::new();
    // microsoft-graph 5.80.0 writes an enum argument as its Java constant, unquoted
    // (`filterByCurrentUser(on=TARGET)`), which Graph refuses (`tests/sdk_matrix.rs` saw it):
    // such a call goes through the client's `customRequest` with the path as documented.
    let enum_argument =
        view.is_function() && view.example.request.arguments.iter().any(|(_, v)| matches!(v, crate::model::TypedValue::Enum { .. }));
    // Nor has it a request builder for a complex property (`/me/mailboxSettings`: the
    // user's `mailboxSettings()` does not exist), whose get or update goes by its path too.
    let complex_property = view.model.complex_type("entity").is_some()
        && !view.model.is_entity(&view.action.bound_to)
        && matches!(view.action.kind, OperationKind::Get | OperationKind::Update);
    let custom = enum_argument || complex_property;
    if enum_argument {
        groups.push(vec![
            "// This SDK writes an enum argument as its Java constant, which Graph refuses: the call goes by its path.".to_owned()
        ]);
    }
    for p in view.params.iter().filter(|_| !custom) {
        let setter = java::with_method(&p.param.name);
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
    let mut entity = String::new();
    if let Body::Entity(v) = &view.body {
        let mut stmts = Vec::new();
        entity = java::value(v, &view.action.bound_to, &mut locals, &mut stmts);
        groups.push(stmts);
    }
    // 5.x takes the referenced object, and writes `{serviceRoot}/directoryObjects/{id}` itself.
    if let Body::Reference(_) = &view.body {
        entity = locals.fresh("directoryObject");
        groups.push(vec![
            format!("DirectoryObject {entity} = new DirectoryObject();"),
            format!("{entity}.id = {};", java::string(&view.reference_id())),
        ]);
    }
    // 5.x has a request method per option but `$count` and `$search`, which are
    // `QueryOption`s beside the headers' `HeaderOption`s, as an operation's own parameters are.
    // A count's `PrimitiveRequest<Long>` has no query methods: every option is listed.
    let count = view.action.kind == OperationKind::Count || custom;
    let (listed, fluent): (Vec<_>, Vec<_>) =
        view.config.query.iter().partition(|q| count || matches!(q.option.odata(), Some(ODataOption::Count | ODataOption::Search) | None));
    let fluent: Vec<String> = fluent
        .iter()
        .map(|q| match (&q.value, q.option.odata()) {
            (QueryValue::Int(n), _) => format!("{}({n})", q.option.name()),
            (v, Some(ODataOption::OrderBy)) => format!("orderBy({})", java::string(&v.text())),
            (v, _) => format!("{}({})", q.option.name(), java::string(&v.text())),
        })
        .collect();
    let options = (!view.config.headers.is_empty() || !listed.is_empty()).then(|| {
        let name = locals.fresh("requestOptions");
        let mut stmts = vec![format!("LinkedList<Option> {name} = new LinkedList<Option>();")];
        for (n, v) in &view.config.headers {
            stmts.push(format!("{name}.add(new HeaderOption({}, {}));", java::string(n), java::string(v)));
        }
        for q in &listed {
            stmts.push(format!("{name}.add(new QueryOption({}, {}));", java::string(&q.option.wire()), java::string(&q.value.text())));
        }
        groups.push(stmts);
        name
    });
    let request =
        view.chain("graphClient", |n| format!(".{}()", java::builder(n)), |c, _, v| format!(".{}({})", java::builder(c), java::string(v)));
    // `$count` is the collection's `count()` request builder.
    let special = match view.action.kind {
        OperationKind::Count => Some(("count".to_owned(), None)),
        // A collection's references are `references()`, one entity's `reference()`.
        OperationKind::AddReference => Some(("references".to_owned(), None)),
        OperationKind::RemoveReference | OperationKind::SetReference => Some(("reference".to_owned(), None)),
        _ => None,
    };
    let action = special.or_else(|| {
        view.action_segment().map(|a| {
            let set = (!view.params.is_empty())
                .then(|| format!("{}{}ParameterSet", java::pascal(&view.action.bound_to), java::pascal(&view.action.name)));
            (java::camel(a), set)
        })
    });
    let call = match view.action.kind {
        OperationKind::Action => "post()".to_owned(),
        OperationKind::Create | OperationKind::AddReference => format!("post({entity})"),
        OperationKind::Get | OperationKind::List | OperationKind::Function | OperationKind::Count => "get()".to_owned(),
        OperationKind::Update => format!("patch({entity})"),
        OperationKind::Delete | OperationKind::RemoveReference => "delete()".to_owned(),
        OperationKind::SetReference => format!("put({entity})"),
    };
    let mut result = view.result.map(|ty| legacy_result(view, ty));
    let (request, action) = if custom {
        // A collection comes back as the function's `…CollectionResponse`, a page's body.
        let class = match view.result {
            // A complex property's request reads and writes the property's type.
            _ if complex_property => java::pascal(&view.action.bound_to),
            Some(ty) if ty.collection => {
                format!("{}{}CollectionResponse", java::pascal(&view.action.bound_to), java::pascal(&view.action.name))
            }
            Some(_) => result.clone().unwrap_or_default(),
            None => "Void".to_owned(),
        };
        result = view.result.map(|_| class.clone());
        (format!("graphClient.customRequest({}, {class}.class)", java::string(&view.wire_path)), None)
    } else {
        (request, action)
    };
    fill(&Page { groups, result, request, action, withs, options, fluent, call })
}

#[derive(Template)]
#[template(path = "java/current/snippet.java")]
struct Current {
    body: Option<(String, String)>,
    lines: Vec<String>,
    result: Option<String>,
    call: String,
}

/// Today's SDK (`microsoft-graph-beta` 6.x): a fully qualified `…PostRequestBody` (or a
/// model) with setters, then `byCallId(…)` and the operation.
pub fn current(view: &ExampleView) -> String {
    let root = match view.model.api.sdk_suffix() {
        None => "com.microsoft.graph".to_owned(),
        Some(v) => format!("com.microsoft.graph.{}", v.to_lowercase()),
    };
    let mut locals = Locals::with(&["graphClient", "requestAdapter", "result"]);
    let mut lines = Vec::new();
    let mut body = None;
    let mut arg = String::new();
    match &view.body {
        Body::None => {}
        Body::Parameters => {
            let class = format!("{}.{}", builder_package(view, &root), super::kiota::request_body_class(&view.action.name));
            let var = locals.fresh(&format!("{}PostRequestBody", crate::lang::ident(&view.action.name, crate::lang::Case::Camel, "n")));
            for (name, v) in view.set_params() {
                let e = java::value_for(java::Sdk::Kiota, &v, &name, &mut locals, &mut lines);
                lines.push(format!("{var}.{}({e});", java::setter(&name)));
            }
            body = Some((class, var.clone()));
            arg = var;
        }
        Body::Entity(v) => arg = java::value_for(java::Sdk::Kiota, v, &view.action.bound_to, &mut locals, &mut lines),
        Body::Reference(url) => {
            let class = view.reference_class();
            let var = locals.fresh(&crate::lang::ident(class, crate::lang::Case::Camel, "n"));
            lines.push(format!("{var}.setOdataId({});", java::string(url)));
            body = Some((format!("{root}.models.{class}"), var.clone()));
            arg = var;
        }
    }
    if !view.config.is_empty() {
        let sets = view.config.query.iter().map(|q| {
            let value = match &q.value {
                QueryValue::List(items) => {
                    format!("new String []{{{}}}", items.iter().map(|i| java::string(i)).collect::<Vec<_>>().join(", "))
                }
                QueryValue::Int(n) => n.to_string(),
                QueryValue::Bool(b) => b.to_string(),
                QueryValue::Text(t) => java::string(t),
            };
            format!("\trequestConfiguration.queryParameters.{} = {value};\n", q.option.name())
        });
        let adds = view
            .config
            .headers
            .iter()
            .map(|(n, v)| format!("\trequestConfiguration.headers.add({}, {});\n", java::string(n), java::string(v)));
        let lambda = format!("requestConfiguration -> {{\n{}}}", sets.chain(adds).collect::<String>());
        arg = if arg.is_empty() { lambda } else { format!("{arg}, {lambda}") };
    }
    let op = match view.action.kind {
        OperationKind::Action => format!(".{}().post({arg})", java::camel(&view.action.name)),
        OperationKind::Create => format!(".post({arg})"),
        OperationKind::Get | OperationKind::List => format!(".get({arg})"),
        OperationKind::Update => format!(".patch({arg})"),
        OperationKind::Delete => format!(".delete({arg})"),
        OperationKind::Count => format!(".count().get({arg})"),
        OperationKind::AddReference => format!(".ref().post({arg})"),
        OperationKind::RemoveReference => format!(".ref().delete({arg})"),
        OperationKind::SetReference => format!(".ref().put({arg})"),
        OperationKind::Function => {
            let mut args = Vec::new();
            for (name, v) in view.kiota_arguments() {
                args.push(java::value_for(java::Sdk::Kiota, &v, name, &mut locals, &mut lines));
            }
            format!(".{}({}).get({arg})", java::camel(&view.function_builder()), args.join(", "))
        }
    };
    let call = view.chain(
        "graphClient",
        |n| format!(".{}()", java::builder(n)),
        |c, key, v| format!(".{}().{}({})", java::builder(c), super::kiota::by_key(key, crate::lang::Case::Camel), java::string(v)),
    );
    let result = view.result.map(|ty| {
        let name = java::type_name(&ty.kind);
        if let Some(response) = view.function_response() {
            format!("{}.{response}", builder_package(view, &root))
        } else if ty.collection {
            format!("{name}CollectionResponse")
        } else {
            name
        }
    });
    fill(&Current { body, lines, result, call: format!("{call}{op}") })
}
