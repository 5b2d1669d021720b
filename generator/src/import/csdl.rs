//! Reads Graph's CSDL (EDMX 4.0) into the few things the importer needs, with quick-xml.

use crate::model::QueryParameter;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::collections::BTreeMap;

/// A type reference as CSDL writes it: `Collection(graph.call)` → collection of `graph.call`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeName {
    /// Namespace-qualified as written (`graph.call`, `Edm.String`, `microsoft.graph.call`).
    pub name: String,
    pub collection: bool,
}

impl TypeName {
    fn parse(text: &str) -> TypeName {
        match text.strip_prefix("Collection(").and_then(|t| t.strip_suffix(')')) {
            Some(inner) => TypeName { name: inner.to_owned(), collection: true },
            None => TypeName { name: text.to_owned(), collection: false },
        }
    }
}

#[derive(Debug, Clone)]
pub struct Property {
    pub name: String,
    pub ty: TypeName,
    pub nullable: bool,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Navigation {
    pub name: String,
    pub ty: TypeName,
    pub contains_target: bool,
}

#[derive(Debug, Clone)]
pub struct StructuredType {
    /// Namespace-qualified (`microsoft.graph.call`).
    pub name: String,
    pub base: Option<String>,
    pub is_abstract: bool,
    pub is_open: bool,
    pub is_entity: bool,
    pub properties: Vec<Property>,
    pub navigations: Vec<Navigation>,
    /// The key's property where the type declares one (`id` on `entity`; `versionNumber`
    /// on `workflowVersion`); a derived type has its base's.
    pub key: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct EnumType {
    pub name: String,
    pub members: Vec<String>,
    pub is_flags: bool,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub name: String,
    pub is_function: bool,
    pub is_bound: bool,
    /// Bound operations: the binding parameter first, as CSDL orders them.
    pub parameters: Vec<Property>,
    pub returns: Option<TypeName>,
    /// Query parameters of its own (`OperationRestrictions/CustomQueryOptions`: event
    /// `delta`'s `startDateTime`).
    pub query: Vec<QueryParameter>,
    pub line: usize,
}

impl Operation {
    /// The parameters a caller passes: a bound operation's first is its binding parameter
    /// (the entity or collection it is bound to), which the path addresses instead.
    pub fn arguments(&self) -> &[Property] {
        if self.is_bound {
            self.parameters.get(1..).unwrap_or_default()
        } else {
            &self.parameters
        }
    }
}

/// An entity set or singleton of the container: where OData paths start.
#[derive(Debug, Clone)]
pub struct Root {
    pub name: String,
    pub ty: TypeName,
}

#[derive(Debug, Default)]
pub struct Csdl {
    pub types: BTreeMap<String, StructuredType>,
    pub enums: BTreeMap<String, EnumType>,
    pub operations: Vec<Operation>,
    pub roots: Vec<Root>,
    /// `namespace/member` or `namespace` → the Core.V1.Description annotation.
    pub descriptions: BTreeMap<String, String>,
    /// Alias → namespace (`graph` → `microsoft.graph`).
    pub aliases: BTreeMap<String, String>,
    /// The entity container, qualified (`microsoft.graph.GraphService`): the head of an
    /// entity set's or singleton's annotation target.
    pub container: String,
    /// Annotation target (`microsoft.graph.call/participants`,
    /// `microsoft.graph.GraphService/applicationTemplates`) → the Capabilities restrictions
    /// stated for it (`Insertable`, `Updatable`, `Deletable`, `Readable`, `ReadableByKey`,
    /// `IndexableByKey`, `Countable`, `Referenceable`, and `Navigable`: false where
    /// `Navigability` is `None`).
    pub restrictions: BTreeMap<String, BTreeMap<&'static str, bool>>,
    /// Annotation target → the query parameters of its own that reading it takes
    /// (`ReadRestrictions/CustomQueryOptions`): a navigation's (`microsoft.graph.user/messages`:
    /// `includeHiddenMessages`), or a path below an entity set or singleton that a
    /// `RestrictedProperties` record names (`microsoft.graph.GraphService/me/calendarView`).
    pub query: BTreeMap<String, Vec<QueryParameter>>,
}

impl Csdl {
    /// Whether the metadata allows `what` (`Insertable`, …) at `target`: OData's default is
    /// yes, unless a Capabilities annotation says otherwise.
    pub fn allows(&self, target: &str, what: &str) -> bool {
        self.states(target, what).unwrap_or(true)
    }

    /// What a Capabilities annotation at `target` says of `what`, if one does.
    pub fn states(&self, target: &str, what: &str) -> Option<bool> {
        self.restrictions.get(target).and_then(|r| r.get(what)).copied()
    }
}

/// The Capabilities terms whose top-level flag says whether an operation exists at all.
const RESTRICTIONS: [(&str, &str); 6] = [
    ("Org.OData.Capabilities.V1.CountRestrictions", "Countable"),
    ("Org.OData.Capabilities.V1.NavigationRestrictions", "Navigable"),
    ("Org.OData.Capabilities.V1.InsertRestrictions", "Insertable"),
    ("Org.OData.Capabilities.V1.UpdateRestrictions", "Updatable"),
    ("Org.OData.Capabilities.V1.DeleteRestrictions", "Deletable"),
    ("Org.OData.Capabilities.V1.ReadRestrictions", "Readable"),
];

impl Csdl {
    /// The key property of `ty` (qualified), its own or its nearest base's.
    pub fn key_of(&self, ty: &str) -> Option<&str> {
        let mut at = self.types.get(ty);
        while let Some(t) = at {
            if let Some(k) = &t.key {
                return Some(k);
            }
            at = t.base.as_ref().and_then(|b| self.types.get(&self.qualify(b)));
        }
        None
    }

    /// `graph.call` and `microsoft.graph.call` both name `microsoft.graph.call`.
    pub fn qualify(&self, name: &str) -> String {
        if let Some((head, tail)) = name.split_once('.') {
            if let Some(ns) = self.aliases.get(head) {
                return format!("{ns}.{tail}");
            }
        }
        name.to_owned()
    }
}

/// A CSDL document that cannot be read, with the line it stopped at.
#[derive(Debug)]
pub struct ReadError {
    pub line: usize,
    pub message: String,
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == key.as_bytes()).and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// A `PropertyValue`'s property name.
fn name_of(e: &BytesStart) -> String {
    attr(e, "Property").unwrap_or_default()
}

fn lines_between(text: &str, from: usize, to: usize) -> usize {
    text.as_bytes()[from..to.max(from)].iter().filter(|b| **b == b'\n').count()
}

/// What the reader is inside of, as it moves through the document.
#[derive(Default)]
struct State {
    csdl: Csdl,
    namespace: String,
    current_type: Option<StructuredType>,
    current_enum: Option<EnumType>,
    current_op: Option<Operation>,
    annotations_target: Option<String>,
    // Inline annotations apply to the element they sit in: a navigation property of the
    // current type, or an entity set or singleton of the container.
    inline_target: Option<String>,
    // Inside a restriction annotation: its flag, and the enclosing `PropertyValue`s (a
    // flag counts only at the top of its record, or as `ReadByKeyRestrictions/Readable`).
    restriction: Option<&'static str>,
    property_values: Vec<String>,
    /// Inside a NavigationRestrictions' top-level `Navigability`, whose value is the text
    /// of an `EnumMember` (`Org.OData.Capabilities.V1.NavigationType/None`).
    navigability: bool,
    /// Inside any Capabilities annotation: its `PropertyValue`s are tracked.
    capabilities: bool,
    /// The `NavigationProperty` path of the `RestrictedProperties` record being read.
    restricted_path: Option<String>,
    /// The `CustomQueryOptions` record being read.
    custom: Option<QueryParameter>,
}

impl State {
    /// An element opens (or, `empty`, opens and closes) on `line`.
    fn open(&mut self, e: &BytesStart, empty: bool, line: usize) {
        let name = attr(e, "Name").unwrap_or_default();
        match e.local_name().as_ref() {
            b"Schema" => {
                self.namespace = attr(e, "Namespace").unwrap_or_default();
                if let Some(alias) = attr(e, "Alias") {
                    self.csdl.aliases.insert(alias, self.namespace.clone());
                }
            }
            tag @ (b"EntityType" | b"ComplexType") => self.structured(e, tag == b"EntityType", empty, name, line),
            b"EnumType" => self.enum_type(e, empty, name, line),
            b"Member" => {
                if let Some(t) = &mut self.current_enum {
                    t.members.push(name);
                }
            }
            b"PropertyRef" => {
                if let Some(t) = &mut self.current_type {
                    t.key.get_or_insert(name);
                }
            }
            b"Property" | b"Parameter" => {
                let p = Property {
                    name,
                    ty: TypeName::parse(&attr(e, "Type").unwrap_or_default()),
                    nullable: attr(e, "Nullable").as_deref() != Some("false"),
                    line,
                };
                if let Some(op) = &mut self.current_op {
                    op.parameters.push(p);
                } else if let Some(t) = &mut self.current_type {
                    t.properties.push(p);
                }
            }
            b"NavigationProperty" => {
                if let Some(t) = &mut self.current_type {
                    if !empty {
                        self.inline_target = Some(format!("{}/{name}", t.name));
                    }
                    t.navigations.push(Navigation {
                        name,
                        ty: TypeName::parse(&attr(e, "Type").unwrap_or_default()),
                        contains_target: attr(e, "ContainsTarget").as_deref() == Some("true"),
                    });
                }
            }
            tag @ (b"Action" | b"Function") => {
                let op = Operation {
                    name,
                    is_function: tag == b"Function",
                    is_bound: attr(e, "IsBound").as_deref() == Some("true"),
                    parameters: Vec::new(),
                    returns: None,
                    query: Vec::new(),
                    line,
                };
                if empty {
                    self.csdl.operations.push(op);
                } else {
                    self.current_op = Some(op);
                }
            }
            b"ReturnType" => {
                if let Some(op) = &mut self.current_op {
                    op.returns = attr(e, "Type").map(|t| TypeName::parse(&t));
                }
            }
            b"EntityContainer" => self.csdl.container = format!("{}.{name}", self.namespace),
            tag @ (b"EntitySet" | b"Singleton") => {
                let set = tag == b"EntitySet";
                let ty = attr(e, if set { "EntityType" } else { "Type" }).unwrap_or_default();
                if !empty {
                    self.inline_target = Some(format!("{}/{name}", self.csdl.container));
                }
                self.csdl.roots.push(Root { name, ty: TypeName { name: ty, collection: set } })
            }
            b"Annotations" => self.annotations_target = attr(e, "Target").map(|t| self.csdl.qualify(&t)),
            b"Annotation" => self.annotation(e, empty),
            b"PropertyValue" => self.property_value(e, empty),
            b"Record" if !empty => match self.property_values.last().map(String::as_str) {
                Some("RestrictedProperties") => self.restricted_path = None,
                Some("CustomQueryOptions") => {
                    self.custom = Some(QueryParameter { name: String::new(), required: false, description: None })
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// A `CustomQueryOptions` record ends: its parameter belongs to the operation it sits
    /// in, or to the annotation's target (and the restricted property's path below it; a
    /// navigation that names itself, as `bookingBusiness/calendarView` does, is itself).
    fn custom_query_option(&mut self) {
        let Some(q) = self.custom.take().filter(|q| !q.name.is_empty() && !q.name.starts_with('$')) else { return };
        if let Some(op) = &mut self.current_op {
            op.query.push(q);
            return;
        }
        let Some(base) = self.inline_target.as_ref().or(self.annotations_target.as_ref()) else { return };
        let target = match &self.restricted_path {
            Some(p) if !base.ends_with(&format!("/{p}")) => format!("{base}/{p}"),
            _ => base.clone(),
        };
        let list = self.csdl.query.entry(target).or_default();
        if !list.iter().any(|o| o.name == q.name) {
            list.push(q);
        }
    }

    /// An entity or complex type: kept open to collect its members, unless `empty`.
    fn structured(&mut self, e: &BytesStart, is_entity: bool, empty: bool, name: String, line: usize) {
        let t = StructuredType {
            name: format!("{}.{name}", self.namespace),
            base: attr(e, "BaseType"),
            is_abstract: attr(e, "Abstract").as_deref() == Some("true"),
            is_open: attr(e, "OpenType").as_deref() == Some("true"),
            is_entity,
            properties: Vec::new(),
            navigations: Vec::new(),
            key: None,
            line,
        };
        if empty {
            self.csdl.types.insert(t.name.clone(), t);
        } else {
            self.current_type = Some(t);
        }
    }

    fn enum_type(&mut self, e: &BytesStart, empty: bool, name: String, line: usize) {
        let t = EnumType {
            name: format!("{}.{name}", self.namespace),
            members: Vec::new(),
            is_flags: attr(e, "IsFlags").as_deref() == Some("true"),
            line,
        };
        if empty {
            self.csdl.enums.insert(t.name.clone(), t);
        } else {
            self.current_enum = Some(t);
        }
    }

    /// A description, or the start of a Capabilities restriction whose flags follow.
    fn annotation(&mut self, e: &BytesStart, empty: bool) {
        let term = attr(e, "Term").unwrap_or_default();
        if term.ends_with("Core.V1.Description") {
            if let (Some(target), Some(text)) = (&self.annotations_target, attr(e, "String")) {
                self.csdl.descriptions.insert(target.clone(), text);
            }
        }
        // A collection whose items have no key segment (`event/instances`: read as a list only).
        if term == "Org.OData.Capabilities.V1.IndexableByKey" {
            let target = self.inline_target.as_ref().or(self.annotations_target.as_ref());
            if let (Some(target), Some(value)) = (target, attr(e, "Bool")) {
                self.csdl.restrictions.entry(target.clone()).or_default().insert("IndexableByKey", value == "true");
            }
        }
        if !empty {
            self.restriction = RESTRICTIONS.iter().find(|(t, _)| *t == term).map(|(_, flag)| *flag);
            self.capabilities = term.starts_with("Org.OData.Capabilities.V1.");
            self.property_values.clear();
            self.restricted_path = None;
        }
    }

    /// Text inside an element: a navigation restriction's `NavigationType`.
    fn text(&mut self, text: &str) {
        // The `PropertyPath` of a restricted property's `NavigationProperty`.
        if self.capabilities && self.property_values.last().map(String::as_str) == Some("NavigationProperty") && !text.trim().is_empty() {
            self.restricted_path = Some(text.trim().to_owned());
        }
        if self.navigability {
            let target = self.inline_target.as_ref().or(self.annotations_target.as_ref());
            if let Some(target) = target {
                // Graph states some properties' navigability twice (inline and in an
                // `Annotations` block); `None` in either takes the property away, as
                // Microsoft's converter has it.
                if text.trim().rsplit('/').next() == Some("None") {
                    self.csdl.restrictions.entry(target.clone()).or_default().insert("Navigable", false);
                }
            }
        }
    }

    /// A restriction's flag (`Insertable`, …) when it sits where it counts.
    fn property_value(&mut self, e: &BytesStart, empty: bool) {
        let enclosing = self.property_values.iter().map(String::as_str).collect::<Vec<_>>().join("/");
        let flag = match (self.restriction, enclosing.as_str()) {
            (Some(f), "") if name_of(e) == f => Some(f),
            (Some("Readable"), "ReadByKeyRestrictions") if name_of(e) == "Readable" => Some("ReadableByKey"),
            // A contained navigation whose entities are referred to (`featureRolloutPolicy/appliesTo`).
            (Some("Navigable"), "") if name_of(e) == "Referenceable" => Some("Referenceable"),
            _ => None,
        };
        let target = self.inline_target.as_ref().or(self.annotations_target.as_ref());
        if let (Some(flag), Some(target), Some(value)) = (flag, target, attr(e, "Bool")) {
            self.csdl.restrictions.entry(target.clone()).or_default().insert(flag, value == "true");
        }
        if let Some(q) = self.custom.as_mut().filter(|_| enclosing.ends_with("CustomQueryOptions")) {
            match name_of(e).as_str() {
                "Name" => q.name = attr(e, "String").unwrap_or_default(),
                "Description" => q.description = attr(e, "String"),
                "Required" => q.required = attr(e, "Bool").as_deref() == Some("true"),
                _ => {}
            }
        }
        self.navigability =
            !empty && self.restriction == Some("Navigable") && self.property_values.is_empty() && name_of(e) == "Navigability";
        if !empty && (self.restriction.is_some() || self.capabilities) {
            self.property_values.push(name_of(e));
        }
    }

    /// The element `local_name` closes.
    fn close(&mut self, local_name: &[u8]) {
        match local_name {
            b"EntityType" | b"ComplexType" => {
                if let Some(t) = self.current_type.take() {
                    self.csdl.types.insert(t.name.clone(), t);
                }
            }
            b"EnumType" => {
                if let Some(t) = self.current_enum.take() {
                    self.csdl.enums.insert(t.name.clone(), t);
                }
            }
            b"Action" | b"Function" => self.csdl.operations.extend(self.current_op.take()),
            b"Annotations" => self.annotations_target = None,
            b"NavigationProperty" | b"EntitySet" | b"Singleton" => self.inline_target = None,
            b"Annotation" => {
                self.restriction = None;
                self.capabilities = false;
            }
            b"Record" if self.property_values.last().map(String::as_str) == Some("CustomQueryOptions") => self.custom_query_option(),
            b"PropertyValue" => {
                self.property_values.pop();
                self.navigability = false;
            }
            _ => {}
        }
    }
}

/// Parses the whole document. Unknown elements are skipped: only the shapes the importer
/// maps are collected.
pub fn parse(text: &str) -> Result<Csdl, ReadError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut state = State::default();
    // Lines are counted as the reader moves on, once per byte: linear in the document.
    let (mut counted_to, mut line) = (0usize, 1usize);
    // The elements open at this point, with the line each opened on: a document cut short
    // (a truncated download, a disk that filled) ends with some still open, and importing
    // it would drop, and a re-import remove, everything after the cut.
    let mut open: Vec<(String, usize)> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = (reader.buffer_position() as usize).min(text.len());
            ReadError { line: line + lines_between(text, counted_to, at), message: e.to_string() }
        })?;
        if let Event::Start(_) | Event::Empty(_) = &event {
            // The tag ends where the reader stands; it starts at the last `<` before that
            // (attribute values cannot hold a raw `<`).
            let end = (reader.buffer_position() as usize).min(text.len());
            let start = text[..end].rfind('<').unwrap_or(end).max(counted_to);
            line += lines_between(text, counted_to, start);
            counted_to = start;
        }
        match &event {
            Event::Start(e) => {
                open.push((String::from_utf8_lossy(e.local_name().as_ref()).into_owned(), line));
                state.open(e, false, line);
            }
            Event::Empty(e) => state.open(e, true, line),
            Event::Text(t) => state.text(&String::from_utf8_lossy(t)),
            Event::End(end) => {
                open.pop();
                state.close(end.local_name().as_ref());
            }
            Event::Eof => {
                if let Some((name, at)) = open.last() {
                    return Err(ReadError {
                        line: line + lines_between(text, counted_to, text.len()),
                        message: format!(
                            "the document ends inside `<{name}>` (opened on line {at}), {} element(s) unclosed: it was cut short; nothing was imported",
                            open.len()
                        ),
                    });
                }
                break;
            }
            _ => {}
        }
    }
    Ok(state.csdl)
}
