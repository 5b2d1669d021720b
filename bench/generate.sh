#!/usr/bin/env bash
# Times `sdkgen generate` on the shipped spec as a whole process (release build), writing
# every file into an empty directory each run: the worst case a user sees.
# Usage: bench/generate.sh [runs]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
cargo build --release -q -p sdkgen
bin=target/release/sdkgen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" generate --out "$tmp/warm" 2>/dev/null
times=()
for i in $(seq "$runs"); do
  out="$tmp/run$i"
  start=$(date +%s%N)
  "$bin" generate --out "$out" 2>/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
  { t[NR] = $1; sum += $1 }
  END {
    printf "sdkgen generate, %d runs, microseconds: min %d  median %d  mean %d  max %d\n",
      runs, t[1], t[int((NR + 1) / 2)], sum / NR, t[NR]
  }'
