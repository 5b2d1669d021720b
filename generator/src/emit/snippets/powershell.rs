//! PowerShell snippets: the v1 module's `Invoke-Mg…` cmdlets with a `-BodyParameter` hashtable.

use super::{fill, ExampleView, PathPart};
use crate::lang::powershell;
use crate::model::TypedValue;
use askama::Template;

#[derive(Template)]
#[template(path = "powershell/page/snippet.ps1")]
struct Page {
    module: String,
    params: String,
    cmdlet: String,
    args: Vec<(String, String)>,
}

pub fn page(view: &ExampleView) -> String {
    let members: Vec<(String, TypedValue)> = view.set_params().map(|(p, v)| (p.name.clone(), v.clone())).collect();
    let literals: Vec<&str> = view.literals.iter().map(String::as_str).collect();
    fill(&Page {
        module: view.action.module.clone(),
        params: powershell::hashtable(&members, 0),
        cmdlet: powershell::cmdlet("Mg", &view.action.name, &literals),
        args: path_args(view),
    })
}

#[derive(Template)]
#[template(path = "powershell/current/snippet.ps1")]
struct Current {
    module: String,
    params: String,
    cmdlet: String,
    args: Vec<(String, String)>,
}

/// Today's module (`Microsoft.Graph.Beta.*`, `Invoke-MgBeta…` cmdlets, wire-name keys).
pub fn current(view: &ExampleView) -> String {
    let members: Vec<(String, TypedValue)> = view.set_params().map(|(p, v)| (p.name.clone(), v.clone())).collect();
    let literals: Vec<&str> = view.literals.iter().map(String::as_str).collect();
    let version = crate::lang::ident(&view.model.api.version, crate::lang::Case::Pascal, "V");
    let (module_prefix, cmdlet_prefix) =
        if view.model.api.version == "v1.0" { (String::new(), "Mg".to_owned()) } else { (format!("{version}."), format!("Mg{version}")) };
    fill(&Current {
        module: format!("{module_prefix}{}", view.action.module),
        params: powershell::hashtable_as(powershell::Keys::Wire, &members, 0),
        cmdlet: powershell::cmdlet(&cmdlet_prefix, &view.action.name, &literals),
        args: path_args(view),
    })
}

fn path_args(view: &ExampleView) -> Vec<(String, String)> {
    view.path
        .iter()
        .filter_map(|p| match p {
            PathPart::Item { collection, .. } => {
                let name = format!("{}Id", crate::lang::singular(collection));
                Some((powershell::parameter(&name), powershell::variable(&name)))
            }
            PathPart::Nav(_) => None,
        })
        .collect()
}
