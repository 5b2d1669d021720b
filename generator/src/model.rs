//! The validated, language-neutral model every emitter reads; no emitter ever sees YAML.
//!
//! Names here are the spec's own (wire names, lower camel case); each language's naming
//! module turns them into identifiers.

mod kind;
mod wire;
pub use kind::OperationKind;
use serde_json::Value;
pub use wire::{encode_segment, function_literal, is_placeholder, readable_in_path};

/// A whole validated spec.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Model {
    pub api: Api,
    pub enums: Vec<EnumType>,
    pub types: Vec<ComplexType>,
    pub actions: Vec<Action>,
    /// Name → position in `enums` / `types`, so every lookup is constant time and a spec
    /// of thousands of types stays linear; rebuilt by [`Model::reindex`] (and so not kept
    /// in the compiled form, see `modelcache`).
    #[serde(skip)]
    pub index: Index,
}

/// Lookup tables over a model's names.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, Default, PartialEq)]
pub struct Index {
    enums: std::collections::HashMap<String, usize>,
    types: std::collections::HashMap<String, usize>,
}

impl Api {
    /// What every SDK adds to its package, namespace, module or program name for this
    /// API version: nothing for v1.0 (`msgraph`, `Microsoft.Graph`, `mgc`), the version
    /// for any other (`msgraph_beta`, `Microsoft.Graph.Beta`, `mgc-beta`). Each language
    /// spells it in its own case; this is the one place that decides it.
    pub fn sdk_suffix(&self) -> Option<&str> {
        sdk_suffix(&self.version)
    }
}

/// [`Api::sdk_suffix`] of a version.
pub fn sdk_suffix(version: &str) -> Option<&str> {
    (version != "v1.0").then_some(version)
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Api {
    pub title: String,
    /// `beta` or `v1.0`: the last segment of the base URL and the SDKs' version switch.
    pub version: String,
    pub namespace: String,
    pub base_url: String,
    pub notice: Option<String>,
    /// Front matter every docs page carries (`ms.subservice`, `ms.localizationpriority`).
    pub subservice: Option<String>,
    pub localization_priority: Option<String>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct EnumType {
    pub name: String,
    pub description: Option<String>,
    /// Graph's evolvable enums end with the `unknownFutureValue` sentinel and clients must
    /// accept members added later.
    pub evolvable: bool,
    pub members: Vec<EnumMember>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct EnumMember {
    pub name: String,
    pub description: Option<String>,
}

/// The sentinel every evolvable Graph enum ends with.
pub const SENTINEL: &str = "unknownFutureValue";

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct ComplexType {
    pub name: String,
    pub description: Option<String>,
    pub base: Option<String>,
    pub is_abstract: bool,
    /// An OData open type: a value may carry members the type does not declare (dynamic
    /// properties). Types derived from an open type are open too ([`Model::is_open`]).
    pub is_open: bool,
    /// Declared on this type only; see [`Model::all_properties`] for inherited ones.
    pub properties: Vec<Property>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Property {
    pub name: String,
    pub ty: TypeRef,
    /// One value of `ty` or a list of them (`ty.collection` is then false).
    pub one_or_many: bool,
    /// A dynamic member of an open type (`identity.tenantId`): Graph's metadata, and so the
    /// SDKs' models, do not declare it; snippets set it through the additional-data bag.
    pub dynamic: bool,
    /// The deprecation note of a member still accepted but on its way out.
    pub deprecated: Option<String>,
    /// An action parameter every request must carry; examples are checked for it.
    pub required: bool,
    /// The value the service assumes when the member is left out (checked against `ty`).
    pub default: Option<Value>,
    pub format: Option<Format>,
    pub description: Option<String>,
}

/// A use of a type: which one, and whether it is a collection of it.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq, Eq)]
pub struct TypeRef {
    pub kind: TypeKind,
    pub collection: bool,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq, Eq)]
pub enum TypeKind {
    Primitive(Primitive),
    Enum(String),
    Complex(String),
}

/// Graph's (OData's) primitive types that the spec format accepts, by their spec names.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum Primitive {
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    DateTimeOffset,
    Guid,
    /// An ISO 8601 duration (`PT20M`), Graph's `Edm.Duration`.
    Duration,
    /// A calendar date (`2017-09-04`), Graph's `Edm.Date`: a recurrence's `startDate`.
    Date,
    /// Bytes, written as base64 text (`SGVsbG8=`), Graph's `Edm.Binary`: a file
    /// attachment's `contentBytes`.
    Binary,
    /// A time of day (`08:00:00.0000000`), Graph's `Edm.TimeOfDay`: working hours' `startTime`.
    TimeOfDay,
}

impl Primitive {
    pub const ALL: [(&'static str, Primitive); 11] = [
        ("String", Primitive::String),
        ("Boolean", Primitive::Boolean),
        ("Int32", Primitive::Int32),
        ("Int64", Primitive::Int64),
        ("Double", Primitive::Double),
        ("DateTimeOffset", Primitive::DateTimeOffset),
        ("Guid", Primitive::Guid),
        ("Duration", Primitive::Duration),
        ("Date", Primitive::Date),
        ("Binary", Primitive::Binary),
        ("TimeOfDay", Primitive::TimeOfDay),
    ];

    /// Written as JSON text but typed otherwise in the SDKs (`Guid`, `UUID`, `TimeSpan`).
    pub fn is_text_encoded(self) -> bool {
        matches!(
            self,
            Primitive::DateTimeOffset | Primitive::Guid | Primitive::Duration | Primitive::Date | Primitive::Binary | Primitive::TimeOfDay
        )
    }

    pub fn from_name(name: &str) -> Option<Primitive> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
    }

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, p)| *p == self).map(|(n, _)| *n).unwrap_or("String")
    }
}

/// Extra constraints on a string value, checked by the validator on examples and by the
/// generated clients before sending.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An absolute `https://` URL.
    HttpsUrl,
}

impl Format {
    pub const ALL: [(&'static str, Format); 1] = [("httpsUrl", Format::HttpsUrl)];
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Action {
    /// The action's name, or for an entity operation the name its page uses (`get`).
    pub name: String,
    pub kind: OperationKind,
    /// A get, update or delete of a singleton or single-valued navigation
    /// (`/communications`): the path ends with its segment, not an entity's id.
    pub single_valued: bool,
    /// The entity type the action is bound to (`call`).
    pub bound_to: String,
    /// The SDK module area (`CloudCommunications`); PowerShell's `Microsoft.Graph.<module>`.
    pub module: String,
    /// The reference page's file name without `.md` (`call-record` for recordResponse,
    /// whose page kept the name of the action it replaced).
    pub page: String,
    /// The page's author (its front matter's `author`), when the spec names one.
    pub author: Option<String>,
    pub summary: String,
    pub description: Option<String>,
    pub notes: Vec<String>,
    /// The first path is the one to use; later ones are alternatives (often deprecated).
    pub paths: Vec<PathTemplate>,
    pub path_parameters: Vec<Property>,
    pub headers: Vec<Header>,
    /// The JSON body's members.
    pub parameters: Vec<Property>,
    pub response: Response,
    pub permissions: Permissions,
    pub examples: Vec<Example>,
    /// The reference page's own tabs (language ids after HTTP, in its order), when the
    /// page-style snapshot should show those rather than its edition's.
    pub page_tabs: Option<Vec<String>>,
}

/// See [`Action::request_body`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RequestBody<'a> {
    None,
    /// A JSON object whose members are these parameters.
    Parameters(&'a [Property]),
    /// A JSON object of this complex type (or a derived one).
    Entity(&'a str),
    /// `{"@odata.id": "<url>"}`: the entity a navigation is to refer to (the SDKs'
    /// `ReferenceCreate`, `ReferenceUpdate`).
    Reference,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct PathTemplate {
    pub template: String,
    pub segments: Vec<Segment>,
    pub deprecated: Option<String>,
    /// The path ends in a navigation that refers to entities living elsewhere
    /// (`/users/{user-id}/memberOf`): read there, added and removed as references. The
    /// older SDKs type its pages apart (Java 5.x's `DirectoryObjectCollectionWithReferencesPage`).
    pub references: bool,
    /// The operation's own query parameters at this path, beside OData's system options
    /// (a calendar view's `startDateTime` and `endDateTime`), as the metadata's
    /// `CustomQueryOptions` declare them.
    pub query: Vec<QueryParameter>,
}

/// A query parameter of an operation's own (OData's custom query option): text, under a
/// name without `$`.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct QueryParameter {
    pub name: String,
    pub required: bool,
    pub description: Option<String>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq, Eq)]
pub enum Segment {
    Literal(String),
    Param(String),
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Header {
    pub name: String,
    pub value: String,
    pub required: bool,
    pub description: Option<String>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub description: Option<String>,
    pub body: Option<TypeRef>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Permissions {
    pub delegated_work: Permission,
    pub delegated_personal: Permission,
    pub application: Permission,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub enum Permission {
    NotSupported,
    /// The spec does not say (an operation imported from metadata, which has no permissions).
    NotDocumented,
    /// Least privileged first; empty when the API needs no permission.
    Supported(Vec<String>),
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Example {
    /// The docs pipeline's name for the example (`call-reject`).
    pub name: String,
    /// The page marks the request `blockType: ignored`: the docs pipeline shows it but
    /// makes no SDK tabs for it.
    pub ignored: bool,
    pub title: String,
    pub description: Option<String>,
    pub request: ExampleRequest,
    pub response: ExampleResponse,
    pub notifications: Option<Notifications>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct ExampleRequest {
    pub path_index: usize,
    /// Path parameter name → the raw (unencoded) value.
    pub path_values: Vec<(String, String)>,
    /// The JSON body, keys in written order: what goes on the wire.
    pub body: Option<Value>,
    /// The same body typed by the model, once, when the spec is validated: what every
    /// snippet language spells (nothing downstream types the JSON again).
    pub typed: TypedBody,
    /// Request headers the example sends (`ConsistencyLevel: eventual`), in written order:
    /// every language sets them through its request configuration, and the HTTP example
    /// prints them.
    pub headers: Vec<(String, String)>,
    /// OData query options the example sends (`$select=subject,from`), typed, in written
    /// order: each SDK's query parameters, the HTTP example's query string.
    pub query: Vec<QueryOption>,
    /// A function's arguments, one per parameter in the function's order, under the
    /// declared name (the one every SDK sends, whatever case the page wrote), typed.
    pub arguments: Vec<(String, TypedValue)>,
}

/// One of OData's system query options, as Graph takes them.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ODataOption {
    Select,
    Expand,
    Filter,
    OrderBy,
    Top,
    Skip,
    Count,
    Search,
}

impl ODataOption {
    pub const ALL: [ODataOption; 8] = [
        ODataOption::Select,
        ODataOption::Expand,
        ODataOption::Filter,
        ODataOption::OrderBy,
        ODataOption::Top,
        ODataOption::Skip,
        ODataOption::Count,
        ODataOption::Search,
    ];

    /// The option's name without its `$`, as Kiota names its query parameter (`orderby`).
    pub fn name(self) -> &'static str {
        match self {
            ODataOption::Select => "select",
            ODataOption::Expand => "expand",
            ODataOption::Filter => "filter",
            ODataOption::OrderBy => "orderby",
            ODataOption::Top => "top",
            ODataOption::Skip => "skip",
            ODataOption::Count => "count",
            ODataOption::Search => "search",
        }
    }

    /// `$select`: the name on the wire.
    pub fn wire(self) -> String {
        format!("${}", self.name())
    }

    /// The option named `name` as a URL writes it (`$select`; OData's names are
    /// case-insensitive, so `$Select` too).
    pub fn parse(name: &str) -> Option<ODataOption> {
        let bare = name.strip_prefix('$')?;
        ODataOption::ALL.into_iter().find(|o| o.name().eq_ignore_ascii_case(bare))
    }

    /// Whether the option only applies to a collection (`$top`), not to one entity.
    pub fn collection_only(self) -> bool {
        !matches!(self, ODataOption::Select | ODataOption::Expand)
    }
}

/// A query option's value, typed by the option: `$select`, `$expand` and `$orderby` take a
/// list, `$top` and `$skip` a count (Kiota's `Int32`), `$count` a boolean, `$filter` and
/// `$search` an expression's text.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub enum QueryValue {
    List(Vec<String>),
    Int(i32),
    Bool(bool),
    Text(String),
}

impl QueryValue {
    /// The value as the URL writes it, before percent-encoding (`subject,from`).
    pub fn text(&self) -> String {
        match self {
            QueryValue::List(items) => items.join(","),
            QueryValue::Int(n) => n.to_string(),
            QueryValue::Bool(b) => b.to_string(),
            QueryValue::Text(t) => t.clone(),
        }
    }
}

/// What an example's query option is: one of OData's system options, or a parameter of
/// the operation's own at its path (see [`PathTemplate::query`]).
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq, Eq)]
pub enum QueryName {
    OData(ODataOption),
    /// Under the name the path declares, whatever case the page wrote (`startDateTime`).
    Own(String),
}

impl QueryName {
    /// The name as Kiota names its query parameter, before each language's casing:
    /// `select`, `orderby`, `startDateTime`.
    pub fn name(&self) -> &str {
        match self {
            QueryName::OData(o) => o.name(),
            QueryName::Own(n) => n,
        }
    }

    /// The name on the wire: `$select`, `startDateTime`.
    pub fn wire(&self) -> String {
        match self {
            QueryName::OData(o) => o.wire(),
            QueryName::Own(n) => n.clone(),
        }
    }

    /// The system option, if it is one.
    pub fn odata(&self) -> Option<ODataOption> {
        match self {
            QueryName::OData(o) => Some(*o),
            QueryName::Own(_) => None,
        }
    }
}

/// An example's query option and its typed value (an operation's own parameter is text).
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct QueryOption {
    pub option: QueryName,
    pub value: QueryValue,
}

/// The query string of `options` as sent (`$select=subject,from&$top=5`, no `?`): each
/// value percent-encoded where a URL's query cannot hold the character as it is (space,
/// `"`, `#`, `%`, `&`, `+`, controls and non-ASCII), and OData's `$`, `,`, `'`, `(`, `)`,
/// `=`, `:` and `/` kept as the pages print them.
pub fn query_string(options: &[QueryOption]) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
    const QUERY_VALUE: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'&')
        .add(b'+')
        .add(b'<')
        .add(b'>')
        .add(b'\\')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}');
    options
        .iter()
        .map(|o| format!("{}={}", o.option.wire(), utf8_percent_encode(&o.value.text(), QUERY_VALUE)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Request headers Graph reads on any operation, so an example may send them where the
/// operation declares none; an operation's own `headers` add to them. `Authorization` and
/// `Content-Type` are not among them: every SDK sends those itself.
pub const GRAPH_REQUEST_HEADERS: &[&str] =
    &["ConsistencyLevel", "Prefer", "If-Match", "If-None-Match", "Accept-Language", "client-request-id", "return-client-request-id"];

/// Headers an SDK writes itself from the client and the body, which an example cannot set.
pub const TRANSPORT_HEADERS: &[&str] = &["Authorization", "Content-Type", "Content-Length", "Host"];

/// An example's identity in a model: its operation's place and its own.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExampleId {
    pub action: usize,
    pub example: usize,
}

impl Model {
    /// The operation and example `id` names.
    pub fn example(&self, id: ExampleId) -> Option<(&Action, &Example)> {
        let action = self.actions.get(id.action)?;
        Some((action, action.examples.get(id.example)?))
    }
}

/// The `@odata.id` of a reference body (`{"@odata.id": "https://…/directoryObjects/u1"}`).
pub fn reference_url(body: Option<&Value>) -> Option<&str> {
    body?.as_object()?.get(REFERENCE_MEMBER)?.as_str()
}

/// The id at the end of a reference's URL (`…/directoryObjects/u1` → `u1`), decoded: what
/// the older SDKs take, writing the rest themselves.
pub fn reference_id(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    percent_encoding::percent_decode_str(last).decode_utf8_lossy().into_owned()
}

/// The one member of a reference's body, as OData names it.
pub const REFERENCE_MEMBER: &str = "@odata.id";

/// An example's request body, typed.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub enum TypedBody {
    /// No body on the wire.
    None,
    /// Each of the action's parameters, in the action's order, with the example's value
    /// where it gives one (the page-style SDKs take them positionally).
    Parameters(Vec<Option<TypedValue>>),
    /// An entity (create, update).
    Entity(TypedValue),
    /// The `@odata.id` URL of the entity a navigation is to refer to (add or set a reference).
    Reference(String),
}

impl TypedBody {
    /// Types `body` as `action`'s request body in `model`.
    pub fn of(model: &Model, action: &Action, body: Option<&Value>) -> TypedBody {
        match action.request_body() {
            RequestBody::None => TypedBody::None,
            RequestBody::Parameters(params) => {
                let fields = body.and_then(Value::as_object);
                TypedBody::Parameters(
                    params.iter().map(|p| fields.and_then(|b| b.get(&p.name)).map(|v| TypedValue::from_json(model, v, &p.ty))).collect(),
                )
            }
            RequestBody::Entity(t) => {
                let ty = TypeRef { kind: TypeKind::Complex(t.to_owned()), collection: false };
                TypedBody::Entity(TypedValue::from_json(model, body.unwrap_or(&Value::Null), &ty))
            }
            RequestBody::Reference => TypedBody::Reference(reference_url(body).unwrap_or_default().to_owned()),
        }
    }
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct ExampleResponse {
    pub status: u16,
    /// Headers the page prints (`Location`), in order; `Content-Type` is implied by a body.
    pub headers: Vec<(String, String)>,
    pub body: Option<Value>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Notifications {
    pub callback_url: String,
    pub before: Vec<Notification>,
    pub after: Vec<Notification>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub struct Notification {
    pub title: String,
    pub type_name: String,
    pub body: Value,
}

impl Model {
    pub fn new(api: Api, enums: Vec<EnumType>, types: Vec<ComplexType>, actions: Vec<Action>) -> Model {
        let mut m = Model { api, enums, types, actions, index: Index::default() };
        m.reindex();
        m
    }

    /// Rebuilds the name index after `enums` or `types` changed (the first of two equal
    /// names wins, as the validator reports the second).
    pub fn reindex(&mut self) {
        let mut index = Index::default();
        for (i, e) in self.enums.iter().enumerate() {
            index.enums.entry(e.name.clone()).or_insert(i);
        }
        for (i, t) in self.types.iter().enumerate() {
            index.types.entry(t.name.clone()).or_insert(i);
        }
        self.index = index;
    }

    pub fn enum_type(&self, name: &str) -> Option<&EnumType> {
        self.index.enums.get(name).map(|i| &self.enums[*i])
    }

    pub fn complex_type(&self, name: &str) -> Option<&ComplexType> {
        self.index.types.get(name).map(|i| &self.types[*i])
    }

    /// Properties of `ty` including inherited ones, base-most first. The validator has
    /// refused inheritance cycles, but the walk is bounded anyway.
    pub fn all_properties<'m>(&'m self, ty: &'m ComplexType) -> Vec<&'m Property> {
        let mut chain = vec![ty];
        let mut cur = ty;
        while let Some(base) = cur.base.as_deref().and_then(|b| self.complex_type(b)) {
            if chain.len() > self.types.len() {
                break;
            }
            chain.push(base);
            cur = base;
        }
        chain.iter().rev().flat_map(|t| t.properties.iter()).collect()
    }

    /// Whether values of `ty` may carry undeclared members: it or a base is open (OData
    /// makes every type derived from an open type open).
    pub fn is_open(&self, ty: &ComplexType) -> bool {
        let mut cur = Some(ty);
        for _ in 0..=self.types.len() {
            match cur {
                Some(t) if t.is_open => return true,
                Some(t) => cur = t.base.as_deref().and_then(|b| self.complex_type(b)),
                None => return false,
            }
        }
        false
    }

    /// Whether `name` is an entity type: `entity` itself or a type derived from it, as
    /// Graph's metadata roots every entity type (an operation's result decides the query
    /// options its SDK builders take, see [`Model::function_query_options`]).
    pub fn is_entity(&self, name: &str) -> bool {
        let mut cur = self.complex_type(name);
        for _ in 0..=self.types.len() {
            match cur {
                Some(t) if t.name == "entity" => return true,
                Some(t) => cur = t.base.as_deref().and_then(|b| self.complex_type(b)),
                None => return false,
            }
        }
        false
    }

    /// The OData options a function's call takes, as the converter Graph's SDKs are
    /// generated from gives its builders (msgraph-beta-sdk 1.66.0's 1,530 function builders:
    /// 334 collections of entities take all eight, 106 of other values `$count`, `$filter`,
    /// `$search`, `$skip` and `$top`, 65 single entities `$select` and `$expand`, the rest
    /// none): by what it returns.
    pub fn function_query_options(&self, result: Option<&TypeRef>) -> &'static [ODataOption] {
        use ODataOption::*;
        match result {
            Some(r) if r.collection && matches!(&r.kind, TypeKind::Complex(n) if self.is_entity(n)) => &ODataOption::ALL,
            Some(r) if r.collection => &[Count, Filter, Search, Skip, Top],
            Some(r) if matches!(&r.kind, TypeKind::Complex(n) if self.is_entity(n)) => &[Select, Expand],
            _ => &[],
        }
    }

    /// `#microsoft.graph.call`: the `@odata.type` a value of the type carries.
    pub fn odata_type(&self, type_name: &str) -> String {
        format!("#{}.{}", self.api.namespace, type_name)
    }
}

impl Action {
    /// `call-reject`: the action's stable id across languages and files.
    pub fn id(&self) -> String {
        format!("{}-{}", self.bound_to, self.name)
    }

    pub fn method(&self) -> &'static str {
        self.kind.method()
    }

    /// `call-keepalive`: the docs page's file name, Microsoft's own (the validator refuses
    /// two that differ only in case).
    pub fn page_name(&self) -> &str {
        &self.page
    }

    /// The reference page's title: Microsoft's "Create call", "List participants" for an
    /// entity operation, "call: reject" for an action.
    pub fn page_title(&self) -> String {
        let verb = match self.kind {
            OperationKind::Action | OperationKind::Function => return format!("{}: {}", self.bound_to, self.name),
            OperationKind::Create => "Create",
            OperationKind::Get => "Get",
            OperationKind::Update => "Update",
            OperationKind::Delete => "Delete",
            OperationKind::List => "List",
            OperationKind::Count => "Count",
            OperationKind::AddReference => "Add",
            OperationKind::RemoveReference => "Remove",
            OperationKind::SetReference => "Assign",
        };
        // A list names its collection (the path's last literal segment); the others the entity.
        let collection = self.paths.first().and_then(|p| {
            p.segments.iter().rev().find_map(|s| match s {
                Segment::Literal(l) => Some(l.clone()),
                Segment::Param(_) => None,
            })
        });
        // A count names its collection, the literal before `$count`.
        let counted = self.paths.first().and_then(|p| match p.segments.iter().rev().nth(1) {
            Some(Segment::Literal(l)) => Some(l.clone()),
            _ => None,
        });
        match (self.kind, collection) {
            (OperationKind::List, Some(c)) => format!("{verb} {c}"),
            (OperationKind::Count, _) => format!("{verb} {}", counted.unwrap_or_else(|| self.bound_to.clone())),
            // A reference names what the navigation holds, as Graph's pages do ("Add member",
            // "Assign manager"): its segment's singular.
            (k, _) if k.is_reference() => {
                let navigation = self.paths.first().and_then(|p| {
                    p.segments.iter().rev().find_map(|s| match s {
                        Segment::Literal(l) if l != "$ref" => Some(crate::lang::singular(l)),
                        _ => None,
                    })
                });
                format!("{verb} {}", navigation.unwrap_or_else(|| self.bound_to.clone()))
            }
            _ => format!("{verb} {}", self.bound_to),
        }
    }

    /// The request target as the docs print it: the template, and for a function its
    /// parameters as OData writes them, each a placeholder
    /// (`/packages/{in}/find(name='{name}',count={count})`).
    pub fn documented_target(&self, path: &PathTemplate) -> String {
        format!("{}{}", path.template, self.function_arguments())
    }

    /// A function's `(name='{name}',count={count})` after its name, as OData writes the
    /// call and Graph's OpenAPI its path; empty for any other operation.
    pub fn function_arguments(&self) -> String {
        if self.kind != OperationKind::Function {
            return String::new();
        }
        let args: Vec<String> = self
            .parameters
            .iter()
            .map(|p| match &p.ty.kind {
                TypeKind::Primitive(Primitive::String) | TypeKind::Enum(_) => format!("{}='{{{}}}'", p.name, p.name),
                _ => format!("{}={{{}}}", p.name, p.name),
            })
            .collect();
        format!("({})", args.join(","))
    }

    /// What the request body is: the action's parameters, the entity itself (create,
    /// update), or nothing. An action without parameters sends no body at all, as Graph
    /// documents ("Do not supply a request body").
    pub fn request_body(&self) -> RequestBody<'_> {
        match self.kind {
            OperationKind::Action if !self.parameters.is_empty() => RequestBody::Parameters(&self.parameters),
            OperationKind::Create | OperationKind::Update => RequestBody::Entity(&self.bound_to),
            OperationKind::AddReference | OperationKind::SetReference => RequestBody::Reference,
            _ => RequestBody::None,
        }
    }

    /// The path segments that navigate to the resource the operation acts on: all of them
    /// for an entity operation, all but the action's own segment for an action.
    pub fn navigation<'p>(&self, path: &'p PathTemplate) -> &'p [Segment] {
        match self.kind {
            // A count's last segment is `$count`, which each SDK calls as its `Count` builder;
            // a reference's is `$ref`, its `Ref` builder.
            OperationKind::Action
            | OperationKind::Function
            | OperationKind::Count
            | OperationKind::AddReference
            | OperationKind::RemoveReference
            | OperationKind::SetReference => &path.segments[..path.segments.len().saturating_sub(1)],
            _ => &path.segments,
        }
    }
}

impl PathTemplate {
    /// The path with every parameter replaced by `value(name)`.
    pub fn fill(&self, mut value: impl FnMut(&str) -> String) -> String {
        let mut out = String::new();
        for seg in &self.segments {
            out.push('/');
            match seg {
                Segment::Literal(l) => out.push_str(l),
                Segment::Param(p) => out.push_str(&value(p)),
            }
        }
        out
    }
}

/// The stem of an example's include files as the docs pipeline names them: its block name
/// in lower case with `_` as `-` (`call_logteleconferencedevicequality` is included as
/// `call-logteleconferencedevicequality-go-snippets.md`). Two example names with one stem
/// are a spec error.
pub fn include_stem(example_name: &str) -> String {
    example_name.to_lowercase().replace('_', "-")
}

impl Example {
    /// The raw (unencoded) value the example gives a path parameter.
    pub fn path_value(&self, name: &str) -> Option<&str> {
        self.request.path_values.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The example's request path with each value percent-encoded as one segment, exactly
    /// as it goes on the wire; a placeholder (`{call-id}`) is printed as docs print it.
    pub fn wire_path(&self, action: &Action) -> String {
        format!("{}{}", self.filled_path(action), self.function_call(action, &|literal| literal.to_owned()))
    }

    /// The request path as the HTTP example prints it: the wire path, with a function's
    /// arguments showing the characters a path segment may hold as they are
    /// (`StartDateTime='2017-06-05T10:00:00'`, `'O''Neil'`, as the pages write them; see
    /// [`readable_in_path`]). Servers read both forms alike.
    pub fn display_path(&self, action: &Action) -> String {
        format!("{}{}", self.filled_path(action), self.function_call(action, &readable_in_path))
    }

    /// The path template with each value percent-encoded as one segment (a placeholder as
    /// the docs print it).
    fn filled_path(&self, action: &Action) -> String {
        action.paths[self.request.path_index].fill(|p| {
            let v = self.path_value(p).unwrap_or("");
            if is_placeholder(v) {
                v.to_owned()
            } else {
                encode_segment(v)
            }
        })
    }

    /// A function's `(Name=literal,…)` after its name, each literal passed through `shown`;
    /// empty for any other operation.
    fn function_call(&self, action: &Action, shown: &dyn Fn(&str) -> String) -> String {
        if action.kind != OperationKind::Function {
            return String::new();
        }
        let args: Vec<String> = self.request.arguments.iter().map(|(name, v)| format!("{name}={}", shown(&function_literal(v)))).collect();
        format!("({})", args.join(","))
    }
}

/// A value from an example, with the type the spec gives it: what every language needs
/// to spell it (an enum member is not a string in C#, Java or Go).
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, PartialEq)]
pub enum TypedValue {
    Null,
    Bool(bool),
    /// A number, with its spec type when known (`42` is `42L` as a Java Int64).
    Number {
        value: serde_json::Number,
        ty: Option<Primitive>,
    },
    String(String),
    /// Text that spells a value of a non-string primitive (a Guid, a date-time, a
    /// duration): JSON writes it as a string, the SDKs' setters take their own type.
    Text {
        value: String,
        ty: Primitive,
    },
    Enum {
        enum_name: String,
        member: String,
    },
    /// A list; `item` is the element type when the spec gives one.
    List {
        item: Option<TypeKind>,
        items: Vec<TypedValue>,
    },
    /// A complex value: its type, its properties in written order, and any `@odata.*`
    /// annotations (kept as strings).
    Object {
        type_name: String,
        members: Vec<(String, TypedValue)>,
        /// The members the SDKs' models have no property for, which go in their
        /// additional-data bag: annotations other than `@odata.type`, and dynamic members.
        additional: Vec<String>,
    },
}

thread_local! {
    /// How many values this thread has typed: validation types each example once, and a
    /// test holds generation to typing none.
    static TYPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many values (and nested values) this thread has typed so far.
pub fn values_typed() -> usize {
    TYPED.with(|n| n.get())
}

impl TypedValue {
    /// `json` typed as `ty`, for a value validation has already checked against the model.
    pub fn from_json(model: &Model, json: &Value, ty: &TypeRef) -> TypedValue {
        TYPED.with(|n| n.set(n.get() + 1));
        if ty.collection {
            let one = TypeRef { kind: ty.kind.clone(), collection: false };
            return match json {
                Value::Array(items) => {
                    TypedValue::List { item: Some(ty.kind.clone()), items: items.iter().map(|i| Self::from_json(model, i, &one)).collect() }
                }
                other => Self::untyped(other),
            };
        }
        match (&ty.kind, json) {
            (_, Value::Null) => TypedValue::Null,
            (TypeKind::Enum(e), Value::String(s)) => TypedValue::Enum { enum_name: e.clone(), member: s.clone() },
            (TypeKind::Primitive(p), Value::Number(n)) => TypedValue::Number { value: n.clone(), ty: Some(*p) },
            (TypeKind::Primitive(p), Value::String(s)) if p.is_text_encoded() => TypedValue::Text { value: s.clone(), ty: *p },
            (TypeKind::Complex(declared), Value::Object(map)) => {
                // A value of a derived type names it in `@odata.type`; the validator has
                // checked that it derives from the declared type.
                let t = map
                    .get("@odata.type")
                    .and_then(Value::as_str)
                    .and_then(|o| o.strip_prefix('#'))
                    .and_then(|o| o.strip_prefix(model.api.namespace.as_str()))
                    .and_then(|o| o.strip_prefix('.'))
                    .filter(|name| model.complex_type(name).is_some())
                    .unwrap_or(declared);
                let props = model.complex_type(t).map(|ct| model.all_properties(ct)).unwrap_or_default();
                let mut additional = Vec::new();
                let members = map
                    .iter()
                    .map(|(k, v)| {
                        let prop = props.iter().find(|p| &p.name == k);
                        if prop.map_or(k != "@odata.type", |p| p.dynamic) {
                            additional.push(k.clone());
                        }
                        let value = match prop {
                            Some(p) => Self::from_json(model, v, &p.ty),
                            None => Self::untyped(v),
                        };
                        (k.clone(), value)
                    })
                    .collect();
                TypedValue::Object { type_name: t.to_owned(), members, additional }
            }
            (_, other) => Self::untyped(other),
        }
    }

    /// Whether the value holds text of primitive `p` anywhere (for a snippet's imports).
    pub fn has_text(&self, p: Primitive) -> bool {
        match self {
            TypedValue::Text { ty, .. } => *ty == p,
            TypedValue::List { items, .. } => items.iter().any(|i| i.has_text(p)),
            TypedValue::Object { members, .. } => members.iter().any(|(_, m)| m.has_text(p)),
            _ => false,
        }
    }

    /// Every enum and complex type the value names (for a snippet's imports).
    pub fn named_types(&self, out: &mut std::collections::BTreeSet<String>) {
        match self {
            TypedValue::Enum { enum_name, .. } => {
                out.insert(enum_name.clone());
            }
            TypedValue::List { items, .. } => items.iter().for_each(|i| i.named_types(out)),
            TypedValue::Object { type_name, members, .. } => {
                if !type_name.is_empty() {
                    out.insert(type_name.clone());
                }
                members.iter().for_each(|(_, m)| m.named_types(out));
            }
            _ => {}
        }
    }

    fn untyped(json: &Value) -> TypedValue {
        match json {
            Value::Null => TypedValue::Null,
            Value::Bool(b) => TypedValue::Bool(*b),
            Value::Number(n) => TypedValue::Number { value: n.clone(), ty: None },
            Value::String(s) => TypedValue::String(s.clone()),
            Value::Array(a) => TypedValue::List { item: None, items: a.iter().map(Self::untyped).collect() },
            Value::Object(m) => TypedValue::Object {
                type_name: String::new(),
                members: m.iter().map(|(k, v)| (k.clone(), Self::untyped(v))).collect(),
                additional: Vec::new(),
            },
        }
    }
}

/// The reason phrase of the statuses a spec may document (`202` → `Accepted`).
pub fn status_reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        _ => "",
    }
}
