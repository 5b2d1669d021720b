//! Generates the Graph client from the repository's spec at build time: sdkgen's
//! `build.rs` mode, beside the static crate `sdkgen generate` writes.

use std::path::{Path, PathBuf};

fn main() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec");
    println!("cargo:rerun-if-changed={}", spec.display());
    // A spec error fails the build with sdkgen's located messages.
    let model = sdkgen::load_model(&spec).unwrap_or_else(|errors| panic!("the spec has errors:\n{errors}"));
    let settings = sdkgen::Settings {
        regenerate: "cargo build (build.rs)".into(),
        // The generated docs' examples name the crate they are in.
        crate_name: std::env::var("CARGO_PKG_NAME").ok(),
        ..sdkgen::Settings::default()
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("graph.rs"), sdkgen::emit::rust::module_source(&model, &settings)).expect("OUT_DIR is writable");
}
