#!/usr/bin/env bash
# Times sdkgen (release build) on small specs built to blow up naive validation: a deep
# inheritance chain (at the depth limit, and far past it), a wide enum, and an enum whose
# members all fold to one identifier. Prints wall time and peak memory of each run.
# Usage: bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p sdkgen
bin=$PWD/target/release/sdkgen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

api='sdkgen: 1
api: {title: T, version: beta, namespace: t.ns, baseUrl: "https://example.com/beta"}'

chain() {   # chain DEPTH PROPS: t0 <- t1 <- … each with PROPS properties of its own
  echo "$api"; echo "types:"
  for ((i = 0; i < $1; i++)); do
    echo "  t$i:"; [ "$i" -gt 0 ] && echo "    base: t$((i - 1))"
    echo "    properties:"
    for ((p = 0; p < $2; p++)); do echo "      p${i}x$p: {type: String}"; done
  done
}

enum() {    # enum N STYLE: N members, distinct (m0, m1, …) or folding to one identifier
  echo "$api"; echo "enums:"; echo "  e:"; echo "    members:"
  for ((i = 0; i < $1; i++)); do
    if [ "$2" = distinct ]; then echo "      m$i: {}"; else printf '      "%s": {}\n' "$(printf 'x%*s' "$((i % 50))" '' | tr ' ' '_')$(printf '%*s' "$((i / 50))" '' | tr ' ' '-')"; fi
  done
}

measure() {  # measure NAME FILE
  local size; size=$(wc -c < "$2")
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" generate --spec "$2" --out "$tmp/out-$1" >/dev/null 2>"$tmp/err" && status=0 || status=$?
  read -r secs kb < <(tail -n 1 "$tmp/time")
  printf '%-34s %8s bytes  exit %d  %6.2f s  %7.1f MB peak\n' "$1" "$size" "$status" "$secs" "$(echo "$kb / 1024" | bc -l)"
}

chain 32 20 > "$tmp/chain32.yaml";       measure "chain of 32 types x 20 properties" "$tmp/chain32.yaml"
chain 1000 1 > "$tmp/chain1000.yaml";    measure "chain of 1,000 types (refused)" "$tmp/chain1000.yaml"
chain 2000 1 > "$tmp/chain2000.yaml";    measure "chain of 2,000 types (refused)" "$tmp/chain2000.yaml"
enum 20000 distinct > "$tmp/enum.yaml";  measure "enum of 20,000 members" "$tmp/enum.yaml"
enum 20000 fold > "$tmp/fold.yaml";      measure "20,000 members, one identifier (refused)" "$tmp/fold.yaml"
