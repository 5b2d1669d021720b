//! Objective-C snippets: `NSMutableURLRequest` through msgraph-sdk-objc, the page's layout.

use super::{fill, ExampleView};
use crate::lang::{objc, Locals};
use crate::model::TypedValue;
use askama::Template;

struct Param {
    ty: String,
    name: String,
    value: String,
    key: String,
}

#[derive(Template)]
#[template(path = "objc/page/snippet.m")]
struct Page {
    base_url: String,
    path: String,
    method: String,
    /// Header names and values, as string literals.
    headers: Vec<(String, String)>,
    body: bool,
    params: Vec<Param>,
}

pub fn page(view: &ExampleView) -> String {
    let mut locals = Locals::with(&[objc::KEYWORDS, objc::SNIPPET_NAMES].concat());
    let params = view
        .set_params()
        .into_iter()
        .map(|(name, v)| {
            let (ty, value) = match &v {
                TypedValue::Enum { enum_name, member } => {
                    (objc::class(enum_name), format!("[{} {}]", objc::class(enum_name), objc::selector(member)))
                }
                TypedValue::String(_) => ("NSString".to_owned(), objc::value(&v)),
                TypedValue::List { .. } => ("NSArray".to_owned(), objc::value(&v)),
                TypedValue::Object { .. } => ("NSDictionary".to_owned(), objc::value(&v)),
                _ => ("NSObject".to_owned(), objc::value(&v)),
            };
            Param { ty, name: locals.fresh(&objc::local(&name)), value, key: objc::string(&name) }
        })
        .collect();
    // The base URL ends in `/`, so the path is appended without its leading one (the
    // page's `beta//communications` is a defect).
    fill(&Page {
        base_url: objc::string(&format!("{}/", view.model.api.base_url)),
        path: objc::string(view.wire_path_and_query().trim_start_matches('/')),
        method: objc::string(view.action.method()),
        headers: view.config.headers.iter().map(|(n, v)| (objc::string(n), objc::string(v))).collect(),
        body: view.sends_body(),
        params,
    })
}
