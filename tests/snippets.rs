//! Every generated snippet is proven: it parses with its language's tree-sitter grammar
//! and its own parser, hostile literals come out exactly as the spec wrote them, and the
//! page-style snippets match the reference page except for recorded deviations.

use sdkgen::emit::snippets::{render, ExampleView, Language, Style};
use sdkgen::model::{Model, TypedValue};
use sdkgen_tests::{run, scratch, snippet_files, tool, write, SnippetFile};
use std::collections::BTreeSet;
use std::process::Command;

fn grammar(language: &str) -> tree_sitter::Language {
    match language {
        "csharp" => tree_sitter_c_sharp::LANGUAGE.into(),
        "java" => tree_sitter_java::LANGUAGE.into(),
        "go" => tree_sitter_go::LANGUAGE.into(),
        "javascript" => tree_sitter_javascript::LANGUAGE.into(),
        "objc" => tree_sitter_objc::LANGUAGE.into(),
        "powershell" => tree_sitter_powershell::LANGUAGE.into(),
        "python" => tree_sitter_python::LANGUAGE.into(),
        other => panic!("no grammar for {other}"),
    }
}

fn parse(language: &str, code: &str) -> tree_sitter::Tree {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&grammar(language)).unwrap_or_else(|e| panic!("the {language} grammar does not load: {e}"));
    parser.parse(code, None).expect("tree-sitter returns a tree")
}

/// Positions of ERROR and MISSING nodes, empty when the code parses cleanly.
fn syntax_errors(language: &str, code: &str) -> Vec<String> {
    let tree = parse(language, code);
    let mut out = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        if n.is_error() || n.is_missing() {
            let p = n.start_position();
            out.push(format!("{}{} at {}:{}", if n.is_missing() { "missing " } else { "" }, n.kind(), p.row + 1, p.column + 1));
        }
        for i in 0..n.child_count() {
            stack.extend(n.child(i));
        }
    }
    if out.is_empty() && tree.root_node().has_error() {
        out.push("the tree has an error".into());
    }
    out
}

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

fn javascript_wrapped(code: &str) -> String {
    format!("async function snippet() {{\n{code}\n}}\n")
}

fn java_wrapped(i: usize, code: &str) -> String {
    format!("class Snippet{i} {{\n    void run() throws Exception {{\n{code}\n    }}\n}}\n")
}

/// A whole Go file: the snippet's `import (…)` block (today's docs snippets open with one)
/// moves above `func main`, every other line goes inside it, unchanged.
fn go_wrapped(code: &str) -> String {
    let (imports, body) = split_go_imports(code);
    format!("package main\n\n{imports}\nfunc main() {{\n{body}\n}}\n")
}

/// Splits a Go snippet into its `import (…)` block (lines kept as they are) and the rest.
pub fn split_go_imports(code: &str) -> (String, String) {
    let mut imports = String::new();
    let mut body = String::new();
    let mut in_block = false;
    for line in code.lines() {
        if line.starts_with("import (") {
            in_block = true;
        }
        if in_block {
            imports.push_str(line);
            imports.push('\n');
            if line.trim() == ")" {
                in_block = false;
            }
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    (imports, body)
}

/// `node --check` on each JavaScript snippet, inside an async function (top-level await).
fn node_check(files: &[(String, String)]) -> Vec<String> {
    let node = tool("node");
    let dir = scratch("node-check");
    let mut failures = Vec::new();
    for (i, (name, code)) in files.iter().enumerate() {
        let p = write(&dir, &format!("s{i}.js"), &javascript_wrapped(code));
        let (ok, _, err) = run(Command::new(&node).arg("--check").arg(&p));
        if !ok {
            failures.push(format!("{name}: {err}"));
        }
    }
    failures
}

/// javac parse-only over every Java snippet in one JVM start.
fn javac_parse(files: &[(String, String)]) -> Vec<String> {
    let javac = tool("javac");
    let dir = scratch("javac-parse");
    let mut cmd = Command::new(javac);
    cmd.args(["-proc:none", "-XDrawDiagnostics", "-XDshould-stop.ifNoError=PARSE", "-XDshould-stop.ifError=PARSE", "-encoding", "UTF-8", "-d"])
        .arg(dir.join("out"));
    for (i, (_, code)) in files.iter().enumerate() {
        cmd.arg(write(&dir, &format!("Snippet{i}.java"), &java_wrapped(i, code)));
    }
    let (ok, out, err) = run(&mut cmd);
    if ok {
        return Vec::new();
    }
    let text = format!("{out}{err}");
    let mut failures = Vec::new();
    for (i, (name, _)) in files.iter().enumerate() {
        let mine: Vec<&str> = text.lines().filter(|l| l.starts_with(&format!("Snippet{i}.java:"))).collect();
        if !mine.is_empty() {
            failures.push(format!("{name}: {}", mine.join("; ")));
        }
    }
    if failures.is_empty() {
        failures.push(format!("javac failed: {text}"));
    }
    failures
}

/// `gofmt -e` on each Go snippet wrapped in `package main` / `func main`.
fn gofmt_check(files: &[(String, String)]) -> Vec<String> {
    let gofmt = tool("gofmt");
    let dir = scratch("gofmt");
    let mut failures = Vec::new();
    for (i, (name, code)) in files.iter().enumerate() {
        let p = write(&dir, &format!("s{i}.go"), &go_wrapped(code));
        let (ok, _, err) = run(Command::new(&gofmt).arg("-e").arg(&p));
        if !ok || !err.is_empty() {
            failures.push(format!("{name}: {err}"));
        }
    }
    failures
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

/// CPython's own parser on each Python snippet, with top-level `await` allowed (as the
/// docs' snippets use it); unlike tree-sitter it also rejects bad indentation.
fn python_parse(files: &[(String, String)]) -> Vec<String> {
    let python = tool("python3");
    let dir = scratch("python-parse");
    let checker = "import ast, sys\n\
                   for path in sys.argv[1:]:\n\
                   \ttry:\n\
                   \t\tcompile(open(path, encoding='utf-8').read(), path, 'exec', flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)\n\
                   \texcept SyntaxError as e:\n\
                   \t\tprint(f'{path}: {e}')\n";
    let mut cmd = Command::new(python);
    cmd.arg("-c").arg(checker);
    let mut names = Vec::new();
    for (i, (name, code)) in files.iter().enumerate() {
        cmd.arg(write(&dir, &format!("s{i}.py"), code));
        names.push(name.clone());
    }
    let (ok, out, err) = run(&mut cmd);
    let mut failures: Vec<String> = out
        .lines()
        .map(|l| {
            let i: usize = l.split("/s").last().and_then(|r| r.split('.').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
            format!("{}: {l}", names.get(i).map(String::as_str).unwrap_or("?"))
        })
        .collect();
    if !ok {
        failures.push(format!("python3 failed: {err}"));
    }
    failures
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
    for language in ["csharp", "java", "go", "javascript", "objc", "powershell", "python"] {
        let f = files.iter().find(|f| f.language == language && f.path.starts_with("generated/")).unwrap_or_else(|| panic!("no shipped {language} snippet"));
        let code = f.code.trim_end();
        let cut = code.rfind([')', '}', ']']).expect("a closing bracket");
        let unbalanced = format!("{}{}", &code[..cut], &code[cut + 1..]);
        let quote = if language == "powershell" { "'" } else { "\"" };
        let unterminated = format!("{code}\nx = {quote}never closed;\n");
        for broken in [&unbalanced, &unterminated] {
            assert!(!syntax_errors(language, broken).is_empty(), "tree-sitter-{language} accepted:\n{broken}");
            let one = vec![(format!("broken {language}"), broken.clone())];
            match language {
                "javascript" => assert!(!node_check(&one).is_empty(), "node --check accepted:\n{broken}"),
                "java" => assert!(!javac_parse(&one).is_empty(), "javac accepted:\n{broken}"),
                "go" => assert!(!gofmt_check(&one).is_empty(), "gofmt accepted:\n{broken}"),
                "python" => assert!(!python_parse(&one).is_empty(), "CPython accepted:\n{broken}"),
                _ => {}
            }
        }
    }
}

/// Decodes a C-family string literal's body (C#, Java, Go, JavaScript, Objective-C).
fn decode_c_like(body: &str) -> String {
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else { break };
        let hex = |chars: &mut std::iter::Peekable<std::str::Chars>, n: usize| -> char {
            let s: String = (0..n).filter_map(|_| chars.next()).collect();
            char::from_u32(u32::from_str_radix(&s, 16).unwrap_or(0xfffd)).unwrap_or('\u{fffd}')
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            'u' => out.push(hex(&mut chars, 4)),
            'U' => out.push(hex(&mut chars, 8)),
            'x' => out.push(hex(&mut chars, 2)),
            '0'..='7' => {
                let mut s = e.to_string();
                while s.len() < 3 && chars.peek().is_some_and(|c| ('0'..='7').contains(c)) {
                    s.push(chars.next().unwrap_or('0'));
                }
                out.push(char::from_u32(u32::from_str_radix(&s, 8).unwrap_or(0)).unwrap_or('\u{fffd}'));
            }
            other => out.push(other),
        }
    }
    out
}

/// Every string literal of a snippet, decoded the way its compiler would.
fn string_literals(language: &str, code: &str) -> BTreeSet<String> {
    let kinds: &[&str] = match language {
        "csharp" | "java" | "objc" | "powershell" => &["string_literal"],
        "go" => &["interpreted_string_literal"],
        "javascript" => &["string"],
        "python" => &["string"],
        other => panic!("no literal rule for {other}"),
    };
    let tree = parse(language, code);
    let mut out = BTreeSet::new();
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        if kinds.contains(&n.kind()) {
            let text = code[n.byte_range()].trim_start_matches('@');
            let decoded = if language == "powershell" {
                text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')).map(|t| {
                    let mut s = t.to_owned();
                    for q in ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'] {
                        s = s.replace(&format!("{q}{q}"), &q.to_string());
                    }
                    s
                })
            } else {
                let q = text.chars().next().unwrap_or('"');
                text.strip_prefix(q).and_then(|t| t.strip_suffix(q)).map(decode_c_like)
            };
            out.insert(decoded.unwrap_or_else(|| panic!("{language}: unexpected literal form {text}")));
        }
        for i in 0..n.child_count() {
            stack.extend(n.child(i));
        }
    }
    out
}

fn strings_in(v: &TypedValue, out: &mut Vec<String>) {
    match v {
        TypedValue::String(s) => out.push(s.clone()),
        TypedValue::List { items, .. } => items.iter().for_each(|i| strings_in(i, out)),
        TypedValue::Object { members, .. } => members.iter().for_each(|(_, m)| strings_in(m, out)),
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
    for (_, v) in view.set_params() {
        strings_in(v, &mut out);
    }
    out
}

#[test]
fn hostile_literals_survive_in_every_language() {
    let model = sdkgen_tests::obstacle_model();
    let files: Vec<_> = code_files().into_iter().filter(|f| f.path.starts_with("tests/obstacle/")).collect();
    let mut checked = 0;
    for f in &files {
        let expected = example_strings(&model, &f.example);
        let found = string_literals(&f.language, &f.code);
        for value in &expected {
            assert!(found.contains(value), "{}: the value {value:?} is not among its string literals:\n{found:#?}", f.path);
            checked += 1;
        }
    }
    let hostile = example_strings(&model, "obstacle-hostile-strings");
    assert!(hostile.iter().any(|s| s.contains("*/") && s.contains('\n') && s.contains("${x}") && s.contains('🎉')));
    assert!(hostile.contains(&String::new()), "the empty string is part of the course");
    // Six languages with code per style, two styles.
    assert!(checked >= 12 * hostile.len(), "only {checked} literal checks ran");
}

/// The HTTP snippets: request line, headers, a `Content-Length` equal to the body's length
/// with CRLF line endings, and the example's body.
#[test]
fn http_snippets_carry_the_examples_request() {
    for (tree, model) in [("generated/", sdkgen_tests::shipped_model()), ("tests/obstacle/", sdkgen_tests::obstacle_model())] {
        let files: Vec<_> = snippet_files().into_iter().filter(|f| f.language == "http" && f.path.starts_with(tree)).collect();
        assert!(!files.is_empty());
        for f in files {
            let ex = model.actions.iter().flat_map(|a| a.examples.iter()).find(|e| e.name == f.example).unwrap();
            let text: String = f.code.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
            let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
            let mut lines = head.lines();
            let request_line = lines.next().unwrap();
            assert!(request_line.starts_with("POST https://"), "{}: {request_line}", f.path);
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
            s.strip_prefix('`').and_then(|s| s.strip_suffix('`')).unwrap_or_else(|| panic!("cell {s:?} is neither — nor `code`")).replace("\\|", "|")
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
        let action = &model.actions[0];
        let ex = action.examples.iter().find(|e| e.name == example).unwrap();
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
                None => unexplained.push(format!("{key}: {}{line}", if change.tag() == similar::ChangeTag::Delete { "page has  " } else { "we have   " })),
            }
        }
    }
    assert!(unexplained.is_empty(), "differences from the page with no row in tests/fixtures/page/deviations.md:\n{}", unexplained.join("\n"));
    let stale: Vec<_> = table.iter().zip(&used).filter(|(_, u)| !**u).map(|(r, _)| format!("{r:?}")).collect();
    assert!(stale.is_empty(), "rows in deviations.md that match no difference:\n{}", stale.join("\n"));
}
