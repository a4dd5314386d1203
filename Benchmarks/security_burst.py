#!/usr/bin/env python3
"""Bursts against a running `rapport serve`, to measure the limits docs/security.md describes.

  python3 Benchmarks/security_burst.py signin URL EMAIL        # 64 parallel sign-ins with wrong passwords
  python3 Benchmarks/security_burst.py track URL WRITE_KEY     # 2,000 tracking calls from 16 threads

`signin` sends each attempt from its own X-Forwarded-For address (start the server with
RAPPORT_TRUSTED_PROXIES=127.0.0.1, so the per-address throttle does not answer first) and
reports how many were checked (401) and how many the bounded bcrypt pool refused (429), and
how fast /health answered meanwhile against before. `track` reports how many calls were taken
(200) and refused (429) with the server's RAPPORT_RATE_TRACKING.
"""
import base64, json, statistics, sys, threading, time, urllib.error, urllib.parse, urllib.request


def request(url, data=None, headers=None):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=120) as response:
            response.read()
            return response.status, time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, time.perf_counter() - started


def health_latencies(base, seconds, stop=None):
    samples = []
    deadline = time.time() + seconds
    while time.time() < deadline and not (stop and stop.is_set()):
        samples.append(request(base + "/health")[1] * 1000)
        time.sleep(0.02)
    return samples


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else float("nan")


def signin(base, email):
    before = health_latencies(base, 3)
    statuses = []
    lock = threading.Lock()

    def attempt(index):
        body = urllib.parse.urlencode({"email": email, "password": f"wrong-{index}", "next": ""}).encode()
        status, _ = request(base + "/login", body, {
            "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": f"198.51.100.{index % 250 + 1}"})
        with lock:
            statuses.append(status)

    stop = threading.Event()
    during = []
    watcher = threading.Thread(target=lambda: during.extend(health_latencies(base, 120, stop)))
    watcher.start()
    started = time.perf_counter()
    threads = [threading.Thread(target=attempt, args=(index,)) for index in range(64)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    elapsed = time.perf_counter() - started
    stop.set(); watcher.join()
    print(json.dumps({
        "attempts": len(statuses), "checked_401": statuses.count(401), "refused_429": statuses.count(429),
        "other": sorted(set(s for s in statuses if s not in (401, 429))), "burst_seconds": round(elapsed, 2),
        "health_ms_before_p50_p99": [round(percentile(before, 0.5), 2), round(percentile(before, 0.99), 2)],
        "health_ms_during_p50_p99": [round(percentile(during, 0.5), 2), round(percentile(during, 0.99), 2)],
    }))


def track(base, key):
    auth = "Basic " + base64.b64encode(f"{key}:".encode()).decode()
    statuses = []
    lock = threading.Lock()

    def worker(offset):
        for index in range(offset, 2000, 16):
            body = json.dumps({"anonymousId": "burst", "event": "Burst", "messageId": f"burst-{index}"}).encode()
            status, _ = request(base + "/v1/track", body, {"Authorization": auth, "Content-Type": "application/json"})
            with lock:
                statuses.append(status)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(offset,)) for offset in range(16)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    elapsed = time.perf_counter() - started
    print(json.dumps({"calls": len(statuses), "taken_200": statuses.count(200), "refused_429": statuses.count(429),
                      "other": sorted(set(s for s in statuses if s not in (200, 429))), "seconds": round(elapsed, 2)}))


if __name__ == "__main__":
    {"signin": signin, "track": track}[sys.argv[1]](sys.argv[2].rstrip("/"), sys.argv[3])
