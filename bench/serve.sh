#!/usr/bin/env bash
# `sdkgen serve` under a bounded load on 127.0.0.1 (bench/serve_load.py), every language,
# one in ten a 400, release build: N requests from 32 and from 256 concurrent keep-alive
# clients, then N from 32 while 300 slowloris connections trickle heads (the service's
# header timeout cuts them off; they are reopened). Usage: bench/serve.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --locked -p sdkgen
log=$(mktemp)
target/release/sdkgen serve --addr 127.0.0.1:0 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q 'serving' "$log" && break; sleep 0.05; done
addr=$(grep -o '127.0.0.1:[0-9]*' "$log" | head -1)
n=${1:-10000}
echo "== 32 clients"; python3 bench/serve_load.py "$addr" "$pid" "$n" 32
echo "== 256 clients"; python3 bench/serve_load.py "$addr" "$pid" "$n" 256
echo "== 32 clients, 300 slow connections"; python3 bench/serve_load.py "$addr" "$pid" "$n" 32 300
kill -TERM $pid
wait $pid
echo "stopped on SIGTERM with status $?"
