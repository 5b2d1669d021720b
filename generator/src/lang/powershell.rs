//! PowerShell naming: values in single-quoted strings (nothing expands there), hashtable keys PascalCase.

use super::{ident, singular, Case};
use crate::model::OperationKind;

/// A verbatim string: inside `'…'` PowerShell expands nothing; the only special
/// characters are the single quotes, including the typographic ones it also treats as
/// quotes, and each is doubled.
pub fn string(s: &str) -> String {
    // A single-quoted string holds every character as it is, controls too; those that
    // must not sit raw (`lang::must_escape`; a newline or a tab may) are joined in as `[char]`
    // values, which Windows PowerShell 5.1 reads as well as 7 (`` `e `` and `` `u{} `` are
    // 7's only). The expression starts with a string, so `+` concatenates.
    let raw = |c: char| !matches!(c, '\n' | '\t') && super::must_escape(c);
    if !s.chars().any(raw) {
        return quoted(s);
    }
    let mut parts = Vec::new();
    let mut run = String::new();
    for c in s.chars() {
        if raw(c) {
            parts.push(quoted(&std::mem::take(&mut run)));
            parts.push(format!("[char]0x{:x}", c as u32));
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        parts.push(quoted(&run));
    }
    format!("({})", parts.join(" + "))
}

/// `'…'`: PowerShell's verbatim string, each quote (the typographic ones are quotes too)
/// doubled.
fn quoted(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// A hashtable key: the SDK's PascalCase name when the wire name is a plain identifier,
/// otherwise the wire name quoted (the cmdlets accept either spelling).
pub fn key(name: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric());
    if plain {
        ident(name, Case::Pascal, "N")
    } else {
        string(name)
    }
}

/// `$callId`: the variable a page-style snippet passes for a path parameter.
pub fn variable(name: &str) -> String {
    format!("${}", ident(name, Case::Camel, "n"))
}

/// `CallId`: a cmdlet parameter name.
pub fn parameter(name: &str) -> String {
    ident(name, Case::Pascal, "N")
}

/// The module's cmdlet for an operation (`Invoke-MgBetaRejectCommunicationCall`): the rule
/// read off `Microsoft.Graph.Beta.CloudCommunications`' own names. Entity operations take
/// `New`/`Get`/`Update`/`Remove`; an action whose first word is a verb the module maps
/// (`add`, `cancel` → `Stop`, `change` → `Rename`, `transfer` → `Move`, …) takes that verb
/// and puts the rest of its name after the nouns; any other action is `Invoke-` with its
/// first word before the nouns and the rest after (`playPrompt` →
/// `Invoke-MgBetaPlayCommunicationCallPrompt`), except a trailing `All`, which stays with
/// the verb (`Invoke-MgBetaMuteAllCommunicationCallParticipant`). The nouns are the path's
/// literal segments, singular.
pub fn cmdlet(prefix: &str, kind: OperationKind, action: &str, literal_segments: &[&str]) -> String {
    let nouns: String = literal_segments.iter().map(|s| ident(&singular(s), Case::Pascal, "N")).collect();
    let verb = match kind {
        OperationKind::Create => Some("New"),
        OperationKind::Get | OperationKind::List => Some("Get"),
        OperationKind::Update => Some("Update"),
        OperationKind::Delete => Some("Remove"),
        OperationKind::Action => None,
        // A function reads: `Get-MgUserDelta`, `Get-MgUserReminderView`.
        OperationKind::Function => return format!("Get-{prefix}{nouns}{}", ident(action, Case::Pascal, "N")),
        // `$count`: `Get-MgUserCount`.
        OperationKind::Count => return format!("Get-{prefix}{nouns}Count"),
        // The module's cmdlets of OData's `$ref` end in `ByRef` (`New-MgGroupMemberByRef`).
        OperationKind::AddReference => return format!("New-{prefix}{nouns}ByRef"),
        OperationKind::RemoveReference => return format!("Remove-{prefix}{nouns}ByRef"),
        OperationKind::SetReference => return format!("Set-{prefix}{nouns}ByRef"),
    };
    if let Some(verb) = verb {
        return format!("{verb}-{prefix}{nouns}");
    }
    let words = ident(action, Case::Snake, "n");
    let (first, rest) = words.split_once('_').unwrap_or((&words, ""));
    let rest = if rest.is_empty() { String::new() } else { ident(rest, Case::Pascal, "N") };
    // The module does not say a noun twice: `clearPresence` on a user's presence is
    // `Clear-MgUserPresence`, not `…PresencePresence`.
    let last = literal_segments.last().map(|s| ident(&singular(s), Case::Pascal, "N")).unwrap_or_default();
    let rest = if rest == last { String::new() } else { rest };
    let mapped = VERBS.iter().find(|(w, _)| *w == first).map(|(_, v)| *v);
    match mapped {
        Some(verb) => format!("{verb}-{prefix}{nouns}{rest}"),
        None if rest == "All" => format!("Invoke-{prefix}{}All{nouns}", ident(first, Case::Pascal, "N")),
        None => format!("Invoke-{prefix}{}{nouns}{rest}", ident(first, Case::Pascal, "N")),
    }
}

/// First words of action names the module turns into PowerShell verbs.
/// The PowerShell SDK's module (`Microsoft.Graph.<module>`) of an OpenAPI tag of Graph's
/// (`users.message`, `users.presence`, `users.user.Actions`; see
/// `import::powershell_tag`), as its build assigns operations to modules: the first module
/// of `powershell-modules.tsv` (its `ModulesMapping.jsonc`) whose expression matches. A tag
/// no module takes has no cmdlet there.
pub fn module_of(tag: &str) -> Option<&'static str> {
    static MODULES: std::sync::OnceLock<Vec<(&'static str, regex::Regex)>> = std::sync::OnceLock::new();
    let modules = MODULES.get_or_init(|| {
        include_str!("powershell-modules.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| l.split_once('\t'))
            // The table is this crate's own data, checked by a test: an expression that does
            // not compile would be a bug here, and is left out rather than taking a command down.
            .filter_map(|(module, pattern)| regex::Regex::new(pattern).ok().map(|r| (module, r)))
            .collect()
    });
    modules.iter().find(|(_, r)| r.is_match(tag)).map(|(m, _)| *m)
}

const VERBS: &[(&str, &str)] = &[
    ("add", "Add"),
    ("cancel", "Stop"),
    ("change", "Rename"),
    ("clear", "Clear"),
    ("send", "Send"),
    ("set", "Set"),
    ("start", "Start"),
    ("stop", "Stop"),
    ("transfer", "Move"),
    ("update", "Update"),
];

use crate::model::TypedValue;

const UNIT: &str = "    ";

/// How a generation of the module spells hashtable keys: the v1 module's docs use the
/// PascalCase property names, today's use the wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Pascal,
    Wire,
}

/// A key as `keys` spells it: bare when it is a plain name, quoted otherwise.
pub fn key_as(keys: Keys, name: &str) -> String {
    match keys {
        Keys::Pascal => key(name),
        Keys::Wire if name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric()) => {
            name.to_owned()
        }
        Keys::Wire => string(name),
    }
}

/// A PowerShell value for a `-BodyParameter` hashtable, keys spelled as `keys`: every
/// string single-quoted.
pub fn value_as(keys: Keys, v: &TypedValue, depth: usize) -> String {
    let pad = |d| super::pad(UNIT, d);
    match v {
        TypedValue::Null => "$null".into(),
        TypedValue::Bool(true) => "$true".into(),
        TypedValue::Bool(false) => "$false".into(),
        TypedValue::Number { value, .. } => value.to_string(),
        TypedValue::String(s) | TypedValue::Text { value: s, .. } => string(s),
        TypedValue::Enum { member, .. } => string(member),
        TypedValue::List { items, .. } => {
            let body: Vec<String> = items.iter().map(|i| format!("{}{}\n", pad(depth + 1), value_as(keys, i, depth + 1))).collect();
            format!("@(\n{}{})", body.concat(), pad(depth))
        }
        TypedValue::Object { members, .. } => hashtable_as(keys, members, depth),
    }
}

/// `@{ key = value … }`, one member a line, keys spelled as `keys`.
pub fn hashtable_as(keys: Keys, members: &[(String, TypedValue)], depth: usize) -> String {
    let pad = |d| super::pad(UNIT, d);
    let body: Vec<String> =
        members.iter().map(|(k, m)| format!("{}{} = {}\n", pad(depth + 1), key_as(keys, k), value_as(keys, m, depth + 1))).collect();
    format!("@{{\n{}{}}}", body.concat(), pad(depth))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names from the module's own cmdlet list (`tests/fixtures/powershell/`).
    #[test]
    fn modules_are_the_powershell_sdks_by_tag() {
        let lines = include_str!("powershell-modules.tsv").lines().filter(|l| !l.starts_with('#')).count();
        let cases = [
            ("users.message", Some("Mail")),
            ("users.mailFolder", Some("Mail")),
            ("users.presence", Some("CloudCommunications")),
            ("communications.call", Some("CloudCommunications")),
            ("users.user", Some("Users")),
            ("users.directoryObject", Some("Users")),
            ("users.todo", Some("Users")),
            ("users.user.Actions", Some("Users.Actions")),
            ("users.message.Functions", Some("Users.Functions")),
            ("users.event", Some("Calendar")),
            ("groups.directoryObject", Some("Groups")),
            ("users.drive", Some("Files")),
            ("drives.driveItem", Some("Files")),
            ("chats.chat", Some("Teams")),
            ("deviceManagement.managedDevice", Some("DeviceManagement")),
            ("identity.conditionalAccessRoot", Some("Identity.SignIns")),
            ("copilot.copilotAdmin", None),
        ];
        for (tag, module) in cases {
            assert_eq!(module_of(tag), module, "{tag}");
        }
        // Every line compiled: none was left out.
        let compiled: std::collections::BTreeSet<&str> =
            include_str!("powershell-modules.tsv").lines().filter_map(|l| l.split_once('\t')).map(|(m, _)| m).collect();
        assert_eq!(compiled.len(), lines);
        for (m, p) in include_str!("powershell-modules.tsv").lines().filter_map(|l| l.split_once('\t')) {
            assert!(regex::Regex::new(p).is_ok(), "{m}: {p}");
        }
    }

    #[test]
    fn cmdlet_names_follow_the_module() {
        let call = ["communications", "calls"];
        let participant = ["communications", "calls", "participants"];
        let cases: &[(OperationKind, &str, &[&str], &str)] = &[
            (OperationKind::Action, "reject", &call, "Invoke-MgBetaRejectCommunicationCall"),
            (OperationKind::Action, "keepAlive", &call, "Invoke-MgBetaKeepCommunicationCallAlive"),
            (OperationKind::Action, "playPrompt", &call, "Invoke-MgBetaPlayCommunicationCallPrompt"),
            (OperationKind::Action, "recordResponse", &call, "Invoke-MgBetaRecordCommunicationCallResponse"),
            (OperationKind::Action, "subscribeToTone", &call, "Invoke-MgBetaSubscribeCommunicationCallToTone"),
            (OperationKind::Action, "cancelMediaProcessing", &call, "Stop-MgBetaCommunicationCallMediaProcessing"),
            (OperationKind::Action, "changeScreenSharingRole", &call, "Rename-MgBetaCommunicationCallScreenSharingRole"),
            (OperationKind::Action, "addLargeGalleryView", &call, "Add-MgBetaCommunicationCallLargeGalleryView"),
            (OperationKind::Action, "updateRecordingStatus", &call, "Update-MgBetaCommunicationCallRecordingStatus"),
            (OperationKind::Action, "transfer", &call, "Move-MgBetaCommunicationCall"),
            (OperationKind::Action, "mute", &participant, "Invoke-MgBetaMuteCommunicationCallParticipant"),
            (OperationKind::Action, "muteAll", &participant, "Invoke-MgBetaMuteAllCommunicationCallParticipant"),
            (OperationKind::Action, "startHoldMusic", &participant, "Start-MgBetaCommunicationCallParticipantHoldMusic"),
            (OperationKind::Action, "invite", &participant, "Invoke-MgBetaInviteCommunicationCallParticipant"),
            (OperationKind::Create, "create", &call, "New-MgBetaCommunicationCall"),
            (OperationKind::Get, "get", &call, "Get-MgBetaCommunicationCall"),
            (OperationKind::Delete, "delete", &call, "Remove-MgBetaCommunicationCall"),
            (OperationKind::List, "list", &participant, "Get-MgBetaCommunicationCallParticipant"),
            // Microsoft Graph PowerShell's own names of a user's presence actions.
            (OperationKind::Action, "clearPresence", &["users", "presence"], "Clear-MgBetaUserPresence"),
            (OperationKind::Action, "setPresence", &["users", "presence"], "Set-MgBetaUserPresence"),
            (OperationKind::Action, "setStatusMessage", &["users", "presence"], "Set-MgBetaUserPresenceStatusMessage"),
            (OperationKind::AddReference, "addReference", &["groups", "members"], "New-MgBetaGroupMemberByRef"),
            (OperationKind::SetReference, "setReference", &["users", "manager"], "Set-MgBetaUserManagerByRef"),
        ];
        for (kind, action, literals, want) in cases {
            assert_eq!(cmdlet("MgBeta", *kind, action, literals), *want);
        }
    }

    #[test]
    fn names_and_literals() {
        assert_eq!(string("it's $(x) `n"), "'it''s $(x) `n'");
        assert_eq!(string("\u{2019}"), "'\u{2019}\u{2019}'");
        assert_eq!(key("reason"), "Reason");
        assert_eq!(key("$x"), "'$x'");
        assert_eq!(variable("call-id"), "$callId");
        assert_eq!(cmdlet("Mg", OperationKind::Action, "reject", &["communications", "calls"]), "Invoke-MgRejectCommunicationCall");
        assert_eq!(cmdlet("MgBeta", OperationKind::Action, "reject", &["communications", "calls"]), "Invoke-MgBetaRejectCommunicationCall");
    }
}
