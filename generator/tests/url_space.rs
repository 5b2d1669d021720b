//! Graph v1.0's URL space as `sdkgen import csdl --select '*'` writes it, path by path beside the request builders of Microsoft's v1.0 Python SDK (msgraph-sdk 1.65.0, generated from the same kind of metadata by Microsoft's converter); every difference is a row of tests/fixtures/import/url-space.md, held exactly.
//!
//! The SDK's URL templates are read off its wheel by `scripts/setup-test-deps.sh`
//! (`tests/python/url_templates.py`, the wheel pinned by hash in
//! `tests/python/v1-url-space.txt`), never run. Paths are compared by shape: query
//! templates dropped, a function's arguments as `()`, `/me/…` as the SDK folds it into
//! `/users/{user-id}/…` where it has no `/me` builder of its own. `SDKGEN_SHOW=1` prints
//! what the test found (counts, unexplained paths, the import's own), to write the
//! fixture's reasons from when either side changes.

use sdkgen::import::csdl::Csdl;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("generator/ has a parent").to_path_buf()
}

/// A path as both sides are compared: `{user%2Did}` as `{user-id}`, no query template, a
/// function call's arguments as `()`.
fn shape(template: &str) -> String {
    let t = template.trim_start_matches("{+baseurl}").replace("%2D", "-");
    let t = t.split("{?").next().unwrap_or_default().split('?').next().unwrap_or_default();
    t.split('/').map(|s| s.split_once('(').map_or(s.to_owned(), |(name, _)| format!("{name}()"))).collect::<Vec<_>>().join("/")
}

/// The query parameters of a template's own, sorted: OData's system options (`%24…`)
/// left out (`…/calendarView?endDateTime={endDateTime}&startDateTime={startDateTime}{&%24count,…}`
/// → `endDateTime, startDateTime`; `{?%24select,includeHiddenMessages*}` → `includeHiddenMessages`),
/// nor a function's arguments that the SDK passes as parameter aliases
/// (`getAllRecordings(userId='@userId',…)` with `?userId=…`).
fn own_query(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let (path, query) = template.split_once('?').unwrap_or((template, ""));
    for part in query.split(['&', '{', '}', ',', '?']) {
        let name = part.split('=').next().unwrap_or_default().trim_end_matches('*');
        let alias = path.contains(&format!("@{name}"));
        if !name.is_empty() && !alias && !name.starts_with("%24") && name.chars().all(|c| c.is_ascii_alphanumeric()) {
            names.push(name.to_owned());
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The query parameters of its own that an imported operation file gives `template`.
fn own_query_of(file: &str, template: &str) -> Vec<String> {
    let Some(at) = file.find(&format!("      - template: \"{template}\"\n")) else { return Vec::new() };
    let mut lines = file[at..].lines().skip(1);
    let mut names = Vec::new();
    if lines.next() == Some("        query:") {
        for l in lines {
            match l.strip_prefix("          ") {
                Some(rest) if !rest.starts_with(' ') => names.push(rest.split(':').next().unwrap_or_default().trim_matches('"').to_owned()),
                Some(_) => continue,
                None => break,
            }
        }
    }
    names.sort();
    names
}

/// `/me/x/{user-id}` as the SDK folds it: `/users/{user-id}/x/{user-id1}`.
fn folded(path: &str) -> String {
    let rest = path.strip_prefix("/me").unwrap_or(path);
    let renumbered: Vec<String> = rest
        .split('/')
        .map(|s| match s.strip_prefix("{user-id").and_then(|n| n.strip_suffix('}')) {
            Some("") => "{user-id1}".to_owned(),
            Some(n) => n.parse::<u32>().map_or(s.to_owned(), |n| format!("{{user-id{}}}", n + 1)),
            None => s.to_owned(),
        })
        .collect();
    format!("/users/{{user-id}}{}", renumbered.join("/"))
}

/// Why the SDK has a path the import does not, read off the metadata by walking the path's
/// segments from the entity container.
fn why_theirs_only(csdl: &Csdl, ours: &BTreeSet<String>, path: &str) -> &'static str {
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if segs.contains(&"$value") {
        return "`$value`: a media entity's or stream property's content";
    }
    if segs.iter().any(|s| s.starts_with("graph.")) {
        return "a derived-type cast segment (`/memberOf/graph.group`)";
    }
    if ours.iter().any(|o| o.len() > path.len() && o.starts_with(path) && o.as_bytes()[path.len()] == b'/') {
        return "a request builder with no operation of its own (the metadata takes each away; the builders below it are compared on their own)";
    }
    let Some(root) = csdl.roots.iter().find(|r| r.name == segs[0]) else { return ELSEWHERE };
    let mut ty = csdl.qualify(&root.ty.name);
    if outside(&ty) {
        return OUTSIDE;
    }
    let mut collection = root.ty.collection;
    for (i, s) in segs.iter().enumerate().skip(1) {
        let last = i == segs.len() - 1;
        if s.starts_with('{') {
            collection = false;
            continue;
        }
        // Reached along the path's own segments: a `$ref` the walk gets to is one the import
        // does not write (one below a cast or a structural property is counted there).
        if *s == "$ref" {
            return "`$ref` of a navigation the import gives no reference operations";
        }
        if *s == "$count" {
            return "a `$count` a `CountRestrictions` annotation takes away (at the navigation, or on an entity set's type), which Microsoft's converter reads elsewhere";
        }
        let name = s.trim_end_matches("()");
        let bound = csdl.operations.iter().any(|o| {
            o.is_bound
                && o.name == name
                && o.parameters
                    .first()
                    .is_some_and(|b| b.ty.collection == collection && bases(csdl, &ty).contains(&csdl.qualify(&b.ty.name)))
        });
        if bound {
            return if last {
                "a bound operation the import reports as not imported (`--report` says why: a parameter or result it cannot express, an overload)"
            } else {
                "below a composable function (`range()/cell()`), which the spec format cannot address"
            };
        }
        let declaring = bases(csdl, &ty);
        let types: Vec<_> = declaring.iter().filter_map(|t| csdl.types.get(t)).collect();
        if let Some(n) = types.iter().flat_map(|t| &t.navigations).find(|n| n.name == *s) {
            ty = csdl.qualify(&n.ty.name);
            collection = n.ty.collection;
            if outside(&ty) {
                return OUTSIDE;
            }
            continue;
        }
        if types.iter().flat_map(|t| &t.properties).any(|p| p.name == *s) {
            return "a structural property's own path (`/users/{user-id}/mailboxSettings`): the converter addresses complex properties, the spec has no such operation";
        }
        let derived = csdl.types.values().filter(|t| t.is_entity && bases(csdl, &t.name).contains(&ty));
        if derived.flat_map(|t| &t.navigations).any(|n| n.name == *s) {
            return "a navigation property of a derived type taken without a cast (the converter's `ExpandDerivedTypesNavigationProperties`)";
        }
        return ELSEWHERE;
    }
    "unexplained"
}

const OUTSIDE: &str =
    "through a type outside `microsoft.graph` (`termStore`, `security`, `callRecords`, `externalConnectors`): the spec has one namespace";

/// The SDK's own metadata was another snapshot of Graph's: a segment this document does not declare.
const ELSEWHERE: &str =
    "a segment this metadata document does not declare: msgraph-sdk 1.65.0 was generated from another snapshot of Graph's metadata";

/// A type in a namespace below `microsoft.graph` (`microsoft.graph.security.alert`).
fn outside(ty: &str) -> bool {
    ty.strip_prefix("microsoft.graph.").is_none_or(|local| local.contains('.'))
}

/// `ty` and its bases, qualified.
fn bases(csdl: &Csdl, ty: &str) -> Vec<String> {
    let mut out = vec![ty.to_owned()];
    while let Some(b) = csdl.types.get(out.last().unwrap()).and_then(|t| t.base.as_ref()) {
        out.push(csdl.qualify(b));
    }
    out
}

/// The fixture's table rows under `heading`, `| cell | cell |` → cells.
fn rows(text: &str, heading: &str) -> Vec<Vec<String>> {
    let section = text.split(heading).nth(1).unwrap_or_else(|| panic!("no {heading:?} in the fixture"));
    let section = section.split("\n## ").next().unwrap_or_default();
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ---") && !l.starts_with("| reason") && !l.starts_with("| path"))
        .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().to_owned()).collect())
        .collect()
}

#[test]
fn the_imported_url_space_is_microsofts_path_by_path_but_for_the_differences_listed() {
    let templates = root().join(".cache/msgraph-sdk-v1-templates.txt");
    let theirs_text = std::fs::read_to_string(&templates).unwrap_or_else(|e| {
        panic!("{}: {e}; run scripts/setup-test-deps.sh, which reads them off msgraph-sdk 1.65.0", templates.display())
    });
    let theirs: BTreeSet<String> = theirs_text.lines().map(shape).collect();
    let theirs_query: BTreeMap<String, Vec<String>> = theirs_text.lines().map(|t| (shape(t), own_query(t))).collect();
    assert!(theirs.len() > 10_000, "{} request builders", theirs.len());

    let text = std::fs::read_to_string(root().join("tests/fixtures/graph-metadata/v1.0-cleanMetadata.xml")).unwrap();
    let csdl = sdkgen::import::csdl::parse(&text).unwrap_or_else(|e| panic!("line {}: {}", e.line, e.message));
    let import = sdkgen::import::import(&csdl, &["*".to_owned()], &Default::default(), "sdkgen import").unwrap();
    let mut ours = BTreeSet::new();
    let mut ours_query: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, template, file) in &import.planned {
        let function = import.files[file].contains("\n    kind: function\n");
        let mut path = template.clone();
        if function {
            let (head, last) = path.rsplit_once('/').unwrap();
            path = format!("{head}/{}()", last.split('(').next().unwrap());
        }
        let path = shape(&path);
        // The SDK keeps `/me/…` only where it has no `/users/{user-id}/…` twin.
        let path = if path.starts_with("/me") && !theirs.contains(&path) { folded(&path) } else { path };
        // One builder serves every method at a path (a list and a create): its query
        // parameters are all of theirs.
        {
            let names = ours_query.entry(path.clone()).or_default();
            names.extend(own_query_of(&import.files[file], template));
            names.sort();
            names.dedup();
        }
        ours.insert(path);
    }

    let fixture = std::fs::read_to_string(root().join("tests/fixtures/import/url-space.md")).unwrap();
    // Microsoft's paths the import does not write, counted by reason.
    let mut counted: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unexplained = BTreeSet::new();
    for p in theirs.difference(&ours) {
        let why = why_theirs_only(&csdl, &ours, p);
        *counted.entry(why).or_default() += 1;
        if why == "unexplained" {
            unexplained.insert(p.clone());
        }
    }
    let common = theirs.intersection(&ours).count();
    let listed: BTreeMap<String, usize> = rows(&fixture, "## Microsoft's paths the import does not write")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].parse().unwrap()))
        .collect();
    let found: BTreeMap<String, usize> = counted.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    if std::env::var_os("SDKGEN_SHOW").is_some() {
        eprintln!("{found:#?}\n{unexplained:#?}\n{:#?}", ours.difference(&theirs).collect::<Vec<_>>());
    }
    assert_eq!(found, listed, "the counts by reason (tests/fixtures/import/url-space.md) moved");
    let listed_unexplained: BTreeSet<String> =
        rows(&fixture, "## Microsoft's paths no rule explains").into_iter().map(|r| r[0].trim_matches('`').to_owned()).collect();
    assert_eq!(unexplained, listed_unexplained, "Microsoft's paths no rule explains");
    // The import's paths Microsoft's SDK does not have, each with its reason.
    let ours_only: BTreeSet<String> = ours.difference(&theirs).cloned().collect();
    let listed_ours: BTreeSet<String> = rows(&fixture, "## The import's paths Microsoft's SDK does not have")
        .into_iter()
        .map(|r| r[0].trim_matches('`').to_owned())
        .collect();
    assert_eq!(ours_only, listed_ours, "the import's paths Microsoft's SDK does not have");
    // Option by option: the query parameters of their own on each path both have.
    let mut query_differs: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (path, mine) in &ours_query {
        let Some(sdk) = theirs_query.get(path) else { continue };
        if mine != sdk {
            query_differs.insert(path.clone(), (mine.join(", "), sdk.join(", ")));
        }
    }
    let with_own = ours_query.values().filter(|q| !q.is_empty()).count();
    if std::env::var_os("SDKGEN_SHOW").is_some() {
        eprintln!("{with_own} paths with query parameters of their own; differing: {query_differs:#?}");
    }
    let listed_query: BTreeMap<String, (String, String)> = rows(&fixture, "## Query parameters of their own that differ")
        .into_iter()
        .map(|r| (r[0].trim_matches('`').to_owned(), (r[1].trim_matches('`').to_owned(), r[2].trim_matches('`').to_owned())))
        .collect();
    assert_eq!(query_differs, listed_query, "the paths whose own query parameters differ from the SDK's");
    let own = format!("{with_own} of the import's paths take query parameters of their own");
    assert!(fixture.contains(&own), "the fixture's figure is not `{own}`");
    let shares = format!("{common} of the SDK's {} paths, {} of the import's", theirs.len(), ours.len());
    assert!(fixture.contains(&shares), "the fixture's figure is not `{shares}`");
}
