#!/usr/bin/env python3
"""Resident memory per idle keep-alive connection, plain HTTP against HTTPS (handshake done, one
request answered, then idle): the figure SSL_MODE_RELEASE_BUFFERS is there to keep small.

    Scripts/bench/tls-memory.py PID HTTP_PORT HTTPS_PORT CA_FILE [COUNT]   (default COUNT 1000)

PID is the running newsdesk's process id; its RSS is read from /proc before and after each batch.
The process must allow COUNT more open files (ulimit -n)."""
import socket
import ssl
import sys
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def open_batch(port, count, context):
    sockets = []
    for _ in range(count):
        raw = socket.create_connection(("127.0.0.1", port))
        conn = context.wrap_socket(raw, server_hostname="localhost") if context else raw
        conn.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        data = b""
        while not data.endswith(b'{"status":"ok"}'):
            data += conn.recv(4096)
        sockets.append(conn)
    return sockets


def main():
    pid, http_port, https_port, ca_file = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
    context = ssl.create_default_context(cafile=ca_file)
    for name, port, ctx in (("plain", http_port, None), ("https", https_port, context)):
        before = rss_kib(pid)
        held = open_batch(port, count, ctx)
        time.sleep(1)
        after = rss_kib(pid)
        print(f"{name:6} {count} idle connections: +{after - before} KiB RSS, {(after - before) / count:.1f} KiB each")
        for conn in held:
            conn.close()
        time.sleep(1)


if __name__ == "__main__":
    main()
