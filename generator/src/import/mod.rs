//! Spec YAML from the inputs users already have: Graph's CSDL metadata (`sdkgen import csdl`).

pub mod csdl;
pub mod lock;
pub mod page;
pub mod space;

use csdl::{Csdl, Operation, StructuredType, TypeName};
use space::Address;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;

/// The first line of every file the importer writes: re-importing replaces only files
/// that carry it, so hand-written spec files beside them are never touched.
pub const MARK: &str = "# Imported by sdkgen import csdl";

/// Whether a spec path is one an import may replace or remove when it carries [`MARK`]:
/// an operation or type file (`actions/*.yaml`, `types/*.yaml`). An imported `api.yaml`
/// stays once written; the lock is rewritten by every import.
pub fn replaceable(rel: &str) -> bool {
    rel.split_once('/').is_some_and(|(dir, name)| matches!(dir, "actions" | "types") && !name.contains('/') && name.ends_with(".yaml"))
}

/// What an import made: spec files (path relative to the spec directory → text) and the
/// elements it could not express, each with its reason.
#[derive(Debug, Default)]
pub struct Import {
    pub files: BTreeMap<String, String>,
    pub not_imported: Vec<NotImported>,
    pub operations: usize,
    pub types: usize,
    pub enums: usize,
    /// Operations the path filters left out.
    pub excluded: usize,
    /// Every operation imported, as `(method, path, file)`, in the order made.
    pub planned: Vec<(&'static str, String, String)>,
    /// Every operation the path filters were asked about, kept or not: a pattern that
    /// matches none of them is a typo, and an error.
    considered: Vec<(&'static str, String)>,
}

/// Which operations an import keeps by path, as Kiota's `--include-path` and
/// `--exclude-path`: a path is kept when it matches an include pattern (or there is none)
/// and no exclude pattern. A pattern is a path whose segments may hold `*` and `?`
/// (`/communications/calls/*/reject`), and `**` for any number of segments
/// (`/users/**/messages`, `**/delta`), and may end in `#` and methods, as Kiota's do
/// (`/communications/calls/*#DELETE`, `**#PATCH,DELETE`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PathFilter {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl PathFilter {
    /// The first pattern that matches none of `considered` (the selection's operations), as
    /// an error naming it and a path it could have meant.
    fn unused(&self, considered: &[(&str, String)]) -> Result<(), String> {
        let single = |p: &String| PathFilter { include: vec![p.clone()], exclude: Vec::new() };
        for (flag, list) in [("--include-path", &self.include), ("--exclude-path", &self.exclude)] {
            for p in list {
                if !considered.iter().any(|(m, t)| single(p).keeps(m, t)) {
                    let example = considered.first().map(|(m, t)| format!(" (they look like `{t}#{m}`)")).unwrap_or_default();
                    return Err(format!("`{flag} {p}` matches no operation of the selection{example}"));
                }
            }
        }
        Ok(())
    }

    /// Whether the `method` operation at `template` (`POST
    /// /communications/calls/{callId}/reject`) is imported.
    pub fn keeps(&self, method: &str, template: &str) -> bool {
        let matches = |p: &String| match p.split_once('#') {
            Some((path, methods)) => path_glob(path, template) && methods.split(',').any(|m| m.trim().eq_ignore_ascii_case(method)),
            None => path_glob(p, template),
        };
        (self.include.is_empty() || self.include.iter().any(matches)) && !self.exclude.iter().any(matches)
    }
}

/// `pattern` against `path`, segment by segment: `**` takes any number of segments, every
/// other segment is a [`glob`]. Memoised over (pattern, path) positions, so linear in
/// their product however many `**` there are.
fn path_glob(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.trim_matches('/').split('/').filter(|s| !s.is_empty()).collect();
    let s: Vec<&str> = path.trim_matches('/').split('/').filter(|s| !s.is_empty()).collect();
    // fits[i][j]: p[i..] matches s[j..], filled from the end.
    let mut fits = vec![vec![false; s.len() + 1]; p.len() + 1];
    fits[p.len()][s.len()] = true;
    for i in (0..p.len()).rev() {
        for j in (0..=s.len()).rev() {
            fits[i][j] = if p[i] == "**" {
                fits[i + 1][j] || (j < s.len() && fits[i][j + 1])
            } else {
                j < s.len() && glob(p[i], s[j]) && fits[i + 1][j + 1]
            };
        }
    }
    fits[0][0]
}

#[derive(Debug, Clone, PartialEq)]
pub struct NotImported {
    /// `microsoft.graph.call/contentSharingSessions`, `action reject (line 26399)`.
    pub element: String,
    pub reason: String,
}

impl NotImported {
    /// The reason without what names this element's own part (`parameter `x`: `,
    /// `return type: `), so that the report can count elements by reason.
    pub fn group(&self) -> &str {
        let r = self.reason.strip_prefix("return type: ").unwrap_or(&self.reason);
        match r.strip_prefix("parameter `").and_then(|rest| rest.split_once("`: ")) {
            Some((_, why)) => why,
            None => r,
        }
    }
}

/// The report's summary: each reason with how many elements it kept out, most first
/// (ties in the reason's order).
pub fn by_reason(not_imported: &[NotImported]) -> Vec<(usize, &str)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in not_imported {
        *counts.entry(n.group()).or_default() += 1;
    }
    let mut out: Vec<(usize, &str)> = counts.into_iter().map(|(r, n)| (n, r)).collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    out
}

/// The `api.yaml` an import writes into a spec directory that has none: Graph v1.0's.
pub const API: &str = "# Imported by sdkgen import csdl; edit freely, an import never replaces it once it exists.
sdkgen: 1
api:
  title: Microsoft Graph
  version: v1.0
  namespace: microsoft.graph
  baseUrl: https://graph.microsoft.com/v1.0
";

/// The namespace the spec's unqualified names live in.
const NAMESPACE: &str = "microsoft.graph";

fn primitive(edm: &str) -> Option<&'static str> {
    Some(match edm {
        "Edm.String" => "String",
        "Edm.Boolean" => "Boolean",
        "Edm.Int32" => "Int32",
        "Edm.Int64" => "Int64",
        "Edm.Double" => "Double",
        "Edm.DateTimeOffset" => "DateTimeOffset",
        "Edm.Guid" => "Guid",
        "Edm.Duration" => "Duration",
        "Edm.Date" => "Date",
        "Edm.Binary" => "Binary",
        "Edm.TimeOfDay" => "TimeOfDay",
        _ => return None,
    })
}

/// A YAML scalar that is always a plain string: JSON's quoting is valid YAML, and no
/// metadata text can become a key, a comment or another document.
pub(crate) fn q(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

/// A mapping key: plain where YAML reads it back as the same string, quoted otherwise
/// (`null`, `true`, `on`, anything with punctuation).
fn k(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(s.to_ascii_lowercase().as_str(), "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n");
    if plain {
        s.to_owned()
    } else {
        q(s)
    }
}

/// The element a file, report line or error names.
/// An OData SimpleIdentifier (CSDL 4.01 §17.2: a letter or `_`, then letters, digits and
/// `_`, at most 128 characters): what a name in the metadata must be before it becomes a
/// file name (`actions/{type}-{operation}.yaml`) and an identifier in ten languages. A
/// metadata file can hold anything in a `Name`; `../x` or a control character never
/// reaches the disk.
fn simple_identifier(name: &str) -> bool {
    name.chars().count() <= 128
        && name.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
}

const NOT_AN_IDENTIFIER: &str = "the name is not an OData identifier (a letter or `_`, then letters, digits and `_`, at most 128)";

fn short(qualified: &str) -> &str {
    qualified.strip_prefix(NAMESPACE).and_then(|s| s.strip_prefix('.')).unwrap_or(qualified)
}

struct Importer<'a> {
    csdl: &'a Csdl,
    /// Base type → the types deriving from it directly.
    derived: BTreeMap<String, Vec<String>>,
    out: Import,
    filter: PathFilter,
}

impl<'a> Importer<'a> {
    /// The spec's name for a CSDL type reference, or why it has none.
    fn spec_type(&self, ty: &TypeName) -> Result<String, String> {
        if let Some(p) = primitive(&ty.name) {
            return Ok(p.to_owned());
        }
        if ty.name.starts_with("Edm.") {
            return Err(format!("`{}` has no spec primitive yet", ty.name));
        }
        let q = self.csdl.qualify(&ty.name);
        let Some(local) = q.strip_prefix(&format!("{NAMESPACE}.")) else {
            return Err(format!("`{q}` is outside `{NAMESPACE}`; the spec has one namespace"));
        };
        if local.contains('.') {
            return Err(format!("`{q}` is in a sub-namespace; the spec has one namespace"));
        }
        if self.csdl.types.contains_key(&q) || self.csdl.enums.contains_key(&q) {
            Ok(local.to_owned())
        } else {
            Err(format!("`{q}` is not defined in the metadata"))
        }
    }

    /// Records an element the spec format cannot express yet, with why; the import goes on
    /// without it and the report lists it.
    fn cannot_express(&mut self, element: String, reason: String) {
        self.out.not_imported.push(NotImported { element, reason });
    }

    /// The types and enums `roots` reach: bases, property types, and the derived types of a
    /// reached abstract complex type (so a value of it can be written).
    fn closure(&self, roots: &[String]) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<String> = roots.iter().cloned().collect();
        while let Some(name) = queue.pop_front() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let Some(t) = self.csdl.types.get(&name) else { continue };
            let mut next: Vec<String> = t.base.iter().map(|b| self.csdl.qualify(b)).collect();
            next.extend(t.properties.iter().map(|p| self.csdl.qualify(&p.ty.name)));
            next.extend(t.navigations.iter().map(|n| self.csdl.qualify(&n.ty.name)));
            if t.is_abstract && !t.is_entity {
                next.extend(self.derived.get(&name).into_iter().flatten().cloned());
            }
            queue.extend(next.into_iter().filter(|n| !n.starts_with("Edm.") && !seen.contains(n)));
        }
        seen
    }

    fn description(&self, target: &str) -> Option<&String> {
        self.csdl.descriptions.get(target)
    }

    fn type_yaml(&mut self, t: &StructuredType, out: &mut String) {
        let _ = writeln!(out, "  {}:", k(short(&t.name)));
        if let Some(b) = &t.base {
            match self.spec_type(&TypeName { name: b.clone(), collection: false }) {
                Ok(b) => {
                    let _ = writeln!(out, "    base: {}", k(&b));
                }
                Err(why) => self.cannot_express(format!("{} base", t.name), why),
            }
        }
        if t.is_abstract {
            out.push_str("    abstract: true\n");
        }
        if t.is_open {
            out.push_str("    open: true\n");
        }
        if let Some(d) = self.description(&t.name) {
            let _ = writeln!(out, "    description: {}", q(d));
        }
        let mut props = String::new();
        // Navigation properties are members too, as in the SDKs' models: a response with
        // `$expand` carries them (contained ones are also operation paths).
        let members = t.properties.iter().map(|p| (&p.name, &p.ty, format!("line {}", p.line)));
        let navigations = t.navigations.iter().map(|n| (&n.name, &n.ty, "navigation".to_owned()));
        for (name, ty, at) in members.chain(navigations) {
            match self.spec_type(ty) {
                Ok(spec) => {
                    let _ = writeln!(props, "      {}:\n        type: {}", k(name), k(&spec));
                    if ty.collection {
                        props.push_str("        collection: true\n");
                    }
                    if let Some(d) = self.description(&format!("{}/{}", t.name, name)) {
                        let _ = writeln!(props, "        description: {}", q(d));
                    }
                }
                Err(why) => self.cannot_express(format!("{}/{name} ({at})", t.name), why),
            }
        }
        if !props.is_empty() {
            out.push_str("    properties:\n");
            out.push_str(&props);
        }
        out.push('\n');
    }

    fn enum_yaml(&mut self, e: &csdl::EnumType, out: &mut String) {
        if e.is_flags {
            self.cannot_express(format!("{} (line {})", e.name, e.line), "a flags enum (`a,b` values) is imported as a plain enum".into());
        }
        let evolvable = e.members.last().is_some_and(|m| m == "unknownFutureValue");
        if !evolvable && e.members.iter().any(|m| m == "unknownFutureValue") {
            self.cannot_express(
                format!("{} (line {})", e.name, e.line),
                "members after `unknownFutureValue` (Graph's evolved members) cannot be expressed; imported as not evolvable".into(),
            );
        }
        let _ = writeln!(out, "  {}:", k(short(&e.name)));
        if let Some(d) = self.description(&e.name) {
            let _ = writeln!(out, "    description: {}", q(d));
        }
        let _ = writeln!(out, "    evolvable: {evolvable}\n    members:");
        let mut seen = BTreeMap::new();
        for m in &e.members {
            // Two spellings of one word become one identifier in every target language.
            let folded: String = m.chars().filter(char::is_ascii_alphanumeric).flat_map(|c| c.to_lowercase()).collect();
            if let Some(first) = seen.insert(folded, m.clone()) {
                self.cannot_express(
                    format!("{}/{m} (line {})", e.name, e.line),
                    format!("the same identifier as `{first}` in the target languages; the first spelling is kept"),
                );
                continue;
            }
            let _ = writeln!(out, "      {}: {{}}", k(m));
        }
        out.push('\n');
    }

    /// One action file: the operation bound to `bound` at each of `paths`, or why it cannot be.
    fn action_yaml(&mut self, op: &Operation, bound: &str, paths: &[&[String]], header: &str) -> Option<String> {
        let element = format!("{} {} bound to {} (line {})", if op.is_function { "function" } else { "action" }, op.name, bound, op.line);
        let kind_name = if op.is_function { "function" } else { "action" };
        let mut params = String::new();
        for p in op.arguments().iter() {
            // A function's arguments are literals in its path: one primitive or enum value.
            let structured = self.csdl.types.contains_key(&self.csdl.qualify(&p.ty.name));
            if op.is_function && (p.ty.collection || structured) {
                self.cannot_express(
                    element,
                    format!("parameter `{}`: a function parameter that is a collection or a structured value (OData passes it as a JSON alias) cannot be expressed yet", p.name),
                );
                return None;
            }
            match self.spec_type(&p.ty) {
                Ok(ty) => {
                    let _ = writeln!(params, "      {}:\n        type: {}", k(&p.name), k(&ty));
                    if p.ty.collection {
                        params.push_str("        collection: true\n");
                    }
                    if !p.nullable {
                        params.push_str("        required: true\n");
                    }
                }
                Err(why) => {
                    self.cannot_express(element, format!("parameter `{}`: {why}", p.name));
                    return None;
                }
            }
        }
        let response = match &op.returns {
            None => "    response:\n      status: 204\n".to_owned(),
            Some(r) => match self.spec_type(r) {
                Ok(ty) => format!(
                    "    response:\n      status: 200\n      type: {}\n{}",
                    k(&ty),
                    if r.collection { "      collection: true\n" } else { "" }
                ),
                Err(why) => {
                    self.cannot_express(element, format!("return type: {why}"));
                    return None;
                }
            },
        };
        let method = if op.is_function { "GET" } else { "POST" };
        let templates =
            paths.iter().map(|p| Route { query: op.query.clone(), ..Route::owned(template(p) + "/" + &op.name, false) }).collect();
        let paths = self.kept(method, templates, &format!("actions/{bound}-{}.yaml", op.name))?;
        let summary = self
            .description(&format!("{NAMESPACE}.{}", op.name))
            .cloned()
            .unwrap_or_else(|| format!("The `{}` {} of `{bound}`, imported from Graph's metadata.", op.name, kind_name));
        let kind = op.is_function.then_some("function");
        let suffix = if op.is_function { "Functions" } else { "Actions" };
        let module = self.powershell_module(paths[0].template.trim_end_matches(&format!("/{}", op.name)), Some(suffix));
        let head = Head { name: &op.name, kind, bound, summary: &summary, paths: &paths, module };
        // A function's parameters go in its path; only an action's make a body.
        Some(head.yaml(header, !op.is_function && !params.is_empty(), &params, &response))
    }

    /// Microsoft Graph PowerShell's module of the operations at `template` (with `suffix`,
    /// `Actions` or `Functions`, for a bound operation's), by the tag Graph's converter gives
    /// them and the PowerShell SDK's own mapping of tags to modules.
    fn powershell_module(&self, template: &str, suffix: Option<&str>) -> Option<&'static str> {
        let tag = space::tag(self.csdl, template)?;
        crate::lang::powershell::module_of(&suffix.map_or(tag.clone(), |s| format!("{tag}.{s}")))
    }

    /// The addresses in `templates` the path filters keep, each one recorded as asked about and as planned for `file`; None, and one more
    /// operation left out, when they keep none.
    fn kept(&mut self, method: &'static str, templates: Vec<Route>, file: &str) -> Option<Vec<Route>> {
        let mut kept = Vec::new();
        for route in templates {
            self.out.considered.push((method, route.template.clone()));
            if self.filter.keeps(method, &route.template) {
                self.out.planned.push((method, route.template.clone(), file.to_owned()));
                kept.push(route);
            }
        }
        if kept.is_empty() {
            self.out.excluded += 1;
            return None;
        }
        Some(kept)
    }

    /// The entity operations OData's conventions give each address, less those its
    /// Capabilities annotations take away: list, create and count on a collection, get,
    /// update and delete on one of its entities, only list, get and count where a
    /// navigation refers to entities that live elsewhere. As Graph's OpenAPI (and so every
    /// Kiota SDK) has them; one operation of each kind, at every address that has it.
    fn entity_yamls(&mut self, bound: &str, addresses: &[Address], header: &str) -> Vec<(String, String)> {
        let entity = |status: u16, collection: bool| {
            format!(
                "    response:\n      status: {status}\n      type: {}\n{}",
                k(bound),
                if collection { "      collection: true\n" } else { "" }
            )
        };
        let none = "    response:\n      status: 204\n".to_owned();
        let count = "    response:\n      status: 200\n      type: Int32\n".to_owned();
        use crate::model::OperationKind as K;
        let kinds = [
            ("list", K::List, entity(200, true)),
            ("create", K::Create, entity(201, false)),
            ("get", K::Get, entity(200, false)),
            ("update", K::Update, none.clone()),
            ("delete", K::Delete, none.clone()),
            ("count", K::Count, count),
            ("addReference", K::AddReference, none.clone()),
            ("removeReference", K::RemoveReference, none.clone()),
            ("setReference", K::SetReference, none),
        ];
        let mut out = Vec::new();
        let root = format!("{}/", self.csdl.container);
        let type_counts = self.csdl.allows(&format!("{NAMESPACE}.{bound}"), "Countable");
        for (kind, operation, response) in kinds {
            let mut templates = Vec::new();
            // Two addresses may give one path (a type and its base's navigation): once each.
            let mut seen = BTreeSet::new();
            for a in addresses {
                let allows = |what| self.csdl.allows(&a.target, what);
                let writes = !a.reference;
                let at_root = a.target.starts_with(&root);
                // The address's own query parameters go where it is read: its list and
                // its items' get, as the converter gives them (msgraph-sdk 1.65.0's
                // `/users/{user-id}/messages{?…,includeHiddenMessages*}` and `…/{message-id}`).
                // A required one bounds a range of the collection (a calendar view's
                // `startDateTime`): an item is read without it.
                let query = match kind {
                    "list" => a.query.clone(),
                    "get" => a.query.iter().filter(|q| !q.required).cloned().collect(),
                    _ => Vec::new(),
                };
                let at = |segments: &[String], single| Route {
                    template: template(segments),
                    single,
                    references: a.reference,
                    query: query.clone(),
                };
                let path = match (kind, &a.collection) {
                    ("list", Some(c)) if allows("Readable") => Some(at(c, false)),
                    ("create", Some(c)) if writes && allows("Insertable") => Some(at(c, false)),
                    // `CountRestrictions` at the address, or for an entity set on its type
                    // (`agreement`: no `/agreements/$count`, as msgraph-sdk 1.65.0 has it).
                    ("count", Some(c)) if allows("Readable") && allows("Countable") && (!at_root || type_counts) => {
                        Some(Route { template: template(c) + "/$count", single: false, references: a.reference, query: Vec::new() })
                    }
                    ("get", Some(_)) if a.keyed && allows("Readable") && allows("ReadableByKey") => Some(at(&a.item, false)),
                    ("update" | "delete", Some(_))
                        if a.keyed && writes && allows(if kind == "update" { "Updatable" } else { "Deletable" }) =>
                    {
                        Some(at(&a.item, false))
                    }
                    // A singleton or single-valued navigation: read and updated where it is.
                    ("get", None) if allows("Readable") => Some(at(&a.item, true)),
                    ("update", None) if writes && allows("Updatable") => Some(at(&a.item, true)),
                    // OData's `$ref` on a `Referenceable` navigation: a collection's gains and
                    // loses references, a single-valued one's is set and cleared.
                    ("addReference", Some(c)) if a.referenceable => Some(Route::owned(template(c) + "/$ref", false)),
                    ("removeReference", Some(_)) if a.referenceable && a.keyed => Some(Route::owned(template(&a.item) + "/$ref", false)),
                    ("removeReference" | "setReference", None) if a.referenceable => Some(Route::owned(template(&a.item) + "/$ref", true)),
                    _ => None,
                };
                templates.extend(path.filter(|p| seen.insert(p.template.clone())));
            }
            if templates.is_empty() {
                continue;
            }
            let file = format!("actions/{bound}-{kind}.yaml");
            let Some(paths) = self.kept(operation.method(), templates, &file) else { continue };
            let first = &paths[0].template;
            let what = match kind {
                "list" => format!("List the `{bound}` entities at `{first}`"),
                "create" => format!("Create a `{bound}` at `{first}`"),
                "count" => format!("Count the `{bound}` entities at `{}`", first.trim_end_matches("/$count")),
                "addReference" => format!("Add a reference to a `{bound}` at `{first}`"),
                "removeReference" => format!("Remove a reference to a `{bound}` at `{first}`"),
                "setReference" => format!("Set the reference to a `{bound}` at `{first}`"),
                _ => format!("{} the `{bound}` at `{first}`", heck::AsUpperCamelCase(kind)),
            };
            let summary = format!("{what}; an entity operation by OData's conventions, imported from Graph's metadata.");
            let module = self.powershell_module(first, None);
            let head = Head { name: kind, kind: Some(operation.spec_name()), bound, summary: &summary, paths: &paths, module };
            let body = matches!(kind, "create" | "update");
            out.push((file, head.yaml(header, body, "", &response)));
        }
        out
    }
}

/// One address of an imported operation.
#[derive(Debug, Clone, PartialEq)]
struct Route {
    template: String,
    /// Ends at a singleton or single-valued navigation rather than an entity's key.
    single: bool,
    /// Ends in a navigation that refers to entities living elsewhere (`memberOf`).
    references: bool,
    /// Its own query parameters (`startDateTime`).
    query: Vec<crate::model::QueryParameter>,
}

impl Route {
    fn owned(template: String, single: bool) -> Self {
        Route { template, single, references: false, query: Vec::new() }
    }
}

/// A path's template from its segments: `/users/{user-id}/messages`.
fn template(segments: &[String]) -> String {
    segments.iter().map(|s| format!("/{s}")).collect()
}

/// What every imported operation file starts with.
struct Head<'a> {
    name: &'a str,
    /// None for an action (the spec's default kind).
    kind: Option<&'a str>,
    bound: &'a str,
    summary: &'a str,
    /// Each address's template, and whether it ends at a singleton or single-valued
    /// navigation rather than an entity's key.
    paths: &'a [Route],
    /// Microsoft Graph PowerShell's module of the operation at its first path, where its
    /// module mapping takes the path's tag; else the spec's default (the first segment).
    module: Option<&'static str>,
}

impl Head<'_> {
    /// The whole file: `body` says whether a JSON body is sent, `params` are the
    /// operation's parameters (an action's body members, a function's arguments).
    fn yaml(&self, header: &str, body: bool, params: &str, response: &str) -> String {
        let mut y = String::from(header);
        let _ = writeln!(y, "sdkgen: 1\nactions:\n  - name: {}", k(self.name));
        if let Some(kind) = self.kind {
            let _ = writeln!(y, "    kind: {kind}");
        }
        // The operation's shape is its first path's; a path of the other shape says so.
        let single = self.paths.first().is_some_and(|r| r.single);
        if single {
            y.push_str("    singleValued: true\n");
        }
        let _ = writeln!(y, "    boundTo: {}\n    summary: {}", k(self.bound), q(self.summary));
        if let Some(module) = self.module {
            let _ = writeln!(y, "    module: {module}");
        }
        y.push_str("    paths:\n");
        let mut ids: Vec<&str> = Vec::new();
        for Route { template, single: s, references, query } in self.paths {
            let _ = writeln!(y, "      - template: {}", q(template));
            if *s != single {
                let _ = writeln!(y, "        singleValued: {s}");
            }
            if *references {
                y.push_str("        references: true\n");
            }
            if !query.is_empty() {
                y.push_str("        query:\n");
                for p in query {
                    if !p.required && p.description.is_none() {
                        let _ = writeln!(y, "          {}: {{}}", k(&p.name));
                        continue;
                    }
                    let _ = writeln!(y, "          {}:", k(&p.name));
                    if p.required {
                        y.push_str("            required: true\n");
                    }
                    if let Some(d) = &p.description {
                        let _ = writeln!(y, "            description: {}", q(d));
                    }
                }
            }
            let placeholders = template.split('/').filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'));
            for id in placeholders {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        if !ids.is_empty() {
            y.push_str("    pathParameters:\n");
            for id in ids {
                let _ = writeln!(y, "      {}:\n        type: String", k(id));
            }
        }
        y.push_str("    headers:\n      Authorization:\n        value: Bearer {token}\n        required: true\n");
        if body {
            y.push_str("      Content-Type:\n        value: application/json\n        required: true\n");
        }
        if !params.is_empty() {
            y.push_str("    parameters:\n");
            y.push_str(params);
        }
        y.push_str(response);
        y
    }
}

/// Whether `name` matches `pattern`, where `*` stands for any run of characters and `?`
/// for one (`call*`, `*Operation`).
fn glob(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    let (mut i, mut j) = (0, 0);
    // Where the last `*` was, and the name position it has absorbed up to.
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            star = Some((si, sj + 1));
            i = si + 1;
            j = sj + 1;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

/// One addressable entity type as `import csdl --list` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Offered {
    pub name: String,
    /// One instance's path (`/communications/calls/{callId}`), or the singleton's.
    pub address: String,
    /// How many operations the metadata binds to it or to its collection.
    pub bound: usize,
}

/// The addressable entity types of `csdl` whose names match any of `patterns` (all of
/// them when there are none), by name; a pattern that matches nothing is an error, with
/// the closest name.
pub fn offered(csdl: &Csdl, patterns: &[String]) -> Result<Vec<Offered>, String> {
    let addresses = space::addresses(csdl);
    let names: Vec<&String> = addresses.keys().filter(|k| ours(k) && csdl.types.get(*k).is_some_and(|t| t.is_entity)).collect();
    for p in patterns {
        if !names.iter().any(|n| glob(p, short(n))) {
            let help = crate::diag::suggest(p, names.iter().map(|n| short(n))).map(|h| format!(" ({h})")).unwrap_or_default();
            return Err(format!("`{p}` matches no addressable entity type of the metadata{help}"));
        }
    }
    let mut bound: BTreeMap<String, usize> = BTreeMap::new();
    for op in csdl.operations.iter().filter(|o| o.is_bound) {
        if let Some(b) = op.parameters.first() {
            *bound.entry(csdl.qualify(&b.ty.name)).or_default() += 1;
        }
    }
    Ok(names
        .into_iter()
        .filter(|n| patterns.is_empty() || patterns.iter().any(|p| glob(p, short(n))))
        .map(|n| Offered { name: short(n).to_owned(), address: template(&addresses[n][0].item), bound: bound.get(n).copied().unwrap_or(0) })
        .collect())
}

/// A name in Graph's own namespace and not in a sub-namespace (`microsoft.graph.callRecords`).
fn ours(qualified: &str) -> bool {
    qualified.starts_with(&format!("{NAMESPACE}.")) && !short(qualified).contains('.')
}

/// The entity types `select` names (or, for a pattern, every addressable one it matches),
/// qualified; a name that is no entity type, or a pattern matching none, is the error.
fn selected_types(csdl: &Csdl, addresses: &BTreeMap<String, Vec<Address>>, select: &[String]) -> Result<BTreeSet<String>, String> {
    let addressable: Vec<&String> = addresses.keys().filter(|k| ours(k) && csdl.types.get(*k).is_some_and(|t| t.is_entity)).collect();
    let mut selected = BTreeSet::new();
    for s in select {
        if s.contains(['*', '?']) {
            // A pattern selects the addressable entity types whose names it matches.
            let matched: Vec<&&String> = addressable.iter().filter(|n| glob(s, short(n))).collect();
            if matched.is_empty() {
                let help = crate::diag::suggest(s, addressable.iter().map(|n| short(n))).map(|h| format!(" ({h})")).unwrap_or_default();
                return Err(format!("`{s}` matches no addressable entity type of the metadata{help}"));
            }
            selected.extend(matched.into_iter().map(|n| (*n).clone()));
        } else {
            let name = format!("{NAMESPACE}.{s}");
            if !csdl.types.get(&name).is_some_and(|t| t.is_entity) {
                let entities = csdl.types.iter().filter(|(k, t)| ours(k) && t.is_entity).map(|(k, _)| short(k));
                let help = crate::diag::suggest(s, entities).map(|h| format!(" ({h})")).unwrap_or_default();
                return Err(format!("`{s}` is not an entity type of the metadata{help}"));
            }
            selected.insert(name);
        }
    }
    Ok(selected)
}

/// Imports the entity types named in `select` (unqualified, `call`), the operations bound
/// to them (or to their collections) and every type they reach. A pattern (`*`, `call*`,
/// `*Operation`) selects every entity type with an address whose name it matches.
/// `command` goes into each file's header.
pub fn import(csdl: &Csdl, select: &[String], filter: &PathFilter, command: &str) -> Result<Import, String> {
    let mut derived: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for t in csdl.types.values() {
        if let Some(b) = &t.base {
            derived.entry(csdl.qualify(b)).or_default().push(t.name.clone());
        }
    }
    let mut im = Importer { csdl, derived, out: Import::default(), filter: filter.clone() };
    let addresses = space::addresses(csdl);
    let selected = selected_types(csdl, &addresses, select)?;
    let header = format!("{MARK}; do not edit, re-import with `{command}`.\n");
    // Operations first: their parameter and return types join the closure.
    let mut roots: Vec<String> = selected.iter().cloned().collect();
    // File → text: one operation per file, looked up by name (thousands in the whole of v1.0).
    let mut actions = im.bound_operations(&selected, &addresses, &header, &mut roots);
    im.entity_operations(&selected, &addresses, &header, &mut actions);
    filter.unused(&im.out.considered)?;
    im.out.operations = actions.len();
    let reached = im.closure(&roots);
    let types = im.types_file(&reached, &header);
    im.out.files.insert("types/imported.yaml".into(), types);
    im.out.files.extend(actions);
    im.out.not_imported.sort_by(|a, b| a.element.cmp(&b.element));
    Ok(im.out)
}

impl Importer<'_> {
    /// The files of the actions and functions bound to a selected type (or its collection);
    /// each one's parameter and return types are added to `roots`.
    fn bound_operations(
        &mut self,
        selected: &BTreeSet<String>,
        addresses: &BTreeMap<String, Vec<Address>>,
        header: &str,
        roots: &mut Vec<String>,
    ) -> BTreeMap<String, String> {
        let csdl = self.csdl;
        let mut actions = BTreeMap::new();
        for op in csdl.operations.iter().filter(|o| o.is_bound) {
            let Some(binding) = op.parameters.first() else { continue };
            let bound = csdl.qualify(&binding.ty.name);
            if !selected.contains(&bound) {
                continue;
            }
            // A bound type with no identifier for a name is reported by `entity_operations`.
            if !simple_identifier(short(&bound)) {
                continue;
            }
            if !simple_identifier(&op.name) {
                self.cannot_express(format!("{} (line {})", crate::diag::clip(&op.name), op.line), NOT_AN_IDENTIFIER.into());
                continue;
            }
            // Bound where the entities live: a navigation that only refers to them binds nothing.
            let owned: Vec<&Address> = addresses.get(&bound).into_iter().flatten().filter(|a| !a.reference).collect();
            if owned.is_empty() {
                self.cannot_express(
                    format!("{} bound to {}", op.name, short(&bound)),
                    "the entity type has no address in the container".into(),
                );
                continue;
            }
            let paths: Vec<&[String]> = if binding.ty.collection {
                owned.iter().filter_map(|a| a.collection.as_deref()).collect()
            } else {
                owned.iter().filter(|a| a.has_item()).map(|a| a.item.as_slice()).collect()
            };
            if paths.is_empty() {
                self.cannot_express(format!("{} bound to {}", op.name, short(&bound)), "bound to a collection that is a singleton".into());
                continue;
            }
            let mark = self.out.planned.len();
            if let Some(text) = self.action_yaml(op, short(&bound), &paths, header) {
                roots.extend(op.arguments().iter().map(|p| csdl.qualify(&p.ty.name)));
                roots.extend(op.returns.iter().map(|r| csdl.qualify(&r.name)));
                let file = format!("actions/{}-{}.yaml", short(&bound), op.name);
                if file.len() - "actions/".len() > crate::outdir::NAME_MAX {
                    self.cannot_express(
                        format!("{} bound to {}", crate::diag::clip(&op.name), crate::diag::clip(short(&bound))),
                        format!("its file name would be longer than file systems allow ({} bytes)", crate::outdir::NAME_MAX),
                    );
                    self.unplan(mark, &file);
                    continue;
                }
                if actions.contains_key(&file) {
                    self.unplan(mark, &file);
                    self.cannot_express(
                        file,
                        "a second operation of that name on that type (an overload); the spec names an operation once".into(),
                    );
                    continue;
                }
                actions.insert(file, text);
            }
        }
        actions
    }

    /// Takes back what was planned for `file` since `mark`: an operation made and then not
    /// written (its file taken) is not one the import plans or a dry run shows.
    fn unplan(&mut self, mark: usize, file: &str) {
        let mut at = 0;
        self.out.planned.retain(|(_, _, f)| {
            at += 1;
            at <= mark || f != file
        });
    }

    /// The entity operations (list, create, get, update, delete, count) of each selected type,
    /// added to `actions` unless an action of the same name holds the file.
    fn entity_operations(
        &mut self,
        selected: &BTreeSet<String>,
        addresses: &BTreeMap<String, Vec<Address>>,
        header: &str,
        actions: &mut BTreeMap<String, String>,
    ) {
        for bound in selected {
            if !simple_identifier(short(bound)) {
                self.cannot_express(crate::diag::clip(short(bound)).into_owned(), NOT_AN_IDENTIFIER.into());
                continue;
            }
            // A type reached only through navigations that refer to it (`files` of an upload
            // session, whose files have no entity set) is read there all the same.
            let Some(address) = addresses.get(bound) else {
                self.cannot_express(short(bound).to_owned(), "the entity type has no address in the container".into());
                continue;
            };
            let mark = self.out.planned.len();
            for (file, text) in self.entity_yamls(short(bound), address, header) {
                match actions.entry(file) {
                    std::collections::btree_map::Entry::Occupied(taken) => {
                        self.unplan(mark, taken.key());
                        self.cannot_express(
                            taken.key().clone(),
                            "an action of that name on that type; the spec names an operation once".into(),
                        )
                    }
                    std::collections::btree_map::Entry::Vacant(free) => {
                        free.insert(text);
                    }
                }
            }
        }
    }

    /// `types/imported.yaml`: every enum and structured type `reached` holds in Graph's
    /// namespace; one outside it is reported.
    fn types_file(&mut self, reached: &BTreeSet<String>, header: &str) -> String {
        let csdl = self.csdl;
        let mut types = format!("{header}sdkgen: 1\n");
        let enums: Vec<&csdl::EnumType> = reached.iter().filter(|n| ours(n)).filter_map(|n| csdl.enums.get(n)).collect();
        if !enums.is_empty() {
            types.push_str("enums:\n");
            for e in &enums {
                self.enum_yaml(e, &mut types);
            }
        }
        let structured: Vec<&StructuredType> = reached.iter().filter(|n| ours(n)).filter_map(|n| csdl.types.get(n)).collect();
        for t in reached.iter().filter(|n| !ours(n)) {
            if csdl.types.contains_key(t) || csdl.enums.contains_key(t) {
                self.cannot_express(t.clone(), format!("outside `{NAMESPACE}`; the spec has one namespace"));
            }
        }
        if !structured.is_empty() {
            types.push_str("types:\n");
            for t in &structured {
                self.type_yaml(t, &mut types);
            }
        }
        self.out.enums = enums.len();
        self.out.types = structured.len();
        types
    }
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn path_filters_match_segments() {
        use super::{path_glob, PathFilter};
        assert!(path_glob("/communications/calls/*/reject", "/communications/calls/{callId}/reject"));
        assert!(!path_glob("/communications/calls/*", "/communications/calls/{callId}/reject"));
        assert!(path_glob("/communications/**", "/communications/calls/{callId}/reject"));
        assert!(path_glob("**/reject", "/communications/calls/{callId}/reject"));
        assert!(path_glob("/users/**/messages", "/users/{userId}/messages"));
        assert!(path_glob("/users/**/messages", "/users/{userId}/mailFolders/{mailFolderId}/messages"));
        assert!(!path_glob("/users/**/messages", "/users/{userId}/messages/{messageId}"));
        assert!(path_glob("**", "/anything/at/all"));
        // Many `**` against a long path stays fast (memoised).
        let deep = format!("/{}", vec!["a"; 200].join("/"));
        assert!(!path_glob(&"/**".repeat(50).replace("//", "/").to_string().replace("**", "**/b"), &deep));
        let f = PathFilter {
            include: vec!["/communications/**".into()],
            exclude: vec!["**#DELETE".into(), "/communications/calls/*/keepAlive".into()],
        };
        assert!(f.keeps("POST", "/communications/calls/{callId}/reject"));
        assert!(f.keeps("GET", "/communications/calls/{callId}"));
        assert!(!f.keeps("DELETE", "/communications/calls/{callId}"), "excluded by method");
        assert!(!f.keeps("POST", "/communications/calls/{callId}/keepAlive"), "excluded by path");
        assert!(!f.keeps("GET", "/users/{userId}"), "not included");
        assert!(PathFilter { include: vec!["/users#get,patch".into()], exclude: vec![] }.keeps("PATCH", "/users"));
        assert!(PathFilter::default().keeps("GET", "/users/{userId}"));
    }

    #[test]
    fn selection_patterns_match_whole_names() {
        for (pattern, name) in [
            ("*", "call"),
            ("call*", "callRecording"),
            ("*Operation", "muteParticipantOperation"),
            ("c?ll", "call"),
            ("*a*l*", "call"),
            ("call", "call"),
        ] {
            assert!(glob(pattern, name), "{pattern} {name}");
        }
        for (pattern, name) in
            [("call*", "onlineMeeting"), ("*Operation", "operations"), ("c?ll", "cll"), ("call", "calls"), ("", "call"), ("?", "")]
        {
            assert!(!glob(pattern, name), "{pattern} {name}");
        }
    }
}
