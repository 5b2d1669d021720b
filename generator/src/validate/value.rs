//! Typing of example values against the model: bodies, collections, complex and primitive values.

use super::*;

impl<'a> Validator<'a> {
    /// A collection in a response: Graph's page, `{"value": [...]}` with `@odata.*`
    /// annotations (`@odata.nextLink`) beside it.
    pub(super) fn collection_page(&mut self, file: usize, key: &str, v: &S<RawValue>, ty: &TypeRef, model: &Model) -> Value {
        let RawValue::Map(entries) = &v.value else {
            self.err(file, v, key, "a collection comes as a page: a mapping with a `value` list", "not a mapping");
            return to_json(&v.value);
        };
        let mut out = Map::new();
        for (k, val) in entries {
            let mkey = format!("{key}.{}", k.value);
            if k.value == "value" {
                out.insert(k.value.clone(), self.typed_value(file, &mkey, val, ty, None, model));
            } else if k.value.starts_with("@odata.") {
                out.insert(k.value.clone(), to_json(&val.value));
            } else {
                self.err(file, k, mkey, format!("`{}` is not a member of a collection page", k.value), "only `value` and `@odata.*`");
            }
        }
        if !out.contains_key("value") {
            self.err(file, v, key, "a collection page needs its `value` list", "no `value`");
        }
        Value::Object(out)
    }

    /// A request body: an object whose members are the action's parameters.
    pub(super) fn body_value(&mut self, file: usize, key: &str, v: &S<RawValue>, params: &[Property], model: &Model) -> Value {
        let RawValue::Map(entries) = &v.value else {
            self.err(file, v, key, "a request body must be a mapping of parameter names to values", "not a mapping");
            return to_json(&v.value);
        };
        // Graph matches an action's parameter names in any letter case (pages send `message`
        // where the metadata says `Message`); the value is kept under the declared name, the
        // one every SDK spells.
        let param =
            |name: &str| params.iter().find(|p| p.name == name).or_else(|| params.iter().find(|p| p.name.eq_ignore_ascii_case(name)));
        for p in params.iter().filter(|p| p.required) {
            if !entries.iter().any(|(k, _)| param(&k.value).is_some_and(|found| found.name == p.name)) {
                self.err(file, v, key, format!("required parameter `{}` is missing", p.name), format!("add `{}: …`", p.name));
            }
        }
        let mut out = Map::new();
        for (k, val) in entries {
            let mkey = format!("{key}.{}", k.value);
            match param(&k.value) {
                Some(p) if out.contains_key(&p.name) => {
                    let message = format!("parameter `{}` is given twice (names match in any letter case)", p.name);
                    self.err(file, k, mkey, message, "given before");
                }
                Some(p) => {
                    let j = self.typed_value(file, &mkey, val, &p.ty, p.format, model);
                    out.insert(p.name.clone(), j);
                }
                None => {
                    let help = suggest(&k.value, params.iter().map(|p| p.name.as_str()))
                        .or_else(|| Some(format!("parameters: {}", params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "))));
                    self.err_help(file, k, mkey, format!("`{}` is not a parameter of this action", k.value), "unknown parameter", help);
                }
            }
        }
        Value::Object(out)
    }

    pub(super) fn typed_value(
        &mut self,
        file: usize,
        key: &str,
        v: &S<RawValue>,
        ty: &TypeRef,
        format: Option<Format>,
        model: &Model,
    ) -> Value {
        if ty.collection {
            let RawValue::Seq(items) = &v.value else {
                self.err(file, v, key, "expected a list", "not a list");
                return to_json(&v.value);
            };
            let one = TypeRef { kind: ty.kind.clone(), collection: false };
            let out = items
                .iter()
                .enumerate()
                .map(|(i, item)| self.typed_value(file, &format!("{key}[{i}]"), item, &one, format, model))
                .collect();
            return Value::Array(out);
        }
        if matches!(v.value, RawValue::Null) {
            return Value::Null;
        }
        match &ty.kind {
            TypeKind::Primitive(p) => {
                if let Err(why) = primitive_value_ok(*p, &v.value) {
                    let message = if why.is_empty() {
                        format!("expected a value of type {}", p.name())
                    } else {
                        format!("expected a value of type {}: {why}", p.name())
                    };
                    self.err(file, v, key, message, format!("not a {}", p.name()));
                } else if let (Some(Format::HttpsUrl), RawValue::Str(s)) = (format, &v.value) {
                    if !is_https_url(s) {
                        self.err(file, v, key, format!("{s:?} is not an absolute https URL"), "must be https");
                    }
                }
                to_json(&v.value)
            }
            TypeKind::Enum(name) => {
                let Some(e) = model.enum_type(name) else { return to_json(&v.value) };
                match &v.value {
                    RawValue::Str(s) if e.members.iter().any(|m| &m.name == s) => Value::String(s.clone()),
                    other => {
                        let shown = match other {
                            RawValue::Str(s) => format!("`{s}`"),
                            _ => "this value".to_owned(),
                        };
                        let members: Vec<_> = e.members.iter().map(|m| m.name.as_str()).collect();
                        let help = match other {
                            RawValue::Str(s) => suggest(s, members.iter().copied()),
                            _ => None,
                        }
                        .or_else(|| Some(format!("members of `{name}`: {}", members.join(", "))));
                        self.err_help(file, v, key, format!("{shown} is not a member of enum `{name}`"), "not in the enum", help);
                        to_json(other)
                    }
                }
            }
            TypeKind::Complex(name) => match model.complex_type(name) {
                Some(t) => self.complex_value(file, key, v, t, model),
                None => to_json(&v.value),
            },
        }
    }

    pub(super) fn complex_value(&mut self, file: usize, key: &str, v: &S<RawValue>, t: &ComplexType, model: &Model) -> Value {
        let RawValue::Map(entries) = &v.value else {
            self.err(file, v, key, format!("expected a `{}` object", t.name), "not a mapping");
            return to_json(&v.value);
        };
        // A value may be of a type derived from the declared one, named by `@odata.type`;
        // its members are then the derived type's.
        let named = entries.iter().find(|(k, _)| k.value == "@odata.type").and_then(|(_, v)| match &v.value {
            RawValue::Str(s) if derives_from(model, s, &t.name) => {
                s.strip_prefix(&format!("#{}.", model.api.namespace)).and_then(|n| model.complex_type(n))
            }
            _ => None,
        });
        let actual = named.unwrap_or(t);
        if actual.is_abstract && !entries.iter().any(|(k, _)| k.value == "@odata.type") {
            self.err(
                file,
                v,
                key,
                format!("`{}` is abstract: the value needs an `@odata.type` naming a type derived from it", t.name),
                "abstract type without @odata.type",
            );
        }
        let props = model.all_properties(actual);
        let mut out = Map::new();
        for (k, val) in entries {
            let mkey = format!("{key}.{}", k.value);
            if let Some(annotation) = k.value.strip_prefix("@odata.") {
                if annotation == "type" {
                    let expected = model.odata_type(&t.name);
                    let fits = matches!(&val.value, RawValue::Str(s) if *s == expected || derives_from(model, s, &t.name));
                    if !fits {
                        self.err(
                            file,
                            val,
                            mkey.clone(),
                            format!("`@odata.type` of a `{}` must be {expected:?} or a type derived from it", t.name),
                            "wrong @odata.type",
                        );
                    }
                }
                out.insert(k.value.clone(), to_json(&val.value));
                continue;
            }
            match props.iter().find(|p| p.name == k.value) {
                Some(p) => {
                    let ty = if p.one_or_many && matches!(val.value, RawValue::Seq(_)) {
                        TypeRef { kind: p.ty.kind.clone(), collection: true }
                    } else {
                        p.ty.clone()
                    };
                    let j = self.typed_value(file, &mkey, val, &ty, p.format, model);
                    out.insert(k.value.clone(), j);
                }
                // An open type's dynamic property: it has no declared type, so it is written
                // as the JSON scalar it is; anything else needs a declared `dynamic` member.
                None if model.is_open(actual) && !k.value.starts_with('@') => match &val.value {
                    _ if !self.plain_name(file, k, &mkey) => {}
                    RawValue::Null | RawValue::Bool(_) | RawValue::Int(_) | RawValue::Float(_) | RawValue::Str(_) => {
                        out.insert(k.value.clone(), to_json(&val.value));
                    }
                    RawValue::Seq(_) | RawValue::Map(_) => self.err_help(
                        file,
                        val,
                        mkey,
                        format!(
                            "`{}` is not declared by the open type `{}`, so it can only be a string, number, boolean or null",
                            k.value, actual.name
                        ),
                        "undeclared member with a structured value",
                        Some(format!("declare it on `{}` with its type and `dynamic: true`", actual.name)),
                    ),
                },
                None => {
                    let help = suggest(&k.value, props.iter().map(|p| p.name.as_str()));
                    self.err_help(file, k, mkey, format!("`{}` is not a property of `{}`", k.value, actual.name), "unknown property", help);
                }
            }
        }
        Value::Object(out)
    }
}

/// Whether `v` is a value of primitive `p`; the reason when not (empty: the wrong kind).
pub(super) fn primitive_value_ok(p: Primitive, v: &RawValue) -> Result<(), String> {
    match (p, v) {
        (Primitive::String, RawValue::Str(_)) => Ok(()),
        (
            Primitive::DateTimeOffset | Primitive::Guid | Primitive::Duration | Primitive::Date | Primitive::Binary | Primitive::TimeOfDay,
            RawValue::Str(s),
        ) => primitive_text_ok(p, s),
        (Primitive::Boolean, RawValue::Bool(_)) => Ok(()),
        (Primitive::Int32, RawValue::Int(i)) if i32::try_from(*i).is_err() => Err("out of the Int32 range".to_owned()),
        (Primitive::Int32 | Primitive::Int64, RawValue::Int(_)) => Ok(()),
        (Primitive::Double, RawValue::Int(_)) => Ok(()),
        (Primitive::Double, RawValue::Float(f)) if !f.is_finite() => Err("JSON has no infinities or NaN".to_owned()),
        (Primitive::Double, RawValue::Float(_)) => Ok(()),
        _ => Err(String::new()),
    }
}

/// The conversion keeps key order, so bodies print in the order the spec writes them.
pub fn to_json(v: &RawValue) -> Value {
    match v {
        RawValue::Null => Value::Null,
        RawValue::Bool(b) => Value::Bool(*b),
        RawValue::Int(i) => Value::from(*i),
        RawValue::Float(f) => serde_json::Number::from_f64(*f).map(Value::Number).unwrap_or(Value::Null),
        RawValue::Str(s) => Value::String(s.clone()),
        RawValue::Seq(items) => Value::Array(items.iter().map(|i| to_json(&i.value)).collect()),
        RawValue::Map(entries) => Value::Object(entries.iter().map(|(k, v)| (k.value.clone(), to_json(&v.value))).collect()),
    }
}
