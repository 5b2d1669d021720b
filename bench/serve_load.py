"""Bounded load on a running `sdkgen serve`: N requests from C client threads, each on its
own keep-alive connection, alternating the reject example in every language (and one
request in ten the spec does not describe, answered 400). Prints latency percentiles,
throughput, the server's resident memory each second of the run, three seconds after it
and at its peak (from /proc/PID/status).

With SLOW > 0, as many slowloris connections trickle a request head a byte every half
second for the whole run (each one the service cuts off is opened again), so the figures
say whether normal clients are still answered while hundreds of connections are held.

Usage: serve_load.py HOST:PORT PID [N=10000] [C=32] [SLOW=0]
"""
import http.client
import socket
import sys
import threading
import time

addr, pid = sys.argv[1], sys.argv[2]
total = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 32
slow = int(sys.argv[5]) if len(sys.argv) > 5 else 0
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
busy = []
rss_by_second = []
running = True
cut_off = 0


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
            if resp.status == 503 and resp.getheader("Retry-After"):
                busy.append(n)
            elif resp.status != want or not text:
                failures.append((n, resp.status))
    conn.close()


def monitor():
    while running:
        time.sleep(1)
        rss_by_second.append(rss("VmRSS"))


def slowloris():
    """SLOW connections, each sent one more byte of a head that never ends, every 0.5 s."""
    global cut_off
    head = b"POST /?lang=go HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100000

    def opened():
        s = socket.create_connection((host, int(port)))
        s.setblocking(False)
        return [s, 0]

    conns = [opened() for _ in range(slow)]
    while running:
        for c in conns:
            try:
                c[0].send(head[c[1] : c[1] + 1])
                c[1] += 1
                if c[0].recv(1, socket.MSG_PEEK) == b"":
                    raise ConnectionError
            except BlockingIOError:
                pass
            except OSError:
                cut_off += 1
                c[0].close()
                c[0], c[1] = opened()
        time.sleep(0.5)
    for c in conns:
        c[0].close()


side = [threading.Thread(target=monitor)]
if slow:
    side.append(threading.Thread(target=slowloris))
for t in side:
    t.start()
if slow:
    time.sleep(2)  # the slow connections are all open before the load starts
began = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - began
running = False
for t in side:
    t.join()
time.sleep(3)
after = rss("VmRSS")
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000
print(f"requests {len(latencies)}  clients {clients}  slow connections {slow}  failures {len(failures)}  told to retry (503) {len(busy)}")
print(f"latency ms: p50 {pct(50):.2f}  p90 {pct(90):.2f}  p99 {pct(99):.2f}  max {latencies[-1] * 1000:.2f}")
print(f"throughput {len(latencies) / wall:.0f} requests/s over {wall:.1f} s")
if slow:
    print(f"slow connections cut off by the service: {cut_off}")
print(f"server RSS MB each second: {' '.join(map(str, rss_by_second))}  3 s after: {after}  peak {rss('VmHWM')}")
sys.exit(1 if failures else 0)
