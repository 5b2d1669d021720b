//! Reads the HTTP examples of a Graph reference page (the docs repository's markdown, or
//! the page's text as a browser copies it) for `sdkgen import page`.

use super::q;
use serde_json::Value;

/// One HTTP message the page prints: a request (`method` and `target`) or a response
/// (`status`), its headers and JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// 1-based line of the request or status line.
    pub line: usize,
    pub method: String,
    pub target: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Option<Value>,
    /// The heading just above it (`Notification - incoming`), where the page has one.
    pub title: Option<String>,
}

/// An example: the request to Graph, its response, and the notifications the page shows
/// the bot receiving before the request or after the response.
#[derive(Debug, Clone, PartialEq)]
pub struct PageExample {
    /// The docs pipeline's block name (`"name"` in a `blockType: request` annotation).
    pub name: Option<String>,
    pub title: Option<String>,
    pub ignored: bool,
    pub request: Message,
    pub response: Option<Message>,
    pub before: Vec<Message>,
    pub after: Vec<Message>,
}

/// A page that cannot be read as examples, located in the page's text.
#[derive(Debug, Clone, PartialEq)]
pub struct PageError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

const METHODS: [&str; 5] = ["GET", "POST", "PATCH", "PUT", "DELETE"];
/// Where Graph's requests go; any other absolute URL a page POSTs to is the bot's
/// callback receiving a notification.
const GRAPH: &str = "https://graph.microsoft.com/";

fn request_line(line: &str) -> Option<(String, String)> {
    let (method, rest) = line.trim().split_once(' ')?;
    if !METHODS.contains(&method) {
        return None;
    }
    let target = rest.trim().trim_end_matches(" HTTP/1.1").trim();
    (target.starts_with('/') || target.starts_with("https://")).then(|| (method.to_owned(), target.to_owned()))
}

fn status_line(line: &str) -> Option<u16> {
    line.trim().strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
}

fn header_line(line: &str) -> Option<(String, String)> {
    let (name, value) = line.split_once(": ")?;
    (name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .then(|| (name.to_owned(), value.trim().to_owned()))
}

/// An example heading: markdown's `### Example 2: …` or the copied page's `示例 2:…`.
fn heading(line: &str) -> Option<Option<String>> {
    let t = line.trim_start_matches('#').trim();
    let rest = t.strip_prefix("Example").or_else(|| t.strip_prefix("示例"))?.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let title = rest[digits..].trim_start_matches([':', '：', ' ']).trim();
    Some((!title.is_empty()).then(|| title.to_owned()))
}

/// The JSON value starting at `lines[start]`, ending where its braces balance (strings
/// and escapes respected); the index after it.
fn json_at(lines: &[&str], start: usize) -> Result<(Value, usize), PageError> {
    let (mut depth, mut in_string, mut escaped) = (0i64, false, false);
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate().skip(start) {
        for c in line.chars() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
            } else {
                match c {
                    '"' => in_string = true,
                    '{' | '[' => depth += 1,
                    '}' | ']' => depth -= 1,
                    _ => {}
                }
            }
        }
        text.push_str(line);
        text.push('\n');
        if depth <= 0 && !in_string {
            return serde_json::from_str(&text).map(|v| (v, i + 1)).map_err(|e| PageError {
                line: start + e.line(),
                column: e.column(),
                message: format!("the page's JSON does not parse: {e}{}", json_fix(&e, &text)),
            });
        }
    }
    Err(PageError { line: start + 1, column: 1, message: "the page's JSON never closes".into() })
}

/// What to do about a page's JSON that does not parse, where the defect is a common one
/// (Graph's service takes neither a trailing comma nor a comment).
fn json_fix(e: &serde_json::Error, text: &str) -> &'static str {
    // Where the parser stopped: a comment starts there, or just after blank space.
    let at = text.lines().nth(e.line().saturating_sub(1)).map(|l| l.chars().skip(e.column().saturating_sub(1)).collect::<String>());
    if e.to_string().starts_with("trailing comma") {
        "; remove the `,` before the closing bracket"
    } else if at.is_some_and(|rest| rest.trim_start().starts_with("//") || rest.trim_start().starts_with("/*")) {
        "; JSON has no comments: remove it"
    } else {
        ""
    }
}

/// Lines to step over between a message's headers and its body: blank lines, code fences
/// and annotation comments.
fn skip_to_body(lines: &[&str], mut i: usize) -> usize {
    while i < lines.len() {
        let t = lines[i].trim();
        if t.is_empty() || t.starts_with("```") {
            i += 1;
        } else if t.starts_with("<!--") {
            while i < lines.len() && !lines[i].contains("-->") {
                i += 1;
            }
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The annotation just above line `i` (within a few lines), as markdown pages put one
/// before each request block: its `name` and whether it says `ignored`.
fn annotation_above(lines: &[&str], i: usize) -> (Option<String>, Option<String>) {
    let from = i.saturating_sub(8);
    let Some(open) = (from..i).rev().find(|&j| lines[j].contains("<!--")) else { return (None, None) };
    let Some(close) = (open..i).find(|&j| lines[j].contains("-->")) else { return (None, None) };
    let text: String = lines[open..=close].join("\n");
    let inner = text.split_once("<!--").map_or("", |(_, r)| r).rsplit_once("-->").map_or("", |(l, _)| l);
    match serde_json::from_str::<Value>(inner.trim()) {
        Ok(v) => (v["blockType"].as_str().map(str::to_owned), v["name"].as_str().map(str::to_owned)),
        Err(_) => (None, None),
    }
}

fn message(lines: &[&str], i: usize, method: String, target: String, status: u16) -> Result<(Message, usize), PageError> {
    let mut j = i + 1;
    let mut headers = Vec::new();
    while let Some(h) = lines.get(j).and_then(|l| header_line(l)) {
        headers.push(h);
        j += 1;
    }
    let k = skip_to_body(lines, j);
    let (body, next) = match lines.get(k).map(|l| l.trim_start()) {
        Some(l) if l.starts_with('{') || l.starts_with('[') => {
            let (v, n) = json_at(lines, k)?;
            (Some(v), n)
        }
        _ => (None, j),
    };
    Ok((Message { line: i + 1, method, target, status, headers, body, title: None }, next))
}

/// Every example the page prints, in order.
pub fn scan(text: &str) -> Result<Vec<PageExample>, PageError> {
    scan_with(text, false)
}

/// [`scan`]; `bare` takes a relative request line (`POST /communications/calls`) as a
/// request to Graph without an annotation, as a raw request given on its own is.
fn scan_with(text: &str, bare: bool) -> Result<Vec<PageExample>, PageError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<PageExample> = Vec::new();
    // Notifications seen since the last example heading, before that example's request.
    let mut pending: Vec<Message> = Vec::new();
    let mut title: Option<String> = None;
    let mut heading_since_request = true;
    // The last markdown heading since the previous message (not a tab's `# [C#](#tab/…)`).
    let mut recent: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with('#') && !line.contains("](#tab/") {
            let text = line.trim_start_matches('#').trim();
            recent = (!text.is_empty()).then(|| text.to_owned());
        }
        if let Some(t) = heading(line) {
            title = t;
            heading_since_request = true;
            pending.clear();
            i += 1;
            continue;
        }
        if let Some((method, target)) = request_line(line) {
            let (block, name) = annotation_above(&lines, i);
            let graph = target.starts_with(GRAPH) || (target.starts_with('/') && (bare || block.as_deref() == Some("request")));
            let (mut msg, next) = message(&lines, i, method, target, 0)?;
            msg.title = recent.take();
            if graph {
                out.push(PageExample {
                    name,
                    // Every step of one example (an invite, then the delete) is titled by it.
                    title: title.clone(),
                    ignored: block.as_deref() == Some("ignored"),
                    request: msg,
                    response: None,
                    before: std::mem::take(&mut pending),
                    after: Vec::new(),
                });
                heading_since_request = false;
            } else if msg.target.starts_with("https://") && msg.body.is_some() {
                // The bot's callback: before this example's request, or after its response.
                match out.last_mut() {
                    Some(ex) if !heading_since_request && ex.response.is_some() => ex.after.push(msg),
                    _ => pending.push(msg),
                }
            }
            i = next.max(i + 1);
            continue;
        }
        if let Some(status) = status_line(line) {
            let (msg, next) = message(&lines, i, String::new(), String::new(), status)?;
            recent = None;
            if let Some(ex) = out.last_mut().filter(|ex| ex.response.is_none() && !heading_since_request) {
                ex.response = Some(msg);
            }
            i = next.max(i + 1);
            continue;
        }
        i += 1;
    }
    Ok(out)
}

/// The mark on files `sdkgen import page` writes; a re-import replaces only those.
pub const MARK: &str = "# Imported by sdkgen import page";

/// The page lines of one example's request, response and notifications.
#[derive(Debug, Default)]
pub struct Origin {
    pub request: usize,
    pub response: Option<usize>,
    pub before: Vec<usize>,
    pub after: Vec<usize>,
}

/// The operation a request calls: which of its paths, and the path values.
struct Resolved<'m> {
    action: &'m crate::model::Action,
    path_index: usize,
    values: Vec<(String, String)>,
    /// The query string's options, names as written and values percent-decoded.
    query: Vec<(String, String)>,
    /// A function's arguments as written (`startDateTime`), each value as YAML text.
    arguments: Vec<(String, String)>,
}

/// `reminderView(startDateTime='x',endDateTime='y')` → (`reminderView`, its arguments as
/// written, percent-decoded); a segment without parentheses has none (Graph takes
/// `/users/delta` for `/users/delta()`). `None` when the parentheses do not close the
/// segment or an argument is no `name=literal`.
fn function_call(segment: &str) -> Option<(String, Vec<(String, String)>)> {
    let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy().into_owned();
    let Some((name, rest)) = decoded.split_once('(') else {
        return Some((decoded, Vec::new()));
    };
    let inside = rest.strip_suffix(')')?;
    let mut args = Vec::new();
    if !inside.trim().is_empty() {
        for arg in split_arguments(inside) {
            let (k, v) = arg.split_once('=')?;
            args.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    Some((name.to_owned(), args))
}

/// Splits a function's arguments at the commas outside quoted text (`''` is a quote
/// inside it). One pass.
fn split_arguments(inside: &str) -> Vec<&str> {
    let (mut out, mut start, mut quoted) = (Vec::new(), 0, false);
    for (i, c) in inside.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            ',' if !quoted => {
                out.push(&inside[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&inside[start..]);
    out
}

/// An OData literal as the YAML value the spec's `arguments` take: `'O''Neil'` as the
/// text `O'Neil`, numbers, `true`, `false` and `null` as they are, anything else (a bare
/// date-time) as text.
fn literal_yaml(literal: &str) -> String {
    if let Some(text) = literal.strip_prefix('\'').and_then(|l| l.strip_suffix('\'')).filter(|_| literal.len() >= 2) {
        return q(&text.replace("''", "'"));
    }
    let bare = matches!(literal, "true" | "false" | "null") || literal.parse::<f64>().is_ok_and(f64::is_finite);
    if bare {
        literal.to_owned()
    } else {
        q(literal)
    }
}

/// Where each written example came from, to locate the validator's findings in the page.
#[derive(Debug, Default)]
pub struct Origins {
    /// Per example written, in the order written.
    pub examples: Vec<Origin>,
    /// What the import had to choose, with the page line it concerns.
    pub notes: Vec<(usize, String)>,
}

fn json_yaml(v: &Value, indent: usize) -> String {
    let pretty = serde_json::to_string_pretty(v).unwrap_or_default();
    pretty.lines().enumerate().map(|(i, l)| if i == 0 { l.to_owned() } else { format!("\n{}{l}", " ".repeat(indent)) }).collect()
}

/// `$select=subject,from&$top=5` → (`$select`, `subject,from`), (`$top`, `5`): names as
/// written, values percent-decoded (a `+` stays a `+`: Graph reads it as itself).
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// The operation a request addresses and its path values, by the spec's path templates.
fn resolve<'m>(model: &'m crate::model::Model, ex: &PageExample) -> Result<Resolved<'m>, PageError> {
    use crate::model::Segment;
    let at = |message: String| PageError { line: ex.request.line, column: 1, message };
    let target = &ex.request.target;
    let path = if let Some(rest) = target.strip_prefix(GRAPH) {
        let base_path = model.api.base_url.trim_start_matches(GRAPH);
        rest.strip_prefix(base_path).ok_or_else(|| {
            // A page that names another version of Graph (a beta URL on a v1.0 page):
            // the fix is the same path under the spec's base URL.
            let fix = rest
                .split_once('/')
                .filter(|(version, _)| matches!(*version, "v1.0" | "beta"))
                .map(|(_, path)| format!("; the spec's request is `{}/{path}`", model.api.base_url))
                .unwrap_or_default();
            at(format!("`{target}` is not under the spec's base URL `{}`{fix}", model.api.base_url))
        })?
    } else {
        target.as_str()
    };
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, query_pairs(q)),
        None => (path, Vec::new()),
    };
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    // A function's call is its path's last segment: its name, and the arguments apart.
    let call = segs.last().and_then(|s| function_call(s));
    for action in &model.actions {
        if action.method() != ex.request.method {
            continue;
        }
        let function = action.kind == crate::model::OperationKind::Function;
        let mut segs = segs.clone();
        let mut arguments = Vec::new();
        if function {
            let Some((name, args)) = &call else { continue };
            if let Some(last) = segs.last_mut() {
                *last = name;
            }
            arguments = args.iter().map(|(k, v)| (k.clone(), literal_yaml(v))).collect();
        }
        for (index, p) in action.paths.iter().enumerate() {
            if p.segments.len() != segs.len() {
                continue;
            }
            let mut values = Vec::new();
            let fits = p.segments.iter().zip(&segs).all(|(s, got)| match s {
                Segment::Literal(l) => l == got || got.strip_prefix("microsoft.graph.") == Some(l.as_str()),
                Segment::Param(name) => {
                    let raw = percent_encoding::percent_decode_str(got).decode_utf8_lossy().into_owned();
                    values.push((name.clone(), raw));
                    true
                }
            });
            if fits {
                return Ok(Resolved { action, path_index: index, values, query, arguments });
            }
        }
    }
    Err(at(format!("no operation of the spec is `{} {path}`", ex.request.method)))
}

/// The one callback URL an example's notifications go to. A page that posts them to more
/// than one gets the request's own `callbackUri` if it names one of them, else the URL most
/// of them use (the later one on a tie), and a note saying so.
fn callback_url(ex: &PageExample, notes: &mut Vec<(usize, String)>) -> String {
    let all: Vec<&Message> = ex.before.iter().chain(&ex.after).collect();
    let mut urls: Vec<&str> = all.iter().map(|m| m.target.as_str()).collect();
    urls.dedup();
    let mut distinct = urls.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= 1 {
        return distinct.first().map_or(String::new(), |u| (*u).to_owned());
    }
    let own = ex.request.body.as_ref().and_then(|b| b["callbackUri"].as_str()).filter(|u| distinct.contains(u));
    let chosen = own.map(str::to_owned).unwrap_or_else(|| {
        let count = |u: &str| all.iter().filter(|m| m.target == u).count();
        // `max_by_key` keeps the last of equals: the later URL on a tie.
        all.iter().map(|m| m.target.as_str()).max_by_key(|u| count(u)).unwrap_or_default().to_owned()
    });
    notes.push((
        all[0].line,
        format!("the page posts this example's notifications to {}; the spec holds one callback URL: {chosen}", distinct.join(" and ")),
    ));
    chosen
}

/// One raw HTTP request (method and absolute or relative URL, headers, JSON body), as
/// [`extension`] writes a page's: the input of `sdkgen snippet --http`.
pub fn request_extension(model: &crate::model::Model, text: &str, stem: &str, header: &str) -> Result<(String, Origins), PageError> {
    let examples = scan_with(text, true)?;
    match examples.len() {
        1 => written(model, &examples, stem, header),
        0 => Err(PageError { line: 1, column: 1, message: "no request line (`POST /communications/calls/{id}/reject`)".into() }),
        _ => Err(PageError { line: examples[1].request.line, column: 1, message: "a second request; give one at a time".into() }),
    }
}

/// The page's examples as an `extensions:` spec file for the operations they address.
/// `stem` names examples the page leaves unnamed (`call-reject-example-2`).
pub fn extension(model: &crate::model::Model, text: &str, stem: &str, header: &str) -> Result<(String, Origins), PageError> {
    written(model, &scan(text)?, stem, header)
}

fn written(model: &crate::model::Model, examples: &[PageExample], stem: &str, header: &str) -> Result<(String, Origins), PageError> {
    if examples.is_empty() {
        return Err(PageError { line: 1, column: 1, message: "the page prints no request to Graph".into() });
    }
    let mut by_action: Vec<(String, Vec<String>)> = Vec::new();
    let mut origins = Origins::default();
    let mut order: Vec<(String, usize)> = Vec::new();
    for (n, ex) in examples.iter().enumerate() {
        let Resolved { action, path_index, values, query, arguments } = resolve(model, ex)?;
        let mut y = String::new();
        let name = ex.name.clone().unwrap_or_else(|| format!("{stem}-example-{}", n + 1));
        let title = ex.title.clone().unwrap_or_else(|| format!("Example {}", n + 1));
        y.push_str(&format!("      - name: {}\n        title: {}\n", q(&name), q(&title)));
        if ex.ignored {
            y.push_str("        ignored: true\n");
        }
        request_yaml(ex, path_index, &values, &query, &mut y)?;
        if !arguments.is_empty() {
            y.push_str("          arguments:\n");
            for (k, v) in &arguments {
                y.push_str(&format!("            {}: {v}\n", q(k)));
            }
        }
        response_yaml(ex, action, &mut y);
        notifications_yaml(ex, &mut origins.notes, &mut y);
        let id = action.id();
        match by_action.iter_mut().find(|(a, _)| *a == id) {
            Some((_, list)) => list.push(y),
            None => by_action.push((id.clone(), vec![y])),
        }
        order.push((id, n));
    }
    // Origins in the order the examples are written (grouped by operation).
    for (id, _) in &by_action {
        for (oid, n) in &order {
            if oid == id {
                let ex = &examples[*n];
                origins.examples.push(Origin {
                    request: ex.request.line,
                    response: ex.response.as_ref().map(|r| r.line),
                    before: ex.before.iter().map(|m| m.line).collect(),
                    after: ex.after.iter().map(|m| m.line).collect(),
                });
            }
        }
    }
    let mut out = format!("{header}sdkgen: 1\nextensions:\n");
    for (id, list) in by_action {
        out.push_str(&format!("  - extends: {}\n    examples:\n", q(&id)));
        for y in list {
            out.push_str(&y);
        }
    }
    Ok((out, origins))
}

/// The example's `request:`: path, path values, query options, the headers the page sends
/// but those every SDK writes itself, and the body.
fn request_yaml(
    ex: &PageExample,
    path_index: usize,
    values: &[(String, String)],
    query: &[(String, String)],
    y: &mut String,
) -> Result<(), PageError> {
    y.push_str("        request:\n");
    if path_index > 0 {
        y.push_str(&format!("          path: {path_index}\n"));
    }
    pairs_yaml("pathValues", values.iter(), y);
    // Every query option goes into the example as written; validation types it (and
    // refuses one it does not know, located in the request line).
    pairs_yaml("query", query.iter(), y);
    // Every header the page sends goes into the example but those each SDK writes
    // itself (`Authorization`, `Content-Type`…); validation refuses one the operation
    // does not read, so none is dropped unseen.
    duplicate_headers(ex)?;
    let sent: Vec<&(String, String)> =
        ex.request.headers.iter().filter(|(k, _)| !crate::model::TRANSPORT_HEADERS.iter().any(|t| t.eq_ignore_ascii_case(k))).collect();
    pairs_yaml("headers", sent.into_iter(), y);
    if let Some(b) = &ex.request.body {
        y.push_str(&format!("          body: {}\n", json_yaml(b, 12)));
    }
    Ok(())
}

/// A `request:` mapping of names to text (`pathValues:`, `query:`, `headers:`), when any.
fn pairs_yaml<'p>(key: &str, pairs: impl ExactSizeIterator<Item = &'p (String, String)>, y: &mut String) {
    if pairs.len() == 0 {
        return;
    }
    y.push_str(&format!("          {key}:\n"));
    for (k, v) in pairs {
        y.push_str(&format!("            {}: {}\n", q(k), q(v)));
    }
}

/// A header the request gives twice, in any letter case, located at its second line.
fn duplicate_headers(ex: &PageExample) -> Result<(), PageError> {
    // Headers follow the request line one per line, so header `i` is on line `line + 1 + i`;
    // names are looked up, not searched, so a request of many headers stays linear.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, (k, _)) in ex.request.headers.iter().enumerate() {
        let key = k.to_ascii_lowercase();
        if let Some(&j) = seen.get(&key) {
            return Err(PageError {
                line: ex.request.line + 1 + i,
                column: 1,
                message: format!("header `{k}` is given twice (first on line {}); give it once", ex.request.line + 1 + j),
            });
        }
        seen.insert(key, i);
    }
    Ok(())
}

/// The example's `response:`: the page's status (else the operation's), its `Location`
/// header and body.
fn response_yaml(ex: &PageExample, action: &crate::model::Action, y: &mut String) {
    let status = ex.response.as_ref().map_or(action.response.status, |r| r.status);
    y.push_str(&format!("        response:\n          status: {status}\n"));
    if let Some(r) = &ex.response {
        let kept: Vec<&(String, String)> = r.headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("Location")).collect();
        if !kept.is_empty() {
            y.push_str("          headers:\n");
            for (k, v) in kept {
                y.push_str(&format!("            {k}: {}\n", q(v)));
            }
        }
        if let Some(b) = &r.body {
            y.push_str(&format!("          body: {}\n", json_yaml(b, 12)));
        }
    }
}

/// The notifications printed before and after the example, with their callback URL.
fn notifications_yaml(ex: &PageExample, notes: &mut Vec<(usize, String)>, y: &mut String) {
    if !ex.before.is_empty() || !ex.after.is_empty() {
        let url = callback_url(ex, notes);
        y.push_str(&format!("        notifications:\n          callbackUrl: {}\n", q(&url)));
        for (what, list) in [("before", &ex.before), ("after", &ex.after)] {
            if list.is_empty() {
                continue;
            }
            y.push_str(&format!("          {what}:\n"));
            for (i, m) in list.iter().enumerate() {
                let body = m.body.clone().unwrap_or(Value::Null);
                let ty = body["@odata.type"].as_str().and_then(|t| t.rsplit('.').next()).unwrap_or("commsNotifications").to_owned();
                y.push_str(&format!(
                    "            - title: {}\n              type: {}\n              body: {}\n",
                    q(&m.title.clone().unwrap_or_else(|| format!("Notification {}", i + 1))),
                    q(&ty),
                    json_yaml(&body, 16)
                ));
            }
        }
    }
}

/// Where in the page a validator finding about the written file belongs: the example's
/// message, and the member's own line when the page prints it.
pub fn locate(text: &str, origins: &Origins, key: &str) -> Option<(usize, usize)> {
    let rest = key.split_once("].examples[")?.1;
    let (index, rest) = rest.split_once(']')?;
    let o = origins.examples.get(index.parse::<usize>().ok()?)?;
    let (req, before, after) = (&o.request, &o.before, &o.after);
    let line = if rest.starts_with(".response") {
        o.response.unwrap_or(*req)
    } else if let Some(r) = rest.strip_prefix(".notifications.before[") {
        r.split_once(']').and_then(|(i, _)| i.parse::<usize>().ok()).and_then(|i| before.get(i).copied()).unwrap_or(*req)
    } else if let Some(r) = rest.strip_prefix(".notifications.after[") {
        r.split_once(']').and_then(|(i, _)| i.parse::<usize>().ok()).and_then(|i| after.get(i).copied()).unwrap_or(*req)
    } else {
        *req
    };
    // A query option: its name in the request line.
    if let Some(name) = rest.split_once(".request.query.").map(|(_, n)| n) {
        if let Some(l) = text.lines().nth(line - 1) {
            if let Some(col) = l.find(&format!("?{name}=")).or_else(|| l.find(&format!("&{name}="))) {
                return Some((line, l[..col].chars().count() + 2));
            }
        }
    }
    // A request header: its own line in the request's header block (the value's column
    // for a finding about the value).
    if let Some(h) = rest.split_once(".request.headers.").map(|(_, h)| h) {
        let (name, of_value) = h.strip_suffix(".value").map_or((h, false), |n| (n, true));
        for (i, l) in text.lines().enumerate().skip(line - 1).take(100) {
            if let Some((n, _)) = l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case(name)) {
                let column = if of_value { n.chars().count() + 3 } else { 1 };
                return Some((i + 1, column));
            }
            if l.trim().is_empty() && i + 1 > line {
                break;
            }
        }
    }
    // The member the key ends with, printed as `"member"` below that line; an annotation's
    // name holds dots of its own (`@odata.id`).
    let member = key
        .rsplit_once(".body.")
        .map(|(_, tail)| tail.rfind('@').map_or_else(|| tail.rsplit('.').next().unwrap_or(tail), |at| &tail[at..]))
        .filter(|m| !m.contains('['))
        .map(|m| format!("\"{m}\""));
    if let Some(m) = member {
        for (i, l) in text.lines().enumerate().skip(line - 1).take(400) {
            if let Some(col) = l.find(&m) {
                return Some((i + 1, l[..col].chars().count() + 1));
            }
        }
    }
    Some((line, 1))
}

/// The snippet for one raw HTTP request, resolved against `model`: `sdkgen snippet --http`
/// and `sdkgen serve`. Every error is located in `text`.
pub fn request_snippet(
    model: &crate::model::Model,
    text: &str,
    language: crate::target::Language,
    style: crate::target::Style,
) -> Result<String, Vec<PageError>> {
    // A name no spec example has.
    const STEM: &str = "sdkgen-http-request";
    let (yaml, origins) = request_extension(model, text, STEM, "").map_err(|e| vec![e])?;
    let (model, added) = crate::validate::extend(model.clone(), "request", &yaml).map_err(|errors| {
        // A request of a hundred thousand bad headers gets the first few errors, located,
        // and a count: locating each costs a walk of the text.
        const SHOWN: usize = 20;
        let mut shown: Vec<PageError> = errors
            .diagnostics
            .iter()
            .take(SHOWN)
            .map(|d| {
                let (line, column) = locate(text, &origins, &d.key).unwrap_or((1, 1));
                PageError { line, column, message: d.message.clone() }
            })
            .collect();
        if errors.diagnostics.len() > SHOWN {
            let last = shown.last().map_or(1, |e| e.line);
            shown.push(PageError { line: last, column: 1, message: format!("and {} more errors", errors.diagnostics.len() - SHOWN) });
        }
        shown
    })?;
    let (action, example) = added
        .first()
        .and_then(|id| model.example(*id))
        .ok_or_else(|| vec![PageError { line: 1, column: 1, message: "the request made no example".into() }])?;
    Ok(crate::emit::snippets::render(&crate::emit::snippets::ExampleView::new(&model, action, example), language, style))
}

/// One page example's snippets in `languages`, checked against `model` once, with its ids
/// as placeholders: what `sdkgen docs --pages` writes as include files. The error is the reason, for the report.
pub fn example_snippets(
    model: &crate::model::Model,
    ex: &PageExample,
    languages: &[crate::target::Language],
    style: crate::target::Style,
) -> Result<Vec<(crate::target::Language, String)>, String> {
    const STEM: &str = "sdkgen-docs-example";
    let mut ex = ex.clone();
    ex.name = None;
    let (yaml, _) = written(model, std::slice::from_ref(&ex), STEM, "").map_err(|e| e.message)?;
    let (model, added) = crate::validate::extend(model.clone(), "page", &yaml)
        .map_err(|errors| errors.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("; "))?;
    let (action, example) = added.first().and_then(|id| model.example(*id)).ok_or("the request made no example")?;
    // Ids as the repository's placeholders, as `generate`'s include files print them.
    let view = crate::emit::snippets::ExampleView::new(&model, action, example).with_placeholders();
    Ok(languages.iter().map(|l| (*l, crate::emit::snippets::render(&view, *l, style))).collect())
}
