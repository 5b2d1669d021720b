//! The spec exactly as written in YAML, every value kept with its source position.
//!
//! Nothing here is validated beyond shape (serde refuses unknown keys and wrong types);
//! `validate` turns these into the model and reports everything else.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::fmt;

/// A value with the place it was written.
pub type S<T> = Spanned<T>;

/// A YAML mapping whose key order is kept (declaration order is output order) and
/// whose keys keep their positions (duplicate-name errors point at the second key).
#[derive(Debug)]
pub struct OrderedMap<V>(pub Vec<(S<String>, V)>);

impl<V> OrderedMap<V> {
    /// The key `name` as written, for an error located where it was declared.
    pub fn key(&self, name: &str) -> Option<&S<String>> {
        self.0.iter().find(|(k, _)| k.value == name).map(|(k, _)| k)
    }
}

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V_<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<S<String>>()? {
                    out.push((key, map.next_value()?));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(V_(std::marker::PhantomData))
    }
}

/// Any YAML value, for example bodies, with positions all the way down so a body that
/// does not fit its action is reported at the offending key.
#[derive(Debug)]
pub enum RawValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<S<RawValue>>),
    Map(Vec<(S<String>, S<RawValue>)>),
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_;
        impl<'de> Visitor<'de> for V_ {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a YAML value")
            }
            fn visit_unit<E>(self) -> Result<RawValue, E> {
                Ok(RawValue::Null)
            }
            fn visit_none<E>(self) -> Result<RawValue, E> {
                Ok(RawValue::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
                Ok(RawValue::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
                Ok(RawValue::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
                i64::try_from(v).map(RawValue::Int).map_err(|_| E::custom("integer too large"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
                Ok(RawValue::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
                Ok(RawValue::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
                Ok(RawValue::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(RawValue::Seq(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<S<String>>()? {
                    out.push((k, map.next_value()?));
                }
                Ok(RawValue::Map(out))
            }
        }
        d.deserialize_any(V_)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub sdkgen: S<u32>,
    #[serde(default)]
    pub api: Option<S<RawApi>>,
    #[serde(default)]
    pub enums: OrderedMap<S<RawEnum>>,
    #[serde(default)]
    pub types: OrderedMap<S<RawType>>,
    /// Empty once loaded: a file's actions are read again, one file at a time, when
    /// they are validated ([`crate::spec::actions_of`]), so the raw trees of thousands of
    /// operations are never all held at once.
    #[serde(default)]
    pub actions: Vec<S<RawAction>>,
    /// How many actions the file has.
    #[serde(skip)]
    pub action_count: usize,
    /// What a file adds to an operation declared elsewhere (an imported one).
    #[serde(default)]
    pub extensions: Vec<S<RawExtension>>,
}

/// What metadata lacks, added to an operation another file declares (`sdkgen import
/// csdl` writes operations without examples, notes, permissions or deprecated paths).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawExtension {
    /// The operation's id (`call-reject`).
    pub extends: S<String>,
    #[serde(default)]
    pub module: Option<S<String>>,
    #[serde(default)]
    pub description: Option<S<String>>,
    #[serde(default)]
    pub notes: Vec<S<String>>,
    /// More paths to the same operation, after its own (deprecated ones, typically).
    #[serde(default)]
    pub paths: Vec<S<RawPath>>,
    #[serde(default)]
    pub permissions: Option<S<RawPermissions>>,
    #[serde(default)]
    pub examples: Vec<S<RawExample>>,
}

/// A spec file's actions alone (the rest of the file was checked when it was loaded).
#[derive(Debug, Deserialize)]
pub struct RawActions {
    #[serde(default)]
    pub actions: Vec<S<RawAction>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawApi {
    pub title: S<String>,
    pub version: S<String>,
    pub namespace: S<String>,
    pub base_url: S<String>,
    #[serde(default)]
    pub notice: Option<S<String>>,
    /// The docs repository's `ms.subservice` for every page (`cloud-communications`).
    #[serde(default)]
    pub subservice: Option<S<String>>,
    /// The docs repository's `ms.localizationpriority` for every page (`medium`).
    #[serde(default)]
    pub localization_priority: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnum {
    #[serde(default)]
    pub description: Option<S<String>>,
    #[serde(default)]
    pub evolvable: bool,
    pub members: OrderedMap<Option<S<RawMember>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    #[serde(default)]
    pub description: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawType {
    #[serde(default)]
    pub description: Option<S<String>>,
    #[serde(default)]
    pub base: Option<S<String>>,
    #[serde(default, rename = "abstract")]
    pub is_abstract: bool,
    #[serde(default)]
    pub open: bool,
    #[serde(default)]
    pub properties: OrderedMap<S<RawProperty>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProperty {
    #[serde(rename = "type")]
    pub ty: S<String>,
    #[serde(default)]
    pub collection: bool,
    /// The service sends either one value or a list of them (an open type's dynamic
    /// member, such as a notification's `resourceData`).
    #[serde(default, rename = "oneOrMany")]
    pub one_or_many: Option<S<bool>>,
    /// A dynamic member of an open type: sent by the service, undeclared in its metadata.
    #[serde(default)]
    pub dynamic: Option<S<bool>>,
    /// Why the member is deprecated, when it is.
    #[serde(default)]
    pub deprecated: Option<S<String>>,
    /// An action parameter every request must carry (Graph's `Nullable="false"`).
    #[serde(default)]
    pub required: bool,
    /// The value the service assumes when the member is left out.
    #[serde(default)]
    pub default: Option<S<RawValue>>,
    #[serde(default)]
    pub format: Option<S<String>>,
    #[serde(default)]
    pub description: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawAction {
    pub name: S<String>,
    /// The page's own tab set (language ids), for the page-style snapshot.
    #[serde(default, rename = "pageTabs")]
    pub page_tabs: Option<S<Vec<S<String>>>>,
    /// `action` (the default), `create`, `get`, `list`, `update` or `delete`.
    #[serde(default)]
    pub kind: Option<S<String>>,
    /// A get, update or delete of a singleton or single-valued navigation (`/me`): its
    /// path ends with that segment, not an id.
    #[serde(default)]
    pub single_valued: Option<S<bool>>,
    pub bound_to: S<String>,
    /// The SDK module holding the action (PowerShell `Microsoft.Graph.<module>`).
    #[serde(default)]
    pub module: Option<S<String>>,
    /// The reference page's file name without `.md`, where it is not the id in lower case.
    #[serde(default)]
    pub page: Option<S<String>>,
    /// The page's `author` (a GitHub alias), as its front matter names it.
    #[serde(default)]
    pub author: Option<S<String>>,
    pub summary: S<String>,
    #[serde(default)]
    pub description: Option<S<String>>,
    #[serde(default)]
    pub notes: Vec<S<String>>,
    pub paths: S<Vec<S<RawPath>>>,
    #[serde(default)]
    pub path_parameters: OrderedMap<S<RawProperty>>,
    #[serde(default)]
    pub headers: OrderedMap<S<RawHeader>>,
    #[serde(default)]
    pub parameters: OrderedMap<S<RawProperty>>,
    pub response: S<RawResponse>,
    /// Absent where nothing says (an import from metadata): the docs page says so.
    #[serde(default)]
    pub permissions: Option<S<RawPermissions>>,
    #[serde(default)]
    pub examples: Vec<S<RawExample>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPath {
    pub template: S<String>,
    #[serde(default)]
    pub deprecated: Option<S<String>>,
    /// This path's own shape where it differs from the operation's (`/me` beside
    /// `/users/{user-id}`): one operation, every address of the URL space.
    #[serde(default, rename = "singleValued")]
    pub single_valued: Option<S<bool>>,
    /// The path ends in a navigation that does not contain its entities (`memberOf`).
    #[serde(default)]
    pub references: bool,
    /// Query parameters of the operation's own at this path, beside OData's system
    /// options (`startDateTime` of a calendar view, `includeHiddenMessages`).
    #[serde(default)]
    pub query: OrderedMap<S<RawQueryParameter>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQueryParameter {
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub description: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub value: S<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub description: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    pub status: S<u16>,
    #[serde(default)]
    pub description: Option<S<String>>,
    #[serde(default, rename = "type")]
    pub ty: Option<S<String>>,
    #[serde(default)]
    pub collection: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawPermissions {
    pub delegated_work: S<RawPermission>,
    pub delegated_personal: S<RawPermission>,
    pub application: S<RawPermission>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPermission {
    pub supported: bool,
    #[serde(default)]
    pub permissions: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub name: S<String>,
    /// The page marks the request `blockType: ignored` (shown, but no SDK tabs).
    #[serde(default)]
    pub ignored: bool,
    pub title: S<String>,
    #[serde(default)]
    pub description: Option<S<String>>,
    pub request: S<RawExampleRequest>,
    pub response: S<RawExampleResponse>,
    #[serde(default)]
    pub notifications: Option<S<RawNotifications>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawExampleRequest {
    /// Which of the action's paths the example calls (0 = the first, the default).
    #[serde(default)]
    pub path: Option<S<usize>>,
    #[serde(default)]
    pub path_values: OrderedMap<S<String>>,
    #[serde(default)]
    pub headers: OrderedMap<S<String>>,
    /// OData query options (`$select: subject,from`, `$top: 5`).
    #[serde(default)]
    pub query: OrderedMap<S<RawValue>>,
    #[serde(default)]
    pub body: Option<S<RawValue>>,
    /// A function's arguments (`StartDateTime: '2017-06-05T10:00:00'`), name → value.
    #[serde(default)]
    pub arguments: Option<S<RawValue>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExampleResponse {
    pub status: S<u16>,
    #[serde(default)]
    pub headers: OrderedMap<S<String>>,
    #[serde(default)]
    pub body: Option<S<RawValue>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawNotifications {
    pub callback_url: S<String>,
    #[serde(default)]
    pub before: Vec<S<RawNotification>>,
    #[serde(default)]
    pub after: Vec<S<RawNotification>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotification {
    pub title: S<String>,
    #[serde(rename = "type")]
    pub ty: S<String>,
    pub body: S<RawValue>,
}
