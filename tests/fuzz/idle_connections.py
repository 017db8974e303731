#!/usr/bin/env python3
"""Idle connections against `detente serve`: the server must survive them and
serve a page afterwards (issue 16: after about 1,020 idle connections, the
descriptor limit, it stopped accepting for good).

    tests/fuzz/idle_connections.py --detente build/dev/detente --count 2000
"""
import argparse
import resource
import socket
import subprocess
import sys
import time
import urllib.request


def get_page(port, timeout=5):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=timeout) as r:
        return r.status


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--detente", required=True)
    p.add_argument("--count", type=int, default=2000)
    p.add_argument("--port", type=int, default=18642)
    a = p.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, a.count + 256), hard))
    server = subprocess.Popen([a.detente, "serve", "--port", str(a.port), "--agents", "300"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard)))
    try:
        for _ in range(100):
            try:
                get_page(a.port)
                break
            except OSError:
                time.sleep(0.1)
        idle = []
        refused = 0
        for _ in range(a.count):
            s = socket.socket()
            s.settimeout(2)
            try:
                s.connect(("127.0.0.1", a.port))
                idle.append(s)
            except OSError:
                refused += 1
                s.close()
        alive = server.poll() is None
        print(f"opened {len(idle)} idle connections ({refused} not connected); server running: {alive}")
        for s in idle:
            s.close()
        start = time.monotonic()
        status = None
        while time.monotonic() - start < 30:
            try:
                status = get_page(a.port)
                break
            except OSError:
                time.sleep(0.2)
        print(f"after closing them: GET / -> {status} in {time.monotonic() - start:.1f} s; "
              f"server running: {server.poll() is None}")
        return 0 if status == 200 and server.poll() is None else 1
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
        lines = [l for l in err.splitlines() if "accept" in l]
        print("server log: " + " | ".join(lines[:4]))


if __name__ == "__main__":
    sys.exit(main())
