#!/usr/bin/env python3
"""Time from saving one post to the reload event reaching a client, with `site serve` running.

Usage: bench/serve-latency.py SITE_DIR [SAVES]   (SITE_DIR made by bench/make-site.sh)
Starts ./site serve on a free loopback port, listens to its event stream as a browser does,
appends a sentence to one post SAVES times (default 20, one every 0.6 s) and prints the median,
the 90th percentile and the largest delay between the write and the 'reload' event.
"""
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
site = os.path.abspath(sys.argv[1])
saves = int(sys.argv[2]) if len(sys.argv) > 2 else 20

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]

server = subprocess.Popen([os.path.join(here, "site"), "serve", "-s", site, "--port", str(port)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
started = time.time()
for line in server.stdout:
    if "serving" in line:
        break
print(f"server ready after {time.time() - started:.1f} s (first full build in memory)")
threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

events = []
ready = threading.Event()


def listen():
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_sitegen/events") as stream:
        name = None
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                name = line[7:]
                if name == "hello":
                    ready.set()
            elif line == "" and name:
                events.append((name, time.perf_counter()))
                name = None


threading.Thread(target=listen, daemon=True).start()
ready.wait(10)
posts = sorted(p for p in os.listdir(os.path.join(site, "content", "blog")) if p.endswith(".md"))
target = os.path.join(site, "content", "blog", posts[len(posts) // 2])
original = open(target).read()
delays = []
try:
    for i in range(saves):
        seen = len(events)
        written = time.perf_counter()
        with open(target, "w") as f:
            f.write(original + f"\nEdit number {i} of the benchmark.\n")
        deadline = written + 5
        while time.perf_counter() < deadline:
            if any(name == "reload" for name, _ in events[seen:]):
                break
            time.sleep(0.0005)
        got = [t for name, t in events[seen:] if name == "reload"]
        if got:
            delays.append((got[0] - written) * 1000)
        time.sleep(0.6)
finally:
    open(target, "w").write(original)
    server.terminate()
    server.wait(10)

delays.sort()
if not delays:
    sys.exit("no reload event arrived")
median = delays[len(delays) // 2] if len(delays) % 2 else (delays[len(delays) // 2 - 1] + delays[len(delays) // 2]) / 2
print(f"saves: {len(delays)} of {saves}; save to reload event, ms: median {median:.0f}, "
      f"p90 {delays[int(len(delays) * 0.9) - 1]:.0f}, max {delays[-1]:.0f}")
print("all, ms:", " ".join(f"{d:.0f}" for d in delays))
