//! The standalone HTML preview in headless Chromium: every language tab of every example
//! shows that language's snippet when clicked. Screenshots land in tests/artifacts/preview-*.

use sdkgen::emit::docs::{Edition, EDITIONS};
use sdkgen::emit::snippets::{render, ExampleView};
use std::process::Command;

#[test]
fn tabs_switch_to_each_languages_snippet_in_chromium() {
    for edition in EDITIONS {
        check_edition(&edition);
    }
}

fn check_edition(edition: &Edition) {
    assert!(
        std::path::Path::new("/usr/bin/chromium").is_file(),
        "/usr/bin/chromium is missing: run scripts/test.sh, which installs Debian's chromium"
    );
    let model = sdkgen_tests::shipped_model();
    for action in &model.actions {
        check_page(edition, &model, action);
    }
}

fn check_page(edition: &Edition, model: &sdkgen::model::Model, action: &sdkgen::model::Action) {
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
    let out = sdkgen_tests::scratch(&format!("preview-{}", action.page_name()));
    let expected = sdkgen_tests::write(&out, "expected.json", &serde_json::json!({"examples": examples}).to_string());
    let html = sdkgen_tests::root().join("generated").join(edition.preview_path(action));
    let (ok, stdout, stderr) = sdkgen_tests::run(
        Command::new(sdkgen_tests::tool("node"))
            .arg(sdkgen_tests::root().join("tests/js/preview.cjs"))
            .arg(&html)
            .arg(&expected)
            .arg(&out)
            .env("NODE_PATH", sdkgen_tests::node_modules()),
    );
    assert!(ok, "the preview failed in Chromium:\n{stdout}\n{stderr}");
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).expect("the driver reports JSON");
    let shots: usize = action.examples.iter().map(|ex| edition.tabs(action, ex).len()).sum();
    assert_eq!(report["screenshots"], shots + 1, "{report}");
    for (i, ex) in action.examples.iter().enumerate() {
        let i = i + 1;
        for l in edition.tabs(action, ex) {
            let shot = out.join(format!("example-{i}-{}.png", l.id()));
            let bytes = std::fs::read(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
            assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 1000, "{} is not a screenshot", shot.display());
        }
    }
}
