"""The built `newsdesk` binary as a child process on a free loopback port, for the abuse scripts
and the conformance suite: a temporary folder with the config, the log, and helpers to probe the
server and read its resident memory."""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_BINARY = os.path.join(ROOT, ".build", "debug", "newsdesk")


class ServerProcess:
    """Starts `newsdesk serve --port 0` with `config` (sections of config.json) and extra
    arguments; waits for the port it prints and for /ready. Use as a context manager."""

    def __init__(self, config, binary=None, arguments=(), environment=None, preexec=None):
        self.folder = tempfile.TemporaryDirectory(prefix="newsdesk-abuse-")
        self.config_path = os.path.join(self.folder.name, "config.json")
        with open(self.config_path, "w") as handle:
            json.dump(config, handle)
        self.log_path = os.path.join(self.folder.name, "server.log")
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
        env.update(environment or {})
        self.process = subprocess.Popen(
            [binary or DEFAULT_BINARY, "serve", "--port", "0", "--host", "127.0.0.1", "--config", self.config_path,
             *arguments],
            stdout=subprocess.PIPE, stderr=open(self.log_path, "w"), cwd=self.folder.name, env=env,
            preexec_fn=preexec)
        self.port = self._read_port()
        self._wait_ready()

    def _read_port(self):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.process.stdout.readline().decode()
            if not line:
                break
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if match:
                return int(match.group(1))
        self.stop()
        sys.exit(f"newsdesk did not start; its log:\n{self.log()}")

    def _wait_ready(self):
        for _ in range(1200):
            if self.get("/ready", timeout=1)[0] == 200:
                return
            time.sleep(0.05)
        sys.exit("newsdesk never became ready")

    def get(self, path, timeout=2.0):
        """(status, seconds) of one GET on a new connection; status 0 when it failed."""
        started = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as sock:
                sock.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
                data = b""
                while b"\r\n" not in data:
                    chunk = sock.recv(4096)
                    if not chunk:
                        break
                    data += chunk
            match = re.match(rb"HTTP/1\.1 (\d{3}) ", data)
            return (int(match.group(1)) if match else 0), time.monotonic() - started
        except OSError:
            return 0, time.monotonic() - started

    def alive(self):
        return self.process.poll() is None

    def rss_kib(self):
        """Resident memory of the server process in KiB (VmRSS), 0 once it exited."""
        try:
            with open(f"/proc/{self.process.pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def log(self):
        with open(self.log_path, errors="replace") as handle:
            return handle.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.folder.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
