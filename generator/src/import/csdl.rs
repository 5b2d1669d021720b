//! Reads Graph's CSDL (EDMX 4.0) into the few things the importer needs, with quick-xml.

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
    pub is_entity: bool,
    pub properties: Vec<Property>,
    pub navigations: Vec<Navigation>,
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
}

impl Csdl {
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

fn lines_between(text: &str, from: usize, to: usize) -> usize {
    text.as_bytes()[from..to.max(from)].iter().filter(|b| **b == b'\n').count()
}

/// Parses the whole document. Unknown elements are skipped: only the shapes the importer
/// maps are collected.
pub fn parse(text: &str) -> Result<Csdl, ReadError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut csdl = Csdl::default();
    let mut namespace = String::new();
    let mut current_type: Option<StructuredType> = None;
    let mut current_enum: Option<EnumType> = None;
    let mut current_op: Option<Operation> = None;
    let mut annotations_target: Option<String> = None;
    // Lines are counted as the reader moves on, once per byte: linear in the document.
    let (mut counted_to, mut line) = (0usize, 1usize);
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
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            Event::End(end) => {
                match end.local_name().as_ref() {
                    b"EntityType" | b"ComplexType" => {
                        if let Some(t) = current_type.take() {
                            csdl.types.insert(t.name.clone(), t);
                        }
                    }
                    b"EnumType" => {
                        if let Some(t) = current_enum.take() {
                            csdl.enums.insert(t.name.clone(), t);
                        }
                    }
                    b"Action" | b"Function" => csdl.operations.extend(current_op.take()),
                    b"Annotations" => annotations_target = None,
                    _ => {}
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        let Some(e) = e else { continue };
        let name = attr(&e, "Name").unwrap_or_default();
        match e.local_name().as_ref() {
            b"Schema" => {
                namespace = attr(&e, "Namespace").unwrap_or_default();
                if let Some(alias) = attr(&e, "Alias") {
                    csdl.aliases.insert(alias, namespace.clone());
                }
            }
            tag @ (b"EntityType" | b"ComplexType") => {
                let t = StructuredType {
                    name: format!("{namespace}.{name}"),
                    base: attr(&e, "BaseType"),
                    is_abstract: attr(&e, "Abstract").as_deref() == Some("true"),
                    is_entity: tag == b"EntityType",
                    properties: Vec::new(),
                    navigations: Vec::new(),
                    line,
                };
                if empty {
                    csdl.types.insert(t.name.clone(), t);
                } else {
                    current_type = Some(t);
                }
            }
            b"EnumType" => {
                let t = EnumType {
                    name: format!("{namespace}.{name}"),
                    members: Vec::new(),
                    is_flags: attr(&e, "IsFlags").as_deref() == Some("true"),
                    line,
                };
                if empty {
                    csdl.enums.insert(t.name.clone(), t);
                } else {
                    current_enum = Some(t);
                }
            }
            b"Member" => {
                if let Some(t) = &mut current_enum {
                    t.members.push(name);
                }
            }
            b"Property" | b"Parameter" => {
                let p = Property {
                    name,
                    ty: TypeName::parse(&attr(&e, "Type").unwrap_or_default()),
                    nullable: attr(&e, "Nullable").as_deref() != Some("false"),
                    line,
                };
                if let Some(op) = &mut current_op {
                    op.parameters.push(p);
                } else if let Some(t) = &mut current_type {
                    t.properties.push(p);
                }
            }
            b"NavigationProperty" => {
                if let Some(t) = &mut current_type {
                    t.navigations.push(Navigation {
                        name,
                        ty: TypeName::parse(&attr(&e, "Type").unwrap_or_default()),
                        contains_target: attr(&e, "ContainsTarget").as_deref() == Some("true"),
                    });
                }
            }
            tag @ (b"Action" | b"Function") => {
                let op = Operation {
                    name,
                    is_function: tag == b"Function",
                    is_bound: attr(&e, "IsBound").as_deref() == Some("true"),
                    parameters: Vec::new(),
                    returns: None,
                    line,
                };
                if empty {
                    csdl.operations.push(op);
                } else {
                    current_op = Some(op);
                }
            }
            b"ReturnType" => {
                if let Some(op) = &mut current_op {
                    op.returns = attr(&e, "Type").map(|t| TypeName::parse(&t));
                }
            }
            b"EntitySet" => {
                csdl.roots.push(Root { name, ty: TypeName { name: attr(&e, "EntityType").unwrap_or_default(), collection: true } })
            }
            b"Singleton" => csdl.roots.push(Root { name, ty: TypeName { name: attr(&e, "Type").unwrap_or_default(), collection: false } }),
            b"Annotations" => annotations_target = attr(&e, "Target"),
            b"Annotation" => {
                let description = attr(&e, "Term").is_some_and(|t| t.ends_with("Core.V1.Description"));
                if let (true, Some(target), Some(text)) = (description, &annotations_target, attr(&e, "String")) {
                    csdl.descriptions.insert(target.clone(), text);
                }
            }
            _ => {}
        }
    }
    Ok(csdl)
}
