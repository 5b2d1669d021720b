//! The spec as an OpenAPI 3.1 document, for the tools around sdkgen (validators, Kiota,
//! OpenAPI Generator): paths and operations, schemas with `allOf` inheritance and a
//! `discriminator` on `@odata.type`, enums, examples, permissions as OAuth scopes.

use crate::model::*;
use serde_json::{json, Map, Value};

/// What marks a document as sdkgen's, so `export` overwrites only its own.
pub const MARK: &str = "x-generated-by";

/// What the document's first key line starts with when sdkgen wrote it.
pub const OWNER: &str = "\"x-generated-by\": \"sdkgen ";

/// The OpenAPI document for `model`; `regenerate` is the command that rewrites it.
pub fn document(model: &Model, regenerate: &str) -> Value {
    let mut paths = Map::new();
    for action in &model.actions {
        let names = operation_ids(action);
        for (path, id) in action.paths.iter().zip(names) {
            let entry = paths.entry(openapi_path(path) + &action.function_arguments()).or_insert_with(|| json!({}));
            entry[action.method().to_ascii_lowercase()] = operation(model, action, path, &id);
        }
    }
    let mut schemas = Map::new();
    for e in &model.enums {
        schemas.insert(schema_name(model, &e.name), enum_schema(e));
    }
    for t in &model.types {
        schemas.insert(schema_name(model, &t.name), complex_schema(model, t));
    }
    for action in &model.actions {
        if let RequestBody::Parameters(params) = action.request_body() {
            schemas.insert(request_schema_name(model, action), object_schema(model, params, None));
        }
    }
    let mut info = json!({"title": model.api.title, "version": model.api.version});
    if let Some(notice) = &model.api.notice {
        info["description"] = json!(notice);
    }
    // The mark is the document's first key: ownership is read at that fixed place (see
    // `export::owned`), never searched for.
    json!({
        MARK: format!("sdkgen {}; regenerate with `{regenerate}`", env!("CARGO_PKG_VERSION")),
        "openapi": "3.1.0",
        "info": info,
        "servers": [{"url": model.api.base_url}],
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": security_schemes(model)},
    })
}

/// `/communications/calls/{call-id}/reject`: OpenAPI's template syntax is the spec's.
fn openapi_path(path: &PathTemplate) -> String {
    path.segments.iter().fold(String::new(), |mut s, seg| {
        s.push('/');
        match seg {
            Segment::Literal(l) => s.push_str(l),
            Segment::Param(p) => {
                s.push('{');
                s.push_str(p);
                s.push('}');
            }
        }
        s
    })
}

/// `call.reject`, then `call.reject.via.app` for a later path (unique per action).
fn operation_ids(action: &Action) -> Vec<String> {
    let base = format!("{}.{}", action.bound_to, action.name);
    action
        .paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let first = p.segments.iter().find_map(|s| match s {
                Segment::Literal(l) => Some(l.as_str()),
                Segment::Param(_) => None,
            });
            if i == 0 {
                base.clone()
            } else {
                format!("{base}.via.{}.{i}", first.unwrap_or("path"))
            }
        })
        .collect()
}

fn schema_name(model: &Model, name: &str) -> String {
    format!("{}.{name}", model.api.namespace)
}

fn request_schema_name(model: &Model, action: &Action) -> String {
    format!("{}.{}.{}.requestBody", model.api.namespace, action.bound_to, action.name)
}

fn reference(model: &Model, name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{}", schema_name(model, name))})
}

fn operation(model: &Model, action: &Action, path: &PathTemplate, id: &str) -> Value {
    let mut op = json!({
        "operationId": id,
        "tags": [action.module],
        "summary": action.summary,
    });
    let mut description = action.description.clone().unwrap_or_default();
    for note in &action.notes {
        description.push_str(if description.is_empty() { "" } else { "\n\n" });
        description.push_str(note);
    }
    if !description.is_empty() {
        op["description"] = json!(description);
    }
    if let Some(why) = &path.deprecated {
        op["deprecated"] = json!(true);
        op["x-deprecation-note"] = json!(why);
    }
    let parameters = parameters(model, action, path);
    if !parameters.is_empty() {
        op["parameters"] = json!(parameters);
    }
    let on_this_path: Vec<&Example> = action.examples.iter().filter(|e| std::ptr::eq(&action.paths[e.request.path_index], path)).collect();
    if let Some(body) = request_body(model, action, &on_this_path) {
        op["requestBody"] = body;
    }
    op["responses"] = json!({
        action.response.status.to_string(): response(model, action, &on_this_path),
        "default": {"description": "A Graph error: `{\"error\": {\"code\", \"message\", \"innerError\"}}`."},
    });
    let mut security = Vec::new();
    if let Permission::Supported(scopes) = &action.permissions.delegated_work {
        security.push(json!({"delegated": scopes}));
    }
    if let Permission::Supported(scopes) = &action.permissions.application {
        security.push(json!({"application": scopes}));
    }
    op["security"] = json!(security);
    op
}

/// `param` with its description, when it has one.
fn described(mut param: Value, description: &Option<String>) -> Value {
    if let Some(d) = description {
        param["description"] = json!(d);
    }
    param
}

/// The path values this path uses, a function's arguments, the path's own query
/// parameters and the declared headers.
fn parameters(model: &Model, action: &Action, path: &PathTemplate) -> Vec<Value> {
    let in_path = |p: &Property| {
        described(json!({"name": p.name, "in": "path", "required": true, "schema": type_schema(model, &p.ty, p.format)}), &p.description)
    };
    let mut parameters: Vec<Value> =
        action.path_parameters.iter().filter(|p| path.segments.contains(&Segment::Param(p.name.clone()))).map(in_path).collect();
    // A function's arguments are path parameters inside its call, as Graph's OpenAPI has them.
    if action.kind == OperationKind::Function {
        parameters.extend(action.parameters.iter().map(in_path));
    }
    // The path's own query parameters, as Graph's OpenAPI has them (`startDateTime`).
    for q in &path.query {
        parameters
            .push(described(json!({"name": q.name, "in": "query", "required": q.required, "schema": {"type": "string"}}), &q.description));
    }
    // OpenAPI ignores `Authorization` and `Content-Type` as header parameters: security and
    // the media type say them.
    for h in action.headers.iter().filter(|h| !["authorization", "content-type"].contains(&h.name.to_ascii_lowercase().as_str())) {
        parameters
            .push(described(json!({"name": h.name, "in": "header", "required": h.required, "schema": {"type": "string"}}), &h.description));
    }
    parameters
}

/// The request body's schema and this path's examples of it; `None` without a body.
fn request_body(model: &Model, action: &Action, on_this_path: &[&Example]) -> Option<Value> {
    let schema = match action.request_body() {
        RequestBody::None => return None,
        RequestBody::Parameters(_) => json!({"$ref": format!("#/components/schemas/{}", request_schema_name(model, action))}),
        RequestBody::Entity(name) => reference(model, name),
        // Graph's OpenAPI names it `ReferenceCreate` / `ReferenceUpdate`; the shape is OData's.
        RequestBody::Reference => json!({
            "type": "object",
            "required": [crate::model::REFERENCE_MEMBER],
            "properties": {crate::model::REFERENCE_MEMBER: {"type": "string", "format": "uri"}},
        }),
    };
    let mut content = json!({"schema": schema});
    let examples: Map<String, Value> = on_this_path
        .iter()
        .filter_map(|e| e.request.body.as_ref().map(|b| (e.name.clone(), json!({"summary": e.title, "value": b}))))
        .collect();
    if !examples.is_empty() {
        content["examples"] = Value::Object(examples);
    }
    Some(json!({"required": true, "content": {"application/json": content}}))
}

/// The documented success response: a collection as Graph's page, and this path's examples.
fn response(model: &Model, action: &Action, on_this_path: &[&Example]) -> Value {
    let mut response =
        json!({"description": action.response.description.clone().unwrap_or_else(|| status_reason(action.response.status).to_owned())});
    if let Some(ty) = &action.response.body {
        let schema = if ty.collection {
            json!({
                "type": "object",
                "properties": {
                    "value": {"type": "array", "items": type_schema(model, &TypeRef { kind: ty.kind.clone(), collection: false }, None)},
                    "@odata.nextLink": {"type": "string"},
                    "@odata.context": {"type": "string"},
                },
            })
        } else {
            type_schema(model, ty, None)
        };
        let mut content = json!({"schema": schema});
        let examples: Map<String, Value> = on_this_path
            .iter()
            .filter(|e| e.response.status == action.response.status)
            .filter_map(|e| e.response.body.as_ref().map(|b| (e.name.clone(), json!({"summary": e.title, "value": b}))))
            .collect();
        if !examples.is_empty() {
            content["examples"] = Value::Object(examples);
        }
        response["content"] = json!({"application/json": content});
    }
    response
}

fn enum_schema(e: &EnumType) -> Value {
    let mut s = json!({"type": "string", "enum": e.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>()});
    if let Some(d) = &e.description {
        s["description"] = json!(d);
    }
    if e.evolvable {
        s["x-ms-enum-flags"] = json!({"evolvable": true});
    }
    s
}

/// A type's own members on top of its base's (`allOf`); a base with derived types names
/// them in a `discriminator` on `@odata.type`, as Graph's JSON does.
fn complex_schema(model: &Model, t: &ComplexType) -> Value {
    let own = object_schema(model, &t.properties, t.description.as_deref());
    let mut schema = match &t.base {
        Some(base) => json!({"allOf": [reference(model, base), own]}),
        None => {
            // Not required even on an abstract root: a derived type's own values (a list
            // of participants) come without it.
            let mut own = own;
            own["properties"]["@odata.type"] = json!({"type": "string"});
            own
        }
    };
    let derived: Vec<&ComplexType> = model.types.iter().filter(|d| derives(model, d, &t.name)).collect();
    if !derived.is_empty() {
        let mapping: Map<String, Value> = std::iter::once(t)
            .filter(|t| !t.is_abstract)
            .chain(derived)
            .map(|d| (model.odata_type(&d.name), json!(format!("#/components/schemas/{}", schema_name(model, &d.name)))))
            .collect();
        schema["discriminator"] = json!({"propertyName": "@odata.type", "mapping": mapping});
    }
    if let Some(d) = &t.description {
        schema["description"] = json!(d);
    }
    schema
}

/// Whether `t` derives from `base`, directly or not.
fn derives(model: &Model, t: &ComplexType, base: &str) -> bool {
    let mut cur = t.base.as_deref();
    for _ in 0..=model.types.len() {
        match cur {
            Some(b) if b == base => return true,
            Some(b) => cur = model.complex_type(b).and_then(|t| t.base.as_deref()),
            None => return false,
        }
    }
    false
}

fn object_schema(model: &Model, props: &[Property], description: Option<&str>) -> Value {
    let mut properties = Map::new();
    for p in props {
        properties.insert(p.name.clone(), property_schema(model, p));
    }
    let mut s = json!({"type": "object", "properties": properties});
    let required: Vec<&str> = props.iter().filter(|p| p.required).map(|p| p.name.as_str()).collect();
    if !required.is_empty() {
        s["required"] = json!(required);
    }
    if let Some(d) = description {
        s["description"] = json!(d);
    }
    s
}

fn property_schema(model: &Model, p: &Property) -> Value {
    let one = type_schema(model, &p.ty, p.format);
    let mut s = if p.one_or_many { json!({"anyOf": [one.clone(), {"type": "array", "items": one}]}) } else { one };
    // Graph's members are nullable unless the metadata says `Nullable="false"` (the
    // spec's `required`); its responses do send `null`.
    if !p.required && !p.ty.collection {
        s = match s.get("type").and_then(Value::as_str) {
            Some(t) if s.get("anyOf").is_none() => {
                let mut s = s.clone();
                s["type"] = json!([t, "null"]);
                s
            }
            _ => json!({"anyOf": [s, {"type": "null"}]}),
        };
    }
    // Keywords beside `$ref` are allowed in 3.1; they describe this use of the type.
    if let Some(d) = &p.description {
        s["description"] = json!(d);
    }
    if let Some(why) = &p.deprecated {
        s["deprecated"] = json!(true);
        s["x-deprecation-note"] = json!(why);
    }
    if let Some(d) = &p.default {
        s["default"] = d.clone();
    }
    s
}

fn type_schema(model: &Model, ty: &TypeRef, format: Option<Format>) -> Value {
    let one = match &ty.kind {
        TypeKind::Primitive(p) => {
            let (t, f) = match p {
                Primitive::String => ("string", format.map(|Format::HttpsUrl| "uri")),
                Primitive::Boolean => ("boolean", None),
                Primitive::Int32 => ("integer", Some("int32")),
                Primitive::Int64 => ("integer", Some("int64")),
                Primitive::Double => ("number", Some("double")),
                Primitive::DateTimeOffset => ("string", Some("date-time")),
                Primitive::Guid => ("string", Some("uuid")),
                Primitive::Date => ("string", Some("date")),
                Primitive::Binary => ("string", Some("byte")),
                Primitive::TimeOfDay => ("string", Some("time")),
                Primitive::Duration => ("string", Some("duration")),
            };
            let mut s = json!({"type": t});
            if let Some(f) = f {
                s["format"] = json!(f);
            }
            s
        }
        TypeKind::Enum(name) | TypeKind::Complex(name) => reference(model, name),
    };
    if ty.collection {
        json!({"type": "array", "items": one})
    } else {
        one
    }
}

/// Microsoft identity's OAuth 2.0 flows, with every permission any operation names.
fn security_schemes(model: &Model) -> Value {
    let mut delegated = std::collections::BTreeSet::new();
    let mut application = std::collections::BTreeSet::new();
    let supported = |p: &Permission| match p {
        Permission::Supported(scopes) => scopes.clone(),
        Permission::NotSupported | Permission::NotDocumented => Vec::new(),
    };
    for a in &model.actions {
        delegated.extend(supported(&a.permissions.delegated_work));
        delegated.extend(supported(&a.permissions.delegated_personal));
        application.extend(supported(&a.permissions.application));
    }
    let scopes =
        |set: std::collections::BTreeSet<String>| -> Map<String, Value> { set.into_iter().map(|s| (s.clone(), json!(s))).collect() };
    let authority = "https://login.microsoftonline.com/common/oauth2/v2.0";
    json!({
        "delegated": {"type": "oauth2", "flows": {"authorizationCode": {
            "authorizationUrl": format!("{authority}/authorize"),
            "tokenUrl": format!("{authority}/token"),
            "scopes": scopes(delegated),
        }}},
        "application": {"type": "oauth2", "flows": {"clientCredentials": {
            "tokenUrl": format!("{authority}/token"),
            "scopes": scopes(application),
        }}},
    })
}
