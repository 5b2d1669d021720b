#!/usr/bin/env bash
# Real inputs at real scale: Graph v1.0's whole metadata (tests/fixtures/graph-metadata/)
# through `import csdl --select '*'`, `check`, a fresh `generate` (every language, style
# and docs page) and `snippet --http` of one request; then the communications area alone (the entity types `communications`
# contains) imported, generated with a vendored runtime, and its Rust crate built from
# cold; the whole of v1.0's crate type-checked from cold. Wall and CPU seconds, peak
# memory, files and bytes. Release build.
# Usage: bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --locked -p sdkgen
bin=$PWD/target/release/sdkgen
meta=$PWD/tests/fixtures/graph-metadata/v1.0-cleanMetadata.xml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run LABEL CMD…: runs CMD under /usr/bin/time; sets wall, cpu (user+sys) and mb.
run() {
  local label=$1; shift
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
    echo "$label failed:" >&2; tail -20 "$work/err" >&2; exit 1
  fi
  read -r wall user sys kb <"$work/time"
  cpu=$(echo "$user + $sys" | bc)
  mb=$((kb / 1024))
}
line() { printf '%-44s %9s %9s %8s   %s\n' "$1" "$wall" "$cpu" "$mb" "${2:-}"; }
printf '%-44s %9s %9s %8s   %s\n' step wall_s cpu_s peak_MB note

run import "$bin" import csdl "$meta" --select '*' --out "$work/v1"
line "import csdl --select '*' (whole v1.0)" "$(tail -1 "$work/err" | sed 's/^sdkgen: //')"
# `check` exits 1 when the output is stale, as it is before the first generate.
run check bash -c '"$0" check -q --spec "$1" --out "$2" >/dev/null; [ $? -le 1 ]' "$bin" "$work/v1" "$work/v1-out"
line "check (validates, renders, compares)"
run generate "$bin" generate -q --spec "$work/v1" --out "$work/v1-out"
line "generate (fresh)" "$(find "$work/v1-out" -type f | wc -l) files, $(du -sm "$work/v1-out" | cut -f1) MB"

# One request of a reference page against that whole spec, as a docs pipeline runs it per
# request block: the first call compiles the model into the cache, later ones read it back.
printf 'GET https://graph.microsoft.com/v1.0/me/messages?$select=sender,subject\nConsistencyLevel: eventual\n' >"$work/r.http"
export XDG_CACHE_HOME="$work/cache"
run snippet-first "$bin" snippet --lang go --http "$work/r.http" --spec "$work/v1"
line "snippet --http (first call: compiles)"
run snippet-later "$bin" snippet --lang go --http "$work/r.http" --spec "$work/v1"
line "snippet --http (later calls: compiled)"
run snippet-uncached env SDKGEN_NO_MODEL_CACHE=1 "$bin" snippet --lang go --http "$work/r.http" --spec "$work/v1"
line "snippet --http (no compiled model)"

# The communications area: `communications` and every entity type it contains.
area=(cloudCommunications call participant onlineMeeting presence adhocCall audioRoutingGroup commsOperation contentSharingSession)
sel=(); for t in "${area[@]}"; do sel+=(--select "$t"); done
mkdir -p "$work/comm"
printf 'spec = "spec"\nout = "out"\nruntime = "vendored"\ncrate_name = "graph-communications"\n' >"$work/comm/sdkgen.toml"
run import-area "$bin" import csdl "$meta" "${sel[@]}" --out "$work/comm/spec"
line "import csdl (communications area)" "$(tail -1 "$work/err" | sed 's/^sdkgen: //')"
run generate-area "$bin" generate -q --config "$work/comm/sdkgen.toml" --rust
line "generate --rust (communications area)"
run build-area env CARGO_TARGET_DIR="$work/comm/target" CARGO_PROFILE_DEV_DEBUG=false cargo build -q --offline --manifest-path "$work/comm/out/rust/Cargo.toml"
line "cargo build of its crate (cold, dev)" "$(grep -c 'pub async fn' "$work/comm/out/rust/src/client.rs") methods, $(grep -c '^pub struct\|^pub enum' "$work/comm/out/rust/src/models.rs") types"

# The whole of v1.0's Rust crate: type-checked from cold (its dependencies included).
printf 'spec = "../v1"\nout = "out"\nruntime = "vendored"\ncrate_name = "graph-v1"\n' >"$work/v1rs.toml"
mkdir -p "$work/v1rs" && mv "$work/v1rs.toml" "$work/v1rs/sdkgen.toml"
run generate-v1-rust "$bin" generate -q --config "$work/v1rs/sdkgen.toml" --rust
line "generate --rust (whole v1.0)" "$(grep -c 'pub async fn' "$work/v1rs/out/rust/src/client.rs") methods"
run check-v1 env CARGO_TARGET_DIR="$work/v1rs/target" cargo check -q --offline --manifest-path "$work/v1rs/out/rust/Cargo.toml"
line "cargo check of its crate (cold)" "$(grep -c '^pub struct\|^pub enum' "$work/v1rs/out/rust/src/models.rs") types and enums"
