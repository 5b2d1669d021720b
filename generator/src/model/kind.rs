//! What an operation does (`OperationKind`): its HTTP method, the shape of its path and whether it writes a reference.

/// What an operation does: Graph's bound actions and functions, and the entity operations a
/// resource's pages document. Decides the HTTP method, whether a body is sent, and each
/// SDK's call.
#[derive(Debug, serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    /// `POST …/{name}`; a body when the action has parameters.
    Action,
    /// `GET …/{name}(p='v',…)`: an OData function, its parameters in the path, a result
    /// always, no body.
    Function,
    /// `POST` to a collection; the body is the new entity.
    Create,
    /// `GET` one entity.
    Get,
    /// `GET` a collection.
    List,
    /// `PATCH` one entity with the members to change.
    Update,
    /// `DELETE` one entity.
    Delete,
    /// `GET …/$count`: how many items a collection holds, as text (OData's `$count`
    /// segment; Graph asks for `ConsistencyLevel: eventual` on directory objects).
    Count,
    /// `POST …/{navigation}/$ref` with `{"@odata.id": "…"}`: a collection navigation now
    /// also refers to an entity living elsewhere (add a member to a group).
    AddReference,
    /// `DELETE …/{navigation}/{id}/$ref` (or a single-valued `…/manager/$ref`): the
    /// navigation no longer refers to it; the entity itself stays.
    RemoveReference,
    /// `PUT …/{navigation}/$ref` with `{"@odata.id": "…"}`: a single-valued navigation now
    /// refers to that entity (assign a user's manager).
    SetReference,
}

impl OperationKind {
    pub const ALL: [(&'static str, OperationKind); 11] = [
        ("action", OperationKind::Action),
        ("function", OperationKind::Function),
        ("create", OperationKind::Create),
        ("get", OperationKind::Get),
        ("list", OperationKind::List),
        ("update", OperationKind::Update),
        ("delete", OperationKind::Delete),
        ("count", OperationKind::Count),
        ("add-reference", OperationKind::AddReference),
        ("remove-reference", OperationKind::RemoveReference),
        ("set-reference", OperationKind::SetReference),
    ];

    /// The spec's name of the kind (`add-reference`), as `kind:` writes it.
    pub fn spec_name(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("action", |(n, _)| n)
    }

    pub fn method(self) -> &'static str {
        match self {
            OperationKind::Action | OperationKind::Create | OperationKind::AddReference => "POST",
            OperationKind::Function | OperationKind::Get | OperationKind::List | OperationKind::Count => "GET",
            OperationKind::Update => "PATCH",
            OperationKind::Delete | OperationKind::RemoveReference => "DELETE",
            OperationKind::SetReference => "PUT",
        }
    }

    /// Whether the path ends at one entity (`…/{id}`, before a reference's `/$ref`) rather
    /// than a collection or an action.
    pub fn addresses_item(self) -> bool {
        matches!(
            self,
            OperationKind::Get
                | OperationKind::Update
                | OperationKind::Delete
                | OperationKind::RemoveReference
                | OperationKind::SetReference
        )
    }

    /// Whether the path ends with OData's `$ref` segment: the operation writes a reference
    /// of a navigation, not the entity it refers to.
    pub fn is_reference(self) -> bool {
        matches!(self, OperationKind::AddReference | OperationKind::RemoveReference | OperationKind::SetReference)
    }

    /// Whether the path's last segment is the operation's own name (`…/reject`,
    /// `…/find(…)`): Graph's bound actions and functions.
    pub fn is_bound_operation(self) -> bool {
        matches!(self, OperationKind::Action | OperationKind::Function)
    }
}
