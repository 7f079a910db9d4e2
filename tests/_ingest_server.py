"""A real HTTP server on 127.0.0.1 for the ingest tests: article pages, a feed, and bad cases.

Started by the tests themselves (a thread), bound to 127.0.0.1 only, stopped after them.
Routes: ``/a1.html`` ``/a2.html`` ``/a3.html`` (articles), ``/feed.xml`` (RSS: a1, a redirect
to a3, and a dead link), ``/redirect`` (302 to a3), ``/missing.html`` (404), ``/slow.html``
(answers after ``SLOW_SECONDS``), ``/huge.html`` (2 MB, streamed without a length),
``/flaky.html`` (503 once, then the page), ``/private/x.html`` (forbidden by robots.txt).
Every request is counted in ``hits`` so tests can see what was (not) fetched.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 3.0

TOPICS = {
    "a1": (
        "River treaty signed after decade of talks",
        "Ana Ruiz",
        "This is a good day for both our peoples",
    ),
    "a2": ("Port strike ends as unions accept pay offer", "Tomas Berg", "The workers have won a fair deal"),
    "a3": ("Wildfire season starts early in the south", "Lena Ortiz", "We are ready for a long summer"),
}


def article_text(key: str) -> str:
    _, speaker, quote = TOPICS[key]
    filler = {
        "a1": "The agreement covers water sharing, fishing rights and the dredging of the shared channel.",
        "a2": "Dock operations had stopped for nine days and hundreds of ships waited offshore.",
        "a3": "Firefighters were moved to the region two weeks earlier than in previous years.",
    }[key]
    return (
        f"{filler} Officials from both sides met on Thursday in the capital to confirm the plan.\n\n"
        f'"{quote}," said {speaker}, who led the negotiations for the government.\n\n'
        f"{filler.replace('The ', 'Observers said the ')} Critics said the details were still unclear "
        "and asked for a public debate before the parliament votes on it next month."
    )


def article_html(key: str, with_title: bool = True) -> bytes:
    title = TOPICS[key][0]
    paragraphs = "".join(f"<p>{p}</p>" for p in article_text(key).split("\n\n"))
    head = f"<title>{title}</title>" if with_title else ""
    h1 = f"<h1>{title}</h1>" if with_title else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{h1}{paragraphs}</article>"
        "<footer>Copyright Test News</footer></body></html>"
    ).encode()


def feed_xml(base: str) -> bytes:
    items = [
        ("a1.html", "River treaty signed (feed title)", "Thu, 07 Mar 2024 10:00:00 +0100", "Jane Doe"),
        ("redirect", "Wildfire season (feed title)", "Fri, 08 Mar 2024 09:30:00 +0000", "John Roe"),
        ("missing.html", "A page that is gone", "Sat, 09 Mar 2024 08:00:00 +0000", "Nobody"),
    ]
    body = "".join(
        f"<item><title>{t}</title><link>{base}/{path}</link><pubDate>{d}</pubDate><author>{a}</author></item>"
        for path, t, d, a in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test News</title>'
        f"<link>{base}/</link><description>test</description>{body}</channel></rss>"
    ).encode()


@dataclass
class Server:
    base: str
    port: int
    hits: Counter[str] = field(default_factory=Counter)


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            server.hits[path] += 1
            name = path.strip("/").removesuffix(".html")
            if path == "/robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif name in TOPICS:
                self._send(200, article_html(name))
            elif path == "/feed.xml":
                self._send(200, feed_xml(server.base), "application/rss+xml")
            elif path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/a3.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/slow.html":
                time.sleep(SLOW_SECONDS)
                self._send(200, article_html("a1"))
            elif path == "/huge.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()  # no Content-Length: the cap must hold while streaming
                chunk = b"<p>" + b"word " * 2000 + b"</p>"
                try:
                    for _ in range(2_000_000 // len(chunk)):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
            elif path == "/flaky.html":
                if server.hits[path] == 1:
                    self._send(503, b"busy")
                else:
                    self._send(200, article_html("a2"))
            elif path.startswith("/private/"):
                self._send(200, article_html("a1"))
            else:
                self._send(404, b"<html><body>not found</body></html>")

    return Handler


@contextmanager
def serve() -> Iterator[Server]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    server = Server(base=f"http://127.0.0.1:{port}", port=port)
    httpd.RequestHandlerClass = _handler(server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
