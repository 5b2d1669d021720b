//! What each subcommand does, as library functions the binary and the tests share.

use crate::emit::snippets::{self, ExampleView, Language, Style};
use crate::output::{diff_tree, read_tree, regenerate_command, write_tree};
use crate::Selection;
use std::io::Write;
use std::path::Path;

/// How a command ended; the binary maps it to the documented exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Stale,
    SpecError,
    Io,
}

/// Writes to stderr, ignoring a closed pipe: a vanished reader is no reason to panic.
fn eprint(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}

fn print(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// `sdkgen generate`: validates first, so a spec error leaves `out` exactly as it was.
pub fn generate(spec: &Path, out: &Path, selection: &Selection) -> Exit {
    let model = match crate::load_model(spec) {
        Ok(m) => m,
        Err(e) => {
            eprint(&e.render());
            return Exit::SpecError;
        }
    };
    let tree = crate::generate_selected(&model, selection, &regenerate_command(spec, out));
    match write_tree(out, &tree, &|p| selection.owns(p)) {
        Ok(report) => {
            eprint(&format!(
                "sdkgen: {} files in {}: {} written, {} removed, {} unchanged\n",
                tree.len(),
                out.display(),
                report.written.len(),
                report.removed.len(),
                tree.len() - report.written.len()
            ));
            Exit::Ok
        }
        Err(e) => {
            eprint(&format!("sdkgen: cannot write {}: {e}\n", out.display()));
            Exit::Io
        }
    }
}

/// `sdkgen check`: writes nothing; prints a unified diff when `out` is stale.
pub fn check(spec: &Path, out: &Path, selection: &Selection) -> Exit {
    let model = match crate::load_model(spec) {
        Ok(m) => m,
        Err(e) => {
            eprint(&e.render());
            return Exit::SpecError;
        }
    };
    let cmd = regenerate_command(spec, out);
    let expected = crate::generate_selected(&model, selection, &cmd);
    let on_disk = match read_tree(out) {
        Ok(mut t) => {
            t.retain(|p, _| selection.owns(p));
            t
        }
        Err(e) => {
            eprint(&format!("sdkgen: cannot read {}: {e}\n", out.display()));
            return Exit::Io;
        }
    };
    let diff = diff_tree(&on_disk, &expected);
    if diff.is_empty() {
        eprint(&format!("sdkgen: {} is up to date ({} files)\n", out.display(), expected.len()));
        Exit::Ok
    } else {
        print(&diff);
        eprint(&format!("sdkgen: {} is stale; run `{cmd}`\n", out.display()));
        Exit::Stale
    }
}

/// `sdkgen snippet`: one snippet's code on stdout, without the file header.
pub fn snippet(spec: &Path, example: &str, language: Language, style: Style) -> Exit {
    let model = match crate::load_model(spec) {
        Ok(m) => m,
        Err(e) => {
            eprint(&e.render());
            return Exit::SpecError;
        }
    };
    for action in &model.actions {
        if let Some(ex) = action.examples.iter().find(|e| e.name == example) {
            let view = ExampleView::new(&model, action, ex);
            print(&snippets::render(&view, language, style));
            return Exit::Ok;
        }
    }
    let known: Vec<&str> = model.actions.iter().flat_map(|a| a.examples.iter().map(|e| e.name.as_str())).collect();
    eprint(&format!("sdkgen: no example named `{example}`; the spec has: {}\n", known.join(", ")));
    Exit::SpecError
}
