//! Today's generated pages and include files beside the docs repository's own (the
//! fixtures in `tests/fixtures/pages/`, each from a named commit): every feature the
//! docs pipeline relies on is the same on both, or differs with a reason in
//! `tests/fixtures/pages/deviations.md`; a row that explains nothing fails too.

use sdkgen_tests::read;
use std::collections::BTreeMap;

/// The features of a docs page that decide whether it drops into the repository, each as
/// a canonical string: front matter (keys in order, and the values the repository sets
/// per page), the beta disclaimer, the permissions include, the notes' form, each
/// request's tabs with the SDK documentation line after each include, and the closing
/// page annotation.
fn page_features(page: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let front = page.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")).map(|(f, _)| f).unwrap_or("");
    let entries: Vec<(&str, &str)> =
        front.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim(), v.trim())).collect();
    out.insert("front matter keys".into(), entries.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", "));
    for key in ["author", "ms.localizationpriority", "ms.subservice", "doc_type"] {
        let v = entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v.trim_matches('"')).unwrap_or("(none)");
        out.insert(format!("front matter {key}"), v.to_owned());
    }
    let lines: Vec<&str> = page.lines().collect();
    out.insert(
        "beta disclaimer".into(),
        if lines.contains(&"[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]") { "include" } else { "none" }.into(),
    );
    let permissions = lines.iter().position(|l| l.starts_with("[!INCLUDE [permissions-table]"));
    out.insert(
        "permissions".into(),
        match permissions {
            Some(i) => format!("{} then {}", lines[i - 1], lines[i]),
            None => "inline table".into(),
        },
    );
    let notes: Vec<&str> = lines
        .iter()
        .filter_map(|l| {
            if *l == "> [!NOTE]" {
                Some("> [!NOTE]")
            } else if l.starts_with("> **Note:**") || l.starts_with(">**Note:**") {
                Some("> **Note:**")
            } else {
                None
            }
        })
        .collect();
    let mut forms = notes.clone();
    forms.dedup();
    out.insert("note form".into(), if forms.is_empty() { "(no notes)".into() } else { forms.join(" and ") });
    // Each request block's name, then its tabs; a tab's include must be followed by the
    // SDK documentation include.
    let mut current: Option<String> = None;
    for (i, l) in lines.iter().enumerate() {
        if let Some(name) = l.trim().strip_prefix("\"name\": \"").and_then(|n| n.trim_end_matches(',').strip_suffix('"')) {
            if lines[..i].iter().rev().take(3).any(|p| p.contains("\"blockType\": \"request\"")) {
                current = Some(name.to_owned());
                out.insert(format!("tabs of {name}"), "http".into());
            }
        }
        if let (Some(name), Some(tab)) =
            (&current, l.strip_prefix("# [").and_then(|t| t.split_once("](#tab/")).map(|(_, id)| id.trim_end_matches(')')))
        {
            if tab == "http" {
                continue;
            }
            let entry = out.entry(format!("tabs of {name}")).or_default();
            entry.push_str(&format!(", {tab}"));
            let documented =
                lines.get(i + 2) == Some(&"[!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]");
            if !documented {
                entry.push_str(" (no sdk-documentation line)");
            }
        }
        if *l == "---" && i > 0 {
            current = None;
        }
    }
    let annotation = page.rfind("\"type\": \"#page.annotation\"").map(|at| {
        let start = page[..at].rfind('{').unwrap_or(at);
        let end = page[at..].find('}').map_or(page.len(), |e| at + e + 1);
        let json: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap_or(serde_json::Value::Null);
        format!("description {}", json["description"])
    });
    out.insert("page annotation".into(), annotation.unwrap_or_else(|| "(none)".into()));
    out
}

/// An include file's layout: its front matter, the fence's info string, and the blank
/// lines inside the fence, which the repository's generator writes.
fn include_features(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let front = text.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n"));
    let (front, body) = front.unwrap_or(("", text));
    let keys: Vec<&str> = front.lines().filter(|l| !l.starts_with('#')).collect();
    out.insert("front matter".into(), keys.join(" | "));
    let body = body.trim_start_matches('\n');
    let info = body.lines().next().unwrap_or("").trim_start_matches('`');
    out.insert("fence info".into(), info.to_owned());
    let inner = body.split_once('\n').map(|(_, rest)| rest).unwrap_or("");
    let inner = inner.trim_end_matches('\n').trim_end_matches('`');
    out.insert("blank line after the opening fence".into(), inner.starts_with('\n').to_string());
    out.insert("blank line before the closing fence".into(), inner.ends_with("\n\n").to_string());
    out.insert("placeholder".into(), if inner.contains("{call-id}") { "{call-id}" } else { "(none)" }.into());
    out
}

/// `(file, feature) → reason` from the deviations table.
fn deviations() -> BTreeMap<(String, String), String> {
    read("tests/fixtures/pages/deviations.md")
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 3, "a deviation row has file, feature and reason: {l}");
            ((cells[0].trim_matches('`').to_owned(), cells[1].to_owned()), cells[2].to_owned())
        })
        .collect()
}

fn compare(
    file: &str,
    ours: &BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
    rows: &BTreeMap<(String, String), String>,
    used: &mut Vec<(String, String)>,
    failures: &mut Vec<String>,
) {
    let keys: std::collections::BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
    for key in keys {
        let (a, b) = (ours.get(key).map_or("(missing)", String::as_str), theirs.get(key).map_or("(missing)", String::as_str));
        let row = (file.to_owned(), key.clone());
        match (a == b, rows.contains_key(&row)) {
            (true, true) => failures.push(format!("{file}: `{key}` is the same on both ({a}), yet the table has a row for it")),
            (false, false) => failures.push(format!("{file}: `{key}` differs and the table has no row:\n  ours:   {a}\n  theirs: {b}")),
            (false, true) => used.push(row),
            (true, false) => {}
        }
    }
}

#[test]
fn pages_and_includes_match_the_docs_repository_but_for_the_listed_deviations() {
    let rows = deviations();
    let mut used = Vec::new();
    let mut failures = Vec::new();
    let mut pages = 0;
    for entry in std::fs::read_dir(sdkgen_tests::root().join("tests/fixtures/pages")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(page) = name.strip_suffix(".md").filter(|p| *p != "README" && *p != "deviations") else { continue };
        let theirs = page_features(&read(&format!("tests/fixtures/pages/{name}")));
        let ours = page_features(&read(&format!("generated/docs/api/{page}.md")));
        compare(&name, &ours, &theirs, &rows, &mut used, &mut failures);
        pages += 1;
    }
    let mut includes = 0;
    for language in ["cli", "csharp"] {
        let dir = sdkgen_tests::root().join("tests/fixtures/pages/includes").join(language);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let theirs = include_features(&read(&format!("tests/fixtures/pages/includes/{language}/{name}")));
            let ours = include_features(&read(&format!("generated/docs/includes/snippets/{language}/{name}")));
            compare(&format!("includes/{language}/{name}"), &ours, &theirs, &rows, &mut used, &mut failures);
            includes += 1;
        }
    }
    for row in rows.keys().filter(|r| !used.contains(r)) {
        failures.push(format!("the row for {} `{}` names nothing that differs", row.0, row.1));
    }
    // Every page of the spec is compared with the repository's own.
    for action in &sdkgen_tests::shipped_model().actions {
        let page = format!("tests/fixtures/pages/{}.md", action.page_name());
        assert!(sdkgen_tests::root().join(&page).is_file(), "{page}: no fixture for this page of the spec");
    }
    assert!(pages >= 26 && includes >= 2, "only {pages} pages and {includes} includes compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The extractor sees what it claims to: fed a page without the drop-in features, it
/// reports each one missing.
#[test]
fn the_feature_extractor_notices_a_page_that_would_not_drop_in() {
    let good = page_features(&read("generated/docs/api/call-mute.md"));
    let bad_text = read("generated/docs/api/call-mute.md")
        .replace("[!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]\n", "")
        .replace("ms.subservice: \"cloud-communications\"\n", "")
        .replace("[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]", "")
        .replace("\"type\": \"#page.annotation\"", "\"type\": \"none\"");
    let bad = page_features(&bad_text);
    for key in ["front matter ms.subservice", "beta disclaimer", "tabs of call-mute", "page annotation"] {
        assert_ne!(good.get(key), bad.get(key), "{key}");
    }
    assert!(bad["tabs of call-mute"].contains("(no sdk-documentation line)"));
}
