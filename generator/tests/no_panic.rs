//! No input makes sdkgen panic: the shipped spec, cut and corrupted many ways, only ever
//! yields a model or spec errors.

use std::path::Path;

fn spec_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let mut out = Vec::new();
    for f in sdkgen::spec::spec_files(&dir).unwrap() {
        let rel = f.strip_prefix(&dir).unwrap().to_str().unwrap().to_owned();
        out.push((rel, std::fs::read_to_string(&f).unwrap()));
    }
    out
}

/// Loads `files` from a fresh directory; rendering and generating too, as the CLI does.
fn run(dir: &Path, files: &[(String, String)]) {
    let _ = std::fs::remove_dir_all(dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    match sdkgen::load_model(dir) {
        Ok(model) => {
            sdkgen::generate(&model);
        }
        Err(e) => {
            let shown = e.render();
            assert!(shown.contains("error:"), "errors render: {shown}");
        }
    }
}

/// A small deterministic generator, so a failure reproduces.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn mutated_specs_never_panic() {
    let files = spec_files();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("spec");
    let mut rng = Lcg(0x5eed);
    let replacements = ["", "\n", ":", "- ", "{", "[", "\"", "'", "  ", "\t", "#", "&a", "*a", "!!str ", "~", "é", "{id}", "?"];
    for (i, (_, text)) in files.iter().enumerate() {
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        // Truncations: every prefix on a 17-character stride.
        for &cut in bytes.iter().step_by(17) {
            let mut f = files.clone();
            f[i].1 = text[..cut].to_owned();
            let result = std::panic::catch_unwind(|| run(&dir, &f));
            assert!(result.is_ok(), "panicked on file {} cut at byte {cut}", f[i].0);
        }
        // Random local edits.
        for _ in 0..300 {
            let at = bytes[rng.next(bytes.len())];
            let len = rng.next(8);
            let end = text[at..].char_indices().nth(len).map(|(b, _)| at + b).unwrap_or(text.len());
            let with = replacements[rng.next(replacements.len())];
            let mut f = files.clone();
            f[i].1 = format!("{}{with}{}", &text[..at], &text[end..]);
            let result = std::panic::catch_unwind(|| run(&dir, &f));
            assert!(result.is_ok(), "panicked on file {} replacing {at}..{end} with {with:?}", f[i].0);
        }
    }
}
