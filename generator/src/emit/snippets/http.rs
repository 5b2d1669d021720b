//! The raw HTTP request, as the page prints it, with `Content-Length` computed.

use super::{fill, ExampleView};
use crate::lang::http;
use askama::Template;

#[derive(Template)]
#[template(path = "http/page/snippet.http")]
struct Page {
    method: String,
    url: String,
    /// The example's request headers, as the page prints them after the request line.
    headers: Vec<(String, String)>,
    body: Option<(String, usize)>,
}

pub fn page(view: &ExampleView) -> String {
    let body = view.example.request.body.as_ref().map(|b| {
        let text = http::json(b);
        let len = http::content_length(&text);
        (text, len)
    });
    fill(&Page { method: view.action.method().to_owned(), url: view.display_url(), headers: view.config.headers.clone(), body })
}
