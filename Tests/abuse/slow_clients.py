#!/usr/bin/env python3
"""slowhttptest (Debian) against the real `newsdesk` binary in its three slow-client modes, with
short timeouts configured, while this script probes GET /health with curl on fresh connections twice
a second and samples the server's resident memory.

Checks, per mode:
- slowhttptest never reports the service unavailable (the "Service Available" column of its CSV
  stays non-zero) and our own /health probes all answer 200 within their timeout;
- slowloris (-H) and slow body (-B) connections are cut by the server (its header and body
  timeouts): slowhttptest stops early with "No open connections left" instead of at its time limit;
- slow read (-X): each connection pipelines requests for a large response and reads a few bytes
  at a time; the service stays available;
- pipelined slow read (our own client, 50 connections x 400 pipelined requests, tiny receive
  windows): the server stops reading from a connection whose unsent output passes
  outputHighWaterBytes, so its resident memory grows by at most a bounded amount per connection,
  not by every answer asked for (run with --high-water 1073741824 to see this check fail);
- the server is still running and answers at the end.

    python3 Tests/abuse/slow_clients.py [--binary PATH] [--seconds 20] [--connections 400]

Prints one line per check and "N passed, N failed"; exits non-zero when any check fails.
"""

import argparse
import csv
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_process import ServerProcess  # noqa: E402

HEADER_SECONDS = 2
BODY_SECONDS = 2
HIGH_WATER = 4096
# A slow reader pipelines this many requests (slowhttptest's maximum) for this list (about 16 KB
# of JSON on the sample corpus), four times the high-water mark.
SLOW_READ_PATH = "/v1/articles?limit=100"
SLOW_READ_REPEATS = 10
# Our own slow readers (see pipelined_slow_readers): connections, and requests each pipelines.
PIPELINED_CONNECTIONS = 50
PIPELINED = 400
# The server's default request line and header limits, which size its read-ahead buffer.
LIMITS_REQUEST_LINE = 8192
LIMITS_HEADERS = 32768


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def expect(self, condition, message):
        if condition:
            self.passed += 1
            print(f"ok   {message}")
        else:
            self.failed += 1
            print(f"FAIL {message}")


def curl_health(port, timeout):
    """(status, seconds) of `curl http://127.0.0.1:PORT/health` on a new connection; 0 on failure."""
    started = time.monotonic()
    result = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", str(timeout),
         f"http://127.0.0.1:{port}/health"], capture_output=True, text=True)
    status = int(result.stdout) if result.stdout.isdigit() else 0
    return status, time.monotonic() - started


class Prober(threading.Thread):
    """curl GET /health twice a second on a new connection; records failures and the slowest answer."""

    def __init__(self, server, timeout):
        super().__init__(daemon=True)
        self.server = server
        self.timeout = timeout
        self.stopping = threading.Event()
        self.count = 0
        self.failures = []
        self.slowest = 0.0
        self.peak_rss = 0

    def run(self):
        while not self.stopping.is_set():
            status, seconds = curl_health(self.server.port, self.timeout)
            self.count += 1
            self.slowest = max(self.slowest, seconds)
            self.peak_rss = max(self.peak_rss, self.server.rss_kib())
            if status != 200:
                self.failures.append((round(seconds, 2), status))
            self.stopping.wait(0.5)

    def stop(self):
        self.stopping.set()
        self.join()


def run_slowhttptest(flags, server, path, seconds, connections, folder, name):
    """Runs slowhttptest with its statistics on; returns (exit code, CSV rows, its exit line)."""
    prefix = os.path.join(folder, name)
    command = [
        "slowhttptest", *flags, "-c", str(connections), "-r", str(max(50, connections // 2)), "-l", str(seconds),
        "-p", "3", "-g", "-o", prefix, "-u", f"http://127.0.0.1:{server.port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    rows = []
    if os.path.exists(prefix + ".csv"):
        with open(prefix + ".csv") as handle:
            rows = list(csv.DictReader(handle))
    exit_line = next((line for line in result.stdout.splitlines() if "Exit status" in line), "no exit status")
    exit_line = re.sub(r"\x1b\[[0-9;]*m", "", exit_line).strip()
    return result.returncode, rows, exit_line


def column(rows, name):
    return [int(row[name]) for row in rows if row.get(name, "").strip().isdigit()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=400)
    parser.add_argument("--only", help="run one mode: slowloris, slow body or slow read")
    parser.add_argument("--high-water", type=int, default=HIGH_WATER,
                        help="outputHighWaterBytes to configure; the memory bound stays that of the default, so a large "
                        "value shows the check failing without backpressure")
    args = parser.parse_args()
    checks = Checks()
    config = {
        "server": {"threads": 2},
        "limits": {"outputHighWaterBytes": args.high_water},
        "timeouts": {"headerSeconds": HEADER_SECONDS, "bodySeconds": BODY_SECONDS, "idleSeconds": 5,
                     "writeSeconds": 10},
        "log": {"access": False},
    }
    modes = [
        # Slowloris: a header line every 3 s, past the 2 s header timeout.
        ("slowloris", ["-H", "-i", "3", "-x", "24"]),
        # R-U-Dead-Yet: a 64 KB declared body sent in small pieces every 3 s, past the body timeout.
        ("slow body", ["-B", "-i", "3", "-s", "65536", "-x", "24"]),
        # Slow read: pipelined requests for a large list, read 32 bytes at a time with a tiny window.
        ("slow read", ["-X", "-t", "GET", "-k", str(SLOW_READ_REPEATS), "-n", "1", "-w", "64", "-y", "256", "-z",
                       "32"]),
    ]
    with tempfile.TemporaryDirectory() as folder, ServerProcess(config, binary=args.binary) as server:
        response_bytes = len(list_response(server))
        for name, flags in modes:
            if args.only and args.only != name:
                continue
            baseline = server.rss_kib()
            prober = Prober(server, timeout=3.0)
            prober.start()
            path = SLOW_READ_PATH if name == "slow read" else "/health"
            code, rows, exit_line = run_slowhttptest(flags, server, path, args.seconds, args.connections, folder,
                                                     name.replace(" ", "-"))
            prober.stop()
            available = column(rows, "Service Available")
            closed = column(rows, "Closed")
            connected = column(rows, "Connected")
            print(f"--- {name}: {len(rows)} seconds of slowhttptest, peak connected {max(connected, default=0)}, "
                  f"closed {max(closed, default=0)}, {exit_line.strip()}; {prober.count} /health probes, "
                  f"slowest {prober.slowest:.2f}s; RSS {baseline} KiB before, peak {prober.peak_rss} KiB")
            # slowhttptest stops early with "No open connections left" when the server cut them all.
            checks.expect(code == 0 and len(rows) >= 3, f"{name}: slowhttptest ran (exit {code}, {len(rows)} rows)")
            # Connections made so far: those open plus those the server already cut.
            made = max((a + b for a, b in zip(connected, closed)), default=0)
            checks.expect(made >= args.connections // 2,
                          f"{name}: the attack made {made} connections ({max(connected, default=0)} at once)")
            checks.expect(available and min(available) > 0, f"{name}: slowhttptest never saw the service unavailable")
            checks.expect(prober.count >= 5 and not prober.failures,
                          f"{name}: every /health probe answered 200 ({prober.count} probes, failures "
                          f"{prober.failures[:5]})")
            if name != "slow read":
                # slowhttptest ends before its time limit only once the server closed every connection.
                checks.expect("No open connections left" in exit_line,
                              f"{name}: the server cut every slow connection, in {len(rows)} of {args.seconds} s")
            checks.expect(server.alive() and server.get("/health")[0] == 200, f"{name}: the server is up and answers")
        if not args.only or args.only == "pipelined slow read":
            pipelined_slow_readers(server, checks, args, response_bytes)
    print(f"slow clients: {checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


def pipelined_slow_readers(server, checks, args, response_bytes):
    """Our own slow readers, since slowhttptest pipelines at most 10 requests, whose answers the
    kernel's socket buffers absorb: each connection sends PIPELINED requests for the large list at
    once with a tiny receive buffer, then reads 32 bytes a second. Without backpressure the server
    would queue every answer in its memory; with it, a connection holds at most the high-water
    mark, one response past it, and the pipelined requests it read ahead (inputHighWaterBytes)."""
    connections = PIPELINED_CONNECTIONS
    request = f"GET {SLOW_READ_PATH} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode()
    baseline = server.rss_kib()
    prober = Prober(server, timeout=3.0)
    prober.start()
    sockets = []
    for _ in range(connections):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", server.port))
        sock.setblocking(False)
        sockets.append([sock, request * PIPELINED, 0])
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        for entry in sockets:
            sock, unsent, _ = entry
            try:
                if unsent:
                    entry[1] = unsent[sock.send(unsent):]
                entry[2] += len(sock.recv(32))
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                entry[1] = b""
        time.sleep(1)
    prober.stop()
    received = sum(entry[2] for entry in sockets)
    for sock, _, _ in sockets:
        sock.close()
    input_read_ahead = LIMITS_REQUEST_LINE + LIMITS_HEADERS + 65536
    per_connection_kib = (HIGH_WATER + response_bytes + input_read_ahead + 16 * 1024) // 1024
    bound = 16 * 1024 + connections * per_connection_kib
    unbounded = connections * PIPELINED * response_bytes // 1024
    growth = prober.peak_rss - baseline
    print(f"--- pipelined slow read: {connections} connections x {PIPELINED} requests of {response_bytes} bytes, "
          f"{received} bytes read in {args.seconds}s; {prober.count} /health probes, slowest {prober.slowest:.2f}s; "
          f"RSS {baseline} KiB before, peak {prober.peak_rss} KiB")
    checks.expect(prober.count >= 5 and not prober.failures,
                  f"pipelined slow read: every /health probe answered 200 ({prober.count} probes)")
    checks.expect(growth <= bound,
                  f"pipelined slow read: RSS grew {growth} KiB, bound {bound} KiB ({per_connection_kib} KiB per "
                  f"connection; every answer queued would be {unbounded} KiB)")
    checks.expect(server.alive() and server.get("/health")[0] == 200, "pipelined slow read: the server answers")


def list_response(server):
    """The bytes of one slow-read response, to size the memory bound."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(f"GET {SLOW_READ_PATH} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return data
            data += chunk



if __name__ == "__main__":
    main()
