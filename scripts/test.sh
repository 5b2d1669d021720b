#!/usr/bin/env bash
# Every test of the project, from a fresh clone: installs what the tests need (pinned,
# cached in ignored folders under the repo), then runs them. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== lint: the whole workspace, generated crate included, warnings denied"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== generated/ matches spec/ + templates/"
cargo run -q --locked -p sdkgen -- check

echo "== tests"
cargo test --workspace --locked
