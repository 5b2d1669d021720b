//! A compiled form of a validated spec in the user's cache, so that a per-request command (`snippet --http` against the whole of Graph) does not parse and check thousands of YAML files again.
//!
//! Kept beside the stamps (`$XDG_CACHE_HOME/sdkgen/models`, one file per spec directory,
//! written and read through `stamp`'s cache files: never through a link, replaced whole).
//! The file holds the digest of its inputs — this executable's identity and every spec
//! file's path and bytes, as a stamp's — then the model as JSON. Only a valid spec is
//! kept, so a spec error is always found by loading the spec itself; a file whose digest
//! differs, or that does not read back as a model, is ignored and replaced. Reading every
//! spec file to compute the digest is what it still costs: for Graph's whole v1.0 (4,087
//! files, 3.9 MB) that and reading the model back take a fraction of parsing the YAML.

use crate::diag::SpecErrors;
use crate::model::Model;
use std::path::Path;

/// The most a compiled model is read of (the whole of v1.0 is about 20 MB).
const MAX_BYTES: u64 = 1 << 30;

/// The model of the spec at `spec`: the compiled form when it is current, else the spec
/// loaded and validated (and kept for the next call).
pub fn load(spec: &Path) -> Result<Model, SpecErrors> {
    if std::env::var_os("SDKGEN_NO_MODEL_CACHE").is_some() {
        return crate::load_model(spec);
    }
    let (Some(digest), Some(file)) = (crate::stamp::inputs(spec, "model"), crate::stamp::cache_file("models", spec)) else {
        return crate::load_model(spec);
    };
    if let Some(model) = read(&file, &digest) {
        return Ok(model);
    }
    let model = crate::load_model(spec)?;
    if let Ok(json) = serde_json::to_vec(&model) {
        let mut bytes = format!("{digest}\n").into_bytes();
        bytes.extend_from_slice(&json);
        crate::stamp::write_cache_file(&file, &bytes);
    }
    Ok(model)
}

/// The model `file` holds when its digest is `digest`.
fn read(file: &Path, digest: &str) -> Option<Model> {
    let bytes = crate::stamp::read_cache_file(file, MAX_BYTES)?;
    let newline = bytes.iter().position(|b| *b == b'\n')?;
    if &bytes[..newline] != digest.as_bytes() {
        return None;
    }
    let mut model: Model = serde_json::from_slice(&bytes[newline + 1..]).ok()?;
    model.reindex();
    Some(model)
}

#[cfg(test)]
mod tests {
    /// The compiled form reads back as the very model it was made of, for every spec
    /// shipped and every golden case: nothing of the model is lost or changed on the way
    /// (a float, a typed value, an example's JSON body in its order).
    #[test]
    fn a_model_reads_back_as_it_was_written() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut specs = vec![root.join("spec"), root.join("tests/obstacle/spec.yaml")];
        for entry in std::fs::read_dir(root.join("tests/cases")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                specs.push(path);
            }
        }
        for spec in specs {
            let model = crate::load_model(&spec).unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
            let json = serde_json::to_vec(&model).unwrap();
            let mut back: crate::model::Model = serde_json::from_slice(&json).unwrap();
            back.reindex();
            assert!(back == model, "{}: the compiled model differs", spec.display());
        }
    }
}
