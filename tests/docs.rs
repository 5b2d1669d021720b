//! The rebuilt docs page: the reference page's structure, annotations and tabs for the
//! docs pipeline, includes that exist and hold the snippets, and escaping that holds up
//! against the obstacle course.

use sdkgen::emit::docs::{Edition, CURRENT, EDITIONS, SNAPSHOT};
use sdkgen::emit::snippets::{render, with_placeholders, ExampleView};
use sdkgen::target::Language;
use sdkgen_tests::read;

/// Lines between `from` (exclusive) and the first line starting with `to`.
fn section<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let start = page.find(from).unwrap_or_else(|| panic!("no {from:?}")) + from.len();
    let end = page[start..].find(to).map_or(page.len(), |i| start + i);
    &page[start..end]
}

#[test]
fn both_editions_have_the_reference_pages_structure() {
    for edition in EDITIONS {
        page_structure(&read(&format!("generated/{}api/call-reject.md", edition.root)));
        // The page includes its permissions table, which sdkgen writes beside it.
        let permissions = read(&format!("generated/{}includes/permissions/call-reject-permissions.md", edition.root));
        permissions_table(&permissions);
    }
}

fn permissions_table(include: &str) {
    assert!(include.contains("description: Automatically generated file. DO NOT MODIFY\nms.topic: include\n"), "{include}");
    assert!(include.contains("|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n"));
    // Both delegated types unsupported; the application needs no permission.
    assert!(include.contains("|Delegated (work or school account)|Not supported.|Not supported.|"));
    assert!(include.contains("|Delegated (personal Microsoft account)|Not supported.|Not supported.|"));
    assert!(include.contains("|Application|None.|Not available.|"));
}

fn page_structure(page: &str) {
    let page = page.to_owned();
    let headings: Vec<&str> = page.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings, ["## Permissions", "## HTTP request", "## Request headers", "## Request body", "## Response", "## Examples"]);
    assert!(page.contains("The current timeout value is 15 seconds."));
    assert!(page.contains("Use delete call to end a call."));
    let permissions = section(&page, "## Permissions", "## HTTP request");
    assert!(permissions.contains(
        "<!-- { \"blockType\": \"permissions\", \"name\": \"call_reject\" } -->\n[!INCLUDE [permissions-table](../includes/permissions/call-reject-permissions.md)]"
    ));
    // Both paths, the /app one marked deprecated.
    let http = section(&page, "## HTTP request", "## Request headers");
    assert!(http.contains("POST /communications/calls/{id}/reject\nPOST /app/calls/{id}/reject"));
    assert!(http.contains("> **Deprecated:** `/app/calls/{id}/reject`: The /app path is deprecated."));
    let headers = section(&page, "## Request headers", "## Request body");
    assert!(
        headers.contains("| Authorization | Bearer {token}. Required. |")
            && headers.contains("| Content-Type | application/json. Required. |")
    );
    // The enum's possible values listed properly, which the reference page fails to do.
    let body = section(&page, "## Request body", "## Response");
    assert!(
        body.contains("| reason | rejectReason | The rejection reason. The possible values are: `none`, `busy`, `forbidden`."),
        "{body}"
    );
    assert!(body.contains("| callbackUri | String |") && body.contains("must be https"), "{body}");
    assert!(section(&page, "## Response", "## Examples").contains("202 Accepted"));
}

#[test]
fn the_editions_tab_orders_are_microsofts_and_the_pages() {
    let ids = |e: &Edition| e.tabs.iter().map(|l| l.id()).collect::<Vec<_>>();
    // Today's pages: HTTP, C#, CLI, Go, Java, JavaScript, PHP, PowerShell, Python.
    assert_eq!(ids(&CURRENT), ["http", "csharp", "cli", "go", "java", "javascript", "php", "powershell", "python"]);
    assert_eq!(ids(&SNAPSHOT), ["http", "csharp", "javascript", "objc", "java", "go", "powershell"]);
}

#[test]
fn each_example_is_annotated_tabbed_and_closed_for_the_docs_pipeline() {
    for edition in EDITIONS {
        examples_of_edition(&edition);
    }
}

fn examples_of_edition(edition: &Edition) {
    let model = sdkgen_tests::shipped_model();
    for action in &model.actions {
        examples_of_page(edition, &model, action);
    }
}

/// Each reference page keeps its own tabs in the page-style snapshot (read off the pages:
/// keepAlive's C#, JavaScript, Java, Go, PowerShell; participant mute's C#, JavaScript,
/// Objective-C, Java; none on subscribeToTone's), while today's edition shows them all.
#[test]
fn each_snapshot_page_keeps_its_own_tab_set() {
    let tabs = |page: &str| -> Vec<String> {
        read(&format!("generated/docs/snapshot/api/{page}.md")).lines().filter(|l| l.starts_with("# [")).map(str::to_owned).collect()
    };
    let ids = |page: &str| -> Vec<String> {
        tabs(page).iter().map(|t| t.rsplit_once("#tab/").unwrap().1.trim_end_matches(')').to_owned()).collect()
    };
    assert_eq!(ids("call-keepalive"), ["http", "csharp", "javascript", "java", "go", "powershell"]);
    assert_eq!(ids("participant-mute"), ["http", "csharp", "javascript", "objc", "java"]);
    assert!(tabs("call-subscribetotone").is_empty(), "a page without tabs has no tab group");
    let current = read("generated/docs/api/call-subscribetotone.md");
    assert_eq!(current.lines().filter(|l| l.starts_with("# [")).count(), 9, "today's edition shows every language");
}

fn examples_of_page(edition: &Edition, model: &sdkgen::model::Model, action: &sdkgen::model::Action) {
    let page = read(&format!("generated/{}api/{}.md", edition.root, action.page_name()));
    for (i, ex) in action.examples.iter().enumerate() {
        let title = format!("### Example {}: {}", i + 1, ex.title);
        let next = action.examples.get(i + 1).map(|_| format!("### Example {}", i + 2)).unwrap_or_else(|| "\u{0}".into());
        let part = section(&page, &title, &next);
        let block = if ex.ignored { "ignored" } else { "request" };
        assert!(part.contains(&format!("<!-- {{\n  \"blockType\": \"{block}\",\n  \"name\": \"{}\"\n}} -->", ex.name)), "{part}");
        let edition_tabs = edition.tabs(action, ex);
        let tabs: Vec<&str> = part.lines().filter(|l| l.starts_with("# [")).collect();
        if edition_tabs.len() == 1 {
            // An ignored request, or a page without SDK tabs: the HTTP block alone, no tab group.
            assert!(tabs.is_empty() && !part.contains("[!INCLUDE"), "{}: no tabs expected", ex.name);
        } else {
            let tab_order: Vec<String> = edition_tabs.iter().map(|l| format!("# [{}](#tab/{})", l.title(), l.id())).collect();
            assert_eq!(tabs, tab_order, "{}: tabs in the page's order", ex.name);
            let after_last_tab = section(part, &tab_order[tab_order.len() - 1], "#### Response");
            assert!(after_last_tab.lines().any(|l| l == "---"), "{}: the tab group is closed by ---", ex.name);
        }
        let view = ExampleView::new(model, action, ex);
        // The HTTP tab is inline; every other tab includes a file holding the snippet.
        assert!(part.contains(&render(&view, Language::Http, edition.style).trim_end().to_string()));
        for l in edition_tabs.iter().filter(|l| **l != Language::Http) {
            // The pipeline's names: lower case, `_` as `-` (Microsoft's logTeleconferenceDeviceQuality
            // page includes `call-logteleconferencedevicequality-…` for block `call_logteleconferencedevicequality`).
            let stem = ex.name.to_lowercase().replace('_', "-");
            let include = format!("../includes/snippets/{0}/{1}-{0}-snippets.md", l.id(), stem);
            assert!(part.contains(&format!("[!INCLUDE [sample-code]({include})]")), "{}: {include}", ex.name);
            let file = read(&format!("generated/{2}includes/snippets/{0}/{1}-{0}-snippets.md", l.id(), stem, edition.root));
            assert!(file.starts_with("---\n") && file.contains("description: \"Automatically generated file. DO NOT MODIFY\"\n"));
            // Includes print every id as a placeholder (`{call-id}`), as the repository's do.
            let placeholders = with_placeholders(action, ex);
            let code = render(&ExampleView::new(model, action, &placeholders), *l, edition.style);
            // The CLI's blocks are `bash`, as in the docs repository; a blank line inside
            // each end of the fence, as Microsoft's include files have.
            let info = if *l == Language::Cli { "bash" } else { l.id() };
            assert!(file.contains(&format!("```{info}\n\n{}\n\n```\n", code.trim_end())), "{}: include for {}", ex.name, l.id());
            // The page's tab is followed by the SDK documentation include.
            assert!(
                part.contains(&format!(
                    "[!INCLUDE [sample-code]({include})]\n[!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]"
                )),
                "{}: sdk-documentation line for {}",
                ex.name,
                l.id()
            );
        }
        let status = format!("HTTP/1.1 {} {}", ex.response.status, sdkgen::model::status_reason(ex.response.status));
        assert!(part.contains("#### Response") && part.contains(&status), "{}: {status}", ex.name);
        for (name, value) in &ex.response.headers {
            assert!(part.contains(&format!("{status}\n{name}: {value}\n")), "{}: response header {name}", ex.name);
        }
    }
    if action.id() != "call-reject" {
        return;
    }
    // Example 2's notifications: the incoming one before the request, the deleted one after.
    let second = &page[page.find("### Example 2").unwrap()..];
    let incoming = second.find("#### Notification - incoming").expect("incoming notification");
    let request = second.find("#### Request").unwrap();
    let deleted = second.find("#### Notification - deleted").expect("deleted notification");
    assert!(incoming < request && request < deleted);
    assert_eq!(second.matches("POST https://bot.contoso.com/api/calls").count(), 2, "one callback URI for both");
    assert!(second.contains("\"changeType\": \"created\"") && second.contains("\"changeType\": \"deleted\""));
}

/// Every table row of a Markdown page has as many unescaped `|` as its header row.
fn check_tables(page: &str) {
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    let mut width = None;
    for line in page.lines() {
        if line.starts_with('|') {
            let n = cells(line);
            match width {
                None => width = Some(n),
                Some(w) => assert_eq!(n, w, "a table row breaks its table: {line}"),
            }
        } else {
            width = None;
        }
    }
}

#[test]
fn hostile_descriptions_are_escaped_where_they_land() {
    let page = read("tests/obstacle/generated/docs/api/class-switch.md");
    check_tables(&page);
    check_tables(&read("generated/docs/api/call-reject.md"));
    // Front matter values are valid quoted strings holding the text exactly.
    let title_line = page.lines().find(|l| l.starts_with("description: ")).unwrap();
    let description: String = serde_json::from_str(title_line.trim_start_matches("description: ")).unwrap();
    assert_eq!(description, sdkgen_tests::obstacle_model().actions[0].summary);
    // The HTML-looking description is text on the page, not markup.
    assert!(page.contains("\\<html\\>") && !page.contains("<html>"));
    let html = read("tests/obstacle/generated/docs/preview/class-switch.html");
    let escaped = html.contains("&lt;html&gt;") || html.contains("&#60;html&#62;");
    assert!(escaped && !html.contains("and <html> and"), "the preview escapes spec text");
    assert!(!html.contains("<b>tags</b>"));
    // No HTML comment is cut short by a `--` from the spec.
    for comment in page.split("<!--").skip(1) {
        let body = comment.split("-->").next().unwrap();
        assert!(!body.contains("--"), "comment holds --: {body}");
    }
}

/// The include Microsoft's own logTeleconferenceDeviceQuality page names, for the block
/// `call_logteleconferencedevicequality`, is the one generated.
#[test]
fn include_names_are_the_pipelines() {
    let page = std::fs::read_to_string(sdkgen_tests::root().join("generated/docs/api/call-logteleconferencedevicequality.md")).unwrap();
    assert!(page.contains("(../includes/snippets/go/call-logteleconferencedevicequality-go-snippets.md)"), "{page}");
    assert!(sdkgen_tests::root().join("generated/docs/includes/snippets/go/call-logteleconferencedevicequality-go-snippets.md").is_file());
}

/// Entity operations' pages are titled and describe their body as Microsoft's do.
#[test]
fn entity_operation_pages_read_as_microsofts() {
    for edition in EDITIONS {
        let page = |name: &str| read(&format!("generated/{}api/{name}.md", edition.root));
        let create = page("application-post-calls");
        assert!(create.contains("\ntitle: \"Create call\"\n") && create.contains("\n# Create call\n"));
        let body = section(&create, "## Request body", "## Response");
        assert_eq!(body.trim(), "In the request body, supply a JSON representation of a [call](../resources/call.md) object.");
        assert!(page("call-list-participants").contains("\n# List participants\n"));
        assert!(page("call-get").contains("\n# Get call\n"));
        for none in ["call-get", "call-delete", "call-keepalive"] {
            assert_eq!(
                section(&page(none), "## Request body", "## Response").trim(),
                "Don't supply a request body for this method.",
                "{none}"
            );
        }
        // An action keeps Microsoft's `call: reject` title and its parameter table; the
        // spec's code spans stay code spans.
        let reject = page("call-reject");
        assert!(reject.contains("\n# call: reject\n") && section(&reject, "## Request body", "## Response").contains("| reason |"));
        assert!(page("call-get").contains("returns a `200 OK` response code"));
    }
}

/// A function's page, as Graph's function pages read: the call with its arguments on the
/// request line, a "Function parameters" table, and no request body.
#[test]
fn a_function_page_puts_its_parameters_in_the_url() {
    let page = read("tests/obstacle/generated/docs/api/class-find.md");
    let request = section(&page, "## HTTP request", "## Request headers");
    assert!(
        request
            .contains("\nGET /packages/{in}/find(self='{self}',when={when},type='{type}',func={func},package={package},while={while})\n"),
        "{request}"
    );
    let params = section(&page, "## Function parameters", "## Request body");
    assert!(params.contains("In the request URL, provide the following function parameters with values."), "{params}");
    let rows: Vec<&str> =
        params.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| Parameter")).map(|l| l.split(" | ").next().unwrap()).collect();
    assert_eq!(rows, ["| self", "| when", "| type", "| func", "| package", "| while"]);
    assert_eq!(section(&page, "## Request body", "## Response").trim(), "Don't supply a request body for this method.");
    let html = read("tests/obstacle/generated/docs/preview/class-find.html");
    assert!(html.contains("<h2>Function parameters</h2>"), "{html}");
    assert!(html.contains("GET /packages/{in}/find(self=&#39;{self}&#39;,when={when},"), "the request line, escaped for HTML:\n{html}");
    // Every other page keeps its body section as it was: no function section.
    assert!(!read("generated/docs/api/call-reject.md").contains("## Function parameters"));
}

/// Include files print each id as the repository's placeholder for its collection's item;
/// the snippet files keep the example's ids (they send exactly the documented request).
#[test]
fn includes_print_ids_as_the_repositorys_placeholders() {
    let php = read("generated/docs/includes/snippets/php/call-reject-php-snippets.md");
    assert!(php.contains("->calls()->byCallId('{call-id}')->reject()"), "{php}");
    let cli = read("generated/docs/includes/snippets/cli/call-reject-cli-snippets.md");
    assert!(cli.contains("mgc-beta communications calls reject post --call-id {call-id} --body"), "{cli}");
    let csharp = read("generated/docs/includes/snippets/csharp/participant-mute-csharp-snippets.md");
    assert!(csharp.contains(".Calls[\"{call-id}\"].Participants[\"{participant-id}\"]"), "{csharp}");
    let snippet = read("generated/snippets/current/php/call-reject.php");
    assert!(snippet.contains("byCallId('57dab8b1-894c-409a-b240-bd8beae78896')"), "{snippet}");
}
