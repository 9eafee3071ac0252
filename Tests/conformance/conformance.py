#!/usr/bin/env python3
"""Raw-socket HTTP/1.1 conformance suite for the real `newsdesk` binary.

Each case sends exact bytes over a fresh TCP connection and states what RFC 9110/9112 require:
the statuses of the responses, in order, and whether the server must then close the connection
or keep it open. Responses are parsed with h11 (PyPI) acting as a strict client: a response h11
rejects fails the case. A case that expects the connection kept open proves it by sending one
more request (GET /health) and reading its 200, so a server that answered but lost the framing
(a smuggled request, an unread body, a HEAD with a body) fails too.

    python3 Tests/conformance/conformance.py [--binary PATH] [--only NAME-SUBSTRING] [--verbose]

Starts the binary on a free port on the bundled sample corpus with small limits (config written
to a temporary folder by Tests/abuse/server_process.py), runs every case, prints one line per failure and "N passed, N failed";
exits non-zero when any case fails.
"""

import argparse
import json
import os
import socket
import sys
import time
from dataclasses import dataclass, field

import h11

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "abuse"))
from server_process import ServerProcess  # noqa: E402

# The limits the server is started with, small so the bounds are cheap to cross.
LIMITS = {
    "maxRequestLineBytes": 1024,
    "maxHeaderBytes": 4096,
    "maxHeaderCount": 20,
    "maxBodyBytes": 1024,
}
HEADER_SECONDS = 1.5
READ_TIMEOUT = 3.0

KEEP = "keep"
CLOSE = "close"


@dataclass
class Case:
    name: str
    rfc: str
    send: list  # bytes, or a list of bytes pieces sent with a pause between them
    expect: list  # statuses in order; 100 for an interim 100 Continue
    connection: str  # KEEP: open afterwards (proven by a follow-up request); CLOSE: server closes
    methods: list = field(default_factory=list)  # request methods, when any is HEAD
    pause: float = 0.0  # seconds between pieces
    check: object = None  # optional function(responses) -> error string or None
    half_close: bool = False  # shut down our sending side after the bytes


def req(head, body=b""):
    """A request from a head written with \\n line ends (turned into CRLF) and a body."""
    return head.replace("\n", "\r\n").encode("latin-1") + body


def get(path="/health", extra=""):
    return req(f"GET {path} HTTP/1.1\nHost: localhost\n{extra}\n")


def post(headers, body=b"", path="/health"):
    return req(f"POST {path} HTTP/1.1\nHost: localhost\n{headers}\n", body)


def header(name, value):
    def check(responses):
        for status, headers, _ in responses:
            if status >= 200 and value not in headers.get(name, ""):
                return f"{status} response lacks {name}: {value} (has {headers.get(name)!r})"
        return None

    return check


def no_header(name):
    def check(responses):
        for status, headers, _ in responses:
            if name in headers:
                return f"{status} response has {name}: {headers[name]!r}"
        return None

    return check


def chunked_post(chunks_text, te="chunked"):
    return post(f"Transfer-Encoding: {te}\n", chunks_text.encode("latin-1"))


LONG_TARGET = "/health?q=" + "a" * (LIMITS["maxRequestLineBytes"] + 10)

CASES = [
    # --- Message framing (RFC 9112 section 6) ---
    Case("simple GET", "9112 3", get(), [200], KEEP),
    Case("HEAD has no body", "9110 9.3.2", req("HEAD /health HTTP/1.1\nHost: a\n\n"), [200], KEEP, ["HEAD"]),
    Case(
        "HEAD of a 404 has no body",
        "9110 9.3.2",
        req("HEAD /nowhere HTTP/1.1\nHost: a\n\n"),
        [404],
        KEEP,
        ["HEAD"],
    ),
    Case(
        "HEAD then GET pipelined",
        "9110 9.3.2, 9112 9.3.2",
        req("HEAD /health HTTP/1.1\nHost: a\n\n") + get(),
        [200, 200],
        KEEP,
        ["HEAD", "GET"],
    ),
    Case("GET with Content-Length: 0", "9112 6.3", get(extra="Content-Length: 0\n"), [200], KEEP),
    Case("GET with a body is read past", "9110 9.3.1", get(extra="Content-Length: 3\n") + b"abc", [200], KEEP),
    Case("POST with Content-Length body: 405 and Allow", "9110 15.5.6", post("Content-Length: 5\n", b"hello"), [405],
         KEEP, check=header("Allow", "GET")),
    Case("chunked body", "9112 7.1", chunked_post("5\r\nhello\r\n0\r\n\r\n"), [405], KEEP),
    Case("chunked body with extensions", "9112 7.1.1", chunked_post("5;a=b;c\r\nhello\r\n0\r\n\r\n"), [405], KEEP),
    Case("chunk extension with quoted value", "9112 7.1.1", chunked_post('5;a="x y"\r\nhello\r\n0\r\n\r\n'), [405],
         KEEP),
    Case("chunked body with trailer fields", "9112 7.1.2", chunked_post("2\r\nhi\r\n0\r\nX-Sum: 1\r\nX-B: 2\r\n\r\n"),
         [405], KEEP),
    Case("chunk sizes in upper case hex with leading zeros", "9112 7.1",
         chunked_post("0A\r\n0123456789\r\n000\r\n\r\n"), [405], KEEP),
    Case("Transfer-Encoding with OWS around the value", "9112 5.1", post("Transfer-Encoding: \t chunked \t\n",
                                                                         b"1\r\nx\r\n0\r\n\r\n"), [405], KEEP),
    Case("Transfer-Encoding is case-insensitive", "9112 7", chunked_post("1\r\nx\r\n0\r\n\r\n", te="Chunked"),
         [405], KEEP),
    Case("equal Content-Length list counts once", "9110 8.6", post("Content-Length: 3, 3\n", b"abc"), [405], KEEP),
    Case("repeated equal Content-Length", "9110 8.6", post("Content-Length: 3\nContent-Length: 3\n", b"abc"),
         [405], KEEP),
    # --- Request smuggling attempts (RFC 9112 sections 6.1 and 6.3) ---
    Case("CL.TE: Content-Length then Transfer-Encoding", "9112 6.1",
         post("Content-Length: 6\nTransfer-Encoding: chunked\n", b"0\r\n\r\nG"), [400], CLOSE),
    Case("TE.CL: Transfer-Encoding then Content-Length", "9112 6.1",
         post("Transfer-Encoding: chunked\nContent-Length: 4\n", b"5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n"), [400],
         CLOSE),
    Case("CL+CL with differing values", "9112 6.3", post("Content-Length: 3\nContent-Length: 5\n", b"abcde"),
         [400], CLOSE),
    Case("Content-Length list with differing values", "9110 8.6", post("Content-Length: 3, 5\n", b"abcde"), [400],
         CLOSE),
    Case("Content-Length with a plus sign", "9110 8.6", post("Content-Length: +3\n", b"abc"), [400], CLOSE),
    Case("negative Content-Length", "9110 8.6", post("Content-Length: -1\n", b"a"), [400], CLOSE),
    Case("hexadecimal Content-Length", "9110 8.6", post("Content-Length: 0x3\n", b"abc"), [400], CLOSE),
    Case("Content-Length with an inner space", "9110 8.6", post("Content-Length: 1 0\n", b"a" * 10), [400], CLOSE),
    Case("empty Content-Length", "9110 8.6", post("Content-Length: \n"), [400], CLOSE),
    Case("huge Content-Length that overflows", "9110 8.6", post("Content-Length: 99999999999999999999999\n"), [400],
         CLOSE),
    Case("Transfer-Encoding: chunked, gzip (chunked not final)", "9112 6.1",
         chunked_post("0\r\n\r\n", te="chunked, gzip"), [400], CLOSE),
    Case("Transfer-Encoding: gzip, chunked (unknown coding)", "9112 6.1", chunked_post("0\r\n\r\n", te="gzip, chunked"),
         [501], CLOSE),
    Case("Transfer-Encoding: chunked, chunked", "9112 7", chunked_post("0\r\n\r\n", te="chunked, chunked"), [400],
         CLOSE),
    Case("Transfer-Encoding: xchunked", "9112 6.1", chunked_post("0\r\n\r\n", te="xchunked"), [400], CLOSE),
    Case("Transfer-Encoding: identity", "9112 6.1", post("Transfer-Encoding: identity\nContent-Length: 0\n"), [400],
         CLOSE),
    Case("two Transfer-Encoding fields gzip + chunked", "9112 6.1",
         post("Transfer-Encoding: gzip\nTransfer-Encoding: chunked\n", b"0\r\n\r\n"), [501], CLOSE),
    Case("Transfer-Encoding in HTTP/1.0", "9112 6.1",
         req("POST /health HTTP/1.0\nTransfer-Encoding: chunked\n\n", b"0\r\n\r\n"), [400], CLOSE),
    Case("Transfer-Encoding with space before the colon", "9112 5.1",
         post("Transfer-Encoding : chunked\n", b"0\r\n\r\n"), [400], CLOSE),
    Case("Transfer-Encoding hidden by obs-fold", "9112 5.2",
         post("X: y\n Transfer-Encoding: chunked\n", b"0\r\n\r\n"), [400], CLOSE),
    # --- Chunked coding errors (RFC 9112 section 7.1) ---
    Case("chunk size not hex", "9112 7.1", chunked_post("zz\r\nhello\r\n0\r\n\r\n"), [400], CLOSE),
    Case("chunk size with 0x prefix", "9112 7.1", chunked_post("0x5\r\nhello\r\n0\r\n\r\n"), [400], CLOSE),
    Case("negative chunk size", "9112 7.1", chunked_post("-5\r\nhello\r\n0\r\n\r\n"), [400], CLOSE),
    Case("empty chunk size", "9112 7.1", chunked_post("\r\nhello\r\n0\r\n\r\n"), [400], CLOSE),
    Case("chunk size overflowing 64 bits", "9112 7.1", chunked_post("1ffffffffffffffff\r\nx\r\n0\r\n\r\n"), [400],
         CLOSE),
    Case("chunk larger than the body limit", "9110 15.5.14", chunked_post("fffff\r\nx\r\n"), [413], CLOSE),
    Case("chunks adding up past the body limit", "9110 15.5.14",
         chunked_post("400\r\n" + "a" * 1024 + "\r\n1\r\nb\r\n0\r\n\r\n"), [413], CLOSE),
    Case("chunk data longer than its size", "9112 7.1", chunked_post("3\r\nhello\r\n0\r\n\r\n"), [400], CLOSE),
    Case("chunk extension with a control byte", "9112 7.1.1", chunked_post("5;a=\x01\r\nhello\r\n0\r\n\r\n"), [400],
         CLOSE),
    Case("chunk size line with a bare CR", "9112 2.2", chunked_post("5;a\rb\r\nhello\r\n0\r\n\r\n"), [400], CLOSE),
    Case("chunk size followed by junk", "9112 7.1", chunked_post("5 x\r\nhello\r\n0\r\n\r\n"), [400], CLOSE),
    Case("trailer with obs-fold", "9112 7.1.2", chunked_post("1\r\nx\r\n0\r\nA: b\r\n c\r\n\r\n"), [400], CLOSE),
    Case("trailer without a colon", "9112 7.1.2", chunked_post("1\r\nx\r\n0\r\nnocolon\r\n\r\n"), [400], CLOSE),
    # --- Line endings and field syntax (RFC 9112 sections 2.2, 5; RFC 9110 section 5.5) ---
    Case("bare LF line endings are accepted", "9112 2.2", b"GET /health HTTP/1.1\nHost: a\n\n", [200], KEEP),
    Case("bare CR in the request line", "9112 2.2", b"GET /health\rHTTP/1.1\r\nHost: a\r\n\r\n", [400], CLOSE),
    Case("bare CR in a field value", "9112 2.2", get(extra="X: a\rb\n"), [400], CLOSE),
    Case("bare CR ending a field line", "9112 2.2", b"GET /health HTTP/1.1\r\nHost: a\r\rX: b\r\n\r\n", [400], CLOSE),
    Case("obs-fold in a header", "9112 5.2", get(extra="X-Long: a\n b\n"), [400], CLOSE),
    Case("obs-fold with a tab", "9112 5.2", get(extra="X-Long: a\n\tb\n"), [400], CLOSE),
    Case("whitespace line before the first field", "9112 2.2",
         b"GET /health HTTP/1.1\r\n Host: a\r\nHost: a\r\n\r\n", [400], CLOSE),
    Case("NUL in a field value", "9110 5.5", get(extra="X: a\x00b\n"), [400], CLOSE),
    Case("DEL in a field value", "9110 5.5", get(extra="X: a\x7fb\n"), [400], CLOSE),
    Case("obs-text in a field value is accepted", "9110 5.5", get(extra="X: caf\xe9\n"), [200], KEEP),
    Case("space before the colon", "9112 5.1", get(extra="X-Test : 1\n"), [400], CLOSE),
    Case("tab before the colon", "9112 5.1", get(extra="X-Test\t: 1\n"), [400], CLOSE),
    Case("invalid character in a field name", "9110 5.1", get(extra="X@Y: 1\n"), [400], CLOSE),
    Case("empty field name", "9110 5.1", get(extra=": 1\n"), [400], CLOSE),
    Case("field line without a colon", "9112 5", get(extra="NoColon\n"), [400], CLOSE),
    Case("repeated fields are kept", "9110 5.3", get(extra="Accept: a\nAccept: b\nX-A: 1\nX-A: 2\n"), [200], KEEP),
    Case("empty field value is fine", "9110 5.5", get(extra="X-Empty:\n"), [200], KEEP),
    Case("field value with OWS only", "9110 5.5", get(extra="X-Empty: \t \n"), [200], KEEP),
    # --- Host (RFC 9112 section 3.2; RFC 9110 section 7.2) ---
    Case("missing Host in HTTP/1.1", "9112 3.2", b"GET /health HTTP/1.1\r\n\r\n", [400], CLOSE),
    Case("duplicate Host", "9112 3.2", get(extra="Host: other\n"), [400], CLOSE),
    Case("Host with a space inside", "9112 3.2", b"GET /health HTTP/1.1\r\nHost: a b\r\n\r\n", [400], CLOSE),
    Case("Host with a slash", "9112 3.2", b"GET /health HTTP/1.1\r\nHost: a/b\r\n\r\n", [400], CLOSE),
    Case("Host with an empty value", "9112 3.2", b"GET /health HTTP/1.1\r\nHost:\r\n\r\n", [200], KEEP),
    Case("Host as IPv6 literal with port", "9110 7.2", b"GET /health HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", [200],
         KEEP),
    Case("HTTP/1.0 without Host", "9112 3.2", b"GET /health HTTP/1.0\r\n\r\n", [200], CLOSE),
    # --- Request targets (RFC 9112 section 3.2) ---
    Case("absolute-form target", "9112 3.2.2", b"GET http://localhost/health HTTP/1.1\r\nHost: localhost\r\n\r\n",
         [200], KEEP),
    Case("absolute-form target with a different Host", "9112 3.2.2",
         b"GET http://localhost/health HTTP/1.1\r\nHost: elsewhere.test\r\n\r\n", [200], KEEP),
    Case("absolute-form target without Host", "9112 3.2", b"GET http://localhost/health HTTP/1.1\r\n\r\n", [400],
         CLOSE),
    Case("absolute-form with an unknown scheme", "9112 3.2.2", b"GET ftp://a/health HTTP/1.1\r\nHost: a\r\n\r\n",
         [400], CLOSE),
    Case("asterisk-form OPTIONS", "9112 3.2.4, 9110 9.3.7", b"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", [204], KEEP,
         check=header("Allow", "GET")),
    Case("asterisk-form with GET", "9112 3.2.4", b"GET * HTTP/1.1\r\nHost: a\r\n\r\n", [400], CLOSE),
    Case("authority-form with GET", "9112 3.2.3", b"GET localhost:80 HTTP/1.1\r\nHost: localhost\r\n\r\n", [400],
         CLOSE),
    Case("CONNECT to an origin server", "9110 9.3.6", b"CONNECT a.test:443 HTTP/1.1\r\nHost: a.test:443\r\n\r\n",
         [501], KEEP),
    Case("relative target without a slash", "9112 3.2", b"GET health HTTP/1.1\r\nHost: a\r\n\r\n", [400], CLOSE),
    Case("space inside the target", "9112 3", b"GET /he alth HTTP/1.1\r\nHost: a\r\n\r\n", [400], CLOSE),
    Case("non-ASCII byte in the target", "9112 3.2", b"GET /h\xe9 HTTP/1.1\r\nHost: a\r\n\r\n", [400], CLOSE),
    # --- Request line and methods (RFC 9112 section 3; RFC 9110 section 9) ---
    Case("two spaces between method and target", "9112 3", b"GET  /health HTTP/1.1\r\nHost: a\r\n\r\n", [400],
         CLOSE),
    Case("tab as the request line separator", "9112 3", b"GET\t/health HTTP/1.1\r\nHost: a\r\n\r\n", [400], CLOSE),
    Case("empty lines before the request line are ignored", "9112 2.2", b"\r\n\r\n" + get(), [200], KEEP),
    Case("HTTP/0.9 simple request", "9112 2.3", b"GET /health\r\n\r\n", [400], CLOSE),
    Case("unknown method", "9110 9.1, 15.6.2", b"BREW /health HTTP/1.1\r\nHost: a\r\n\r\n", [501], KEEP),
    Case("methods are case-sensitive", "9110 9.1", b"get /health HTTP/1.1\r\nHost: a\r\n\r\n", [501], KEEP),
    Case("invalid token character in the method", "9110 9.1", b"GE(T /health HTTP/1.1\r\nHost: a\r\n\r\n", [400],
         CLOSE),
    Case("DELETE on a GET resource is 405 with Allow", "9110 15.5.6",
         b"DELETE /health HTTP/1.1\r\nHost: a\r\n\r\n", [405], KEEP, check=header("Allow", "GET, HEAD, OPTIONS")),
    Case("TRACE is 405", "9110 9.3.8", b"TRACE /health HTTP/1.1\r\nHost: a\r\n\r\n", [405], KEEP),
    Case("OPTIONS lists the methods", "9110 9.3.7", b"OPTIONS /v1/articles HTTP/1.1\r\nHost: a\r\n\r\n", [204], KEEP,
         check=header("Allow", "GET, HEAD, OPTIONS")),
    # --- Versions (RFC 9112 section 2.3) ---
    Case("HTTP/2.0 in a request line", "9110 15.6.6", b"GET /health HTTP/2.0\r\nHost: a\r\n\r\n", [505], CLOSE),
    Case("HTTP/3.0 in a request line", "9110 15.6.6", b"GET /health HTTP/3.0\r\nHost: a\r\n\r\n", [505], CLOSE),
    Case("HTTP/1.2 is served as HTTP/1.1", "9110 2.5", b"GET /health HTTP/1.2\r\nHost: a\r\n\r\n", [200], KEEP),
    Case("lower-case version", "9112 2.3", b"GET /health http/1.1\r\nHost: a\r\n\r\n", [400], CLOSE),
    Case("two-digit minor version", "9112 2.3", b"GET /health HTTP/1.10\r\nHost: a\r\n\r\n", [400], CLOSE),
    # --- Limits (RFC 9110 sections 15.5.14, 15.5.15; RFC 6585 section 5) ---
    Case("request line over the limit: 414", "9112 3, 9110 15.5.15", get(LONG_TARGET), [414], CLOSE),
    Case("header section over the limit: 431", "RFC 6585 5",
         get(extra="".join(f"X-{i}: {'v' * 300}\n" for i in range(15))), [431], CLOSE),
    Case("too many fields: 431", "RFC 6585 5", get(extra="".join(f"X-{i}: v\n" for i in range(25))), [431], CLOSE),
    Case("Content-Length over the limit: 413 before the body", "9110 15.5.14", post("Content-Length: 100000\n"),
         [413], CLOSE),
    # --- Pipelining (RFC 9112 section 9.3.2) ---
    Case("three requests answered in order", "9112 9.3.2", get("/health") + get("/nowhere") + get("/ready"),
         [200, 404, 200], KEEP),
    Case("pipelined POST with a body between GETs", "9112 9.3.2",
         get() + post("Content-Length: 4\n", b"abcd") + get(), [200, 405, 200], KEEP),
    Case("pipelined chunked POST between GETs", "9112 9.3.2",
         get() + chunked_post("2\r\nab\r\n0\r\n\r\n") + get(), [200, 405, 200], KEEP),
    Case("a bad request ends the pipeline", "9112 9.3.2", get() + b"GET / HTTP/1.1\r\nHost : a\r\n\r\n" + get(),
         [200, 400], CLOSE),
    Case("Connection: close in the middle of a pipeline", "9112 9.6",
         get() + get(extra="Connection: close\n") + get(), [200, 200], CLOSE),
    Case("a request split across many packets", "9112 2.1",
         [b"GE", b"T /hea", b"lth HTTP/1.1\r", b"\nHost: a\r\n", b"\r\n"], [200], KEEP, pause=0.05),
    # --- Connection management (RFC 9112 section 9) ---
    Case("Connection: close", "9112 9.6", get(extra="Connection: close\n"), [200], CLOSE,
         check=header("Connection", "close")),
    Case("Connection: CLOSE in upper case", "9112 9.6", get(extra="Connection: CLOSE\n"), [200], CLOSE),
    Case("Connection: keep-alive, close", "9112 9.6", get(extra="Connection: keep-alive, close\n"), [200], CLOSE),
    Case("HTTP/1.0 closes by default", "9112 9.3", b"GET /health HTTP/1.0\r\n\r\n", [200], CLOSE),
    Case("HTTP/1.0 with Connection: keep-alive", "9112 9.3, 19.7.1",
         b"GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", [200], KEEP,
         check=header("Connection", "keep-alive")),
    Case("HTTP/1.1 keep-alive answers carry no Connection: close", "9112 9.3", get(), [200], KEEP,
         check=no_header("Connection")),
    Case("half-close after a request still gets the answer", "9112 9.6", get(), [200], CLOSE, half_close=True),
    # --- Expect: 100-continue (RFC 9110 section 10.1.1) ---
    Case("100-continue before the body", "9110 10.1.1",
         [post("Expect: 100-continue\nContent-Length: 5\n"), b"hello"], [100, 405], KEEP, pause=0.5),
    Case("100-continue with a chunked body", "9110 10.1.1",
         [post("Transfer-Encoding: chunked\nExpect: 100-continue\n"), b"5\r\nhello\r\n0\r\n\r\n"], [100, 405], KEEP,
         pause=0.5),
    Case("100-continue with the body already sent gets no 100", "9110 10.1.1",
         post("Expect: 100-continue\nContent-Length: 5\n", b"hello"), [405], KEEP),
    Case("100-continue with a body over the limit: 413, no 100", "9110 10.1.1",
         post("Expect: 100-continue\nContent-Length: 100000\n"), [413], CLOSE),
    Case("unknown expectation: 417", "9110 10.1.1", post("Expect: tea\nContent-Length: 1\n", b"x"), [417], CLOSE),
    Case("Expect in HTTP/1.0 is ignored", "9110 10.1.1",
         req("POST /health HTTP/1.0\nExpect: 100-continue\nContent-Length: 1\n\n", b"x"), [405], CLOSE),
    # --- Timeouts (RFC 9110 section 15.5.9) ---
    Case("head not finished in time: 408", "9110 15.5.9", [b"GET /health HTTP/1.1\r\nHost: a\r\n"], [408], CLOSE),
]

def parse_responses(data, methods, count, closed=False):
    """Parses `data` as the answers to `count` requests with h11 as the client; `closed` says the
    server closed the connection after them. Returns (responses, error); each response is
    (status, headers, body)."""
    conn = h11.Connection(our_role=h11.CLIENT)
    responses = []
    current = None
    sent = 0
    data_fed = False

    def send_next():
        nonlocal sent
        method = methods[sent] if sent < len(methods) else "GET"
        conn.send(h11.Request(method=method, target="/", headers=[("Host", "localhost")]))
        conn.send(h11.EndOfMessage())
        sent += 1

    try:
        send_next()
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                if data_fed:
                    break
                conn.receive_data(data)
                if closed:
                    conn.receive_data(b"")
                data_fed = True
                continue
            if event is h11.PAUSED:
                if conn.our_state is h11.DONE and conn.their_state is h11.DONE:
                    conn.start_next_cycle()
                    send_next()
                    continue
                break
            if isinstance(event, h11.InformationalResponse):
                responses.append((event.status_code, decode_headers(event.headers), b""))
            elif isinstance(event, h11.Response):
                current = [event.status_code, decode_headers(event.headers), b""]
            elif isinstance(event, h11.Data):
                current[2] += event.data
            elif isinstance(event, h11.EndOfMessage):
                responses.append(tuple(current))
                current = None
                if count and len(responses) == count:
                    extra = conn.trailing_data[0]
                    if extra:
                        return responses, f"{len(extra)} bytes after the last expected response: {extra[:60]!r}"
                    break
                if conn.their_state is h11.DONE and conn.our_state is h11.DONE:
                    conn.start_next_cycle()
                    send_next()
            elif isinstance(event, h11.ConnectionClosed):
                break
    except h11.RemoteProtocolError as error:
        return responses, f"h11 rejected the response bytes: {error}"
    except h11.LocalProtocolError as error:
        if len(responses) < count:
            return responses, f"h11 state error after {len(responses)} responses: {error}"
    if current is not None:
        return responses, "a response ended before its body was complete"
    return responses, None


def decode_headers(headers):
    return {name.decode("latin-1").title(): value.decode("latin-1") for name, value in headers}


def read_until(sock, predicate, timeout):
    """Reads until predicate(data, closed) holds or timeout; returns (data, closed)."""
    data = b""
    deadline = time.monotonic() + timeout
    closed = False
    while not predicate(data, closed):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            break
        except ConnectionResetError:
            closed = True
            break
        if not chunk:
            closed = True
            break
        data += chunk
    return data, closed


def complete_count(data, methods):
    responses, _ = parse_responses(data, methods, 0)
    return len(responses)


def run_case(case, port):
    methods = case.methods or ["GET"] * len(case.expect)
    pieces = case.send if isinstance(case.send, list) else [case.send]
    sock = socket.create_connection(("127.0.0.1", port), timeout=READ_TIMEOUT)
    data = b""
    closed = False
    try:
        for index, piece in enumerate(pieces):
            if index > 0 and case.pause:
                # An interim 100 must arrive before the body is sent.
                if case.expect and case.expect[0] == 100 and index == 1:
                    more, closed = read_until(sock, lambda d, c: b"\r\n\r\n" in d or c, 2.0)
                    data += more
                    if not data.startswith(b"HTTP/1.1 100"):
                        return f"no 100 Continue before the body (got {data[:40]!r})"
                else:
                    time.sleep(case.pause)
            sock.sendall(piece)
        if case.half_close:
            sock.shutdown(socket.SHUT_WR)
        timeout = HEADER_SECONDS + READ_TIMEOUT if 408 in case.expect else READ_TIMEOUT
        if case.connection == CLOSE:
            more, closed = read_until(sock, lambda d, c: c, timeout)
        else:
            more, closed = read_until(sock, lambda d, c: c or complete_count(data + d, methods) >= len(case.expect),
                                      timeout)
        data += more
        responses, error = parse_responses(data, methods, len(case.expect), closed)
        if error:
            return error
        statuses = [r[0] for r in responses]
        if statuses != case.expect:
            return f"expected {case.expect}, got {statuses}"
        if case.connection == CLOSE and not closed:
            return "the server did not close the connection"
        if case.connection == KEEP:
            if closed:
                return "the server closed a connection that should stay open"
            sock.sendall(get())
            probe, _ = read_until(sock, lambda d, c: c or complete_count(d, ["GET"]) >= 1, READ_TIMEOUT)
            probe_responses, probe_error = parse_responses(probe, ["GET"], 1)
            if probe_error or [r[0] for r in probe_responses[:1]] != [200]:
                return f"follow-up GET /health on the same connection failed: {probe_error or probe[:80]!r}"
        for status, headers, body in responses:
            problem = check_common(status, headers, body)
            if problem:
                return problem
        if case.check:
            return case.check(responses)
        return None
    finally:
        sock.close()


def check_common(status, headers, body):
    """What every response must carry (RFC 9110 sections 6.6.1, 8.6, 10.2.4)."""
    if status < 200:
        return None
    if "Date" not in headers:
        return f"{status} response without Date"
    if headers.get("Server") != "newsdesk":
        return f"{status} response without Server: newsdesk"
    if status >= 400 and "application/problem+json" not in headers.get("Content-Type", ""):
        return f"{status} response is not application/problem+json"
    if status >= 400 and body:
        try:
            if json.loads(body).get("status") != status:
                return f"problem document status differs from {status}"
        except ValueError:
            return f"{status} problem body is not JSON"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="the newsdesk binary (default .build/debug/newsdesk)")
    parser.add_argument("--only", default="")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), "case names must be unique"

    config = {"limits": LIMITS, "timeouts": {"headerSeconds": HEADER_SECONDS}, "log": {"access": False}}
    passed = failed = 0
    with ServerProcess(config, binary=args.binary) as server:
        for case in CASES:
            if args.only and args.only.lower() not in case.name.lower():
                continue
            try:
                problem = run_case(case, server.port)
            except OSError as error:
                problem = f"socket error: {error}"
            if problem:
                failed += 1
                print(f"FAIL {case.name} [RFC {case.rfc}]: {problem}")
            else:
                passed += 1
                if args.verbose:
                    print(f"ok   {case.name} [RFC {case.rfc}]")
        if not server.alive():
            failed += 1
            print("FAIL the server exited during the suite")
    print(f"conformance: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
