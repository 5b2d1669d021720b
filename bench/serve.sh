#!/usr/bin/env bash
# `sdkgen serve` under a bounded load on 127.0.0.1 (bench/serve_load.py): 10,000 requests
# from 32 concurrent keep-alive clients, every language, one in ten a 400. Release build.
# Usage: bench/serve.sh [N] [C]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --locked -p sdkgen
log=$(mktemp)
target/release/sdkgen serve --addr 127.0.0.1:0 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q 'serving' "$log" && break; sleep 0.05; done
addr=$(grep -o '127.0.0.1:[0-9]*' "$log" | head -1)
python3 bench/serve_load.py "$addr" "$pid" "${1:-10000}" "${2:-32}"
kill -TERM $pid
wait $pid
echo "stopped on SIGTERM with status $?"
