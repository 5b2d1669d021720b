//! Turns the raw spec into the model, reporting every semantic error with its position.

use crate::diag::{Diagnostic, SpecErrors};
use crate::model::*;
use crate::spec::raw::{self, OrderedMap, RawValue, S};
use crate::spec::{pos_of, RawSpec, FORMAT_VERSION};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

mod example;
mod names;
mod operation;
mod text;
mod types;
mod value;

use text::*;
pub use text::{date_parts, ident_key, is_file_name, is_https_url, is_type_name, primitive_text_ok, time_parts};
pub use value::to_json;
use value::*;

/// The deepest inheritance chain a spec may declare. Graph's is about five; the bound
/// keeps a hostile chain from making every derived type's flattened members quadratic.
pub const MAX_INHERITANCE_DEPTH: usize = 32;

/// The characters a name may use when it becomes part of a file name (action names,
/// type names, example names): see `spec/README.md`.
pub const FILE_NAME_CHARS: &str = "ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit, at most 100";

/// Validates a loaded spec. Every problem is collected before returning, so one run
/// shows them all.
pub fn validate(spec: RawSpec) -> Result<Model, SpecErrors> {
    let mut v = Validator { spec: &spec, diags: Vec::new() };
    let model = v.run();
    if v.diags.is_empty() {
        if let Some(model) = model {
            return Ok(model);
        }
    }
    let diagnostics = v.diags;
    Err(SpecErrors { diagnostics, sources: spec.sources, io: false })
}

/// `model` with one more spec file's `extensions` applied (examples, notes, …), checked
/// as [`validate`] checks them, without reading or re-checking the rest of the spec: what
/// `sdkgen snippet --http` and `sdkgen serve` do per request. Positions point into `text`,
/// named `name`.
pub fn extend(mut model: Model, name: &str, text: &str) -> Result<(Model, Vec<ExampleId>), SpecErrors> {
    let mut sources = crate::diag::Sources::default();
    let id = sources.add(name.to_owned(), text.to_owned());
    let parsed = serde_saphyr::from_str::<raw::RawFile>(&sources.files[id].1);
    let raw = match parsed {
        Ok(raw) => raw,
        Err(e) => {
            let d = crate::spec::from_yaml_error(id, &sources.files[id].1, &e);
            return Err(SpecErrors { diagnostics: vec![d], sources, io: false });
        }
    };
    let spec = RawSpec { files: Vec::new(), sources };
    let mut v = Validator { spec: &spec, diags: Vec::new() };
    // The spec's own example names were unique when it loaded; a new one must not be one
    // of them (the new ones among themselves are checked as any file's are).
    let taken: std::collections::HashSet<String> =
        model.actions.iter().flat_map(|a| a.examples.iter().map(|e| crate::model::include_stem(&e.name))).collect();
    for (i, x) in raw.extensions.iter().enumerate() {
        for (j, e) in x.value.examples.iter().enumerate() {
            let name = &e.value.name;
            if taken.contains(&crate::model::include_stem(&name.value)) {
                let message = format!("example name `{}` is used twice (the spec has it already)", name.value);
                v.err(id, name, format!("extensions[{i}].examples[{j}].name"), message, "used again here");
            }
        }
    }
    let before: Vec<usize> = model.actions.iter().map(|a| a.examples.len()).collect();
    if v.diags.is_empty() {
        v.extensions(id, &raw.extensions, &mut model, &mut Seen::default());
    }
    if v.diags.is_empty() {
        // What was added, by identity: callers never look an example up by a name.
        let added = model
            .actions
            .iter()
            .zip(before)
            .enumerate()
            .flat_map(|(action, (a, n))| (n..a.examples.len()).map(move |example| ExampleId { action, example }))
            .collect();
        Ok((model, added))
    } else {
        let diagnostics = v.diags;
        Err(SpecErrors { diagnostics, sources: spec.sources, io: false })
    }
}

/// Names that become file names, case-folded, with where each was first declared: action
/// ids, example names and docs pages must each be unique on a case-insensitive disk.
#[derive(Default)]
struct Seen {
    actions: HashMap<String, (usize, S<String>)>,
    examples: HashMap<String, (usize, S<String>)>,
    pages: HashMap<String, (usize, S<String>)>,
}

struct Validator<'a> {
    spec: &'a RawSpec,
    diags: Vec<Diagnostic>,
}

/// Where a name was declared, for "defined twice" and lookups.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Enum,
    Complex,
}

impl<'a> Validator<'a> {
    fn err<T>(&mut self, file: usize, at: &S<T>, key: impl Into<String>, message: impl Into<String>, label: impl Into<String>) {
        self.err_help(file, at, key, message, label, None)
    }

    fn err_help<T>(
        &mut self,
        file: usize,
        at: &S<T>,
        key: impl Into<String>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) {
        let text = &self.spec.sources.files[file].1;
        let pos = (at.referenced.line() > 0).then(|| pos_of(file, text, &at.referenced));
        self.diags.push(Diagnostic { pos, key: key.into(), message: message.into(), label: label.into(), help });
    }

    fn run(&mut self) -> Option<Model> {
        let files = &self.spec.files;
        for (file, raw) in files {
            if raw.sdkgen.value != FORMAT_VERSION {
                self.err(
                    *file,
                    &raw.sdkgen,
                    "sdkgen",
                    format!("unsupported spec format version {}", raw.sdkgen.value),
                    format!("this generator reads format {FORMAT_VERSION}"),
                );
            }
        }

        // The API block: exactly one.
        let mut api: Option<Api> = None;
        for (file, raw) in files {
            if let Some(a) = &raw.api {
                if api.is_some() {
                    self.err(*file, a, "api", "a second `api` block", "the spec already has one");
                    continue;
                }
                api = Some(self.api(*file, &a.value));
            }
        }
        let api = match api {
            Some(a) => a,
            None => {
                self.diags.push(Diagnostic {
                    pos: None,
                    key: "api".into(),
                    message: "no file of the spec has an `api` block".into(),
                    label: String::new(),
                    help: Some("add `api: {title, version, namespace, baseUrl}` to one file".into()),
                });
                return None;
            }
        };

        // Every declared name first, so references may point forwards and across files.
        let mut names: BTreeMap<String, Kind> = BTreeMap::new();
        let mut keys: HashMap<String, (usize, &S<String>)> = HashMap::new();
        for (file, raw) in files {
            for (key, _) in &raw.enums.0 {
                self.declare(&mut names, &mut keys, *file, key, Kind::Enum, "enums");
            }
            for (key, _) in &raw.types.0 {
                self.declare(&mut names, &mut keys, *file, key, Kind::Complex, "types");
            }
        }

        let mut enums = Vec::new();
        let mut types = Vec::new();
        for (file, raw) in files {
            for (key, e) in &raw.enums.0 {
                enums.push(self.enum_type(*file, key, &e.value));
            }
            for (key, t) in &raw.types.0 {
                types.push(self.complex_type(*file, key, t, &names));
            }
        }

        let mut model = Model::new(api, enums, types, Vec::new());
        let names = names_of(&model);
        self.check_inheritance(&model);
        // Action ids and example names become file names: equal once case is folded
        // (a case-insensitive file system) means one file would overwrite the other.
        let mut seen = Seen::default();
        // One file's raw actions at a time (see `RawFile::actions`), the next file parsed
        // on another core while this one is checked.
        let spec = self.spec;
        let with_actions: Vec<usize> = files.iter().filter(|(_, raw)| raw.action_count > 0).map(|(file, _)| *file).collect();
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(2);
            scope.spawn(move || {
                for file in with_actions {
                    if tx.send((file, crate::spec::actions_of(&spec.sources, file))).is_err() {
                        break;
                    }
                }
            });
            for (file, actions) in rx {
                self.file_actions(file, &actions, &mut model, &names, &mut seen);
            }
        });
        for (file, raw) in files {
            self.extensions(*file, &raw.extensions, &mut model, &mut seen);
        }
        Some(model)
    }

    /// Checks one file's actions and adds the valid ones to the model.
    fn file_actions(
        &mut self,
        file: usize,
        actions: &[S<raw::RawAction>],
        model: &mut Model,
        names: &BTreeMap<String, Kind>,
        seen: &mut Seen,
    ) {
        for (i, a) in actions.iter().enumerate() {
            let key = format!("actions[{i}]");
            if let Some(action) = self.action(file, &key, &a.value, model, names, &mut seen.examples) {
                let id = action.id().to_lowercase();
                if let Some((f0, first)) = seen.actions.get(&id) {
                    let msg = format!(
                        "action id `{}` is also the id of the action at {}; their client methods and manifest entries would collide",
                        action.id(),
                        self.at(*f0, first)
                    );
                    self.err(file, &a.value.name, format!("{key}.name"), msg, "same id (boundTo-name) as another action");
                    continue;
                }
                seen.actions.insert(id, (file, a.value.name.clone()));
                let page_at = a.value.page.as_ref().unwrap_or(&a.value.name);
                if let Some((f0, first)) = seen.pages.get(&action.page.to_lowercase()) {
                    let msg = format!("docs page `{}.md` is also the page of the action at {}", action.page, self.at(*f0, first));
                    let what = if a.value.page.is_some() { "page" } else { "name" };
                    self.err(file, page_at, format!("{key}.{what}"), msg, "same page as another action");
                    continue;
                }
                seen.pages.insert(action.page.to_lowercase(), (file, page_at.clone()));
                model.actions.push(action);
            }
        }
    }
}

fn action_first_literal(paths: &[PathTemplate]) -> Option<&str> {
    paths.first()?.segments.iter().find_map(|s| match s {
        Segment::Literal(l) => Some(l.as_str()),
        Segment::Param(_) => None,
    })
}

fn names_of(model: &Model) -> BTreeMap<String, Kind> {
    let mut names = BTreeMap::new();
    for e in &model.enums {
        names.insert(e.name.clone(), Kind::Enum);
    }
    for t in &model.types {
        names.insert(t.name.clone(), Kind::Complex);
    }
    names
}

fn derives_from(model: &Model, odata_type: &str, base: &str) -> bool {
    let prefix = format!("#{}.", model.api.namespace);
    let Some(mut name) = odata_type.strip_prefix(&prefix) else { return false };
    for _ in 0..=model.types.len() {
        let Some(t) = model.complex_type(name) else { return false };
        if t.name == base {
            return true;
        }
        match &t.base {
            Some(b) => name = b,
            None => return false,
        }
    }
    false
}
