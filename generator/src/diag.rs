//! Spec errors with a file, line, column and key, rendered with the offending line and a caret.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use std::fmt;
use std::ops::Range;

/// A place in a spec file: 1-based line and column, and the byte range to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pos {
    pub file: usize,
    pub line: u64,
    pub column: u64,
    pub bytes: Range<usize>,
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: Option<Pos>,
    /// The dotted key path of the offending value (`actions[0].parameters.reason`).
    pub key: String,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

/// The source texts diagnostics point into, kept so they can be rendered.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    pub files: Vec<(String, String)>,
}

impl Sources {
    pub fn add(&mut self, name: String, text: String) -> usize {
        self.files.push((name, text));
        self.files.len() - 1
    }
}

/// All errors of one run, rendered together so a user fixes them in one pass.
#[derive(Debug, Clone)]
pub struct SpecErrors {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

impl SpecErrors {
    /// Renders every diagnostic as `error: … --> file:line:column`, the source line and a
    /// caret, then the key; plain text, so output is the same on a terminal and in a log.
    pub fn render(&self) -> String {
        let mut files = SimpleFiles::new();
        for (name, text) in &self.sources.files {
            files.add(name.as_str(), text.as_str());
        }
        let config = term::Config::default();
        let mut out = String::new();
        for d in &self.diagnostics {
            let mut report = Report::error().with_message(&d.message);
            let mut notes = vec![format!("key: {}", d.key)];
            if let Some(help) = &d.help {
                notes.push(format!("help: {help}"));
            }
            if let Some(pos) = &d.pos {
                report = report.with_labels(vec![Label::primary(pos.file, pos.bytes.clone()).with_message(&d.label)]);
            }
            report = report.with_notes(notes);
            match term::emit_into_string(&config, &files, &report) {
                Ok(text) => out.push_str(&text),
                Err(e) => out.push_str(&format!("(could not render the source line: {e})\n")),
            }
        }
        let n = self.diagnostics.len();
        out.push_str(&format!("{n} spec error{}; nothing was written\n", if n == 1 { "" } else { "s" }));
        out
    }
}

impl fmt::Display for SpecErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for SpecErrors {}
