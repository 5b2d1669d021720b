//! Validation of operations: kinds, paths, headers, parameters, functions, responses, permissions and modules.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn action(
        &mut self,
        file: usize,
        key: &str,
        a: &raw::RawAction,
        model: &Model,
        names: &BTreeMap<String, Kind>,
        seen_examples: &mut HashMap<String, (usize, S<String>)>,
    ) -> Option<Action> {
        let n_before = self.diags.len();
        let name = a.name.value.clone();
        if name.is_empty() {
            self.err(file, &a.name, format!("{key}.name"), "the action name is empty", "empty");
        } else {
            self.file_name(file, &a.name, &format!("{key}.name"), "an action name");
        }
        if model.complex_type(&a.bound_to.value).is_none() {
            let help = suggest(&a.bound_to.value, model.types.iter().map(|t| t.name.as_str()));
            self.err_help(
                file,
                &a.bound_to,
                format!("{key}.boundTo"),
                format!("`boundTo` names type `{}`, which is not defined", a.bound_to.value),
                "no complex type of this name",
                help,
            );
        }

        let (kind, single_valued) = self.operation_kind(file, key, a);
        let (path_parameters, paths) = self.action_paths(file, key, a, &name, (kind, single_valued), names);
        let headers = self.action_headers(file, key, a);
        let parameters = self.action_parameters(file, key, a, kind, names);
        let response = self.action_response(file, key, a, kind, names);
        let permissions = self.permissions(file, key, a.permissions.as_ref());
        let (module, page, page_tabs, author) = self.docs_metadata(file, key, a, &name, &paths);
        let mut action = Action {
            name,
            kind,
            single_valued,
            page_tabs,
            bound_to: a.bound_to.value.clone(),
            module,
            page,
            author,
            summary: a.summary.value.clone(),
            description: a.description.as_ref().map(|d| d.value.clone()),
            notes: a.notes.iter().map(|n| n.value.clone()).collect(),
            paths,
            path_parameters,
            headers,
            parameters,
            response,
            permissions,
            examples: Vec::new(),
        };
        if self.diags.len() != n_before || action.paths.is_empty() {
            return None;
        }
        self.examples(file, key, &a.examples, &mut action, model, seen_examples);
        Some(action)
    }

    /// The operation's kind (`kind:`, an action when absent) and whether it addresses one entity with no key (`singleValued`).
    fn operation_kind(&mut self, file: usize, key: &str, a: &raw::RawAction) -> (OperationKind, bool) {
        let kind = match &a.kind {
            None => OperationKind::Action,
            Some(k) => match OperationKind::ALL.iter().find(|(n, _)| *n == k.value) {
                Some((_, kind)) => *kind,
                None => {
                    let help = suggest(&k.value, OperationKind::ALL.iter().map(|(n, _)| *n))
                        .or_else(|| Some(format!("kinds: {}", OperationKind::ALL.map(|(n, _)| n).join(", "))));
                    self.err_help(file, k, format!("{key}.kind"), format!("`{}` is not an operation kind", k.value), "unknown kind", help);
                    OperationKind::Action
                }
            },
        };
        let single_valued = match &a.single_valued {
            Some(s) if s.value && !kind.addresses_item() => {
                self.err(
                    file,
                    s,
                    format!("{key}.singleValued"),
                    format!(
                        "`singleValued` is for a get, update or delete, not a `{}`",
                        OperationKind::ALL.iter().find(|(_, k)| *k == kind).map_or("", |(n, _)| n)
                    ),
                    "not an operation on one entity",
                );
                false
            }
            Some(s) => s.value,
            None => false,
        };
        (kind, single_valued)
    }

    /// The path parameters (single primitives each) and the path templates, every parameter used by some path.
    fn action_paths(
        &mut self,
        file: usize,
        key: &str,
        a: &raw::RawAction,
        name: &str,
        (kind, single_valued): (OperationKind, bool),
        names: &BTreeMap<String, Kind>,
    ) -> (Vec<Property>, Vec<PathTemplate>) {
        let path_parameters = self.properties(file, &format!("{key}.pathParameters"), &a.path_parameters, names);
        for p in &path_parameters {
            if !matches!(p.ty.kind, TypeKind::Primitive(_)) || p.ty.collection {
                if let Some(k) = a.path_parameters.key(&p.name) {
                    self.err(
                        file,
                        k,
                        format!("{key}.pathParameters.{}", p.name),
                        "a path parameter must be a single primitive value",
                        "not a primitive",
                    );
                }
            }
        }
        let mut paths = Vec::new();
        if a.paths.value.is_empty() {
            self.err(file, &a.paths, format!("{key}.paths"), "an action needs at least one path", "empty list");
        }
        for (i, p) in a.paths.value.iter().enumerate() {
            let pkey = format!("{key}.paths[{i}].template");
            if let Some(t) = self.path_template(file, &pkey, &p.value, name, (kind, single_valued), &path_parameters) {
                paths.push(t);
            }
        }
        for (k, _) in &a.path_parameters.0 {
            let used = paths.iter().any(|p: &PathTemplate| p.segments.contains(&Segment::Param(k.value.clone())));
            if !used && !paths.is_empty() {
                self.err(
                    file,
                    k,
                    format!("{key}.pathParameters.{}", k.value),
                    format!("path parameter `{}` appears in no path", k.value),
                    "unused",
                );
            }
        }

        (path_parameters, paths)
    }

    /// The request headers the page prints: a name of letters, digits and `-`, a value with no control character.
    fn action_headers(&mut self, file: usize, key: &str, a: &raw::RawAction) -> Vec<Header> {
        let headers: Vec<Header> = a
            .headers
            .0
            .iter()
            .map(|(k, h)| Header {
                name: k.value.clone(),
                value: h.value.value.value.clone(),
                required: h.value.required,
                description: h.value.description.as_ref().map(|d| d.value.clone()),
            })
            .collect();
        for (k, h) in &a.headers.0 {
            self.header_text(file, &format!("{key}.headers.{}", k.value), k, &h.value.value);
        }
        headers
    }

    /// A header's name (letters, digits and `-`) and value (no control character: a newline
    /// would start another header); whether both are usable.
    pub(super) fn header_text(&mut self, file: usize, key: &str, name: &S<String>, value: &S<String>) -> bool {
        let mut ok = true;
        if name.value.is_empty() || !name.value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            self.err(file, name, key, format!("`{}` is not a valid header name", name.value), "letters, digits and `-` only");
            ok = false;
        }
        if value.value.chars().any(|c| c.is_control() || crate::diag::is_unsafe(c)) {
            self.err(
                file,
                value,
                format!("{key}.value"),
                "a header value may not hold control characters (a newline would start another header)",
                "control character",
            );
            ok = false;
        } else if !value.value.is_ascii() {
            // OkHttp (Java, and Kotlin's SDKs) refuses anything past ASCII in a header, and
            // other stacks read it as Latin-1: the value would not arrive as written.
            self.err(
                file,
                value,
                format!("{key}.value"),
                "a header value holds ASCII only (HTTP reads other bytes as Latin-1)",
                "not ASCII",
            );
            ok = false;
        }
        ok
    }

    /// The body parameters: declared (never `dynamic`), OData identifiers of one literal each for a function, none for an entity operation.
    fn action_parameters(
        &mut self,
        file: usize,
        key: &str,
        a: &raw::RawAction,
        kind: OperationKind,
        names: &BTreeMap<String, Kind>,
    ) -> Vec<Property> {
        let parameters = self.properties(file, &format!("{key}.parameters"), &a.parameters, names);
        for (section, props) in [("parameters", &a.parameters), ("pathParameters", &a.path_parameters)] {
            for (pname, p) in &props.0 {
                if let Some(d) = p.value.dynamic.as_ref().filter(|d| d.value) {
                    self.err(
                        file,
                        d,
                        format!("{key}.{section}.{}.dynamic", pname.value),
                        "`dynamic` marks an open complex type's undeclared member; an action's parameters are declared by the action",
                        "not a complex type's member",
                    );
                }
            }
        }
        if kind == OperationKind::Function {
            // OData writes a function's arguments in the path: `name=literal` each, so a
            // name is an OData identifier (nothing that could end the call or the segment).
            for (k, _) in &a.parameters.0 {
                let mut chars = k.value.chars();
                let identifier = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !identifier {
                    self.err(
                        file,
                        k,
                        format!("{key}.parameters.{}", k.value),
                        format!("function parameter `{}` is not an OData identifier (letters, digits, `_`)", k.value),
                        "goes into the path as written",
                    );
                }
            }
            for p in &parameters {
                // OData's `binary'…'` literal is base64url, not the JSON body's base64; no
                // function of Graph's takes bytes.
                if p.ty.kind == TypeKind::Primitive(Primitive::Binary) && !p.ty.collection {
                    if let Some(k) = a.parameters.key(&p.name) {
                        let message = "a function parameter of type `Binary` has no literal here: no Graph function takes bytes";
                        self.err(file, k, format!("{key}.parameters.{}", p.name), message, "not one literal");
                    }
                    continue;
                }
                if !matches!(p.ty.kind, TypeKind::Primitive(_) | TypeKind::Enum(_)) || p.ty.collection || p.one_or_many {
                    if let Some(k) = a.parameters.key(&p.name) {
                        self.err_help(
                            file,
                            k,
                            format!("{key}.parameters.{}", p.name),
                            "a function parameter must be a single primitive or enum value",
                            "not one literal",
                            Some("OData passes anything else as a JSON parameter alias, which the spec format does not express yet".into()),
                        );
                    }
                }
            }
        }
        if !kind.is_bound_operation() && !a.parameters.0.is_empty() {
            self.err(
                file,
                &a.parameters.0[0].0,
                format!("{key}.parameters"),
                format!(
                    "a `{}` operation has no parameters; its body, if any, is the entity itself",
                    a.kind.as_ref().map_or("", |k| k.value.as_str())
                ),
                "parameters of a non-action",
            );
        }
        parameters
    }

    /// The response: an HTTP status, and the result's type (which a function must have).
    fn action_response(
        &mut self,
        file: usize,
        key: &str,
        a: &raw::RawAction,
        kind: OperationKind,
        names: &BTreeMap<String, Kind>,
    ) -> Response {
        let r = &a.response.value;
        if !(100..=599).contains(&r.status.value) {
            self.err(
                file,
                &r.status,
                format!("{key}.response.status"),
                format!("{} is not an HTTP status", r.status.value),
                "not in 100..=599",
            );
        }
        let body = match &r.ty {
            Some(t) => self.type_ref(file, &format!("{key}.response.type"), t, r.collection, names),
            None => None,
        };
        if kind == OperationKind::Function && r.ty.is_none() {
            self.err(file, &a.response, format!("{key}.response"), "a function returns a result: give `response.type`", "no result type");
        }
        // A count answers a number (as text); the spec may say so, and nothing else.
        let int32 = TypeRef { kind: TypeKind::Primitive(Primitive::Int32), collection: false };
        let body = match (kind, body) {
            (OperationKind::Count, Some(b)) if b != int32 => {
                if let Some(t) = &r.ty {
                    self.err(file, t, format!("{key}.response.type"), "a `count` answers a number: its type is `Int32`", "not Int32");
                }
                Some(int32)
            }
            (OperationKind::Count, _) => Some(int32),
            // Graph answers a reference's write with `204 No Content`.
            (k, Some(_)) if k.is_reference() => {
                if let Some(t) = &r.ty {
                    self.err(
                        file,
                        t,
                        format!("{key}.response.type"),
                        "a reference's write answers no body (`204 No Content`)",
                        "no result",
                    );
                }
                None
            }
            (_, b) => b,
        };
        let response = Response { status: r.status.value, description: r.description.as_ref().map(|d| d.value.clone()), body };
        response
    }

    /// What the docs page needs: the PowerShell module, the page's name, its own tab set and author.
    fn docs_metadata(
        &mut self,
        file: usize,
        key: &str,
        a: &raw::RawAction,
        name: &str,
        paths: &[PathTemplate],
    ) -> (String, String, Option<Vec<String>>, Option<String>) {
        let module = match &a.module {
            Some(m) => self.module(file, key, m),
            None => action_first_literal(paths).map(|l| crate::lang::ident(l, crate::lang::Case::Pascal, "N")).unwrap_or_default(),
        };
        // Microsoft's page names are the id in lower case, except where a page kept an older
        // name (`call-record.md` documents recordResponse).
        let page = match &a.page {
            Some(p) if self.file_name(file, p, &format!("{key}.page"), "a page name") => p.value.clone(),
            Some(_) => String::new(),
            None => format!("{}-{}", a.bound_to.value, name).to_lowercase(),
        };
        let page_tabs = a.page_tabs.as_ref().map(|tabs| {
            let mut out = Vec::new();
            for t in &tabs.value {
                match crate::target::Language::from_id(&t.value) {
                    Some(crate::target::Language::Http) | None => {
                        let tabs = crate::target::Language::ALL.into_iter().filter(|l| *l != crate::target::Language::Http);
                        let known: Vec<&str> = tabs.map(|l| l.id()).collect();
                        self.err_help(
                            file,
                            t,
                            format!("{key}.pageTabs"),
                            format!("`{}` is not a snippet tab (HTTP is always first)", t.value),
                            "unknown tab",
                            Some(format!("tabs: {}", known.join(", "))),
                        );
                    }
                    Some(_) => out.push(t.value.clone()),
                }
            }
            out
        });
        let author = a.author.as_ref().and_then(|v| self.front_matter_word(file, v, &format!("{key}.author")));
        (module, page, page_tabs, author)
    }

    /// An action's permissions; an action without them (an import) says so on its page.
    pub(super) fn permissions(&mut self, file: usize, key: &str, p: Option<&S<raw::RawPermissions>>) -> Permissions {
        let perm = |p: &raw::RawPermission| {
            if p.supported {
                Permission::Supported(p.permissions.iter().map(|s| s.value.clone()).collect())
            } else {
                Permission::NotSupported
            }
        };
        let Some(pr) = p else {
            return Permissions {
                delegated_work: Permission::NotDocumented,
                delegated_personal: Permission::NotDocumented,
                application: Permission::NotDocumented,
            };
        };
        let pr = &pr.value;
        for (what, p) in
            [("delegatedWork", &pr.delegated_work), ("delegatedPersonal", &pr.delegated_personal), ("application", &pr.application)]
        {
            if !p.value.supported && !p.value.permissions.is_empty() {
                self.err(
                    file,
                    p,
                    format!("{key}.permissions.{what}"),
                    "permissions are listed for a permission type that is not supported",
                    "`supported: false` with permissions",
                );
            }
        }
        Permissions {
            delegated_work: perm(&pr.delegated_work.value),
            delegated_personal: perm(&pr.delegated_personal.value),
            application: perm(&pr.application.value),
        }
    }

    pub(super) fn module(&mut self, file: usize, key: &str, m: &S<String>) -> String {
        if m.value.is_empty() || !m.value.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') {
            self.err(
                file,
                m,
                format!("{key}.module"),
                format!("module `{}` is not a module name", m.value),
                "letters, digits and `.` only",
            );
            return String::new();
        }
        m.value.clone()
    }

    pub(super) fn path_template(
        &mut self,
        file: usize,
        key: &str,
        p: &raw::RawPath,
        action: &str,
        (kind, single_valued): (OperationKind, bool),
        params: &[Property],
    ) -> Option<PathTemplate> {
        let t = &p.template;
        let Some(rest) = t.value.strip_prefix('/') else {
            self.err(file, t, key, "a path template must start with `/`", "no leading `/`");
            return None;
        };
        let mut segments = Vec::new();
        for seg in rest.split('/') {
            if let Some(inner) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                if !params.iter().any(|p| p.name == inner) {
                    let help = suggest(inner, params.iter().map(|p| p.name.as_str()));
                    self.err_help(
                        file,
                        t,
                        key,
                        format!("placeholder `{{{inner}}}` matches no path parameter"),
                        "unknown placeholder",
                        help.or_else(|| Some(format!("declare `{inner}` under `pathParameters`"))),
                    );
                    return None;
                }
                segments.push(Segment::Param(inner.to_owned()));
            } else if seg == "." || seg == ".." || seg.contains('%') {
                self.err(
                    file,
                    t,
                    key,
                    format!("path segment `{seg}` is refused: `.`, `..` and percent-escapes change or hide the path a server sees"),
                    "unsafe segment",
                );
                return None;
            } else if seg.is_empty() || seg.contains(['{', '}', '?', '#', ' ', '\\']) || seg.chars().any(char::is_control) {
                self.err(file, t, key, format!("path segment `{seg}` is not a plain literal or a `{{name}}` placeholder"), "bad segment");
                return None;
            } else {
                segments.push(Segment::Literal(seg.to_owned()));
            }
        }
        let ends_at_item = self.reference_rules(file, t, key, kind, &segments)?;
        let single_valued = single_valued || kind == OperationKind::SetReference;
        let single_valued = match &p.single_valued {
            Some(s) if !kind.addresses_item() => {
                let message = "`singleValued` is for the path of a get, update or delete";
                self.err(file, s, key.replace(".template", ".singleValued"), message, "not an operation on one entity");
                return None;
            }
            Some(s) => s.value,
            None => single_valued,
        };
        if p.references && !matches!(kind, OperationKind::List | OperationKind::Get | OperationKind::Count) {
            let message =
                "`references` is for the path of a list, get or count: entities a navigation refers to are read there, not written";
            self.err(file, t, key.replace(".template", ".references"), message, "not a read");
            return None;
        }
        let by_id = kind.addresses_item() && !single_valued;
        if by_id != ends_at_item && !kind.is_bound_operation() {
            let (message, label) = if single_valued {
                ("must end with the single-valued segment (`singleValued: true`), not an id", "ends with an id")
            } else if kind.addresses_item() {
                ("must end with the entity's `{id}` placeholder", "does not address one entity")
            } else {
                ("must end with the collection's segment", "ends with an id")
            };
            self.err(file, t, key, format!("the path of a `{}` operation {message}", kind.method()), label);
            return None;
        }
        self.last_segment_rules(file, t, key, kind, action, &segments)?;
        let query = self.path_query(file, &key.replace(".template", ".query"), kind, p);
        Some(PathTemplate {
            template: t.value.clone(),
            segments,
            deprecated: p.deprecated.as_ref().map(|d| d.value.clone()),
            references: p.references,
            query,
        })
    }

    /// A path's own query parameters: each named as an OData identifier, once (in any
    /// letter case), never one of OData's system options (`$format`, or `select`, which
    /// Kiota would name as `$select`'s), and only on an operation that reads.
    fn path_query(&mut self, file: usize, key: &str, kind: OperationKind, p: &raw::RawPath) -> Vec<QueryParameter> {
        let mut out: Vec<QueryParameter> = Vec::new();
        for (k, q) in &p.query.0 {
            let qkey = format!("{key}.{}", k.value);
            let name = k.value.as_str();
            let identifier =
                name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !matches!(kind, OperationKind::List | OperationKind::Get | OperationKind::Function | OperationKind::Count) {
                let message =
                    format!("a `{}` operation takes no query parameters: only a list, get, function or count reads them", kind.spec_name());
                self.err(file, k, qkey, message, "not a read");
            } else if name.starts_with('$') || ODataOption::ALL.iter().any(|o| o.name().eq_ignore_ascii_case(name)) {
                let message = format!("`{name}` is one of OData's system query options, not a parameter of the operation's own");
                self.err(file, k, qkey, message, "a system option");
            } else if !identifier {
                self.err(file, k, qkey, format!("`{name}` is not an OData identifier"), "letters, digits and `_`, a letter first");
            } else if let Some(first) = out.iter().find(|o| o.name.eq_ignore_ascii_case(name)) {
                let message = format!("query parameter `{name}` is declared twice (as `{}`)", first.name);
                self.err(file, k, qkey, message, "names are matched in any letter case");
            } else {
                out.push(QueryParameter {
                    name: name.to_owned(),
                    required: q.value.required,
                    description: q.value.description.as_ref().map(|d| d.value.clone()),
                });
            }
        }
        out
    }

    /// OData's `$ref` rules: only a reference's path ends with it, after a navigation (or
    /// one of its items); a set is of a single-valued navigation. Whether the path before
    /// `$ref` ends at an item.
    fn reference_rules(&mut self, file: usize, t: &S<String>, key: &str, kind: OperationKind, segments: &[Segment]) -> Option<bool> {
        // OData's `$ref` ends a reference's path, after the navigation (or its item) whose
        // reference is written; the path's other rules read what comes before it.
        let refs = segments.last() == Some(&Segment::Literal("$ref".to_owned()));
        if refs != kind.is_reference() {
            let message = if refs {
                "only an `add-reference`, `remove-reference` or `set-reference` ends with `/$ref`"
            } else {
                "the path of a reference must end with its navigation (or the navigation's `{id}`), then `/$ref`"
            };
            self.err(file, t, key, message, "OData's reference segment");
            return None;
        }
        let navigation = if refs { &segments[..segments.len() - 1] } else { segments };
        if navigation.is_empty() {
            self.err(file, t, key, "`$ref` follows a navigation, not the root", "nothing to refer from");
            return None;
        }
        let ends_at_item = matches!(navigation.last(), Some(Segment::Param(_)));
        // A reference is set on a single-valued navigation (`/users/{id}/manager/$ref`);
        // a collection's get one added instead.
        if kind == OperationKind::SetReference && ends_at_item {
            let message = "a `set-reference` writes a single-valued navigation: its path ends with the navigation, then `/$ref`";
            self.err_help(
                file,
                t,
                key,
                message,
                "ends with an id",
                Some("to refer to one more entity of a collection, use `add-reference`".into()),
            );
            return None;
        }
        Some(ends_at_item)
    }

    /// What may end a path: `/$count` a count's, after a collection, and only a count's;
    /// `/<name>` a bound operation's.
    fn last_segment_rules(
        &mut self,
        file: usize,
        t: &S<String>,
        key: &str,
        kind: OperationKind,
        action: &str,
        segments: &[Segment],
    ) -> Option<()> {
        let counts = segments.len() >= 2
            && segments.last() == Some(&Segment::Literal("$count".to_owned()))
            && matches!(segments[segments.len() - 2], Segment::Literal(_));
        if (kind == OperationKind::Count) != counts
            && (kind == OperationKind::Count || segments.last() == Some(&Segment::Literal("$count".to_owned())))
        {
            let message = if kind == OperationKind::Count {
                "the path of a `count` must end with a collection's segment, then `/$count`"
            } else {
                "only a `count` ends with `/$count`"
            };
            self.err(file, t, key, message, "OData's count segment");
            return None;
        }
        if kind.is_bound_operation() && segments.last() != Some(&Segment::Literal(action.to_owned())) {
            self.err(
                file,
                t,
                key,
                format!("the path of action `{action}` must end with `/{action}`"),
                "Graph binds actions as the last segment",
            );
            return None;
        }
        Some(())
    }
}
