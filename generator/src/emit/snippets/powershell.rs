//! PowerShell snippets: the v1 module's `…-Mg…` cmdlets and today's `…-MgBeta…` ones, with a
//! `-BodyParameter` hashtable when the operation sends a body.

use super::{fill, ExampleView, PathPart};
use crate::lang::powershell;
use askama::Template;

#[derive(Template)]
#[template(path = "powershell/page/snippet.ps1")]
struct Snippet {
    module: String,
    params: Option<String>,
    cmdlet: String,
    args: Vec<(String, String)>,
    /// `-Headers @{…}`, when the example sends any.
    headers: Option<String>,
}

fn render(view: &ExampleView, module: String, cmdlet_prefix: &str, keys: powershell::Keys) -> String {
    let params = view.sends_body().then(|| powershell::hashtable_as(keys, &view.set_params(), 0));
    let literals: Vec<&str> = view.literals.iter().map(String::as_str).collect();
    fill(&Snippet {
        module,
        params,
        cmdlet: powershell::cmdlet(cmdlet_prefix, view.action.kind, &view.action.name, &literals),
        args: path_args(view),
        headers: (!view.config.is_empty()).then(|| {
            let pairs: Vec<String> =
                view.config.headers.iter().map(|(n, v)| format!("{} = {}", powershell::string(n), powershell::string(v))).collect();
            format!("@{{ {} }}", pairs.join("; "))
        }),
    })
}

pub fn page(view: &ExampleView) -> String {
    render(view, view.action.module.clone(), "Mg", powershell::Keys::Pascal)
}

/// Today's module (`Microsoft.Graph.Beta.*`, `…-MgBeta…` cmdlets, wire-name keys).
pub fn current(view: &ExampleView) -> String {
    let (module_prefix, cmdlet_prefix) = match view.model.api.sdk_suffix() {
        None => (String::new(), "Mg".to_owned()),
        Some(v) => {
            let version = crate::lang::ident(v, crate::lang::Case::Pascal, "V");
            (format!("{version}."), format!("Mg{version}"))
        }
    };
    render(view, format!("{module_prefix}{}", view.action.module), &cmdlet_prefix, powershell::Keys::Wire)
}

fn path_args(view: &ExampleView) -> Vec<(String, String)> {
    view.path
        .iter()
        .filter_map(|p| match p {
            PathPart::Item { item, .. } => {
                let name = format!("{item}Id");
                Some((powershell::parameter(&name), powershell::variable(&name)))
            }
            PathPart::Nav(_) => None,
        })
        .collect()
}
