//! One client method per address: its arguments, path, body, result and rustdoc, as tokens.

use super::*;

pub(super) fn method_tokens(model: &Model, names: &Names, a: &Action, path: &PathTemplate, method: &str) -> TokenStream {
    let ident = to_ident(method);
    let MethodArgs { args, function_checks, segments } = method_args(names, a, path);
    let https_checks = body_https_checks(a);
    let (body_arg, ret, call) = request_and_result(names, a);
    let doc = method_doc(model, a, path);
    let doc = doc_attr(&doc);
    let deprecated = path.deprecated.as_ref().map(|note| quote!(#[deprecated(note = #note)]));
    // A function takes its OData parameters as they are (Graph's have up to a dozen);
    // bundling them would hide the call's shape, so clippy's limit is waived there only.
    let many = (args.len() + usize::from(body_arg.is_some()) + 1 > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        #doc
        #deprecated
        #many
        pub async fn #ident(&self, #(#args,)* #body_arg) -> ::std::result::Result<#ret, sdkgen_runtime::Error> {
            #(#https_checks)*
            #(#function_checks)*
            let path = sdkgen_runtime::PathBuilder::new() #(#segments)* .finish();
            #call
        }
    }
}

/// A method's arguments (path values, a function's own, then the path's own query
/// parameters, required ones as `&str`, others as `Option<&str>`), the checks of a
/// function's https arguments, and the path builder's segments that use them.
struct MethodArgs {
    args: Vec<TokenStream>,
    function_checks: Vec<TokenStream>,
    segments: Vec<TokenStream>,
}

fn method_args(names: &Names, a: &Action, path: &PathTemplate) -> MethodArgs {
    let function = a.kind == OperationKind::Function;
    let param_specs: Vec<&str> = a.path_parameters.iter().map(|p| p.name.as_str()).collect();
    // A function's arguments are named beside the path values, unique among them.
    let arguments: &[Property] = if function { &a.parameters } else { &[] };
    let all: Vec<&str> = param_specs
        .iter()
        .copied()
        .chain(arguments.iter().map(|p| p.name.as_str()))
        .chain(path.query.iter().map(|q| q.name.as_str()))
        .collect();
    let all_names: Vec<proc_macro2::Ident> = field_names(&all, &["body", "path", "self"]).iter().map(|n| to_ident(n)).collect();
    let (param_names, rest) = all_names.split_at(param_specs.len());
    let (argument_names, query_names) = rest.split_at(arguments.len());
    let params: BTreeMap<&str, &proc_macro2::Ident> = param_specs.iter().copied().zip(param_names).collect();
    let used: Vec<&Property> = a.path_parameters.iter().filter(|p| path.segments.contains(&Segment::Param(p.name.clone()))).collect();
    let mut args: Vec<TokenStream> = used
        .iter()
        .map(|p| {
            let id = params[p.name.as_str()];
            quote!(#id: &str)
        })
        .collect();
    let mut function_checks = Vec::new();
    let mut function_args = Vec::new();
    for (p, id) in arguments.iter().zip(argument_names) {
        let (ty, value) = function_argument(names, p, id);
        args.push(if p.required { quote!(#id: #ty) } else { quote!(#id: ::std::option::Option<#ty>) });
        let wire = &p.name;
        let value = if p.required {
            value
        } else {
            quote!(match #id { ::std::option::Option::Some(#id) => #value, ::std::option::Option::None => sdkgen_runtime::FunctionArg::Null })
        };
        function_args.push(quote!((#wire, #value)));
        if p.format == Some(Format::HttpsUrl) {
            function_checks.push(if p.required {
                quote!(sdkgen_runtime::require_https_url(#wire, #id)?;)
            } else {
                quote!(if let ::std::option::Option::Some(value) = #id { sdkgen_runtime::require_https_url(#wire, value)?; })
            });
        }
    }
    let mut segments: Vec<TokenStream> = a
        .navigation(path)
        .iter()
        .map(|s| match s {
            Segment::Literal(l) => quote!(.literal(#l)),
            Segment::Param(p) => {
                let id = params[p.as_str()];
                quote!(.value(#p, #id)?)
            }
        })
        .collect();
    match a.kind {
        OperationKind::Function => {
            let name = &a.name;
            segments.push(quote!(.function(#name, &[#(#function_args),*])));
        }
        OperationKind::Action => {
            let name = &a.name;
            segments.push(quote!(.literal(#name)));
        }
        OperationKind::Count => segments.push(quote!(.literal("$count"))),
        k if k.is_reference() => segments.push(quote!(.literal("$ref"))),
        _ => {}
    }
    for (q, id) in path.query.iter().zip(query_names) {
        let name = &q.name;
        if q.required {
            args.push(quote!(#id: &str));
            segments.push(quote!(.query(#name, ::std::option::Option::Some(#id))));
        } else {
            args.push(quote!(#id: ::std::option::Option<&str>));
            segments.push(quote!(.query(#name, #id)));
        }
    }
    MethodArgs { args, function_checks, segments }
}

/// The https checks of a request body's URL parameters (a function's are its arguments').
fn body_https_checks(a: &Action) -> Vec<TokenStream> {
    let function = a.kind == OperationKind::Function;
    // A reference is to one of Graph's own entities, by its absolute URL.
    if a.request_body() == RequestBody::Reference {
        let member = crate::model::REFERENCE_MEMBER;
        return vec![quote!(sdkgen_runtime::require_https_url(#member, reference)?;)];
    }
    a.parameters
        .iter()
        .zip(field_names(&a.parameters.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), &[]))
        .filter(|(p, _)| p.format == Some(Format::HttpsUrl) && !function)
        .map(|(p, f)| {
            let f = to_ident(&f);
            let wire = &p.name;
            if p.ty.collection {
                quote! {
                    for value in body.#f.iter().flatten() {
                        sdkgen_runtime::require_https_url(#wire, value)?;
                    }
                }
            } else {
                quote! {
                    if let ::std::option::Option::Some(value) = &body.#f {
                        sdkgen_runtime::require_https_url(#wire, value)?;
                    }
                }
            }
        })
        .collect()
}

/// The body argument, the result type and the runtime call that sends the request.
fn request_and_result(names: &Names, a: &Action) -> (Option<TokenStream>, TokenStream, TokenStream) {
    let http_method = to_ident(a.method());
    let (body_arg, body) = match a.request_body() {
        RequestBody::None => (None, quote!(::std::option::Option::None::<&()>)),
        RequestBody::Parameters(_) => {
            let request = to_ident(&names.requests[&a.id()]);
            (Some(quote!(body: &crate::models::#request,)), quote!(::std::option::Option::Some(body)))
        }
        RequestBody::Entity(t) => {
            let ty = names.ty(t);
            (Some(quote!(body: &crate::models::#ty,)), quote!(::std::option::Option::Some(body)))
        }
        // The URL of the entity to refer to, sent as OData's `{"@odata.id": …}`.
        RequestBody::Reference => {
            let member = crate::model::REFERENCE_MEMBER;
            (
                Some(quote!(reference: &str,)),
                quote!(::std::option::Option::Some(&sdkgen_runtime::serde_json::json!({ #member: reference }))),
            )
        }
    };
    let (ret, call) = match &a.response.body {
        None => (quote!(()), quote!(self.inner.send_no_content(sdkgen_runtime::Method::#http_method, &path, #body).await)),
        Some(t) => {
            // A collection comes as a page: `value`, and the link to the next one.
            let ty = if t.collection {
                let one = rust_type(names, &TypeRef { kind: t.kind.clone(), collection: false }, false);
                quote!(sdkgen_runtime::CollectionPage<#one>)
            } else {
                rust_type(names, t, false)
            };
            (quote!(#ty), quote!(self.inner.send_json(sdkgen_runtime::Method::#http_method, &path, #body).await))
        }
    };
    (body_arg, ret, call)
}

/// The method's rustdoc: summary, notes, the request it sends, and the errors it can return.
fn method_doc(model: &Model, a: &Action, path: &PathTemplate) -> String {
    let status = a.response.status;
    let status_text = crate::model::status_reason(status);
    let mut doc = a.summary.clone();
    if let Some(d) = &a.description {
        doc.push_str(&format!("\n\n{d}"));
    }
    for n in &a.notes {
        doc.push_str(&format!("\n\n**Note:** {n}"));
    }
    doc.push_str(&format!(
        "\n\n`{} {}` ({} {}){}; documented to succeed with `{status} {status_text}`{}. Any other 2xx status \
         is success too (Graph may answer `200` where it documents `202`){}.",
        a.method(),
        a.documented_target(path),
        model.api.title,
        model.api.version,
        if matches!(a.request_body(), RequestBody::None) { " with no request body" } else { "" },
        if a.response.body.is_none() { " and no body" } else { "" },
        if a.response.body.is_none() { "; a body it sends is read and discarded" } else { "; its JSON body is the result" },
    ));
    if !path.query.is_empty() {
        doc.push_str("\n\nQuery parameters of its own, added after the path with each value percent-encoded:");
        for q in &path.query {
            let need = if q.required { "required" } else { "`None` leaves it out" };
            let what = q.description.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
            doc.push_str(&format!("\n- `{}` ({need}){what}", q.name));
        }
    }
    // Only the checks this method really makes are promised: a collection's create has no
    // path value, and only parameters are checked for https.
    let mut refused = Vec::new();
    if !a.path_parameters.is_empty() {
        refused.push("a path value cannot be one path segment".to_owned());
    }
    let https: Vec<String> = a.parameters.iter().filter(|p| p.format == Some(Format::HttpsUrl)).map(|p| format!("`{}`", p.name)).collect();
    if !https.is_empty() {
        refused.push(format!("{} is not an absolute https URL", https.join(", ")));
    }
    doc.push_str("\n\n# Errors\n\n");
    if !refused.is_empty() {
        doc.push_str(&format!("[`sdkgen_runtime::Error::InvalidArgument`] before sending when {};\n", refused.join(" or ")));
    }
    doc.push_str(
        "[`sdkgen_runtime::Error::Api`] with the status and Graph's error body for any other status\n\
         (429 and 503 are first retried, honouring `Retry-After`); [`sdkgen_runtime::Error::Transport`]\n\
         when the request cannot be sent or times out.",
    );
    doc
}

/// A function parameter's Rust type and the [`sdkgen_runtime::FunctionArg`] that writes
/// `id`'s value as the OData literal of its spec type.
fn function_argument(names: &Names, p: &Property, id: &proc_macro2::Ident) -> (TokenStream, TokenStream) {
    let arg = quote!(sdkgen_runtime::FunctionArg);
    match &p.ty.kind {
        TypeKind::Primitive(Primitive::String) => (quote!(&str), quote!(#arg::Text(#id))),
        // The validator refuses a `Binary` parameter: OData's literal for it is not the body's base64.
        TypeKind::Primitive(Primitive::DateTimeOffset | Primitive::Guid | Primitive::Date | Primitive::Binary | Primitive::TimeOfDay) => {
            (quote!(&str), quote!(#arg::Bare(#id.to_owned())))
        }
        TypeKind::Primitive(Primitive::Duration) => (quote!(&str), quote!(#arg::Duration(#id))),
        TypeKind::Primitive(Primitive::Double) => (quote!(f64), quote!(#arg::Double(#id))),
        TypeKind::Primitive(Primitive::Int32 | Primitive::Int64 | Primitive::Boolean) => {
            (rust_type(names, &p.ty, false), quote!(#arg::Bare(#id.to_string())))
        }
        TypeKind::Enum(_) | TypeKind::Complex(_) => {
            let ty = rust_type(names, &p.ty, false);
            (quote!(&#ty), quote!(#arg::Text(sdkgen_runtime::WireEnum::as_wire(#id))))
        }
    }
}
