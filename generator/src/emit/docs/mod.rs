//! The action's reference page rebuilt from the spec: Markdown for the docs pipeline (with
//! one include file per snippet) and a standalone HTML preview with working tabs.

mod highlight;

use crate::emit::snippets::Codes;
use crate::lang::{http, markdown as md};
use crate::layout::FileKind;
use crate::model::*;
use crate::output::Sink;
use crate::target::{Language, Style};
use askama::Template;

/// One edition of the docs: today's page (current SDKs, Microsoft's current tab order:
/// HTTP, C#, CLI, Go, Java, JavaScript, PHP, PowerShell, Python) or the reference page's
/// own snapshot (its SDKs and tab order).
#[derive(Debug, Clone, Copy)]
pub struct Edition {
    pub style: Style,
    /// The tabs of an example, in order; HTTP is inline, the others are include files.
    pub tabs: &'static [Language],
    /// `docs/` or `docs/snapshot/`.
    pub root: &'static str,
}

pub const CURRENT: Edition = Edition {
    style: Style::Current,
    tabs: &[
        Language::Http,
        Language::CSharp,
        Language::Cli,
        Language::Go,
        Language::Java,
        Language::JavaScript,
        Language::Php,
        Language::PowerShell,
        Language::Python,
    ],
    root: "docs/",
};

pub const SNAPSHOT: Edition = Edition {
    style: Style::Page,
    tabs: &[Language::Http, Language::CSharp, Language::JavaScript, Language::ObjC, Language::Java, Language::Go, Language::PowerShell],
    root: "docs/snapshot/",
};

pub const EDITIONS: [Edition; 2] = [CURRENT, SNAPSHOT];

impl Edition {
    pub fn page_path(&self, action: &Action) -> String {
        FileKind::DocsPage { page: action.page_name(), style: self.style }.path()
    }

    pub fn preview_path(&self, action: &Action) -> String {
        FileKind::DocsPreview { page: action.page_name(), style: self.style }.path()
    }

    /// An example's tabs on this edition's page: HTTP, then the page's own set (the
    /// snapshot keeps each reference page's tabs) or the edition's; only HTTP for a
    /// request the page marks `blockType: ignored`.
    pub fn tabs(&self, action: &Action, example: &Example) -> Vec<Language> {
        if example.ignored {
            return vec![Language::Http];
        }
        match (&action.page_tabs, self.style) {
            // Python, which only today's SDKs have, stays out of the page-style snapshot.
            (Some(ids), Style::Page) => std::iter::once(Language::Http)
                .chain(ids.iter().filter_map(|id| Language::from_id(id)).filter(|l| l.has_style(Style::Page)))
                .collect(),
            _ => self.tabs.to_vec(),
        }
    }

    pub fn include_path(&self, example: &Example, language: Language) -> String {
        FileKind::DocsInclude { action: None, example: &example.name, language, style: self.style }.path()
    }
}

/// `go/call-reject-go-snippets.md`: an include file under `includes/snippets/`.
/// An include file's text (the docs repository's `*-snippets.md`) for one snippet.
pub fn include_text(cmd: &str, language: Language, code: &str) -> String {
    let include = Include {
        regenerate: crate::output::comment_safe(cmd),
        fence: md::fence(code),
        info: language.fence_info(),
        code: code.trim_end().to_owned(),
    };
    crate::emit::snippets::fill(&include) + "\n"
}

pub use crate::layout::include_name;

/// Escaping filters for the Markdown templates: every value from the spec is escaped
/// where the template writes it, for the context it lands in.
mod filters {
    use crate::lang::markdown as md;

    #[askama::filter_fn]
    pub fn md_inline(s: impl ToString, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(md::inline(&s.to_string()))
    }

    #[askama::filter_fn]
    pub fn md_cell(s: impl ToString, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(md::cell(&s.to_string()))
    }

    #[askama::filter_fn]
    pub fn md_code(s: impl ToString, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(md::code(&s.to_string()))
    }

    #[askama::filter_fn]
    pub fn md_code_cell(s: impl ToString, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(md::code_cell(&s.to_string()))
    }

    /// Prose for the HTML preview: HTML-escaped, with each Markdown code span (`` `201
    /// Created` ``) shown as code, as the docs site shows it; a lone backtick stays one.
    #[askama::filter_fn]
    pub fn html_prose(s: impl ToString, _: &dyn askama::Values) -> askama::Result<askama::filters::Safe<String>> {
        Ok(askama::filters::Safe(super::html_prose(&s.to_string())))
    }

    /// A YAML double-quoted scalar (JSON string syntax is a subset of it).
    #[askama::filter_fn]
    pub fn yaml_str(s: impl ToString, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(serde_json::Value::String(s.to_string()).to_string())
    }
}

/// See [`filters::html_prose`].
fn html_prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut parts = text.split('`').peekable();
    let mut in_code = false;
    while let Some(part) = parts.next() {
        match (in_code, parts.peek().is_some()) {
            // Text before an opening backtick that has a closing one after it.
            (false, _) => highlight::escape(part, &mut out),
            (true, true) => {
                out.push_str("<code>");
                highlight::escape(part, &mut out);
                out.push_str("</code>");
            }
            // The last part after an unmatched backtick: the backtick was literal.
            (true, false) => {
                out.push('`');
                highlight::escape(part, &mut out);
            }
        }
        in_code = !in_code;
    }
    out
}

#[derive(Template)]
#[template(path = "docs/include.md")]
struct Include {
    regenerate: String,
    fence: String,
    info: &'static str,
    code: String,
}

struct Row {
    cells: Vec<String>,
}

/// A request-body parameter's row: raw text, escaped by each template for its format.
struct ParamRow {
    name: String,
    ty: String,
    description: String,
    /// An enum's members, listed properly (the reference page's sentence is broken).
    values: Vec<String>,
    sentinel: Option<String>,
    https_note: bool,
}

struct Tab {
    id: &'static str,
    title: &'static str,
    /// For the Markdown page: the include file's path relative to the page.
    include: String,
    /// For the HTML preview: the snippet, highlighted and HTML-escaped.
    code_html: String,
}

struct Block {
    title: String,
    annotation: String,
    fence: String,
    text: String,
}

struct ExampleSection {
    number: usize,
    title: String,
    description: Option<String>,
    before: Vec<Block>,
    request_annotation: String,
    http_fence: String,
    http: String,
    tabs: Vec<Tab>,
    response_fence: String,
    response_annotation: String,
    response: String,
    after: Vec<Block>,
}

#[derive(Template)]
#[template(path = "docs/page.md")]
struct Page {
    regenerate: String,
    title: String,
    summary: String,
    author: Option<String>,
    localization_priority: Option<String>,
    subservice: Option<String>,
    /// A beta API's pages include the docs repository's beta disclaimer instead of the notice.
    beta_disclaimer: bool,
    permissions_annotation: String,
    permissions_include: String,
    page_annotation: String,
    /// The entity a create or update sends, which the page names instead of a parameter table.
    body_entity: Option<String>,
    /// An OData function: its parameters go in the URL, and no body is sent.
    function: bool,
    namespace: String,
    notice: Option<String>,
    description: Option<String>,
    notes: Vec<String>,
    permissions: Vec<Row>,
    paths_fence: String,
    paths: Vec<String>,
    deprecations: Vec<(String, String)>,
    headers: Vec<Row>,
    parameters: Vec<ParamRow>,
    response: String,
    examples: Vec<ExampleSection>,
}

#[derive(Template)]
#[template(path = "docs/preview.html")]
struct Preview<'a> {
    page: &'a Page,
    plain_title: String,
}

fn type_label(ty: &TypeRef) -> String {
    let name = match &ty.kind {
        TypeKind::Primitive(p) => p.name().to_owned(),
        TypeKind::Enum(n) | TypeKind::Complex(n) => n.clone(),
    };
    if ty.collection {
        format!("{name} collection")
    } else {
        name
    }
}

fn parameter_row(model: &Model, p: &Property) -> ParamRow {
    let mut description = p.description.clone().unwrap_or_default();
    if let Some(note) = &p.deprecated {
        // As Graph's pages mark them: first, in parentheses.
        description = format!("(Deprecated) {description} {note}").trim_end().to_owned();
    }
    if let Some(d) = p.default.as_ref().filter(|_| !description.contains("efault")) {
        description = format!("{description} Default: `{d}`.").trim_start().to_owned();
    }
    if p.required && !description.contains("Required") {
        description = format!("{description} Required.").trim_start().to_owned();
    }
    let (values, sentinel) = match &p.ty.kind {
        TypeKind::Enum(e) => match model.enum_type(e) {
            Some(e) => (
                e.members.iter().filter(|m| !(e.evolvable && m.name == SENTINEL)).map(|m| m.name.clone()).collect(),
                e.evolvable.then(|| SENTINEL.to_owned()),
            ),
            None => (Vec::new(), None),
        },
        _ => (Vec::new(), None),
    };
    let https_note = p.format == Some(Format::HttpsUrl) && !description.to_lowercase().contains("https");
    ParamRow { name: p.name.clone(), ty: type_label(&p.ty), description, values, sentinel, https_note }
}

/// A permission type's row as the docs repository's permissions tables print it: the
/// least privileged permission, then the higher privileged ones.
fn permission_row(kind: &str, p: &Permission) -> Row {
    let (least, higher) = match p {
        Permission::NotSupported => ("Not supported.".to_owned(), "Not supported.".to_owned()),
        Permission::NotDocumented => ("Not documented in the spec.".to_owned(), "Not documented in the spec.".to_owned()),
        Permission::Supported(list) => match list.split_first() {
            None => ("None.".to_owned(), "Not available.".to_owned()),
            Some((first, [])) => (first.clone(), "Not available.".to_owned()),
            Some((first, rest)) => (first.clone(), rest.join(", ")),
        },
    };
    Row { cells: vec![kind.to_owned(), least, higher] }
}

fn permission_rows(p: &Permissions) -> Vec<Row> {
    vec![
        permission_row("Delegated (work or school account)", &p.delegated_work),
        permission_row("Delegated (personal Microsoft account)", &p.delegated_personal),
        permission_row("Application", &p.application),
    ]
}

/// JSON text made safe inside an HTML comment: `--` cannot appear there, and `\u002d` is
/// the same character to JSON.
fn in_comment(json: &str) -> String {
    json.replace("--", "-\\u002d")
}

/// A JSON string for an HTML comment.
fn comment_json(s: &str) -> String {
    in_comment(&serde_json::Value::String(s.to_owned()).to_string())
}

/// The permissions table's name in the docs pipeline: the page name with `_` for `-`.
fn permissions_name(action: &Action) -> String {
    action.page_name().replace('-', "_")
}

/// `includes/permissions/call-reject-permissions.md`: where a page's permissions table
/// lives, relative to the edition's root.
fn permissions_file(action: &Action) -> String {
    format!("includes/permissions/{}-permissions.md", action.page_name())
}

/// The closing annotation every page of the docs repository ends with.
fn page_annotation(title: &str) -> String {
    format!(
        "<!--\n{{\n  \"type\": \"#page.annotation\",\n  \"description\": {},\n  \"keywords\": \"\",\n  \"section\": \"documentation\",\n  \"tocPath\": \"\",\n  \"suppressions\": [\n  ]\n}}\n-->",
        comment_json(title)
    )
}

#[derive(Template)]
#[template(path = "docs/permissions.md")]
struct PermissionsInclude {
    regenerate: String,
    localization_priority: Option<String>,
    rows: Vec<Row>,
}

fn annotation(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("  {}: {}", serde_json::Value::String(k.to_string()), v)).collect();
    format!("<!-- {{\n{}\n}} -->", in_comment(&body.join(",\n")))
}

fn notification_block(model: &Model, callback: &str, n: &Notification) -> Block {
    let body = http::json(&n.body);
    let text = format!("POST {callback}\nContent-Type: application/json\n\n{body}");
    Block {
        title: n.title.clone(),
        annotation: annotation(&[
            ("blockType", "\"example\"".into()),
            ("@odata.type", serde_json::Value::String(model.odata_type(&n.type_name).trim_start_matches('#').to_owned()).to_string()),
        ]),
        fence: md::fence(&text),
        text,
    }
}

fn page(model: &Model, codes: &mut Codes, edition: &Edition, cmd: &str) -> Page {
    let action = codes.action;
    let examples = action.examples.iter().enumerate().map(|(i, example)| example_section(model, codes, edition, i, example)).collect();
    let paths: Vec<String> = action.paths.iter().map(|p| format!("{} {}", action.method(), action.documented_target(p))).collect();
    Page {
        regenerate: crate::output::comment_safe(cmd),
        title: action.page_title(),
        summary: action.summary.clone(),
        author: action.author.clone(),
        localization_priority: model.api.localization_priority.clone(),
        subservice: model.api.subservice.clone(),
        beta_disclaimer: model.api.version == "beta",
        permissions_annotation: format!(
            "<!-- {{ \"blockType\": \"permissions\", \"name\": {} }} -->",
            comment_json(&permissions_name(action))
        ),
        permissions_include: format!("../{}", permissions_file(action)),
        page_annotation: page_annotation(&action.page_title()),
        function: action.kind == OperationKind::Function,
        body_entity: match action.request_body() {
            RequestBody::Entity(ty) => Some(ty.to_owned()),
            _ => None,
        },
        namespace: model.api.namespace.clone(),
        notice: model.api.notice.clone(),
        description: action.description.clone(),
        notes: action.notes.clone(),
        permissions: permission_rows(&action.permissions),
        paths_fence: md::fence(&paths.join("\n")),
        paths,
        deprecations: action.paths.iter().filter_map(|p| p.deprecated.as_ref().map(|d| (p.template.clone(), d.clone()))).collect(),
        headers: header_rows(action),
        parameters: action.parameters.iter().map(|p| parameter_row(model, p)).collect(),
        response: action.response.description.clone().unwrap_or_default(),
        examples,
    }
}

/// One example's section of the page: its request, a tab per language, its response and
/// the notifications around it.
fn example_section(model: &Model, codes: &mut Codes, edition: &Edition, i: usize, example: &Example) -> ExampleSection {
    let action = codes.action;
    let http_text = codes.code(i, Language::Http, edition.style).trim_end().to_owned();
    let tabs = edition
        .tabs(action, example)
        .iter()
        .filter(|l| **l != Language::Http)
        .map(|&l| {
            let code = codes.code(i, l, edition.style);
            Tab {
                id: l.id(),
                title: l.title(),
                include: format!("../includes/snippets/{}", include_name(&example.name, l)),
                code_html: highlight::highlight(l, code.trim_end()),
            }
        })
        .collect();
    let status = example.response.status;
    let headers: String = example.response.headers.iter().map(|(k, v)| format!("\n{k}: {v}")).collect();
    let response = match &example.response.body {
        Some(b) => {
            format!("HTTP/1.1 {status} {}{headers}\nContent-Type: application/json\n\n{}", status_reason(status), http::json(b))
        }
        None => format!("HTTP/1.1 {status} {}{headers}", status_reason(status)),
    };
    // A typed response names its type, as the docs pipeline's validator expects.
    let mut response_fields = vec![("blockType", "\"response\"".to_owned()), ("truncated", "true".to_owned())];
    if let Some(TypeRef { kind: TypeKind::Complex(t), collection }) = &action.response.body {
        let ty = format!("{}.{t}", model.api.namespace);
        response_fields.push(("@odata.type", serde_json::Value::String(ty).to_string()));
        if *collection {
            // As the docs pipeline marks a list response.
            response_fields.push(("isCollection", "true".to_owned()));
        }
    }
    let (before, after) = match &example.notifications {
        Some(n) => (
            n.before.iter().map(|x| notification_block(model, &n.callback_url, x)).collect(),
            n.after.iter().map(|x| notification_block(model, &n.callback_url, x)).collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    ExampleSection {
        number: i + 1,
        title: example.title.clone(),
        description: example.description.clone(),
        before,
        request_annotation: annotation(&[
            ("blockType", if example.ignored { "\"ignored\"" } else { "\"request\"" }.into()),
            ("name", serde_json::Value::String(example.name.clone()).to_string()),
        ]),
        http_fence: md::fence(&http_text),
        http: http_text,
        tabs,
        response_fence: md::fence(&response),
        response_annotation: annotation(&response_fields),
        response,
        after,
    }
}

/// The request headers table: each header's value and whether it is required.
fn header_rows(action: &Action) -> Vec<Row> {
    action
        .headers
        .iter()
        .map(|h| {
            let mut d = h.value.clone();
            d.push_str(if h.required { ". Required." } else { ". Optional." });
            if let Some(x) = &h.description {
                d.push_str(&format!(" {x}"));
            }
            Row { cells: vec![h.name.clone(), d] }
        })
        .collect()
}

/// The previews' style sheet and script, once per edition beside its pages (not inside
/// each page: a spec of thousands of operations would carry thousands of copies).
pub fn emit_shared(cmd: &str, out: &mut dyn Sink) {
    const ASSETS: [(&str, &str); 2] = [
        ("preview.css", include_str!("../../../../templates/docs/preview.css")),
        ("preview.js", include_str!("../../../../templates/docs/preview.js")),
    ];
    for edition in &EDITIONS {
        for (name, text) in ASSETS {
            let kind = FileKind::DocsAsset { name, style: edition.style };
            out.file(kind, format!("{}{text}", crate::output::header(&kind.path(), cmd)));
        }
    }
}

/// Writes the action's page, preview and include files in every edition.
pub fn emit_action(model: &Model, codes: &mut Codes, cmd: &str, out: &mut dyn Sink) {
    let action = codes.action;
    let (id, page_name) = (action.id(), action.page_name());
    for edition in &EDITIONS {
        let style = edition.style;
        let p = page(model, codes, edition, cmd);
        out.file(FileKind::DocsPage { page: page_name, style }, crate::emit::snippets::fill(&p) + "\n");
        let title = action.page_title();
        out.file(
            FileKind::DocsPreview { page: page_name, style },
            crate::emit::snippets::fill(&Preview { page: &p, plain_title: title }) + "\n",
        );
        let permissions = PermissionsInclude {
            regenerate: crate::output::comment_safe(cmd),
            localization_priority: model.api.localization_priority.clone(),
            rows: permission_rows(&action.permissions),
        };
        out.file(FileKind::DocsPermissions { page: page_name, style }, crate::emit::snippets::fill(&permissions) + "\n");
        for (i, example) in action.examples.iter().enumerate() {
            for language in edition.tabs(action, example).into_iter().filter(|l| *l != Language::Http) {
                let code = codes.include_code(i, language, style);
                let kind = FileKind::DocsInclude { action: Some(&id), example: &example.name, language, style };
                out.file(kind, include_text(cmd, language, code));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn preview_prose_shows_code_spans_as_code_and_escapes_the_rest() {
        assert_eq!(super::html_prose("returns a `201 Created` response"), "returns a <code>201 Created</code> response");
        assert_eq!(super::html_prose("`<b>` & \"q\""), "<code>&lt;b&gt;</code> &amp; &quot;q&quot;");
        assert_eq!(super::html_prose("a lone ` backtick"), "a lone ` backtick");
        assert_eq!(super::html_prose("`a` and `b` then `c"), "<code>a</code> and <code>b</code> then `c");
        let page =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/docs/preview/application-post-calls.html")).unwrap();
        assert!(page.contains("returns a <code>201 Created</code> response code"), "the shipped preview shows its code span as code");
    }
}
