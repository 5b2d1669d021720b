//! Microsoft Graph CLI snippets (`mgc`): one command line, the path as commands, each id
//! as an option and the body as the example's JSON, quoted for the shell.

use super::{fill, ExampleView, PathPart};
use crate::lang::{cli, http};
use askama::Template;

#[derive(Template)]
#[template(path = "cli/current/snippet.sh")]
struct Current {
    command: String,
    body: Option<String>,
}

pub fn current(view: &ExampleView) -> String {
    let mut words = vec![cli::program(&view.model.api.version)];
    let mut options = Vec::new();
    for part in &view.path {
        match part {
            PathPart::Nav(n) => words.push(cli::command(n)),
            PathPart::Item { collection, key, value, .. } => {
                words.push(cli::command(collection));
                options.push(format!("{} {}", cli::id_option(&super::kiota::key_word(key)), cli::word(value)));
            }
        }
    }
    if view.is_function() {
        // Kiota's builder, as the CLI names its command (`reminder-view-with-start-date-time-with-end-date-time`),
        // each argument an option; text as the inside of its OData literal.
        words.push(cli::command(&view.function_builder()));
        for (name, v) in view.kiota_arguments() {
            let text = match v {
                crate::model::TypedValue::String(s) => s,
                crate::model::TypedValue::Number { value, .. } => value.to_string(),
                crate::model::TypedValue::Bool(b) => b.to_string(),
                // Validation lets only text, numbers, booleans and enums (as text) through as arguments.
                _ => String::new(),
            };
            options.push(format!("--{} {}", cli::command(name), cli::word(&text)));
        }
    } else if let Some(a) = view.action_segment() {
        words.push(cli::command(a));
    } else if view.action.kind == crate::model::OperationKind::Count {
        words.push("count".to_owned());
    } else if view.is_reference() {
        words.push("ref".to_owned());
    }
    words.push(cli::verb(view.action.kind).to_owned());
    words.extend(options);
    words.extend(view.config.query.iter().map(|q| format!("--{} {}", cli::command(q.option.name()), cli::word(&q.value.text()))));
    words.extend(view.config.headers.iter().map(|(n, v)| format!("{} {}", cli::header_option(n), cli::word(v))));
    // The body the HTTP example sends, printed as the page prints it.
    let body = view.example.request.body.as_ref().map(|b| cli::json_body(&http::json(b)));
    fill(&Current { command: words.join(" "), body })
}
