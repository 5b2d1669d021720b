#!/usr/bin/env bash
# Type-checks and lints the generator, the runtime and a generated crate for macOS and
# Windows (`cargo clippy --target … -D warnings`), which is where an OS-only call that
# escaped `generator/src/platform.rs` shows. Needs the two targets' standard libraries
# (`rustup target add`, from static.rust-lang.org), so it is not part of scripts/test.sh,
# whose hosts are crates.io and the package registries only. A C compiler for those
# systems is not needed: `cargo check` never links, so mimalloc's C sources are handed to
# a stand-in that writes empty objects (scripts/fakecc/cc); what this proves is the Rust.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(x86_64-apple-darwin x86_64-pc-windows-gnu)
rustup target add "${targets[@]}"
for t in "${targets[@]}"; do
  echo "== $t"
  env "CC_$t=$PWD/scripts/fakecc/cc" "AR_$t=ar" \
    cargo clippy --locked -q -p sdkgen -p sdkgen-runtime -p graph-beta --target "$t" -- -D warnings
done
echo "check-other-os: clean on ${targets[*]}"
