"""Bounded load on a running `sdkgen serve`: N requests from C client threads, each on its
own keep-alive connection, alternating the reject example in every language (and one
request in ten the spec does not describe, answered 400). Prints latency percentiles,
throughput, and the server's resident memory after the first and the last thousand
requests and at its peak (from /proc/PID/status).

Usage: serve_load.py HOST:PORT PID [N=10000] [C=32]
"""
import http.client
import sys
import threading
import time

addr, pid = sys.argv[1], sys.argv[2]
total = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 32
host, port = addr.split(":")
good = b"POST https://graph.microsoft.com/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject\nContent-Type: application/json\n\n{\n  \"reason\": \"busy\"\n}\n"
bad = b"POST /communications/calls/x/reject\n\n{\"reason\": \"sleepy\"}\n"
langs = ["http", "csharp", "javascript", "objc", "java", "go", "powershell", "python"]


def rss(field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) // 1024
    return 0


lock = threading.Lock()
issued = 0
latencies = []
failures = []
rss_at = {}


def worker():
    global issued
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    while True:
        with lock:
            if issued >= total:
                break
            n = issued
            issued += 1
        body, want = (bad, 400) if n % 10 == 9 else (good, 200)
        start = time.perf_counter()
        conn.request("POST", f"/?lang={langs[n % len(langs)]}", body=body, headers={"Content-Type": "application/http"})
        resp = conn.getresponse()
        text = resp.read()
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            if resp.status != want or not text:
                failures.append((n, resp.status))
            done = len(latencies)
            if done % 1000 == 0:
                rss_at[done] = rss("VmRSS")
    conn.close()


began = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - began
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000
print(f"requests {len(latencies)}  clients {clients}  failures {len(failures)}")
print(f"latency ms: p50 {pct(50):.2f}  p90 {pct(90):.2f}  p99 {pct(99):.2f}  max {latencies[-1] * 1000:.2f}")
print(f"throughput {len(latencies) / wall:.0f} requests/s over {wall:.1f} s")
marks = sorted(rss_at)
every = "  ".join(f"{m // 1000}k:{rss_at[m]}" for m in marks if m % max(1000, total // 10) == 0 or m == 1000)
print(f"server RSS MB by requests served: {every}  peak {rss('VmHWM')}")
sys.exit(1 if failures else 0)
