//! Turns the raw spec into the model, reporting every semantic error with its position.

use crate::diag::{Diagnostic, SpecErrors};
use crate::model::*;
use crate::spec::raw::{self, OrderedMap, RawValue, S};
use crate::spec::{pos_of, RawSpec, FORMAT_VERSION};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// The deepest inheritance chain a spec may declare. Graph's is about five; the bound
/// keeps a hostile chain from making every derived type's flattened members quadratic.
pub const MAX_INHERITANCE_DEPTH: usize = 32;

/// The characters a name may use when it becomes part of a file name (action names,
/// type names, example names): see `spec/README.md`.
pub const FILE_NAME_CHARS: &str = "ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit, at most 100";

/// Validates a loaded spec. Every problem is collected before returning, so one run
/// shows them all.
pub fn validate(spec: RawSpec) -> Result<Model, SpecErrors> {
    let mut v = Validator { spec: &spec, diags: Vec::new() };
    let model = v.run();
    if v.diags.is_empty() {
        if let Some(model) = model {
            return Ok(model);
        }
    }
    let diagnostics = v.diags;
    Err(SpecErrors { diagnostics, sources: spec.sources, io: false })
}

/// `model` with one more spec file's `extensions` applied (examples, notes, …), checked
/// as [`validate`] checks them, without reading or re-checking the rest of the spec: what
/// `sdkgen snippet --http` and `sdkgen serve` do per request. Positions point into `text`,
/// named `name`.
pub fn extend(mut model: Model, name: &str, text: &str) -> Result<Model, SpecErrors> {
    let mut sources = crate::diag::Sources::default();
    let id = sources.add(name.to_owned(), text.to_owned());
    let parsed = serde_saphyr::from_str::<raw::RawFile>(&sources.files[id].1);
    let raw = match parsed {
        Ok(raw) => raw,
        Err(e) => {
            let d = crate::spec::from_yaml_error(id, &sources.files[id].1, &e);
            return Err(SpecErrors { diagnostics: vec![d], sources, io: false });
        }
    };
    let spec = RawSpec { files: Vec::new(), sources };
    let mut v = Validator { spec: &spec, diags: Vec::new() };
    // The spec's own example names were unique when it loaded; a new one must not be one
    // of them (the new ones among themselves are checked as any file's are).
    let taken: std::collections::HashSet<String> =
        model.actions.iter().flat_map(|a| a.examples.iter().map(|e| crate::model::include_stem(&e.name))).collect();
    for (i, x) in raw.extensions.iter().enumerate() {
        for (j, e) in x.value.examples.iter().enumerate() {
            let name = &e.value.name;
            if taken.contains(&crate::model::include_stem(&name.value)) {
                let message = format!("example name `{}` is used twice (the spec has it already)", name.value);
                v.err(id, name, format!("extensions[{i}].examples[{j}].name"), message, "used again here");
            }
        }
    }
    if v.diags.is_empty() {
        v.extensions(id, &raw.extensions, &mut model, &mut Seen::default());
    }
    if v.diags.is_empty() {
        Ok(model)
    } else {
        let diagnostics = v.diags;
        Err(SpecErrors { diagnostics, sources: spec.sources, io: false })
    }
}

/// Names that become file names, case-folded, with where each was first declared: action
/// ids, example names and docs pages must each be unique on a case-insensitive disk.
#[derive(Default)]
struct Seen {
    actions: HashMap<String, (usize, S<String>)>,
    examples: HashMap<String, (usize, S<String>)>,
    pages: HashMap<String, (usize, S<String>)>,
}

struct Validator<'a> {
    spec: &'a RawSpec,
    diags: Vec<Diagnostic>,
}

/// Where a name was declared, for "defined twice" and lookups.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Enum,
    Complex,
}

impl<'a> Validator<'a> {
    fn err<T>(&mut self, file: usize, at: &S<T>, key: impl Into<String>, message: impl Into<String>, label: impl Into<String>) {
        self.err_help(file, at, key, message, label, None)
    }

    fn err_help<T>(
        &mut self,
        file: usize,
        at: &S<T>,
        key: impl Into<String>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) {
        let text = &self.spec.sources.files[file].1;
        let pos = (at.referenced.line() > 0).then(|| pos_of(file, text, &at.referenced));
        self.diags.push(Diagnostic { pos, key: key.into(), message: message.into(), label: label.into(), help });
    }

    fn run(&mut self) -> Option<Model> {
        let files = &self.spec.files;
        for (file, raw) in files {
            if raw.sdkgen.value != FORMAT_VERSION {
                self.err(
                    *file,
                    &raw.sdkgen,
                    "sdkgen",
                    format!("unsupported spec format version {}", raw.sdkgen.value),
                    format!("this generator reads format {FORMAT_VERSION}"),
                );
            }
        }

        // The API block: exactly one.
        let mut api: Option<Api> = None;
        for (file, raw) in files {
            if let Some(a) = &raw.api {
                if api.is_some() {
                    self.err(*file, a, "api", "a second `api` block", "the spec already has one");
                    continue;
                }
                api = Some(self.api(*file, &a.value));
            }
        }
        let api = match api {
            Some(a) => a,
            None => {
                self.diags.push(Diagnostic {
                    pos: None,
                    key: "api".into(),
                    message: "no file of the spec has an `api` block".into(),
                    label: String::new(),
                    help: Some("add `api: {title, version, namespace, baseUrl}` to one file".into()),
                });
                return None;
            }
        };

        // Every declared name first, so references may point forwards and across files.
        let mut names: BTreeMap<String, Kind> = BTreeMap::new();
        let mut keys: HashMap<String, (usize, &S<String>)> = HashMap::new();
        for (file, raw) in files {
            for (key, _) in &raw.enums.0 {
                self.declare(&mut names, &mut keys, *file, key, Kind::Enum, "enums");
            }
            for (key, _) in &raw.types.0 {
                self.declare(&mut names, &mut keys, *file, key, Kind::Complex, "types");
            }
        }

        let mut enums = Vec::new();
        let mut types = Vec::new();
        for (file, raw) in files {
            for (key, e) in &raw.enums.0 {
                enums.push(self.enum_type(*file, key, &e.value));
            }
            for (key, t) in &raw.types.0 {
                types.push(self.complex_type(*file, key, t, &names));
            }
        }

        let mut model = Model::new(api, enums, types, Vec::new());
        let names = names_of(&model);
        self.check_inheritance(&model);
        // Action ids and example names become file names: equal once case is folded
        // (a case-insensitive file system) means one file would overwrite the other.
        let mut seen = Seen::default();
        // One file's raw actions at a time (see `RawFile::actions`), the next file parsed
        // on another core while this one is checked.
        let spec = self.spec;
        let with_actions: Vec<usize> = files.iter().filter(|(_, raw)| raw.action_count > 0).map(|(file, _)| *file).collect();
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(2);
            scope.spawn(move || {
                for file in with_actions {
                    if tx.send((file, crate::spec::actions_of(&spec.sources, file))).is_err() {
                        break;
                    }
                }
            });
            for (file, actions) in rx {
                self.file_actions(file, &actions, &mut model, &names, &mut seen);
            }
        });
        for (file, raw) in files {
            self.extensions(*file, &raw.extensions, &mut model, &mut seen);
        }
        Some(model)
    }

    /// Checks one file's actions and adds the valid ones to the model.
    fn file_actions(
        &mut self,
        file: usize,
        actions: &[S<raw::RawAction>],
        model: &mut Model,
        names: &BTreeMap<String, Kind>,
        seen: &mut Seen,
    ) {
        for (i, a) in actions.iter().enumerate() {
            let key = format!("actions[{i}]");
            if let Some(action) = self.action(file, &key, &a.value, model, names, &mut seen.examples) {
                let id = action.id().to_lowercase();
                if let Some((f0, first)) = seen.actions.get(&id) {
                    let msg = format!(
                        "action id `{}` is also the id of the action at {}; their client methods and manifest entries would collide",
                        action.id(),
                        self.at(*f0, first)
                    );
                    self.err(file, &a.value.name, format!("{key}.name"), msg, "same id (boundTo-name) as another action");
                    continue;
                }
                seen.actions.insert(id, (file, a.value.name.clone()));
                let page_at = a.value.page.as_ref().unwrap_or(&a.value.name);
                if let Some((f0, first)) = seen.pages.get(&action.page.to_lowercase()) {
                    let msg = format!("docs page `{}.md` is also the page of the action at {}", action.page, self.at(*f0, first));
                    let what = if a.value.page.is_some() { "page" } else { "name" };
                    self.err(file, page_at, format!("{key}.{what}"), msg, "same page as another action");
                    continue;
                }
                seen.pages.insert(action.page.to_lowercase(), (file, page_at.clone()));
                model.actions.push(action);
            }
        }
    }

    fn api(&mut self, file: usize, a: &raw::RawApi) -> Api {
        let base = a.base_url.value.trim_end_matches('/').to_owned();
        if !is_https_url(&base) {
            self.err(file, &a.base_url, "api.baseUrl", "the base URL must be an absolute https URL", "not an https URL");
        }
        for (what, s) in [("title", &a.title), ("version", &a.version), ("namespace", &a.namespace)] {
            if s.value.trim().is_empty() {
                self.err(file, s, format!("api.{what}"), format!("`{what}` is empty"), "empty");
            }
        }
        // The version and namespace are spliced into package paths and imports of every
        // language (`msgraph-beta-sdk-go`, `Microsoft.Graph.Beta`), so they are held to a
        // pattern rather than escaped.
        let version_ok = a.version.value.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !a.version.value.is_empty() && !version_ok {
            self.err(
                file,
                &a.version,
                "api.version",
                format!("{:?} is not a version: letters and digits in `.`-separated parts (`beta`, `v1.0`)", a.version.value),
                "not a version",
            );
        }
        let ns_ok = a
            .namespace
            .value
            .split('.')
            .all(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !a.namespace.value.is_empty() && !ns_ok {
            self.err(
                file,
                &a.namespace,
                "api.namespace",
                format!("{:?} is not a namespace: `.`-separated identifiers (`microsoft.graph`)", a.namespace.value),
                "not a namespace",
            );
        }
        Api {
            title: a.title.value.clone(),
            version: a.version.value.clone(),
            namespace: a.namespace.value.clone(),
            base_url: base,
            notice: a.notice.as_ref().map(|n| n.value.clone()),
            subservice: a.subservice.as_ref().and_then(|v| self.front_matter_word(file, v, "api.subservice")),
            localization_priority: a
                .localization_priority
                .as_ref()
                .and_then(|v| self.front_matter_word(file, v, "api.localizationPriority")),
        }
    }

    fn declare(
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

    fn enum_type(&mut self, file: usize, key: &S<String>, e: &raw::RawEnum) -> EnumType {
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

    fn complex_type(&mut self, file: usize, key: &S<String>, t: &S<raw::RawType>, names: &BTreeMap<String, Kind>) -> ComplexType {
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

    fn properties(
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
    fn default_value(&mut self, file: usize, key: &str, d: &S<RawValue>, ty: &TypeRef) -> Option<Value> {
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

    fn type_ref(&mut self, file: usize, key: &str, ty: &S<String>, collection: bool, names: &BTreeMap<String, Kind>) -> Option<TypeRef> {
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
    fn check_inheritance(&mut self, model: &Model) {
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
    fn base_error(&mut self, name: &str, message: String, label: &str) {
        if let (file, Some(key)) = self.locate_type(name) {
            self.err(file, key, format!("types.{name}.base"), message, label);
        }
    }

    fn locate_property(&self, type_name: &str, prop: &str) -> Option<(usize, &'a S<String>)> {
        for (file, raw) in &self.spec.files {
            for (key, t) in &raw.types.0 {
                if key.value == type_name {
                    return t.value.properties.0.iter().find(|(k, _)| k.value == prop).map(|(k, _)| (*file, k));
                }
            }
        }
        None
    }

    /// Reports `name` when an earlier name of its scope (`seen`) has the same collision
    /// key, naming both places; otherwise records it. `what` prefixes each name
    /// (`member `).
    fn collides<'n>(
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

    /// `file:line:column` of a spanned value, for messages naming a second place.
    fn at<T>(&self, file: usize, s: &S<T>) -> String {
        format!(
            "{}:{}:{}",
            crate::diag::shown_path(std::path::Path::new(&self.spec.sources.files[file].0)),
            s.referenced.line(),
            s.referenced.column()
        )
    }

    /// Names may not hold control or bidi characters (they reach comments, docs and
    /// terminals); reports and returns false when one does.
    fn plain_name(&mut self, file: usize, name: &S<String>, key: &str) -> bool {
        if name.value.chars().any(crate::diag::is_unsafe) {
            self.err(
                file,
                name,
                key,
                format!("{} holds a control or bidi character", crate::diag::escape_controls(&format!("{:?}", name.value))),
                "not a plain name",
            );
            return false;
        }
        true
    }

    /// A name that becomes part of a file name.
    /// A docs front matter value (an alias, a subservice): one word of
    /// [`FILE_NAME_CHARS`], so a page's metadata stays one plain YAML scalar.
    fn front_matter_word(&mut self, file: usize, v: &S<String>, key: &str) -> Option<String> {
        if is_file_name(&v.value) {
            return Some(v.value.clone());
        }
        let shown = crate::diag::escape_controls(&format!("{:?}", v.value));
        self.err_help(
            file,
            v,
            key,
            format!("{shown} is not a docs front matter word"),
            "not one word",
            Some(format!("use {FILE_NAME_CHARS}")),
        );
        None
    }

    fn file_name(&mut self, file: usize, name: &S<String>, key: &str, what: &str) -> bool {
        if is_file_name(&name.value) {
            return true;
        }
        let shown = crate::diag::escape_controls(&format!("{:?}", name.value));
        self.err_help(
            file,
            name,
            key,
            format!("{shown} cannot be {what}: it becomes a file name"),
            "not a safe file name",
            Some(format!("use {FILE_NAME_CHARS}")),
        );
        false
    }

    fn locate_type(&self, name: &str) -> (usize, Option<&'a S<String>>) {
        for (file, raw) in &self.spec.files {
            for (key, t) in &raw.types.0 {
                if key.value == name {
                    return (*file, t.value.base.as_ref());
                }
            }
        }
        (0, None)
    }

    fn action(
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
        let path_parameters = self.properties(file, &format!("{key}.pathParameters"), &a.path_parameters, names);
        for p in &path_parameters {
            if !matches!(p.ty.kind, TypeKind::Primitive(_)) || p.ty.collection {
                if let Some((k, _)) = a.path_parameters.0.iter().find(|(k, _)| k.value == p.name) {
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
            if let Some(t) = self.path_template(file, &pkey, &p.value, &name, (kind, single_valued), &path_parameters) {
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

        let headers = a
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
            if k.value.is_empty() || !k.value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                self.err(
                    file,
                    k,
                    format!("{key}.headers.{}", k.value),
                    format!("`{}` is not a valid header name", k.value),
                    "letters, digits and `-` only",
                );
            }
            if h.value.value.value.chars().any(|c| c.is_control() || crate::diag::is_unsafe(c)) {
                self.err(
                    file,
                    &h.value.value,
                    format!("{key}.headers.{}.value", k.value),
                    "a header value may not hold control characters (a newline would start another header)",
                    "control character",
                );
            }
        }

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
                if !matches!(p.ty.kind, TypeKind::Primitive(_) | TypeKind::Enum(_)) || p.ty.collection || p.one_or_many {
                    if let Some((k, _)) = a.parameters.0.iter().find(|(k, _)| k.value == p.name) {
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
        let response = Response { status: r.status.value, description: r.description.as_ref().map(|d| d.value.clone()), body };
        let permissions = self.permissions(file, key, a.permissions.as_ref());
        let module = match &a.module {
            Some(m) => self.module(file, key, m),
            None => action_first_literal(&paths).map(|l| crate::lang::ident(l, crate::lang::Case::Pascal, "N")).unwrap_or_default(),
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

    /// An action's permissions; an action without them (an import) says so on its page.
    fn permissions(&mut self, file: usize, key: &str, p: Option<&S<raw::RawPermissions>>) -> Permissions {
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

    fn module(&mut self, file: usize, key: &str, m: &S<String>) -> String {
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

    /// Checks examples and adds the valid ones to `action`, after any it has.
    fn examples(
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
            if action.kind == OperationKind::Function {
                self.err(
                    file,
                    e,
                    ekey,
                    format!(
                        "`{}` is a function: examples of functions are not supported yet, as no snippet language writes a function call",
                        action.id()
                    ),
                    "example of a function",
                );
                continue;
            }
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
    fn extensions(&mut self, file: usize, extensions: &[S<raw::RawExtension>], model: &mut Model, seen: &mut Seen) {
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

    fn path_template(
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
        let ends_at_item = matches!(segments.last(), Some(Segment::Param(_)));
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
        Some(PathTemplate { template: t.value.clone(), segments, deprecated: p.deprecated.as_ref().map(|d| d.value.clone()) })
    }

    fn example(&mut self, file: usize, key: &str, e: &raw::RawExample, action: &Action, model: &Model) -> Option<Example> {
        let n_before = self.diags.len();
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
        let body = match (req.body.as_ref(), action.request_body()) {
            (None, _) => None,
            (Some(b), RequestBody::Parameters(params)) => Some(self.body_value(file, &bkey, b, params, model)),
            (Some(b), RequestBody::Entity(t)) => model.complex_type(t).map(|t| self.complex_value(file, &bkey, b, t, model)),
            (Some(b), RequestBody::None) => {
                self.err(file, b, bkey, format!("a {} `{}` sends no request body", action.method(), action.id()), "no body is sent");
                None
            }
        };
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
            if k.value.is_empty() || !k.value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                self.err(file, k, hkey.clone(), format!("`{}` is not a valid header name", k.value), "letters, digits and `-` only");
            }
            if v.value.chars().any(|c| c.is_control() || crate::diag::is_unsafe(c)) {
                self.err(file, v, hkey, "a header value may not hold control characters", "control character");
            }
        }
        let response_headers = e.response.value.headers.0.iter().map(|(k, v)| (k.value.clone(), v.value.clone())).collect();
        let notifications = e.notifications.as_ref().map(|n| {
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
        });
        if self.diags.len() != n_before {
            return None;
        }
        Some(Example {
            name: e.name.value.clone(),
            ignored: e.ignored,
            title: e.title.value.clone(),
            description: e.description.as_ref().map(|d| d.value.clone()),
            request: ExampleRequest { path_index, path_values, body },
            response: ExampleResponse { status: e.response.value.status.value, headers: response_headers, body: response_body },
            notifications,
        })
    }

    /// A collection in a response: Graph's page, `{"value": [...]}` with `@odata.*`
    /// annotations (`@odata.nextLink`) beside it.
    fn collection_page(&mut self, file: usize, key: &str, v: &S<RawValue>, ty: &TypeRef, model: &Model) -> Value {
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
    fn body_value(&mut self, file: usize, key: &str, v: &S<RawValue>, params: &[Property], model: &Model) -> Value {
        let RawValue::Map(entries) = &v.value else {
            self.err(file, v, key, "a request body must be a mapping of parameter names to values", "not a mapping");
            return to_json(&v.value);
        };
        for p in params.iter().filter(|p| p.required) {
            if !entries.iter().any(|(k, _)| k.value == p.name) {
                self.err(file, v, key, format!("required parameter `{}` is missing", p.name), format!("add `{}: …`", p.name));
            }
        }
        let mut out = Map::new();
        for (k, val) in entries {
            let mkey = format!("{key}.{}", k.value);
            match params.iter().find(|p| p.name == k.value) {
                Some(p) => {
                    let j = self.typed_value(file, &mkey, val, &p.ty, p.format, model);
                    out.insert(k.value.clone(), j);
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

    fn typed_value(&mut self, file: usize, key: &str, v: &S<RawValue>, ty: &TypeRef, format: Option<Format>, model: &Model) -> Value {
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

    fn complex_value(&mut self, file: usize, key: &str, v: &S<RawValue>, t: &ComplexType, model: &Model) -> Value {
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

fn action_first_literal(paths: &[PathTemplate]) -> Option<&str> {
    paths.first()?.segments.iter().find_map(|s| match s {
        Segment::Literal(l) => Some(l.as_str()),
        Segment::Param(_) => None,
    })
}

fn names_of(model: &Model) -> BTreeMap<String, Kind> {
    let mut names = BTreeMap::new();
    for e in &model.enums {
        names.insert(e.name.clone(), Kind::Enum);
    }
    for t in &model.types {
        names.insert(t.name.clone(), Kind::Complex);
    }
    names
}

fn derives_from(model: &Model, odata_type: &str, base: &str) -> bool {
    let prefix = format!("#{}.", model.api.namespace);
    let Some(mut name) = odata_type.strip_prefix(&prefix) else { return false };
    for _ in 0..=model.types.len() {
        let Some(t) = model.complex_type(name) else { return false };
        if t.name == base {
            return true;
        }
        match &t.base {
            Some(b) => name = b,
            None => return false,
        }
    }
    false
}

/// Whether `v` is a value of primitive `p`; the reason when not (empty: the wrong kind).
fn primitive_value_ok(p: Primitive, v: &RawValue) -> Result<(), String> {
    match (p, v) {
        (Primitive::String, RawValue::Str(_)) => Ok(()),
        (Primitive::DateTimeOffset | Primitive::Guid | Primitive::Duration, RawValue::Str(s)) => primitive_text_ok(p, s),
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

/// An absolute `https://host…` URL: the generated clients' own rule.
pub fn is_https_url(s: &str) -> bool {
    crate::rules::https_url_problem(s).is_none()
}

/// The collision key of a name: what is left once case and every non-alphanumeric
/// character are gone. Two names with one key become the same identifier in some target
/// language (`busy`/`Busy` in C#'s PascalCase, `callback_uri`/`CallbackUri` in Python's
/// snake_case, `$x`/`x` everywhere).
pub fn ident_key(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// A name that is safe as a file-name component (see [`FILE_NAME_CHARS`]).
pub fn is_file_name(s: &str) -> bool {
    s.len() <= 100
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && !s.contains("..")
}

/// A type or enum name: an identifier in every target language once cased, and a file
/// name component.
pub fn is_type_name(s: &str) -> bool {
    s.len() <= 100
        && s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Checks text that must spell a primitive: a Guid, or an RFC 3339 date-time with an
/// offset (`2024-05-01T09:30:00Z`, `…T09:30:00.123+02:00`).
pub fn primitive_text_ok(p: Primitive, s: &str) -> Result<(), String> {
    match p {
        Primitive::Guid if !is_guid(s) => Err("a Guid is 8-4-4-4-12 hexadecimal digits".to_owned()),
        Primitive::DateTimeOffset if !is_date_time_offset(s) => {
            Err("an RFC 3339 date-time with an offset, like 2024-05-01T09:30:00Z".to_owned())
        }
        Primitive::Duration if !is_duration(s) => Err("an ISO 8601 duration, like PT20M or P1DT0.5S".to_owned()),
        Primitive::Boolean if s != "true" && s != "false" => Err("true or false".to_owned()),
        Primitive::Int32 if s.parse::<i32>().is_err() => Err("a whole number in the Int32 range".to_owned()),
        Primitive::Int64 if s.parse::<i64>().is_err() => Err("a whole number in the Int64 range".to_owned()),
        Primitive::Double if !s.parse::<f64>().is_ok_and(f64::is_finite) => Err("a finite number".to_owned()),
        _ => Ok(()),
    }
}

/// `P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]` with at least one part, and one after a `T`;
/// only seconds may have a fraction (what every SDK's duration parser accepts).
fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('-').unwrap_or(s).strip_prefix('P') else { return false };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return false,
        None => (rest, None),
    };
    // Each part is digits then its unit, units in order, each once.
    let parts = |text: &str, units: &[char], fraction_on: Option<char>| -> Option<usize> {
        let mut count = 0;
        let mut next = 0;
        let mut digits = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() || (c == '.' && Some(units[units.len() - 1]) == fraction_on && !digits.contains('.')) {
                digits.push(c);
                continue;
            }
            let at = units[next..].iter().position(|u| *u == c)? + next;
            if digits.is_empty() || digits.starts_with('.') || digits.ends_with('.') || (digits.contains('.') && Some(c) != fraction_on) {
                return None;
            }
            digits.clear();
            next = at + 1;
            count += 1;
        }
        digits.is_empty().then_some(count)
    };
    let Some(date_parts) = parts(date, &['Y', 'M', 'W', 'D'], None) else { return false };
    let time_parts = match time {
        Some(t) => match parts(t, &['H', 'M', 'S'], Some('S')) {
            Some(0) | None => return false,
            Some(n) => n,
        },
        None => 0,
    };
    date_parts + time_parts > 0
}

fn is_date_time_offset(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit())).and_then(|t| t.parse().ok())
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return false;
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(sec)) =
        (num(0..4), num(5..7), num(8..10), num(11..13), num(14..16), num(17..19))
    else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&mo) || d == 0 || d > days[mo as usize - 1] || h > 23 || mi > 59 || sec > 60 {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        "Z" | "z" => true,
        _ => {
            let o = rest.as_bytes();
            o.len() == 6
                && matches!(o[0], b'+' | b'-')
                && o[3] == b':'
                && rest[1..3].parse::<u32>().is_ok_and(|h| h < 24)
                && rest[4..6].parse::<u32>().is_ok_and(|m| m < 60)
                && rest[1..3].bytes().chain(rest[4..6].bytes()).all(|c| c.is_ascii_digit())
        }
    }
}

fn is_guid(s: &str) -> bool {
    let parts: Vec<_> = s.split('-').collect();
    parts.len() == 5 && parts.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// "did you mean" for a misspelt name: the closest candidate within a small edit distance.
fn suggest<'s>(wrong: &str, candidates: impl Iterator<Item = &'s str>) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(&wrong.to_lowercase(), &c.to_lowercase());
        if d <= 2.max(wrong.len() / 4) && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| format!("did you mean `{c}`?"))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls() {
        assert!(is_https_url("https://bot.contoso.com/api/calls"));
        for bad in ["http://bot.contoso.com", "https://", "https:///x", "https://a b", "ftp://x", "/api"] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn durations_follow_iso_8601() {
        for good in ["PT20M", "PT0.03S", "PT0.015S", "P1D", "P1Y2M3W4DT5H6M7.5S", "-PT1H", "P0D"] {
            assert!(is_duration(good), "{good}");
        }
        for bad in ["", "P", "PT", "20M", "PT20", "PT1.5M", "P1.5D", "PT1S2M", "PT1M1M", "P1DT", "PT.5S", "PT5.S", "P1H"] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn date_times_follow_rfc_3339() {
        for good in ["2024-05-01T09:30:00Z", "2024-02-29T23:59:60.123456+02:00", "2023-12-31t00:00:00-11:30"] {
            assert!(is_date_time_offset(good), "{good}");
        }
        for bad in [
            "not a date",
            "2024-05-01",
            "2024-05-01T09:30:00",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T09:30:00.Z",
            "2024-05-01T09:30:00+2:00",
            "２024-05-01T09:30:00Z",
        ] {
            assert!(!is_date_time_offset(bad), "{bad}");
        }
    }

    #[test]
    fn names_that_collide_share_a_key() {
        assert_eq!(ident_key("busy"), ident_key("Busy"));
        assert_eq!(ident_key("callback_uri"), ident_key("CallbackUri"));
        assert_eq!(ident_key("$x"), ident_key("x"));
        assert_ne!(ident_key("x1"), ident_key("x"));
        assert!(
            is_file_name("call-reject.v2")
                && !is_file_name("../x")
                && !is_file_name("a/b")
                && !is_file_name(".hidden")
                && !is_file_name("a\nb")
                && !is_file_name("")
        );
    }

    #[test]
    fn suggestions_find_close_names() {
        assert_eq!(suggest("rejectReson", ["rejectReason", "call"].into_iter()).as_deref(), Some("did you mean `rejectReason`?"));
        assert_eq!(suggest("zzz", ["rejectReason"].into_iter()), None);
    }
}
