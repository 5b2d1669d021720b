#!/usr/bin/env bash
# sdkgen at scale, side by side with cargo-progenitor in the same run, on the same
# reject-shaped synthetic operations (bench/synth_sdkgen.py and bench/synth_openapi.py):
# a fresh `generate` into an empty directory (every language, style and docs page), the
# same run again with nothing to change, `check`, a plain `cp -r` of the output tree (the
# file system's floor), the Rust client alone (`generate --rust`), and cargo-progenitor's
# client of the same operations. Wall and CPU seconds, peak memory, files and bytes.
# Usage: bench/scale.sh [N...]   (default: 1 1000 10000; release build)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 1000 10000)
cargo build --release -q --locked -p sdkgen
bin=$PWD/target/release/sdkgen
prog=$PWD/.cache/bench/progenitor/bin/cargo-progenitor
if [ ! -x "$prog" ]; then
  CARGO_TARGET_DIR=$PWD/target/bench-progenitor cargo install -q cargo-progenitor --version 0.15.1 --locked --root .cache/bench/progenitor
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run LABEL CMD…: runs CMD under /usr/bin/time; sets wall, cpu (user+sys) and mb.
run() {
  local label=$1; shift
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
    echo "$label failed:" >&2; cat "$work/err" >&2; exit 1
  fi
  read -r wall user sys kb <"$work/time"
  cpu=$(echo "$user + $sys" | bc)
  mb=$((kb / 1024))
}

printf '%-7s %-28s %9s %9s %8s   %s\n' N step wall_s cpu_s peak_MB note
for n in "${sizes[@]}"; do
  python3 bench/synth_sdkgen.py "$n" "$work/spec-$n" >/dev/null
  python3 bench/synth_openapi.py "$n" >"$work/openapi-$n.yaml"
  line() { printf '%-7s %-28s %9s %9s %8s   %s\n' "$n" "$1" "$wall" "$cpu" "$mb" "${2:-}"; }

  run generate "$bin" generate -q --spec "$work/spec-$n" --out "$work/out-$n"
  fresh=$wall
  files=$(find "$work/out-$n" -type f | wc -l)
  bytes=$(du -sb --apparent-size "$work/out-$n" | cut -f1)
  line "generate (fresh)" "$files files, $((bytes / 1000000)) MB; $(echo "scale=1; $wall * 1000000 / $n" | bc) µs/operation"
  run again "$bin" generate -q --spec "$work/spec-$n" --out "$work/out-$n"
  rel() { [ "$(echo "$fresh > 0" | bc)" = 1 ] && echo "$(echo "scale=2; $wall / $fresh" | bc)× the fresh run" || echo "too fast to compare"; }
  line "generate (nothing changed)" "$(rel)"
  run check "$bin" check -q --spec "$work/spec-$n" --out "$work/out-$n"
  line "check" "$(rel)"
  sync
  run cp cp -r "$work/out-$n" "$work/copy-$n"
  ratio=$(echo "$wall > 0" | bc)
  [ "$ratio" = 1 ] && ratio="fresh generate is $(echo "scale=2; $fresh / $wall" | bc)× this" || ratio="too fast to compare"
  line "cp -r of the output" "$ratio"
  rm -rf "$work/copy-$n" "$work/out-$n"

  run rust "$bin" generate -q --rust --spec "$work/spec-$n" --out "$work/rust-$n"
  line "generate --rust" "$(wc -c <"$work/rust-$n/rust/src/client.rs") bytes of client.rs"
  run progenitor "$prog" progenitor -i "$work/openapi-$n.yaml" -o "$work/progenitor-$n" -n synth -v 0.1.0
  line "cargo-progenitor 0.15.1" "$(wc -c <"$work/progenitor-$n/src/lib.rs") bytes of lib.rs"
  rm -rf "$work/rust-$n" "$work/progenitor-$n" "$work/spec-$n" "$work/openapi-$n.yaml"
done
