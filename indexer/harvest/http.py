"""A polite HTTP client for one ModernGov site.

Everything the harvester fetches goes through :class:`PoliteClient`, which

* names itself (:data:`USER_AGENT`: the project and where to read about it);
* reads the site's ``robots.txt`` first (with ``protego``) and refuses what it forbids,
  and waits its ``Crawl-delay`` if that is longer than ours;
* sends one request at a time to the host, at least ``delay`` seconds apart;
* retries timeouts, dropped connections, 429 and 5xx answers with exponential backoff,
  waiting as long as a ``Retry-After`` header asks (up to a limit);
* gives every request a timeout and a size limit, and streams the body so an oversized
  answer is cut off rather than read;
* never leaves the site: links and redirects to other hosts are refused;
* asks conditionally (``If-None-Match`` / ``If-Modified-Since``) when it has validators.

httpx rather than urllib: it keeps one connection open to the site (one TLS handshake per
run, not per page), has separate connect and read timeouts, streams bodies, and leaves
redirects to us, so each hop is checked against the site and robots.txt.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit, urlunsplit

import httpx
from protego import Protego

from . import urls
from .errors import FetchError, OffSiteError, RobotsError

try:
    _VERSION = version("minutes-search")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    _VERSION = "0"

#: Where a site's webmaster can read what this crawler is and who runs it.
PROJECT_URL = "https://github.com/minutes-search/minutes-search"
USER_AGENT = f"minutes-search/{_VERSION} (+{PROJECT_URL}; harvests public minutes for local search)"
#: The token robots.txt groups are matched against.
ROBOTS_AGENT = "minutes-search"

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524})


@dataclass(frozen=True, slots=True)
class Politeness:
    """How gently to treat a site. Tests turn the waits down; people should not need to."""

    delay: float = 1.0             #: seconds between the start of one request and the next
    timeout: float = 30.0          #: seconds to connect, and between bytes of an answer
    total_timeout: float = 120.0   #: seconds for a whole answer, however it trickles in
    max_bytes: int = 50 * 1024 * 1024  #: answers larger than this are refused
    attempts: int = 4              #: tries per request, the first included
    backoff: float = 2.0           #: first retry wait in seconds, doubling each time
    max_wait: float = 300.0        #: longest Retry-After honoured; longer is a failure
    max_redirects: int = 5


@dataclass(slots=True)
class Response:
    """A fetched page (or a 304 saying it is unchanged)."""

    url: str                    #: the address asked for
    final_url: str              #: where the answer came from, after redirects
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    fetched: str = ""           #: ISO time the answer arrived (UTC)
    retry_after: str | None = None  #: a 429/5xx answer's Retry-After header

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(slots=True)
class Stats:
    """What the client did, for the run summary and tests."""

    requests: int = 0
    bytes: int = 0
    not_modified: int = 0
    retries: int = 0
    waits: list[float] = field(default_factory=list)  #: every backoff / Retry-After wait
    robots_refused: list[str] = field(default_factory=list)
    off_site: list[str] = field(default_factory=list)


class PoliteClient:
    """Fetch pages of one site, politely. Use as a context manager."""

    def __init__(
        self,
        root: str,
        politeness: Politeness | None = None,
        *,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.root = urls.site_root(root)
        self.polite = politeness or Politeness()
        self.user_agent = user_agent
        self.stats = Stats()
        self._sleep = sleep
        self._lock = threading.Lock()  # one request at a time to this host
        self._last = 0.0
        self._robots: Protego | None = None
        self._robots_note = ""
        self._session = ""  # an ASP.NET cookieless session segment the site redirected us into
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.polite.timeout),
            follow_redirects=False,
            transport=transport,
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ robots.txt

    def load_robots(self) -> str:
        """Fetch and parse the host's robots.txt; return a sentence on what was found.

        A missing file (4xx) allows everything. A server error or no answer forbids
        everything, as RFC 9309 asks: the site may be in trouble, and a harvester should
        come back later rather than guess.
        """
        parts = urlsplit(self.root)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            resp = self._request(robots_url, {}, check_robots=False)
        except FetchError as exc:
            raise RobotsError(f"Could not read {robots_url} ({exc.reason}); nothing was fetched. Try again later.") from exc
        if resp.status >= 400:
            self._robots = Protego.parse("")
            self._robots_note = f"{robots_url}: none (HTTP {resp.status}), everything allowed"
        else:
            self._robots = Protego.parse(resp.body.decode("utf-8", "replace"))
            self._robots_note = f"{robots_url}: read"
            delay = self._robots.crawl_delay(ROBOTS_AGENT)
            if delay and float(delay) > self.polite.delay:
                self._robots_note += f", Crawl-delay {float(delay):g} s honoured"
                self.polite = Politeness(**{**_fields(self.polite), "delay": float(delay)})
        return self._robots_note

    def allowed(self, url: str) -> bool:
        """True if robots.txt lets us fetch ``url`` (load it first)."""
        if self._robots is None:
            self.load_robots()
        assert self._robots is not None
        # Rules are written for session-free paths ("Disallow: /mgMemberIndex.aspx").
        return all(self._robots.can_fetch(u, ROBOTS_AGENT) for u in {url, urls.canonical(url)})

    # ------------------------------------------------------------------ fetching

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            retries: bool = True) -> Response:
        """Fetch ``url`` (on this site, allowed by robots.txt), retrying what is worth retrying.

        ``retries=False`` tries once: for probes (such as the web service) that have a
        fallback.

        Raises :class:`OffSiteError`, :class:`RobotsError` or :class:`FetchError` with a
        sentence saying what went wrong.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers, check_robots=True, attempts=self.polite.attempts if retries else 1)

    def _request(self, url: str, headers: dict[str, str], *, check_robots: bool, attempts: int = 0) -> Response:
        url = urls.on_site(url, self.root)
        asked = url
        url = self._in_session(url)
        for _hop in range(self.polite.max_redirects + 1):
            self._check(url, check_robots)
            resp = self._with_retries(url, headers, attempts or self.polite.attempts)
            if resp.status in (301, 302, 303, 307, 308) and resp.final_url:
                nxt = urls.on_site(urls.absolute(url, resp.final_url), self.root)
                self._learn_session(url, nxt)
                url = nxt
                continue
            resp.url = asked
            return resp
        raise FetchError(asked, f"more than {self.polite.max_redirects} redirects")

    def _learn_session(self, asked: str, location: str) -> None:
        """A site without cookies redirects every session-less address into a session
        ("/(S(k2j...))/page.aspx"); remember the segment so later requests go there directly
        instead of costing the site a redirect each."""
        a, b = urlsplit(asked), urlsplit(location)
        if a.query == b.query and urls.strip_session(b.path) == urls.strip_session(a.path) and b.path != a.path:
            root_path = urlsplit(self.root).path
            rest = b.path[len(root_path):] if b.path.startswith(root_path) else ""
            m = re.match(r"(\((?:[A-Z]\([^()/]*\))+\))/", rest, re.I)
            if m:
                self._session = m.group(1)

    def _in_session(self, url: str) -> str:
        if not self._session:
            return url
        parts = urlsplit(url)
        root_path = urlsplit(self.root).path
        if urls.strip_session(parts.path) != parts.path or not parts.path.startswith(root_path) \
                or not urls.page_name(url):
            return url
        path = root_path + self._session + "/" + parts.path[len(root_path):]
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))

    def _check(self, url: str, check_robots: bool) -> None:
        if not urls.same_site(url, self.root):
            self.stats.off_site.append(url)
            raise OffSiteError(url, f"{url} is not on {self.root}; the harvester never leaves the site")
        if check_robots and not self.allowed(url):
            self.stats.robots_refused.append(url)
            raise RobotsError(f"robots.txt forbids {url}")

    def _with_retries(self, url: str, headers: dict[str, str], attempts: int) -> Response:
        attempt = 0
        while True:
            attempt += 1
            try:
                resp = self._once(url, headers)
            except FetchError as exc:
                if not exc.retryable or attempt >= attempts:
                    raise
                self._backoff(url, attempt, None, exc.reason)
                continue
            if resp.status in RETRY_STATUSES:
                if attempt >= attempts:
                    times = "once" if attempt == 1 else f"{attempt} times"
                    raise FetchError(url, f"the server answered HTTP {resp.status} {times}", status=resp.status)
                self._backoff(url, attempt, resp, f"HTTP {resp.status}")
                continue
            if resp.status >= 400:
                raise FetchError(url, _status_reason(resp.status), retryable=False, status=resp.status)
            return resp

    def _backoff(self, url: str, attempt: int, resp: Response | None, why: str) -> None:
        wait = self.polite.backoff * (2 ** (attempt - 1)) * (1 + random.random() / 4)
        after = _retry_after(resp)
        if after is not None:
            if after > self.polite.max_wait:
                raise FetchError(url, f"{why}, and the server asked us to wait {after:.0f} s", retryable=False)
            wait = max(after, 0.0)
        self.stats.retries += 1
        self.stats.waits.append(round(wait, 3))
        self._sleep(wait)

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        with self._lock:
            gap = self._last + self.polite.delay - time.monotonic()
            if gap > 0:
                self._sleep(gap)
            self._last = time.monotonic()
            self.stats.requests += 1
            started = time.monotonic()
            try:
                with self._client.stream("GET", url, headers=headers) as r:
                    resp = Response(
                        url=url,
                        final_url=r.headers.get("location", "") if r.is_redirect else url,
                        status=r.status_code,
                        etag=r.headers.get("etag"),
                        last_modified=r.headers.get("last-modified"),
                        content_type=r.headers.get("content-type", ""),
                        fetched=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    )
                    if r.status_code in RETRY_STATUSES:
                        resp.retry_after = r.headers.get("retry-after")
                        return resp
                    if r.status_code == 304 or r.is_redirect or r.status_code >= 400:
                        self.stats.not_modified += r.status_code == 304
                        return resp
                    resp.body = self._read_body(url, r, started)
                    return resp
            except httpx.TimeoutException:
                raise FetchError(url, f"no answer within {self.polite.timeout:g} s (timed out)") from None
            except httpx.TransportError as exc:
                raise FetchError(url, f"the connection failed ({type(exc).__name__})") from None
            finally:
                self._last = time.monotonic()

    def _read_body(self, url: str, r: httpx.Response, started: float) -> bytes:
        limit = self.polite.max_bytes
        declared = r.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"the answer is {int(declared) // 1024:,} KB, over the {limit // 1024:,} KB limit",
                             retryable=False)
        chunks: list[bytes] = []
        size = 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            self.stats.bytes += len(chunk)
            if size > limit:
                raise FetchError(url, f"the answer is over the {limit // 1024:,} KB limit; stopped reading",
                                 retryable=False)
            if time.monotonic() - started > self.polite.total_timeout:
                raise FetchError(url, f"the answer took over {self.polite.total_timeout:g} s to arrive")
            chunks.append(chunk)
        return b"".join(chunks)


def _retry_after(resp: Response | None) -> float | None:
    """Seconds a 429/503 answer asked us to wait (``Retry-After``: seconds or a date)."""
    if resp is None or not resp.retry_after:
        return None
    value = resp.retry_after.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _status_reason(status: int) -> str:
    if status == 404:
        return "the page does not exist (HTTP 404)"
    if status in (401, 403):
        return (f"the site refused access (HTTP {status}); some councils block automated "
                "clients, and the site's own pages say whom to ask")
    return f"the server answered HTTP {status}"


def _fields(p: Politeness) -> dict[str, object]:
    return {name: getattr(p, name) for name in p.__dataclass_fields__}
