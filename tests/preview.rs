//! The standalone HTML preview in headless Chromium: every language tab of every example
//! shows that language's snippet when clicked. A screenshot of each page lands in
//! tests/artifacts/preview-*.

use sdkgen::emit::docs::{Edition, EDITIONS};
use sdkgen::emit::snippets::{render, ExampleView};
use std::process::Command;

#[test]
fn tabs_switch_to_each_languages_snippet_in_chromium() {
    assert!(
        std::path::Path::new("/usr/bin/chromium").is_file(),
        "/usr/bin/chromium is missing: run scripts/test.sh, which installs Debian's chromium"
    );
    let model = sdkgen_tests::shipped_model();
    // Every page of both editions in one driver run: one node process, one browser.
    let mut jobs = Vec::new();
    let mut pages = Vec::new();
    for edition in EDITIONS {
        for action in &model.actions {
            let out = sdkgen_tests::scratch(&format!("preview-{}-{}", edition.style.id(), action.page_name()));
            jobs.push(job(&edition, &model, action, &out));
            pages.push(out);
        }
    }
    let list = sdkgen_tests::write(&sdkgen_tests::scratch("preview"), "jobs.json", &serde_json::Value::Array(jobs).to_string());
    let (ok, stdout, stderr) = sdkgen_tests::run(
        Command::new(sdkgen_tests::tool("node"))
            .arg(sdkgen_tests::root().join("tests/js/preview.cjs"))
            .arg(&list)
            .env("NODE_PATH", sdkgen_tests::node_modules()),
    );
    let report: serde_json::Value =
        serde_json::from_str(stdout.trim()).unwrap_or_else(|_| panic!("the driver reports JSON; it printed:\n{stdout}\n{stderr}"));
    let reports = report["pages"].as_array().expect("a report per page");
    assert_eq!(reports.len(), pages.len(), "{report}");
    for (out, page) in pages.iter().zip(reports) {
        assert_eq!(page["failures"], serde_json::json!([]), "{}: the preview failed in Chromium", page["html"]);
        check_screenshot(out, page);
    }
    assert!(ok, "{stderr}");
}

/// The driver's job for one page: the preview, the snippet each tab must show, where its
/// screenshots go.
fn job(edition: &Edition, model: &sdkgen::model::Model, action: &sdkgen::model::Action, out: &std::path::Path) -> serde_json::Value {
    let examples: Vec<serde_json::Value> = action
        .examples
        .iter()
        .enumerate()
        .map(|(i, ex)| {
            let view = ExampleView::new(model, action, ex);
            let tabs: serde_json::Map<String, serde_json::Value> = edition
                .tabs(action, ex)
                .into_iter()
                .map(|l| (l.id().to_owned(), serde_json::Value::String(render(&view, l, edition.style))))
                .collect();
            serde_json::json!({"id": format!("example-{}", i + 1), "tabs": tabs})
        })
        .collect();
    let expected = sdkgen_tests::write(out, "expected.json", &serde_json::json!({"examples": examples}).to_string());
    let html = sdkgen_tests::root().join("generated").join(edition.preview_path(action));
    serde_json::json!({"html": html, "expected": expected, "out": out})
}

fn check_screenshot(out: &std::path::Path, page: &serde_json::Value) {
    assert_eq!(page["screenshots"], 1, "{page}");
    let shot = out.join("page.png");
    let bytes = std::fs::read(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 1000, "{} is not a screenshot", shot.display());
}
