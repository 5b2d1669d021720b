#!/usr/bin/env bash
# Every test of the project, from a fresh clone: installs what the tests need (pinned,
# cached in ignored folders under the repo), then runs them. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# One build per run: incremental state would only add gigabytes to target/.
export CARGO_INCREMENTAL=0

rm -rf tests/artifacts   # screenshots and scratch files of the previous run

echo "== set-up: pinned npm packages, chromium"
scripts/setup-test-deps.sh

echo "== lint: formatting (generated crates carry rustfmt.toml: sdkgen formats them), then clippy"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== docs: rustdoc over the workspace (generated crates included) with warnings denied"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked -q

echo "== generated/ matches spec/ + templates/ (shipped spec and obstacle course)"
cargo run -q --locked -p sdkgen -- check
cargo run -q --locked -p sdkgen -- check --config tests/obstacle/sdkgen.toml

echo "== tests"
cargo test --workspace --locked
