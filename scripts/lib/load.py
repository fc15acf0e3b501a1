#!/usr/bin/env python3
"""A small HTTP load generator for Duban's scripts (standard library only).

  load.py URL --source 127.0.0.3 --seconds 15 --threads 4 [--kind public|flood] [--count N]

Sends GET requests from the given source address (loopback has all of 127/8) with keep-alive, and
prints one JSON line: requests, per-second rate, status counts, median and p99 latency in ms.
kind=flood alternates anonymous requests with wrong Basic passwords for made-up and real user names
(what a password sprayer sends); kind=public asks the public API.
"""
import argparse, base64, http.client, json, random, statistics, threading, time, urllib.parse

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--source", default="127.0.0.1")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--count", type=int, default=0, help="stop after this many requests in all (0: time only)")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--kind", default="public")
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--raw", help="append every latency (ms) to this file, one per line")
    a = ap.parse_args()
    u = urllib.parse.urlsplit(a.url)
    lock = threading.Lock()
    lat, statuses = [], {}
    sent = [0]
    deadline = time.monotonic() + a.seconds
    extra = dict(h.split(": ", 1) for h in a.header)

    def worker(n):
        conn = None
        i = 0
        while time.monotonic() < deadline:
            with lock:
                if a.count and sent[0] >= a.count:
                    return
                sent[0] += 1
            i += 1
            headers = dict(extra)
            path = u.path + ("?" + u.query if u.query else "")
            if a.kind == "flood":
                if i % 2 == 0:
                    user = random.choice(["admin", "administrator", "leader-x", "root", "test%d" % random.randint(0, 999)])
                    headers["Authorization"] = "Basic " + base64.b64encode(("%s:guess%d" % (user, i)).encode()).decode()
            t0 = time.monotonic()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30, source_address=(a.source, 0))
                conn.request("GET", path, headers=headers)
                r = conn.getresponse()
                r.read()
                code = r.status
                if r.getheader("Connection", "").lower() == "close":
                    conn.close(); conn = None
            except Exception as e:
                code = type(e).__name__
                try:
                    conn.close()
                except Exception:
                    pass
                conn = None
            ms = (time.monotonic() - t0) * 1000
            with lock:
                lat.append(ms)
                statuses[str(code)] = statuses.get(str(code), 0) + 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(a.threads)]
    for t in threads: t.start()
    for t in threads: t.join()
    took = time.monotonic() - started
    if a.raw:
        with open(a.raw, "a") as f:
            f.writelines("%.3f\n" % x for x in lat)
    lat.sort()
    out = {"requests": len(lat), "seconds": round(took, 1), "perSecond": round(len(lat) / took, 1) if took else 0,
           "statuses": statuses,
           "medianMs": round(statistics.median(lat), 2) if lat else None,
           "p99Ms": round(lat[max(0, int(len(lat) * 0.99) - 1)], 2) if lat else None}
    print(json.dumps(out))

if __name__ == "__main__":
    main()
