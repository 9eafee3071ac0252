#!/usr/bin/env python3
"""10,000 connection attempts against the real `newsdesk` binary capped at maxConnections = 1,000,
while a well-behaved client that connected first keeps asking for /health on its keep-alive
connection. Loopback only; raises this process's open-file limit (the server inherits it).

Checks:
- the cap holds: at most maxConnections connections are accepted and held at once;
- the rest are refused politely: a 503 application/problem+json with Retry-After, then a close
  (a few may instead wait in the kernel's accept queue; none may be reset);
- a new client during the flood gets that 503 quickly, not a hang;
- fairness: the well-behaved client is answered 200 throughout, with a bounded worst latency;
- the server stays up, and once the flood lets go a new client is served again;
- then a request flood: 200 greedy connections each keeping 32 pipelined requests in flight; the
  well-behaved client is still answered every time, and waits no longer than a few rounds of
  turns (each connection is answered at most maxPipelinedRequests requests, or 64 KB of answers,
  per turn), measured against the rate the server wrote the flood's answers on this machine.

    python3 Tests/abuse/connection_flood.py [--binary PATH] [--attempts 10000] [--cap 1000]

Prints one line per check and "N passed, N failed"; exits non-zero when any check fails.
"""

import argparse
import errno
import multiprocessing
import os
import resource
import selectors
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_process import ServerProcess  # noqa: E402


# The request flood: greedy connections, what they ask for, and how much one connection is
# answered per turn: the server's default limits.maxPipelinedRequests requests, ended early once
# its answers pass ConnectionState's outputBytesPerTurn.
GREEDY_CONNECTIONS = 200
FLOOD_PATH = "/v1/articles?limit=100"
REQUESTS_PER_TURN = 16
BYTES_PER_TURN = 65536


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def expect(self, condition, message):
        self.passed += bool(condition)
        self.failed += not condition
        print(("ok   " if condition else "FAIL ") + message)


def raise_file_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard == resource.RLIM_INFINITY else max(soft, min(hard, needed))
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


class WellBehavedClient(threading.Thread):
    """One keep-alive connection opened before the flood; GET /health every 50 ms."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.stopping = threading.Event()
        self.latencies = []
        self.failures = []

    def run(self):
        buffer = b""
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                self.sock.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
                while b"\r\n\r\n" not in buffer or len(buffer) < buffer.index(b"\r\n\r\n") + 4 + 15:
                    chunk = self.sock.recv(4096)
                    if not chunk:
                        raise OSError("connection closed")
                    buffer += chunk
                head_end = buffer.index(b"\r\n\r\n") + 4
                status = int(buffer[9:12])
                buffer = buffer[head_end + 15:]  # {"status":"ok"}
                self.latencies.append(time.monotonic() - started)
                if status != 200:
                    self.failures.append(status)
            except (OSError, ValueError) as error:
                self.failures.append(str(error))
                return
            self.stopping.wait(0.05)

    def stop(self):
        self.stopping.set()
        self.join(10)
        self.sock.close()


def flood(port, attempts):
    """Opens `attempts` non-blocking connections and holds them; returns the held sockets and the
    count of each outcome seen by the time the server has had its say."""
    selector = selectors.DefaultSelector()
    outcomes = {"503 with Retry-After": 0, "other response": 0, "closed without a response": 0, "reset": 0,
                "connect failed": 0}
    received = {}

    def drain(timeout):
        for key, _ in selector.select(timeout):
            sock = key.fileobj
            try:
                chunk = sock.recv(4096)
            except BlockingIOError:
                continue
            except ConnectionResetError:
                outcomes["reset"] += 1
                finish(sock)
                continue
            except OSError:
                outcomes["connect failed"] += 1
                finish(sock)
                continue
            if chunk:
                received[sock] = received.get(sock, b"") + chunk
                continue
            data = received.pop(sock, b"")
            if data.startswith(b"HTTP/1.1 503") and b"\r\nRetry-After: " in data \
                    and b"application/problem+json" in data:
                outcomes["503 with Retry-After"] += 1
            elif data:
                outcomes["other response"] += 1
            else:
                outcomes["closed without a response"] += 1
            finish(sock)

    def finish(sock):
        selector.unregister(sock)
        sock.close()

    for index in range(attempts):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        code = sock.connect_ex(("127.0.0.1", port))
        if code not in (0, errno.EINPROGRESS):
            outcomes["connect failed"] += 1
            sock.close()
            continue
        selector.register(sock, selectors.EVENT_READ)
        if index % 100 == 99:
            drain(0.01)
    # Let the server answer the last ones; stop once nothing happened for a second.
    deadline = time.monotonic() + 20
    quiet_since = time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - quiet_since < 1.0:
        before = dict(outcomes)
        drain(0.1)
        if outcomes != before:
            quiet_since = time.monotonic()
    held = [key.fileobj for key in selector.get_map().values()]
    for sock in held:
        selector.unregister(sock)
    return held, outcomes


def greedy_clients(port, connections, seconds, results):
    """Run in a separate process (so its work does not share the probing process's interpreter):
    `connections` keep-alive connections, each keeping 32 requests for the 16 KB article list in
    flight and reading answers as fast as they come. Puts the answer bytes received in `results`."""
    request = f"GET {FLOOD_PATH} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode() * 32
    selector = selectors.DefaultSelector()
    received = 0
    for _ in range(connections):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE, [0])
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for key, events in selector.select(0.1):
            sock, pending = key.fileobj, key.data
            try:
                if events & selectors.EVENT_READ:
                    chunk = sock.recv(262144)
                    received += len(chunk)
                    pending[0] -= chunk.count(b"HTTP/1.1 200")
                if events & selectors.EVENT_WRITE and pending[0] < 16:
                    sock.sendall(request)
                    pending[0] += 32
            except (BlockingIOError, InterruptedError):
                pass
    for key in list(selector.get_map().values()):
        key.fileobj.close()
    results.put(received)


def request_flood(server, checks, seconds):
    """Fairness under a request flood: 200 greedy pipelining connections against one polite one."""
    results = multiprocessing.Queue()
    client = WellBehavedClient(server.port)
    flooder = multiprocessing.Process(target=greedy_clients,
                                      args=(server.port, GREEDY_CONNECTIONS, seconds, results))
    flooder.start()
    time.sleep(1)
    client.start()
    flooder.join(seconds + 30)
    client.stop()
    received = results.get(timeout=5) if not results.empty() else 0
    latencies = sorted(client.latencies)
    print(f"--- request flood: {GREEDY_CONNECTIONS} greedy connections read {received // 1_000_000} MB of answers in {seconds}s")
    if not latencies:
        checks.expect(False, "request flood: the well-behaved client got no answer")
        return
    median = latencies[len(latencies) // 2]
    checks.expect(received > 1_000_000, f"request flood: the greedy clients were served ({received} bytes)")
    # Round-robin fairness: a polite request waits for each greedy connection's turn (16 answers,
    # or fewer once they pass 64 KB) to be written, about twice per loop iteration (its event, then
    # its scheduled extra turn), at the rate this machine wrote them; 4 rounds leave room for noise.
    response_bytes = len(fetch(server.port, FLOOD_PATH))
    answers_per_turn = min(REQUESTS_PER_TURN, -(-BYTES_PER_TURN // response_bytes))
    round_seconds = GREEDY_CONNECTIONS * answers_per_turn * response_bytes / max(received / seconds, 1)
    bound = 4 * round_seconds + 0.5
    checks.expect(not client.failures and len(latencies) >= 3 and latencies[-1] <= bound,
                  f"request flood: the well-behaved client got {len(latencies)} answers, failures "
                  f"{client.failures[:3]}, median {median * 1000:.0f} ms, worst {latencies[-1] * 1000:.0f} ms; "
                  f"bound {bound * 1000:.0f} ms (4 rounds of {round_seconds * 1000:.0f} ms at "
                  f"{received / seconds / 1e6:.0f} MB/s)")


def fetch(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
        return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary")
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--cap", type=int, default=1_000)
    parser.add_argument("--request-flood-seconds", type=int, default=10)
    args = parser.parse_args()
    checks = Checks()
    limit = raise_file_limit(args.attempts + 2_000)
    if limit < args.attempts + 100:
        sys.exit(f"connection flood: the open-file limit is {limit}, below {args.attempts + 100}")
    config = {
        "server": {"threads": 2},
        "limits": {"maxConnections": args.cap},
        # Longer than the flood, so the held connections stay held while it is measured.
        "timeouts": {"idleSeconds": 60, "headerSeconds": 60},
        "log": {"access": False},
    }
    with ServerProcess(config, binary=args.binary) as server:
        client = WellBehavedClient(server.port)
        client.start()
        started = time.monotonic()
        held, outcomes = flood(server.port, args.attempts)
        flood_seconds = time.monotonic() - started
        status, seconds = server.get("/health", timeout=5)
        checks.expect(status == 503 and seconds < 2,
                      f"a new client during the flood is refused politely: {status} in {seconds:.3f}s")
        client.stop()
        refused = outcomes["503 with Retry-After"]
        print(f"--- {args.attempts} attempts in {flood_seconds:.1f}s: {len(held)} held open, "
              + ", ".join(f"{count} {name}" for name, count in outcomes.items()))
        checks.expect(len(held) <= args.cap - 1,
                      f"the cap holds: {len(held)} flood connections held beside the well-behaved one "
                      f"(cap {args.cap})")
        checks.expect(len(held) >= args.cap // 2, f"the flood did fill the server ({len(held)} held)")
        checks.expect(refused >= (args.attempts - args.cap) * 9 // 10,
                      f"refusals are 503 problem documents with Retry-After: {refused} of "
                      f"{args.attempts - len(held)} not held")
        checks.expect(outcomes["reset"] == 0 and outcomes["other response"] == 0,
                      f"no refused connection was reset or got another answer ({outcomes['reset']} resets, "
                      f"{outcomes['other response']} others)")
        latencies = sorted(client.latencies)
        worst = latencies[-1] if latencies else float("inf")
        checks.expect(len(latencies) >= 10 and not client.failures and worst < 1.0,
                      f"fairness: the well-behaved client got {len(latencies)} answers during the flood, "
                      f"failures {client.failures[:3]}, median {latencies[len(latencies) // 2] * 1000:.1f} ms, "
                      f"worst {worst * 1000:.1f} ms" if latencies else "fairness: no answers at all")
        for sock in held:
            sock.close()
        recovered = None
        for _ in range(100):
            status, _ = server.get("/health", timeout=2)
            if status == 200:
                recovered = True
                break
            time.sleep(0.1)
        checks.expect(server.alive() and recovered, "after the flood the server is up and serves a new client")
        request_flood(server, checks, args.request_flood_seconds)
        checks.expect(server.alive(), "after the request flood the server is up")
    print(f"connection flood: {checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
