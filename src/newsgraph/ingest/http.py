"""Fetch pages over HTTP(S) politely and safely: the one place newsgraph talks to the network.

What it guards against, and why:

* **Server-side request forgery.**  newsgraph may run on a server that takes URLs from users;
  it must not become a proxy into that server's own network.  Every host is resolved first and
  the request refused when any address is loopback, private, link-local, multicast or
  otherwise not global, IPv4 addresses inside IPv6 ones included (see addresses.py), unless
  ``allow_private``.  The request then goes to the address that was checked
  (the URL's host is replaced by it; ``Host`` and TLS SNI keep the name), so a DNS answer that
  changes between check and connect cannot slip through.  Redirects are followed by hand, and
  each hop is checked the same way.
* **Hostile or broken servers.**  Connect/read timeouts, plus a deadline for the whole
  response (a server trickling one byte a second never trips a read timeout); a cap on the
  body, checked on ``Content-Length`` and again while streaming, so a huge or endless body is
  cut off without being held in memory.
* **Transient failures.**  Timeouts, dropped connections, 429 and 5xx are retried with
  exponential backoff; other 4xx are final.
* **Politeness.**  A descriptive User-Agent, and robots.txt (RFC 9309) respected by default:
  fetched once per origin, 4xx means no rules, 5xx or unreachable means stay out.

Every failure is an :class:`~newsgraph.errors.InputError` with a one-line reason, so a batch
reports it and goes on.  A :class:`Fetcher` is thread-safe (httpx clients are), which is how
the runner fetches several pages at once.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsgraph import __version__
from newsgraph.errors import InputError
from newsgraph.ingest.addresses import refusal

USER_AGENT = f"newsgraph/{__version__} (news analysis; one request at a time per page; respects robots.txt)"
#: Content types read as article pages, and as plain text.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 512_000


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How to fetch: limits, retries, and what is allowed.  The CLI fills it from its flags."""

    timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 10_000_000
    retries: int = 2
    backoff: float = 0.5
    max_redirects: int = 5
    allow_private: bool = False
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the final URL, content type (lower case, no parameters), body."""

    url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))


class _Retryable(Exception):
    """A failure worth another try (timeout, dropped connection, 429/5xx)."""


def check_address(host: str, port: int, allow_private: bool) -> str:
    """Resolve ``host`` and return the address to connect to; InputError if it is refused.

    Every address the name resolves to is checked (an attacker's name may resolve to one
    public and one private address); the first is used.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(host, f"cannot resolve host {host!r} ({exc})") from exc
    addresses = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        why = None if allow_private else refusal(addr)
        if why:
            raise InputError(
                host,
                f"refused: {host} resolves to {addr}, {why} "
                "(pass --allow-private to fetch from local or private networks)",
            )
        addresses.append(str(addr))
    if not addresses:
        raise InputError(host, f"cannot resolve host {host!r}")
    return addresses[0]


class Fetcher:
    """Fetches URLs under a :class:`FetchPolicy` (see the module docstring)."""

    def __init__(
        self, policy: FetchPolicy | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.policy = policy or FetchPolicy()
        timeout = httpx.Timeout(self.policy.timeout)
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept": "text/html,application/xhtml+xml,*/*;q=0.5",
            },
            transport=transport,
            trust_env=False,  # no proxy from the environment: the address check must be the last word
        )
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -------------------------------------------------------------------------------

    def get(self, url: str, *, max_bytes: int | None = None, check_robots: bool = True) -> Fetched:
        """GET ``url`` following redirects; the response if 2xx, else InputError."""
        limit = self.policy.max_bytes if max_bytes is None else max_bytes
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_url(current, url)
            if check_robots and self.policy.respect_robots and not self._allowed(current):
                raise InputError(
                    url, f"disallowed by robots.txt of {_origin(current)} (pass --ignore-robots)"
                )
            status, headers, body = self._with_retries(current, url, limit)
            if status in _REDIRECT_STATUS:
                location = headers.get("location")
                if not location:
                    raise InputError(url, f"HTTP {status} redirect without a Location header")
                current = urljoin(current, location)
                continue
            if status >= 400:
                raise InputError(url, f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip())
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(url=current, status=status, content_type=ctype, body=body)
        raise InputError(url, f"more than {self.policy.max_redirects} redirects")

    # -- internals ------------------------------------------------------------------------------

    def _check_url(self, current: str, label: str) -> None:
        """Scheme, host and address checks, before anything (robots.txt included) is fetched."""
        try:
            parts = httpx.URL(current)
        except httpx.InvalidURL as exc:
            raise InputError(label, f"invalid URL ({exc})") from exc
        if parts.scheme not in ("http", "https"):
            raise InputError(label, f"unsupported URL scheme {parts.scheme!r} (only http and https)")
        if not parts.host:
            raise InputError(label, "URL has no host")
        try:
            check_address(parts.host, parts.port or 443, self.policy.allow_private)
        except InputError as exc:
            raise InputError(label, exc.reason) from exc

    def _with_retries(self, url: str, label: str, limit: int) -> tuple[int, httpx.Headers, bytes]:
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            try:
                return self._once(url, label, limit)
            except _Retryable as exc:
                if attempt + 1 >= attempts:
                    raise InputError(label, f"{exc} (gave up after {attempts} attempts)") from exc
                time.sleep(min(self.policy.backoff * 2**attempt, 30.0))
        raise AssertionError("unreachable")

    def _once(self, url: str, label: str, limit: int) -> tuple[int, httpx.Headers, bytes]:
        parts = httpx.URL(url)
        host = parts.host
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            address = check_address(host, port, self.policy.allow_private)
        except InputError as exc:
            raise InputError(label, exc.reason) from exc
        pinned = parts.copy_with(host=address)
        host_header = host if parts.port is None else f"{host}:{parts.port}"
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        deadline = time.monotonic() + self.policy.total_timeout
        try:
            request = self._client.build_request(
                "GET", pinned, headers={"Host": host_header}, extensions=extensions
            )
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out after {self.policy.timeout:g} s") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed: {exc or type(exc).__name__}") from exc
        try:
            if response.status_code in _RETRY_STATUS:
                raise _Retryable(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            if response.status_code in _REDIRECT_STATUS or response.status_code >= 400:
                return response.status_code, response.headers, b""
            return response.status_code, response.headers, self._read(response, label, limit, deadline)
        finally:
            response.close()

    def _read(self, response: httpx.Response, label: str, limit: int, deadline: float) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise InputError(label, _too_large(int(declared), limit))
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise InputError(label, _too_large(size, limit, streamed=True))
                if time.monotonic() > deadline:
                    raise _Retryable(f"response took longer than {self.policy.total_timeout:g} s")
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out after {self.policy.timeout:g} s while reading") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"connection dropped while reading: {exc or type(exc).__name__}") from exc
        return b"".join(chunks)

    def _allowed(self, url: str) -> bool:
        origin = _origin(url)
        with self._robots_lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            parser = self._robots[origin]
        if parser is None:  # robots.txt unreachable or 5xx: RFC 9309 says stay out
            return False
        return parser.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        parser = RobotFileParser()
        try:
            fetched = self.get(f"{origin}/robots.txt", max_bytes=_ROBOTS_MAX_BYTES, check_robots=False)
        except InputError as exc:
            if exc.reason.startswith("HTTP 4"):
                parser.parse([])  # no robots.txt: everything allowed
                return parser
            return None
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _too_large(size: int, limit: int, streamed: bool = False) -> str:
    over = "over " if streamed else ""
    return (
        f"response too large ({over}{size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB, see --max-bytes)"
    )


def is_url(text: str) -> bool:
    """Whether a command-line argument is a URL (rather than a path)."""
    return text.lower().startswith(("http://", "https://"))


__all__ = ["USER_AGENT", "FetchPolicy", "Fetched", "Fetcher", "check_address", "is_url"]
