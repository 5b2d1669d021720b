#!/usr/bin/env bash
# Times `sdkgen generate` (release build) as a whole process on the one-operation starter
# spec (`generator/starter/`, what `sdkgen init` writes) and on the shipped spec: fresh (an
# empty output directory each run) and with nothing to change (the same directory again,
# where the stamp lets a run check instead of generate). A shortcut must cost less than
# it saves at every size. Prints the median and minimum of each, in milliseconds.
# Usage: bench/small.sh [runs] [sdkgen binary]   (default 30, target/release/sdkgen)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
bin=${2:-}
if [ -z "$bin" ]; then
  cargo build --release -q --locked -p sdkgen
  bin=$PWD/target/release/sdkgen
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/starter" && cp generator/starter/*.yaml "$tmp/starter/"
export XDG_CACHE_HOME="$tmp/cache"

# time_runs LABEL SPEC MODE: MODE fresh writes into a new directory each run, same into one.
time_runs() {
  local label=$1 spec=$2 mode=$3 times=()
  "$bin" generate --spec "$spec" --out "$tmp/same-$label" -q
  for i in $(seq "$runs"); do
    local out="$tmp/same-$label"
    [ "$mode" = fresh ] && out="$tmp/$label-$i"
    local start end
    start=$(date +%s%N)
    "$bin" generate --spec "$spec" --out "$out" -q
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" -v m="$mode" '
    { t[NR] = $1 } END { printf "%-8s %-6s median %6.1f ms  min %6.1f ms\n", l, m, t[int((NR + 1) / 2)] / 1000, t[1] / 1000 }'
}
time_runs starter "$tmp/starter" fresh
time_runs starter "$tmp/starter" same
time_runs shipped spec fresh
time_runs shipped spec same
