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
/// A model equal to one in `generated` is not generated again: generation is a function
/// of the model, so its outcome is known (most edits land in comments and blank space and
/// load to the model they started from).
fn run(dir: &Path, files: &[(String, String)], generated: &std::sync::Mutex<Vec<sdkgen::model::Model>>) {
    let _ = std::fs::remove_dir_all(dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    match sdkgen::load_model(dir) {
        Ok(model) => {
            if generated.lock().unwrap().contains(&model) {
                return;
            }
            sdkgen::generate(&model);
            generated.lock().unwrap().push(model);
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

/// Mutates one spec file (cut at many points, then edited at random), in a spec of
/// itself and what it needs: an action file stands alone beside the api and type files,
/// so the cost stays linear as the spec grows.
fn mutate(all: &[(String, String)], name: &str, text: &str, seed: u64) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("spec");
    let mut rng = Lcg(seed);
    let replacements = ["", "\n", ":", "- ", "{", "[", "\"", "'", "  ", "\t", "#", "&a", "*a", "!!str ", "~", "é", "{id}", "?"];
    let shared = |rel: &str| !rel.starts_with("actions/") || rel == "actions/call-reject.yaml";
    let files: Vec<(String, String)> = all.iter().filter(|(rel, _)| rel == name || shared(rel)).cloned().collect();
    let i = files.iter().position(|(rel, _)| rel == name).unwrap();
    let generated = std::sync::Mutex::new(Vec::new());
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    // Truncations: about 120 prefixes per file, never further apart than 17 characters
    // in a file of up to 2,000.
    for &cut in bytes.iter().step_by((bytes.len() / 120).max(17)) {
        let mut f = files.clone();
        f[i].1 = text[..cut].to_owned();
        let result = std::panic::catch_unwind(|| run(&dir, &f, &generated));
        assert!(result.is_ok(), "panicked on file {} cut at byte {cut}", f[i].0);
    }
    // Random local edits.
    for _ in 0..150 {
        let at = bytes[rng.next(bytes.len())];
        let len = rng.next(8);
        let end = text[at..].char_indices().nth(len).map(|(b, _)| at + b).unwrap_or(text.len());
        let with = replacements[rng.next(replacements.len())];
        let mut f = files.clone();
        f[i].1 = format!("{}{with}{}", &text[..at], &text[end..]);
        let result = std::panic::catch_unwind(|| run(&dir, &f, &generated));
        assert!(result.is_ok(), "panicked on file {} replacing {at}..{end} with {with:?}", f[i].0);
    }
}

#[test]
fn mutated_specs_never_panic() {
    let all = spec_files();
    assert!(all.len() > 3, "the spec has its api, type and action files");
    // Two workers (the machine's cores), each file with its own seed so a failure
    // reproduces whatever the schedule.
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some((name, text)) = all.get(k) else { break };
                mutate(&all, name, text, 0x5eed + k as u64);
            });
        }
    });
}
