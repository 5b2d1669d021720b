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
    // The module has no `/me` cmdlets: `/me/messages` is `Get-MgUserMessage -UserId`, as
    // Microsoft's snippets print it (a UPN or `me`'s own id works there).
    let folded = view.literals.first().and_then(|l| super::kiota::FOLDED_SINGLETONS.iter().find(|(s, _)| s == l));
    let mut literals: Vec<&str> = view.literals.iter().map(String::as_str).collect();
    // Removing one entity's reference names the item's type too
    // (`Remove-MgGroupMemberDirectoryObjectByRef`, for `/groups/{id}/members/{id}/$ref`).
    if let (crate::model::OperationKind::RemoveReference, Some(PathPart::Item { item, .. })) = (view.action.kind, view.path.last()) {
        literals.push(item);
    }
    let mut args = path_args(view);
    if let Some((_, collection)) = folded {
        literals[0] = collection;
        let item = crate::lang::singular(collection);
        args.insert(0, (powershell::parameter(&format!("{item}Id")), powershell::variable(&format!("{item}Id"))));
    }
    // A function's arguments, in its order, each as the inside of its OData literal (the
    // cmdlet puts it between the path's quotes as it is).
    for (name, v) in &view.example.request.arguments {
        args.push((powershell::parameter(name), powershell::value_as(keys, &super::kiota::literal_inside(v), 0)));
    }
    args.extend(query_args(view));
    fill(&Snippet {
        module,
        params,
        cmdlet: powershell::cmdlet(cmdlet_prefix, view.action.kind, &view.action.name, &literals),
        args,
        headers: (!view.config.headers.is_empty()).then(|| {
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

/// The cmdlets' parameters for the query options: OData's own spelled by PowerShell
/// (`-Property`, `-Top`, `-CountVariable`), an operation's own under its name (`-StartDateTime`).
fn query_args(view: &ExampleView) -> Vec<(String, String)> {
    use crate::model::{ODataOption, QueryName, QueryValue};
    view.config
        .query
        .iter()
        .filter_map(|q| {
            let option = match &q.option {
                QueryName::OData(o) => *o,
                QueryName::Own(n) => return Some((powershell::parameter(n), powershell::string(&q.value.text()))),
            };
            let name = match option {
                ODataOption::Select => "Property",
                ODataOption::Expand => "ExpandProperty",
                ODataOption::Filter => "Filter",
                ODataOption::OrderBy => "Sort",
                ODataOption::Top => "Top",
                ODataOption::Skip => "Skip",
                ODataOption::Search => "Search",
                // The count comes back in a variable; `$count=false` asks for nothing.
                ODataOption::Count => {
                    return matches!(q.value, QueryValue::Bool(true)).then(|| ("CountVariable".to_owned(), "CountVar".to_owned()))
                }
            };
            let value = match &q.value {
                QueryValue::Int(n) => n.to_string(),
                v => powershell::string(&v.text()),
            };
            Some((name.to_owned(), value))
        })
        .collect()
}

fn path_args(view: &ExampleView) -> Vec<(String, String)> {
    view.path
        .iter()
        .filter_map(|p| match p {
            PathPart::Item { key, .. } => {
                let name = super::kiota::key_word(key);
                Some((powershell::parameter(&name), powershell::variable(&name)))
            }
            PathPart::Nav(_) => None,
        })
        .collect()
}
