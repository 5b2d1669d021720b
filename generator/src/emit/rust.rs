//! Emits the Rust client crate as token streams (quote), formatted with prettyplease.

use crate::lang::rust::{field_names, to_ident, type_names, variant_names};
use crate::layout::FileKind;
use crate::model::*;
use crate::output::{header, Sink};
use crate::settings::{RuntimeMode, Settings};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;

mod method;
use method::method_tokens;

/// The crate's package name, from the API version (`graph-beta`).
pub fn crate_name(model: &Model) -> String {
    let v: String = model.api.version.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("graph-{v}")
}

/// Names every emitted item gets, decided once so each use site agrees.
struct Names {
    types: BTreeMap<String, String>,
    requests: BTreeMap<String, String>,
}

impl Names {
    fn new(model: &Model) -> Self {
        let mut spec_names: Vec<String> = model.enums.iter().map(|e| e.name.clone()).collect();
        spec_names.extend(model.types.iter().map(|t| t.name.clone()));
        let with_body: Vec<&Action> = model.actions.iter().filter(|a| matches!(a.request_body(), RequestBody::Parameters(_))).collect();
        let requests: Vec<String> = with_body.iter().map(|a| format!("{}_{}_request", a.bound_to, a.name)).collect();
        let all: Vec<&str> = spec_names.iter().chain(requests.iter()).map(String::as_str).collect();
        let rust = type_names(&all, &[]);
        let (t, r) = rust.split_at(spec_names.len());
        Names {
            types: spec_names.iter().cloned().zip(t.iter().cloned()).collect(),
            requests: with_body.iter().map(|a| a.id()).zip(r.iter().cloned()).collect(),
        }
    }

    fn ty(&self, name: &str) -> proc_macro2::Ident {
        to_ident(&self.types[name])
    }
}

/// The `sdkgen-runtime` version generated crates depend on (the crate in `runtime/`;
/// a test holds the two equal).
pub const RUNTIME_VERSION: &str = "0.2.1";

/// The runtime's files, for `runtime = "vendored"`: a copy beside the generated crate.
const RUNTIME_FILES: [(&str, &str); 13] = [
    ("Cargo.toml", include_str!("../../../runtime/Cargo.toml")),
    ("README.md", include_str!("../../../runtime/README.md")),
    ("src/lib.rs", include_str!("../../../runtime/src/lib.rs")),
    ("src/budget.rs", include_str!("../../../runtime/src/budget.rs")),
    ("src/client.rs", include_str!("../../../runtime/src/client.rs")),
    ("src/collection.rs", include_str!("../../../runtime/src/collection.rs")),
    ("src/error.rs", include_str!("../../../runtime/src/error.rs")),
    ("src/one_or_many.rs", include_str!("../../../runtime/src/one_or_many.rs")),
    ("src/path.rs", include_str!("../../../runtime/src/path.rs")),
    ("src/rules.rs", include_str!("../../../runtime/src/rules.rs")),
    ("src/token.rs", include_str!("../../../runtime/src/token.rs")),
    ("src/validate.rs", include_str!("../../../runtime/src/validate.rs")),
    ("src/wire_enum.rs", include_str!("../../../runtime/src/wire_enum.rs")),
];

/// Where a vendored runtime goes, inside the generated crate's directory.
const VENDORED: &str = "sdkgen-runtime";

/// The one generated file with no header (the vendored runtime's README, whose first line
/// a docs site shows), and its text: the output directory knows it as sdkgen's by its
/// bytes when no manifest lists it (a `--rust` run writes none).
pub const HEADERLESS: (&str, &str) = ("rust/sdkgen-runtime/README.md", RUNTIME_FILES[1].1);

pub fn emit(model: &Model, settings: &Settings, out: &mut dyn Sink) {
    let cmd = settings.regenerate.as_str();
    let names = Names::new(model);
    let crate_name = settings.crate_name.clone().unwrap_or_else(|| crate_name(model));
    let file = |out: &mut dyn Sink, rel: &str, text: String| out.file(FileKind::RustClient { rel }, text);
    file(out, "Cargo.toml", cargo_toml(&crate_name, settings));
    if settings.runtime == RuntimeMode::Vendored {
        for (path, text) in RUNTIME_FILES {
            // README.md keeps its own text: a header would be its first line on a docs site.
            let head = if path.ends_with(".md") { String::new() } else { header(path, cmd) };
            file(out, &format!("{VENDORED}/{path}"), format!("{head}{text}"));
        }
    }
    // The crate is formatted by sdkgen (prettyplease); rustfmt leaves it as written, so
    // `cargo fmt` in a user's workspace never makes `sdkgen check` report it stale.
    file(out, "rustfmt.toml", format!("{}disable_all_formatting = true\n", header("rustfmt.toml", cmd)));
    file(out, "src/lib.rs", format_file(lib_rs(model), cmd));
    file(out, "src/models.rs", format_models(model, &names, cmd, CHUNK));
    file(out, "src/client.rs", format_client(model, &names, &crate_name, cmd, CHUNK));
}

/// Items formatted per chunk: no syntax tree of a whole file is held (at 10,000
/// operations one took a gigabyte), and prettyplease prints a file's items one after
/// another, so the text is the same.
const CHUNK: usize = 64;

/// `format(chunk)` of every chunk of `items`, concatenated in order; the chunks are split
/// between the machine's cores (token streams cannot cross threads, so each thread
/// builds its own from the model).
fn in_parallel<T: Sync>(items: &[T], chunk: usize, out: &mut String, format: impl Fn(&[T]) -> String + Sync) {
    let chunks: Vec<&[T]> = items.chunks(chunk).collect();
    for text in crate::par::shares(&chunks, |mine| mine.iter().map(|c| format(c)).collect::<String>()) {
        out.push_str(&text);
    }
}

/// `models.rs`, formatted a chunk of items at a time.
fn format_models(model: &Model, names: &Names, cmd: &str, chunk: usize) -> String {
    let mut text = unparse(quote! { #![doc = " Request bodies, resource types and enumerations."] });
    let items: Vec<ModelItem> = model_items(model, names).collect();
    in_parallel(&items, chunk, &mut text, |chunk| {
        let tokens = chunk.iter().map(|item| item.tokens(model, names));
        unparse(quote! { #(#tokens)* })
    });
    text.push_str(&unparse(largest_value_tokens(model, names)));
    headed(&text, cmd)
}

/// `client.rs`, formatted a chunk of methods at a time, spliced into one `impl`.
fn format_client(model: &Model, names: &Names, krate: &str, cmd: &str, chunk: usize) -> String {
    let (head, specs) = client_parts(model, krate);
    let head = unparse(quote! { #head });
    let mut text = head.strip_suffix("}\n").unwrap_or(&head).to_owned();
    in_parallel(&specs, chunk, &mut text, |chunk| {
        let methods = chunk.iter().map(|(a, p, m)| method_tokens(model, names, a, p, m));
        let block = unparse(quote! { impl GraphClient { #(#methods)* } });
        block.strip_prefix("impl GraphClient {\n").and_then(|b| b.strip_suffix("}\n")).unwrap_or(&block).to_owned()
    });
    text.push_str("}\n");
    headed(&text, cmd)
}

/// A manifest that builds wherever the crate is put: nothing inherited from a workspace.
fn cargo_toml(name: &str, settings: &Settings) -> String {
    let runtime = match settings.runtime {
        RuntimeMode::Versioned => format!("\"{RUNTIME_VERSION}\""),
        RuntimeMode::Vendored => format!("{{ version = \"{RUNTIME_VERSION}\", path = \"{VENDORED}\" }}"),
    };
    let description = toml_string(settings.description.as_deref().unwrap_or("Generated Rust client for Microsoft Graph actions"));
    let repository = settings.repository.as_deref().map(|r| format!("repository = {}\n", toml_string(r))).unwrap_or_default();
    format!(
        "{}[package]\nname = \"{name}\"\nversion = \"{}\"\ndescription = {description}\n{repository}edition = \"2021\"\nrust-version = \"1.90\"\nlicense = \"{}\"\npublish = false\n\n[dependencies]\nsdkgen-runtime = {runtime}\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = {{ version = \"1\", features = [\"preserve_order\"] }}\n\n# Lints a user may change: they warn, never fail a build (a newer compiler's new lint\n# must not break it); sdkgen's own tests deny every warning.\n[lints.rust]\nmissing_docs = \"warn\"\nunsafe_code = \"forbid\"\n",
        header("Cargo.toml", &settings.regenerate),
        settings.crate_version,
        settings.license,
    )
}

/// `text` as a TOML string, escaped by the TOML library for that context.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn format_file(tokens: TokenStream, cmd: &str) -> String {
    headed(&unparse(tokens), cmd)
}

fn unparse(tokens: TokenStream) -> String {
    // A token stream that does not parse is a bug in this emitter, never in the spec:
    // every identifier and literal was built by the naming module.
    let file = syn::parse2::<syn::File>(tokens.clone()).unwrap_or_else(|e| panic!("emitter produced invalid Rust ({e}):\n{tokens}"));
    prettyplease::unparse(&file)
}

/// The file: sdkgen's header, then `code` spaced by [`space_items`], in one buffer (a
/// 10,000-operation client is 40 MB; each extra copy showed in the peak).
fn headed(code: &str, cmd: &str) -> String {
    let mut out = header("x.rs", cmd);
    out.reserve(code.len() + code.len() / 20);
    space_items(code, &mut out);
    out
}

/// prettyplease puts items back to back; a blank line after each closing brace that ends
/// an item (followed by another item at the same depth) makes the file readable.
fn space_items(code: &str, out: &mut String) {
    let mut lines = code.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let Some(next) = lines.peek() else { continue };
        let indent = line.len() - line.trim_start().len();
        let starts_item = ["///", "#[", "pub ", "impl", "fn ", "mod ", "use ", "sdkgen_runtime::"]
            .iter()
            .any(|p| next[indent.min(next.len())..].starts_with(p));
        let same_depth = next.len() - next.trim_start().len() == indent;
        if (line.trim() == "}" || line.trim_start().starts_with("//!") && !next.trim_start().starts_with("//!"))
            && same_depth
            && starts_item
        {
            out.push('\n');
        }
    }
}

fn doc_attr(text: &str) -> TokenStream {
    // One `#[doc]` per line keeps prettyplease's `///` rendering line for line.
    let text = crate::lang::rust::doc_markdown(text);
    let lines = text.lines().map(crate::lang::rust::doc_line);
    quote! { #( #[doc = #lines] )* }
}

fn doc_or(description: &Option<String>, fallback: &str) -> TokenStream {
    doc_attr(description.as_deref().unwrap_or(fallback))
}

/// The client as one Rust source to `include!` at the root of a crate that depends on
/// `sdkgen-runtime`, `serde` and `serde_json` (the `build.rs` mode): the generated crate's
/// models and methods, without its crate-level attributes.
pub fn module_source(model: &Model, settings: &Settings) -> String {
    let names = Names::new(model);
    let models = models_rs(model, &names);
    let krate = settings.crate_name.clone().unwrap_or_else(|| crate_name(model));
    let client = client_rs(model, &names, &krate);
    let tokens = quote! {
        pub mod models {
            #models
        }
        mod client {
            #client
        }
        pub use client::GraphClient;
        pub use sdkgen_runtime::{AccessToken, ApiError, Client, ClientBuilder, Error, GraphError, Hook, InnerError, TokenError, TokenSource, WireEnum};
    };
    format_file(tokens, &settings.regenerate)
}

fn lib_rs(model: &Model) -> TokenStream {
    let mut doc = format!(
        "Client for {} {} actions, generated by sdkgen from the spec.\n\n\
         [`GraphClient`] has one async method per action path; request, response and\n\
         resource types are in [`models`]. Transport, tokens, errors and retries come from\n\
         the hand-written `sdkgen-runtime` crate, re-exported here.",
        model.api.title, model.api.version
    );
    if let Some(n) = &model.api.notice {
        doc.push_str(&format!("\n\n**Note:** {n}"));
    }
    let doc = crate::lang::rust::doc_markdown(&doc);
    let lines = doc.lines().map(crate::lang::rust::doc_line);
    quote! {
        #( #![doc = #lines] )*

        mod client;
        pub mod models;

        pub use client::GraphClient;
        pub use sdkgen_runtime::{AccessToken, ApiError, Client, ClientBuilder, Error, GraphError, Hook, InnerError, TokenError, TokenSource, WireEnum};
    }
}

/// The Rust type of a property, without the `Option` every property is wrapped in.
fn rust_type(names: &Names, ty: &TypeRef, boxed: bool) -> TokenStream {
    let one = match &ty.kind {
        TypeKind::Primitive(p) => match p {
            // ISO 8601 text as Graph writes it: the client passes it through unchanged.
            // Typed dates, times and bytes wait for the typed values of issue 21; the text is Graph's.
            Primitive::String
            | Primitive::DateTimeOffset
            | Primitive::Guid
            | Primitive::Duration
            | Primitive::Date
            | Primitive::Binary
            | Primitive::TimeOfDay => {
                quote!(::std::string::String)
            }
            Primitive::Boolean => quote!(bool),
            Primitive::Int32 => quote!(i32),
            Primitive::Int64 => quote!(i64),
            Primitive::Double => quote!(f64),
        },
        TypeKind::Enum(n) | TypeKind::Complex(n) => {
            let id = names.ty(n);
            quote!(crate::models::#id)
        }
    };
    if ty.collection {
        quote!(::std::vec::Vec<#one>)
    } else if boxed {
        quote!(::std::boxed::Box<#one>)
    } else {
        one
    }
}

/// Whether `from` reaches `to` through single (non-collection) complex properties: such
/// a field must be boxed or the struct would have infinite size.
fn reaches(model: &Model, from: &str, to: &str) -> bool {
    let mut stack = vec![from.to_owned()];
    let mut seen = std::collections::BTreeSet::new();
    while let Some(n) = stack.pop() {
        if !seen.insert(n.clone()) {
            continue;
        }
        let Some(t) = model.complex_type(&n) else { continue };
        for p in model.all_properties(t) {
            if let (TypeKind::Complex(c), false) = (&p.ty.kind, p.ty.collection) {
                if c == to {
                    return true;
                }
                stack.push(c.clone());
            }
        }
    }
    false
}

fn models_rs(model: &Model, names: &Names) -> TokenStream {
    let items = model_items(model, names).map(|item| item.tokens(model, names));
    let largest = largest_value_tokens(model, names);
    quote! {
        //! Request bodies, resource types and enumerations.
        #(#items)*
        #largest
    }
}

/// `LARGEST_VALUE`, which [`client_parts`]'s `GraphClient::new` gives the runtime: a
/// response's every object is charged this much before the body is read, so a body of
/// small objects that would each become a large struct is refused rather than read.
fn largest_value_tokens(model: &Model, names: &Names) -> TokenStream {
    let idents = model_items(model, names).map(|item| item.ident(names));
    quote! {
        /// The largest in-memory size of this crate's models, in bytes: the client charges
        /// each object of a response this much against its memory limit before reading it.
        pub const LARGEST_VALUE: usize = {
            let sizes = [0 #(, ::std::mem::size_of::<#idents>())*];
            let (mut largest, mut i) = (0, 0);
            while i < sizes.len() {
                if sizes[i] > largest {
                    largest = sizes[i];
                }
                i += 1;
            }
            largest
        };
    }
}

/// One enum, type or request body of `models.rs`, in the file's order.
enum ModelItem<'m> {
    Enum(&'m EnumType),
    Type(&'m ComplexType),
    Request(&'m Action),
}

impl ModelItem<'_> {
    fn tokens(&self, model: &Model, names: &Names) -> TokenStream {
        match self {
            ModelItem::Enum(e) => enum_tokens(e, names),
            ModelItem::Type(t) => struct_tokens(model, t, names),
            ModelItem::Request(a) => request_tokens(model, a, names),
        }
    }

    fn ident(&self, names: &Names) -> proc_macro2::Ident {
        match self {
            ModelItem::Enum(e) => names.ty(&e.name),
            ModelItem::Type(t) => names.ty(&t.name),
            ModelItem::Request(a) => to_ident(&names.requests[&a.id()]),
        }
    }
}

fn model_items<'m>(model: &'m Model, names: &'m Names) -> impl Iterator<Item = ModelItem<'m>> {
    let enums = model.enums.iter().map(ModelItem::Enum);
    let types = model.types.iter().map(ModelItem::Type);
    let requests = model.actions.iter().filter(|a| names.requests.contains_key(&a.id())).map(ModelItem::Request);
    enums.chain(types).chain(requests)
}

fn enum_tokens(e: &EnumType, names: &Names) -> TokenStream {
    let ident = names.ty(&e.name);
    let member_names: Vec<&str> = e.members.iter().map(|m| m.name.as_str()).collect();
    // `Other` is the catch-all; a member that would be called `Other` gets renamed.
    let all = variant_names(&[member_names.clone(), vec!["other"]].concat(), &[]);
    let (variants, other) = all.split_at(member_names.len());
    let other = to_ident(&other[0]);
    let variants: Vec<_> = variants.iter().map(|v| to_ident(v)).collect();
    let docs = e.members.iter().map(|m| doc_or(&m.description, &format!("The wire value `{}`.", m.name)));
    let wire = &member_names;
    let doc = doc_or(&e.description, &format!("The `{}` enumeration.", e.name));
    let evolvable = if e.evolvable {
        "\n\nThe service may add members (this enum is evolvable); a value this client does not know\ndeserializes to the catch-all variant with its text kept, and serializes back unchanged."
    } else {
        "\n\nA value this client does not know deserializes to the catch-all variant with its text\nkept, and serializes back unchanged."
    };
    let evolvable = doc_attr(evolvable.trim_start_matches('\n'));
    quote! {
        #doc
        #[doc = ""]
        #evolvable
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ident {
            #( #docs #variants, )*
            /// A value this client does not know, kept exactly as the service sent it.
            #other(::std::string::String),
        }

        impl sdkgen_runtime::WireEnum for #ident {
            fn as_wire(&self) -> &str {
                match self {
                    #( Self::#variants => #wire, )*
                    Self::#other(value) => value.as_str(),
                }
            }

            fn from_wire(value: &str) -> Self {
                match value {
                    #( #wire => Self::#variants, )*
                    other => Self::#other(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }

        sdkgen_runtime::wire_enum_traits!(#ident);
    }
}

/// Fields of a struct (one `Option` per property, wire names kept by `rename`), and a
/// builder-style setter for each: the structs are `#[non_exhaustive]` (a property Graph
/// adds at the next regeneration must not break a user's struct literal), so outside the
/// crate a value is built as `T::default().with_x(…)` or by assigning the public fields.
fn fields(model: &Model, owner: Option<&str>, props: &[&Property], names: &Names, taken: &[&str]) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let spec: Vec<&str> = props.iter().map(|p| p.name.as_str()).collect();
    let rust = field_names(&spec, taken);
    props
        .iter()
        .zip(&rust)
        .map(|(p, f)| {
            let ident = to_ident(f);
            let boxed = match (&p.ty.kind, owner) {
                (TypeKind::Complex(c), Some(o)) => !p.ty.collection && reaches(model, c, o),
                _ => false,
            };
            let ty = rust_type(names, &p.ty, boxed);
            let ty = if p.one_or_many { quote!(sdkgen_runtime::OneOrMany<#ty>) } else { ty };
            let wire = &p.name;
            let mut doc = p.description.clone().unwrap_or_else(|| format!("The `{}` property.", p.name));
            if p.format == Some(Format::HttpsUrl) {
                doc.push_str("\n\nMust be an absolute `https://` URL.");
            }
            if let Some(note) = &p.deprecated {
                doc.push_str(&format!("\n\n**Deprecated:** {note}"));
            }
            if p.required {
                doc.push_str("\n\nRequired: the service refuses a request without it.");
            }
            if let Some(d) = &p.default {
                doc.push_str(&format!("\n\nWhen unset, the service assumes `{d}`."));
            }
            let doc = doc_attr(&doc);
            let field = quote! {
                #doc
                #[serde(rename = #wire, default, skip_serializing_if = "::std::option::Option::is_none")]
                pub #ident: ::std::option::Option<#ty>,
            };
            (field, setter(&ident, f, wire, &ty))
        })
        .unzip()
}

/// `with_<field>(value)`: sets the field and returns the value, for building it in one
/// expression.
fn setter(ident: &proc_macro2::Ident, field: &str, wire: &str, ty: &TokenStream) -> TokenStream {
    let name = format_ident!("with_{}", field.trim_start_matches("r#"));
    let doc = format!(" Sets `{wire}` ([`Self::{field}`]) and returns the value.", field = field.trim_start_matches("r#"));
    quote! {
        #[doc = #doc]
        #[must_use]
        pub fn #name(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
            self.#ident = ::std::option::Option::Some(value.into());
            self
        }
    }
}

/// The concrete types derived from `base`, directly or not, in spec order.
fn concrete_descendants<'m>(model: &'m Model, base: &str) -> Vec<&'m ComplexType> {
    model
        .types
        .iter()
        .filter(|t| !t.is_abstract && t.name != base)
        .filter(|t| {
            let mut cur = t.base.as_deref();
            for _ in 0..=model.types.len() {
                match cur {
                    Some(b) if b == base => return true,
                    Some(b) => cur = model.complex_type(b).and_then(|bt| bt.base.as_deref()),
                    None => return false,
                }
            }
            false
        })
        .collect()
}

/// An abstract type is one of its concrete derived types, chosen by `@odata.type`: an
/// enum with a (boxed, so recursion through the base stays finite) variant per derived
/// type and `Unknown` for a type this client does not know, kept as received. Writing
/// a variant sets its `@odata.type` when the value does not carry one.
fn abstract_tokens(model: &Model, t: &ComplexType, names: &Names) -> TokenStream {
    let ident = names.ty(&t.name);
    let derived = concrete_descendants(model, &t.name);
    let spec_names: Vec<&str> = derived.iter().map(|d| d.name.as_str()).collect();
    let variants: Vec<proc_macro2::Ident> = variant_names(&spec_names, &["Unknown"]).iter().map(|v| to_ident(v)).collect();
    let types: Vec<proc_macro2::Ident> = derived.iter().map(|d| names.ty(&d.name)).collect();
    let odata: Vec<String> = derived.iter().map(|d| model.odata_type(&d.name)).collect();
    // Read with or without the leading `#`, as OData allows both.
    let bare: Vec<String> = odata.iter().map(|o| o.trim_start_matches('#').to_owned()).collect();
    let docs: Vec<String> = derived.iter().map(|d| format!(" `{}`.", model.odata_type(&d.name))).collect();
    let mut doc = t.description.clone().unwrap_or_else(|| format!("The `{}` resource type.", t.name));
    doc.push_str(&format!(
        "\n\n`{}` is abstract: a value is one of its derived types, chosen by `@odata.type` when read and \
         written with it (set from the variant when the value has none).",
        t.name
    ));
    let doc = doc_attr(&doc);
    // An abstract type the spec derives nothing from (an import of part of the metadata)
    // has only `Unknown`: written back as received.
    let serialize = if derived.is_empty() {
        quote! {
            let Self::Unknown(map) = self;
            map.serialize(serializer)
        }
    } else {
        quote! {
            let (value, odata_type) = match self {
                #( Self::#variants(v) => (::serde_json::to_value(v).map_err(::serde::ser::Error::custom)?, #odata), )*
                Self::Unknown(map) => return map.serialize(serializer),
            };
            let ::serde_json::Value::Object(members) = value else {
                return ::std::result::Result::Err(::serde::ser::Error::custom("a derived type serialized to a non-object"));
            };
            let mut out = ::serde_json::Map::new();
            out.insert("@odata.type".to_owned(), ::serde_json::Value::String(odata_type.to_owned()));
            // The value's own `@odata.type`, if any, replaces the default in place.
            out.extend(members);
            out.serialize(serializer)
        }
    };
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #ident {
            #( #[doc = #docs] #variants(::std::boxed::Box<#types>), )*
            /// A derived type this client does not know (Graph adds them over time), kept
            /// as received so it serializes back unchanged.
            Unknown(::serde_json::Map<::std::string::String, ::serde_json::Value>),
        }

        impl ::serde::Serialize for #ident {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #serialize
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let map = ::serde_json::Map::<::std::string::String, ::serde_json::Value>::deserialize(deserializer)?;
                let odata_type = map.get("@odata.type").and_then(::serde_json::Value::as_str).unwrap_or_default().to_owned();
                match odata_type.trim_start_matches('#') {
                    #( #bare => ::serde_json::from_value(::serde_json::Value::Object(map))
                        .map(|v| Self::#variants(::std::boxed::Box::new(v)))
                        .map_err(::serde::de::Error::custom), )*
                    _ => ::std::result::Result::Ok(Self::Unknown(map)),
                }
            }
        }
    }
}

fn struct_tokens(model: &Model, t: &ComplexType, names: &Names) -> TokenStream {
    if t.is_abstract {
        return abstract_tokens(model, t, names);
    }
    let ident = names.ty(&t.name);
    let props = model.all_properties(t);
    let (fields, setters) = fields(model, Some(&t.name), &props, names, &["odata_type", "additional_properties"]);
    let mut doc = t.description.clone().unwrap_or_else(|| format!("The `{}` resource type.", t.name));
    if let Some(b) = &t.base {
        doc.push_str(&format!("\n\nDerives from `{b}`; the inherited properties are included."));
    }
    let doc = doc_attr(&doc);
    let odata = format!(" `@odata.type`: `{}` for this type, or a derived type's name.", model.odata_type(&t.name));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        #[non_exhaustive]
        pub struct #ident {
            #[doc = #odata]
            #[serde(rename = "@odata.type", default, skip_serializing_if = "::std::option::Option::is_none")]
            pub odata_type: ::std::option::Option<::std::string::String>,
            #(#fields)*
            /// Members this client does not model (such as `@odata.id`), kept so that a
            /// value serializes back without losing anything.
            #[serde(flatten)]
            pub additional_properties: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        impl #ident {
            /// A value with every member unset.
            pub fn new() -> Self {
                ::std::default::Default::default()
            }

            #(#setters)*
        }
    }
}

fn request_tokens(model: &Model, a: &Action, names: &Names) -> TokenStream {
    let ident = to_ident(&names.requests[&a.id()]);
    let props: Vec<&Property> = a.parameters.iter().collect();
    let (fields, setters) = fields(model, None, &props, names, &[]);
    let doc = doc_attr(&format!("The JSON body of `{}: {}`. Unset members are left out of the request.", a.bound_to, a.name));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        #[non_exhaustive]
        pub struct #ident {
            #(#fields)*
        }

        impl #ident {
            /// A body with every member unset.
            pub fn new() -> Self {
                ::std::default::Default::default()
            }

            #(#setters)*
        }
    }
}

/// `krate`: the crate's name, for the doc example's paths.
fn client_rs(model: &Model, names: &Names, krate: &str) -> TokenStream {
    let (head, specs) = client_parts(model, krate);
    let invalid = |e: syn::Error| -> ! { panic!("emitter produced invalid Rust: {e}") };
    let mut file: syn::File = syn::parse2(head).unwrap_or_else(|e| invalid(e));
    // The head ends with `impl GraphClient { … }`; the methods go inside it.
    if let Some(syn::Item::Impl(block)) = file.items.last_mut() {
        for (a, p, m) in &specs {
            block.items.push(syn::parse2(method_tokens(model, names, a, p, m)).unwrap_or_else(|e| invalid(e)));
        }
    }
    quote! { #file }
}

/// The client's fixed part (module doc, struct, and an `impl` with the constructors) and
/// its methods: (action, path, method name) per action path.
fn client_parts<'m>(model: &'m Model, krate: &str) -> (TokenStream, Vec<(&'m Action, &'m PathTemplate, String)>) {
    let mut method_specs: Vec<(String, &Action, &PathTemplate)> = Vec::new();
    for a in &model.actions {
        for (i, p) in a.paths.iter().enumerate() {
            let base = format!("{}_{}", a.bound_to, a.name);
            let name = if i == 0 {
                base
            } else {
                let first = p.segments.iter().find_map(|s| match s {
                    Segment::Literal(l) => Some(l.as_str()),
                    Segment::Param(_) => None,
                });
                format!("{base}_via_{}", first.unwrap_or("path"))
            };
            method_specs.push((name, a, p));
        }
    }
    let spec_names: Vec<&str> = method_specs.iter().map(|(n, _, _)| n.as_str()).collect();
    let method_names = field_names(&spec_names, &["new", "builder", "runtime"]);
    let specs = method_specs.iter().zip(method_names).map(|((_, a, p), m)| (*a, *p, m)).collect();
    let base_url = &model.api.base_url;
    let krate = krate.replace('-', "_");
    let doc = doc_attr(&format!(
        "Sends the spec's actions. Build it from a configured runtime [`crate::Client`].\n\n\
         ```no_run\n\
         # async fn demo() -> Result<(), {krate}::Error> {{\n\
         let client = {krate}::GraphClient::new(\n    {krate}::GraphClient::builder().token(\"eyJ0eXAi…\").build()?,\n);\n\
         # let _ = client; Ok(()) }}\n\
         ```"
    ));
    let head = quote! {
        //! [`GraphClient`]: one async method per action path of the spec.

        #doc
        #[derive(Debug, Clone)]
        pub struct GraphClient {
            inner: sdkgen_runtime::Client,
        }

        impl GraphClient {
            /// The base URL the spec documents.
            pub const DEFAULT_BASE_URL: &'static str = #base_url;

            /// Wraps a configured runtime client, telling it the largest in-memory size of
            /// this crate's models so that its memory limit holds for every response.
            pub fn new(inner: sdkgen_runtime::Client) -> Self {
                Self { inner: inner.with_largest_value(crate::models::LARGEST_VALUE) }
            }

            /// Starts configuring a runtime client with this API's base URL, its requests
            /// naming this crate and its version first in their `User-Agent`.
            pub fn builder() -> sdkgen_runtime::ClientBuilder {
                let agent = ::std::format!(
                    "{}/{} {}",
                    ::std::env!("CARGO_PKG_NAME"),
                    ::std::env!("CARGO_PKG_VERSION"),
                    sdkgen_runtime::DEFAULT_USER_AGENT
                );
                sdkgen_runtime::Client::builder().base_url(Self::DEFAULT_BASE_URL).user_agent(agent)
            }

            /// The runtime client requests go through.
            pub fn runtime(&self) -> &sdkgen_runtime::Client {
                &self.inner
            }
        }
    };
    (head, specs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formatting a chunk of items at a time gives the bytes formatting the whole file
    /// gives, whatever the chunk size (1 and 2 put a chunk boundary between every pair).
    #[test]
    fn chunked_formatting_is_the_whole_files_formatting() {
        for spec in ["../spec", "../tests/obstacle/spec.yaml"] {
            let model = crate::load_model(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(spec)).unwrap();
            let names = Names::new(&model);
            let models = format_file(models_rs(&model, &names), "cmd");
            let client = format_file(client_rs(&model, &names, "graph-beta"), "cmd");
            for chunk in [1, 2, CHUNK] {
                assert_eq!(format_models(&model, &names, "cmd", chunk), models, "{spec}: models.rs in chunks of {chunk}");
                assert_eq!(format_client(&model, &names, "graph-beta", "cmd", chunk), client, "{spec}: client.rs in chunks of {chunk}");
            }
        }
    }

    /// The crate's license is the configuration's; its lints are a table a user can change,
    /// never a `deny` in the code (a newer compiler's new lint must not break a build).
    #[test]
    fn the_manifest_carries_the_configured_license_and_the_lints() {
        let settings = Settings { license: "Apache-2.0 OR MIT".into(), ..Settings::default() };
        let toml = cargo_toml("graph-x", &settings);
        assert!(toml.contains("\nlicense = \"Apache-2.0 OR MIT\"\n"), "{toml}");
        assert!(toml.contains("\n[lints.rust]\nmissing_docs = \"warn\"\nunsafe_code = \"forbid\"\n"), "{toml}");
        assert!(
            toml.contains("\ndescription = \"Generated Rust client for Microsoft Graph actions\"\nedition") && !toml.contains("repository")
        );
        // The configured metadata, a quote and a backslash in it escaped for TOML: the
        // manifest reads back to exactly the text configured.
        let settings = Settings {
            description: Some(r#"Graph's "calls" \ C:\path"#.into()),
            repository: Some("https://github.com/contoso/graph-calls".into()),
            ..Settings::default()
        };
        let parsed: toml::Table = cargo_toml("graph-x", &settings).parse().unwrap();
        assert_eq!(parsed["package"]["description"].as_str(), settings.description.as_deref());
        assert_eq!(parsed["package"]["repository"].as_str(), settings.repository.as_deref());
        let model = crate::load_model(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).unwrap();
        let lib = format_file(lib_rs(&model), "cmd");
        assert!(!lib.contains("deny("), "{lib}");
    }

    /// A vendored runtime missing a module does not build: the list is the directory.
    #[test]
    fn the_vendored_runtime_is_every_file_of_the_runtime() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src");
        let mut on_disk: Vec<String> =
            std::fs::read_dir(src).unwrap().map(|e| format!("src/{}", e.unwrap().file_name().to_string_lossy())).collect();
        on_disk.sort();
        let mut listed: Vec<String> = RUNTIME_FILES.iter().map(|(p, _)| p.to_string()).filter(|p| p.starts_with("src/")).collect();
        listed.sort();
        assert_eq!(listed, on_disk);
    }
}
