//! Code snippets for every example, one file per example, language and style, rendered
//! from askama templates; the values in them are typed and escaped here, in Rust.

mod cli;
mod csharp;
mod go;
mod http;
mod java;
mod javascript;
pub mod kiota;
mod objc;
mod php;
mod powershell;
mod python;

use crate::layout::FileKind;
pub use crate::model::TypedValue;
use crate::model::*;
use crate::output::{header, Sink};
use crate::target::{Language, Style};

/// One step of a request builder chain, from the path's segments.
#[derive(Debug, Clone, PartialEq)]
pub enum PathPart {
    /// `communications`: a navigation with no id.
    Nav(String),
    /// `calls/{id}`: a collection, then an item of it. `item` names one of its items as
    /// Graph's key does (`call`, see [`kiota::item`]), `key` is that key (`call-id`,
    /// `mailFolder-id1`, see [`kiota::key`]); `value` is the example's raw id, or
    /// a placeholder as docs print it (`{call-id}`, see [`is_placeholder`]).
    Item { collection: String, item: String, key: String, param: String, value: String },
}

/// A body parameter of the action and the example's value for it, if any.
#[derive(Debug, Clone)]
pub struct ParamView<'a> {
    pub param: &'a Property,
    pub value: Option<TypedValue>,
}

/// What a snippet sends as its body.
#[derive(Debug, Clone)]
pub enum Body {
    /// Nothing: no body on the wire, and the SDK's no-body call.
    None,
    /// The action's parameters: the SDKs' `…PostRequestBody` class.
    Parameters,
    /// An entity (create, update): a model class, typed in the value.
    Entity(TypedValue),
    /// The `@odata.id` URL a navigation is to refer to: today's SDKs' `ReferenceCreate`
    /// (add) or `ReferenceUpdate` (set), the older ones' entity with its id.
    Reference(String),
}

/// What a request carries besides its path and body, which each SDK sets through its
/// request configuration (`requestConfiguration.Headers.Add(…)`,
/// `requestConfiguration.QueryParameters.Top = 5`, Go's
/// `…RequestBuilderGetRequestConfiguration`, JavaScript's `.header(…)` and `.top(…)`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestConfig {
    /// The example's request headers, as written.
    pub headers: Vec<(String, String)>,
    /// The example's OData query options, typed, as written.
    pub query: Vec<QueryOption>,
}

impl RequestConfig {
    /// Whether there is nothing to configure: the SDKs' call without a configuration.
    pub fn is_empty(&self) -> bool {
        self.headers.is_empty() && self.query.is_empty()
    }
}

thread_local! {
    /// How many views this thread has built: a view types the example's values, which a
    /// run must do once per example (see `Codes`), and a test holds it to that.
    static VIEWS_BUILT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many [`ExampleView`]s this thread has built so far.
pub fn views_built() -> usize {
    VIEWS_BUILT.with(|n| n.get())
}

/// The language-neutral snippet model of one example, computed once: the request chain
/// (navigation and ids), the operation, the typed body and what comes back. Every
/// language renders this; none walks the path or re-types the JSON itself.
#[derive(Clone)]
pub struct ExampleView<'a> {
    pub model: &'a Model,
    pub action: &'a Action,
    pub example: &'a Example,
    /// Every parameter of the action with the example's value (the page-style SDKs take
    /// them positionally, unset ones as `null`).
    pub params: Vec<ParamView<'a>>,
    pub body: Body,
    /// The builder chain up to the resource the operation acts on.
    pub path: Vec<PathPart>,
    /// The literal segments of `path` (`communications`, `calls`).
    pub literals: Vec<String>,
    /// What the operation returns, if anything.
    pub result: Option<&'a TypeRef>,
    /// The request path with values percent-encoded, as sent.
    pub wire_path: String,
    /// The same path as the HTTP example prints it (see [`crate::model::Example::display_path`]).
    pub display_path: String,
    /// Headers (and, to come, query options) set through the request configuration.
    pub config: RequestConfig,
}

impl<'a> ExampleView<'a> {
    pub fn new(model: &'a Model, action: &'a Action, example: &'a Example) -> Self {
        VIEWS_BUILT.with(|n| n.set(n.get() + 1));
        // Typed once, by validation: the view only reads the typed body.
        let (params, body) = match &example.request.typed {
            // A function's parameters are its arguments, in the path: the page-style SDKs
            // take them positionally too (`.ReminderView(startDateTime, endDateTime)`), and
            // put text between the quotes as it is, as Kiota's do (see `kiota::literal_inside`:
            // microsoft-graph-beta 0.x sent `'O'Neil'` for `O'Neil`).
            TypedBody::None if action.kind == OperationKind::Function => {
                let argument =
                    |p: &Property| example.request.arguments.iter().find(|(n, _)| *n == p.name).map(|(_, v)| kiota::literal_inside(v));
                (action.parameters.iter().map(|p| ParamView { param: p, value: argument(p) }).collect(), Body::None)
            }
            TypedBody::None => (action.parameters.iter().map(|p| ParamView { param: p, value: None }).collect(), Body::None),
            TypedBody::Parameters(values) => {
                let params = action.parameters.iter().zip(values).map(|(p, v)| ParamView { param: p, value: v.clone() }).collect();
                (params, Body::Parameters)
            }
            TypedBody::Entity(v) => {
                (action.parameters.iter().map(|p| ParamView { param: p, value: None }).collect(), Body::Entity(v.clone()))
            }
            TypedBody::Reference(url) => (Vec::new(), Body::Reference(url.clone())),
        };
        let segs = action.navigation(&action.paths[example.request.path_index]);
        let mut path = Vec::new();
        let mut i = 0;
        while i < segs.len() {
            match (&segs[i], segs.get(i + 1)) {
                (Segment::Literal(l), Some(Segment::Param(p))) => {
                    let value = example.path_value(p).unwrap_or_default().to_owned();
                    let item = kiota::item(l, p);
                    let key = kiota::key(&item, p);
                    path.push(PathPart::Item { collection: l.clone(), item, key, param: p.clone(), value });
                    i += 2;
                }
                (Segment::Literal(l), _) => {
                    path.push(PathPart::Nav(l.clone()));
                    i += 1;
                }
                (Segment::Param(p), _) => {
                    // A placeholder right after another: an unnamed collection.
                    let value = example.path_value(p).unwrap_or_default().to_owned();
                    let key = kiota::key(p, p);
                    path.push(PathPart::Item { collection: p.clone(), item: p.clone(), key, param: p.clone(), value });
                    i += 1;
                }
            }
        }
        let literals = segs
            .iter()
            .filter_map(|s| match s {
                Segment::Literal(l) => Some(l.clone()),
                Segment::Param(_) => None,
            })
            .collect();
        ExampleView {
            model,
            action,
            example,
            params,
            body,
            path,
            literals,
            result: action.response.body.as_ref(),
            wire_path: example.wire_path(action),
            display_path: example.display_path(action),
            config: RequestConfig { headers: example.request.headers.clone(), query: example.request.query.clone() },
        }
    }

    /// The request chain in one language's spelling: `nav` for a navigation, `item` for a
    /// collection, the key of its items (`mailFolder-id1`) and the id (raw, or a
    /// placeholder) of one of them.
    pub fn chain(&self, root: &str, nav: impl Fn(&str) -> String, item: impl Fn(&str, &str, &str) -> String) -> String {
        let mut out = root.to_owned();
        for part in &self.path {
            match part {
                PathPart::Nav(n) => out.push_str(&nav(n)),
                PathPart::Item { collection, key, value, .. } => out.push_str(&item(collection, key, value)),
            }
        }
        out
    }

    /// This view with every id as the docs repository's placeholder (`{call-id}`), for
    /// include files: the values are not typed again, only the ids swapped.
    pub fn with_placeholders(&self) -> ExampleView<'a> {
        let placeholders = with_placeholders(self.action, self.example);
        let mut view = self.clone();
        for part in &mut view.path {
            if let PathPart::Item { param, value, .. } = part {
                *value = placeholders.path_value(param).unwrap_or_default().to_owned();
            }
        }
        view.wire_path = placeholders.wire_path(self.action);
        view.display_path = placeholders.display_path(self.action);
        view
    }

    /// Members the body sets, in written order: the parameters the example gives, the
    /// entity's members, or a reference's `@odata.id`.
    pub fn set_params(&self) -> Vec<(String, TypedValue)> {
        match &self.body {
            Body::None => Vec::new(),
            Body::Parameters => self.params.iter().filter_map(|p| p.value.as_ref().map(|v| (p.param.name.clone(), v.clone()))).collect(),
            Body::Entity(TypedValue::Object { members, .. }) => members.clone(),
            Body::Entity(_) => Vec::new(),
            Body::Reference(url) => vec![(crate::model::REFERENCE_MEMBER.to_owned(), TypedValue::String(url.clone()))],
        }
    }

    /// Whether the operation writes a reference (OData's `$ref` segment), which today's SDKs
    /// call through their `Ref` builder (`…Members.Ref.PostAsync(…)`, `.members().ref().post(…)`).
    pub fn is_reference(&self) -> bool {
        self.action.kind.is_reference()
    }

    /// Today's SDKs' body class of a reference: `ReferenceCreate` to add one to a
    /// collection, `ReferenceUpdate` to set a single-valued navigation.
    pub fn reference_class(&self) -> &'static str {
        if self.action.kind == OperationKind::SetReference {
            "ReferenceUpdate"
        } else {
            "ReferenceCreate"
        }
    }

    /// The id the older SDKs take for a reference (the `@odata.id` URL's last segment,
    /// decoded): they write `{serviceRoot}/directoryObjects/{id}` themselves.
    pub fn reference_id(&self) -> String {
        match &self.body {
            Body::Reference(url) => crate::model::reference_id(url),
            _ => String::new(),
        }
    }

    /// Whether a body goes on the wire.
    pub fn sends_body(&self) -> bool {
        !matches!(self.body, Body::None)
    }

    /// The operation's own segment (`reject`, a function's `reminderView`), or `None` for
    /// an entity operation.
    pub fn action_segment(&self) -> Option<&str> {
        self.action.kind.is_bound_operation().then_some(self.action.name.as_str())
    }

    /// Whether the operation is an OData function, called through its own builder.
    pub fn is_function(&self) -> bool {
        self.action.kind == OperationKind::Function
    }

    /// A function's builder in today's SDKs, lower camel case as Kiota names its
    /// namespace (`reminderViewWithStartDateTimeWithEndDateTime`, `delta`; see
    /// [`kiota::function_builder`]).
    pub fn function_builder(&self) -> String {
        let params: Vec<&str> = self.action.parameters.iter().map(|p| p.name.as_str()).collect();
        kiota::function_builder(&self.action.name, &params)
    }

    /// A function's arguments as today's SDKs' builder method takes them: in Kiota's order
    /// (see [`kiota::method_argument_order`]), each under its declared name, text as the
    /// inside of its OData literal (see [`kiota::literal_inside`]), an enum as its member's
    /// text (Kiota types an enum path parameter as a string: msgraph-beta-sdk-go's
    /// `FilterByCurrentUserWithOn(on *string)`).
    pub fn kiota_arguments(&self) -> Vec<(&str, TypedValue)> {
        let kiota_value = |v: &TypedValue| match v {
            TypedValue::Enum { member, .. } => TypedValue::String(member.clone()),
            other => kiota::literal_inside(other),
        };
        let mut args: Vec<(&str, TypedValue)> = self.example.request.arguments.iter().map(|(n, v)| (n.as_str(), kiota_value(v))).collect();
        kiota::method_argument_order(&mut args);
        args
    }

    /// Today's SDKs' class of a function's collection result
    /// (`ReminderViewWithStartDateTimeWithEndDateTimeGetResponse`), when it returns one:
    /// Kiota wraps a collection in a page type of the function's own.
    pub fn function_response(&self) -> Option<String> {
        (self.is_function() && self.result.is_some_and(|r| r.collection)).then(|| kiota::function_response(&self.function_builder()))
    }

    /// Every enum and complex type the example's body names.
    pub fn named_types(&self) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        for (_, v) in self.set_params() {
            v.named_types(&mut out);
        }
        if let Body::Entity(TypedValue::Object { type_name, .. }) = &self.body {
            out.insert(type_name.clone());
        }
        out
    }

    /// Whether the body holds text of primitive `p` (a Guid, a date-time, a duration).
    pub fn body_has_text(&self, p: Primitive) -> bool {
        self.set_params().iter().any(|(_, v)| v.has_text(p))
    }

    /// The request-builder namespace of the action's body class in today's SDKs: the path's
    /// segments with each placeholder as `item` (`communications/calls/item/reject`), and
    /// `/me` as the user it is (see [`kiota::namespace`]).
    pub fn builder_segments(&self) -> Vec<String> {
        let mut segments: Vec<String> = self.action.paths[self.example.request.path_index]
            .segments
            .iter()
            .map(|s| match s {
                // `$count` is Kiota's `count` builder, `$ref` its `ref`.
                Segment::Literal(l) if l == "$count" => "count".to_owned(),
                Segment::Literal(l) if l == "$ref" => "ref".to_owned(),
                Segment::Literal(l) => l.clone(),
                Segment::Param(_) => "item".to_owned(),
            })
            .collect();
        // A function's namespace is its builder's (`…/reminderViewWithStartDateTimeWithEndDateTime`).
        if self.is_function() {
            if let Some(last) = segments.last_mut() {
                *last = self.function_builder();
            }
        }
        kiota::namespace(segments)
    }

    /// The HTTP method in Kiota's spelling of its request methods (`Get`, `Post`, `Patch`,
    /// `Delete`).
    pub fn verb(&self) -> &'static str {
        match self.action.method() {
            "GET" => "Get",
            "PATCH" => "Patch",
            "DELETE" => "Delete",
            "PUT" => "Put",
            _ => "Post",
        }
    }

    /// Today's SDKs' request-builder class the operation is called on, and the request
    /// configuration class of its method (see [`kiota::request_builder`]).
    pub fn request_builder(&self) -> String {
        let function = self.is_function().then(|| self.function_builder());
        let end = match (self.action_segment(), self.path.last()) {
            (Some(_), _) if function.is_some() => kiota::BuilderEnd::Segment(function.as_deref().unwrap_or_default()),
            _ if self.action.kind == OperationKind::Count => kiota::BuilderEnd::Segment("count"),
            _ if self.is_reference() => kiota::BuilderEnd::Segment("ref"),
            (Some(a), _) => kiota::BuilderEnd::Segment(a),
            (None, Some(PathPart::Item { item, .. })) => kiota::BuilderEnd::Item(item),
            (None, Some(PathPart::Nav(n))) => kiota::BuilderEnd::Segment(n),
            (None, None) => kiota::BuilderEnd::Segment(""),
        };
        kiota::request_builder(end)
    }

    /// The URL as the HTTP example prints it (`https://graph.microsoft.com/beta/users/u1/messages?$top=5`):
    /// the path as sent, with a function's arguments as the pages write them (see
    /// [`crate::model::readable_in_path`]), and the query string.
    pub fn display_url(&self) -> String {
        let query =
            if self.config.query.is_empty() { String::new() } else { format!("?{}", crate::model::query_string(&self.config.query)) };
        format!("{}{}{query}", self.model.api.base_url, self.display_path)
    }

    /// The path and, when the example has query options, `?` and its query string.
    pub fn wire_path_and_query(&self) -> String {
        if self.config.query.is_empty() {
            self.wire_path.clone()
        } else {
            format!("{}?{}", self.wire_path, crate::model::query_string(&self.config.query))
        }
    }
}

/// A snippet's code without the file header: what docs pages embed and `sdkgen snippet`
/// prints.
///
/// A language without `style` (see [`Language::has_style`]) renders its other style.
pub fn render(view: &ExampleView, language: Language, style: Style) -> String {
    let code = match (language, style) {
        (Language::Http, _) => http::page(view),
        (Language::CSharp, Style::Page) => csharp::page(view),
        (Language::CSharp, Style::Current) => csharp::current(view),
        // @microsoft/microsoft-graph-client 3.x is both generations' JavaScript SDK.
        (Language::JavaScript, _) => javascript::page(view),
        (Language::ObjC, _) => objc::page(view),
        (Language::Java, Style::Page) => java::page(view),
        (Language::Java, Style::Current) => java::current(view),
        (Language::Go, Style::Page) => go::page(view),
        (Language::Go, Style::Current) => go::current(view),
        (Language::PowerShell, Style::Page) => powershell::page(view),
        (Language::PowerShell, Style::Current) => powershell::current(view),
        (Language::Python, _) => python::current(view),
        (Language::Php, _) => php::current(view),
        (Language::Cli, _) => cli::current(view),
    };
    let mut code = code.trim_end().to_owned();
    code.push('\n');
    code
}

/// Where a snippet file goes under `generated/`.
pub fn path(example: &Example, language: Language, style: Style) -> String {
    FileKind::Snippet { action: None, example: &example.name, language, style }.path()
}

/// An action's examples, each rendered once per language and style however many files
/// show it (its snippet file, the docs page's tab and preview, the include file).
pub struct Codes<'a> {
    pub action: &'a Action,
    views: Vec<ExampleView<'a>>,
    rendered: std::collections::BTreeMap<(usize, Language, Style), String>,
    /// The views with every id as the docs repository's placeholder, for include files.
    placeholders: Vec<ExampleView<'a>>,
    included: std::collections::BTreeMap<(usize, Language, Style), String>,
}

impl<'a> Codes<'a> {
    pub fn new(model: &'a Model, action: &'a Action) -> Self {
        let views: Vec<ExampleView> = action.examples.iter().map(|e| ExampleView::new(model, action, e)).collect();
        let placeholders = views.iter().map(ExampleView::with_placeholders).collect();
        Codes { action, views, rendered: Default::default(), placeholders, included: Default::default() }
    }

    /// Example `i`'s code in `language` and `style`.
    pub fn code(&mut self, i: usize, language: Language, style: Style) -> &str {
        let view = &self.views[i];
        self.rendered.entry((i, language, style)).or_insert_with(|| render(view, language, style))
    }

    /// Example `i`'s code for its include file: every id a placeholder (`{call-id}`), as
    /// the docs repository prints them; the snippet files keep the example's ids, so they
    /// send exactly the documented request.
    pub fn include_code(&mut self, i: usize, language: Language, style: Style) -> &str {
        let view = &self.placeholders[i];
        self.included.entry((i, language, style)).or_insert_with(|| render(view, language, style))
    }
}

/// `example` with each path value replaced by the docs' placeholder for its collection's
/// item (`{call-id}`, `{participant-id}`; a parameter right after another, its own name).
pub fn with_placeholders(action: &Action, example: &Example) -> Example {
    let segments = &action.paths[example.request.path_index].segments;
    let mut out = example.clone();
    out.request.path_values = segments
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s {
            Segment::Param(p) => {
                let name = match i.checked_sub(1).map(|j| &segments[j]) {
                    Some(Segment::Literal(collection)) => kiota::key(&kiota::item(collection, p), p),
                    // Letters, digits and `-` only, so the placeholder stays one as printed
                    // (see `is_placeholder`) in every language's URL and literal.
                    _ => crate::lang::ident(p, crate::lang::Case::Snake, "n").replace('_', "-"),
                };
                Some((p.clone(), format!("{{{name}}}")))
            }
            Segment::Literal(_) => None,
        })
        .collect();
    out
}

/// Writes every snippet of the action in `languages` and `styles`, each file headed by the
/// regeneration comment in its language's syntax.
pub fn emit_action(codes: &mut Codes, languages: &[Language], styles: &[Style], cmd: &str, out: &mut dyn Sink) {
    let action = codes.action.id();
    for (i, example) in codes.action.examples.iter().enumerate() {
        for &style in styles {
            for &language in languages.iter().filter(|l| l.has_style(style)) {
                let kind = FileKind::Snippet { action: Some(&action), example: &example.name, language, style };
                let text = format!("{}{}", header(&kind.path(), cmd), codes.code(i, language, style));
                out.file(kind, text);
            }
        }
    }
}

/// Renders a template, whose only failure mode is a bug in this crate (askama templates
/// are checked at compile time and contexts hold plain strings).
pub(crate) fn fill(t: &impl askama::Template) -> String {
    t.render().unwrap_or_else(|e| panic!("template failed to render: {e}"))
}

#[cfg(test)]
mod tests {
    /// A whole run builds one view per example, however many files (snippets, tabs,
    /// previews, include files with placeholders) show it, and types no value: validation
    /// typed each example's body once.
    #[test]
    fn a_run_builds_one_view_per_example() {
        for spec in ["../spec", "../tests/obstacle/spec.yaml"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(spec);
            let model = crate::load_model(&path).unwrap_or_else(|e| panic!("{e}"));
            let examples: usize = model.actions.iter().map(|a| a.examples.len()).sum();
            let (before, typed) = (super::views_built(), crate::model::values_typed());
            assert!(typed > 0, "{spec}: validation typed the examples' values");
            let tree = crate::generate(&model);
            assert!(tree.len() > examples * 10, "{spec}: a whole tree ({} files)", tree.len());
            assert_eq!(super::views_built() - before, examples, "{spec}: views built in one run");
            assert_eq!(crate::model::values_typed(), typed, "{spec}: generation types no value again");
        }
    }
}
