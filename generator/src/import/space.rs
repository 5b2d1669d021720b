//! The URL space of a CSDL document: every address OData's conventions give an entity type, walked as Graph's OpenAPI converter walks it.
//!
//! The converter (`conversion-settings-openapi.json`: key as segment, every navigation)
//! starts at each entity set and singleton and follows navigation properties: one that
//! contains its target is followed on, to any depth, except through a navigation property
//! the path already went through (`…/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id1}`
//! has no `childFolders` below it); one that does not contain its target is an address
//! too (`/users/{user-id}/memberOf`, `/users/{user-id}/manager`), read there and no
//! further. A key is named after its entity type, numbered when the type's key is already
//! on the path (`{mailFolder-id1}`), as the SDKs' request builders are
//! (`ByMailFolderId1`, `by_mail_folder_id1`).

use super::csdl::Csdl;
use crate::model::QueryParameter;
use std::collections::{BTreeMap, VecDeque};

/// One address of an entity type.
#[derive(Debug, Clone)]
pub struct Address {
    /// The collection's segments, or None for a singleton or single-valued navigation.
    pub collection: Option<Vec<String>>,
    /// One instance's segments (`communications/calls/{call-id}`).
    pub item: Vec<String>,
    /// The annotation target that says what the address allows
    /// (`microsoft.graph.cloudCommunications/calls`).
    pub target: String,
    /// Reached through a navigation that does not contain its target: the entities live
    /// elsewhere, so here they are only read (and counted), and nothing below is addressed.
    pub reference: bool,
    /// The navigation is `Referenceable` (its `NavigationRestrictions` say so, as
    /// `group/members` and `user/manager` do): references are added, set and removed
    /// through `…/$ref`, as the converter gives only those navigations `$ref` paths.
    pub referenceable: bool,
    /// Whether one item of the collection has a key segment: false where the metadata says
    /// `IndexableByKey` is false (`event/instances`, read as a list only); `item` is then
    /// the collection's own segments.
    pub keyed: bool,
    /// The query parameters of its own that reading it takes (a calendar view's
    /// `startDateTime`): the navigation's, and those its entity set or singleton states
    /// for the path below it (see [`Csdl::query`]).
    pub query: Vec<QueryParameter>,
}

impl Address {
    /// Whether one of its entities can be addressed: a singleton, or a keyed collection.
    pub fn has_item(&self) -> bool {
        self.collection.is_none() || self.keyed
    }
}

/// The longest address followed, in segments: Graph's deepest containment is 13
/// (`/education/classes/{…}/assignments/{…}/submissions/{…}/outcomes/{…}` and the like);
/// a bound keeps a metadata document with a containment cycle of distinct properties finite.
const DEEPEST: usize = 24;

/// A path being walked: the address, the navigation properties it went through and the
/// key names it holds (for the next key's number).
struct Walk {
    ty: String,
    address: Address,
    through: Vec<(String, String)>,
    keys: Vec<String>,
}

fn short(qualified: &str) -> &str {
    qualified.rsplit('.').next().unwrap_or(qualified)
}

/// The key placeholder of an item of `ty` after `keys`: `{mailFolder-id}`, then
/// `{mailFolder-id1}`; named after the key's property (`{workflowVersion-versionNumber}`).
fn key(csdl: &Csdl, ty: &str, keys: &[String]) -> String {
    let name = short(ty);
    let property = csdl.key_of(ty).unwrap_or("id");
    match keys.iter().filter(|k| *k == name).count() {
        0 => format!("{{{name}-{property}}}"),
        n => format!("{{{name}-{property}{n}}}"),
    }
}

/// Every address of each entity type, shortest first (breadth first: entity sets and
/// singletons, then one navigation deeper at a time), each type's first one the shortest.
pub fn addresses(csdl: &Csdl) -> BTreeMap<String, Vec<Address>> {
    let mut found: BTreeMap<String, Vec<Address>> = BTreeMap::new();
    let mut queue = VecDeque::new();
    let at = |target: String, ty: &str, segments: Vec<String>, collection: bool, keys: &mut Vec<String>, reference| {
        let keyed = csdl.allows(&target, "IndexableByKey");
        let referenceable = csdl.states(&target, "Referenceable") == Some(true);
        let below_root: Vec<&str> = segments.iter().map(String::as_str).filter(|s| !s.starts_with('{')).collect();
        let from_root = format!("{}/{}", csdl.container, below_root.join("/"));
        let mut query: Vec<QueryParameter> = Vec::new();
        for q in [&target, &from_root].into_iter().filter_map(|t| csdl.query.get(t)).flatten() {
            if !query.iter().any(|o| o.name == q.name) {
                query.push(q.clone());
            }
        }
        if collection && keyed {
            let item = [segments.clone(), vec![key(csdl, ty, keys)]].concat();
            keys.push(short(ty).to_owned());
            Address { collection: Some(segments), item, target, reference, referenceable, keyed, query }
        } else if collection {
            Address { collection: Some(segments.clone()), item: segments, target, reference, referenceable, keyed, query }
        } else {
            Address { collection: None, item: segments, target, reference, referenceable, keyed: true, query }
        }
    };
    for r in &csdl.roots {
        let ty = csdl.qualify(&r.ty.name);
        let mut keys = Vec::new();
        let address = at(format!("{}/{}", csdl.container, r.name), &ty, vec![r.name.clone()], r.ty.collection, &mut keys, false);
        queue.push_back(Walk { ty, address, through: Vec::new(), keys });
    }
    while let Some(walk) = queue.pop_front() {
        found.entry(walk.ty.clone()).or_default().push(walk.address.clone());
        if walk.address.reference || !walk.address.has_item() || walk.address.item.len() >= DEEPEST {
            continue;
        }
        // The navigation of the type and its bases, in metadata order.
        let mut declaring = Some(walk.ty.clone());
        while let Some(name) = declaring {
            let Some(t) = csdl.types.get(&name) else { break };
            for n in &t.navigations {
                let via = (name.clone(), n.name.clone());
                // `Navigability: None`: the metadata says the property is not navigated.
                if walk.through.contains(&via) || !csdl.allows(&format!("{name}/{}", n.name), "Navigable") {
                    continue;
                }
                let target = csdl.qualify(&n.ty.name);
                let segments = [walk.address.item.clone(), vec![n.name.clone()]].concat();
                let mut keys = walk.keys.clone();
                // A contained navigation the metadata calls `Referenceable` is one of references too.
                let via_target = format!("{name}/{}", n.name);
                let reference = !n.contains_target || csdl.states(&via_target, "Referenceable") == Some(true);
                let address = at(via_target, &target, segments, n.ty.collection, &mut keys, reference);
                let through = [walk.through.clone(), vec![via]].concat();
                queue.push_back(Walk { ty: target, address, through, keys });
            }
            declaring = t.base.as_ref().map(|b| csdl.qualify(b));
        }
    }
    found
}

/// The OpenAPI tag Graph's converter gives the operations at `template` (an entity
/// operation's, or with the bound operation's own segment left off): the root segment, `/me`
/// as the `users` it is, then the type of the first navigation below it, or the root's own
/// (`/users/{user-id}/mailFolders/{mailFolder-id}/messages` → `users.mailFolder`,
/// `/users/{user-id}` → `users.user`). Microsoft Graph PowerShell assigns its cmdlets to
/// modules by this tag (see `lang::powershell::module_of`); `.Actions` or `.Functions`
/// follows for a bound operation.
pub fn tag(csdl: &Csdl, template: &str) -> Option<String> {
    let mut segs = template.trim_start_matches('/').split('/').filter(|s| !s.starts_with('{') && !s.starts_with('$'));
    let root_name = segs.next()?;
    let root = csdl.roots.iter().find(|r| r.name == root_name)?;
    let ty = csdl.qualify(&root.ty.name);
    let below = segs.next().and_then(|next| {
        let mut declaring = Some(ty.clone());
        for _ in 0..=csdl.types.len() {
            let t = csdl.types.get(declaring.as_deref()?)?;
            if let Some(n) = t.navigations.iter().find(|n| n.name == next) {
                return Some(csdl.qualify(&n.ty.name));
            }
            declaring = t.base.as_ref().map(|b| csdl.qualify(b));
        }
        None
    });
    let group = if root_name == "me" { "users" } else { root_name };
    Some(format!("{group}.{}", short(below.as_deref().unwrap_or(&ty))))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
<EntityType Name="directoryObject" BaseType="graph.entity"/>
<EntityType Name="user" BaseType="graph.directoryObject">
  <NavigationProperty Name="mailFolders" Type="Collection(graph.mailFolder)" ContainsTarget="true"/>
  <NavigationProperty Name="manager" Type="graph.directoryObject">
    <Annotation Term="Org.OData.Capabilities.V1.NavigationRestrictions"><Record><PropertyValue Property="Referenceable" Bool="true"/></Record></Annotation>
  </NavigationProperty>
  <NavigationProperty Name="memberOf" Type="Collection(graph.directoryObject)"/>
</EntityType>
<EntityType Name="mailFolder" BaseType="graph.entity">
  <NavigationProperty Name="childFolders" Type="Collection(graph.mailFolder)" ContainsTarget="true"/>
  <NavigationProperty Name="messages" Type="Collection(graph.message)" ContainsTarget="true"/>
</EntityType>
<EntityType Name="message" BaseType="graph.entity"/>
<EntityContainer Name="GraphService">
  <EntitySet Name="users" EntityType="graph.user"/>
  <EntitySet Name="directoryObjects" EntityType="graph.directoryObject"/>
  <Singleton Name="me" Type="graph.user"/>
</EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>"#;

    fn items(found: &BTreeMap<String, Vec<Address>>, ty: &str) -> Vec<String> {
        found[&format!("microsoft.graph.{ty}")].iter().map(|a| format!("/{}", a.item.join("/"))).collect()
    }

    #[test]
    fn every_address_is_walked_once_through_each_navigation_and_keys_are_numbered() {
        let csdl = crate::import::csdl::parse(DOC).unwrap();
        let found = addresses(&csdl);
        assert_eq!(
            items(&found, "message"),
            [
                "/users/{user-id}/mailFolders/{mailFolder-id}/messages/{message-id}",
                "/me/mailFolders/{mailFolder-id}/messages/{message-id}",
                "/users/{user-id}/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id1}/messages/{message-id}",
                "/me/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id1}/messages/{message-id}",
            ]
        );
        assert_eq!(
            items(&found, "directoryObject"),
            [
                "/directoryObjects/{directoryObject-id}",
                "/users/{user-id}/manager",
                "/users/{user-id}/memberOf/{directoryObject-id}",
                "/me/manager",
                "/me/memberOf/{directoryObject-id}"
            ]
        );
        let member_of = &found["microsoft.graph.directoryObject"][2];
        assert!(member_of.reference, "memberOf does not contain its directory objects");
        assert_eq!(member_of.target, "microsoft.graph.user/memberOf");
        assert!(!found["microsoft.graph.message"][0].reference);
        // References are written only where the navigation says `Referenceable`.
        let manager = &found["microsoft.graph.directoryObject"][1];
        assert!(manager.referenceable && manager.reference, "{manager:?}");
        assert!(!member_of.referenceable, "memberOf is only read");
    }

    #[test]
    fn tags_are_the_root_and_the_first_navigations_type() {
        let csdl = crate::import::csdl::parse(DOC).unwrap();
        let cases = [
            ("/users/{user-id}/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id1}/messages", Some("users.mailFolder")),
            ("/me/mailFolders/{mailFolder-id}/messages/$count", Some("users.mailFolder")),
            ("/users/{user-id}/manager/$ref", Some("users.directoryObject")),
            ("/users/{user-id}", Some("users.user")),
            ("/me", Some("users.user")),
            ("/directoryObjects", Some("directoryObjects.directoryObject")),
            ("/elsewhere/x", None),
        ];
        for (template, want) in cases {
            assert_eq!(tag(&csdl, template).as_deref(), want, "{template}");
        }
    }
}
