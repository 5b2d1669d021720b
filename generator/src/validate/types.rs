//! Validation of declarations: enums, complex types and their properties, defaults, type references and inheritance.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn declare(
        &mut self,
        names: &mut BTreeMap<String, Kind>,
        keys: &mut HashMap<String, (usize, &'a S<String>)>,
        file: usize,
        key: &'a S<String>,
        kind: Kind,
        section: &str,
    ) {
        let name = &key.value;
        let k = format!("{section}.{name}");
        if name.trim().is_empty() {
            self.err(file, key, k, "a type name is empty", "empty name");
        } else if !is_type_name(name) {
            self.err(
                file,
                key,
                k,
                format!("{:?} is not a type name: ASCII letters, digits and `_`, starting with a letter or `_`, at most 100", name),
                "not a type name",
            );
        } else if Primitive::from_name(name).is_some() {
            self.err(file, key, k, format!("`{name}` is a primitive type and cannot be redefined"), "reserved for the primitive");
        } else if names.insert(name.clone(), kind).is_some() {
            self.err(file, key, k, format!("type `{name}` is defined twice"), "defined again here");
        } else if let Some((f0, first)) = keys.get(&ident_key(name)).copied() {
            let msg = format!(
                "type `{name}` and type `{}` (at {}) give the same identifier in the target languages",
                first.value,
                self.at(f0, first)
            );
            self.err(file, key, k, msg, "same identifier as another type");
        } else {
            keys.insert(ident_key(name), (file, key));
        }
    }

    pub(super) fn enum_type(&mut self, file: usize, key: &S<String>, e: &raw::RawEnum) -> EnumType {
        let name = key.value.clone();
        let mut members = Vec::new();
        let mut seen: HashMap<String, &S<String>> = HashMap::new();
        for (m, body) in &e.members.0 {
            let k = format!("enums.{name}.members.{}", m.value);
            if m.value.is_empty() {
                self.err(file, m, k, "an enum member name is empty", "empty name");
                continue;
            }
            if !self.plain_name(file, m, &k) {
                continue;
            }
            if self.collides(file, &mut seen, m, &k, "member ", "listed again here") {
                continue;
            }
            let description = body.as_ref().and_then(|b| b.value.description.as_ref()).map(|d| d.value.clone());
            members.push(EnumMember { name: m.value.clone(), description });
        }
        if members.is_empty() {
            self.err(file, key, format!("enums.{name}.members"), format!("enum `{name}` has no members"), "needs at least one member");
        }
        if e.evolvable && members.last().map(|m| m.name.as_str()) != Some(SENTINEL) {
            self.err_help(
                file,
                key,
                format!("enums.{name}.members"),
                format!("evolvable enum `{name}` must end with `{SENTINEL}`"),
                "declared evolvable here",
                Some(format!("add `{SENTINEL}: {{}}` as the last member, or set `evolvable: false`")),
            );
        }
        EnumType { name, description: e.description.as_ref().map(|d| d.value.clone()), evolvable: e.evolvable, members }
    }

    pub(super) fn complex_type(
        &mut self,
        file: usize,
        key: &S<String>,
        t: &S<raw::RawType>,
        names: &BTreeMap<String, Kind>,
    ) -> ComplexType {
        let name = key.value.clone();
        let raw = &t.value;
        if let Some(base) = &raw.base {
            if names.get(&base.value) != Some(&Kind::Complex) {
                let help = suggest(&base.value, names.iter().filter(|(_, k)| **k == Kind::Complex).map(|(n, _)| n.as_str()));
                self.err_help(
                    file,
                    base,
                    format!("types.{name}.base"),
                    format!("base type `{}` is not defined", base.value),
                    "no complex type of this name",
                    help,
                );
            }
        }
        let properties = self.properties(file, &format!("types.{name}.properties"), &raw.properties, names);
        ComplexType {
            name,
            description: raw.description.as_ref().map(|d| d.value.clone()),
            base: raw.base.as_ref().map(|b| b.value.clone()),
            is_abstract: raw.is_abstract,
            is_open: raw.open,
            properties,
        }
    }

    pub(super) fn properties(
        &mut self,
        file: usize,
        prefix: &str,
        props: &OrderedMap<S<raw::RawProperty>>,
        names: &BTreeMap<String, Kind>,
    ) -> Vec<Property> {
        let mut out = Vec::new();
        let mut seen: HashMap<String, &S<String>> = HashMap::new();
        for (pname, p) in &props.0 {
            let key = format!("{prefix}.{}", pname.value);
            if pname.value.is_empty() {
                self.err(file, pname, key, "a property name is empty", "empty name");
                continue;
            }
            if pname.value.starts_with("@odata.") || pname.value.starts_with('@') {
                self.err(
                    file,
                    pname,
                    key,
                    format!("`{}` is reserved: `@`-names are OData annotations, which sdkgen writes itself", pname.value),
                    "reserved name",
                );
                continue;
            }
            if !self.plain_name(file, pname, &key) {
                continue;
            }
            if self.collides(file, &mut seen, pname, &key, "", "same identifier as another member") {
                continue;
            }
            let Some(ty) = self.type_ref(file, &format!("{key}.type"), &p.value.ty, p.value.collection, names) else { continue };
            let format = match &p.value.format {
                None => None,
                Some(f) => match Format::ALL.iter().find(|(n, _)| *n == f.value) {
                    Some((_, fmt)) if ty.kind == TypeKind::Primitive(Primitive::String) => Some(*fmt),
                    Some(_) => {
                        self.err(
                            file,
                            f,
                            format!("{key}.format"),
                            format!("format `{}` only applies to String", f.value),
                            "not a String property",
                        );
                        None
                    }
                    None => {
                        let known: Vec<_> = Format::ALL.iter().map(|(n, _)| *n).collect();
                        self.err_help(
                            file,
                            f,
                            format!("{key}.format"),
                            format!("unknown format `{}`", f.value),
                            "unknown format",
                            Some(format!("known formats: {}", known.join(", "))),
                        );
                        None
                    }
                },
            };
            let one_or_many = match &p.value.one_or_many {
                Some(f) if f.value && p.value.collection => {
                    self.err(
                        file,
                        f,
                        format!("{key}.oneOrMany"),
                        "`oneOrMany` is for a property that is one value or a list; this one is always a list",
                        "with `collection: true`",
                    );
                    false
                }
                Some(f) => f.value,
                None => false,
            };
            let default = p.value.default.as_ref().and_then(|d| self.default_value(file, &key, d, &ty));
            out.push(Property {
                name: pname.value.clone(),
                ty,
                one_or_many,
                dynamic: p.value.dynamic.as_ref().is_some_and(|d| d.value),
                deprecated: p.value.deprecated.as_ref().map(|d| d.value.clone()),
                required: p.value.required,
                default,
                format,
                description: p.value.description.as_ref().map(|d| d.value.clone()),
            });
        }
        out
    }

    /// A property's `default`: a single primitive value of its type.
    pub(super) fn default_value(&mut self, file: usize, key: &str, d: &S<RawValue>, ty: &TypeRef) -> Option<Value> {
        let dkey = format!("{key}.default");
        match &ty.kind {
            TypeKind::Primitive(p) if !ty.collection => match primitive_value_ok(*p, &d.value) {
                Ok(()) => Some(to_json(&d.value)),
                Err(why) => {
                    let message = if why.is_empty() {
                        format!("the default is not a {}", p.name())
                    } else {
                        format!("the default is not a {}: {why}", p.name())
                    };
                    self.err(file, d, dkey, message, format!("not a {}", p.name()));
                    None
                }
            },
            _ => {
                self.err(file, d, dkey, "a default is only given for a single primitive value", "not a primitive");
                None
            }
        }
    }

    pub(super) fn type_ref(
        &mut self,
        file: usize,
        key: &str,
        ty: &S<String>,
        collection: bool,
        names: &BTreeMap<String, Kind>,
    ) -> Option<TypeRef> {
        let kind = if let Some(p) = Primitive::from_name(&ty.value) {
            TypeKind::Primitive(p)
        } else {
            match names.get(&ty.value) {
                Some(Kind::Enum) => TypeKind::Enum(ty.value.clone()),
                Some(Kind::Complex) => TypeKind::Complex(ty.value.clone()),
                None => {
                    let candidates = Primitive::ALL.iter().map(|(n, _)| *n).chain(names.keys().map(String::as_str));
                    let help = suggest(&ty.value, candidates);
                    self.err_help(file, ty, key, format!("type `{}` is not defined", ty.value), "undefined type", help);
                    return None;
                }
            }
        };
        Some(TypeRef { kind, collection })
    }

    /// Cycles, depth and redefined members, each type's chain walked once with its
    /// result remembered, so the cost is linear in the number of types.
    pub(super) fn check_inheritance(&mut self, model: &Model) {
        let positions: HashMap<&str, usize> = model.types.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
        let base_of = |i: usize| model.types[i].base.as_deref().and_then(|b| positions.get(b).copied());
        // 0: not seen, 1: on the current walk, 2: depth known.
        let mut state = vec![0u8; model.types.len()];
        let mut depth = vec![0usize; model.types.len()];
        for start in 0..model.types.len() {
            let mut walk = Vec::new();
            let mut cur = Some(start);
            let mut below = None;
            while let Some(i) = cur {
                if state[i] == 2 {
                    below = Some(depth[i] + 1);
                    break;
                }
                if state[i] == 1 {
                    let names: Vec<&str> = walk.iter().map(|j: &usize| model.types[*j].name.as_str()).collect();
                    let t = &model.types[start].name;
                    let msg = format!("type `{t}` inherits from itself ({} → {})", names.join(" → "), model.types[i].name);
                    self.base_error(t, msg, "inheritance cycle");
                    below = Some(0);
                    break;
                }
                state[i] = 1;
                walk.push(i);
                cur = base_of(i);
            }
            for (d, j) in (below.unwrap_or(0)..).zip(walk.into_iter().rev()) {
                state[j] = 2;
                depth[j] = d;
                if d == MAX_INHERITANCE_DEPTH + 1 {
                    let t = &model.types[j].name;
                    self.base_error(
                        t,
                        format!("type `{t}` is more than {MAX_INHERITANCE_DEPTH} levels below its root type"),
                        "inheritance too deep",
                    );
                }
            }
        }
        if self.diags.iter().any(|d| d.label == "inheritance cycle" || d.label == "inheritance too deep") {
            return;
        }
        // A member may not be declared again below (the derived value would serialise it
        // twice, or with another type); checked against the base's flattened members.
        let mut inherited: Vec<Option<HashMap<String, String>>> = vec![None; model.types.len()];
        let mut order: Vec<usize> = (0..model.types.len()).collect();
        order.sort_by_key(|i| depth[*i]);
        for i in order {
            let t = &model.types[i];
            let mut members = base_of(i).and_then(|b| inherited[b].clone()).unwrap_or_default();
            for p in &t.properties {
                if let Some(owner) = members.get(&ident_key(&p.name)) {
                    let owner = owner.clone();
                    if let Some((file, key)) = self.locate_property(&t.name, &p.name) {
                        self.err(
                            file,
                            key,
                            format!("types.{}.properties.{}", t.name, p.name),
                            format!("`{}` is already a member of base type `{owner}`; a derived type may not redefine it", p.name),
                            "redefines an inherited member",
                        );
                    }
                }
            }
            for p in &t.properties {
                members.entry(ident_key(&p.name)).or_insert_with(|| t.name.clone());
            }
            inherited[i] = Some(members);
        }
    }

    /// An error at type `name`'s `base` key.
    pub(super) fn base_error(&mut self, name: &str, message: String, label: &str) {
        if let (file, Some(key)) = self.locate_type(name) {
            self.err(file, key, format!("types.{name}.base"), message, label);
        }
    }

    pub(super) fn locate_property(&self, type_name: &str, prop: &str) -> Option<(usize, &'a S<String>)> {
        for (file, raw) in &self.spec.files {
            for (key, t) in &raw.types.0 {
                if key.value == type_name {
                    return t.value.properties.key(prop).map(|k| (*file, k));
                }
            }
        }
        None
    }

    /// Reports `name` when an earlier name of its scope (`seen`) has the same collision
    /// key, naming both places; otherwise records it. `what` prefixes each name
    /// (`member `).
    pub(super) fn collides<'n>(
        &mut self,
        file: usize,
        seen: &mut HashMap<String, &'n S<String>>,
        name: &'n S<String>,
        key: &str,
        what: &str,
        label: &str,
    ) -> bool {
        let Some(first) = seen.get(&ident_key(&name.value)).copied() else {
            seen.insert(ident_key(&name.value), name);
            return false;
        };
        let msg = if first.value == name.value {
            format!("{what}`{}` is listed twice", name.value)
        } else {
            let at = self.at(file, first);
            format!("{what}`{}` and {what}`{}` (at {at}) give the same identifier in the target languages", name.value, first.value)
        };
        self.err(file, name, key, msg, label);
        true
    }

    pub(super) fn locate_type(&self, name: &str) -> (usize, Option<&'a S<String>>) {
        for (file, raw) in &self.spec.files {
            for (key, t) in &raw.types.0 {
                if key.value == name {
                    return (*file, t.value.base.as_ref());
                }
            }
        }
        (0, None)
    }
}
