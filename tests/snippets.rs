//! Every generated snippet is proven: it parses with its language's tree-sitter grammar
//! and its own parser, hostile literals come out exactly as the spec wrote them, and the
//! page-style snippets match the reference page except for recorded deviations.

use sdkgen::emit::snippets::{render, with_placeholders, ExampleView};
use sdkgen::model::{Model, RequestBody, TypeKind, TypeRef, TypedValue};
use sdkgen::target::{Language, Style};
use sdkgen_tests::checks::*;
use sdkgen_tests::{root, run, scratch, tool, write};
use sdkgen_tests::{snippet_files, SnippetFile};
use std::process::Command;

fn code_files() -> Vec<SnippetFile> {
    let files: Vec<_> = snippet_files().into_iter().filter(|f| f.language != "http").collect();
    // 2 shipped + 2 obstacle examples; six languages with code per style.
    assert!(files.len() >= 2 * 4 * 6, "only {} snippet files found", files.len());
    for style in ["page", "current"] {
        assert!(files.iter().any(|f| f.style == style), "no {style} snippets");
    }
    files
}

#[test]
fn every_snippet_parses_with_tree_sitter() {
    let mut failures = Vec::new();
    for f in code_files() {
        let errors = syntax_errors(&f.language, &f.code);
        if !errors.is_empty() {
            failures.push(format!("{}: {}", f.path, errors.join(", ")));
        }
    }
    assert!(failures.is_empty(), "snippets that do not parse:\n{}", failures.join("\n"));
}

fn of_language(language: &str) -> Vec<(String, String)> {
    code_files().into_iter().filter(|f| f.language == language).map(|f| (f.path, f.code)).collect()
}

#[test]
fn javascript_snippets_pass_node_check() {
    let files = of_language("javascript");
    assert!(!files.is_empty());
    let failures = node_check(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn java_snippets_parse_with_javac() {
    let files = of_language("java");
    assert!(!files.is_empty());
    let failures = javac_parse(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn go_snippets_parse_with_gofmt() {
    let files = of_language("go");
    assert!(!files.is_empty());
    let failures = gofmt_check(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn php_snippets_parse_with_php_lint() {
    let files = of_language("php");
    assert!(!files.is_empty());
    let failures = php_lint(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cli_snippets_parse_with_bash() {
    let files = of_language("cli");
    assert!(!files.is_empty());
    let failures = bash_check(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn python_snippets_parse_with_cpython() {
    let files = of_language("python");
    assert!(!files.is_empty());
    let failures = python_parse(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The checkers above would catch a broken snippet: each one, fed a snippet with its
/// last bracket removed or a string left open, fails.
#[test]
fn the_checkers_reject_broken_snippets() {
    let files = code_files();
    for language in ["csharp", "java", "go", "javascript", "objc", "powershell", "python", "php", "cli"] {
        let f = files
            .iter()
            .find(|f| f.language == language && f.path.starts_with("generated/") && (language != "cli" || f.code.contains("--body")))
            .unwrap_or_else(|| panic!("no shipped {language} snippet"));
        let code = f.code.trim_end();
        // A CLI snippet's brackets are inside its quoted body: its closing quote goes instead.
        let cut = if language == "cli" { code.rfind('\'') } else { code.rfind([')', '}', ']']) }.expect("a closing bracket");
        let unbalanced = format!("{}{}", &code[..cut], &code[cut + 1..]);
        let quote = if matches!(language, "powershell" | "cli") { "'" } else { "\"" };
        let unterminated = format!("{code}\nx = {quote}never closed;\n");
        for broken in [&unbalanced, &unterminated] {
            assert!(!syntax_errors(language, broken).is_empty(), "tree-sitter-{language} accepted:\n{broken}");
            let one = vec![(format!("broken {language}"), broken.clone())];
            match language {
                "javascript" => assert!(!node_check(&one).is_empty(), "node --check accepted:\n{broken}"),
                "java" => assert!(!javac_parse(&one).is_empty(), "javac accepted:\n{broken}"),
                "go" => assert!(!gofmt_check(&one).is_empty(), "gofmt accepted:\n{broken}"),
                "python" => assert!(!python_parse(&one).is_empty(), "CPython accepted:\n{broken}"),
                "php" => assert!(!php_lint(&one).is_empty(), "php -l accepted:\n{broken}"),
                "cli" => assert!(!bash_check(&one).is_empty(), "bash -n accepted:\n{broken}"),
                _ => {}
            }
        }
    }
}

fn strings_in(v: &TypedValue, out: &mut Vec<String>) {
    match v {
        TypedValue::String(s) => out.push(s.clone()),
        TypedValue::List { items, .. } => items.iter().for_each(|i| strings_in(i, out)),
        TypedValue::Object { members, additional, .. } => {
            // A member the SDK's model lacks is a key of its additional data: one that is
            // not a plain identifier (an open type's `it's "odd"`) can only be written as a
            // string literal, in every language.
            out.extend(additional.iter().filter(|k| !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).cloned());
            members.iter().for_each(|(_, m)| strings_in(m, out))
        }
        _ => {}
    }
}

fn example_strings(model: &Model, example: &str) -> Vec<String> {
    let (action, ex) = model
        .actions
        .iter()
        .find_map(|a| a.examples.iter().find(|e| e.name == example).map(|e| (a, e)))
        .unwrap_or_else(|| panic!("no example {example}"));
    let view = ExampleView::new(model, action, ex);
    let mut out = Vec::new();
    // An entity body's own members are the view's parameters; its additional-data keys are
    // the entity value's.
    if let (RequestBody::Entity(t), Some(body)) = (action.request_body(), &ex.request.body) {
        let ty = TypeRef { kind: TypeKind::Complex(t.to_owned()), collection: false };
        if let TypedValue::Object { additional, .. } = TypedValue::from_json(model, body, &ty) {
            strings_in(&TypedValue::Object { type_name: String::new(), members: Vec::new(), additional }, &mut out);
        }
    }
    for (_, v) in view.set_params() {
        strings_in(&v, &mut out);
    }
    // Header values are literals of every language too (the HTTP example prints them raw).
    out.extend(ex.request.headers.iter().map(|(_, v)| v.clone()));
    out
}

#[test]
fn hostile_literals_survive_in_every_language() {
    let model = sdkgen_tests::obstacle_model();
    let files: Vec<_> = code_files().into_iter().filter(|f| f.path.starts_with("tests/obstacle/")).collect();
    let mut checked = 0;
    for f in &files {
        let mut expected = example_strings(&model, &f.example);
        // The older C# and Java SDKs take a reference's entity by its id (the URL's last
        // segment), and write the URL themselves.
        if f.style == "page" && matches!(f.language.as_str(), "csharp" | "java") {
            let reference = model.actions.iter().flat_map(|a| &a.examples).find(|e| e.name == f.example).and_then(|e| {
                sdkgen::model::reference_url(e.request.body.as_ref())
                    .filter(|_| matches!(e.request.typed, sdkgen::model::TypedBody::Reference(_)))
            });
            if let Some(url) = reference {
                expected = expected.into_iter().map(|v| if v == url { sdkgen::model::reference_id(url) } else { v }).collect();
            }
        }
        let found = string_literals(&f.language, &f.code);
        for value in &expected {
            assert!(found.contains(value), "{}: the value {value:?} is not among its string literals:\n{found:#?}", f.path);
            checked += 1;
        }
    }
    let hostile = example_strings(&model, "obstacle-hostile-strings");
    assert!(hostile.iter().any(|s| s.contains("*/") && s.contains('\n') && s.contains("${x}") && s.contains('🎉')));
    assert!(hostile.contains(&String::new()), "the empty string is part of the course");
    // Six languages with code per style, two styles, and PHP and the CLI in today's.
    assert!(checked >= 14 * hostile.len(), "only {checked} literal checks ran");
}

/// The HTTP snippets: request line, headers, a `Content-Length` equal to the body's length
/// with CRLF line endings, and the example's body.
#[test]
fn http_snippets_carry_the_examples_request() {
    for (tree, model) in [("generated/", sdkgen_tests::shipped_model()), ("tests/obstacle/", sdkgen_tests::obstacle_model())] {
        let files: Vec<_> = snippet_files().into_iter().filter(|f| f.language == "http" && f.path.starts_with(tree)).collect();
        assert!(!files.is_empty());
        for f in files {
            let (action, ex) = model.actions.iter().find_map(|a| a.examples.iter().find(|e| e.name == f.example).map(|e| (a, e))).unwrap();
            let text: String = f.code.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
            let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
            let mut lines = head.lines();
            let request_line = lines.next().unwrap();
            assert!(request_line.starts_with(&format!("{} https://", action.method())), "{}: {request_line}", f.path);
            // The example's request headers first, as written, in its order.
            for (name, value) in &ex.request.headers {
                assert_eq!(lines.next(), Some(format!("{name}: {value}").as_str()), "{}: the example's headers", f.path);
            }
            if ex.request.body.is_none() {
                // No body: no Content-Type or Content-Length either.
                assert_eq!(lines.next(), None, "{}: a request without a body has no other headers", f.path);
                assert!(body.is_empty(), "{}", f.path);
                continue;
            }
            let length: usize = lines.find_map(|l| l.strip_prefix("Content-Length: ")).expect("Content-Length").parse().unwrap();
            assert_eq!(length, body.replace('\n', "\r\n").len(), "{}: Content-Length", f.path);
            let sent: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{}: body is not JSON: {e}", f.path));
            assert_eq!(Some(&sent), ex.request.body.as_ref(), "{}", f.path);
        }
    }
}

/// The page's own code blocks, by example and language, from the page fixture.
fn page_blocks() -> Vec<(String, Vec<String>)> {
    let page = sdkgen_tests::fixture("page/call-reject.zh-cn.txt");
    let lines: Vec<&str> = page.lines().collect();
    let starts = [
        ("http", "POST https://graph.microsoft.com/beta/communications/"),
        ("csharp", "GraphServiceClient graphClient = new GraphServiceClient("),
        ("javascript", "const options = {"),
        ("objc", "MSHTTPClient *httpClient"),
        ("java", "GraphServiceClient graphClient = GraphServiceClient.builder()"),
        ("go", "//THE GO SDK IS IN PREVIEW"),
        ("powershell", "Import-Module"),
    ];
    let mut out = Vec::new();
    let mut i = 0;
    for example in ["call-reject", "call-reject-none-reason"] {
        for (k, (language, start)) in starts.iter().enumerate() {
            while !lines[i].starts_with(start) {
                i += 1;
            }
            let end_marker = starts.get(k + 1).map(|(_, s)| *s);
            let mut block = Vec::new();
            while i < lines.len() && !end_marker.is_some_and(|m| lines[i].starts_with(m)) && lines[i] != "响应" {
                block.push(lines[i].to_owned());
                i += 1;
            }
            out.push((format!("{example}/{language}"), block));
        }
    }
    out
}

/// The deviation table: (language, page line, our line, why); `—` for "no line".
fn deviations() -> Vec<(String, String, String, String)> {
    let text = sdkgen_tests::fixture("page/deviations.md");
    let unquote = |s: &str| -> String {
        let s = s.trim();
        if s == "—" {
            String::new()
        } else {
            s.strip_prefix('`')
                .and_then(|s| s.strip_suffix('`'))
                .unwrap_or_else(|| panic!("cell {s:?} is neither — nor `code`"))
                .replace("\\|", "|")
        }
    };
    text.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| language") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").collect();
            assert_eq!(cells.len(), 4, "row {l:?} needs four cells");
            assert!(!cells[3].trim().is_empty(), "row {l:?} says no why");
            (cells[0].trim().to_owned(), unquote(cells[1]), unquote(cells[2]), cells[3].trim().to_owned())
        })
        .collect()
}

fn normalised(lines: impl Iterator<Item = String>) -> Vec<String> {
    lines.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
}

#[test]
fn page_style_snippets_match_the_reference_page() {
    let model = sdkgen_tests::shipped_model();
    let table = deviations();
    let mut used = vec![false; table.len()];
    let mut unexplained = Vec::new();
    let blocks = page_blocks();
    assert_eq!(blocks.len(), 14, "two examples × seven languages");
    for (key, page) in blocks {
        let (example, language) = key.split_once('/').unwrap();
        let (action, ex) = model.actions.iter().find_map(|a| a.examples.iter().find(|e| e.name == example).map(|e| (a, e))).unwrap();
        let ours = render(&ExampleView::new(&model, action, ex), Language::from_id(language).unwrap(), Style::Page);
        let page = normalised(page.into_iter());
        let ours = normalised(ours.lines().map(str::to_owned));
        let (page, ours): (Vec<&str>, Vec<&str>) = (page.iter().map(String::as_str).collect(), ours.iter().map(String::as_str).collect());
        let diff = similar::TextDiff::from_slices(&page, &ours);
        for change in diff.iter_all_changes() {
            let line = (*change.value()).to_owned();
            let row = match change.tag() {
                similar::ChangeTag::Equal => continue,
                similar::ChangeTag::Delete => table.iter().position(|(l, p, _, _)| l == language && *p == line),
                similar::ChangeTag::Insert => table.iter().position(|(l, _, o, _)| l == language && *o == line),
            };
            match row {
                Some(r) => used[r] = true,
                None => unexplained
                    .push(format!("{key}: {}{line}", if change.tag() == similar::ChangeTag::Delete { "page has  " } else { "we have   " })),
            }
        }
    }
    assert!(
        unexplained.is_empty(),
        "differences from the page with no row in tests/fixtures/page/deviations.md:\n{}",
        unexplained.join("\n")
    );
    let stale: Vec<_> = table.iter().zip(&used).filter(|(_, u)| !**u).map(|(r, _)| format!("{r:?}")).collect();
    assert!(stale.is_empty(), "rows in deviations.md that match no difference:\n{}", stale.join("\n"));
}

/// Every departure of the spec from its pages is a `(deviations.md)` comment in the spec
/// and a row of tests/fixtures/page/spec-deviations.md, and the two agree page by page.
#[test]
fn every_spec_deviation_has_a_row() {
    let table = sdkgen_tests::fixture("page/spec-deviations.md");
    let rows: Vec<Vec<String>> = table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| page") && !l.starts_with("| ---"))
        .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().to_owned()).collect())
        .collect();
    let model = sdkgen_tests::shipped_model();
    let dir = sdkgen_tests::root().join("spec/actions");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut pages_with_comments = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let page = file.file_stem().unwrap().to_str().unwrap().to_owned();
        assert!(model.actions.iter().any(|a| a.page_name() == page), "{}: named after no operation's page", file.display());
        let comments = text.lines().filter(|l| l.trim_start().starts_with('#') && l.contains("(deviations.md)")).count();
        let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == page).collect();
        assert_eq!(mine.len(), comments, "{page}: {comments} `(deviations.md)` comments in the spec, {} rows", mine.len());
        for row in mine {
            assert_eq!(row.len(), 4, "{row:?}");
            assert!(!row[3].is_empty(), "{row:?} says no why");
            let held = row[2].trim_matches('`');
            assert!(text.contains(held), "{page}: the spec holds no {held:?}");
        }
        pages_with_comments += usize::from(comments > 0);
    }
    assert!(rows.iter().all(|r| model.actions.iter().any(|a| a.page_name() == r[0])), "a row names a page the spec lacks");
    assert!(pages_with_comments >= 5);
}

/// Every operation's current-style PowerShell snippet calls a cmdlet the module really
/// has (tests/fixtures/powershell/), with `-CallId`/`-ParticipantId` exactly for its ids and
/// `-BodyParameter` exactly when it sends a body. (sendDtmfTones is newer than the list.)
#[test]
fn powershell_snippets_use_the_modules_real_cmdlets() {
    let known: Vec<String> = sdkgen_tests::fixture("powershell/cloudcommunications-cmdlets.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect();
    let model = sdkgen_tests::shipped_model();
    let mut checked = 0;
    for action in &model.actions {
        for ex in &action.examples {
            let f = snippet_files()
                .into_iter()
                .find(|f| f.path.starts_with("generated/") && f.language == "powershell" && f.style == "current" && f.example == ex.name)
                .unwrap();
            let call = f.code.lines().find(|l| l.contains("-MgBeta")).unwrap_or_else(|| panic!("{}: no cmdlet", f.path));
            let cmdlet = call.split_whitespace().next().unwrap();
            if action.name != "sendDtmfTones" {
                assert!(known.iter().any(|k| k == cmdlet), "{}: {cmdlet} is not one of the module's cmdlets", f.path);
                checked += 1;
            }
            // Every operation addresses a call by id but logTeleconferenceDeviceQuality, bound
            // to the calls collection.
            let call_id = ex.request.path_values.iter().any(|(k, _)| k != "participantId");
            assert_eq!(call.contains("-CallId $callId"), call_id, "{}: {call}", f.path);
            let participant = ex.request.path_values.iter().any(|(k, _)| k == "participantId");
            assert_eq!(call.contains("-ParticipantId $participantId"), participant, "{}: {call}", f.path);
            assert_eq!(call.ends_with("-BodyParameter $params"), ex.request.body.is_some(), "{}: {call}", f.path);
        }
    }
    assert!(checked > 20);
}

/// `startHoldMusic` → `start-hold-music`, written out here rather than taken from the
/// generator, so the test states the CLI's naming independently.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The CLI snippets, as bash expands them, name the example's request: the program of the
/// API's version, the path's segments as commands, the operation's verb, every id as an
/// option with the example's value, and the example's body as `--body` JSON.
#[test]
fn cli_snippets_carry_the_examples_request() {
    use sdkgen::model::{OperationKind, Segment};
    let mut checked = 0;
    for (tree, model) in [("generated/", sdkgen_tests::shipped_model()), ("tests/obstacle/", sdkgen_tests::obstacle_model())] {
        for f in snippet_files().into_iter().filter(|f| f.language == "cli" && f.path.starts_with(tree)) {
            let (action, ex) = model.actions.iter().find_map(|a| a.examples.iter().find(|e| e.name == f.example).map(|e| (a, e))).unwrap();
            let argv = cli_argv(&f.code);
            let program = if model.api.version == "v1.0" { "mgc".to_owned() } else { format!("mgc-{}", model.api.version) };
            let mut want = vec![program];
            let mut options = Vec::new();
            for seg in &action.paths[ex.request.path_index].segments {
                match seg {
                    // `$count` is the collection's `count` command, `$ref` its `ref`.
                    Segment::Literal(l) => want.push(kebab(l.strip_prefix('$').unwrap_or(l))),
                    Segment::Param(p) => {
                        options.push(ex.path_value(p).unwrap_or_else(|| panic!("{}: no value for {p}", f.path)).to_owned())
                    }
                }
            }
            // A function's command is Kiota's builder (`reminder-view-with-start-date-time`),
            // its arguments options in Kiota's order (by name), text with `'` doubled as
            // the OData literal holds it.
            let mut arguments: Vec<(String, String)> = Vec::new();
            if action.kind == OperationKind::Function {
                let builder: String = std::iter::once(action.name.clone())
                    .chain(action.parameters.iter().map(|p| format!("With{}{}", p.name[..1].to_ascii_uppercase(), &p.name[1..])))
                    .collect();
                *want.last_mut().unwrap() = kebab(&builder);
                for (n, v) in &ex.request.arguments {
                    let text = match v {
                        sdkgen::model::TypedValue::String(s) => s.replace('\'', "''"),
                        sdkgen::model::TypedValue::Number { value, .. } => value.to_string(),
                        sdkgen::model::TypedValue::Bool(b) => b.to_string(),
                        other => panic!("{}: argument {other:?}", f.path),
                    };
                    arguments.push((format!("--{}", kebab(n)), text));
                }
                arguments.sort_by_key(|(n, _)| n.to_lowercase());
            }
            want.push(
                match action.kind {
                    OperationKind::Action | OperationKind::AddReference => "post",
                    OperationKind::Create => "create",
                    OperationKind::Get | OperationKind::Function | OperationKind::Count => "get",
                    OperationKind::List => "list",
                    OperationKind::Update => "patch",
                    OperationKind::Delete | OperationKind::RemoveReference => "delete",
                    OperationKind::SetReference => "put",
                }
                .to_owned(),
            );
            assert_eq!(argv[..want.len()], want[..], "{}: the command", f.path);
            let rest = &argv[want.len()..];
            let ids: Vec<&String> = rest.chunks(2).filter(|kv| kv[0].ends_with("-id")).map(|kv| &kv[1]).collect();
            assert_eq!(ids, options.iter().collect::<Vec<_>>(), "{}: the ids", f.path);
            let given: Vec<(String, String)> =
                rest.chunks(2).filter(|kv| arguments.iter().any(|(n, _)| *n == kv[0])).map(|kv| (kv[0].clone(), kv[1].clone())).collect();
            assert_eq!(given, arguments, "{}: the function's arguments", f.path);
            // Each query option is its name without the `$` (`--filter`, `--orderby`).
            let query: Vec<(String, String)> =
                ex.request.query.iter().map(|q| (format!("--{}", q.option.wire().trim_start_matches('$')), q.value.text())).collect();
            let given_query: Vec<(String, String)> =
                rest.chunks(2).filter(|kv| query.iter().any(|(n, _)| *n == kv[0])).map(|kv| (kv[0].clone(), kv[1].clone())).collect();
            assert_eq!(given_query, query, "{}: the query options", f.path);
            // Every other option is a request header, named in kebab case, with the example's value.
            let headers: Vec<(&str, &str)> = rest
                .chunks(2)
                .filter(|kv| {
                    !kv[0].ends_with("-id")
                        && kv[0] != "--body"
                        && !arguments.iter().any(|(n, _)| *n == kv[0])
                        && !query.iter().any(|(n, _)| *n == kv[0])
                })
                .map(|kv| (kv[0].as_str(), kv[1].as_str()))
                .collect();
            let want_headers: Vec<(String, &str)> =
                ex.request.headers.iter().map(|(n, v)| (format!("--{}", kebab(n).replace("--", "-")), v.as_str())).collect();
            assert_eq!(headers, want_headers.iter().map(|(n, v)| (n.as_str(), *v)).collect::<Vec<_>>(), "{}: the headers", f.path);
            let body = rest.chunks(2).find(|kv| kv[0] == "--body").map(|kv| serde_json::from_str::<serde_json::Value>(&kv[1]));
            match (body, &ex.request.body) {
                (None, None) => {}
                (Some(Ok(sent)), Some(want)) => assert_eq!(&sent, want, "{}: the body", f.path),
                (got, want) => panic!("{}: body {got:?}, the example has {want:?}", f.path),
            }
            checked += 1;
        }
    }
    assert!(checked >= 51, "only {checked} CLI snippets checked");
}

/// Every class a shipped PHP snippet imports is a file of the real PHP SDK (found in its
/// repository, see `tests/fixtures/sdk-php/classes.md`): `Microsoft\Graph\Beta\X\Y` is
/// `src/X/Y.php` by the package's composer autoload rule.
#[test]
fn php_snippets_use_classes_the_sdk_has() {
    let listed: std::collections::BTreeSet<String> = sdkgen_tests::fixture("sdk-php/classes.md")
        .lines()
        .filter_map(|l| l.strip_prefix("| `src/"))
        .filter_map(|l| l.split_once('`').map(|(path, _)| format!("src/{path}")))
        .collect();
    assert!(listed.len() >= 40, "the class list did not parse: {} entries", listed.len());
    let mut checked = 0;
    for f in snippet_files().into_iter().filter(|f| f.language == "php" && f.path.starts_with("generated/")) {
        for class in f.code.lines().filter_map(|l| l.strip_prefix("use ").and_then(|c| c.strip_suffix(';'))) {
            let rest =
                class.strip_prefix("Microsoft\\Graph\\Beta\\").unwrap_or_else(|| panic!("{}: {class} is outside the beta SDK", f.path));
            let file = format!("src/{}.php", rest.replace('\\', "/"));
            assert!(listed.contains(&file), "{}: {class} ({file}) is not a file of the PHP SDK", f.path);
            checked += 1;
        }
    }
    assert!(checked >= 100, "only {checked} use lines checked");
}

/// Two real Graph beta addresses with a multi-word segment (`mailFolders`) and an acronym
/// whose item is no singular of its segment (`chromeOSOnboardingSettings`), keys written
/// as Graph's OpenAPI writes them.
const KIOTA_SPEC: &str = r#"
sdkgen: 1
api: {title: Kiota names, version: beta, namespace: microsoft.graph, baseUrl: "https://graph.microsoft.com/beta"}
types:
  mailFolder: {properties: {displayName: {type: String}}}
  chromeOSOnboardingSettings: {properties: {ownerUserPrincipalName: {type: String}}}
actions:
  - name: get
    kind: get
    boundTo: mailFolder
    module: Mail
    summary: Get a mail folder
    paths: [{template: "/users/{user-id}/mailFolders/{mailFolder-id}"}]
    pathParameters: {user-id: {type: String}, mailFolder-id: {type: String}}
    response: {status: 200, type: mailFolder}
    examples:
      - name: get-mail-folder
        title: Get a folder
        request: {pathValues: {user-id: u1, mailFolder-id: inbox}}
        response: {status: 200}
  - name: get
    kind: get
    boundTo: chromeOSOnboardingSettings
    module: DeviceManagement
    summary: Get the settings
    paths: [{template: "/deviceManagement/chromeOSOnboardingSettings/{chromeOSOnboardingSettings-id}"}]
    pathParameters: {chromeOSOnboardingSettings-id: {type: String}}
    response: {status: 200, type: chromeOSOnboardingSettings}
    examples:
      - name: get-chrome-settings
        title: Get the settings
        request: {pathValues: {chromeOSOnboardingSettings-id: s1}}
        response: {status: 200}
"#;

/// A file of an installed SDK package under `.cache/`, or a loud failure (scripts/test.sh
/// installs them, pinned).
fn sdk_file(rel: &str) -> String {
    let p = root().join(".cache").join(rel);
    std::fs::read(&p)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_else(|e| panic!("{}: {e}: the pinned SDK packages are installed by scripts/test.sh", p.display()))
}

/// Today's Go, Java and Python snippets name each builder and by-id method as the real
/// packages do (each name is looked for in the SDK's own file for that builder), and the
/// snapshot's C# and every include keep the item's name in the placeholder.
#[test]
fn kiota_builders_are_named_as_the_real_sdks_name_them() {
    let dir = scratch("kiota-names");
    write(&dir, "spec.yaml", KIOTA_SPEC);
    let model = sdkgen::load_model(&dir.join("spec.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let code = |example: &str, language: Language, style: Style| {
        let action = model.actions.iter().find(|a| a.examples.iter().any(|e| e.name == example)).expect("action");
        let ex = action.examples.iter().find(|e| e.name == example).expect("example");
        (render(&ExampleView::new(&model, action, ex), language, style), with_placeholders(action, ex), action)
    };
    let go = "go-mod/github.com/microsoftgraph/msgraph-beta-sdk-go@v0.165.0";
    let py = "venv/lib/python3.11/site-packages/msgraph_beta/generated";
    // (example, language, the chain the snippet holds, [(SDK file, a name it declares)])
    type Case<'a> = (&'a str, Language, &'a str, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "get-mail-folder",
            Language::Go,
            ".Users().ByUserId(\"u1\").MailFolders().ByMailFolderId(\"inbox\").Get(",
            &[
                ("users/user_item_request_builder.go", ") MailFolders("),
                ("users/item_mail_folders_request_builder.go", ") ByMailFolderId("),
            ],
        ),
        (
            "get-chrome-settings",
            Language::Go,
            ".DeviceManagement().ChromeOSOnboardingSettings().ByChromeOSOnboardingSettingsId(\"s1\").Get(",
            &[
                ("devicemanagement/device_management_request_builder.go", ") ChromeOSOnboardingSettings("),
                ("devicemanagement/chrome_o_s_onboarding_settings_request_builder.go", ") ByChromeOSOnboardingSettingsId("),
            ],
        ),
        (
            "get-mail-folder",
            Language::Python,
            ".users.by_user_id('u1').mail_folders.by_mail_folder_id('inbox').get()",
            &[
                ("users/item/user_item_request_builder.py", "def mail_folders("),
                ("users/item/mail_folders/mail_folders_request_builder.py", "def by_mail_folder_id("),
            ],
        ),
        (
            "get-chrome-settings",
            Language::Python,
            ".device_management.chrome_o_s_onboarding_settings.by_chrome_o_s_onboarding_settings_id('s1').get()",
            &[
                ("device_management/device_management_request_builder.py", "def chrome_o_s_onboarding_settings("),
                (
                    "device_management/chrome_o_s_onboarding_settings/chrome_o_s_onboarding_settings_request_builder.py",
                    "def by_chrome_o_s_onboarding_settings_id(",
                ),
            ],
        ),
    ];
    for (example, language, chain, names) in cases {
        let (snippet, _, _) = code(example, *language, Style::Current);
        assert!(snippet.contains(chain), "{example} in {language:?}: expected {chain}\n{snippet}");
        for (file, name) in *names {
            let root_dir = if *language == Language::Go { go } else { py };
            assert!(sdk_file(&format!("{root_dir}/{file}")).contains(name), "{file} declares no {name}");
        }
    }
    // Java: the 6.x jar's request-builder classes hold the method names.
    let jar = root().join(".cache/m2/com/microsoft/graph/microsoft-graph-beta/6.59.0/microsoft-graph-beta-6.59.0.jar");
    let classes = [
        ("com/microsoft/graph/beta/users/item/UserItemRequestBuilder.class", "mailFolders"),
        ("com/microsoft/graph/beta/users/item/mailfolders/MailFoldersRequestBuilder.class", "byMailFolderId"),
        ("com/microsoft/graph/beta/devicemanagement/DeviceManagementRequestBuilder.class", "chromeOSOnboardingSettings"),
        (
            "com/microsoft/graph/beta/devicemanagement/chromeosonboardingsettings/ChromeOSOnboardingSettingsRequestBuilder.class",
            "byChromeOSOnboardingSettingsId",
        ),
    ];
    let out = scratch("kiota-jar");
    let (ok, _, err) = run(Command::new(tool("jar")).arg("xf").arg(&jar).args(classes.map(|(c, _)| c)).current_dir(&out));
    assert!(ok, "jar xf {}: {err}", jar.display());
    for (class, name) in classes {
        let bytes = std::fs::read(out.join(class)).unwrap_or_else(|e| panic!("{class}: {e}"));
        assert!(bytes.windows(name.len()).any(|w| w == name.as_bytes()), "{class} has no {name}");
    }
    let (java, _, _) = code("get-chrome-settings", Language::Java, Style::Current);
    assert!(java.contains(".deviceManagement().chromeOSOnboardingSettings().byChromeOSOnboardingSettingsId(\"s1\").get()"), "{java}");
    let (java, _, _) = code("get-mail-folder", Language::Java, Style::Current);
    assert!(java.contains(".users().byUserId(\"u1\").mailFolders().byMailFolderId(\"inbox\").get()"), "{java}");
    // Placeholders: one rule, the item's own name, in the snapshot's C# and the includes.
    let (csharp, placeholders, action) = code("get-chrome-settings", Language::CSharp, Style::Page);
    assert!(csharp.contains(".ChromeOSOnboardingSettings[\"{chromeOSOnboardingSettings-id}\"]"), "{csharp}");
    let included = render(&ExampleView::new(&model, action, &placeholders), Language::Go, Style::Current);
    assert!(included.contains(".ByChromeOSOnboardingSettingsId(\"{chromeOSOnboardingSettings-id}\")"), "{included}");
    let (_, placeholders, action) = code("get-mail-folder", Language::Go, Style::Current);
    let included = render(&ExampleView::new(&model, action, &placeholders), Language::Go, Style::Current);
    assert!(included.contains(".ByUserId(\"{user-id}\").MailFolders().ByMailFolderId(\"{mailFolder-id}\")"), "{included}");
}

/// For a v1.0 spec every SDK drops the version from its names (one rule,
/// `Api::sdk_suffix`), and the Go header names msgraph-sdk-go's major version, v1, as
/// Microsoft's v1.0 includes do (beta's module is at v0).
#[test]
fn a_v1_spec_names_the_v1_sdks() {
    let dir = scratch("v1-names");
    let v1 = KIOTA_SPEC.replace("version: beta", "version: v1.0").replace("microsoft.com/beta", "microsoft.com/v1.0");
    write(&dir, "spec.yaml", &v1);
    let model = sdkgen::load_model(&dir.join("spec.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let action = &model.actions[0];
    let view = ExampleView::new(&model, action, &action.examples[0]);
    let go = render(&view, Language::Go, Style::Current);
    assert!(go.starts_with("// Code snippets are only available for the latest major version. Current major version is $v1.*"), "{go}");
    assert!(go.contains("msgraphsdk \"github.com/microsoftgraph/msgraph-sdk-go\""), "{go}");
    assert!(render(&view, Language::Python, Style::Current).contains("from msgraph import GraphServiceClient"));
    assert!(render(&view, Language::Cli, Style::Current).starts_with("mgc users mail-folders get"));
    assert!(render(&view, Language::PowerShell, Style::Current).contains("Import-Module Microsoft.Graph.Mail"));
}

/// The command that rewrites the goldens, named in each one's header.
const UPDATE_GOLDENS: &str = "SDKGEN_UPDATE=1 cargo test -p sdkgen-tests --test snippets goldens";

/// One tiny spec per construct (`tests/cases/<construct>.yaml`: an enum parameter, a
/// no-body action, polymorphic values and a collection of an abstract type, an open
/// type's undeclared members, number widths, a multi-word segment), and its snippets in
/// every language and generation under `tests/cases/<construct>/`, as typify and
/// progenitor keep theirs: a change to how a construct is printed shows as a diff of
/// that construct alone. The goldens are parsed by every checker with the other snippets
/// (`snippet_files` lists them), so none can hold code that does not parse. `UPDATE_GOLDENS`
/// rewrites them, to be read in review.
#[test]
fn goldens_per_construct() {
    let update = std::env::var_os("SDKGEN_UPDATE").is_some();
    let names = sdkgen_tests::case_names();
    assert!(names.len() >= 6, "constructs: {names:?}");
    let settings = sdkgen::Settings { regenerate: UPDATE_GOLDENS.into(), ..Default::default() };
    let selection = sdkgen::Selection { client: false, ..Default::default() };
    let mut stale = String::new();
    for name in names {
        let model = sdkgen::load_model(&root().join(format!("tests/cases/{name}.yaml"))).unwrap_or_else(|e| panic!("{name}: {e}"));
        let made: sdkgen::output::Tree =
            sdkgen::generate_selected(&model, &selection, &settings).into_iter().filter(|(p, _)| p.starts_with("snippets/")).collect();
        let examples: usize = model.actions.iter().map(|a| a.examples.len()).sum();
        // HTTP, C#, JavaScript, Objective-C, Java, Go, PowerShell; HTTP, C#, JavaScript,
        // Java, Go, PowerShell, Python, PHP, CLI.
        assert_eq!(made.len(), examples * (7 + 9), "{name}: every language of both generations");
        let dir = root().join(format!("tests/cases/{name}"));
        if update {
            let _ = std::fs::remove_dir_all(&dir);
            for (rel, text) in &made {
                let p = dir.join(rel);
                std::fs::create_dir_all(p.parent().expect("a parent")).expect("golden folder writable");
                std::fs::write(&p, text).expect("golden writable");
            }
        }
        let on_disk = sdkgen::output::read_tree(&dir).expect("goldens readable");
        stale.push_str(&sdkgen::output::diff_tree(&on_disk, &made));
    }
    assert!(stale.is_empty(), "goldens differ (review, then `{UPDATE_GOLDENS}`):\n{stale}");
}

/// No snippet holds a character that must not sit raw (every C0 and C1 control but the
/// line breaks and tabs of its layout, DEL, bidi controls, separators, the BOM): the
/// obstacle course's values carry NUL, ESC, NEL, CSI and a BOM, and each language writes
/// them as escapes (PowerShell as `[char]` values joined to its verbatim strings).
#[test]
fn no_snippet_holds_a_raw_control_bidi_or_bom_character() {
    let mut bad = Vec::new();
    for f in snippet_files() {
        for (i, line) in f.code.lines().enumerate() {
            if let Some(c) = line.chars().find(|&c| !matches!(c, '\t' | '\r') && sdkgen::lang::must_escape(c)) {
                bad.push(format!("{}:{}: U+{:04X}", f.path, i + 1, c as u32));
            }
        }
    }
    assert!(bad.is_empty(), "raw characters:\n{}", bad.join("\n"));
    let hostile = example_strings(&sdkgen_tests::obstacle_model(), "obstacle-hostile-strings");
    for c in ['\0', '\u{1b}', '\u{85}', '\u{9b}', '\u{feff}', '\u{2028}'] {
        assert!(hostile.iter().any(|s| s.contains(c)), "the course has U+{:04X}", c as u32);
    }
}

/// A JavaScript snippet whose body holds an Int64 past 2^53 makes the real
/// `@microsoft/microsoft-graph-client` send exactly the example's number: the snippet runs
/// in node with the client's own request pipeline, a last middleware catching the request.
#[test]
fn javascript_sends_an_int64_past_2_53_exactly() {
    let golden = root().join("tests/cases/number-widths/snippets/current/javascript/update-meter.js");
    let code = std::fs::read_to_string(&golden).unwrap();
    let body_onwards = code.split_once("const client = Client.init(options);").expect("the client line").1;
    let script = format!(
        "const {{ Client }} = require('@microsoft/microsoft-graph-client');\n\
         const catcher = {{ execute: async (context) => {{ process.stdout.write(String(context.options.body)); \
         context.response = new Response(null, {{ status: 204 }}); }} }};\n\
         const client = Client.initWithMiddleware({{ middleware: catcher }});\n\
         (async () => {{\n{body_onwards}\n}})().catch((e) => {{ console.error(e); process.exit(1); }});\n"
    );
    let dir = scratch("js-int64");
    let file = write(&dir, "run.cjs", &script);
    let (ok, out, err) = run(Command::new(tool("node")).arg(&file).env("NODE_PATH", sdkgen_tests::node_modules()));
    assert!(ok, "node failed: {err}");
    let sent: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(sent["total"].as_u64(), Some(9_007_199_254_740_993), "the number on the wire: {out}");
    let model = sdkgen::load_model(&root().join("tests/cases/number-widths.yaml")).unwrap();
    assert_eq!(Some(&sent), model.actions[0].examples[0].request.body.as_ref(), "exactly the example's body");
}

/// A PowerShell snippet passes `-Headers` only with headers in it: a request configured by
/// query options alone once printed `-Headers @{  }`.
#[test]
fn powershell_passes_no_empty_headers_hashtable() {
    let files: Vec<_> = snippet_files().into_iter().filter(|f| f.language == "powershell").collect();
    assert!(files.iter().any(|f| f.code.contains(" -Headers @{ '")), "some snippet sends headers");
    for f in files {
        assert!(!f.code.contains("-Headers @{  }"), "{}: an empty -Headers", f.path);
    }
}
