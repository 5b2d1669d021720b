//! `sdkgen import csdl` on Graph v1.0's real metadata: the call family imports to a spec
//! that validates and generates, and agrees with the hand-written beta spec except where
//! tests/fixtures/import/differences.md says why.

use sdkgen::model::{Model, TypeKind, TypeRef};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("generator/ has a parent").to_path_buf()
}

fn run(cmd: &mut Command) -> (bool, String, String) {
    let o = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    (o.status.success(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// Graph v1.0's CSDL, copied into the repository (MIT; LICENSE and README beside it) so a
/// clean clone tests the importer on the real thing.
const METADATA: &str = "tests/fixtures/graph-metadata/v1.0-cleanMetadata.xml";

fn sdkgen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sdkgen"))
}

fn metadata() -> std::path::PathBuf {
    let p = root().join(METADATA);
    assert!(p.is_file(), "Graph's metadata is missing at {} (the import tests need it)", p.display());
    p
}

/// An import with `--report`, so that stderr lists every element not imported.
fn import_into(dir: &std::path::Path, select: &[&str]) -> (bool, String, String) {
    let mut cmd = sdkgen();
    cmd.args(["import", "csdl", "--report"]).arg(metadata()).arg("--out").arg(dir);
    for s in select {
        cmd.args(["--select", s]);
    }
    run(&mut cmd)
}

fn label(ty: &TypeRef) -> String {
    let name = match &ty.kind {
        TypeKind::Primitive(p) => p.name().to_owned(),
        TypeKind::Enum(n) | TypeKind::Complex(n) => n.clone(),
    };
    if ty.collection {
        format!("Collection({name})")
    } else {
        name
    }
}

/// Every way the imported v1.0 model differs from the hand-written beta one, one line each.
fn differences(imported: &Model, written: &Model) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for a in &imported.actions {
        let Some(w) = written.actions.iter().find(|w| w.id() == a.id()) else {
            out.insert(format!("operation {}: not in the hand-written spec", a.id()));
            continue;
        };
        // Placeholder names are the importer's own (`{call-id}`: one per entity, unambiguous
        // two ids deep), and metadata has no status codes (an import says 204, or 200 with a
        // result): the path's shape is what must agree.
        let shape = |t: &str| t.split('/').map(|s| if s.starts_with('{') { "{}" } else { s }).collect::<Vec<_>>().join("/");
        if shape(&a.paths[0].template) != shape(&w.paths[0].template) {
            out.insert(format!("operation {}: path {} (hand-written {})", a.id(), a.paths[0].template, w.paths[0].template));
        }
        for p in &a.parameters {
            match w.parameters.iter().find(|q| q.name == p.name) {
                None => {
                    out.insert(format!("operation {}: parameter {} not in the hand-written spec", a.id(), p.name));
                }
                Some(q) if label(&q.ty) != label(&p.ty) => {
                    out.insert(format!("operation {}: parameter {} is {} (hand-written {})", a.id(), p.name, label(&p.ty), label(&q.ty)));
                }
                Some(_) => {}
            }
        }
    }
    for t in &imported.types {
        let Some(w) = written.types.iter().find(|w| w.name == t.name) else {
            out.insert(format!("type {}: not in the hand-written spec", t.name));
            continue;
        };
        if t.base != w.base || t.is_abstract != w.is_abstract || t.is_open != w.is_open {
            out.insert(format!(
                "type {}: base {:?} abstract {} open {} (hand-written {:?} {} {})",
                t.name, t.base, t.is_abstract, t.is_open, w.base, w.is_abstract, w.is_open
            ));
        }
        for p in &t.properties {
            match w.properties.iter().find(|q| q.name == p.name) {
                None => {
                    out.insert(format!("type {}: member {} not in the hand-written spec", t.name, p.name));
                }
                Some(q) if label(&q.ty) != label(&p.ty) => {
                    out.insert(format!("type {}: member {} is {} (hand-written {})", t.name, p.name, label(&p.ty), label(&q.ty)));
                }
                Some(_) => {}
            }
        }
    }
    for e in &imported.enums {
        let Some(w) = written.enums.iter().find(|w| w.name == e.name) else {
            out.insert(format!("enum {}: not in the hand-written spec", e.name));
            continue;
        };
        let mine: Vec<&String> = e.members.iter().map(|m| &m.name).collect();
        let theirs: Vec<&String> = w.members.iter().map(|m| &m.name).collect();
        if mine != theirs {
            out.insert(format!("enum {}: members {mine:?} (hand-written {theirs:?})", e.name));
        }
    }
    out
}

/// Without `--report`, what was not imported is a count per reason, most first, before
/// the summary line; the counts add up to the total and no element is listed one by one.
#[test]
fn an_import_counts_what_it_could_not_express_by_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = run(sdkgen().args(["import", "csdl"]).arg(metadata()).args(["--select", "user", "--out"]).arg(dir.path()));
    assert!(ok, "{out}{err}");
    assert!(!err.contains("sdkgen: not imported: "), "no element one by one:\n{err}");
    let head = err.lines().position(|l| l.contains("elements not imported, by reason (`--report` lists each)")).expect("the summary");
    let lines: Vec<&str> = err.lines().collect();
    let total: usize = lines[head].split_whitespace().nth(1).unwrap().parse().unwrap();
    // The reasons are the indented lines after the summary's head.
    let counts: Vec<usize> = lines[head + 1..]
        .iter()
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert!(counts.len() >= 3 && counts.windows(2).all(|w| w[0] >= w[1]), "most first: {counts:?}\n{err}");
    assert_eq!(counts.iter().sum::<usize>(), total, "{err}");
    assert!(err.lines().last().unwrap().contains(&format!("{total} elements not imported")), "{err}");
    assert!(!err.contains("parameter `"), "reasons are grouped without the parameter's name:\n{err}");
}

#[test]
fn the_call_family_imports_from_graphs_metadata_as_the_hand_written_spec_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = import_into(dir.path(), &["call", "participant"]);
    assert!(ok, "{out}{err}");
    // What the format cannot say is reported per element, with its reason.
    assert!(err.contains("not imported: microsoft.graph.onlineMeetingVideoDisabledReason (line 2886): a flags enum"), "{err}");
    let imported = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("the import does not validate:\n{e}"));
    // Navigation properties are members, as in the SDKs' models: a call's participants.
    let call = imported.types.iter().find(|t| t.name == "call").unwrap();
    let participants = call.properties.iter().find(|p| p.name == "participants").expect("call.participants");
    assert!(participants.ty.collection && participants.ty.kind == sdkgen::model::TypeKind::Complex("participant".into()));
    // The 20 actions bound to call and participant in v1.0, and the six entity operations
    // OData's conventions give each of their collections (`$count` too; no Capabilities
    // annotation there takes one away).
    assert_eq!(imported.actions.len(), 32);
    let reject = imported.actions.iter().find(|a| a.id() == "call-reject").expect("call-reject");
    assert_eq!(reject.paths[0].template, "/communications/calls/{call-id}/reject");
    let entity_ops: Vec<(String, &str, &str)> = imported
        .actions
        .iter()
        .filter(|a| a.kind != sdkgen::model::OperationKind::Action)
        .map(|a| (a.id(), a.method(), a.paths[0].template.as_str()))
        .collect();
    assert_eq!(
        entity_ops,
        [
            ("call-count".to_owned(), "GET", "/communications/calls/$count"),
            ("call-create".to_owned(), "POST", "/communications/calls"),
            ("call-delete".to_owned(), "DELETE", "/communications/calls/{call-id}"),
            ("call-get".to_owned(), "GET", "/communications/calls/{call-id}"),
            ("call-list".to_owned(), "GET", "/communications/calls"),
            ("call-update".to_owned(), "PATCH", "/communications/calls/{call-id}"),
            ("participant-count".to_owned(), "GET", "/communications/calls/{call-id}/participants/$count"),
            ("participant-create".to_owned(), "POST", "/communications/calls/{call-id}/participants"),
            ("participant-delete".to_owned(), "DELETE", "/communications/calls/{call-id}/participants/{participant-id}"),
            ("participant-get".to_owned(), "GET", "/communications/calls/{call-id}/participants/{participant-id}"),
            ("participant-list".to_owned(), "GET", "/communications/calls/{call-id}/participants"),
            ("participant-update".to_owned(), "PATCH", "/communications/calls/{call-id}/participants/{participant-id}"),
        ]
    );

    let written = sdkgen::load_model(&root().join("spec")).unwrap_or_else(|e| panic!("{e}"));
    let found = differences(&imported, &written);
    let listed = table_rows(&std::fs::read_to_string(root().join("tests/fixtures/import/differences.md")).unwrap());
    let unexplained: Vec<&String> = found.difference(&listed).collect();
    let stale: Vec<&String> = listed.difference(&found).collect();
    assert!(unexplained.is_empty(), "differences with no row in tests/fixtures/import/differences.md:\n{unexplained:#?}");
    assert!(stale.is_empty(), "rows that match no difference any more:\n{stale:#?}");

    // The imported spec generates: every language, the Rust client, the docs.
    let gen_dir = tempfile::tempdir().unwrap();
    let gen = gen_dir.path().join("out");
    let (ok, out, err) = run(sdkgen().arg("generate").arg("--spec").arg(dir.path()).arg("--out").arg(&gen));
    assert!(ok, "{out}{err}");
    assert!(gen.join("rust/src/client.rs").is_file());
}

#[test]
fn reimporting_replaces_only_imported_files_and_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    assert!(import_into(dir.path(), &["participant"]).0);
    let mine = dir.path().join("actions/participant-extra.yaml");
    // (A spec file of its own: the import is validated with the spec it joins.)
    std::fs::write(&mine, "# written by hand\nsdkgen: 1\n").unwrap();
    let first = std::fs::read_to_string(dir.path().join("types/imported.yaml")).unwrap();
    // A hand-written file where the import would write is refused, and kept.
    let taken = dir.path().join("actions/participant-mute.yaml");
    std::fs::write(&taken, "# mine\n").unwrap();
    let (ok, _, err) = import_into(dir.path(), &["participant"]);
    assert!(
        !ok && err.contains("did not write where it would write its own") && err.contains("  actions/participant-mute.yaml\n"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "# mine\n");
    // ...and refused before anything is written: the import's other files are as they were.
    let imported_get = dir.path().join("actions/participant-get.yaml");
    let get_before = std::fs::read(&imported_get).unwrap();
    std::fs::write(&imported_get, [get_before.as_slice(), b"# touched\n"].concat()).unwrap();
    assert!(!import_into(dir.path(), &["participant"]).0);
    assert!(std::fs::read_to_string(&imported_get).unwrap().ends_with("# touched\n"), "nothing written after a refusal");
    std::fs::remove_file(&taken).unwrap();
    assert!(import_into(dir.path(), &["participant"]).0);
    assert_eq!(std::fs::read(&imported_get).unwrap(), get_before);
    assert_eq!(std::fs::read_to_string(dir.path().join("types/imported.yaml")).unwrap(), first, "byte-identical re-import");
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "# written by hand\nsdkgen: 1\n");

    // An operation the new metadata no longer has (here: an imported file no import makes
    // now) goes; files the import did not write stay, whatever their first lines say.
    let dropped = dir.path().join("actions/participant-retired.yaml");
    std::fs::copy(&imported_get, &dropped).unwrap();
    let page_import = dir.path().join("actions/participant-get.examples.yaml");
    std::fs::write(&page_import, "# Imported by sdkgen import page; from get.md. Do not edit; re-import the page.\nsdkgen: 1\n").unwrap();
    let quoted = dir.path().join("actions/notes.yaml");
    std::fs::write(&quoted, "# a note that quotes the mark: # Imported by sdkgen import csdl\nsdkgen: 1\n").unwrap();
    let (ok, _, err) = import_into(dir.path(), &["participant"]);
    assert!(ok, "{err}");
    assert!(err.contains("removed actions/participant-retired.yaml: the previous import wrote it"), "{err}");
    assert!(!dropped.exists());
    for kept in [&mine, &page_import, &quoted, &imported_get] {
        assert!(kept.is_file(), "{} was removed", kept.display());
    }
}

#[test]
fn an_unknown_selection_or_a_broken_document_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, err) = import_into(dir.path(), &["notAType"]);
    assert!(!ok && err.contains("`notAType` is not an entity type of the metadata"), "{err}");
    let (ok, _, err) = import_into(dir.path(), &["notAType*"]);
    assert!(!ok && err.contains("`notAType*` matches no addressable entity type of the metadata"), "{err}");
    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, "<edmx:Edmx>\n<Schema>\n</Wrong>\n").unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "csdl"]).arg(&bad).args(["--select", "call", "--out"]).arg(dir.path().join("o")));
    assert!(!ok && err.contains("bad.xml:3: not CSDL"), "{err}");
}

#[test]
fn the_whole_of_graph_v1_imports_and_validates_and_says_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = import_into(dir.path(), &["*"]);
    assert!(ok, "{out}{err}");
    let model = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("the whole import does not validate:\n{e}"));
    // Every addressable entity type of `microsoft.graph`, the actions bound to them, and
    // everything they reach; the counts move only when the importer learns more.
    assert!(model.actions.len() >= 3300, "{} operations", model.actions.len());
    // A singleton is read and updated where it is: no id.
    let communications = model.actions.iter().find(|a| a.id() == "cloudCommunications-get").expect("GET /communications");
    assert!(communications.single_valued);
    assert_eq!((communications.method(), communications.paths[0].template.as_str()), ("GET", "/communications"));
    // Every address of an entity type, as Graph's OpenAPI walks the container: `/me` and
    // `/users/{user-id}`, containment to any depth, a type's second key numbered, and a
    // navigation property not taken twice on one path.
    let paths = |id: &str| -> Vec<String> {
        let a = model.actions.iter().find(|a| a.id() == id).unwrap_or_else(|| panic!("{id}"));
        a.paths.iter().map(|p| p.template.clone()).collect()
    };
    let messages = paths("message-list");
    for want in [
        "/users/{user-id}/messages",
        "/me/messages",
        "/users/{user-id}/mailFolders/{mailFolder-id}/messages",
        "/me/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id1}/messages",
    ] {
        assert!(messages.iter().any(|p| p == want), "message-list has no {want}: {messages:#?}");
    }
    assert!(!messages.iter().any(|p| p.matches("childFolders").count() > 1), "childFolders is taken once per path");
    assert_eq!(messages[0], "/users/{user-id}/messages", "the shortest address first");
    let user_get = model.actions.iter().find(|a| a.id() == "user-get").unwrap();
    let me = user_get.paths.iter().position(|p| p.template == "/me").expect("GET /me");
    assert!(!user_get.single_valued && user_get.paths[0].template == "/users/{user-id}" && me > 0);
    // A navigation that does not contain its target is read where it is, and no further.
    let objects = paths("directoryObject-list");
    assert!(objects.iter().any(|p| p == "/users/{user-id}/memberOf") && objects.iter().any(|p| p == "/me/memberOf"));
    assert!(!paths("directoryObject-delete").iter().any(|p| p.contains("/memberOf")), "memberOf is not where they are deleted");
    assert!(paths("directoryObject-get").iter().any(|p| p == "/users/{user-id}/manager"), "a single-valued one is read");
    assert!(!model.actions.iter().flat_map(|a| &a.paths).any(|p| p.template.contains("/memberOf/{directoryObject-id}/")));
    // Capabilities: `Navigability: None` takes a property away (an event's
    // `exceptionOccurrences`), `IndexableByKey: false` an item's key (`instances`).
    assert!(!model.actions.iter().flat_map(|a| &a.paths).any(|p| p.template.contains("/exceptionOccurrences")));
    let events = paths("event-list");
    assert!(events.iter().any(|p| p == "/me/events/{event-id}/instances") && events.iter().any(|p| p == "/me/calendar/events"));
    assert!(!model.actions.iter().flat_map(|a| &a.paths).any(|p| p.template.contains("/instances/{event-id")));
    assert_eq!(paths("message-count")[0], "/users/{user-id}/messages/$count");
    // Bound operations at every address of their type: `send` of a draft in any folder.
    assert!(paths("message-send").iter().any(|p| p == "/me/mailFolders/{mailFolder-id}/messages/{message-id}/send"));

    // Functions: GET, their parameters in the path, a result.
    let functions = model.actions.iter().filter(|a| a.kind == sdkgen::model::OperationKind::Function).count();
    assert!(functions >= 140, "{functions} functions");
    let reminders = model.actions.iter().find(|a| a.id() == "user-reminderView").expect("user: reminderView");
    assert_eq!(reminders.kind, sdkgen::model::OperationKind::Function);
    assert_eq!(
        reminders.documented_target(&reminders.paths[0]),
        "/users/{user-id}/reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')"
    );
    assert_eq!(
        reminders.parameters.iter().map(|p| (p.name.as_str(), p.required)).collect::<Vec<_>>(),
        [("StartDateTime", true), ("EndDateTime", false)]
    );
    assert!(reminders.response.body.as_ref().is_some_and(|t| t.collection), "a collection of reminders");
    assert!(model.types.len() >= 1600, "{} types", model.types.len());
    assert!(model.enums.len() >= 500, "{} enums", model.enums.len());
    let skipped: Vec<&str> = err.lines().filter(|l| l.starts_with("sdkgen: not imported: ")).collect();
    assert!(!skipped.is_empty() && skipped.iter().all(|l| l.split(": ").count() >= 4), "each with its element and reason");
    for reason in [
        "a function parameter that is a collection or a structured value",
        "has no spec primitive yet",
        "the same identifier as",
        "the spec has one namespace",
    ] {
        assert!(err.contains(reason), "no element reported as {reason:?}");
    }
}

#[test]
fn a_pattern_selects_the_addressable_entity_types_it_matches() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = import_into(dir.path(), &["call*", "presence"]);
    assert!(ok, "{out}{err}");
    let model = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let bound: BTreeSet<&str> = model.actions.iter().map(|a| a.bound_to.as_str()).collect();
    assert!(bound.contains("call") && bound.contains("callRecording") && bound.contains("presence"), "{bound:?}");
    assert!(bound.iter().all(|b| b.starts_with("call") || *b == "presence"), "only what the patterns name: {bound:?}");
    assert!(!bound.contains("participant"));
}

#[test]
fn capabilities_annotations_take_away_the_entity_operations_they_restrict() {
    let text = std::fs::read_to_string(metadata()).unwrap();
    let csdl = sdkgen::import::csdl::parse(&text).unwrap_or_else(|e| panic!("line {}: {}", e.line, e.message));
    assert_eq!(csdl.container, "microsoft.graph.GraphService");
    // In an `Annotations` element whose target is an entity set of the container.
    let templates = "microsoft.graph.GraphService/applicationTemplates";
    assert!(!csdl.allows(templates, "Insertable") && !csdl.allows(templates, "Updatable"));
    // Inline, in a navigation property, nested under `ReadByKeyRestrictions`; the flag of
    // the outer record stays the outer one.
    assert!(!csdl.allows("microsoft.graph.calendar/calendarView", "ReadableByKey"));
    assert!(csdl.allows("microsoft.graph.calendar/calendarView", "Readable"));
    // A flag inside a custom header's record is not the restriction's own.
    assert!(csdl.allows("microsoft.graph.cloudCommunications/calls", "Insertable"));

    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = import_into(dir.path(), &["applicationTemplate"]);
    assert!(ok, "{out}{err}");
    let ids: Vec<String> = sdkgen::load_model(dir.path()).unwrap().actions.iter().map(|a| a.id()).collect();
    assert_eq!(
        ids,
        ["applicationTemplate-count", "applicationTemplate-get", "applicationTemplate-instantiate", "applicationTemplate-list"]
    );
}

/// OData's `$ref` is written where the metadata calls a navigation `Referenceable` (a
/// group's `members`, a user's `manager`), and nowhere else (a user's `memberOf` is only
/// read), as Microsoft's converter gives `$ref` paths; a page's `$ref` request then gets its
/// snippet against the imported spec.
#[test]
fn references_are_imported_where_the_metadata_makes_a_navigation_referenceable() {
    use sdkgen::model::OperationKind;
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = import_into(dir.path(), &["directoryObject"]);
    assert!(ok, "{out}{err}");
    let model = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let paths = |kind: OperationKind| -> BTreeSet<String> {
        model.actions.iter().filter(|a| a.kind == kind).flat_map(|a| a.paths.iter().map(|p| p.template.clone())).collect()
    };
    let (add, remove, set) =
        (paths(OperationKind::AddReference), paths(OperationKind::RemoveReference), paths(OperationKind::SetReference));
    assert!(add.contains("/groups/{group-id}/members/$ref") && add.contains("/groups/{group-id}/owners/$ref"), "{add:?}");
    assert!(remove.contains("/groups/{group-id}/members/{directoryObject-id}/$ref") && remove.contains("/users/{user-id}/manager/$ref"));
    assert!(set.contains("/users/{user-id}/manager/$ref"), "{set:?}");
    for read_only in ["/users/{user-id}/memberOf/$ref", "/groups/{group-id}/memberOf/$ref"] {
        assert!(!add.contains(read_only), "{read_only}: not Referenceable");
    }
    assert!(add.iter().chain(&remove).chain(&set).all(|p| p.ends_with("/$ref")));
    let f = dir.path().join("r.http");
    std::fs::write(&f, "POST https://graph.microsoft.com/v1.0/groups/g1/members/$ref\n\n{\"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/u1\"}\n").unwrap();
    let (ok, code, err) = run(sdkgen().args(["snippet", "--lang", "python", "--http"]).arg(&f).arg("--spec").arg(dir.path()));
    assert!(ok, "{err}");
    assert!(code.contains(".groups.by_group_id('g1').members.ref.post(request_body)") && code.contains("ReferenceCreate("), "{code}");
}

/// An imported operation names the module Microsoft Graph PowerShell puts its cmdlet in (by
/// the OpenAPI tag of its path and the PowerShell SDK's own module mapping), not the path's
/// first segment: a user's presence is `CloudCommunications`, its actions `Users.Actions`.
#[test]
fn imported_operations_name_microsoft_graph_powershells_module() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = import_into(dir.path(), &["presence", "message"]);
    assert!(ok, "{out}{err}");
    let model = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let module = |id: &str| model.actions.iter().find(|a| a.id() == id).map(|a| a.module.clone()).unwrap_or_else(|| panic!("no {id}"));
    for (id, want) in [
        ("presence-get", "CloudCommunications"),
        ("presence-list", "CloudCommunications"),
        ("presence-clearPresence", "Users.Actions"),
        ("presence-setPresence", "Users.Actions"),
        ("message-list", "Mail"),
        ("message-get", "Mail"),
        ("message-send", "Users.Actions"),
        ("message-delta", "Users.Functions"),
    ] {
        assert_eq!(module(id), want, "{id}");
    }
    let f = dir.path().join("r.http");
    std::fs::write(&f, "POST https://graph.microsoft.com/v1.0/users/u1/presence/clearPresence\n\n{\"sessionId\": \"s1\"}\n").unwrap();
    let (ok, code, err) = run(sdkgen().args(["snippet", "--lang", "powershell", "--http"]).arg(&f).arg("--spec").arg(dir.path()));
    assert!(ok, "{err}");
    assert!(code.contains("Import-Module Microsoft.Graph.Users.Actions\n"), "{code}");
    assert!(code.contains("Clear-MgUserPresence -UserId $userId -BodyParameter $params"), "{code}");
}

#[test]
fn a_hand_written_file_extends_an_imported_operation_with_what_metadata_lacks() {
    let dir = tempfile::tempdir().unwrap();
    assert!(import_into(dir.path(), &["call"]).0);
    std::fs::write(
        dir.path().join("actions/call-reject.extra.yaml"),
        "sdkgen: 1\nextensions:\n  - extends: call-reject\n    module: CloudCommunications\n    notes: [Answer or reject within 15 seconds.]\n    paths:\n      - template: /app/calls/{call-id}/reject\n        deprecated: Use /communications.\n    permissions:\n      delegatedWork: {supported: false}\n      delegatedPersonal: {supported: false}\n      application: {supported: true, permissions: [Calls.Initiate.All]}\n    examples:\n      - name: reject-busy\n        title: Reject with Busy\n        request:\n          pathValues: {call-id: \"{call-id}\"}\n          body: {reason: busy, callbackUri: \"https://bot.contoso.com/callback\"}\n        response: {status: 204}\n",
    )
    .unwrap();
    let model = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let reject = model.actions.iter().find(|a| a.id() == "call-reject").unwrap();
    assert_eq!(reject.module, "CloudCommunications");
    assert_eq!(reject.notes, ["Answer or reject within 15 seconds."]);
    assert_eq!(reject.paths.len(), 2);
    assert_eq!(reject.paths[1].deprecated.as_deref(), Some("Use /communications."));
    assert_eq!(reject.permissions.application, sdkgen::model::Permission::Supported(vec!["Calls.Initiate.All".into()]));
    assert_eq!(reject.examples.len(), 1);
    // The operation the extension names stays the imported one; a re-import keeps the extension.
    assert!(import_into(dir.path(), &["call"]).0);
    assert!(dir.path().join("actions/call-reject.extra.yaml").is_file());
    assert!(sdkgen::load_model(dir.path()).is_ok());
    // An example that does not fit the imported operation is a located error.
    let bad = dir.path().join("actions/call-reject.extra.yaml");
    let text = std::fs::read_to_string(&bad).unwrap().replace("reason: busy", "reason: sleepy");
    std::fs::write(&bad, text).unwrap();
    let err = sdkgen::load_model(dir.path()).expect_err("an invalid extension example").to_string();
    assert!(err.contains("sleepy") && err.contains("call-reject.extra.yaml"), "{err}");
}

/// Copies the shipped spec into `dir` (the importer's output goes beside it).
fn spec_copy(dir: &std::path::Path) {
    for sub in ["", "types", "actions"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for e in std::fs::read_dir(root().join("spec").join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "yaml") {
                std::fs::copy(&p, dir.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
}

/// A copy of the shipped spec in `dir` with the examples of `page`'s action taken out, so
/// an import of that page supplies them.
fn spec_without_examples(dir: &std::path::Path, page: &str) {
    spec_copy(dir);
    let file = dir.join(format!("actions/{page}.yaml"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{page}: no spec file for the page: {e}"));
    let cut = text.find("    examples:").unwrap_or_else(|| panic!("{page}: the spec file has no examples"));
    std::fs::write(&file, format!("{}    examples: []\n", &text[..cut])).unwrap();
}

#[test]
fn the_reject_page_imports_to_the_examples_the_spec_holds() {
    let dir = tempfile::tempdir().unwrap();
    spec_copy(dir.path());
    let out = dir.path().join("actions/call-reject.page.yaml");
    // The seed: the page's text as a browser copies it (no markdown, no block names).
    let page = root().join("tests/fixtures/page/call-reject.zh-cn.txt");
    let (ok, stdout, err) = run(sdkgen().args(["import", "page"]).arg(&page).arg("--spec").arg(dir.path()).arg("--out").arg(&out));
    assert!(ok, "{stdout}{err}");
    let model = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let reject = model.actions.iter().find(|a| a.id() == "call-reject").unwrap();
    let (written, imported) = reject.examples.split_at(2);
    assert_eq!(imported.len(), 2, "both of the page's examples");
    for (w, i) in written.iter().zip(imported) {
        // Names and notification titles are not on a copied page; everything sent and
        // received is, and must be what the spec holds.
        assert_eq!(i.request, w.request, "{}", w.name);
        assert_eq!(i.response, w.response, "{}", w.name);
        let bodies = |e: &sdkgen::model::Example| {
            e.notifications.as_ref().map(|n| {
                (n.before.iter().map(|x| x.body.clone()).collect::<Vec<_>>(), n.after.iter().map(|x| x.body.clone()).collect::<Vec<_>>())
            })
        };
        assert_eq!(bodies(i), bodies(w), "{}", w.name);
    }
    assert!(imported[0].title.contains("Busy"), "the page's heading is the title: {}", imported[0].title);
}

#[test]
fn a_page_that_contradicts_the_spec_is_an_error_located_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    spec_copy(dir.path());
    let page = dir.path().join("page.md");
    let text = std::fs::read_to_string(root().join("tests/fixtures/page/call-reject.zh-cn.txt")).unwrap();
    // A member reject does not have, on the page's line 50.
    std::fs::write(&page, text.replacen("\"reason\": \"busy\"", "\"reason\": \"busy\", \"mood\": \"grumpy\"", 1)).unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "page"]).arg(&page).arg("--spec").arg(dir.path()));
    assert!(!ok, "{err}");
    assert!(err.contains("page.md:50:") && err.contains("mood"), "{err}");
    // Invalid JSON, located where the parser stopped.
    std::fs::write(&page, text.replacen("\"reason\": \"busy\"", "\"reason\": \"busy\",", 1)).unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "page"]).arg(&page).arg("--spec").arg(dir.path()));
    assert!(!ok && err.contains("page.md:51:") && err.contains("does not parse"), "{err}");
    // A request the spec does not describe.
    std::fs::write(&page, text.replace("/reject", "/rejects")).unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "page"]).arg(&page).arg("--spec").arg(dir.path()));
    assert!(!ok && err.contains("page.md:46:") && err.contains("no operation of the spec is `POST /communications/calls/"), "{err}");
}

#[test]
fn the_reject_pages_markdown_imports_to_exactly_the_examples_the_spec_holds() {
    let dir = tempfile::tempdir().unwrap();
    spec_without_examples(dir.path(), "call-reject");
    let out = dir.path().join("actions/call-reject.page.yaml");
    let page = root().join("tests/fixtures/pages/call-reject.md");
    let import = || run(sdkgen().args(["import", "page"]).arg(&page).arg("--spec").arg(dir.path()).arg("--out").arg(&out));
    let (ok, stdout, err) = import();
    assert!(ok, "{stdout}{err}");
    // The page posts example 2's notifications to two URLs; the choice is said.
    assert!(err.contains("call-reject.md:117: the page posts this example's notifications to"), "{err}");
    let imported = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let shipped = sdkgen::load_model(&root().join("spec")).unwrap();
    let examples = |m: &Model| m.actions.iter().find(|a| a.id() == "call-reject").unwrap().examples.clone();
    assert_eq!(examples(&imported), examples(&shipped), "names, titles, requests, responses and notifications");
    // Re-importing replaces the import's own file, byte for byte the same.
    let first = std::fs::read(&out).unwrap();
    assert!(import().0);
    assert_eq!(std::fs::read(&out).unwrap(), first);
    // Against the shipped spec, which holds them already, the names collide: located.
    let (ok, _, err) = run(sdkgen().args(["import", "page"]).arg(&page).arg("--spec").arg(root().join("spec")));
    assert!(!ok && err.contains("example name `call-reject` is used twice") && err.contains("call-reject.md:68:1"), "{err}");
}

#[test]
fn snippet_from_a_raw_http_request_is_the_examples_snippet() {
    let dir = tempfile::tempdir().unwrap();
    // reject's first example as its page prints the request.
    let request = dir.path().join("reject.http");
    std::fs::write(
        &request,
        "POST https://graph.microsoft.com/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject\nContent-Type: application/json\nContent-Length: 24\n\n{\n  \"reason\": \"busy\"\n}\n",
    )
    .unwrap();
    let spec = root().join("spec");
    for lang in ["http", "csharp", "javascript", "objc", "java", "go", "powershell", "python"] {
        for style in ["page", "current"] {
            let by_name =
                run(sdkgen().args(["snippet", "--example", "call-reject", "--lang", lang, "--style", style]).arg("--spec").arg(&spec));
            let by_http =
                run(sdkgen().args(["snippet", "--lang", lang, "--style", style, "--http"]).arg(&request).arg("--spec").arg(&spec));
            assert!(by_http.0, "{lang} {style}: {}", by_http.2);
            assert_eq!(by_http.1, by_name.1, "{lang} {style}: the request's snippet is the example's");
        }
    }
    // From stdin, with a relative URL and a placeholder id.
    let mut child = sdkgen()
        .args(["snippet", "--lang", "javascript", "--http", "-", "--spec"])
        .arg(&spec)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"POST /communications/calls/{call-id}/keepAlive\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("client.api('/communications/calls/{call-id}/keepAlive')"));
}

/// A function call as a page writes it — its arguments in the path, names in the page's
/// letter case, `''` inside text, a function without arguments with or without `()` —
/// gives the snippet of the spec's example of that call; a call the function does not
/// take is a located error.
#[test]
fn a_function_call_as_the_page_writes_it_is_the_examples_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("tests/cases/function-call.yaml");
    let f = dir.path().join("r.http");
    let cases = [
        ("GET https://graph.microsoft.com/beta/me/reminderView(startDateTime='2017-06-05T10:00:00.0000000',endDateTime='2017-06-11T11:00:00.0000000')?$top=2\n", "my-reminders"),
        ("GET /users/u1/reminderView(StartDateTime='O''Neil',EndDateTime='2017-06-11T11%3A00%3A00.0000000')\nPrefer: outlook.timezone=\"Pacific Standard Time\"\n", "a-users-reminders"),
        ("GET /users/delta?$select=displayName,id\n", "users-delta"),
        ("GET /users/delta()?$select=displayName,id\n", "users-delta"),
    ];
    for (request, example) in cases {
        std::fs::write(&f, request).unwrap();
        for lang in ["http", "python", "go", "java", "csharp", "powershell", "cli"] {
            let by_http = run(sdkgen().args(["snippet", "--lang", lang, "--http"]).arg(&f).arg("--spec").arg(&spec));
            let by_name = run(sdkgen().args(["snippet", "--example", example, "--lang", lang]).arg("--spec").arg(&spec));
            assert!(by_http.0 && by_name.0, "{lang} {request}: {}{}", by_http.2, by_name.2);
            assert_eq!(by_http.1, by_name.1, "{lang}: `{request}` is example {example}");
        }
    }
    for (request, message, at) in [
        ("GET /me/reminderView(startDateTime='x')\n", "argument `EndDateTime` is missing", "r.http:1:1"),
        ("GET /me/reminderView(endDateTime='x')\n", "required parameter `StartDateTime` is missing", "r.http:1:1"),
        ("GET /me/reminderView(startDateTime='x',endDateTime='y',top=1)\n", "`top` is not a parameter", "r.http:1:1"),
        ("GET /me/reminderView(startDateTime='x',endDateTime=null)\n", "argument `EndDateTime` is null", "r.http:1:1"),
        ("GET /me/reminderView(startDateTime='x',endDateTime='y')?$select=id\n", "does not take `$select`", "r.http:1:57"),
    ] {
        std::fs::write(&f, request).unwrap();
        let (ok, _, err) = run(sdkgen().args(["snippet", "--lang", "go", "--http"]).arg(&f).arg("--spec").arg(&spec));
        assert!(!ok && err.contains(message) && err.contains(at), "{request}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{request}: one defect, one error: {err}");
    }
}

/// A `$count` request as a page writes it gives the snippet of the spec's example of it.
#[test]
fn a_count_request_as_the_page_writes_it_is_the_examples_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("tests/cases/count.yaml");
    let f = dir.path().join("r.http");
    std::fs::write(
        &f,
        "GET https://graph.microsoft.com/beta/users/$count?$filter=startswith(displayName,'A')\nConsistencyLevel: eventual\n",
    )
    .unwrap();
    for lang in ["http", "python", "go", "java", "csharp", "javascript", "php", "powershell", "cli"] {
        let by_http = run(sdkgen().args(["snippet", "--lang", lang, "--http"]).arg(&f).arg("--spec").arg(&spec));
        let by_name = run(sdkgen().args(["snippet", "--example", "count-users", "--lang", lang]).arg("--spec").arg(&spec));
        assert!(by_http.0 && by_name.0, "{lang}: {}{}", by_http.2, by_name.2);
        assert_eq!(by_http.1, by_name.1, "{lang}: the page's count is example count-users");
    }
    std::fs::write(&f, "GET /users/$count?$top=2\n").unwrap();
    let (ok, _, err) = run(sdkgen().args(["snippet", "--lang", "go", "--http"]).arg(&f).arg("--spec").arg(&spec));
    assert!(!ok && err.contains("does not take `$top`") && err.contains("r.http:1:"), "{err}");
}

/// A `$ref` request as a page writes it (add, remove, set, clear) gives the snippet of
/// the spec's example of it in every language; a body that names no entity by its URL is a
/// located error.
#[test]
fn a_reference_request_as_the_page_writes_it_is_the_examples_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("tests/cases/references.yaml");
    let f = dir.path().join("r.http");
    let cases = [
        (
            "POST https://graph.microsoft.com/beta/groups/g1/members/$ref\nContent-type: application/json\n\n{\n  \"@odata.id\": \"https://graph.microsoft.com/beta/directoryObjects/u1\"\n}\n",
            "add-group-member",
        ),
        ("DELETE https://graph.microsoft.com/beta/groups/g1/members/u1/$ref\n", "remove-group-member"),
        ("PUT /users/u1/manager/$ref\n\n{\"@odata.id\": \"https://graph.microsoft.com/beta/directoryObjects/m1\"}\n", "assign-manager"),
        ("DELETE /users/u1/manager/$ref\n", "remove-manager"),
    ];
    for (request, example) in cases {
        std::fs::write(&f, request).unwrap();
        for lang in ["http", "python", "go", "java", "csharp", "javascript", "php", "powershell", "cli"] {
            let by_http = run(sdkgen().args(["snippet", "--lang", lang, "--http"]).arg(&f).arg("--spec").arg(&spec));
            let by_name = run(sdkgen().args(["snippet", "--example", example, "--lang", lang]).arg("--spec").arg(&spec));
            assert!(by_http.0 && by_name.0, "{lang} {request}: {}{}", by_http.2, by_name.2);
            assert_eq!(by_http.1, by_name.1, "{lang}: `{request}` is example {example}");
        }
    }
    // Each at the member it is about (an annotation's name holds dots of its own).
    for (request, message, at) in [
        ("PUT /users/u1/manager/$ref\n\n{\"@odata.id\": \"users/m1\"}\n", "must be an absolute https URL", "r.http:3:2"),
        ("POST /groups/g1/members/$ref\n\n{\n  \"id\": \"u1\"\n}\n", "`id` is not a member of a reference", "r.http:4:3"),
        ("PUT /users/u1/manager/$ref\n", "sends the entity to refer to", "r.http:1:1"),
    ] {
        std::fs::write(&f, request).unwrap();
        let (ok, _, err) = run(sdkgen().args(["snippet", "--lang", "go", "--http"]).arg(&f).arg("--spec").arg(&spec));
        assert!(!ok && err.contains(message) && err.contains(at), "{request}: {err}");
    }
}

/// Graph takes an action's parameter names in any letter case, and pages use both
/// (`message` where the metadata says `Message`): the snippet spells the declared name.
#[test]
fn parameter_names_match_in_any_letter_case() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("spec");
    let f = dir.path().join("r.http");
    let at = "POST https://graph.microsoft.com/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject\nContent-Type: application/json\n\n";
    for lang in ["go", "python", "http"] {
        std::fs::write(&f, format!("{at}{{\n  \"REASON\": \"busy\"\n}}\n")).unwrap();
        let by_http = run(sdkgen().args(["snippet", "--lang", lang, "--http"]).arg(&f).arg("--spec").arg(&spec));
        let by_name = run(sdkgen().args(["snippet", "--example", "call-reject", "--lang", lang]).arg("--spec").arg(&spec));
        assert!(by_http.0, "{lang}: {}", by_http.2);
        assert_eq!(by_http.1, by_name.1, "{lang}: `REASON` is the parameter `reason`");
    }
    std::fs::write(&f, format!("{at}{{\n  \"reason\": \"busy\",\n  \"Reason\": \"none\"\n}}\n")).unwrap();
    let (ok, _, err) = run(sdkgen().args(["snippet", "--lang", "go", "--http"]).arg(&f).arg("--spec").arg(&spec));
    assert!(!ok && err.contains("r.http:6:3") && err.contains("parameter `reason` is given twice"), "{err}");
}

#[test]
fn a_request_the_spec_does_not_describe_is_located_in_the_request() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("spec");
    let case = |text: &str| {
        let f = dir.path().join("r.http");
        std::fs::write(&f, text).unwrap();
        let (ok, _, err) = run(sdkgen().args(["snippet", "--lang", "go", "--http"]).arg(&f).arg("--spec").arg(&spec));
        assert!(!ok, "{text}");
        err
    };
    let err = case("POST /communications/calls/abc/reject\n\n{\n  \"reason\": \"sleepy\"\n}\n");
    assert!(err.contains("r.http:4:3") && err.contains("`sleepy` is not a member of enum `rejectReason`") && err.contains("^"), "{err}");
    // The page defects Microsoft's service tolerates are located errors with their fix.
    let err = case("POST /communications/calls/abc/reject\n\n{\n  \"reason\": \"busy\",\n}\n");
    assert!(err.contains("r.http:5:") && err.contains("does not parse") && err.contains("remove the `,`"), "{err}");
    let err = case("POST /communications/calls/abc/reject\n\n{\n  // the reason\n  \"reason\": \"busy\"\n}\n");
    assert!(err.contains("r.http:4:") && err.contains("JSON has no comments: remove it"), "{err}");
    let err = case("POST https://graph.microsoft.com/v1.0/communications/calls/abc/keepAlive\n");
    assert!(
        err.contains("r.http:1:1")
            && err.contains("the spec's request is `https://graph.microsoft.com/beta/communications/calls/abc/keepAlive`"),
        "{err}"
    );
    let err = case("POST /communications/calls/abc/rejected\n");
    assert!(err.contains("r.http:1:1") && err.contains("no operation of the spec is `POST /communications/calls/abc/rejected`"), "{err}");
    let err = case("just text\n");
    assert!(err.contains("no request line"), "{err}");
    // Query options and headers the operation does not read: each at its own place.
    let err = case("POST /communications/calls/abc/reject?$top=5&startDateTime=x\nPrefer: a\nX-Custom: 1\n\n{\"reason\": \"busy\"}\n");
    assert!(err.contains("r.http:1:39") && err.contains("a POST `call-reject` does not take `$top`"), "{err}");
    assert!(err.contains("r.http:1:46") && err.contains("`startDateTime` is not a query option of `call-reject` at this path"), "{err}");
    assert!(err.contains("r.http:3:1") && err.contains("`call-reject` does not read request header `X-Custom`"), "{err}");
    assert!(!err.contains("Prefer"), "Prefer is one of Graph's request headers: {err}");
    let err = case("GET /communications/calls/abc\nPrefer: a\nConsistencyLevel: eventual\nprefer: b\n");
    assert!(err.contains("r.http:4:1") && err.contains("header `prefer` is given twice (first on line 2)"), "{err}");
}

/// A path's own query parameters (a calendar view's `startDateTime`) are read off a page's
/// query string in any letter case and sent under the declared name, the `+` of an offset
/// kept as the page escaped it; one the path requires and the page leaves out is located.
#[test]
fn a_pages_own_query_parameters_are_matched_in_any_case_and_required_ones_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r.http");
    let spec = root().join("tests/cases/own-query-parameters.yaml");
    let snippet = |request: &str, lang: &str| {
        std::fs::write(&f, request).unwrap();
        run(sdkgen().args(["snippet", "--lang", lang, "--http"]).arg(&f).arg("--spec").arg(&spec))
    };
    let request =
        "GET https://graph.microsoft.com/beta/me/calendarView?STARTDATETIME=2026-01-05T09:00:00%2B01:00&enddatetime=2026-01-06&$top=3\n";
    let (ok, http, err) = snippet(request, "http");
    assert!(ok, "{err}");
    assert!(http.contains("/me/calendarView?startDateTime=2026-01-05T09:00:00%2B01:00&endDateTime=2026-01-06&$top=3"), "{http}");
    let (ok, python, err) = snippet(request, "python");
    assert!(ok, "{err}");
    assert!(
        python.contains("start_date_time = '2026-01-05T09:00:00+01:00',") && python.contains("end_date_time = '2026-01-06',"),
        "{python}"
    );
    let (ok, _, err) = snippet("GET https://graph.microsoft.com/beta/me/calendarView?startDateTime=2026-01-05\n", "go");
    assert!(!ok && err.contains("r.http:1:1") && err.contains("`event-list` at this path requires query parameter `endDateTime`"), "{err}");
    // `/me/events` declares none: the same name there is no option of that path.
    let (ok, _, err) = snippet("GET https://graph.microsoft.com/beta/me/events?startDateTime=2026-01-05\n", "go");
    assert!(
        !ok && err.contains("r.http:1:") && err.contains("`startDateTime` is not a query option of `event-list` at this path"),
        "{err}"
    );
}

/// A page's query string and request headers are the example's: the HTTP snippet prints
/// them back as sent, and today's SDKs set them through their request configuration.
#[test]
fn a_requests_query_options_and_headers_reach_every_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r.http");
    let request = "GET https://graph.microsoft.com/beta/communications/calls/abc/participants?$select=info&$top=2&$filter=isMuted%20eq%20true\nConsistencyLevel: eventual\n";
    std::fs::write(&f, request).unwrap();
    let snippet = |lang: &str| {
        let (ok, out, err) = run(sdkgen().args(["snippet", "--lang", lang, "--http"]).arg(&f).arg("--spec").arg(root().join("spec")));
        assert!(ok, "{lang}: {err}");
        out
    };
    assert_eq!(snippet("http"), request, "the HTTP snippet is the request as sent");
    let cs = snippet("csharp");
    for line in [
        "requestConfiguration.QueryParameters.Select = new string []{ \"info\" };",
        "requestConfiguration.QueryParameters.Top = 2;",
        "requestConfiguration.QueryParameters.Filter = \"isMuted eq true\";",
        "requestConfiguration.Headers.Add(\"ConsistencyLevel\", \"eventual\");",
    ] {
        assert!(cs.contains(line), "C# lacks {line}:\n{cs}");
    }
    let ps = snippet("powershell");
    assert!(ps.contains("-Property 'info' -Top 2 -Filter 'isMuted eq true' -Headers @{ 'ConsistencyLevel' = 'eventual' }"), "{ps}");
}

#[test]
fn docs_pages_writes_the_include_files_a_docs_repository_needs_and_reports_failures() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("api");
    std::fs::create_dir_all(&pages).unwrap();
    let reject = std::fs::read_to_string(root().join("tests/fixtures/pages/call-reject.md")).unwrap();
    std::fs::write(pages.join("call-reject.md"), &reject).unwrap();
    let out = dir.path().join("includes");
    let docs =
        || run(sdkgen().args(["docs", "--spec"]).arg(root().join("spec")).arg("--pages").arg(&pages).arg("--out").arg(&out).arg("--quiet"));
    let (ok, report, err) = docs();
    assert!(ok, "{report}{err}");
    assert!(report.contains("call-reject.md:68: call-reject: wrote 8 include files"), "{report}");
    assert!(report.contains("call-reject.md:176: call-reject-none-reason: wrote 8 include files"), "{report}");
    // Each include is what `generate` writes for the spec's example of the same name.
    for lang in ["csharp", "cli", "go", "java", "javascript", "php", "powershell", "python"] {
        for name in ["call-reject", "call-reject-none-reason"] {
            let rel = format!("{lang}/{name}-{lang}-snippets.md");
            let made = std::fs::read_to_string(out.join(&rel)).unwrap();
            let shipped = std::fs::read_to_string(root().join("generated/docs/includes/snippets").join(&rel)).unwrap();
            assert_eq!(made, shipped, "{rel}");
        }
    }
    // A run again replaces its own files; someone else's file is never overwritten: that
    // example fails, the others are written, and the exit status says so.
    let theirs = out.join("go/call-reject-go-snippets.md");
    std::fs::write(&theirs, "written by a person\n").unwrap();
    // And a page whose example the spec cannot describe, its blocks named apart.
    let broken = reject
        .replace("\"reason\": \"none\"", "\"reason\": \"maybe\"")
        .replace("\"name\": \"call-reject", "\"name\": \"broken-call-reject");
    std::fs::write(pages.join("broken.md"), broken).unwrap();
    // And a page that reuses another's block names (sorted after it).
    std::fs::write(pages.join("reject-copy.md"), &reject).unwrap();
    let (ok, report, _) = docs();
    assert!(!ok, "{report}");
    assert!(report.contains("call-reject.md:68: call-reject: failed:") && report.contains("not written by sdkgen"), "{report}");
    assert!(
        report.contains("broken.md:176: broken-call-reject-none-reason: failed: `maybe` is not a member of enum `rejectReason`"),
        "{report}"
    );
    assert!(report.contains("call-reject.md:176: call-reject-none-reason: wrote 8 include files"), "{report}");
    for line in [68, 176] {
        let block = if line == 68 { "call-reject" } else { "call-reject-none-reason" };
        let want = format!(
            "reject-copy.md:{line}: {block}: failed: the block name is also used at call-reject.md:{line}, and the two would write the same include files"
        );
        assert!(report.contains(&want), "{want}\n{report}");
    }
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "written by a person\n");
}

/// `docs --pages` writes as `generate` does: one tree swapped in whole. A link where an
/// include goes fails that example and nothing is written through it; a run that cannot
/// write at all changes nothing and reports no example as written.
#[test]
fn docs_pages_never_writes_through_a_link_and_a_failed_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("api");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::copy(root().join("tests/fixtures/pages/call-reject.md"), pages.join("call-reject.md")).unwrap();
    let docs = |out: &std::path::Path| {
        run(sdkgen().args(["docs", "--spec"]).arg(root().join("spec")).arg("--pages").arg(&pages).arg("--out").arg(out))
    };
    let out = dir.path().join("includes");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("go")).unwrap();
    std::fs::write(out.join("README.md"), "the docs repository's own file\n").unwrap();
    let (ok, report, err) = docs(&out);
    assert!(!ok, "{report}{err}");
    for block in ["call-reject", "call-reject-none-reason"] {
        let want = format!(
            ": {block}: failed: {} exists and was not written by sdkgen",
            out.join("go").join(format!("{block}-go-snippets.md")).display()
        );
        assert!(report.contains(&want), "{want}\n{report}");
    }
    assert!(err.contains("0 examples written, 2 failed"), "{err}");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0, "nothing written through the link");
    assert!(std::fs::symlink_metadata(out.join("go")).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(out.join("README.md")).unwrap(), "the docs repository's own file\n");

    // Without the link: written, the docs repository's file kept.
    std::fs::remove_file(out.join("go")).unwrap();
    let (ok, report, err) = docs(&out);
    assert!(ok && report.contains("call-reject: wrote 8 include files"), "{report}{err}");
    let before = tree(&out);
    assert!(before.contains_key("go/call-reject-go-snippets.md") && before.contains_key("README.md"));
    // An output that is a file: refused before any example is reported written.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let (ok, report, err) = docs(&file.join("includes"));
    assert!(!ok && !report.contains("wrote"), "{report}{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    assert_eq!(tree(&out), before);
}

#[test]
fn the_keepalive_page_imports_to_its_no_body_example() {
    let dir = tempfile::tempdir().unwrap();
    spec_without_examples(dir.path(), "call-keepalive");
    let page = root().join("tests/fixtures/pages/call-keepalive.md");
    let (ok, stdout, err) =
        run(sdkgen().args(["import", "page"]).arg(&page).arg("--spec").arg(dir.path()).arg("--out").arg(dir.path().join("actions/k.yaml")));
    assert!(ok, "{stdout}{err}");
    let imported = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let shipped = sdkgen::load_model(&root().join("spec")).unwrap();
    let one = |m: &Model| m.actions.iter().find(|a| a.id() == "call-keepAlive").unwrap().examples.clone();
    let (i, w) = (one(&imported), one(&shipped));
    assert_eq!(i.len(), 1);
    // The page has no example heading, so no title; all the rest is the spec's.
    assert_eq!((&i[0].name, &i[0].request, &i[0].response), (&w[0].name, &w[0].request, &w[0].response));
    assert_eq!(i[0].request.body, None, "no body on the wire");
}

/// Today's mute page contradicts the model twice, each a located error: its notification
/// carries a `//` comment, which is no JSON, and its response a status that is no member
/// of the enum; with both fixed as the spec's recorded deviations fix them, the page
/// imports to the spec's example.
#[test]
fn the_mute_page_is_located_at_its_comment_then_imports_to_the_specs_example() {
    let dir = tempfile::tempdir().unwrap();
    spec_without_examples(dir.path(), "call-mute");
    let page = root().join("tests/fixtures/pages/call-mute.md");
    let import = |page: &std::path::Path| {
        run(sdkgen().args(["import", "page"]).arg(page).arg("--spec").arg(dir.path()).arg("--out").arg(dir.path().join("actions/m.yaml")))
    };
    let (ok, _, err) = import(&page);
    assert!(!ok, "{err}");
    assert!(err.contains("the page's JSON does not parse") && err.contains("call-mute.md:183:28"), "{err}");
    // Then its operation status, which Graph's enum spells `Completed`.
    let fixed = dir.path().join("call-mute.md");
    let without_comment = std::fs::read_to_string(&page).unwrap().replace(" // will be set to true on mute", "");
    std::fs::write(&fixed, &without_comment).unwrap();
    let (ok, _, err) = import(&fixed);
    assert!(!ok, "{err}");
    assert!(err.contains("`completed` is not a member of enum `operationStatus`") && err.contains("call-mute.md:137:3"), "{err}");
    std::fs::write(&fixed, without_comment.replace("\"status\": \"completed\"", "\"status\": \"Completed\"")).unwrap();
    let (ok, stdout, err) = import(&fixed);
    assert!(ok, "{stdout}{err}");
    let imported = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let shipped = sdkgen::load_model(&root().join("spec")).unwrap();
    let one = |m: &Model| m.actions.iter().find(|a| a.id() == "call-mute").unwrap().examples.clone();
    let (i, w) = (one(&imported), one(&shipped));
    assert_eq!(i.len(), 1);
    assert_eq!((&i[0].name, &i[0].request), (&w[0].name, &w[0].request));
    assert_eq!((i[0].response.status, &i[0].response.body), (w[0].response.status, &w[0].response.body));
    let notification =
        |e: &sdkgen::model::Example| e.notifications.as_ref().map(|n| n.after.iter().map(|x| x.body.clone()).collect::<Vec<_>>());
    assert_eq!(notification(&i[0]), notification(&w[0]), "the roster notification");
}

/// The page fixtures that import as they are; each of the others stops at a contradiction
/// (`each_page_fixture_stops_at_a_contradiction_the_spec_records`).
const CLEAN_PAGES: [&str; 6] = [
    "call-changescreensharingrole.md",
    "call-keepalive.md",
    "call-list-participants.md",
    "call-logteleconferencedevicequality.md",
    "call-reject.md",
    "participant-delete.md",
];

/// The family's other page fixtures each contradict the model where the spec records a
/// deviation from them: the import stops at the first contradiction with its page line
/// and column, and that contradiction is a row of `spec-deviations.md` for the page (or,
/// for a snapshot older than the spec's page, of the drop-in comparison's table).
#[test]
fn each_page_fixture_stops_at_a_contradiction_the_spec_records() {
    let (json, comma, status) = ("the page's JSON does not parse", "trailing comma", "is not a member of enum `operationStatus`");
    let cases = [
        (
            "application-post-calls",
            "application-post-calls.md:207:3",
            comma,
            "closing `preFetchMedia` and `mediaConfig` (example 1's response",
        ),
        ("call-addlargegalleryview", "call-addlargegalleryview.md:95:3", status, "`\"status\": \"running\"`"),
        ("call-answer", "call-answer.md:64:3", "is not an absolute https URL", "`\"callbackUri\": \"callbackUri-value\"`"),
        ("call-cancelmediaprocessing", "call-cancelmediaprocessing.md:114:3", status, "`\"status\": \"completed\"`"),
        ("call-delete", "call-delete.md:154:11", "expected a value of type Int32", "`\"code\": \"200\"`"),
        ("call-get", "call-get.md:121:7", comma, "`\"id\": \"2891555a-92ff-42e6-80fa-6e1300c6b5c6\",` then `}` (example 1)"),
        ("call-mute", "call-mute.md:183:28", json, "// will be set to true on mute"),
        ("call-playprompt", "call-playprompt.md:80:5", comma, "Trailing commas are not JSON"),
        // An older snapshot, of the action recordResponse replaced (the drop-in table's row).
        (
            "call-record",
            "call-record.md:65:1",
            "no operation of the spec is `POST /app/calls/{id}/record`",
            "documents the older `call: record` action",
        ),
        ("call-redirect", "call-redirect.md:215:9", comma, "`\"region\": \"amer\",` then `}` (example 1, incoming)"),
        ("call-senddtmftones", "call-senddtmftones.md:138:3", status, "`\"status\": \"running\"`"),
        ("call-subscribetotone", "call-subscribetotone.md:103:9", status, "`\"status\": \"completed\"`"),
        ("call-transfer", "call-transfer.md:82:3", "is not a parameter of this action", "`clientContext` in the parameter table"),
        ("call-unmute", "call-unmute.md:170:29", json, "// will be set to false on unmute"),
        ("call-updaterecordingstatus", "call-updaterecordingstatus.md:68:3", "is not a member of enum `recordingStatus`", "notRecording"),
        ("participant-get", "participant-get.md:57:1", "is not under the spec's base URL", "A v1.0 URL on a beta page"),
        ("participant-invite", "participant-invite.md:207:13", status, "`\"status\":\"completed\"` (example 1, operation completed)"),
        ("participant-mute", "participant-mute.md:160:28", json, "// will be set to true on mute"),
        (
            "participant-startholdmusic",
            "participant-startholdmusic.md:73:5",
            comma,
            "`\"uri\": \"https://bot.contoso.com/onHold.wav\",` then `},`",
        ),
        ("participant-stopholdmusic", "participant-stopholdmusic.md:117:3", status, "`\"status\": \"completed\"`"),
    ];
    let mut covered: Vec<String> = cases.iter().map(|c| format!("{}.md", c.0)).chain(CLEAN_PAGES.map(String::from)).collect();
    covered.sort();
    let fixtures: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/pages"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "README.md" && n != "deviations.md")
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(covered, fixtures, "each page fixture either imports or has its contradiction here");
    // The spec's departures from its pages, and the drop-in comparison's snapshot notes.
    let rows = ["tests/fixtures/page/spec-deviations.md", "tests/fixtures/pages/deviations.md"]
        .map(|f| std::fs::read_to_string(root().join(f)).unwrap())
        .join("\n");
    for (page, at, message, row) in cases {
        let dir = tempfile::tempdir().unwrap();
        spec_without_examples(dir.path(), page);
        let (ok, _, err) = run(sdkgen()
            .args(["import", "page"])
            .arg(root().join(format!("tests/fixtures/pages/{page}.md")))
            .arg("--spec")
            .arg(dir.path())
            .arg("--out")
            .arg(dir.path().join("actions/p.yaml")));
        assert!(!ok, "{page}: imported");
        assert!(err.contains(at) && err.contains(message), "{page}: expected {at} {message:?}:\n{err}");
        assert!(!dir.path().join("actions/p.yaml").exists(), "{page}: nothing is written");
        let of_page = |l: &str| l.starts_with(&format!("| {page} |")) || l.starts_with(&format!("| `{page}.md` |"));
        assert!(rows.lines().any(|l| of_page(l) && l.contains(row)), "{page}: no deviation row with {row:?}");
    }
}

/// Every page of the family as the docs repository holds it (`tests/fixtures/pages/`, all
/// 26), imported into the spec with that page's own examples taken out: it either writes
/// examples or stops with an error located in the page (`page.md:line:column`), exit 2,
/// writing nothing — never a crash.
#[test]
fn every_family_page_imports_or_stops_located() {
    let (mut imported, mut located) = (Vec::new(), Vec::new());
    // Each page that imports is held to the spec's examples of its operation.
    let shipped = sdkgen::load_model(&root().join("spec")).unwrap();
    let mut differences = BTreeSet::new();
    let mut pages: Vec<_> = std::fs::read_dir(root().join("tests/fixtures/pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| !matches!(p.file_stem().and_then(|s| s.to_str()), Some("README" | "deviations")))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 26, "one fixture per page of the spec");
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().unwrap();
        spec_without_examples(dir.path(), name.trim_end_matches(".md"));
        let out = dir.path().join("actions/imported.yaml");
        let o = sdkgen().args(["import", "page"]).arg(page).arg("--spec").arg(dir.path()).arg("--out").arg(&out).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        match o.status.code() {
            Some(0) => {
                assert!(out.is_file(), "{name}: exit 0 but nothing written");
                let model = sdkgen::load_model(dir.path()).unwrap_or_else(|e| panic!("{name}: the imported examples do not load: {e}"));
                let stem = name.trim_end_matches(".md");
                let of = |m: &Model| m.actions.iter().find(|a| a.page_name() == stem).unwrap().examples.clone();
                differences.extend(example_differences(&name, &of(&model), &of(&shipped)));
                imported.push(name);
            }
            Some(2) => {
                assert!(err.contains(&format!("{name}:")), "{name}: the error is not located in the page:\n{err}");
                assert!(!out.exists(), "{name}: a failed import wrote its output");
                located.push(name);
            }
            other => panic!("{name}: exit {other:?}\n{err}"),
        }
    }
    // The other 20 pages each contradict the model somewhere (rows of the spec's deviation
    // table: invalid JSON, members the types lack, `/app` and v1.0 URLs, reused names).
    // participant-delete's response carries `id` on an invitationParticipantInfo and
    // `phone: null` on an identitySet: undeclared members of types Graph makes open.
    assert_eq!(imported, CLEAN_PAGES, "pages that import as they are; stopped, located: {located:?}");
    let table = std::fs::read_to_string(root().join("tests/fixtures/import/imported-examples.md")).unwrap();
    let listed = table_rows(&table);
    let unexplained: Vec<&String> = differences.difference(&listed).collect();
    let stale: Vec<&String> = listed.difference(&differences).collect();
    assert!(unexplained.is_empty(), "imported examples that differ from the spec's with no row in imported-examples.md:\n{unexplained:#?}");
    assert!(stale.is_empty(), "rows of imported-examples.md that match no difference any more:\n{stale:#?}");
}

/// How a page's imported examples differ from the spec's, one line per example and field.
fn example_differences(page: &str, imported: &[sdkgen::model::Example], spec: &[sdkgen::model::Example]) -> Vec<String> {
    let mut out = Vec::new();
    if imported.len() != spec.len() {
        out.push(format!("{page}: {} examples (spec {})", imported.len(), spec.len()));
    }
    for (a, b) in imported.iter().zip(spec) {
        let fields = [
            ("name", a.name == b.name),
            ("ignored", a.ignored == b.ignored),
            ("title", a.title == b.title),
            ("description", a.description == b.description),
            ("request", a.request == b.request),
            ("response", a.response == b.response),
            ("notifications", a.notifications == b.notifications),
        ];
        for (field, same) in fields {
            if !same {
                out.push(format!("{page} {}: {field}", b.name));
            }
        }
    }
    out
}

/// The first cells of a `| difference | why |` table, each row required to give a reason.
fn table_rows(table: &str) -> BTreeSet<String> {
    table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| difference") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert!(cells.len() == 2 && !cells[1].is_empty(), "a row needs a difference and its reason: {l}");
            cells[0].trim_matches('`').to_owned()
        })
        .collect()
}

/// An import is validated with the spec it joins, in memory, before anything is written:
/// a beta `api.yaml` is a located error naming its version, and types and operations the
/// spec already has are errors naming both places; the directory is left as it was.
#[test]
fn an_import_into_a_spec_it_contradicts_is_refused_before_writing() {
    for (version, expect) in
        [("beta", "this import is Graph v1.0's metadata, but the spec it joins is `beta`"), ("v1.0", "defined again here")]
    {
        let dir = tempfile::tempdir().unwrap();
        let (ok, out, err) = run(sdkgen().arg("init").arg(dir.path()));
        assert!(ok, "{out}{err}");
        // The starter's action file moves aside, so the import writes no file of the user's.
        std::fs::rename(dir.path().join("spec/actions/call-reject.yaml"), dir.path().join("spec/actions/mine.yaml")).unwrap();
        let api = dir.path().join("spec/api.yaml");
        let text = std::fs::read_to_string(&api).unwrap().replace("version: beta", &format!("version: {version}"));
        std::fs::write(&api, text).unwrap();
        let before = sdkgen::output::read_tree(dir.path()).unwrap();
        let spec = dir.path().join("spec");
        let o = sdkgen().args(["import", "csdl"]).arg(metadata()).args(["--select", "call", "--out"]).arg(&spec).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{version}: {err}");
        assert!(err.contains(expect) && err.contains("spec/") && err.contains("nothing was written"), "{version}: {err}");
        assert_eq!(sdkgen::output::read_tree(dir.path()).unwrap(), before, "{version}: nothing written");
    }
}

/// Every file under `dir`, by path relative to it.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// `sdkgen import` re-runs an import from the lock it left beside the spec: byte-identical
/// from another working directory and in another checkout of the repository, with no
/// machine's path in any file; a changed metadata document is imported and said so; no
/// lock is an error that says how to make one.
#[test]
fn an_import_lock_re_runs_the_import_exactly_from_any_checkout() {
    let d = tempfile::tempdir().unwrap();
    let repo = d.path().join("checkout-one");
    std::fs::create_dir_all(repo.join("data")).unwrap();
    std::fs::copy(metadata(), repo.join("data/v1.0.xml")).unwrap();
    let (ok, _, err) = run(sdkgen()
        .args(["import", "csdl", "data/v1.0.xml", "--select", "call", "--select", "presence", "--out", "spec"])
        .args(["--exclude-path", "**#DELETE", "--exclude-path", "/communications/calls/*/keepAlive"])
        .current_dir(&repo));
    assert!(ok, "{err}");
    // `call-delete`, `keepAlive` and `presence-delete` (at `/communications/presences/{presence-id}`).
    assert!(err.contains("; 3 operations left out by the path filters"), "{err}");
    let first = tree(&repo.join("spec"));
    let lock = String::from_utf8(first["import.lock"].clone()).unwrap();
    assert!(lock.contains("metadata: \"../data/v1.0.xml\"") && lock.contains("  - \"call\"\n  - \"presence\"\n"), "{lock}");
    assert!(lock.contains("exclude:\n  - \"**#DELETE\"\n  - \"/communications/calls/*/keepAlive\"\n"), "{lock}");
    assert!(first.contains_key("actions/call-get.yaml") && first.contains_key("actions/call-reject.yaml"));
    for gone in ["actions/call-delete.yaml", "actions/call-keepAlive.yaml"] {
        assert!(!first.contains_key(gone), "{gone} is filtered out");
    }
    for (path, bytes) in &first {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains(&*d.path().to_string_lossy()), "{path} names the machine's path");
        if path.ends_with(".yaml") && path != "api.yaml" {
            assert!(text.lines().next().unwrap().ends_with("re-import with `sdkgen import`."), "{path}: {}", text.lines().next().unwrap());
        }
    }
    // Another checkout path, run from elsewhere with --spec, and from inside with the default.
    let other = d.path().join("elsewhere/checkout-two");
    std::fs::create_dir_all(other.join("data")).unwrap();
    std::fs::copy(metadata(), other.join("data/v1.0.xml")).unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "csdl", "data/v1.0.xml", "--select", "call", "--out", "spec"]).current_dir(&other));
    assert!(ok, "{err}");
    std::fs::copy(repo.join("spec/import.lock"), other.join("spec/import.lock")).unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "--spec"]).arg(other.join("spec")).current_dir(d.path()));
    assert!(ok, "{err}");
    assert!(!err.contains("changed since the lock"), "{err}");
    assert_eq!(tree(&other.join("spec")), first, "the lock's import, in another checkout");
    let (ok, _, err) = run(sdkgen().arg("import").current_dir(&other));
    assert!(ok, "{err}");
    assert_eq!(tree(&other.join("spec")), first, "again, by the default spec directory");
    // A changed document: imported, and the change named.
    let mut changed = std::fs::read_to_string(other.join("data/v1.0.xml")).unwrap();
    changed.push('\n');
    std::fs::write(other.join("data/v1.0.xml"), changed).unwrap();
    let (ok, _, err) = run(sdkgen().arg("import").current_dir(&other));
    assert!(ok && err.contains("changed since the lock (sha256 "), "{err}");
    let relocked = std::fs::read_to_string(other.join("spec/import.lock")).unwrap();
    assert_ne!(relocked, lock, "the lock records the new hash");
    // No lock: the way to make one.
    let bare = d.path().join("bare");
    std::fs::create_dir_all(bare.join("spec")).unwrap();
    let (ok, _, err) = run(sdkgen().arg("import").current_dir(&bare));
    assert!(!ok && err.contains("no import lock at spec/import.lock") && err.contains("sdkgen import csdl METADATA"), "{err}");
}

/// Before importing: `--list` shows what the metadata offers, `--dry-run` what an import
/// would write, replace and remove (and writes nothing), and a misspelt name is answered
/// with the closest one.
#[test]
fn a_metadata_file_can_be_explored_and_an_import_tried_before_it_is_made() {
    let (ok, out, err) = run(sdkgen().args(["import", "csdl", "--list", "--select", "call*"]).arg(metadata()));
    assert!(ok, "{err}");
    let rows: Vec<&str> = out.split("\n\n").next().unwrap().lines().collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("call ") && r.contains("  /communications/calls/{call-id}  ") && r.ends_with("bound operation(s)")),
        "{out}"
    );
    assert!(rows.iter().all(|r| r.starts_with("call")), "only what the pattern matches: {out}");
    assert!(err.contains(&format!("{} addressable entity types", rows.len())), "{err}");
    // With a selection (and a filter), every operation the import would make.
    let (ok, ops, err) =
        run(sdkgen().args(["import", "csdl", "--list", "--select", "call", "--exclude-path", "**#DELETE"]).arg(metadata()));
    assert!(ok, "{err}");
    assert!(
        ops.contains("\n  POST   /communications/calls/{call-id}/answer\n") && ops.contains("\n  GET    /communications/calls/{call-id}\n"),
        "{ops}"
    );
    assert!(!ops.contains("DELETE"), "filtered out: {ops}");
    assert!(err.contains("1 addressable entity types; 21 operations at 21 addresses"), "{err}");
    // The URL space, listed by path pattern across every type: each address of each
    // operation (Graph's whole v1.0 has 11,343).
    let (ok, space, err) = run(sdkgen()
        .args(["import", "csdl", "--list", "--select", "*", "--include-path", "/me/mailFolders/*/childFolders/**"])
        .arg(metadata()));
    assert!(ok, "{err}");
    let listed: Vec<&str> = space.split("operations an import of this selection makes:\n").nth(1).unwrap().lines().collect();
    assert!(listed.contains(&"  GET    /me/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id1}/messages"), "{space}");
    assert!(listed.contains(&"  POST   /me/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id1}/messages/{message-id}/send"));
    assert!(
        listed.iter().all(|l| l.contains(" /me/mailFolders/{mailFolder-id}/childFolders")),
        "only what the pattern matches (`**` may match no segment)"
    );
    assert!(err.contains(&format!("at {} addresses", listed.len())), "{err}");
    let (ok, all, _) = run(sdkgen().args(["import", "csdl", "--list"]).arg(metadata()));
    assert!(ok && all.lines().count() > 600, "the whole of v1.0 offers hundreds: {}", all.lines().count());
    for (select, want) in [("mesage", "did you mean `message`?"), ("mesage*", "did you mean `message`?")] {
        let (ok, _, err) = run(sdkgen().args(["import", "csdl", "--list", "--select", select]).arg(metadata()));
        assert!(!ok && err.contains(want), "{select}: {err}");
    }
    let d = tempfile::tempdir().unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "csdl", "--select", "mesage", "--out"]).arg(d.path()).arg(metadata()));
    assert!(!ok && err.contains("`mesage` is not an entity type of the metadata (did you mean `message`?)"), "{err}");

    // A path filter that matches nothing is a typo: refused, naming it, before anything is written.
    let (ok, _, err) = run(sdkgen()
        .args(["import", "csdl", "--select", "call", "--exclude-path", "/comunications/**", "--out"])
        .arg(d.path().join("typo"))
        .arg(metadata()));
    assert!(
        !ok && err.contains("`--exclude-path /comunications/**` matches no operation of the selection (they look like `/communications/"),
        "{err}"
    );
    assert!(!d.path().join("typo").exists());
    // Into nothing: every file new, and nothing written.
    let spec = d.path().join("spec");
    let (ok, plan, err) = run(sdkgen().args(["import", "csdl", "--dry-run", "--select", "call", "--out"]).arg(&spec).arg(metadata()));
    assert!(ok, "{err}");
    assert!(plan.lines().all(|l| l.starts_with("new ")) && plan.contains("new      import.lock\n"), "{plan}");
    assert!(!spec.exists(), "a dry run writes nothing");
    // Over an import of more: the files it would drop are listed, the rest unchanged.
    let (ok, _, err) = import_into(&spec, &["call", "presence"]);
    assert!(ok, "{err}");
    let before = tree(&spec);
    let (ok, plan, err) = run(sdkgen().args(["import", "csdl", "--dry-run", "--select", "call", "--out"]).arg(&spec).arg(metadata()));
    assert!(ok, "{err}");
    assert!(plan.contains("same     actions/call-answer.yaml\n"), "{plan}");
    assert!(plan.lines().any(|l| l.starts_with("remove   actions/presence-")), "{plan}");
    assert!(plan.contains("replace  import.lock\n") && plan.contains("replace  types/imported.yaml\n"), "{plan}");
    assert!(err.contains("dry run, nothing written"), "{err}");
    assert_eq!(tree(&spec), before, "a dry run writes nothing");
}

/// The README's "A maintainer's day", run as written: every command of its block but the
/// install (`standalone.rs` runs that), in one shell with `set -e`, from a directory that
/// holds Graph's metadata, with the built `sdkgen` first on the PATH.
#[test]
fn the_maintainers_day_in_the_readme_runs_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme.split_once("\n## A maintainer's day\n").expect("the README has the section").1;
    let block = section.split_once("```sh\n").and_then(|(_, b)| b.split_once("\n```")).expect("its command block").0;
    let commands: Vec<&str> = block.lines().filter(|l| !l.starts_with("cargo install ")).collect();
    assert!(commands.iter().filter(|l| l.starts_with("sdkgen ")).count() >= 9, "{block}");
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(metadata(), d.path().join("v1.0-cleanMetadata.xml")).unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_sdkgen"));
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let script = format!("set -euo pipefail\n{}\n", commands.join("\n"));
    let (ok, out, err) = run(Command::new("bash").arg("-c").arg(&script).current_dir(d.path()).env("PATH", path));
    assert!(ok, "the day stopped:\n{err}\n{out}");
    assert!(out.contains("mailFolder ") && out.contains("/users/{user-id}/mailFolders/{mailFolder-id}"), "--list: {out}");
    assert!(out.contains("new      import.lock"), "--dry-run: {out}");
    assert!(err.contains("generated-v1 is up to date") && err.contains("generated is up to date"), "{err}");
    let lock = std::fs::read_to_string(d.path().join("graph-mail/v1/import.lock")).unwrap();
    assert!(lock.contains("metadata: \"../../v1.0-cleanMetadata.xml\"") && lock.contains("\"**#DELETE\""), "{lock}");
    // The refusal the section describes, before anything is written.
    let spec = d.path().join("graph-mail/spec");
    let before = tree(&spec);
    let (ok, _, err) = run(sdkgen()
        .args(["import", "csdl", "../v1.0-cleanMetadata.xml", "--select", "mailFolder", "--out", "spec"])
        .current_dir(d.path().join("graph-mail")));
    assert!(!ok && err.contains("this import is Graph v1.0's metadata, but the spec it joins is `beta`"), "{err}");
    assert_eq!(tree(&spec), before, "the starter is left as it was");
}

/// A metadata document cut short between two tags (a truncated download) is refused
/// whole, and the spec an earlier import wrote stays as it was: before, the cut copy
/// imported with exit 0 and the re-import removed every file it lacked.
#[test]
fn a_metadata_document_cut_short_is_refused_and_the_earlier_import_kept() {
    let d = tempfile::tempdir().unwrap();
    let spec = d.path().join("spec");
    let (ok, _, err) = import_into(&spec, &["call", "presence"]);
    assert!(ok, "{err}");
    let before = tree(&spec);
    let whole = std::fs::read_to_string(metadata()).unwrap();
    // Right after a complete line, past the entity types `call` needs.
    let cut_at = whole[..whole.len() * 3 / 4].rfind('\n').unwrap() + 1;
    let cut = d.path().join("cut.xml");
    std::fs::write(&cut, &whole[..cut_at]).unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "csdl", "--select", "call", "--select", "presence", "--out"]).arg(&spec).arg(&cut));
    assert!(!ok && err.contains("not CSDL: the document ends inside `<") && err.contains("it was cut short"), "{err}");
    assert_eq!(tree(&spec), before, "nothing written, nothing removed");
}

/// Hostile metadata and a hostile spec directory: a name that is no identifier never
/// becomes a path, a link where the import writes is refused with nothing written
/// through it, and a dry run's plan is what the import then does, file by file.
#[test]
fn an_import_never_writes_through_a_link_or_a_name_and_does_what_its_dry_run_said() {
    let d = tempfile::tempdir().unwrap();
    let whole = std::fs::read_to_string(metadata()).unwrap();
    let hostile = whole.replacen(r#"<Action Name="reject" IsBound="true">"#, r#"<Action Name="../../evil" IsBound="true">"#, 1).replacen(
        r#"<Action Name="keepAlive" IsBound="true">"#,
        r#"<Action Name="keep&#x1b;[31mAlive" IsBound="true">"#,
        1,
    );
    assert_eq!(hostile.matches("../../evil").count(), 1);
    let xml = d.path().join("hostile.xml");
    std::fs::write(&xml, &hostile).unwrap();
    let spec = d.path().join("a/b/spec");
    let (ok, _, err) = run(sdkgen().args(["import", "csdl", "--report", "--select", "call", "--out"]).arg(&spec).arg(&xml));
    assert!(ok, "{err}");
    assert!(err.contains("not imported: ../../evil (line 26399): the name is not an OData identifier"), "{err}");
    assert!(err.contains("Alive (line 25613): the name is not an OData identifier") && !err.contains('\x1b'), "{err}");
    let written = tree(d.path());
    assert!(written.keys().all(|p| p == "hostile.xml" || p.starts_with("a/b/spec/")), "{:?}", written.keys());
    assert!(!written.keys().any(|p| p.contains("evil") || p.contains("Alive") || p.contains("call-reject")), "{:?}", written.keys());
    assert!(written.contains_key("a/b/spec/actions/call-answer.yaml"));

    // `actions` a link to elsewhere: refused, nothing written there or here.
    let linked = d.path().join("linked");
    let elsewhere = d.path().join("elsewhere");
    std::fs::create_dir_all(&linked).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, linked.join("actions")).unwrap();
    let (ok, _, err) = run(sdkgen().args(["import", "csdl", "--select", "call", "--out"]).arg(&linked).arg(metadata()));
    assert!(!ok && err.contains("did not write where it would write its own") && err.contains("  actions\n"), "{err}");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0, "nothing written through the link");
    let names: Vec<_> = std::fs::read_dir(&linked).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["actions"], "nothing written beside it");

    // A dry run says what the import then does: each file new, replaced, the same or
    // removed, and nothing else changes.
    let spec = d.path().join("spec");
    let (ok, _, err) = import_into(&spec, &["call", "presence"]);
    assert!(ok, "{err}");
    let answer = spec.join("actions/call-answer.yaml");
    let edited = [std::fs::read(&answer).unwrap(), b"# edited after the import\n".to_vec()].concat();
    std::fs::write(&answer, &edited).unwrap();
    let before = tree(&spec);
    let args = ["import", "csdl", "--select", "call", "--select", "participant", "--out"];
    let (ok, plan, err) = run(sdkgen().args(&args[..2]).arg("--dry-run").args(&args[2..]).arg(&spec).arg(metadata()));
    assert!(ok, "{err}");
    assert_eq!(tree(&spec), before, "a dry run writes nothing");
    let (ok, _, err) = run(sdkgen().args(args).arg(&spec).arg(metadata()));
    assert!(ok, "{err}");
    let after = tree(&spec);
    let mut said = BTreeSet::new();
    for line in plan.lines() {
        let (word, rel) = line.split_once(' ').unwrap();
        let rel = rel.trim_start();
        said.insert(rel.to_owned());
        let (was, is) = (before.get(rel), after.get(rel));
        match word {
            "new" => assert!(was.is_none() && is.is_some(), "{line}"),
            "replace" => assert!(was.is_some() && is.is_some() && was != is, "{line}"),
            "same" => assert!(was.is_some() && was == is, "{line}"),
            "remove" => assert!(was.is_some() && is.is_none(), "{line}"),
            other => panic!("{other}: {plan}"),
        }
    }
    assert!(plan.contains("replace  actions/call-answer.yaml\n") && plan.lines().any(|l| l.starts_with("remove ")), "{plan}");
    let changed: Vec<&String> = before.keys().chain(after.keys()).filter(|k| before.get(*k) != after.get(*k)).collect();
    assert!(changed.iter().all(|k| said.contains(*k)), "changed without a line in the plan: {changed:?}\n{plan}");
}
