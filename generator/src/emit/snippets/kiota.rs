//! Kiota's naming conventions, written once for every printer of a Kiota-generated SDK (C#, Go, Java, PHP, Python) and the docs' placeholders.
//!
//! Graph's OpenAPI names a collection's key `{<item>-id}` after the item's type
//! (`/users/{user-id}/mailFolders/{mailFolder-id}`), and Kiota builds every name of the
//! item from it: `ByMailFolderId` (Go), `byMailFolderId` (Java, PHP),
//! `by_mail_folder_id` (Python), `["{mailFolder-id}"]` (C#, and every docs placeholder).
//! Only the first letter changes case (`chromeOSOnboardingSettings` →
//! `ByChromeOSOnboardingSettingsId`, `by_chrome_o_s_onboarding_settings_id`): the
//! names are the SDKs' own, checked against their packages in `tests/snippets.rs`.

use crate::lang::{kiota, singular, Case};

/// The item's name in the key Graph's OpenAPI gives `collection`: the spec's own
/// parameter when it is written Graph's way (`{chromeOSOnboardingSettings-id}`, where
/// the type's name is no singular of the segment), else the segment's singular
/// (`calls` → `call`).
pub fn item(collection: &str, param: &str) -> String {
    match graphs_key(param) {
        Some((name, _)) => name.to_owned(),
        None => singular(collection),
    }
}

/// A placeholder written Graph's way, split into the item's name and the key's:
/// `mailFolder-id1` → (`mailFolder`, `id1`), `workflowVersion-versionNumber` →
/// (`workflowVersion`, `versionNumber`).
fn graphs_key(param: &str) -> Option<(&str, &str)> {
    let (name, key) = param.rsplit_once('-')?;
    let word = |s: &str| s.starts_with(|c: char| c.is_ascii_alphabetic()) && s.bytes().all(|b| b.is_ascii_alphanumeric());
    let numbered = key.trim_end_matches(|c: char| c.is_ascii_digit());
    (word(name) && word(numbered) && numbered.starts_with(|c: char| c.is_ascii_lowercase())).then_some((name, key))
}

/// The key Graph's OpenAPI gives an item (without braces): the spec's own placeholder when
/// written Graph's way (`mailFolder-id1`, the second `mailFolder` key of a path), else
/// the item's (`{callId}` of `calls` → `call-id`). Kiota names the item's by-key builder
/// after it (`ByMailFolderId1`), and the docs print it.
pub fn key(item: &str, param: &str) -> String {
    match graphs_key(param) {
        Some((name, _)) if name == item => param.to_owned(),
        _ => placeholder(item),
    }
}

/// The by-key request builder of an item, in the SDK's casing: `ByMailFolderId`,
/// `byMailFolderId1`, `by_mail_folder_id` (from its [`key`]).
pub fn by_key(key: &str, case: Case) -> String {
    let (name, suffix) = key.rsplit_once('-').unwrap_or((key, "id"));
    match case {
        Case::Snake => format!("by_{}_{}", kiota(name, Case::Snake, "n"), kiota(suffix, Case::Snake, "n")),
        Case::Camel => format!("by{}{}", kiota(name, Case::Pascal, "N"), kiota(suffix, Case::Pascal, "N")),
        Case::Pascal | Case::ScreamingSnake => format!("By{}{}", kiota(name, Case::Pascal, "N"), kiota(suffix, Case::Pascal, "N")),
    }
}

/// The key as one lower-camel word, as PowerShell's and the CLI's id parameters spell it:
/// `mailFolderId1` (`-MailFolderId1`, `--mail-folder-id1`).
pub fn key_word(key: &str) -> String {
    let (name, suffix) = key.rsplit_once('-').unwrap_or((key, "id"));
    format!("{name}{}", kiota(suffix, Case::Pascal, "N"))
}

/// The by-id request builder of an item named as Graph's first key of it (`ByMailFolderId`).
pub fn by_id(item: &str, case: Case) -> String {
    by_key(&placeholder(item), case)
}

/// The docs' placeholder for an item's id, without braces: `mailFolder-id`. Names that
/// are no plain identifier are spelled with letters, digits and `-` only, so that the
/// placeholder stays one as printed (see [`crate::model::is_placeholder`]) in every
/// language's URL and literal.
pub fn placeholder(item: &str) -> String {
    let plain = item.starts_with(|c: char| c.is_ascii_alphabetic()) && item.bytes().all(|b| b.is_ascii_alphanumeric());
    if plain {
        format!("{item}-id")
    } else {
        format!("{}-id", crate::lang::ident(item, Case::Snake, "n").replace('_', "-"))
    }
}

/// The request-body class of an action with parameters: `RejectPostRequestBody`. The
/// suffix keeps it from being a reserved word, so no SDK escapes it even where it escapes
/// the action's namespace (PHP's `…\Item\EscapedClone\ClonePostRequestBody` in
/// msgraph-sdk-php; a printer that escaped the name wrote `EscapedClonePostRequestBody`).
pub fn request_body_class(action: &str) -> String {
    format!("{}PostRequestBody", kiota(action, Case::Pascal, "N"))
}

/// A function's request builder, in lower camel case: its name, then `With` and each
/// parameter in the function's order (`reminderViewWithStartDateTimeWithEndDateTime`;
/// `delta` for none), as Kiota names the builder, its namespace and its method.
pub fn function_builder(name: &str, params: &[&str]) -> String {
    let mut out = kiota(name, Case::Camel, "n");
    for p in params {
        out.push_str("With");
        out.push_str(&kiota(p, Case::Pascal, "N"));
    }
    out
}

/// Kiota's order of a method's path parameters: by name, ignoring case (its
/// `ParameterOrderComparer`), so a function's builder method takes `endDateTime` before
/// `startDateTime` whatever the path's order (msgraph-beta-sdk 1.66.0's
/// `reminder_view_with_start_date_time_with_end_date_time(self, end_date_time, start_date_time)`).
pub fn method_argument_order<T>(args: &mut [(&str, T)]) {
    args.sort_by_key(|(name, _)| name.to_lowercase());
}

/// A function argument as a Kiota builder method takes it: the text between the quotes its
/// URL template already writes (`StartDateTime='{StartDateTime}'`), so a `'` inside is
/// doubled, as OData requires, by the caller (the template only percent-encodes it);
/// numbers and booleans as they are.
pub fn literal_inside(value: &crate::model::TypedValue) -> crate::model::TypedValue {
    match value {
        crate::model::TypedValue::String(s) => crate::model::TypedValue::String(s.replace('\'', "''")),
        other => other.clone(),
    }
}

/// The page type of a function's collection result: `ReminderViewWithStartDateTimeWithEndDateTimeGetResponse`.
pub fn function_response(builder: &str) -> String {
    format!("{}GetResponse", kiota(builder, Case::Pascal, "N"))
}

/// Graph's singletons that are an entity of a collection: `/me` is the signed-in user.
/// Every Kiota SDK calls them by their own name (`graphClient.Me`, `Me()`, `.me`) but
/// builds them from that collection's item builders (msgraph-beta-sdk-go's `Me()` returns
/// a `users.UserItemRequestBuilder`), so what is below them lives in that namespace:
/// `/me/messages` → `users/item/messages` (`graphusers.ItemMessagesRequestBuilder…`,
/// `msgraph.generated.users.item.messages`).
pub const FOLDED_SINGLETONS: &[(&str, &str)] = &[("me", "users")];

/// A builder namespace's segments with a folded singleton first (see [`FOLDED_SINGLETONS`])
/// as its collection's item: `[me, messages]` → `[users, item, messages]`.
pub fn namespace(mut segments: Vec<String>) -> Vec<String> {
    if let Some((_, collection)) = segments.first().and_then(|first| FOLDED_SINGLETONS.iter().find(|(s, _)| s == first)) {
        segments.splice(0..1, [collection.to_string(), "item".to_owned()]);
    }
    segments
}

/// Where a request-builder chain ends: a named segment (`reject`, `users`) or a
/// collection's item (`message` of `/messages/{message-id}`).
#[derive(Debug, Clone, Copy)]
pub enum BuilderEnd<'a> {
    Segment(&'a str),
    Item(&'a str),
}

/// The request-builder class a chain ends at: `RejectRequestBuilder`, `UsersRequestBuilder`,
/// `MessageItemRequestBuilder` (an item's builder is named after the item, not the
/// collection).
pub fn request_builder(end: BuilderEnd) -> String {
    match end {
        BuilderEnd::Segment(s) => format!("{}RequestBuilder", kiota(s, Case::Pascal, "N")),
        BuilderEnd::Item(item) => format!("{}ItemRequestBuilder", kiota(item, Case::Pascal, "N")),
    }
}

/// The request configuration class of a builder's method: `MessageItemRequestBuilderGetRequestConfiguration`.
pub fn request_configuration(builder: &str, verb: &str) -> String {
    format!("{builder}{verb}RequestConfiguration")
}

/// The query parameters class of a builder's method: `MessagesRequestBuilderGetQueryParameters`
/// (nested in the builder in C#, Python and PHP; flat in Go).
pub fn query_parameters(builder: &str, verb: &str) -> String {
    format!("{builder}{verb}QueryParameters")
}

/// Go's name for a type of a request-builder package, which holds every builder below its
/// first segment in one flat namespace: the segments between the package's and the
/// builder's own (`item` as `Item`), then the name (`ItemMessages` +
/// `MessageItemRequestBuilderGetRequestConfiguration`; `CallsItem` + `RejectPostRequestBody`).
pub fn go_flat(builder_segments: &[String], name: &str) -> String {
    let between = builder_segments.get(1..builder_segments.len().saturating_sub(1)).unwrap_or_default();
    let prefix: String = between.iter().map(|s| kiota(s, Case::Pascal, "N")).collect();
    format!("{prefix}{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_an_item_follow_its_key() {
        assert_eq!(item("calls", "id"), "call");
        assert_eq!(item("chromeOSOnboardingSettings", "chromeOSOnboardingSettings-id"), "chromeOSOnboardingSettings");
        assert_eq!(by_id("localIPCall", Case::Pascal), "ByLocalIPCallId");
        assert_eq!(by_id("localIPCall", Case::Camel), "byLocalIPCallId");
        assert_eq!(by_id("localIPCall", Case::Snake), "by_local_i_p_call_id");
        assert_eq!(placeholder("localIPCall"), "localIPCall-id");
        assert_eq!(placeholder("in"), "in-id");
        assert_eq!(placeholder("a.b"), "a-b-id");
        // The second key of one type on a path is numbered, as Graph's OpenAPI and every
        // Kiota SDK number it (msgraph-sdk 1.65.0's `by_mail_folder_id1`, msgraph-sdk-go's
        // `ByMailFolderId1`); a key named after its property keeps that name.
        assert_eq!(item("childFolders", "mailFolder-id1"), "mailFolder");
        assert_eq!(key("mailFolder", "mailFolder-id1"), "mailFolder-id1");
        assert_eq!(key("call", "callId"), "call-id");
        assert_eq!(by_key("mailFolder-id1", Case::Snake), "by_mail_folder_id1");
        assert_eq!(by_key("mailFolder-id1", Case::Pascal), "ByMailFolderId1");
        assert_eq!(by_key("workflowVersion-versionNumber", Case::Camel), "byWorkflowVersionVersionNumber");
        assert_eq!(key_word("mailFolder-id1"), "mailFolderId1");
        assert_eq!(item("users", "user-principal-name"), "user", "a name of two words is no Graph key");
        assert_eq!(request_body_class("logTeleconferenceDeviceQuality"), "LogTeleconferenceDeviceQualityPostRequestBody");
        assert_eq!(request_builder(BuilderEnd::Item("message")), "MessageItemRequestBuilder");
        assert_eq!(request_builder(BuilderEnd::Segment("users")), "UsersRequestBuilder");
        let seg = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(namespace(seg(&["me", "messages"])), seg(&["users", "item", "messages"]));
        assert_eq!(namespace(seg(&["users", "item", "messages"])), seg(&["users", "item", "messages"]));
        assert_eq!(namespace(seg(&["communications", "me"])), seg(&["communications", "me"]), "only a path's first segment");
        let config = request_configuration(&request_builder(BuilderEnd::Item("message")), "Get");
        assert_eq!(
            go_flat(&seg(&["users", "item", "messages", "item"]), &config),
            "ItemMessagesMessageItemRequestBuilderGetRequestConfiguration"
        );
        assert_eq!(function_builder("reminderView", &["StartDateTime", "EndDateTime"]), "reminderViewWithStartDateTimeWithEndDateTime");
        assert_eq!(function_builder("delta", &[]), "delta");
        assert_eq!(
            function_response("reminderViewWithStartDateTimeWithEndDateTime"),
            "ReminderViewWithStartDateTimeWithEndDateTimeGetResponse"
        );
        let mut args = [("StartDateTime", 1), ("EndDateTime", 2), ("column", 3)];
        method_argument_order(&mut args);
        assert_eq!(args.map(|(n, _)| n), ["column", "EndDateTime", "StartDateTime"]);
        assert_eq!(go_flat(&seg(&["users"]), "UsersRequestBuilderGetRequestConfiguration"), "UsersRequestBuilderGetRequestConfiguration");
        assert_eq!(
            go_flat(&seg(&["communications", "calls", "item", "reject"]), "RejectPostRequestBody"),
            "CallsItemRejectPostRequestBody"
        );
    }
}
