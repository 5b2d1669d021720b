//! Validation of examples and extensions: path values, bodies, responses and notifications against their operation.

use super::*;

/// A query option's text typed by the option, or why it is not one of its values.
fn query_value(option: ODataOption, text: &str) -> Result<QueryValue, &'static str> {
    if text.chars().any(|c| c.is_control() || crate::diag::is_unsafe(c)) {
        return Err("it holds a control character");
    }
    match option {
        ODataOption::Select | ODataOption::Expand | ODataOption::OrderBy => {
            let items = split_top_level(text);
            if items.iter().any(|i| i.trim().is_empty()) {
                return Err("a comma-separated list of non-empty items");
            }
            Ok(QueryValue::List(items))
        }
        ODataOption::Top | ODataOption::Skip => {
            text.parse::<i32>().ok().filter(|n| *n >= 0).map(QueryValue::Int).ok_or("a whole number from 0 to 2147483647")
        }
        ODataOption::Count => match text {
            "true" => Ok(QueryValue::Bool(true)),
            "false" => Ok(QueryValue::Bool(false)),
            _ => Err("`true` or `false`"),
        },
        ODataOption::Filter | ODataOption::Search if text.trim().is_empty() => Err("an expression, not empty"),
        ODataOption::Filter | ODataOption::Search => Ok(QueryValue::Text(text.to_owned())),
    }
}

/// `a,b(c,d),'e,f'` → `a`, `b(c,d)`, `'e,f'`: commas inside parentheses (an `$expand`'s
/// nested options) or quotes (a literal) do not split. One pass over the text.
fn split_top_level(text: &str) -> Vec<String> {
    let (mut items, mut current, mut depth, mut quoted) = (Vec::new(), String::new(), 0usize, false);
    for c in text.chars() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.saturating_sub(1),
            ',' if !quoted && depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    items
}

impl<'a> Validator<'a> {
    /// Checks examples and adds the valid ones to `action`, after any it has.
    pub(super) fn examples(
        &mut self,
        file: usize,
        key: &str,
        raw: &[S<raw::RawExample>],
        action: &mut Action,
        model: &Model,
        seen_examples: &mut HashMap<String, (usize, S<String>)>,
    ) {
        for (i, e) in raw.iter().enumerate() {
            let ekey = format!("{key}.examples[{i}]");
            let ename = &e.value.name;
            if !self.file_name(file, ename, &format!("{ekey}.name"), "an example name") {
                continue;
            }
            if let Some((f0, first)) = seen_examples.get(&crate::model::include_stem(&ename.value)).cloned() {
                let msg = if first.value == ename.value {
                    format!("example name `{}` is used twice (first at {})", ename.value, self.at(f0, &first))
                } else {
                    format!(
                        "example names `{}` and `{}` (at {}) differ only in case or in `_` for `-`; their files would overwrite each other",
                        ename.value,
                        first.value,
                        self.at(f0, &first)
                    )
                };
                self.err(file, ename, format!("{ekey}.name"), msg, "used again here");
                continue;
            }
            seen_examples.insert(crate::model::include_stem(&ename.value), (file, ename.clone()));
            if let Some(ex) = self.example(file, &ekey, &e.value, action, model) {
                action.examples.push(ex);
            }
        }
    }

    /// Applies a file's `extensions` to the operations they name, once every file's own
    /// operations are in the model.
    pub(super) fn extensions(&mut self, file: usize, extensions: &[S<raw::RawExtension>], model: &mut Model, seen: &mut Seen) {
        for (i, x) in extensions.iter().enumerate() {
            let key = format!("extensions[{i}]");
            let x = &x.value;
            let Some(at) = model.actions.iter().position(|a| a.id() == x.extends.value) else {
                let help = suggest(&x.extends.value, model.actions.iter().map(|a| a.id()).collect::<Vec<_>>().iter().map(String::as_str));
                self.err_help(
                    file,
                    &x.extends,
                    format!("{key}.extends"),
                    format!("`{}` is not an operation of the spec", x.extends.value),
                    "no operation has this id (boundTo-name)",
                    help.map(|h| format!("did you mean `{h}`?")),
                );
                continue;
            };
            let mut action = model.actions[at].clone();
            if let Some(m) = &x.module {
                action.module = self.module(file, &key, m);
            }
            if let Some(d) = &x.description {
                if action.description.is_some() {
                    self.err(file, d, format!("{key}.description"), "the operation already has a description", "set twice");
                }
                action.description = Some(d.value.clone());
            }
            action.notes.extend(x.notes.iter().map(|n| n.value.clone()));
            if let Some(p) = &x.permissions {
                if action.permissions.application != Permission::NotDocumented {
                    self.err(file, p, format!("{key}.permissions"), "the operation already has permissions", "set twice");
                }
                action.permissions = self.permissions(file, &key, Some(p));
            }
            for (j, p) in x.paths.iter().enumerate() {
                let pkey = format!("{key}.paths[{j}].template");
                if let Some(t) =
                    self.path_template(file, &pkey, &p.value, &action.name, (action.kind, action.single_valued), &action.path_parameters)
                {
                    if action.paths.iter().any(|q| q.template == t.template) {
                        self.err(file, &p.value.template, pkey, "the operation already has this path", "listed twice");
                        continue;
                    }
                    action.paths.push(t);
                }
            }
            self.examples(file, &key, &x.examples, &mut action, model, &mut seen.examples);
            model.actions[at] = action;
        }
    }

    pub(super) fn example(&mut self, file: usize, key: &str, e: &raw::RawExample, action: &Action, model: &Model) -> Option<Example> {
        let n_before = self.diags.len();
        let (path_index, path_values) = self.example_path(file, key, e, action)?;
        let body = self.example_body(file, key, e, action, model);
        let headers = self.example_headers(file, key, e, action);
        let query = self.example_query(file, key, e, action, path_index, model);
        let arguments = self.example_arguments(file, key, e, action, model);
        let (response_headers, response_body) = self.example_response(file, key, e, action, model);
        let notifications = self.example_notifications(file, key, e, model);
        if self.diags.len() != n_before {
            return None;
        }
        let typed = TypedBody::of(model, action, body.as_ref());
        Some(Example {
            name: e.name.value.clone(),
            ignored: e.ignored,
            title: e.title.value.clone(),
            description: e.description.as_ref().map(|d| d.value.clone()),
            request: ExampleRequest { path_index, path_values, body, typed, headers, query, arguments },
            response: ExampleResponse { status: e.response.value.status.value, headers: response_headers, body: response_body },
            notifications,
        })
    }

    /// Which of the action's paths the example takes, and its value for each placeholder:
    /// one usable segment each, of the parameter's primitive type.
    fn example_path(&mut self, file: usize, key: &str, e: &raw::RawExample, action: &Action) -> Option<(usize, Vec<(String, String)>)> {
        let req = &e.request.value;
        let path_index = match &req.path {
            Some(i) if i.value >= action.paths.len() => {
                self.err(
                    file,
                    i,
                    format!("{key}.request.path"),
                    format!("path {} does not exist; the action has {} path(s)", i.value, action.paths.len()),
                    "index out of range",
                );
                return None;
            }
            Some(i) => i.value,
            None => 0,
        };
        let path = &action.paths[path_index];
        let mut path_values = Vec::new();
        for (k, v) in &req.path_values.0 {
            if !path.segments.contains(&Segment::Param(k.value.clone())) {
                self.err(
                    file,
                    k,
                    format!("{key}.request.pathValues.{}", k.value),
                    format!("`{}` is not a placeholder of path `{}`", k.value, path.template),
                    "not in the path",
                );
            } else if v.value.is_empty() || v.value == "." || v.value == ".." {
                self.err(
                    file,
                    v,
                    format!("{key}.request.pathValues.{}", k.value),
                    format!("{:?} cannot be one path segment", v.value),
                    "not a usable segment value",
                );
            } else if let Some(p) = action.path_parameters.iter().find(|p| p.name == k.value).filter(|_| !is_placeholder(&v.value)) {
                if let TypeKind::Primitive(prim) = p.ty.kind {
                    if let Err(why) = primitive_text_ok(prim, &v.value) {
                        self.err(
                            file,
                            v,
                            format!("{key}.request.pathValues.{}", k.value),
                            format!("{:?} is not a {}: {why}", v.value, prim.name()),
                            format!("not a {}", prim.name()),
                        );
                    }
                }
            }
            path_values.push((k.value.clone(), v.value.clone()));
        }
        for seg in &path.segments {
            if let Segment::Param(p) = seg {
                if !path_values.iter().any(|(n, _)| n == p) {
                    self.err(
                        file,
                        &e.request,
                        format!("{key}.request.pathValues"),
                        format!("no value for path parameter `{p}`"),
                        format!("add `pathValues: {{{p}: …}}`"),
                    );
                }
            }
        }
        Some((path_index, path_values))
    }

    /// A function's arguments: every parameter given (each SDK's call takes them all, as
    /// Kiota's `…With…` builders do), names matched in any letter case as Graph matches
    /// them and kept as declared, each value of its type and not null. Only a function
    /// takes `arguments`.
    fn example_arguments(
        &mut self,
        file: usize,
        key: &str,
        e: &raw::RawExample,
        action: &Action,
        model: &Model,
    ) -> Vec<(String, TypedValue)> {
        let akey = format!("{key}.request.arguments");
        let given = e.request.value.arguments.as_ref();
        if action.kind != OperationKind::Function {
            if let Some(a) = given {
                self.err(
                    file,
                    a,
                    akey,
                    format!("`{}` is not a function: only a function takes `arguments`", action.id()),
                    "not a function",
                );
            }
            return Vec::new();
        }
        let Some(raw_args) = given else {
            if !action.parameters.is_empty() {
                let names: Vec<String> = action.parameters.iter().map(|p| format!("{}: …", p.name)).collect();
                self.err(
                    file,
                    &e.request,
                    akey,
                    format!("the call of function `{}` gives no arguments", action.id()),
                    format!("add `arguments: {{{}}}`", names.join(", ")),
                );
            }
            return Vec::new();
        };
        let checked = self.body_value(file, &akey, raw_args, &action.parameters, model);
        // Where the argument's value is written, to locate what is wrong with it.
        let written = |name: &str| match &raw_args.value {
            RawValue::Map(entries) => entries.iter().find(|(k, _)| k.value.eq_ignore_ascii_case(name)).map(|(_, v)| v),
            _ => None,
        };
        let mut out = Vec::new();
        for p in &action.parameters {
            let at = written(&p.name).unwrap_or(raw_args);
            match checked.get(&p.name) {
                // A required one is reported missing by the parameters' check already.
                None if p.required => {}
                None => self.err(
                    file,
                    raw_args,
                    akey.clone(),
                    format!("argument `{}` is missing: every SDK's call of a function takes each of its arguments", p.name),
                    format!("add `{}: …`", p.name),
                ),
                Some(serde_json::Value::Null) => self.err(
                    file,
                    at,
                    format!("{akey}.{}", p.name),
                    format!("argument `{}` is null: the SDKs' function calls take a value for each argument", p.name),
                    "give a value",
                ),
                Some(_)
                    if !matches!(
                        p.ty.kind,
                        TypeKind::Primitive(Primitive::String | Primitive::Int32 | Primitive::Int64 | Primitive::Boolean)
                            | TypeKind::Enum(_)
                    ) =>
                {
                    let ty = match &p.ty.kind {
                        TypeKind::Primitive(prim) => prim.name().to_owned(),
                        TypeKind::Enum(n) | TypeKind::Complex(n) => n.clone(),
                    };
                    self.err(
                        file,
                        at,
                        format!("{akey}.{}", p.name),
                        format!(
                            "argument `{}` is a {ty}: snippets write text, whole-number, boolean and enum arguments only so far",
                            p.name
                        ),
                        "no snippet language spells it yet",
                    )
                }
                Some(v) => out.push((p.name.clone(), TypedValue::from_json(model, v, &p.ty))),
            }
        }
        out
    }

    /// The request headers: each one Graph reads on any operation
    /// ([`GRAPH_REQUEST_HEADERS`]) or one the operation declares, matched without regard to
    /// case as HTTP does, and given once. Nothing is dropped: a header the model does not
    /// know is an error, not a snippet that leaves it out.
    fn example_headers(&mut self, file: usize, key: &str, e: &raw::RawExample, action: &Action) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = Vec::new();
        for (k, v) in &e.request.value.headers.0 {
            let hkey = format!("{key}.request.headers.{}", k.value);
            if !self.header_text(file, &hkey, k, v) {
                continue;
            }
            let name = k.value.as_str();
            if let Some(t) = TRANSPORT_HEADERS.iter().find(|t| t.eq_ignore_ascii_case(name)) {
                self.err(
                    file,
                    k,
                    hkey,
                    format!("`{name}` is sent by every SDK itself ({t} comes from the client or the body)"),
                    "leave it out",
                );
            } else if let Some((first, _)) = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
                self.err(file, k, hkey, format!("header `{name}` is given twice (as `{first}`)"), "HTTP names are case-insensitive");
            } else if GRAPH_REQUEST_HEADERS.iter().any(|g| g.eq_ignore_ascii_case(name))
                || action.headers.iter().any(|h| h.name.eq_ignore_ascii_case(name))
            {
                headers.push((k.value.clone(), v.value.clone()));
            } else {
                let known: Vec<&str> =
                    GRAPH_REQUEST_HEADERS.iter().copied().chain(action.headers.iter().map(|h| h.name.as_str())).collect();
                let help = suggest(name, known.iter().copied());
                self.err_help(
                    file,
                    k,
                    hkey,
                    format!("`{}` does not read request header `{name}`", action.id()),
                    "neither Graph's nor declared in the operation's `headers`",
                    help.or_else(|| Some(format!("declare it in the operation's `headers`, or use one of {}", known.join(", ")))),
                );
            }
        }
        headers
    }

    /// The query options: each one of OData's system options or a parameter the example's
    /// path declares (`startDateTime`, matched in any letter case and sent as declared),
    /// given once, on an operation that reads it (`$select` and `$expand` on a get or a
    /// list, the rest on a list), with a value of its type; every required parameter of the
    /// path given. An unknown option is an error, never a snippet that leaves it out.
    fn example_query(
        &mut self,
        file: usize,
        key: &str,
        e: &raw::RawExample,
        action: &Action,
        path_index: usize,
        model: &Model,
    ) -> Vec<QueryOption> {
        let own = &action.paths[path_index].query;
        let mut out: Vec<QueryOption> = Vec::new();
        for (k, v) in &e.request.value.query.0 {
            let qkey = format!("{key}.request.query.{}", k.value);
            let option = if let Some(option) = ODataOption::parse(&k.value) {
                if !self.reads_option(file, k, &qkey, action, option, model) {
                    continue;
                }
                QueryName::OData(option)
            } else if let Some(p) = own.iter().find(|p| p.name.eq_ignore_ascii_case(&k.value)) {
                QueryName::Own(p.name.clone())
            } else {
                let known: Vec<String> = ODataOption::ALL.iter().map(|o| o.wire()).chain(own.iter().map(|p| p.name.clone())).collect();
                let help = suggest(&k.value, known.iter().map(String::as_str));
                let label = if own.is_empty() {
                    "neither one of OData's system query options nor declared in the path's `query`".to_owned()
                } else {
                    format!("the path's own are {}", own.iter().map(|p| format!("`{}`", p.name)).collect::<Vec<_>>().join(", "))
                };
                self.err_help(
                    file,
                    k,
                    qkey,
                    format!("`{}` is not a query option of `{}` at this path", k.value, action.id()),
                    label,
                    help.or_else(|| Some(format!("use one of {}, or declare it in the path's `query`", known.join(", ")))),
                );
                continue;
            };
            if out.iter().any(|o| o.option == option) {
                self.err(file, k, qkey, format!("`{}` is given twice", option.wire()), "given again here");
                continue;
            }
            let text = match &v.value {
                RawValue::Str(s) => s.clone(),
                RawValue::Int(i) => i.to_string(),
                RawValue::Bool(b) => b.to_string(),
                _ => {
                    self.err(file, v, qkey, "a query option's value is one scalar, as the URL writes it", "not a scalar");
                    continue;
                }
            };
            match &option {
                QueryName::OData(o) => match query_value(*o, &text) {
                    Ok(value) => out.push(QueryOption { option, value }),
                    Err(why) => self.err(file, v, qkey, format!("{:?} is not a value of `{}`: {why}", text, o.wire()), why),
                },
                // A parameter of the operation's own is text (the metadata gives it no type).
                QueryName::Own(_) if text.chars().any(|c| c.is_control() || crate::diag::is_unsafe(c)) => {
                    self.err(file, v, qkey, "a query parameter's value may not hold control characters", "control character")
                }
                QueryName::Own(_) => out.push(QueryOption { option, value: QueryValue::Text(text) }),
            }
        }
        for p in own.iter().filter(|p| p.required) {
            if !out.iter().any(|o| o.option == QueryName::Own(p.name.clone())) {
                let message = format!("`{}` at this path requires query parameter `{}`", action.id(), p.name);
                self.err(file, &e.request, format!("{key}.request.query"), message, format!("add `{}: …` to `query`", p.name));
            }
        }
        out
    }

    /// Whether `action` reads system option `option`; an error where it does not.
    fn reads_option(&mut self, file: usize, k: &S<String>, qkey: &str, action: &Action, option: ODataOption, model: &Model) -> bool {
        let reads = match action.kind {
            OperationKind::List => true,
            OperationKind::Get => !option.collection_only(),
            OperationKind::Function => model.function_query_options(action.response.body.as_ref()).contains(&option),
            // Kiota's count builders take `$filter` and `$search` (what is counted).
            OperationKind::Count => matches!(option, ODataOption::Filter | ODataOption::Search),
            _ => false,
        };
        if !reads {
            let why = match action.kind {
                OperationKind::Function => {
                    let takes: Vec<String> = model.function_query_options(action.response.body.as_ref()).iter().map(|o| o.wire()).collect();
                    if takes.is_empty() {
                        "a function of its result takes no query option".to_owned()
                    } else {
                        format!("a function of its result takes {}", takes.join(", "))
                    }
                }
                OperationKind::Count => "a count takes $filter and $search".to_owned(),
                _ if option.collection_only() => "only a list reads it".to_owned(),
                _ => "only a get or a list reads it".to_owned(),
            };
            self.err(file, k, qkey, format!("a {} `{}` does not take `{}`", action.method(), action.id(), option.wire()), why);
        }
        reads
    }

    /// The request body, typed by the action: its parameters, or the entity it creates or
    /// updates; a required parameter missing, or a body where none is sent, is an error.
    fn example_body(&mut self, file: usize, key: &str, e: &raw::RawExample, action: &Action, model: &Model) -> Option<serde_json::Value> {
        let req = &e.request.value;
        let bkey = format!("{key}.request.body");
        if req.body.is_none() {
            if let RequestBody::Parameters(params) = action.request_body() {
                if let Some(p) = params.iter().find(|p| p.required) {
                    self.err(
                        file,
                        &e.request,
                        bkey.clone(),
                        format!("the request has no body, but parameter `{}` is required", p.name),
                        "add `body:` with it",
                    );
                }
            }
        }
        if req.body.is_none() && action.request_body() == RequestBody::Reference {
            let message = format!("a {} `{}` sends the entity to refer to", action.method(), action.id());
            self.err(file, &e.request, bkey.clone(), message, "add `body: {\"@odata.id\": \"https://…\"}`");
        }
        let body = match (req.body.as_ref(), action.request_body()) {
            (None, _) => None,
            (Some(b), RequestBody::Reference) => self.reference_body(file, &bkey, b),
            (Some(b), RequestBody::Parameters(params)) => Some(self.body_value(file, &bkey, b, params, model)),
            (Some(b), RequestBody::Entity(t)) => model.complex_type(t).map(|t| self.complex_value(file, &bkey, b, t, model)),
            (Some(b), RequestBody::None) => {
                self.err(file, b, bkey, format!("a {} `{}` sends no request body", action.method(), action.id()), "no body is sent");
                None
            }
        };
        body
    }

    /// A reference's body: `{"@odata.id": "<url>"}` and nothing else, the URL absolute
    /// `https` and ending in the entity's id (what the older SDKs take).
    fn reference_body(&mut self, file: usize, key: &str, b: &S<RawValue>) -> Option<serde_json::Value> {
        const MEMBER: &str = crate::model::REFERENCE_MEMBER;
        let RawValue::Map(entries) = &b.value else {
            self.err(file, b, key, format!("a reference's body is `{MEMBER}` and the URL of the entity to refer to"), "not a mapping");
            return None;
        };
        for (k, _) in entries.iter().filter(|(k, _)| k.value != MEMBER) {
            let help = suggest(&k.value, [MEMBER].into_iter()).or_else(|| Some(format!("a reference's body holds `{MEMBER}` only")));
            self.err_help(
                file,
                k,
                format!("{key}.{}", k.value),
                format!("`{}` is not a member of a reference", k.value),
                "not `@odata.id`",
                help,
            );
        }
        let Some((k, v)) = entries.iter().find(|(k, _)| k.value == MEMBER) else {
            self.err(file, b, key, format!("a reference's body needs `{MEMBER}`"), format!("add `{MEMBER}: https://…/{{id}}`"));
            return None;
        };
        let mkey = format!("{key}.{}", k.value);
        match &v.value {
            RawValue::Str(url) if !is_https_url(url) => {
                self.err(file, v, mkey, format!("`{MEMBER}` must be an absolute https URL of the entity, not {url:?}"), "not an https URL");
                None
            }
            RawValue::Str(url) if crate::model::reference_id(url).is_empty() => {
                self.err(file, v, mkey, format!("`{MEMBER}` must end with the entity's id: {url:?}"), "no id at the end");
                None
            }
            RawValue::Str(url) => Some(serde_json::json!({ MEMBER: url })),
            _ => {
                self.err(file, v, mkey, format!("`{MEMBER}` is the entity's URL, as text"), "not text");
                None
            }
        }
    }

    /// The response: the action's status, its body typed by the result, headers that can
    /// be printed as headers.
    fn example_response(
        &mut self,
        file: usize,
        key: &str,
        e: &raw::RawExample,
        action: &Action,
        model: &Model,
    ) -> (Vec<(String, String)>, Option<serde_json::Value>) {
        if e.response.value.status.value != action.response.status {
            self.err(
                file,
                &e.response.value.status,
                format!("{key}.response.status"),
                format!("the example answers {} but the action documents {}", e.response.value.status.value, action.response.status),
                "status differs from the action's response",
            );
        }
        let rkey = format!("{key}.response.body");
        let response_body = e.response.value.body.as_ref().map(|b| match &action.response.body {
            Some(ty) if ty.collection => self.collection_page(file, &rkey, b, ty, model),
            Some(ty) if matches!(ty.kind, TypeKind::Complex(_)) => self.typed_value(file, &rkey, b, ty, None, model),
            Some(_) => to_json(&b.value),
            None => {
                self.err(file, b, rkey.clone(), "the action documents no response body", "no `response.type` on the action");
                to_json(&b.value)
            }
        });
        for (k, v) in &e.response.value.headers.0 {
            let hkey = format!("{key}.response.headers.{}", k.value);
            self.header_text(file, &hkey, k, v);
        }
        let response_headers = e.response.value.headers.0.iter().map(|(k, v)| (k.value.clone(), v.value.clone())).collect();
        (response_headers, response_body)
    }

    /// The notifications the bot receives: an https callback and bodies of defined types.
    fn example_notifications(&mut self, file: usize, key: &str, e: &raw::RawExample, model: &Model) -> Option<Notifications> {
        e.notifications.as_ref().map(|n| {
            let n = &n.value;
            if !is_https_url(&n.callback_url.value) {
                self.err(
                    file,
                    &n.callback_url,
                    format!("{key}.notifications.callbackUrl"),
                    "a callback URL must be an absolute https URL",
                    "not https",
                );
            }
            let mut list = |items: &Vec<S<raw::RawNotification>>, which: &str| -> Vec<Notification> {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let nkey = format!("{key}.notifications.{which}[{i}]");
                    let item = &item.value;
                    match model.complex_type(&item.ty.value) {
                        Some(t) => {
                            let body = self.complex_value(file, &format!("{nkey}.body"), &item.body, t, model);
                            out.push(Notification { title: item.title.value.clone(), type_name: t.name.clone(), body });
                        }
                        None => {
                            let help = suggest(&item.ty.value, model.types.iter().map(|t| t.name.as_str()));
                            self.err_help(
                                file,
                                &item.ty,
                                format!("{nkey}.type"),
                                format!("type `{}` is not defined", item.ty.value),
                                "undefined type",
                                help,
                            );
                        }
                    }
                }
                out
            };
            let before = list(&n.before, "before");
            let after = list(&n.after, "after");
            Notifications { callback_url: n.callback_url.value.clone(), before, after }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_typed_by_their_option() {
        let list = |s: &[&str]| QueryValue::List(s.iter().map(|s| s.to_string()).collect());
        assert_eq!(query_value(ODataOption::Select, "subject,from"), Ok(list(&["subject", "from"])));
        assert_eq!(
            query_value(ODataOption::Expand, "members($select=id,displayName),owners"),
            Ok(list(&["members($select=id,displayName)", "owners"]))
        );
        assert_eq!(query_value(ODataOption::OrderBy, "name,'a,b'"), Ok(list(&["name", "'a,b'"])));
        assert!(query_value(ODataOption::Select, "a,,b").is_err());
        assert_eq!(query_value(ODataOption::Top, "5"), Ok(QueryValue::Int(5)));
        for bad in ["-1", "five", "2147483648", ""] {
            assert!(query_value(ODataOption::Top, bad).is_err(), "{bad}");
        }
        assert_eq!(query_value(ODataOption::Count, "true"), Ok(QueryValue::Bool(true)));
        assert!(query_value(ODataOption::Count, "yes").is_err());
        assert!(query_value(ODataOption::Filter, "  ").is_err());
        assert!(query_value(ODataOption::Search, "a\nb").is_err());
        assert_eq!(ODataOption::parse("$Select"), Some(ODataOption::Select));
        assert_eq!(ODataOption::parse("select"), None, "OData's system options start with `$`");
    }
}
