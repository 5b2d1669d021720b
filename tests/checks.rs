//! Syntax checks for snippets: tree-sitter for every language, and the language's own
//! parser where the machine has one. Each returns the failures, empty when all is well.

use crate::{run, scratch, tool, write};
use std::collections::BTreeSet;
use std::process::Command;

pub fn grammar(language: &str) -> tree_sitter::Language {
    match language {
        "csharp" => tree_sitter_c_sharp::LANGUAGE.into(),
        "java" => tree_sitter_java::LANGUAGE.into(),
        "go" => tree_sitter_go::LANGUAGE.into(),
        "javascript" => tree_sitter_javascript::LANGUAGE.into(),
        "objc" => tree_sitter_objc::LANGUAGE.into(),
        "powershell" => tree_sitter_powershell::LANGUAGE.into(),
        "python" => tree_sitter_python::LANGUAGE.into(),
        // Snippets open with `<?php`: the grammar with PHP tags.
        "php" => tree_sitter_php::LANGUAGE_PHP.into(),
        "cli" => tree_sitter_bash::LANGUAGE.into(),
        other => panic!("no grammar for {other}"),
    }
}

pub fn parse(language: &str, code: &str) -> tree_sitter::Tree {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&grammar(language)).unwrap_or_else(|e| panic!("the {language} grammar does not load: {e}"));
    parser.parse(code, None).expect("tree-sitter returns a tree")
}

/// Positions of ERROR and MISSING nodes, empty when the code parses cleanly.
pub fn syntax_errors(language: &str, code: &str) -> Vec<String> {
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

pub fn javascript_wrapped(code: &str) -> String {
    format!("async function snippet() {{\n{code}\n}}\n")
}

pub fn java_wrapped(i: usize, code: &str) -> String {
    format!("class Snippet{i} {{\n    void run() throws Exception {{\n{code}\n    }}\n}}\n")
}

/// A whole Go file: the snippet's `import (…)` block (today's docs snippets open with one)
/// moves above `func main`, every other line goes inside it, unchanged.
pub fn go_wrapped(code: &str) -> String {
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
pub fn node_check(files: &[(String, String)]) -> Vec<String> {
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
pub fn javac_parse(files: &[(String, String)]) -> Vec<String> {
    let javac = tool("javac");
    let dir = scratch("javac-parse");
    let mut cmd = Command::new(javac);
    cmd.args([
        "-proc:none",
        "-XDrawDiagnostics",
        "-XDshould-stop.ifNoError=PARSE",
        "-XDshould-stop.ifError=PARSE",
        "-encoding",
        "UTF-8",
        "-d",
    ])
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
pub fn gofmt_check(files: &[(String, String)]) -> Vec<String> {
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

/// CPython's own parser on each Python snippet, with top-level `await` allowed (as the
/// docs' snippets use it); unlike tree-sitter it also rejects bad indentation.
pub fn python_parse(files: &[(String, String)]) -> Vec<String> {
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

/// `php -l` (PHP's own parser, from Debian's php-cli) on each PHP snippet.
pub fn php_lint(files: &[(String, String)]) -> Vec<String> {
    let php = tool("php");
    let dir = scratch("php-lint");
    let mut failures = Vec::new();
    for (i, (name, code)) in files.iter().enumerate() {
        let p = write(&dir, &format!("s{i}.php"), code);
        let (ok, out, err) = run(Command::new(&php).arg("-n").arg("-l").arg(&p));
        if !ok {
            failures.push(format!("{name}: {out}{err}"));
        }
    }
    failures
}

/// `bash -n` (bash's own parser) on each CLI snippet.
pub fn bash_check(files: &[(String, String)]) -> Vec<String> {
    let bash = tool("bash");
    let dir = scratch("bash-n");
    let mut failures = Vec::new();
    for (i, (name, code)) in files.iter().enumerate() {
        let p = write(&dir, &format!("s{i}.sh"), code);
        let (ok, _, err) = run(Command::new(&bash).arg("-n").arg(&p));
        if !ok || !err.is_empty() {
            failures.push(format!("{name}: {err}"));
        }
    }
    failures
}

/// The program and arguments of a CLI snippet's command (`mgc-beta …`), as bash itself
/// expands them, printed NUL-separated by bash's command-not-found hook.
pub fn cli_argv(code: &str) -> Vec<String> {
    let bash = tool("bash");
    let dir = scratch("cli-argv");
    let p = write(&dir, "snippet.sh", code);
    // The program is no command here: bash hands its name and arguments to this hook.
    let script = "command_not_found_handle() { printf '%s\\0' \"$@\"; }\nsource \"$1\"\n";
    let (ok, out, err) = run(Command::new(&bash).arg("-c").arg(script).arg("cli-argv").arg(&p));
    assert!(ok && err.is_empty(), "bash could not run the snippet:\n{code}\n{err}");
    // Every argument ends with a NUL, so the last piece is the empty rest.
    let mut argv: Vec<String> = out.split('\0').map(str::to_owned).collect();
    argv.pop();
    argv
}

/// Every string literal of a PHP snippet, as PHP's own tokenizer finds and evaluates them.
pub fn php_strings(code: &str) -> BTreeSet<String> {
    let php = tool("php");
    let dir = scratch("php-strings");
    let p = write(&dir, "snippet.php", code);
    let script = "$out = []; foreach (token_get_all(file_get_contents($argv[1])) as $t) { \
                  if (is_array($t) && $t[0] === T_CONSTANT_ENCAPSED_STRING) { $out[] = eval('return ' . $t[1] . ';'); } } \
                  echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE);";
    let (ok, out, err) = run(Command::new(&php).arg("-r").arg(script).arg(&p));
    assert!(ok, "php could not tokenize the snippet: {out}{err}");
    serde_json::from_str::<Vec<String>>(&out).unwrap_or_else(|e| panic!("php printed no JSON array ({e}): {out}")).into_iter().collect()
}

/// Decodes a C-family string literal's body (C#, Java, Go, JavaScript, Objective-C).
/// Octal escapes are bytes, as in C (Objective-C writes a C1 control as its UTF-8 bytes,
/// `\302\205`); everything else is characters.
pub fn decode_c_like(body: &str) -> String {
    let mut bytes: Vec<u8> = Vec::new();
    let mut chars = body.chars().peekable();
    let push = |bytes: &mut Vec<u8>, c: char| bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    while let Some(c) = chars.next() {
        if c != '\\' {
            push(&mut bytes, c);
            continue;
        }
        let Some(e) = chars.next() else { break };
        let hex = |chars: &mut std::iter::Peekable<std::str::Chars>, n: usize| -> char {
            let s: String = (0..n).filter_map(|_| chars.next()).collect();
            char::from_u32(u32::from_str_radix(&s, 16).unwrap_or(0xfffd)).unwrap_or('\u{fffd}')
        };
        let decoded = match e {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            'u' => hex(&mut chars, 4),
            'U' => hex(&mut chars, 8),
            'x' => hex(&mut chars, 2),
            '0'..='7' => {
                let mut s = e.to_string();
                while s.len() < 3 && chars.peek().is_some_and(|c| ('0'..='7').contains(c)) {
                    s.push(chars.next().unwrap_or('0'));
                }
                bytes.push(u8::from_str_radix(&s, 8).unwrap_or(0));
                continue;
            }
            other => other,
        };
        push(&mut bytes, decoded);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("a literal's octal bytes are no UTF-8: {e}"))
}

/// PowerShell's values: each `'…'` string, and each parenthesised concatenation of them
/// with `[char]0x…` values (`('a' + [char]0x1b + 'b')`, how a control character is
/// written), decoded as PowerShell would.
fn powershell_strings(code: &str) -> BTreeSet<String> {
    let quoted = |t: &str| -> String {
        let mut s = t.to_owned();
        for q in ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'] {
            s = s.replace(&format!("{q}{q}"), &q.to_string());
        }
        s
    };
    let mut out = BTreeSet::new();
    let tree = parse("powershell", code);
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        let text = &code[n.byte_range()];
        if n.kind() == "string_literal" {
            let body = text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')).unwrap_or_else(|| panic!("unexpected literal {text}"));
            out.insert(quoted(body));
        } else if n.kind() == "parenthesized_expression" && text.starts_with("('") {
            // The pieces, in order: strings and [char] values joined by ` + `.
            let mut value = String::new();
            let mut rest = &text[1..text.len() - 1];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix("[char]0x") {
                    let end = r.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(r.len());
                    value.push(char::from_u32(u32::from_str_radix(&r[..end], 16).expect("hex")).expect("a char"));
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('\'') {
                    // A quote ends the string unless it is doubled.
                    let mut i = 0;
                    let chars: Vec<(usize, char)> = r.char_indices().collect();
                    let end = loop {
                        let (at, c) = chars[i];
                        let next = chars.get(i + 1).map(|x| x.1);
                        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
                            if next == Some(c) {
                                i += 2;
                                continue;
                            }
                            break at;
                        }
                        i += 1;
                    };
                    value.push_str(&quoted(&r[..end]));
                    rest = &r[end + 1..];
                } else if let Some(r) = rest.strip_prefix(" + ") {
                    rest = r;
                } else {
                    panic!("unexpected concatenation {text}");
                }
            }
            out.insert(value);
        }
        for i in 0..n.child_count() {
            stack.extend(n.child(i));
        }
    }
    out
}

/// Every string literal of a snippet, decoded the way its compiler would.
pub fn string_literals(language: &str, code: &str) -> BTreeSet<String> {
    if language == "php" {
        return php_strings(code);
    }
    if language == "powershell" {
        return powershell_strings(code);
    }
    if language == "cli" {
        // A CLI snippet's values are its arguments and the JSON strings in its body.
        let argv = cli_argv(code);
        let mut out: BTreeSet<String> = argv.iter().cloned().collect();
        if let Some(i) = argv.iter().position(|a| a == "--body") {
            let body: serde_json::Value = serde_json::from_str(&argv[i + 1]).expect("the --body argument is JSON");
            json_strings(&body, &mut out);
        }
        return out;
    }
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

fn json_strings(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::String(s) => {
            out.insert(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_strings(i, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, m)| {
            out.insert(k.clone());
            json_strings(m, out)
        }),
        _ => {}
    }
}
